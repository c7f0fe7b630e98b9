// The start skips the pattern check of a safety.json whose exact text passed it before (bot/safety/load.ts):
// the schema check still runs, any other text (a broken pattern above all) is checked and refused with
// file and line, and a missing, broken or foreign marker file only means checking again.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ContentError } from '../../bot/knowledge/jsonFile';
import { checkedPatternsKey, loadSafety } from '../../bot/safety/load';
import * as safetyModule from '../../bot/safety/safety';

const REAL = path.join(__dirname, '../../knowledge/safety.json');
const realText = fs.readFileSync(REAL, 'utf8');
const markers = (dir: string) => fs.readdirSync(dir).filter((f) => /^pattern-check-[0-9a-f]{16}\.json$/.test(f));

let dir: string;
let spy: jest.SpyInstance;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pn-pattern-check-'));
  spy = jest.spyOn(safetyModule, 'safetyPatternProblems');
});
afterEach(() => {
  spy.mockRestore();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** the real file with one pattern that does not compile, written into `dir` */
function brokenCopy(): string {
  const s = JSON.parse(realText) as { categories: { patterns: { de: string[] } }[] };
  s.categories[2].patterns.de.push('(kaputt');
  const file = path.join(dir, 'safety.json');
  fs.writeFileSync(file, JSON.stringify(s, null, 2));
  return file;
}

test('the first load checks and leaves a marker; the next load of the same text skips the check and reads the same data', () => {
  const cache = path.join(dir, 'cache');
  const first = loadSafety(REAL, cache);
  expect(spy).toHaveBeenCalledTimes(1);
  expect(markers(cache)).toHaveLength(1);
  const second = loadSafety(REAL, cache);
  expect(spy).toHaveBeenCalledTimes(1);
  expect(second).toEqual(first);
  expect(second).toEqual(loadSafety(REAL));
});

test('a broken pattern is still refused with file and line when the intact file has a marker', () => {
  const cache = path.join(dir, 'cache');
  loadSafety(REAL, cache);
  const file = brokenCopy();
  let error: unknown;
  try { loadSafety(file, cache); } catch (e) { error = e; }
  expect(error).toBeInstanceOf(ContentError);
  const { line, message } = error as ContentError;
  expect(message).toMatch(/safety\.json:\d+: categories\.2\.patterns\.de\.\d+: pattern does not compile/);
  expect(fs.readFileSync(file, 'utf8').split('\n')[line! - 1]).toContain('"(kaputt"');
  // and it leaves no marker of its own: the next start refuses it again
  expect(markers(cache)).toHaveLength(1);
  expect(() => loadSafety(file, cache)).toThrow(ContentError);
});

test('a schema error is refused even when a marker for that very text exists', () => {
  const file = path.join(dir, 'safety.json');
  const s = JSON.parse(realText) as { categories: unknown };
  s.categories = 'none';
  const text = JSON.stringify(s);
  fs.writeFileSync(file, text);
  const key = checkedPatternsKey(text);
  fs.writeFileSync(path.join(dir, `pattern-check-${key.slice(0, 16)}.json`), JSON.stringify({ format: 1, key, problems: 0 }));
  expect(() => loadSafety(file, dir)).toThrow(ContentError);
});

test.each([
  ['not JSON', () => '{"format": 1, "key": '],
  ['another key', (good: string) => JSON.stringify({ ...JSON.parse(good), key: 'f'.repeat(64) })],
  ['another format', (good: string) => JSON.stringify({ ...JSON.parse(good), format: 99 })],
  ['problems noted', (good: string) => JSON.stringify({ ...JSON.parse(good), problems: 1 })],
])('a marker that is %s means checking again', (_name, breakIt) => {
  loadSafety(REAL, dir);
  const file = path.join(dir, markers(dir)[0]);
  const good = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, breakIt(good));
  spy.mockClear();
  loadSafety(REAL, dir);
  expect(spy).toHaveBeenCalledTimes(1);
  expect(fs.readFileSync(file, 'utf8')).toBe(good);
});

test('the key follows the text, the checking code and the Node version', () => {
  expect(checkedPatternsKey(realText)).toBe(checkedPatternsKey(realText));
  expect(checkedPatternsKey(`${realText} `)).not.toBe(checkedPatternsKey(realText));
  const here = checkedPatternsKey(realText);
  const version = Object.getOwnPropertyDescriptor(process, 'version')!;
  try {
    Object.defineProperty(process, 'version', { value: 'v0.0.0', configurable: true });
    expect(checkedPatternsKey(realText)).not.toBe(here);
  } finally {
    Object.defineProperty(process, 'version', version);
  }
});

test('a cache folder that cannot be written only costs the check each time', () => {
  const blocked = path.join(dir, 'a-file');
  fs.writeFileSync(blocked, '');
  const cache = path.join(blocked, 'cache');
  expect(loadSafety(REAL, cache)).toEqual(loadSafety(REAL));
  loadSafety(REAL, cache);
  expect(spy).toHaveBeenCalledTimes(3);
});
