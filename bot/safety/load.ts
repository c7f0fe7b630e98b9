// Reads knowledge/safety.json for the bot's start: schema errors and patterns that would not compile
// stop the start with the file and line, instead of a regex engine message without either.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeCacheFile } from '../cacheFile';
import { contentErrorAt, readJsonFile } from '../knowledge/jsonFile';
import { SafetySchema, type Safety } from '../knowledge/schema';
import { SubwordClassifier, type SubwordModelJson } from '../nlu/subword';
import { parseSafetyCorpus, trainCrisisClassifier } from './classifier';
import { normaliseForSafety, safetyPatternProblems } from './safety';

export function loadSafety(file: string): Safety {
  const data = readJsonFile(file, SafetySchema);
  const [first] = safetyPatternProblems(data);
  if (first) throw contentErrorAt(file, first.path, `${first.path.join('.')}: ${first.message}`);
  return data;
}

/** The classifier layer, trained on knowledge/safety-corpus.jsonl (a few hundred ms). */
export function loadSafetyClassifier(file: string): SubwordClassifier {
  return trainCrisisClassifier(parseSafetyCorpus(fs.readFileSync(file, 'utf8'), file), normaliseForSafety);
}

// The code a trained model depends on: features, training, normalisation, stemming, shuffling. Its
// text is part of the cache key, so any change to it retrains (no version number to forget).
const MODEL_CODE = ['../nlu/subword', '../nlu/stem', '../nlu/prng', './classifier', './safety'];
const CACHE_FORMAT = 1;
interface CacheFile { format: number; key: string; model: SubwordModelJson }

/** sha256 over the corpus text and the model code: a new corpus or new feature code is a new key */
export function safetyModelKey(corpusText: string): string {
  const h = createHash('sha256').update(`${CACHE_FORMAT}\u0000${corpusText}`);
  for (const m of MODEL_CODE) h.update('\u0000').update(fs.readFileSync(require.resolve(m), 'utf8'));
  return h.digest('hex');
}

/** The classifier from the cache under `cacheDir` when its key matches, otherwise trained and
 *  cached (write-then-rename). A broken or foreign cache file retrains; a cache that cannot be
 *  written costs only the training. */
export function cachedSafetyClassifier(file: string, cacheDir: string, log: (m: string) => void = () => undefined): SubwordClassifier {
  const text = fs.readFileSync(file, 'utf8');
  const key = safetyModelKey(text);
  const cache = path.join(cacheDir, `safety-${key.slice(0, 16)}.json`);
  if (fs.existsSync(cache)) {
    try {
      const parsed = JSON.parse(fs.readFileSync(cache, 'utf8')) as Partial<CacheFile>;
      if (parsed.format !== CACHE_FORMAT || parsed.key !== key || !parsed.model) throw new Error('format or key mismatch');
      return SubwordClassifier.fromJSON(parsed.model);
    } catch (err) {
      log(`safety: classifier cache ${path.basename(cache)} is unreadable (${(err as Error).message}); retraining`);
    }
  }
  const model = trainCrisisClassifier(parseSafetyCorpus(text, file), normaliseForSafety);
  writeCacheFile(cacheDir, cache, 'safety-', JSON.stringify({ format: CACHE_FORMAT, key, model: model.toJSON() } satisfies CacheFile),
    (m) => log(`safety: could not write the classifier cache (${m}); continuing without`));
  return model;
}

/** A knowledge folder without the corpus (a minimal city pack in tests) runs the rules alone. With
 *  `cacheDir` the trained model is kept there (bot start); without, it is trained. */
export function optionalClassifier(file: string, cacheDir?: string, log?: (m: string) => void): SubwordClassifier | undefined {
  if (!fs.existsSync(file)) return undefined;
  return cacheDir ? cachedSafetyClassifier(file, cacheDir, log) : loadSafetyClassifier(file);
}
