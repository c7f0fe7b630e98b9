// The retrieval index cached on disk (bot start): a retriever read from the cache gives exactly what a
// freshly built one gives; a missing, broken, cut-short or foreign cache file is rebuilt and rewritten;
// an unwritable folder costs only the build. Real knowledge base, the project's own case messages.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadKnowledgeBase, type KnowledgeBase } from '../../bot/knowledge/kb';
import type { RLang } from '../../bot/nlu/retrieve';
import { stemmerFor } from '../../bot/nlu/stem';
import { foldText } from '../../bot/nlu/normalise';

const ROOT = path.join(__dirname, '../..');
const dirs = { knowledgeDir: path.join(ROOT, 'knowledge'), state: 'nrw', municipality: 'muelheim' };
const fresh = loadKnowledgeBase(dirs);
const messages: { text: string; lang: RLang }[] = fs.readFileSync(path.join(ROOT, 'test', 'cases', 'cases.jsonl'), 'utf8').split('\n')
  .filter((l) => l.trim()).map((l) => JSON.parse(l) as { text?: string; locale?: string })
  .filter((c) => c.text).map((c) => ({ text: c.text!, lang: c.locale?.startsWith('en') ? 'en' : 'de' }));
const topicScores = new Map([...new Set([...fresh.questions.values()].map((q) => q.topic))].map((t, i) => [t, (i % 10) / 10]));

function sameAsFresh(kb: KnowledgeBase): void {
  for (const { text, lang } of messages) {
    for (const opts of [{}, { topicScores }]) {
      const got = kb.retriever.retrieve(text, lang, opts);
      const want = fresh.retriever.retrieve(text, lang, opts);
      if (JSON.stringify(got) !== JSON.stringify(want)) expect({ text, got }).toEqual({ text, got: want });
    }
  }
}
const cacheFiles = (dir: string) => fs.readdirSync(dir).filter((f) => /^retrieval-[0-9a-f]{16}\.json$/.test(f));

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pn-retrieval-cache-')); });
afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

test('the case messages are there (not a comparison over nothing)', () => {
  expect(messages.length).toBeGreaterThan(300);
});

test('a missing cache is built and written; the next start reads it and retrieves the same', () => {
  const logs: string[] = [];
  const first = loadKnowledgeBase({ ...dirs, indexCacheDir: dir, log: (m) => logs.push(m) });
  expect(cacheFiles(dir)).toHaveLength(1);
  sameAsFresh(first);
  // a rebuild would write a new file and rename it over this one: inode and (back-dated) time tell
  const file = path.join(dir, cacheFiles(dir)[0]);
  fs.utimesSync(file, new Date('2020-01-01'), new Date('2020-01-01'));
  const before = fs.statSync(file);
  const second = loadKnowledgeBase({ ...dirs, indexCacheDir: dir, log: (m) => logs.push(m) });
  const after = fs.statSync(file);
  expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  expect(cacheFiles(dir)).toHaveLength(1);
  expect(logs).toEqual([]);
  sameAsFresh(second);
}, 120_000);

test.each([
  ['not JSON', () => '{"format": 1, "key": '],
  ['cut short (a list missing)', (text: string) => JSON.stringify({ ...JSON.parse(text), data: { ...JSON.parse(text).data, entryConcepts: [] } })],
  ['another key', (text: string) => JSON.stringify({ ...JSON.parse(text), key: 'f'.repeat(64) })],
  ['without the lexicon\'s stems', (text: string) => JSON.stringify({ ...JSON.parse(text), data: { ...JSON.parse(text).data, conceptStems: undefined } })],
  ['a stem that is no string', (text: string) => JSON.stringify({ ...JSON.parse(text), data: { ...JSON.parse(text).data, conceptStems: { de: { pflege: 3 }, en: {} } } })],
])('a broken cache (%s) is rebuilt, said in the log, and rewritten', (_name, breakIt) => {
  loadKnowledgeBase({ ...dirs, indexCacheDir: dir });
  const file = path.join(dir, cacheFiles(dir)[0]);
  const good = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, breakIt(good));
  const logs: string[] = [];
  const kb = loadKnowledgeBase({ ...dirs, indexCacheDir: dir, log: (m) => logs.push(m) });
  expect(logs).toEqual([expect.stringMatching(/index cache .* is unreadable.*rebuilding/)]);
  expect(fs.readFileSync(file, 'utf8')).toBe(good);
  sameAsFresh(kb);
}, 120_000);

test('changed entries are a new key: the old cache file is replaced, not used', () => {
  fs.writeFileSync(path.join(dir, 'retrieval-0000000000000000.json'), '{}');
  loadKnowledgeBase({ ...dirs, indexCacheDir: dir });
  expect(cacheFiles(dir)).toHaveLength(1);
  expect(cacheFiles(dir)[0]).not.toBe('retrieval-0000000000000000.json');
}, 120_000);

test('a cache folder that cannot be written costs only the build', () => {
  const blocked = path.join(dir, 'a-file');
  fs.writeFileSync(blocked, '');
  const logs: string[] = [];
  const kb = loadKnowledgeBase({ ...dirs, indexCacheDir: path.join(blocked, 'cache'), log: (m) => logs.push(m) });
  expect(logs).toEqual([expect.stringMatching(/could not write the index cache/)]);
  sameAsFresh(kb);
}, 120_000);

test('the cache keeps every one-word lexicon term with the stem the stemmer gives it', () => {
  loadKnowledgeBase({ ...dirs, indexCacheDir: dir });
  const cached = JSON.parse(fs.readFileSync(path.join(dir, cacheFiles(dir)[0]), 'utf8')) as { data: { conceptStems: Record<RLang, Record<string, string>> } };
  const concepts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'knowledge', 'concepts.json'), 'utf8')) as { concepts: Record<RLang, string[]>[] }).concepts;
  for (const lang of ['de', 'en'] as const) {
    const stem = stemmerFor(lang)!;
    const terms = [...new Set(concepts.flatMap((c) => c[lang]).map((t) => foldText(t.trim())).filter((t) => !t.endsWith('*') && !/\s/.test(t)))];
    expect(terms.length).toBeGreaterThan(100);
    expect(Object.keys(cached.data.conceptStems[lang]).sort()).toEqual(terms.sort());
    for (const t of terms) expect([t, cached.data.conceptStems[lang][t]]).toEqual([t, stem(t)]);
  }
}, 120_000);
