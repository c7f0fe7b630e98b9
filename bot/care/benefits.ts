// Pure look-ups over the dated benefits table (knowledge/federal/benefits.json): the value on a
// given day, what changed on a day, the entitlements for a care grade and setting, and the
// Pflegegeld left in a combination with Sachleistung (§ 38 SGB XI). Amounts are never typed in
// code; which benefit fits which setting is the rule table below (wording lives in locales).
import type { Benefit, BenefitsFile, Lang } from '../knowledge/schema';
import type { IsoDate } from './calendar';

export type CareGrade = 1 | 2 | 3 | 4 | 5;
/** A dated amount: one value, or per grade 1..5 (null = not at that grade). */
export type Amount = number | ReadonlyArray<number | null>;

function findBenefit(table: BenefitsFile, id: string): Benefit | undefined {
  return table.benefits.find((b) => b.id === id);
}

type Dated = Benefit['values'][number];

/** The table entry in force on `date` (latest validFrom ≤ date; none after endsOn). */
function entryOn(b: Benefit, date: IsoDate): Dated | undefined {
  if (b.endsOn !== undefined && date >= b.endsOn) return undefined;
  let best: Dated | undefined;
  for (const v of b.values) if (v.validFrom <= date && (!best || v.validFrom >= best.validFrom)) best = v;
  return best;
}

function amountOf(v: Dated): Amount {
  return v.byGrade !== undefined ? v.byGrade : (v.value as number);
}

/** Value of benefit `id` on `date`. Per-grade values need `grade` (1..5); a value for all grades
 *  is returned for any grade. null: unknown id, not yet / no longer in force, not at this grade,
 *  or no care grade (0). */
export function valueOn(table: BenefitsFile, id: string, date: IsoDate, grade?: number): number | null {
  const b = findBenefit(table, id);
  if (!b) return null;
  const v = entryOn(b, date);
  if (!v) return null;
  if (grade !== undefined && !(Number.isInteger(grade) && grade >= 1 && grade <= 5)) return null;
  if (v.byGrade !== undefined) {
    if (grade === undefined) return null;
    return v.byGrade[grade - 1];
  }
  return v.value ?? null;
}

function groupDigits(intPart: string, sep: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

export interface FormatEuroOptions {
  /** join number and sign with a no-break space (U+00A0) so they never wrap apart */
  nbsp?: boolean;
}

/** "1.497 €" / "25,50 €" (de), "€1,497" / "€25.50" (en); cents only when not whole euros. */
export function formatEuro(n: number, lang: Lang, opts: FormatEuroOptions = {}): string {
  const cents = Math.round(Math.abs(n) * 100);
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  const sign = n < 0 && cents > 0 ? '-' : '';
  const de = lang === 'de';
  let s = groupDigits(String(whole), de ? '.' : ',');
  if (rest !== 0) s += (de ? ',' : '.') + String(rest).padStart(2, '0');
  const space = opts.nbsp ? '\u00a0' : ' ';
  return de ? `${sign}${s}${space}€` : `${sign}€${s}`;
}

export interface BenefitChange {
  id: string;
  /** 'new': first entry in the table — a real introduction only if the table starts the
   *  benefit at its true start date */
  kind: 'changed' | 'new' | 'ended';
  /** null: the benefit did not exist before */
  old: Amount | null;
  /** null: the benefit ended on this day */
  new: Amount | null;
}

function sameAmount(a: Amount | null, b: Amount | null): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === 'number' || typeof b === 'number') return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Amounts that changed on `date` (a new entry starts, or a benefit ends). Entries that only
 *  confirm an unchanged amount are left out. */
export function changesOn(table: BenefitsFile, date: IsoDate): BenefitChange[] {
  const out: BenefitChange[] = [];
  for (const b of table.benefits) {
    const dayBefore = entryBefore(b, date);
    const oldAmount = dayBefore ? amountOf(dayBefore) : null;
    if (b.endsOn === date) {
      if (oldAmount !== null) out.push({ id: b.id, kind: 'ended', old: oldAmount, new: null });
      continue;
    }
    const starting = b.values.find((v) => v.validFrom === date);
    if (!starting || (b.endsOn !== undefined && date >= b.endsOn)) continue;
    const newAmount = amountOf(starting);
    if (!sameAmount(oldAmount, newAmount)) out.push({ id: b.id, kind: oldAmount === null ? 'new' : 'changed', old: oldAmount, new: newAmount });
  }
  return out;
}

/** Entry in force on the day before `date`. */
function entryBefore(b: Benefit, date: IsoDate): Dated | undefined {
  let best: Dated | undefined;
  for (const v of b.values) if (v.validFrom < date && (!best || v.validFrom >= best.validFrom)) best = v;
  if (best && b.endsOn !== undefined && b.endsOn < date) return undefined;
  return best;
}

/** The latest day ≤ today on which amounts changed, with the changes. */
export function lastChange(table: BenefitsFile, today: IsoDate): { date: IsoDate; changes: BenefitChange[] } | undefined {
  const days = new Set<IsoDate>();
  for (const b of table.benefits) {
    for (const v of b.values) if (v.validFrom <= today) days.add(v.validFrom);
    if (b.endsOn !== undefined && b.endsOn <= today) days.add(b.endsOn);
  }
  for (const date of [...days].sort().reverse()) {
    const changes = changesOn(table, date);
    if (changes.length > 0) return { date, changes };
  }
  return undefined;
}

export type CareSetting = 'relatives' | 'home_care' | 'day_care' | 'nursing_home';
export type Period = 'month' | 'year' | 'measure' | 'week' | 'once';
/** where to apply or claim */
export type Where = 'pflegekasse';

export interface BenefitRule {
  id: string;
  settings: readonly CareSetting[];
  /** lowest care grade with this entitlement, where the table holds one value for all grades */
  minGrade?: number;
  /** must be applied for before it is paid (false: claimed afterwards with receipts) */
  needsApplication: boolean;
  where: Where;
}

const HOME: readonly CareSetting[] = ['relatives', 'home_care', 'day_care'];

/** Which benefit fits which care setting, in the order an overview lists them (main benefit
 *  first). Ids missing from the table are skipped, so the table may grow independently. */
export const BENEFIT_RULES: readonly BenefitRule[] = [
  { id: 'pflegegeld', settings: ['relatives', 'day_care'], needsApplication: true, where: 'pflegekasse' },
  { id: 'sachleistung', settings: ['home_care'], needsApplication: true, where: 'pflegekasse' },
  { id: 'tagespflege', settings: ['day_care'], needsApplication: true, where: 'pflegekasse' },
  { id: 'stationaer', settings: ['nursing_home'], needsApplication: true, where: 'pflegekasse' },
  { id: 'umwandlung', minGrade: 2, settings: ['home_care'], needsApplication: false, where: 'pflegekasse' },
  { id: 'entlastungsbetrag', settings: HOME, needsApplication: false, where: 'pflegekasse' },
  { id: 'entlastungsbudget', minGrade: 2, settings: HOME, needsApplication: false, where: 'pflegekasse' },
  { id: 'verhinderungspflege', minGrade: 2, settings: HOME, needsApplication: false, where: 'pflegekasse' },
  { id: 'kurzzeitpflege', minGrade: 2, settings: HOME, needsApplication: true, where: 'pflegekasse' },
  { id: 'pflegehilfsmittel', settings: HOME, needsApplication: true, where: 'pflegekasse' },
  { id: 'wohnumfeld', settings: HOME, needsApplication: true, where: 'pflegekasse' },
  { id: 'hausnotruf', settings: HOME, needsApplication: true, where: 'pflegekasse' },
];

export interface Entitlement {
  id: string;
  amount: number;
  period: Period;
  needsApplication: boolean;
  where: Where;
}

const PERIOD: Partial<Record<Benefit['unit'], Period>> = {
  eur_month: 'month', eur_year: 'year', eur_measure: 'measure', eur_week: 'week', eur_once: 'once',
};

/** Money benefits for a grade in a setting on a date, in rule order. Benefits not available at the
 *  grade (e.g. Pflegegeld at grade 1) or not in force on the date are left out. */
export function benefitsOverview(
  table: BenefitsFile,
  q: { grade: number; setting: CareSetting; date: IsoDate },
  rules: readonly BenefitRule[] = BENEFIT_RULES,
): Entitlement[] {
  const out: Entitlement[] = [];
  for (const r of rules) {
    if (!r.settings.includes(q.setting) || q.grade < (r.minGrade ?? 1)) continue;
    const b = findBenefit(table, r.id);
    const period = b ? PERIOD[b.unit] : undefined;
    if (!b || !period) continue;
    const amount = valueOn(table, r.id, q.date, q.grade);
    if (amount === null || amount === 0) continue;
    out.push({ id: r.id, amount, period, needsApplication: r.needsApplication, where: r.where });
  }
  return out;
}

/** Pflegegeld left when a share (0..1) of the Sachleistung is used (Kombinationsleistung, § 38):
 *  the Pflegegeld shrinks by the same share. Rounded to cents; null without Pflegegeld at the grade. */
export function combination(table: BenefitsFile, grade: number, usedSachleistungShare: number, date: IsoDate): number | null {
  if (!(usedSachleistungShare >= 0 && usedSachleistungShare <= 1)) {
    throw new RangeError(`share must be between 0 and 1: ${usedSachleistungShare}`);
  }
  const geld = valueOn(table, 'pflegegeld', date, grade);
  if (geld === null) return null;
  return Math.round(geld * (1 - usedSachleistungShare) * 100) / 100;
}
