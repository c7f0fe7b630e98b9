// The safety prefilter's literal gate kept on disk (bot/safety/gateCache.ts): a gate read from the
// cache answers exactly as a freshly built one; a missing, broken, cut-short, foreign or stale cache
// (other patterns) is rebuilt; an unwritable folder costs only the build. Real patterns and files.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LiteralGate } from '../../bot/safety/literals';
import { cachedLiteralGate } from '../../bot/safety/gateCache';
import { writeCacheFile } from '../../bot/cacheFile';
import { foldUmlauts } from '../../bot/safety/safety';
import { loadSafety } from '../../bot/safety/load';

const loose = (p: string) => foldUmlauts(p).replace(/\\b/g, '');
const data = loadSafety(path.join(__dirname, '../../knowledge/safety.json'));
const both = (x: { de: string[]; en: string[] } | undefined) => [...(x?.de ?? []), ...(x?.en ?? [])];
const sources = [
  ...data.categories.flatMap((c) => [...both(c.patterns), ...both(c.possible)]),
  ...data.cues.flatMap((c) => both(c)),
].map(loose);
const fresh = new LiteralGate(sources);
const texts = fs.readFileSync(path.join(__dirname, 'corpus.jsonl'), 'utf8').split('\n').filter(Boolean)
  .map((l) => (JSON.parse(l) as { text: string }).text);

/** candidates and the may() verdict of every pattern, text by text */
function answers(gate: LiteralGate): string[] {
  return texts.map((t) => {
    const c = [...gate.scan(t)];
    return `${c.join(',')}|${sources.map((_s, i) => (gate.may(i) ? 1 : 0)).join('')}`;
  });
}
const want = answers(fresh);
const cacheFiles = (dir: string) => fs.readdirSync(dir).filter((f) => /^literal-gate-[0-9a-f]{16}\.json$/.test(f));

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pn-gate-cache-')); });
afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

test('the comparison is over real patterns and texts, and some texts have candidates', () => {
  expect(sources.length).toBeGreaterThan(300);
  expect(texts.length).toBeGreaterThan(100);
  expect(want.filter((a) => !a.startsWith('|')).length).toBeGreaterThan(10);
});

test('a missing cache is built and written; the next start reads it and answers the same', () => {
  const logs: string[] = [];
  const first = cachedLiteralGate(sources, dir, (m) => logs.push(m));
  expect(cacheFiles(dir)).toHaveLength(1);
  expect(answers(first)).toEqual(want);
  // a rebuild would write a new file and rename it over this one: inode and (back-dated) time tell
  const file = path.join(dir, cacheFiles(dir)[0]);
  fs.utimesSync(file, new Date('2020-01-01'), new Date('2020-01-01'));
  const before = fs.statSync(file);
  const second = cachedLiteralGate(sources, dir, (m) => logs.push(m));
  const after = fs.statSync(file);
  expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  expect(logs).toEqual([]);
  expect(answers(second)).toEqual(want);
});

test('other patterns (a stale cache) build a gate of their own and replace the old file', () => {
  cachedLiteralGate(sources.slice(0, 50), dir);
  const old = cacheFiles(dir);
  expect(old).toHaveLength(1);
  const gate = cachedLiteralGate(sources, dir);
  expect(answers(gate)).toEqual(want);
  expect(cacheFiles(dir)).toHaveLength(1);
  expect(cacheFiles(dir)).not.toEqual(old);
});

const edit = (f: (d: Record<string, unknown>) => void) => (text: string) => {
  const j = JSON.parse(text) as { data: Record<string, unknown> };
  f(j.data);
  return JSON.stringify(j);
};
test.each([
  ['not JSON', () => '{"format": 1, "key": '],
  ['another key', (text: string) => JSON.stringify({ ...JSON.parse(text), key: 'f'.repeat(64) })],
  ['a table cut short', edit((d) => { d.delta = (d.delta as string).slice(0, 1000); })],
  ['a state out of range', edit((d) => { d.outAt = Buffer.from(Int32Array.from([0, 1e9]).buffer).toString('base64'); })],
  ['a pattern missing', edit((d) => { (d.parts as unknown[]).pop(); })],
  ['a literal id out of range', edit((d) => { d.literals = 1; })],
])('a broken cache (%s) is rebuilt, said in the log, and rewritten', (_name, breakIt) => {
  cachedLiteralGate(sources, dir);
  const file = path.join(dir, cacheFiles(dir)[0]);
  fs.writeFileSync(file, breakIt(fs.readFileSync(file, 'utf8')));
  const logs: string[] = [];
  const gate = cachedLiteralGate(sources, dir, (m) => logs.push(m));
  expect(logs).toHaveLength(1);
  expect(logs[0]).toMatch(/literal gate cache .* is unreadable .*rebuilding/);
  expect(answers(gate)).toEqual(want);
  // rewritten: the next read is clean
  const again: string[] = [];
  cachedLiteralGate(sources, dir, (m) => again.push(m));
  expect(again).toEqual([]);
});

test('a folder that cannot be written costs only the build', () => {
  const blocked = path.join(dir, 'file-not-folder');
  fs.writeFileSync(blocked, '');
  const logs: string[] = [];
  const gate = cachedLiteralGate(sources, blocked, (m) => logs.push(m));
  expect(answers(gate)).toEqual(want);
  expect(logs.join('\n')).toMatch(/could not write the literal gate cache/);
});

test('the safety classifier cache beside it does not remove the gate cache (different prefixes)', () => {
  cachedLiteralGate(sources, dir);
  const gateFile = cacheFiles(dir)[0];
  // the classifier's cache write removes the other 'safety-*.json' files of the folder
  expect(writeCacheFile(dir, path.join(dir, 'safety-0000000000000000.json'), 'safety-', '{}', () => undefined)).toBe(true);
  expect(cacheFiles(dir)).toEqual([gateFile]);
});
