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

/** The file after its schema and pattern checks. With `cacheDir` (the bot's start) a file whose exact
 *  text already passed the pattern check under the same code and Node version skips that check (~100 ms):
 *  see checkedPatternsKey. The schema check always runs. */
export function loadSafety(file: string, cacheDir?: string): Safety {
  const data = readJsonFile(file, SafetySchema);
  const key = cacheDir ? checkedPatternsKey(fs.readFileSync(file, 'utf8')) : undefined;
  const marker = cacheDir && key ? path.join(cacheDir, `${CHECKED_PREFIX}${key.slice(0, 16)}.json`) : undefined;
  if (marker && passedBefore(marker, key!)) return data;
  const [first] = safetyPatternProblems(data);
  if (first) throw contentErrorAt(file, first.path, `${first.path.join('.')}: ${first.message}`);
  if (marker) writeCacheFile(cacheDir!, marker, CHECKED_PREFIX, JSON.stringify({ format: CHECKED_FORMAT, key, problems: 0 }), () => undefined);
  return data;
}

// Not 'safety-': the classifier's cache removes every other 'safety-*.json' beside it.
const CHECKED_PREFIX = 'pattern-check-';
const CHECKED_FORMAT = 1;
// The check's code and the schema that shapes what it reads; the regex syntax is V8's (Node version).
const CHECK_CODE = ['./safety', '../knowledge/schema'];

/** sha256 over the file's text, the checking code and the Node version: only a byte-identical file
 *  that passed under the same code is trusted, so any edit (a broken pattern too) is checked again */
export function checkedPatternsKey(text: string): string {
  const h = createHash('sha256').update(`${CHECKED_FORMAT}\u0000${process.version}\u0000${text}`);
  for (const m of CHECK_CODE) h.update('\u0000').update(fs.readFileSync(require.resolve(m), 'utf8'));
  return h.digest('hex');
}

function passedBefore(marker: string, key: string): boolean {
  try {
    const parsed = JSON.parse(fs.readFileSync(marker, 'utf8')) as { format?: unknown; key?: unknown; problems?: unknown };
    return parsed.format === CHECKED_FORMAT && parsed.key === key && parsed.problems === 0;
  } catch {
    return false; // missing, broken or unreadable: check again
  }
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
