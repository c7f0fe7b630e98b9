import * as fs from 'fs';
import * as path from 'path';
import { parseJsonl } from '../../bot/safety/evaluate';
import { readJsonFile } from '../../bot/knowledge/jsonFile';
import { SafetySchema } from '../../bot/knowledge/schema';
import { anyOf, compilePattern, createSafetyCheck, normaliseForSafety } from '../../bot/safety/safety';
import phrasings from './phrasings.json';

const safety = createSafetyCheck(readJsonFile(path.join(__dirname, '../../knowledge/safety.json'), SafetySchema));
type Kind = 'suicidal' | 'medical' | 'loss_of_control' | 'violence' | 'out_of_hours';
const kinds: Kind[] = ['suicidal', 'medical', 'loss_of_control', 'violence', 'out_of_hours'];

describe.each(kinds)('crisis recall: %s', (kind) => {
  const set = (phrasings as Record<string, Record<string, string[]>>)[kind];
  test.each([...set.de.map((t) => ['de', t]), ...set.en.map((t) => ['en', t])])('[%s] %s', (_lang, text) => {
    expect(safety.check(text)).toBe(kind);
  });
});

describe('no false alarm on ordinary care questions', () => {
  test.each([...phrasings.none.de, ...phrasings.none.en])('%s', (text) => {
    expect(safety.check(text)).toBeUndefined();
  });
});

test('umlaut words match at word boundaries', () => {
  expect(safety.check('Ärztlicher Bereitschaftsdienst gesucht')).toBe('out_of_hours');
});

describe('one combined regex per category matches exactly where one of its patterns matches', () => {
  const data = readJsonFile(path.join(__dirname, '../../knowledge/safety.json'), SafetySchema);
  const corpus = parseJsonl(fs.readFileSync(path.join(__dirname, 'corpus.jsonl'), 'utf8')).map((r) => r.text);
  const texts = [...Object.values(phrasings as Record<string, Record<string, string[]>>).flatMap((s) => [...s.de, ...s.en]), ...corpus].map(normaliseForSafety);
  test.each(data.categories.map((c) => [c.id, [...c.patterns.de, ...c.patterns.en]] as const))('%s', (_id, patterns) => {
    const combined = anyOf(patterns)!;
    const single = patterns.map(compilePattern);
    let hits = 0;
    for (const t of texts) {
      const expected = single.some((re) => re.test(t));
      if (expected) hits++;
      expect([t, combined.test(t)]).toEqual([t, expected]);
      // the boundary-free prefilter never rejects what the exact test accepts
      if (expected) expect([t, combined.loose.test(t)]).toEqual([t, true]);
    }
    expect(hits).toBeGreaterThan(0);
  });
  test('a numbered back-reference would change meaning inside the alternation and is refused', () => {
    expect(() => anyOf(['\\b(\\w+) \\1\\b'])).toThrow(/back-reference/);
    expect(anyOf([])).toBeUndefined();
  });
});
