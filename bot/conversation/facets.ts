// One question with two parts ("Bekomme ich den trotzdem, und wie viel wäre das?", "Is it included,
// and how much does the fund pay?"): the entry's short answer often answers one part only (the amount,
// not the exception; the rule, not the next step). Here each part's facet is read from its words
// (whether it holds in the told case, how much, how to go about it, who pays, whether it is allowed),
// and for a facet the short answer does not speak to, the entry's details sentence that does is
// picked, so the answer keeps to three sentences and answers both parts. Nothing is written here: the
// sentences are the reviewed content. Pure; words are data (locales/<lng>/commands.json).
import type { LayeredAnswer } from '../knowledge/kb';
import type { Lang } from '../knowledge/schema';
import type { Lexicon, WordList } from '../nlu/lexicon';
import { foldText } from '../nlu/normalise';
import { sentences } from './sentences';

export type Facet = 'condition' | 'amount' | 'procedure' | 'payer' | 'permission';
export const FACETS: readonly Facet[] = ['condition', 'amount', 'procedure', 'payer', 'permission'];

const ASKS: Record<Facet, WordList> = {
  condition: 'asks_facet_condition', amount: 'asks_facet_amount', procedure: 'asks_facet_procedure', payer: 'asks_facet_payer', permission: 'asks_facet_permission',
};
const SAYS: Record<Facet, WordList> = {
  condition: 'says_facet_condition', amount: 'says_facet_amount', procedure: 'says_facet_procedure', payer: 'says_facet_payer', permission: 'says_facet_permission',
};

/** at most this many sentences in the answer (short answer and picked details together) */
export const MAX_SENTENCES = 3;
/** at most this many details sentences are added */
const MAX_ADDED = 2;
/** the share of the shorter word two words must begin with alike ("Nachbarin" / "Nachbarschaftshilfe",
 *  "bezahlen" / "bezahlt"; not "Pflegegrad" / "Pflegegeld") */
const STEM_SHARE = 0.7;

function sameStem(a: string, b: string): boolean {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n >= Math.max(STEM, STEM_SHARE * Math.min(a.length, b.length));
}

/** words from this length tell sentences apart ("Heim", "Kurs"); shorter ones are grammar */
const MIN_WORD = 4;
/** two words are the same word when one holds the other ("beantrage" / "Antrag", "Heim" / "Pflegeheim")
 *  or they begin alike in at least this many letters (and STEM_SHARE of the shorter) */
const STEM = 5;
/** a word (or concept) that more of the entry's sentences name says nothing about one of them */
const MAX_NAMING = 3;
/** a word of the story counts half as much as a word of the question */
const STORY_WEIGHT = 0.5;

/** The facets one part of a question asks, in FACETS order ("Zahlt die Kasse das auch, wenn es meine
 *  Schwester macht?" → payer, condition). */
export function facetsOf(part: string, words: Lexicon): Facet[] {
  const found = FACETS.filter((f) => words.has(ASKS[f], part));
  // "wie viel zahlt die Kasse", "how much does the fund pay": the amount names who pays
  return found.includes('amount') ? found.filter((f) => f !== 'payer') : found;
}

/** The message's words and concepts that can tell one sentence of an entry from another, weighted:
 *  the question's 1, the story's STORY_WEIGHT. Keys are "s:" + a folded word or "c:" + a concept. */
export function questionKeys(parts: readonly string[], story: readonly string[], conceptsOf?: (text: string) => readonly string[]): Map<string, number> {
  const keys = new Map<string, number>();
  const add = (text: string, w: number) => {
    for (const k of textKeys(text, conceptsOf)) keys.set(k, Math.max(keys.get(k) ?? 0, w));
  };
  story.forEach((s) => add(s, STORY_WEIGHT));
  parts.forEach((p) => add(p, 1));
  return keys;
}

function textKeys(text: string, conceptsOf?: (text: string) => readonly string[]): Set<string> {
  const ws = foldText(text).split(/[^a-z0-9]+/).filter((w) => w.length >= MIN_WORD).map((w) => `s:${w}`);
  return new Set([...ws, ...(conceptsOf ? conceptsOf(text) : []).map((c) => `c:${c}`)]);
}

/** Does a sentence (its keys) name the key: the concept, or the same word (sameStem, or one inside the other). */
function names(sentence: ReadonlySet<string>, key: string): boolean {
  if (sentence.has(key)) return true;
  if (!key.startsWith('s:')) return false;
  const k = key.slice(2);
  for (const x of sentence) {
    if (!x.startsWith('s:')) continue;
    const w = x.slice(2);
    if (w.includes(k) || k.includes(w) || sameStem(w, k)) return true;
  }
  return false;
}

export interface FacetPick {
  /** picked on the short text for a told grade (`shortWithGrade`): shown only with that text */
  withGrade?: boolean;
  /** no short sentence may make room (a question of three or more parts: its sentences likely answer
   *  the parts the facet words do not read, "was bleibt an uns hängen?" → the co-payment) */
  keepShort?: boolean;
  /** indices of the details sentences to add, in the order their facets were asked */
  added: number[];
  /** indices of the short answer's sentences that answer an asked facet (they stay) */
  kept: number[];
}

/** For each asked facet, the sentence of the entry that answers it best: one that says the facet's
 *  words (an amount, "nur wenn", "beantragen" …) and names most of the question's particular words. A
 *  facet the short answer already speaks to keeps it; one only the details speak to adds that
 *  sentence; one no sentence speaks to adds nothing (the content lacks it). An amount is answered by
 *  any sentence with one; the other facets need a particular word of the question in the sentence
 *  (a facet's words alone, "nicht", "wenn", are in almost every sentence), and a word of the asking
 *  part itself to replace a short sentence that speaks to the facet. */
export interface AskedFacet {
  facet: Facet;
  /** the words of the part that asks it (weight 1) and of the rest of the message (questionKeys) */
  keys: ReadonlyMap<string, number>;
}

export function pickFacetSentences(
  short: readonly string[], details: readonly string[], asked: readonly AskedFacet[], words: Lexicon,
  conceptsOf?: (text: string) => readonly string[],
): FacetPick {
  const all = [...short, ...details];
  const named = all.map((s) => textKeys(s, conceptsOf));
  // a key named by few sentences tells them apart; one most sentences name tells nothing (how many
  // name a key is counted once per key, not again for every sentence and facet)
  const naming = new Map<string, number>();
  const namingCount = (k: string) => naming.get(k) ?? naming.set(k, named.filter((x) => names(x, k)).length).get(k)!;
  const score = (i: number, keys: ReadonlyMap<string, number>) => [...keys].reduce((sum, [k, w]) => {
    if (!names(named[i], k)) return sum;
    const n = namingCount(k);
    return n <= MAX_NAMING ? sum + w / n : sum;
  }, 0);
  const pick: FacetPick = { added: [], kept: [] };
  const done = new Set<Facet>();
  for (const { facet: f, keys } of asked) {
    if (done.has(f)) continue;
    done.add(f);
    const scores = all.map((_, i) => score(i, keys));
    const says = all.map((s, i) => i).filter((i) => words.has(SAYS[f], all[i]));
    if (!says.length) continue;
    // best first; on a tie the short answer's sentence (it is the reviewed answer), then the earlier
    const best = says.reduce((b, i) => (scores[i] > scores[b] ? i : b));
    if (f === 'amount' ? says[0] < short.length : best < short.length) {
      const at = f === 'amount' ? says[0] : best;
      if (!pick.kept.includes(at)) pick.kept.push(at);
      continue;
    }
    if (f !== 'amount' && scores[best] <= 0) continue;
    // the short answer speaks to the facet too ("Nein, … ohne dass etwas abgezogen wird"): a details
    // sentence replaces it only when it names a word of the part itself, not only of the story
    const ownKeys = new Map([...keys].filter(([, w]) => w >= 1));
    if (f !== 'amount' && says[0] < short.length && score(best, ownKeys) <= 0) {
      if (!pick.kept.includes(says[0])) pick.kept.push(says[0]);
      continue;
    }
    const d = (f === 'amount' && scores[best] <= 0 ? says[0] : best) - short.length;
    if (!pick.added.includes(d) && pick.added.length < MAX_ADDED) pick.added.push(d);
  }
  return pick;
}

/** The answer's sentences: the short answer's, then the added details sentences, at most MAX_SENTENCES;
 *  to make room, the short answer's sentences from its end go that answer no asked facet (its first
 *  one always stays). */
export function composeSentences(short: readonly string[], details: readonly string[], pick: FacetPick): string[] {
  const added = pick.added.map((i) => details[i]).filter((s): s is string => !!s && !short.includes(s));
  const keep = short.map((_, i) => i);
  for (let i = short.length - 1; !pick.keepShort && i > 0 && keep.length + added.length > MAX_SENTENCES; i -= 1) {
    if (!pick.kept.includes(i)) keep.splice(keep.indexOf(i), 1);
  }
  return [...keep.map((i) => short[i]), ...added].slice(0, Math.max(MAX_SENTENCES, keep.length));
}

/** The facets of a message's question parts (those another entry does not answer), when it asks two
 *  things of one answer: two parts with a facet between them, or one part with two facets. */
export function askedFacets(parts: readonly string[], words: Lexicon, total = parts.length): Facet[] | undefined {
  const per = parts.map((p) => facetsOf(p, words));
  const all = [...new Set(per.flat())];
  // the message's other part may be answered by an entry of its own: the parts still make one question
  const twoParts = total >= 2 && all.length >= 1;
  return twoParts || all.length >= 2 ? all : undefined;
}

/** What to add to `a`'s short answer for the parts of a two-part question (undefined: nothing). The
 *  sentences are read from the content's templates (amounts as placeholders), in the turn's language;
 *  the pick holds only indices, so it can wait in the dialog's state for a grade without any of the
 *  person's words. */
export function facetPickFor(
  a: LayeredAnswer, lang: Lang, parts: readonly string[], story: readonly string[], words: Lexicon, grade?: number,
  conceptsOf?: (text: string) => readonly string[], total = parts.length,
): FacetPick | undefined {
  const asked = askedFacets(parts, words, total);
  if (!asked) return undefined;
  const txt = a[lang];
  const withGrade = grade !== undefined && !!txt.shortWithGrade;
  const short = sentences(withGrade ? txt.shortWithGrade! : txt.short);
  // each facet with the words of the part that asks it; the other parts and the story count less
  const perPart: AskedFacet[] = parts.flatMap((p, i) => {
    const keys = questionKeys([p], [...parts.filter((_, j) => j !== i), ...story], conceptsOf);
    return facetsOf(p, words).map((facet) => ({ facet, keys }));
  });
  const pick = pickFacetSentences(short, sentences(txt.details), perPart, words, conceptsOf);
  const keepShort = total > 2;
  // with every short sentence kept, only what fits in MAX_SENTENCES is added
  if (keepShort) pick.added = pick.added.slice(0, Math.max(0, MAX_SENTENCES - short.length));
  return pick.added.length ? { ...pick, withGrade, ...(keepShort ? { keepShort } : {}) } : undefined;
}
