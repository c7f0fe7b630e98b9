// Deadlines around an application for a care grade: working days under a state's public holidays
// (data: knowledge/<state>/holidays.json), the 25-working-day decision deadline (§ 18c SGB XI),
// the delay payment, and the one-month objection deadline (§ 84 with § 64 SGG). Pure; "today" is
// always a parameter.
import { z } from 'zod';
import { addDays, addMonths, addYears, compareIso, daysBetween, isoWeekday, parseIso, toIso, type IsoDate } from './calendar';

/** A state's public holidays as data (knowledge/<state>/holidays.json): fixed days, days counted
 *  from Easter Sunday, and one-off holidays. The ids name the holidays' microcopy. */
export const HolidaysFileSchema = z.object({
  law: z.string().min(1),
  fixed: z.array(z.object({ id: z.string().min(1), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }).strict()),
  easter: z.array(z.object({ id: z.string().min(1), days: z.number().int().min(-60).max(70) }).strict()),
  once: z.array(z.object({ id: z.string().min(1), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict()).default([]),
}).strict();
export type HolidaysFile = z.infer<typeof HolidaysFileSchema>;

export interface Holiday {
  date: IsoDate;
  id: string;
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

/** Working days and deadlines under one state's public holidays (knowledge/<state>/holidays.json). */
export interface WorkingDays {
  /** the state's public holidays of a year, sorted by date */
  holidays(year: number): readonly Holiday[];
  holidayOn(date: IsoDate): string | undefined;
  /** Monday to Friday and not a public holiday */
  isWorkingDay(date: IsoDate): boolean;
  /** the date itself if it is a working day, else the next working day */
  nextWorkingDayOnOrAfter(date: IsoDate): IsoDate;
  /** n working days after `date` (the start day itself never counts, § 26 SGB X with § 187(1) BGB);
   *  negative n counts backwards; n = 0 returns `date` */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** working days after `from` up to and including `to` (0 if `to` is not later) */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /** holidays on weekdays after `from` up to and including `to` (they do not count as working days) */
  holidaysBetween(from: IsoDate, to: IsoDate): Holiday[];
  /** last day on which the decision is in time: 25 working days after the application arrived */
  decisionDeadline(applicationDate: IsoDate): IsoDate;
  delayCompensation(applicationDate: IsoDate, today: IsoDate, amountPerWeek: number): DelayCompensation;
  objectionDeadline(noticeReceived: IsoDate, opts?: ObjectionOptions): IsoDate;
}

export function workingDays(rules: HolidaysFile): WorkingDays {
  const cache = new Map<number, readonly Holiday[]>();
  const holidays = (year: number): readonly Holiday[] => {
    const hit = cache.get(year);
    if (hit) return hit;
    const easter = easterSunday(year);
    const list: Holiday[] = [
      ...rules.fixed.map((h) => ({ date: toIso({ y: year, m: h.month, d: h.day }), id: h.id })),
      ...rules.easter.map((h) => ({ date: addDays(easter, h.days), id: h.id })),
      ...rules.once.filter((h) => h.date.startsWith(`${year}-`)).map((h) => ({ date: h.date, id: h.id })),
    ];
    list.sort((x, y) => compareIso(x.date, y.date));
    const frozen = Object.freeze(list);
    cache.set(year, frozen);
    return frozen;
  };
  const holidayOn = (date: IsoDate): string | undefined => holidays(parseIso(date).y).find((h) => h.date === date)?.id;
  const isWorkingDay = (date: IsoDate): boolean => isoWeekday(date) <= 5 && holidayOn(date) === undefined;
  const nextWorkingDayOnOrAfter = (date: IsoDate): IsoDate => {
    let d = date;
    while (!isWorkingDay(d)) d = addDays(d, 1);
    return d;
  };
  const addWorkingDays = (date: IsoDate, n: number): IsoDate => {
    if (!Number.isInteger(n)) throw new RangeError(`n must be an integer: ${n}`);
    const step = n < 0 ? -1 : 1;
    let left = Math.abs(n);
    let d = date;
    while (left > 0) {
      d = addDays(d, step);
      if (isWorkingDay(d)) left -= 1;
    }
    return d;
  };
  const decisionDeadline = (applicationDate: IsoDate): IsoDate => addWorkingDays(applicationDate, DECISION_WORKING_DAYS);
  return {
    holidays, holidayOn, isWorkingDay, nextWorkingDayOnOrAfter, addWorkingDays, decisionDeadline,
    workingDaysBetween(from, to) {
      let n = 0;
      for (let d = from; compareIso(d, to) < 0;) {
        d = addDays(d, 1);
        if (isWorkingDay(d)) n++;
      }
      return n;
    },
    holidaysBetween(from, to) {
      const out: Holiday[] = [];
      for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
        for (const h of holidays(y)) if (h.date > from && h.date <= to && isoWeekday(h.date) <= 5) out.push(h);
      }
      return out;
    },
    // Payment for a late decision: per started week after the deadline (§ 18c SGB XI). `today` is the
    // day the decision arrived or, while none has arrived, the current day. The amount per week comes
    // from the benefits table; it is not due if the Pflegekasse is not at fault (not modelled here).
    delayCompensation(applicationDate, today, amountPerWeek) {
      const deadline = decisionDeadline(applicationDate);
      const overdueDays = Math.max(0, daysBetween(deadline, today));
      const startedWeeks = Math.ceil(overdueDays / 7);
      return { deadline, overdueDays, startedWeeks, amount: startedWeeks * amountPerWeek };
    },
    // The same day number one month (or year) later, or that month's last day if the number does not
    // exist (§ 64(2) SGG); a Saturday, Sunday or public holiday moves it to the next working day (§ 64(3) SGG).
    objectionDeadline(noticeReceived, opts = {}) {
      const end = opts.period === 'year' ? addYears(noticeReceived, 1) : addMonths(noticeReceived, 1);
      return nextWorkingDayOnOrAfter(end);
    },
  };
}

/** Working days the Pflegekasse has for its written decision (§ 18c(1) SGB XI). */
export const DECISION_WORKING_DAYS = 25;

export interface DelayCompensation {
  deadline: IsoDate;
  /** calendar days after the deadline up to and including `today` (0 if in time) */
  overdueDays: number;
  /** every started week of delay counts in full */
  startedWeeks: number;
  /** startedWeeks × amountPerWeek */
  amount: number;
}

export interface ObjectionOptions {
  /** 'month' normally (§ 84(1) SGG); 'year' if the notice lacks a correct statement of the
   *  right to object (§ 66(2) SGG). */
  period?: 'month' | 'year';
}
