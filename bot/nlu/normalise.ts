// Text normalisation in front of node-nlp. Applied identically to training utterances and to user
// messages, so every rewrite only has to be consistent, not linguistically perfect.
import { boundedMemo } from '../memo';
import { extractGrade } from './grade';
import { replacePlaces, type PlacePatterns } from './places';
import { TOKENS } from './tokens';
import { fold as foldText } from '../text/fold';

export { TOKENS };

const MONTHS = [
  'januar', 'jan', 'februar', 'feb', 'marz', 'mar', 'april', 'apr', 'mai', 'juni', 'jun', 'juli', 'jul',
  'august', 'aug', 'september', 'sept', 'sep', 'oktober', 'okt', 'november', 'nov', 'dezember', 'dez',
  'january', 'february', 'march', 'may', 'june', 'july', 'october', 'oct', 'december', 'dec',
].join('|');
const DATE_RES = [
  /(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d)/g,
  /(?<!\d)\d{1,2}\.\s?\d{1,2}\.(?:\s?\d{2,4})?(?!\d)/g,
  /(?<!\d)\d{1,2}\/\d{1,2}(?:\/\d{2,4})?(?!\d)/g,
  new RegExp(`(?<!\\d)\\d{1,2}(?:\\.|st|nd|rd|th)?\\s*(?:of\\s+)?(?:${MONTHS})(?![\\p{L}])\\.?(?:\\s*\\d{4})?`, 'gu'),
  new RegExp(`(?<![\\p{L}])(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?!\\d)(?:,?\\s*\\d{4})?`, 'gu'),
];

/** The one text folding (bot/text/fold.ts), under the name the NLU modules know it by. */
export { foldText };

/** Words of a folded text (letters and digits; placeholders included). */
export function words(folded: string): string[] {
  return folded.split(/[^\p{L}\d]+/u).filter(Boolean);
}

/** Replace dates with a placeholder, and places and the city's names as `places` says (see
 *  bot/nlu/places.ts; without it only the corpus markers %place% and %city%). Input is folded. */
export function replaceEntities(folded: string, places?: PlacePatterns): string {
  let out = folded;
  for (const re of DATE_RES) out = out.replace(re, ` ${TOKENS.date} `);
  return replacePlaces(out, places);
}

// Three rows of the distance matrix, reused: the spelling check compares each unknown word with
// dozens of known ones, and a fresh matrix per comparison was most of its garbage.
let rowBuffers = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions), stopping
 *  early above `max` (then max + 1). */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const m = b.length + 1;
  if (rowBuffers[0].length < m) rowBuffers = [new Int32Array(m * 2), new Int32Array(m * 2), new Int32Array(m * 2)];
  let [before, prev, cur] = rowBuffers;
  for (let j = 0; j < m; j += 1) prev[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    cur[0] = i;
    let rowMin = Infinity;
    for (let j = 1; j < m; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2] + 1);
      cur[j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[b.length];
}

const LINKERS = ['', 's', 'n', 'en', 'e', 'es', 'er'];
const MIN_PART = 4;

/** Words known from training, used to repair typos and split German compounds. */
export class Vocabulary {
  private readonly known = new Set<string>();
  private readonly byFirst = new Map<string, string[]>();
  private readonly counts = new Map<string, number>();

  constructor(foldedTexts: Iterable<string>) {
    for (const text of foldedTexts) {
      for (const w of words(text)) {
        if (/\d/.test(w) || w.startsWith('zz')) continue;
        this.counts.set(w, (this.counts.get(w) ?? 0) + 1);
        if (this.known.has(w)) continue;
        this.known.add(w);
        const first = w[0];
        const list = this.byFirst.get(first) ?? [];
        list.push(w);
        this.byFirst.set(first, list);
      }
    }
  }

  /** Each word with its count, in the order first seen (the order ties are broken in): what
   *  fromCounts needs to rebuild this vocabulary exactly (the NLU model cache keeps it). */
  toCounts(): [string, number][] {
    return [...this.counts];
  }

  static fromCounts(counts: readonly (readonly [string, number])[]): Vocabulary {
    const v = new Vocabulary([]);
    for (const [w, n] of counts) {
      if (typeof w !== 'string' || !w || !Number.isInteger(n) || n < 1 || v.known.has(w)) throw new Error('vocabulary: bad entry');
      v.counts.set(w, n);
      v.known.add(w);
      const list = v.byFirst.get(w[0]) ?? [];
      list.push(w);
      v.byFirst.set(w[0], list);
    }
    return v;
  }

  has(word: string): boolean {
    return this.known.has(word);
  }

  /** Closest known word for an unknown one: same first letter (first-letter typos are rare and
   *  allowing them turns "hund" into "und"), distance 1 from 5 letters, 2 from 9 letters. Kept per
   *  word (bounded): a message repeating one long unknown word would compare it with hundreds of
   *  known words each time. */
  correct(word: string): string | undefined {
    if (this.known.has(word) || word.length < 5 || /\d/.test(word)) return undefined;
    return this.corrections(word) || undefined;
  }

  /** '' when nothing is close enough (a memo keeps no undefined) */
  private readonly corrections = boundedMemo((word: string): string => this.closest(word) ?? '', 20_000);

  private closest(word: string): string | undefined {
    const max = word.length >= 9 ? 2 : 1;
    let best: string | undefined;
    let bestDist = max + 1;
    for (const cand of this.byFirst.get(word[0]) ?? []) {
      if (cand.length < 4) continue;
      const d = editDistance(word, cand, max);
      if (d < bestDist || (d === bestDist && best !== undefined && (this.counts.get(cand) ?? 0) > (this.counts.get(best) ?? 0))) {
        best = cand;
        bestDist = d;
      }
    }
    return bestDist <= max ? best : undefined;
  }

  /** Split a compound into known words ("pflegegeldantrag" → pflegegeld, antrag), fewest parts
   *  first, linking letters allowed between parts. Returns undefined when no split exists. */
  split(word: string): string[] | undefined {
    if (word.length < 2 * MIN_PART) return undefined;
    return this.splits(word) ?? undefined;
  }

  /** null when no split exists. Kept per word like the corrections, and bounded like them: the words
   *  come from what people type, and an unbounded map grew with every new word for the life of the process. */
  private readonly splits = boundedMemo((word: string): string[] | null => {
    const result = this.segment(word, 0, 3);
    return result && result.length > 1 ? result : null;
  }, 20_000);

  private segment(word: string, from: number, maxParts: number): string[] | undefined {
    const rest = word.slice(from);
    if (from > 0 && this.known.has(rest) && rest.length >= MIN_PART) return [rest];
    if (maxParts <= 1) return undefined;
    // Longest head first: fewer, more specific parts.
    for (let end = word.length - MIN_PART; end >= from + MIN_PART; end -= 1) {
      const head = word.slice(from, end);
      if (!this.known.has(head) || head === word) continue;
      for (const link of LINKERS) {
        if (!word.startsWith(link, end)) continue;
        const next = end + link.length;
        if (word.length - next < MIN_PART) continue;
        const tail = this.segment(word, next, maxParts - 1);
        if (tail) return [head, ...tail];
      }
    }
    return undefined;
  }
}

export interface NormaliseSettings {
  spelling: boolean;
  compounds: boolean;
}

/** The text node-nlp sees: folded, entities replaced, typos repaired against the training words,
 *  compounds followed by their parts, plus a marker when care grade 1 is named (grade 1 has its own
 *  intent, and the digit alone is too weak a feature). */
export function normaliseForNlu(text: string, vocab: Vocabulary | undefined, settings: NormaliseSettings, places?: PlacePatterns): string {
  const folded = replaceEntities(foldText(text), places);
  const out: string[] = [];
  for (const w of words(folded)) {
    let word = w;
    if (vocab && settings.spelling && !vocab.has(word)) word = vocab.correct(word) ?? word;
    out.push(word);
    if (vocab && settings.compounds) {
      const parts = vocab.split(word);
      if (parts) out.push(...parts);
    }
  }
  if (extractGrade(text) === 1) out.push(TOKENS.gradeOne);
  return out.join(' ');
}
