// Chooses the engine's threshold for a corpus by k-fold cross-validation on its training utterances
// only (its held-out tests are never read): below the threshold the engine answers "None", which
// pays off where "None" is a label of its own (Braun's AskUbuntu and WebApps corpora, a city's
// out-of-scope messages). Used by `npm run bench:nlu`; a city with its own corpus can run it too.
import type { Corpus } from '../knowledge/schema';
import { stratifiedFolds } from './crossval';
import { createNluEngine, type NluEngineOptions } from './engine';
import { accuracyAtThreshold, evaluateEngine, type EvalItem } from './evaluate';

/** Thresholds tried, from "never None" upwards. */
export const THRESHOLD_GRID = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];

export interface Calibration {
  threshold: number;
  /** cross-validated accuracy at that threshold */
  accuracy: number;
  /** cross-validated accuracy per grid threshold */
  curve: Array<{ threshold: number; accuracy: number }>;
}

/** The grid threshold with the best accuracy on these cross-validated answers; on a tie the lowest
 *  (the fewest answers turned into "None"). */
export function bestThreshold(items: EvalItem[], noneLabel: string, grid: number[] = THRESHOLD_GRID): Calibration {
  const curve = grid.map((threshold) => ({ threshold, accuracy: accuracyAtThreshold(items, threshold, noneLabel) }));
  const best = curve.reduce((a, b) => (b.accuracy > a.accuracy ? b : a));
  return { threshold: best.threshold, accuracy: best.accuracy, curve };
}

export interface CalibrateOptions extends Pick<NluEngineOptions, 'settings' | 'places'> {
  noneLabel: string;
  k?: number;
  /** fold assignments; the answers of all of them are pooled */
  seeds?: number[];
  grid?: number[];
}

/** k-fold cross-validation over the corpus's training utterances, then bestThreshold. */
export async function calibrateThreshold(corpus: Corpus, opts: CalibrateOptions): Promise<Calibration> {
  const k = opts.k ?? 5;
  const rows = corpus.data.flatMap((d) => d.utterances.map((text) => ({ text, intent: d.intent })));
  const items: EvalItem[] = [];
  for (const seed of opts.seeds ?? [7, 8, 9]) {
    const folds = stratifiedFolds(rows.map((r) => r.intent), k, seed);
    for (let f = 0; f < k; f += 1) {
      const part = (inFold: boolean) => corpus.data.map((d) => ({
        ...d,
        utterances: inFold ? [] : rows.filter((r, i) => r.intent === d.intent && folds[i] !== f).map((r) => r.text),
        tests: inFold ? rows.filter((r, i) => r.intent === d.intent && folds[i] === f).map((r) => r.text) : [],
      }));
      const train: Corpus = { ...corpus, data: part(false).filter((d) => d.utterances.length > 0) };
      const test: Corpus = { ...corpus, data: part(true).filter((d) => d.tests.length > 0) };
      const engine = await createNluEngine({ corpora: [train], cacheDir: '', cache: false, settings: opts.settings, places: opts.places });
      const [r] = await evaluateEngine(engine, [test], { noneLabel: opts.noneLabel });
      items.push(...r.items);
    }
  }
  return bestThreshold(items, opts.noneLabel, opts.grid);
}
