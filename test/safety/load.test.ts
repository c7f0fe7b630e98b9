// A broken safety.json stops the start with file, line and field, never with a bare regex message.
import * as fs from 'fs';
import * as path from 'path';
import { ContentError } from '../../bot/knowledge/jsonFile';
import type { Safety } from '../../bot/knowledge/schema';
import { loadSafety } from '../../bot/safety/load';
import { compilePattern, compilesLikePattern, safetyPatternProblems } from '../../bot/safety/safety';
import { tempDir } from '../helpers/tmp';

const REAL = path.join(__dirname, '../../knowledge/safety.json');
const real = (): Safety => JSON.parse(fs.readFileSync(REAL, 'utf8')) as Safety;

test('the real safety.json loads and has no pattern problems', () => {
  expect(safetyPatternProblems(loadSafety(REAL))).toEqual([]);
});

describe('safetyPatternProblems', () => {
  test.each<[string, (s: Safety) => void, string, RegExp]>([
    ['a pattern that does not compile', (s) => { s.categories[0].patterns.de.push('(unclosed'); }, 'categories.0.patterns.de', /does not compile/],
    ['an exclusion that does not compile', (s) => { s.categories[1].exclude = { de: ['[a-'], en: [] }; }, 'categories.1.exclude.de.0', /does not compile/],
    ['a history marker that does not compile', (s) => { s.markers.history.de.push('vor (\\d+ jahren'); }, 'markers.history.de', /does not compile/],
    ['a numbered back-reference', (s) => { s.categories[0].patterns.en.push('\\bsa(y) \\1\\b'); }, 'categories.0.patterns.en', /back-reference/],
    ['.* between two cues (quadratic on long text)', (s) => { s.categories[1].patterns.de.push('\\bgestürzt\\b.*\\bblutet\\b'); }, 'categories.1.patterns.de', /\.\*/],
    ['a pattern that opens with a repeated class', (s) => { s.markers.history.en.push('\\b(\\w+|a few) (days|weeks) ago\\b'); }, 'markers.history.en', /opens with a repeated class/],
    ['a repeated group holding a repeat', (s) => { s.cues[0].de.push('\\bich( [\\p{L}]+){0,3} tot\\b'); }, 'cues.0.de', /nested quantifiers/],
    ['a combination naming an unknown cue', (s) => { s.combos[0].all.push('nowhere'); }, 'combos.0.all', /unknown cue/],
  ])('%s is found with its place', (_name, breakIt, where, message) => {
    const s = real();
    breakIt(s);
    const problems = safetyPatternProblems(s);
    expect(problems).toHaveLength(1);
    expect(problems[0].path.join('.')).toContain(where);
    expect(problems[0].message).toMatch(message);
  });
});

// The start checks patterns with a cheap stand-in for the Unicode boundary (the real one costs about
// a millisecond per pattern to parse): it must accept and refuse exactly what the real compile does.
describe('the cheap compile check agrees with the real compile', () => {
  const throws = (f: () => unknown): boolean => { try { f(); return false; } catch { return true; } };
  test.each([
    '\\bsturz\\b', '\\b(?:ich|wir) (?:kann|können) nicht mehr\\b', '(?<!nicht )\\bweh\\b', '\\bzucker (?:bei )?\\d{2}\\b',
    '[\\b]', '[\\b', 'a[\\b]b\\b', '\\b(unclosed', '\\bclosed)\\b', '\\b(?<name>a)\\k<name>\\b', '\\b\\k<nope>', '[a-', '\\b[z-a]\\b',
    '\\b\\p{L}{2}\\b', '\\p{Nope}\\b', '\\b\\q\\b', '\\b{2}', 'a\\b+', '(?<=\\b)x', '\\\\b', 'x\\', '\\bfoo|\\bbar)',
  ])('%s', (p) => {
    expect(throws(() => compilesLikePattern(p))).toBe(throws(() => compilePattern(p)));
  });
});

test('loadSafety names the file and the line of the broken pattern', () => {
  const dir = tempDir('pn-safety-');
  try {
    const file = path.join(dir, 'safety.json');
    const s = real();
    s.categories[2].patterns.de.push('(kaputt');
    fs.writeFileSync(file, JSON.stringify(s, null, 2));
    let error: unknown;
    try { loadSafety(file); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ContentError);
    const { line, message } = error as ContentError;
    expect(message).toMatch(new RegExp(`safety\\.json:${line}: categories\\.2\\.patterns\\.de\\.\\d+: pattern does not compile`));
    expect(fs.readFileSync(file, 'utf8').split('\n')[line! - 1]).toContain('"(kaputt"');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
