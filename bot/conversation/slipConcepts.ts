// A typo'd topic word ("kurzzeitpflgee", "verhinderungspflge", "tagespflge", "respit") names no concept:
// the concept lexicon (knowledge/concepts.json) matches whole words or word starts only. One slip in a
// long one-word term of the concepts asked for (a letter left out, added, changed, or two swapped) still
// names that concept. A changed last letter is an ending ("verhindern" is not "verhindert"), not a slip.
// Pure; the data are the lexicon's own terms.
import type { ConceptsFile } from '../knowledge/schema';
import { fold } from '../text/fold';

/** shorter terms have too many real neighbours ("heim" → "beim", "geld" → "gelb") */
export const SLIP_MIN_LETTERS = 7;

interface Term { concept: string; word: string; start: boolean }
const cache = new WeakMap<ConceptsFile, Map<string, Term[]>>();

function termsOf(file: ConceptsFile, lang: 'de' | 'en', ids: ReadonlySet<string>): Term[] {
  let byKey = cache.get(file);
  if (!byKey) cache.set(file, (byKey = new Map()));
  const key = `${lang}\u0000${[...ids].sort().join(',')}`;
  let terms = byKey.get(key);
  if (!terms) {
    terms = file.concepts.filter((c) => ids.has(c.id)).flatMap((c) => c[lang]
      .filter((t) => !/\s/.test(t))
      .map((t) => ({ concept: c.id, word: fold(t.replace(/\*$/, '')), start: t.endsWith('*') }))
      .filter((t) => t.word.length >= SLIP_MIN_LETTERS));
    byKey.set(key, terms);
  }
  return terms;
}

/** Damerau–Levenshtein distance (adjacent swaps count one), stopping once it exceeds 1. */
function withinOneSlip(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return a === b;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) {
    // one changed letter, not the last one (an ending), or two swapped neighbours
    if (a.slice(i + 1) === b.slice(i + 1)) return i < a.length - 1;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.slice(i + 1) === short.slice(i);
}

function slips(token: string, t: Term): boolean {
  if (!t.start) return withinOneSlip(token, t.word);
  // a word start: the token's beginning of the term's length (one letter more or less) has the slip
  for (const n of [t.word.length - 1, t.word.length, t.word.length + 1]) {
    if (n <= token.length && withinOneSlip(token.slice(0, n), t.word) && !token.startsWith(t.word)) return true;
  }
  return false;
}

/** The concepts of `ids` that a word of the text names with one slip (none that it names exactly). */
export function slipConcepts(text: string, lang: 'de' | 'en', file: ConceptsFile | undefined, ids: ReadonlySet<string>): string[] {
  if (!file) return [];
  const terms = termsOf(file, lang, ids);
  const tokens = fold(text).split(/[^a-z0-9äöüß]+/).filter((w) => w.length >= SLIP_MIN_LETTERS - 1);
  const found = new Set<string>();
  for (const tok of tokens) {
    if (terms.some((t) => (t.start ? tok.startsWith(t.word) : tok === t.word))) continue;
    for (const t of terms) if (slips(tok, t)) found.add(t.concept);
  }
  return [...found];
}
