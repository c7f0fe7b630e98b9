// "Der Dienst rechnet etwa 900 Euro im Monat ab – wie viel Pflegegeld bleibt?": the combination
// benefit (§ 38 SGB XI) from a euro amount instead of a percentage. The share of the Sachleistung the
// service uses is the amount divided by the grade's Sachleistung from the dated table; the rest of
// the Pflegegeld follows as usual (bot/care/benefits.ts combination). Pure.
import { valueOn } from '../care/benefits';
import type { BenefitsFile } from '../knowledge/schema';
import type { IsoDate } from '../care/calendar';
import { foldText } from '../nlu/normalise';
import type { Lexicon } from '../nlu/lexicon';

// a number with thousands separators ("1.200", "1,200") and cents ("748,50", "748.5")
const NUMBER = String.raw`(\d{1,3}(?:[.,]\d{3})+(?!\d)|\d+)(?:[.,](\d{1,2}))?(?!\d)`;
const EURO = new RegExp(String.raw`(?:€|\beur(?:o)?)\s*${NUMBER}|${NUMBER}\s*(?:€|euro\b|eur\b)`, 'i');

/** "900 Euro", "900 €", "€ 1.200", "1200,50 EUR", "748.5 euros" → the amount; undefined without a
 *  currency word. */
export function euroAmount(text: string): number | undefined {
  const m = EURO.exec(text);
  if (!m) return undefined;
  const whole = (m[1] ?? m[3]).replace(/[.,]/g, '');
  const cents = m[2] ?? m[4];
  const v = Number(cents ? `${whole}.${cents}` : whole);
  return Number.isFinite(v) && v > 0 ? v : undefined;
}

/** The share of the Sachleistung (percent, one decimal, at most 100) the amount uses at this grade;
 *  undefined when the grade has no Sachleistung. */
export function shareOfInKind(table: BenefitsFile, grade: number, euros: number, date: IsoDate): number | undefined {
  const full = valueOn(table, 'sachleistung', date, grade);
  if (full === null || !(full > 0)) return undefined;
  return Math.min(100, Math.round((euros / full) * 1000) / 10);
}

/** The percentage a message about the home-care service's bill means, when its question (`asked`)
 *  asks for the Pflegegeld left and the grade is known; the amount may stand anywhere in `text`
 *  (the whole message). Undefined otherwise. */
export function combinationShare(
  asked: string, grade: number | undefined, table: BenefitsFile, date: IsoDate, words: Lexicon, text = asked,
): number | undefined {
  // the question asks what is left of the Pflegegeld (its words: locales/<lng>/commands.json asks_rest)
  if (grade === undefined || !words.has('asks_rest', foldText(asked))) return undefined;
  const euros = euroAmount(text);
  return euros === undefined ? undefined : shareOfInKind(table, grade, euros, date);
}
