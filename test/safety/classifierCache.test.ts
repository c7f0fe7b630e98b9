// The crisis classifier is kept on disk like the NLU model: the cached model decides exactly as a
// freshly trained one, a new corpus or new model code is a new key, and a broken cache retrains.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as classifier from '../../bot/safety/classifier';
import { cachedSafetyClassifier, loadSafetyClassifier, safetyModelKey } from '../../bot/safety/load';
import { normaliseForSafety } from '../../bot/safety/safety';
import { tempDir } from '../helpers/tmp';

const CORPUS = path.join(__dirname, '../../knowledge/safety-corpus.jsonl');
const SENTENCES = [
  'ich kann nicht mehr und will einfach nur noch schlafen und nicht mehr aufwachen',
  'meine mutter ist heute morgen gestürzt und liegt am boden',
  'wie beantrage ich einen pflegegrad für meinen vater',
  'he keeps hitting me when I help him wash',
].map(normaliseForSafety);

let dir: string;
beforeEach(() => { dir = tempDir('pn-safety-cache-'); });
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});
const cacheFiles = () => fs.readdirSync(dir).filter((f) => f.startsWith('safety-') && f.endsWith('.json'));

test('the first start trains and writes the cache; the next loads it and predicts exactly the same', () => {
  const train = jest.spyOn(classifier, 'trainCrisisClassifier');
  const trained = cachedSafetyClassifier(CORPUS, dir);
  expect(train).toHaveBeenCalledTimes(1);
  expect(cacheFiles()).toHaveLength(1);
  const loaded = cachedSafetyClassifier(CORPUS, dir);
  expect(train).toHaveBeenCalledTimes(1);
  const fresh = loadSafetyClassifier(CORPUS);
  for (const s of SENTENCES) {
    expect(loaded.predict(s)).toEqual(fresh.predict(s));
    expect(trained.predict(s)).toEqual(fresh.predict(s));
  }
});

test('a broken cache file retrains, says so, and is replaced by a good one', () => {
  cachedSafetyClassifier(CORPUS, dir);
  const [file] = cacheFiles();
  fs.writeFileSync(path.join(dir, file), '{"format":1,"key":');
  const log = jest.fn();
  const train = jest.spyOn(classifier, 'trainCrisisClassifier');
  const model = cachedSafetyClassifier(CORPUS, dir, log);
  expect(train).toHaveBeenCalledTimes(1);
  expect(log).toHaveBeenCalledWith(expect.stringMatching(/unreadable.*retraining/));
  expect(model.predict(SENTENCES[0])).toEqual(loadSafetyClassifier(CORPUS).predict(SENTENCES[0]));
  expect(() => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown).not.toThrow();
});

test('a cache file whose key does not match is not used', () => {
  cachedSafetyClassifier(CORPUS, dir);
  const [file] = cacheFiles();
  const body = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { key: string };
  fs.writeFileSync(path.join(dir, file), JSON.stringify({ ...body, key: body.key.replace(/^./, (c) => (c === '0' ? '1' : '0')) }));
  const train = jest.spyOn(classifier, 'trainCrisisClassifier');
  cachedSafetyClassifier(CORPUS, dir);
  expect(train).toHaveBeenCalledTimes(1);
});

test('a changed corpus is a new key: it retrains and the old cache file goes', () => {
  const text = fs.readFileSync(CORPUS, 'utf8');
  const copy = path.join(dir, 'corpus.jsonl');
  fs.writeFileSync(copy, text);
  const cacheDir = path.join(dir, 'cache');
  cachedSafetyClassifier(copy, cacheDir);
  const before = fs.readdirSync(cacheDir);
  fs.writeFileSync(copy, `${text.trimEnd()}\n{"id":"cache-test-1","lang":"de","label":"none","text":"Wann hat die Beratungsstelle geöffnet?"}\n`);
  expect(safetyModelKey(fs.readFileSync(copy, 'utf8'))).not.toBe(safetyModelKey(text));
  const train = jest.spyOn(classifier, 'trainCrisisClassifier');
  cachedSafetyClassifier(copy, cacheDir);
  expect(train).toHaveBeenCalledTimes(1);
  const after = fs.readdirSync(cacheDir);
  expect(after).toHaveLength(1);
  expect(after).not.toEqual(before);
});

test('a cache folder that cannot be written costs only the training', () => {
  const blocked = path.join(dir, 'file-not-folder');
  fs.writeFileSync(blocked, '');
  const log = jest.fn();
  const model = cachedSafetyClassifier(CORPUS, blocked, log);
  expect(model.predict(SENTENCES[1])).toEqual(loadSafetyClassifier(CORPUS).predict(SENTENCES[1]));
  expect(log).toHaveBeenCalledWith(expect.stringMatching(/could not write/));
});
