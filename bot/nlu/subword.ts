// Subword intent classifier: multinomial logistic regression over TF-IDF weighted words, word stems,
// word pairs, the first word and character 3–5-grams. Character n-grams survive
// typos, inflection and German compounds ("Pflegesachleisung", "Menülieferdienst") that whole-word
// features miss. Deterministic (seeded shuffling), so the same corpus gives the same model.
import { boundedMemo } from '../memo';
import { prng } from './prng';
import { stemmerFor, type StemLang } from './stem';

export interface SubwordSettings {
  minN: number;
  maxN: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** scale of each feature group (words, word pairs, char n-grams, stems) before the
   *  vector is L2-normalised: a long word yields dozens of n-grams but only one word feature */
  wordWeight: number;
  pairWeight: number;
  charWeight: number;
  stemWeight: number;
  /** skip pairs (k:): two words with one word between them ("termin fur pflege"); 0: off */
  skipWeight: number;
  /** the stem of the first word (f:): commands and questions tend to open with the word that
   *  carries the intent ("stoppe", "zeige", "how"); 0: off */
  firstWeight: number;
  /** stem feature (s:) per word with the light stemmer of this language ('none': off) */
  stem: StemLang;
  /** share of a training vector's features dropped at random in each SGD step (the rest scaled up
   *  to keep its expectation); 0: off */
  featureDropout: number;
}

/** Chosen by k-fold cross-validation on training data only (see DEFAULT_SETTINGS in engine.ts). */
export const DEFAULT_SUBWORD_SETTINGS: SubwordSettings = {
  minN: 3, maxN: 5, epochs: 20, learningRate: 2, l2: 0, seed: 1,
  wordWeight: 2, pairWeight: 1, charWeight: 1, stemWeight: 2, skipWeight: 0, firstWeight: 2, stem: 'none',
  featureDropout: 0,
};

/** a model without its idf and weight tables */
export type SubwordModelMeta = Omit<SubwordModelJson, 'idf' | 'weights'>;

export interface SubwordModelJson {
  settings: SubwordSettings;
  intents: string[];
  features: string[];
  /** base64 Float32Array: idf per feature */
  idf: string;
  /** base64 Float32Array: weights, feature-major (feature * intents + intent) */
  weights: string;
  bias: number[];
}

interface SparseVector { idx: Int32Array; val: Float32Array }

/** A random subset of x's features (each kept with probability keep), scaled by 1/keep. */
function dropout(x: SparseVector, keep: number, rnd: () => number): SparseVector {
  const idx: number[] = [];
  const val: number[] = [];
  for (let a = 0; a < x.idx.length; a += 1) {
    if (rnd() < keep) { idx.push(x.idx[a]); val.push(x.val[a] / keep); }
  }
  return { idx: Int32Array.from(idx), val: Float32Array.from(val) };
}

/** distinct words whose features stay looked up (a few MB at most) */
const WORD_CACHE_MAX = 50_000;

/** Features that need the whole message (the features of one word alone leave them out). */
export interface ContextFeatures { skip?: boolean; first?: boolean }

/** Raw feature strings of a normalised text. */
export function subwordFeatures(text: string, minN: number, maxN: number, stem?: (w: string) => string, context: ContextFeatures = {}): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (k: string): void => { counts.set(k, (counts.get(k) ?? 0) + 1); };
  const ws = wordsOf(text);
  for (const w of ws) {
    add(`w:${w}`);
    if (w.startsWith('zz')) continue; // placeholders: the whole token is the feature
    if (stem) add(`s:${stem(w)}`);
    const s = `_${w}_`;
    for (let n = minN; n <= maxN; n += 1) {
      for (let i = 0; i + n <= s.length; i += 1) add(`c:${s.slice(i, i + n)}`);
    }
  }
  addContextFeatures(ws, context, stem, add);
  return counts;
}

function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}\d]+/u).filter(Boolean);
}

/** The features of the whole message, not of one word: word pairs, skip pairs, the first word. */
function addContextFeatures(ws: string[], context: ContextFeatures, stem: ((w: string) => string) | undefined, add: (key: string) => void): void {
  for (let i = 0; i + 1 < ws.length; i += 1) add(`b:${ws[i]}_${ws[i + 1]}`);
  if (context.skip) for (let i = 0; i + 2 < ws.length; i += 1) add(`k:${ws[i]}_${ws[i + 2]}`);
  if (context.first && ws.length > 0) add(`f:${stem ? stem(ws[0]) : ws[0]}`);
}

export function contextOf(s: Pick<SubwordSettings, 'skipWeight' | 'firstWeight'>): ContextFeatures {
  return { skip: s.skipWeight > 0, first: s.firstWeight > 0 };
}

function toBase64(arr: Float32Array): string {
  return Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).toString('base64');
}

function fromBase64(s: string): Float32Array {
  const buf = Buffer.from(s, 'base64');
  const copy = new Uint8Array(buf.length);
  copy.set(buf);
  return new Float32Array(copy.buffer);
}

export class SubwordClassifier {
  private readonly index: Map<string, number>;
  private readonly stemmer?: (w: string) => string;
  private readonly context: ContextFeatures;

  private constructor(
    private readonly settings: SubwordSettings,
    readonly intents: string[],
    private readonly features: string[],
    private readonly idf: Float32Array,
    private readonly weights: Float32Array,
    private readonly bias: Float64Array,
  ) {
    this.index = new Map(features.map((f, i) => [f, i]));
    this.stemmer = stemmerFor(settings.stem);
    this.context = contextOf(settings);
  }

  static train(docs: Array<{ text: string; intent: string }>, partial: Partial<SubwordSettings> = {}): SubwordClassifier {
    const settings = { ...DEFAULT_SUBWORD_SETTINGS, ...partial };
    const intents = [...new Set(docs.map((d) => d.intent))];
    const intentIndex = new Map(intents.map((n, i) => [n, i]));
    const stem = stemmerFor(settings.stem);
    const context = contextOf(settings);
    const raw = docs.map((d) => subwordFeatures(d.text, settings.minN, settings.maxN, stem, context));
    const df = new Map<string, number>();
    for (const f of raw) for (const k of f.keys()) df.set(k, (df.get(k) ?? 0) + 1);
    const features = [...df.keys()];
    const idf = new Float32Array(features.length);
    const group: Record<string, number> = {
      w: settings.wordWeight, b: settings.pairWeight, c: settings.charWeight, s: settings.stemWeight, k: settings.skipWeight, f: settings.firstWeight,
    };
    // the group weight is folded into the stored idf: classifying costs nothing extra
    features.forEach((f, i) => { idf[i] = Math.log(1 + docs.length / (df.get(f) ?? 1)) * (group[f[0]] ?? 1); });
    const K = intents.length;
    const model = new SubwordClassifier(settings, intents, features, idf, new Float32Array(features.length * K), new Float64Array(K));
    const X = raw.map((f) => model.vectorise(f));
    const Y = docs.map((d) => intentIndex.get(d.intent) ?? 0);
    model.fit(X, Y);
    return model;
  }

  static fromJSON(json: SubwordModelJson): SubwordClassifier {
    return SubwordClassifier.fromParts(json, fromBase64(json.idf), fromBase64(json.weights));
  }

  /** The model from its description and its two tables as they are (the NLU cache keeps them as raw
   *  bytes: decoding megabytes of base64 text was a large part of the start) */
  static fromParts(meta: SubwordModelMeta, idf: Float32Array, weights: Float32Array): SubwordClassifier {
    if (!Array.isArray(meta.features) || !Array.isArray(meta.intents) || !Array.isArray(meta.bias)
      || idf.length !== meta.features.length || weights.length !== meta.features.length * meta.intents.length || meta.bias.length !== meta.intents.length) {
      throw new Error('subword model: inconsistent sizes');
    }
    return new SubwordClassifier({ ...DEFAULT_SUBWORD_SETTINGS, ...meta.settings }, meta.intents, meta.features, idf, weights, Float64Array.from(meta.bias));
  }

  toParts(): { meta: SubwordModelMeta; idf: Float32Array; weights: Float32Array } {
    return { meta: { settings: this.settings, intents: this.intents, features: this.features, bias: [...this.bias] }, idf: this.idf, weights: this.weights };
  }

  toJSON(): SubwordModelJson {
    return {
      settings: this.settings,
      intents: this.intents,
      features: this.features,
      idf: toBase64(this.idf),
      weights: toBase64(this.weights),
      bias: [...this.bias],
    };
  }

  /** Probability per intent (softmax), highest first. */
  predict(text: string): Array<{ intent: string; score: number }> {
    const p = this.probabilities(this.vectoriseText(text));
    return this.intents.map((intent, k) => ({ intent, score: p[k] })).sort((a, b) => b.score - a.score);
  }

  /** Count per feature index and the indexes a message touched, in order; reused by every message
   *  (predict is synchronous) instead of a Map per message, which was a tenth of a turn's garbage. */
  private counts?: Int32Array;
  private touched = new Int32Array(256);

  /** The TF-IDF vector of a text's known features, as vectorise(subwordFeatures(text)) gives it. A
   *  word's own features (word, stem, character n-grams) depend on the word alone, so they are
   *  looked up once per distinct word and kept (bounded); building the n-gram strings of every word
   *  of every message was the classifier's main cost. Word pairs, skip pairs and the first word
   *  are looked up per message. */
  private vectoriseText(text: string): SparseVector {
    const counts = (this.counts ??= new Int32Array(this.features.length));
    let n = 0;
    const add = (j: number, c: number): void => {
      if (counts[j] === 0) {
        if (n === this.touched.length) {
          const grown = new Int32Array(n * 2);
          grown.set(this.touched);
          this.touched = grown;
        }
        this.touched[n++] = j;
      }
      counts[j] += c;
    };
    const addKey = (key: string): void => {
      const j = this.index.get(key);
      if (j !== undefined) add(j, 1);
    };
    const ws = wordsOf(text);
    for (const w of ws) {
      const f = this.wordFeatures(w);
      for (let a = 0; a < f.length; a += 2) add(f[a], f[a + 1]);
    }
    addContextFeatures(ws, this.context, this.stemmer, addKey);

    // two passes (norm, then values) keep the weights in double precision until the last step
    const weight = (j: number): number => (1 + Math.log(counts[j])) * this.idf[j];
    let norm = 0;
    for (let a = 0; a < n; a += 1) norm += weight(this.touched[a]) ** 2;
    norm = Math.sqrt(norm) || 1;
    const idx = this.touched.slice(0, n);
    const val = new Float32Array(n);
    for (let a = 0; a < n; a += 1) {
      val[a] = weight(idx[a]) / norm;
      counts[idx[a]] = 0; // clean for the next message
    }
    return { idx, val };
  }

  /** [index, count, index, count, ...] of the known features of one word, kept per distinct word. */
  private readonly wordFeatures = boundedMemo((w: string): Int32Array => {
    const pairs: number[] = [];
    for (const [k, n] of subwordFeatures(w, this.settings.minN, this.settings.maxN, this.stemmer)) {
      const i = this.index.get(k);
      if (i !== undefined) pairs.push(i, n);
    }
    return Int32Array.from(pairs);
  }, WORD_CACHE_MAX);

  private vectorise(counts: Map<string, number>): SparseVector {
    const idx: number[] = [];
    const val: number[] = [];
    let norm = 0;
    for (const [k, tf] of counts) {
      const i = this.index.get(k);
      if (i === undefined) continue;
      const w = (1 + Math.log(tf)) * this.idf[i];
      idx.push(i);
      val.push(w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    return { idx: Int32Array.from(idx), val: Float32Array.from(val.map((v) => v / norm)) };
  }

  private probabilities(x: SparseVector): Float64Array {
    const K = this.intents.length;
    const z = Float64Array.from(this.bias);
    for (let a = 0; a < x.idx.length; a += 1) {
      const base = x.idx[a] * K;
      const v = x.val[a];
      for (let k = 0; k < K; k += 1) z[k] += this.weights[base + k] * v;
    }
    let max = -Infinity;
    for (let k = 0; k < K; k += 1) max = Math.max(max, z[k]);
    let sum = 0;
    for (let k = 0; k < K; k += 1) { z[k] = Math.exp(z[k] - max); sum += z[k]; }
    for (let k = 0; k < K; k += 1) z[k] /= sum;
    return z;
  }

  /** Plain SGD on the cross-entropy with L2 on the touched weights, decaying learning rate,
   *  optional input-feature dropout. */
  private fit(X: SparseVector[], Y: number[]): void {
    const { epochs, learningRate, l2, seed, featureDropout } = this.settings;
    const K = this.intents.length;
    const rnd = prng(seed);
    const drop = prng(seed + 2000);
    const keep = 1 - featureDropout;
    const order = X.map((_, i) => i);
    for (let ep = 0; ep < epochs; ep += 1) {
      for (let i = order.length - 1; i > 0; i -= 1) {
        const j = Math.floor(rnd() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      const lr = learningRate / (1 + 0.1 * ep);
      for (const n of order) {
        const x = featureDropout > 0 ? dropout(X[n], keep, drop) : X[n];
        const p = this.probabilities(x);
        for (let k = 0; k < K; k += 1) {
          const g = p[k] - (Y[n] === k ? 1 : 0);
          if (Math.abs(g) < 1e-7) continue;
          for (let a = 0; a < x.idx.length; a += 1) {
            const w = x.idx[a] * K + k;
            this.weights[w] -= lr * (g * x.val[a] + l2 * this.weights[w]);
          }
          this.bias[k] -= lr * g;
        }
      }
    }
  }
}
