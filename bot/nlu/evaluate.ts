// Held-out evaluation of the intent engine: accuracy, per-intent precision/recall, confusions and
// a threshold sweep. Used by scripts/evalNlu.ts, the accuracy gate (test/nlu) and the benchmark.
import type { Corpus } from '../knowledge/schema';
import type { NluEngine, NluLang } from './engine';
import { NONE, OUT_OF_SCOPE } from './intents';

export interface EvalItem {
  text: string;
  expected: string;
  /** label after thresholding ('None' mapped to the corpus's none label) */
  got: string;
  /** best raw intent and its score, before the threshold */
  rawIntent: string;
  rawScore: number;
}

export interface IntentStats { support: number; tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }

export interface LangEvaluation {
  lang: NluLang;
  total: number;
  correct: number;
  accuracy: number;
  perIntent: Record<string, IntentStats>;
  /** expected → got, most frequent first */
  confusions: Array<{ expected: string; got: string; count: number }>;
  items: EvalItem[];
}

export interface EvaluateOptions {
  /** the gold label that an engine answer of 'None' counts as (care corpora: out_of_scope;
   *  benchmark corpora with their own "None" intent: 'None') */
  noneLabel?: string;
  /** gold labels that also count as out of scope for the raw-label mapping (default: out_of_scope) */
  outOfScopeIntents?: string[];
}

/** Classify every held-out test of every corpus with the given engine. */
export async function evaluateEngine(engine: NluEngine, corpora: Corpus[], opts: EvaluateOptions = {}): Promise<LangEvaluation[]> {
  const noneLabel = opts.noneLabel ?? OUT_OF_SCOPE;
  const byLang = new Map<NluLang, EvalItem[]>();
  for (const corpus of corpora) {
    const items = byLang.get(corpus.locale) ?? [];
    for (const entry of corpus.data) {
      for (const text of entry.tests) {
        const r = await engine.classify(text, corpus.locale);
        const rawIntent = r.ranked[0]?.intent ?? NONE;
        items.push({ text, expected: entry.intent, got: r.intent === NONE ? noneLabel : r.intent, rawIntent, rawScore: r.score });
      }
    }
    byLang.set(corpus.locale, items);
  }
  return [...byLang.entries()].map(([lang, items]) => summarise(lang, items));
}

export function summarise(lang: NluLang, items: EvalItem[]): LangEvaluation {
  const labels = new Set<string>();
  for (const it of items) { labels.add(it.expected); labels.add(it.got); }
  const perIntent: Record<string, IntentStats> = {};
  for (const label of [...labels].sort()) {
    const tp = items.filter((i) => i.expected === label && i.got === label).length;
    const fp = items.filter((i) => i.expected !== label && i.got === label).length;
    const fn = items.filter((i) => i.expected === label && i.got !== label).length;
    const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perIntent[label] = { support: tp + fn, tp, fp, fn, precision, recall, f1 };
  }
  const counts = new Map<string, number>();
  for (const it of items) {
    if (it.expected === it.got) continue;
    const k = `${it.expected}\u0000${it.got}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const confusions = [...counts.entries()]
    .map(([k, count]) => { const [expected, got] = k.split('\u0000'); return { expected, got, count }; })
    .sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected));
  const correct = items.filter((i) => i.expected === i.got).length;
  return { lang, total: items.length, correct, accuracy: items.length ? correct / items.length : 0, perIntent, confusions, items };
}

/** Accuracy if the threshold were `t`: the raw best intent is kept when it scores ≥ t and is not
 *  out of scope, otherwise the answer is the none label. */
export function accuracyAtThreshold(items: EvalItem[], t: number, noneLabel: string = OUT_OF_SCOPE): number {
  if (items.length === 0) return 0;
  let correct = 0;
  for (const it of items) {
    const got = it.rawIntent === NONE || it.rawIntent === noneLabel || it.rawIntent === OUT_OF_SCOPE || it.rawScore < t ? noneLabel : it.rawIntent;
    if (got === it.expected) correct += 1;
  }
  return correct / items.length;
}
