// Deadlines around an application for a care grade: NRW public holidays, working days,
// the 25-working-day decision deadline (§ 18c SGB XI), the delay payment, and the one-month
// objection deadline (§ 84 with § 64 SGG). Pure; "today" is always a parameter.
import { addDays, addMonths, addYears, compareIso, daysBetween, isoWeekday, parseIso, toIso, type IsoDate } from './calendar';

export type NrwHolidayId =
  | 'neujahr' | 'karfreitag' | 'ostermontag' | 'tag_der_arbeit' | 'christi_himmelfahrt'
  | 'pfingstmontag' | 'fronleichnam' | 'tag_der_deutschen_einheit' | 'reformationstag_2017'
  | 'allerheiligen' | 'erster_weihnachtstag' | 'zweiter_weihnachtstag';

export interface Holiday {
  date: IsoDate;
  id: NrwHolidayId;
}

/** Easter Sunday (Gregorian) by the anonymous Gregorian algorithm (Gauss, as given by Meeus). */
export function easterSunday(year: number): IsoDate {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`year out of range: ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toIso({ y: year, m: month, d: day });
}

const cache = new Map<number, readonly Holiday[]>();

/** Statutory public holidays in North Rhine-Westphalia (Feiertagsgesetz NW), sorted by date. */
export function nrwHolidays(year: number): readonly Holiday[] {
  const hit = cache.get(year);
  if (hit) return hit;
  const easter = easterSunday(year);
  const fixed = (m: number, d: number): IsoDate => toIso({ y: year, m, d });
  const list: Holiday[] = [
    { date: fixed(1, 1), id: 'neujahr' },
    { date: addDays(easter, -2), id: 'karfreitag' },
    { date: addDays(easter, 1), id: 'ostermontag' },
    { date: fixed(5, 1), id: 'tag_der_arbeit' },
    { date: addDays(easter, 39), id: 'christi_himmelfahrt' },
    { date: addDays(easter, 50), id: 'pfingstmontag' },
    { date: addDays(easter, 60), id: 'fronleichnam' },
    { date: fixed(10, 3), id: 'tag_der_deutschen_einheit' },
    { date: fixed(11, 1), id: 'allerheiligen' },
    { date: fixed(12, 25), id: 'erster_weihnachtstag' },
    { date: fixed(12, 26), id: 'zweiter_weihnachtstag' },
  ];
  // 500 years of the Reformation: a one-off holiday in every state.
  if (year === 2017) list.push({ date: fixed(10, 31), id: 'reformationstag_2017' });
  list.sort((x, y) => compareIso(x.date, y.date));
  const frozen = Object.freeze(list);
  cache.set(year, frozen);
  return frozen;
}

export function holidayOn(date: IsoDate): NrwHolidayId | undefined {
  return nrwHolidays(parseIso(date).y).find((h) => h.date === date)?.id;
}

/** Monday to Friday and not an NRW public holiday. */
export function isWorkingDay(date: IsoDate): boolean {
  return isoWeekday(date) <= 5 && holidayOn(date) === undefined;
}

/** The date itself if it is a working day, else the next working day. */
export function nextWorkingDayOnOrAfter(date: IsoDate): IsoDate {
  let d = date;
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** n working days after `date` (the start day itself never counts, § 26 SGB X with § 187(1) BGB).
 *  Negative n counts backwards; n = 0 returns `date`. */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`n must be an integer: ${n}`);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let d = date;
  while (left > 0) {
    d = addDays(d, step);
    if (isWorkingDay(d)) left -= 1;
  }
  return d;
}

/** Working days after `from` up to and including `to` (0 if `to` is not later). */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  let n = 0;
  for (let d = from; compareIso(d, to) < 0;) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) n++;
  }
  return n;
}

/** NRW holidays on weekdays after `from` up to and including `to` (they do not count as working days). */
export function holidaysBetween(from: IsoDate, to: IsoDate): { date: IsoDate; id: string }[] {
  const out: { date: IsoDate; id: string }[] = [];
  const y0 = Number(from.slice(0, 4));
  const y1 = Number(to.slice(0, 4));
  for (let y = y0; y <= y1; y++) {
    for (const h of nrwHolidays(y)) if (h.date > from && h.date <= to && isoWeekday(h.date) <= 5) out.push(h);
  }
  return out;
}


/** Working days the Pflegekasse has for its written decision (§ 18c(1) SGB XI). */
export const DECISION_WORKING_DAYS = 25;

/** Last day on which the decision is in time: 25 working days after the application arrived. */
export function decisionDeadline(applicationDate: IsoDate): IsoDate {
  return addWorkingDays(applicationDate, DECISION_WORKING_DAYS);
}

export interface DelayCompensation {
  deadline: IsoDate;
  /** calendar days after the deadline up to and including `today` (0 if in time) */
  overdueDays: number;
  /** every started week of delay counts in full */
  startedWeeks: number;
  /** startedWeeks × amountPerWeek */
  amount: number;
}

/** Payment for a late decision: per started week after the deadline (§ 18c SGB XI). `today` is the
 *  day the decision arrived or, while none has arrived, the current day. The amount per week comes
 *  from the benefits table; it is not due if the Pflegekasse is not at fault (not modelled here). */
export function delayCompensation(applicationDate: IsoDate, today: IsoDate, amountPerWeek: number): DelayCompensation {
  const deadline = decisionDeadline(applicationDate);
  const overdueDays = Math.max(0, daysBetween(deadline, today));
  const startedWeeks = Math.ceil(overdueDays / 7);
  return { deadline, overdueDays, startedWeeks, amount: startedWeeks * amountPerWeek };
}

export interface ObjectionOptions {
  /** 'month' normally (§ 84(1) SGG); 'year' if the notice lacks a correct statement of the
   *  right to object (§ 66(2) SGG). */
  period?: 'month' | 'year';
}

/** Last day to object to a notice received on `noticeReceived`: the same day number one month
 *  (or year) later, or that month's last day if the number does not exist (§ 64(2) SGG); if that
 *  day is a Saturday, Sunday or public holiday, the next working day (§ 64(3) SGG). */
export function objectionDeadline(noticeReceived: IsoDate, opts: ObjectionOptions = {}): IsoDate {
  const end = opts.period === 'year' ? addYears(noticeReceived, 1) : addMonths(noticeReceived, 1);
  return nextWorkingDayOnOrAfter(end);
}
