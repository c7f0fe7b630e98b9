// Budget arithmetic from what people tell: "wir haben schon 1.200 € verbraucht – wie viel ist noch
// übrig?" after respite care, the relief amount or a home adaptation gets the remainder worked out from
// the dated table (knowledge/federal/benefits.json), and a question whether the care allowance goes on
// during short-term or respite care gets half of the grade's allowance and the weeks the table holds
// (§ 37 Abs. 2 SGB XI). Nothing here is a figure of its own: every amount and week count is the table's
// on the given date. Pure.
import { formatEuro, valueOn } from '../care/benefits';
import type { IsoDate } from '../care/calendar';
import type { BenefitsFile, Lang } from '../knowledge/schema';
import { foldText } from '../nlu/normalise';
import { readSentences } from '../nlu/message';
import type { Lexicon } from '../nlu/lexicon';
import { parseNumberWord } from '../nlu/numbers';

export type BudgetKind = 'respite' | 'relief' | 'home_adaptation';

interface Budget {
  kind: BudgetKind;
  /** the dated table's id of the budget */
  benefit: string;
  /** how the table's value adds up to the budget the remainder is about */
  per: 'year' | 'month_in_year' | 'measure';
  /** the concept lexicon's ids that name it (knowledge/concepts.json) */
  concepts: readonly string[];
  /** the topic whose answers (and question entries) are about it */
  topic: string;
}

// The relief amount accrues month by month, so its budget for the calendar year is the sum of the
// months; the joint respite budget is a yearly sum; home adaptation is a sum per measure.
const BUDGETS: readonly Budget[] = [
  { kind: 'respite', benefit: 'entlastungsbudget', per: 'year', concepts: ['respite', 'short_term_care'], topic: 'respite' },
  { kind: 'relief', benefit: 'entlastungsbetrag', per: 'month_in_year', concepts: ['relief_amount'], topic: 'relief' },
  { kind: 'home_adaptation', benefit: 'wohnumfeld', per: 'measure', concepts: ['home_adaptation'], topic: 'home_adaptation' },
];

// a number with thousands separators ("1.200", "1,200") and cents ("748,50")
const NUMBER = String.raw`(\d{1,3}(?:[.,]\d{3})+(?!\d)|\d+)(?:[.,](\d{1,2}))?(?!\d)`;
const EUROS = new RegExp(String.raw`(?:€|\beur(?:o)?)\s*${NUMBER}|${NUMBER}\s*(?:€|euros?\b|eur\b)`, 'gi');

// an amount written in words before the unit ("tausend Euro", "two thousand euros"): up to five words
const WORDED_EUROS = /((?:[a-zäöüß]+[\s-]+){0,4}[a-zäöüß]+)\s*(?:€|euros?\b|eur\b)/gi;

/** The longest tail of the words before "Euro" that reads as a number ("wir haben tausend" → 1000). */
function wordedAmount(phrase: string): number | undefined {
  const ws = phrase.trim().split(/[\s-]+/);
  for (let i = 0; i < ws.length; i++) {
    const v = parseNumberWord(ws.slice(i).join(' '));
    if (v && !v.ordinal && v.value > 0) return v.value;
  }
  return undefined;
}

/** Every euro amount of a text, in order ("1.200 €", "€2,000", "3000 Euro"), then those written in
 *  words ("tausend Euro", "a thousand euros"). */
export function euroAmounts(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(EUROS)) {
    const whole = (m[1] ?? m[3]).replace(/[.,]/g, '');
    const cents = m[2] ?? m[4];
    const v = Number(cents ? `${whole}.${cents}` : whole);
    if (Number.isFinite(v) && v > 0) out.push(v);
  }
  for (const m of text.matchAll(WORDED_EUROS)) {
    const v = wordedAmount(m[1]);
    if (v !== undefined) out.push(v);
  }
  return out;
}

/** Does the message ask what is left (the lexicon's asks_left, on folded text)? A story asks it in its
 *  question sentences: "den Rest mache ich" in a sentence that tells is no question about a budget's
 *  remainder. */
export function asksLeft(text: string, words: Lexicon): boolean {
  const questions = readSentences(text).filter((sentence) => sentence.question).map((sentence) => sentence.text);
  return words.has('asks_left', foldText(questions.length ? questions.join(' ') : text));
}

/** The budget a message is about: the one its concepts name, else the one of the last answer's topic. */
export function budgetFor(concepts: readonly string[], lastTopic: string | undefined): BudgetKind | undefined {
  return BUDGETS.find((b) => b.concepts.some((c) => concepts.includes(c)))?.kind ?? BUDGETS.find((b) => b.topic === lastTopic)?.kind;
}

/** The topic whose answer holds the budget's rule. */
export function budgetTopic(kind: BudgetKind): string {
  return BUDGETS.find((b) => b.kind === kind)!.topic;
}

export interface Remainder { kind: BudgetKind; total: number; used: number; left: number }

/** The budget on `date` (for the relief amount: the months of that calendar year added up). */
export function budgetTotal(table: BenefitsFile, kind: BudgetKind, date: IsoDate): number | undefined {
  const b = BUDGETS.find((x) => x.kind === kind)!;
  if (b.per !== 'month_in_year') return valueOn(table, b.benefit, date) ?? undefined;
  const year = date.slice(0, 4);
  let sum = 0;
  for (let m = 1; m <= 12; m++) {
    const v = valueOn(table, b.benefit, `${year}-${String(m).padStart(2, '0')}-01` as IsoDate);
    if (v === null) return undefined;
    sum += v;
  }
  return Math.round(sum * 100) / 100;
}

/** What is left of a budget after `used` euros; undefined when the table holds no budget on that date
 *  (the joint respite budget exists from 2025-07-01 only). Never below zero. */
export function remainder(table: BenefitsFile, kind: BudgetKind, used: number, date: IsoDate): Remainder | undefined {
  const total = budgetTotal(table, kind, date);
  if (total === undefined || !(used > 0)) return undefined;
  return { kind, total, used, left: Math.max(0, Math.round((total - used) * 100) / 100) };
}

/** A message telling how much of a budget was used and asking what is left: the remainder, or
 *  undefined. The budget itself, when the message repeats it ("von den 3.539 € haben wir 1.200 €
 *  …"), is not the amount used. */
export function remainderFromText(
  text: string, concepts: readonly string[], lastTopic: string | undefined, table: BenefitsFile, date: IsoDate, words: Lexicon,
  told?: Spent,
): Remainder | undefined {
  if (!asksLeft(text, words)) return undefined;
  const kind = budgetFor(concepts, lastTopic) ?? told?.kind;
  if (!kind) return undefined;
  const total = budgetTotal(table, kind, date);
  // "Wie viel bleibt uns noch?" after a story that told the sum: the sum told for this budget
  const used = euroAmounts(text).find((v) => v !== total) ?? (told?.kind === kind ? told.used : undefined);
  return used === undefined ? undefined : remainder(table, kind, used, date);
}

/** What a message tells was used of a budget: an amount, a word that says it was spent, a budget. */
export interface Spent { kind: BudgetKind; used: number }

/** "Wir haben dieses Jahr schon 2.000 Euro für Verhinderungspflege ausgegeben.": the sum used of that
 *  budget, kept for a later "wie viel bleibt noch?"; undefined when the message names no sum used or
 *  no budget (its own concepts, else the last answer's topic). The budget itself is no sum used. */
export function spentFromText(
  text: string, concepts: readonly string[], lastTopic: string | undefined, table: BenefitsFile, date: IsoDate, words: Lexicon,
): Spent | undefined {
  if (!words.has('spent', foldText(text))) return undefined;
  const kind = budgetFor(concepts, lastTopic);
  if (!kind) return undefined;
  const total = budgetTotal(table, kind, date);
  const used = euroAmounts(text).find((v) => v !== total);
  return used === undefined ? undefined : { kind, used };
}

export interface HalfAllowance { half: number; weeksShortTerm: number; weeksRespite: number }

/** Half the grade's care allowance, which goes on during short-term and respite care (§ 37 Abs. 2
 *  SGB XI), with the weeks per year each of them may last on `date`; undefined without an allowance
 *  at that grade (grade 1) or a week count in the table. */
export function halfAllowance(table: BenefitsFile, grade: number, date: IsoDate): HalfAllowance | undefined {
  const full = valueOn(table, 'pflegegeld', date, grade);
  const weeksShortTerm = valueOn(table, 'kurzzeitpflege_wochen', date);
  const weeksRespite = valueOn(table, 'verhinderungspflege_wochen', date);
  if (full === null || weeksShortTerm === null || weeksRespite === null) return undefined;
  return { half: Math.round(full * 50) / 100, weeksShortTerm, weeksRespite };
}

type Translate = (key: string, vars?: Record<string, unknown>) => string;

/** The sentence with the remainder (locales: budget.left_<kind>). */
export function remainderLine(r: Remainder, lang: Lang, t: Translate): string {
  return t(`budget.left_${r.kind}`, { total: formatEuro(r.total, lang), used: formatEuro(r.used, lang), left: formatEuro(r.left, lang) });
}

/** The sentence with half the allowance and its weeks (locales: budget.half_allowance). */
export function halfAllowanceLine(h: HalfAllowance, grade: number, lang: Lang, t: Translate): string {
  return t('budget.half_allowance', { grade, half: formatEuro(h.half, lang), weeksShortTerm: h.weeksShortTerm, weeksRespite: h.weeksRespite });
}
