// Calendar arithmetic on plain dates ("YYYY-MM-DD"). No time of day, no time zone: every
// computation goes through UTC day numbers, so the host's TZ can never shift a date.

/** A calendar date as "YYYY-MM-DD". */
export type IsoDate = string;

export interface Ymd {
  y: number;
  /** 1..12 */
  m: number;
  /** 1..31 */
  d: number;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

export function isValidYmd(v: Ymd): boolean {
  return Number.isInteger(v.y) && Number.isInteger(v.m) && Number.isInteger(v.d)
    && v.y >= 1 && v.y <= 9999 && v.m >= 1 && v.m <= 12 && v.d >= 1 && v.d <= daysInMonth(v.y, v.m);
}

/** true for a real calendar date in "YYYY-MM-DD" form ("2026-02-30" is false). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_RE.exec(s);
  return m !== null && isValidYmd({ y: +m[1], m: +m[2], d: +m[3] });
}

export function parseIso(s: IsoDate): Ymd {
  const m = ISO_RE.exec(s);
  const v = m ? { y: +m[1], m: +m[2], d: +m[3] } : undefined;
  if (!v || !isValidYmd(v)) throw new RangeError(`not a calendar date: ${JSON.stringify(s)}`);
  return v;
}

export function toIso(v: Ymd): IsoDate {
  if (!isValidYmd(v)) throw new RangeError(`not a calendar date: ${JSON.stringify(v)}`);
  return `${String(v.y).padStart(4, '0')}-${String(v.m).padStart(2, '0')}-${String(v.d).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (negative before). */
export function toDayNumber(s: IsoDate): number {
  const { y, m, d } = parseIso(s);
  const dt = new Date(0);
  dt.setUTCFullYear(y, m - 1, d); // setUTCFullYear keeps years < 100 literal
  return Math.round(dt.getTime() / MS_PER_DAY);
}

export function fromDayNumber(n: number): IsoDate {
  const dt = new Date(n * MS_PER_DAY);
  return toIso({ y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() });
}

export function addDays(s: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(s) + n);
}

/** `to - from` in days. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Same day number n months later; a day the target month lacks becomes its last day
 *  (31 Jan + 1 month = 28/29 Feb), as § 64(2) SGG and § 188(3) BGB count. */
export function addMonths(s: IsoDate, n: number): IsoDate {
  const { y, m, d } = parseIso(s);
  const idx = y * 12 + (m - 1) + n;
  const ny = Math.floor(idx / 12);
  const nm = idx - ny * 12 + 1;
  return toIso({ y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) });
}

export function addYears(s: IsoDate, n: number): IsoDate {
  return addMonths(s, 12 * n);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(s: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  const n = toDayNumber(s);
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

export function compareIso(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
