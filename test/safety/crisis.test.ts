import * as path from 'path';
import { readJsonFile } from '../../bot/knowledge/jsonFile';
import { SafetySchema } from '../../bot/knowledge/schema';
import { createSafetyCheck } from '../../bot/safety/safety';
import phrasings from './phrasings.json';

const safety = createSafetyCheck(readJsonFile(path.join(__dirname, '../../knowledge/safety.json'), SafetySchema));
type Kind = 'suicidal' | 'medical' | 'violence' | 'out_of_hours';
const kinds: Kind[] = ['suicidal', 'medical', 'violence', 'out_of_hours'];

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
