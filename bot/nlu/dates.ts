// Dates in free text → "YYYY-MM-DD". Own rules for German (the recognizers have no German date
// model) and for the English forms we rely on; @microsoft/recognizers-text-suite is a fallback
// for other English wording and for full numeric dates. "today" is always injected.
import type * as RecognizersSuite from '@microsoft/recognizers-text-suite';

// Loaded on first use: the suite takes ~0.3 s and tens of MB, and most turns never need it.
let suite: typeof RecognizersSuite | undefined;
function recognizers(): typeof RecognizersSuite {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  suite ??= require('@microsoft/recognizers-text-suite') as typeof RecognizersSuite;
  return suite;
}
import type { Lang } from '../knowledge/schema';
import {
  addDays, addMonths, addYears, daysBetween, isValidYmd, isoWeekday, parseIso, toIso,
  type IsoDate, type Ymd,
} from '../care/calendar';
import { foldGerman, parseNumberWord } from './numbers';

/** How to place a date written without a year (and a bare weekday):
 *  'past' = the most recent such date not after today (a letter that arrived),
 *  'future' = the next such date not before today (an appointment),
 *  'nearest' = whichever is closer (ties go to the past). */
export type NoYearPolicy = 'past' | 'future' | 'nearest';

export interface ParseDateOptions {
  /** default 'past' */
  noYear?: NoYearPolicy;
  /** try @microsoft/recognizers-text-suite when the own rules find nothing (default true) */
  useRecognizers?: boolean;
}

const MONTHS: Record<string, number> = {
  januar: 1, jaenner: 1, january: 1, jan: 1,
  februar: 2, feber: 2, february: 2, feb: 2,
  maerz: 3, march: 3, maer: 3, mrz: 3, mar: 3,
  april: 4, apr: 4,
  mai: 5, may: 5,
  juni: 6, june: 6, jun: 6,
  juli: 7, july: 7, jul: 7,
  august: 8, aug: 8,
  september: 9, sept: 9, sep: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nov: 11,
  dezember: 12, december: 12, dez: 12, dec: 12,
};
const MONTH_ALT = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

const WEEKDAYS: Record<string, number> = {
  montag: 1, dienstag: 2, mittwoch: 3, donnerstag: 4, freitag: 5, samstag: 6, sonnabend: 6, sonntag: 7,
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
};
const WEEKDAY_ALT = Object.keys(WEEKDAYS).join('|');

interface Hit {
  index: number;
  length: number;
  /** undefined: the text has the shape of a date that does not exist ("31.02.") */
  date: IsoDate | undefined;
}

/** what a rule's resolver returns: a date, undefined for an impossible date, null for "not a date after all" */
type Resolved = IsoDate | undefined | null;

/** Two-digit year → the century that puts it within (today − 80 years, today + 20 years]. */
function expandYear(yy: number, todayYear: number): number {
  let y = Math.floor(todayYear / 100) * 100 + yy;
  if (y > todayYear + 20) y -= 100;
  else if (y <= todayYear - 80) y += 100;
  return y;
}

function yearOf(raw: string | undefined, todayYear: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  return raw.length <= 2 ? expandYear(n, todayYear) : n;
}

/** A month/day without a year placed according to the policy. */
export function resolveNoYear(month: number, day: number, today: IsoDate, policy: NoYearPolicy): IsoDate | undefined {
  const ty = parseIso(today).y;
  const before: IsoDate[] = [];
  const after: IsoDate[] = [];
  // 29 February may lie up to 8 years away (1900-style century gaps included).
  for (let y = ty - 8; y <= ty + 8; y++) {
    const v = { y, m: month, d: day };
    if (!isValidYmd(v)) continue;
    const iso = toIso(v);
    if (iso <= today) before.push(iso);
    if (iso >= today) after.push(iso);
  }
  const past = before.length ? before[before.length - 1] : undefined;
  const next = after.length ? after[0] : undefined;
  if (policy === 'past') return past;
  if (policy === 'future') return next;
  if (past === undefined) return next;
  if (next === undefined) return past;
  return daysBetween(past, today) <= daysBetween(today, next) ? past : next;
}

function buildDate(y: number | undefined, m: number, d: number, today: IsoDate, policy: NoYearPolicy): IsoDate | undefined {
  if (y === undefined) return resolveNoYear(m, d, today, policy);
  const v: Ymd = { y, m, d };
  return isValidYmd(v) ? toIso(v) : undefined;
}

/** Weekday relative to today. mode 'last' = strictly before, 'next' = strictly after,
 *  'plain' = by policy (past: strictly before; future: strictly after; nearest: closer). */
function weekdayDate(wd: number, mode: 'last' | 'next' | 'plain', today: IsoDate, policy: NoYearPolicy): IsoDate {
  const tw = isoWeekday(today);
  const back = ((tw - wd + 7) % 7) || 7;
  const fwd = ((wd - tw + 7) % 7) || 7;
  const prev = addDays(today, -back);
  const next = addDays(today, fwd);
  if (mode === 'last') return prev;
  if (mode === 'next') return next;
  if (policy === 'past') return prev;
  if (policy === 'future') return next;
  return back <= fwd ? prev : next;
}

/** A day number written as digits, "3.", "3rd" or a word ("dritten", "twenty-first"). */
function dayNumber(raw: string, lang: Lang): number | undefined {
  const p = parseNumberWord(raw, lang);
  return p && Number.isInteger(p.value) && p.value >= 1 && p.value <= 31 ? p.value : undefined;
}

function unitShift(today: IsoDate, n: number, unit: string): IsoDate | undefined {
  if (/^(tag|tage|tagen|day|days)$/.test(unit)) return addDays(today, -n);
  if (/^(woche|wochen|week|weeks)$/.test(unit)) return addDays(today, -7 * n);
  if (/^(monat|monate|monaten|month|months)$/.test(unit)) return addMonths(today, -n);
  if (/^(jahr|jahre|jahren|year|years)$/.test(unit)) return addYears(today, -n);
  return undefined;
}

type Rule = (t: string, lang: Lang, today: IsoDate, policy: NoYearPolicy) => Hit[];

function all(re: RegExp, t: string, f: (m: RegExpExecArray) => Resolved): Hit[] {
  const out: Hit[] = [];
  const g = new RegExp(re.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = g.exec(t)) !== null) {
    const date = f(m);
    if (date !== null) out.push({ index: m.index, length: m[0].length, date });
    if (m[0].length === 0) g.lastIndex += 1;
  }
  return out;
}

const RULES: Rule[] = [
  // 2026-11-03
  (t) => all(/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/, t, (m) => buildDate(+m[1], +m[2], +m[3], '1970-01-01', 'past')),
  // 3.11. / 03.11.2026 / 3.11.26 / 3. 11. 2026 / 3.11 ("10.30" without a final dot is no date)
  (t, _l, today, p) => all(/(?<![\d.])(\d{1,2})\.\s?(\d{1,2})(?:\.(?:\s?(\d{4}|\d{2})(?!\d))?|(?![\d.]))/, t, (m) => {
    const d = buildDate(yearOf(m[3], parseIso(today).y), +m[2], +m[1], today, p);
    return d === undefined && !m[0].endsWith('.') && m[3] === undefined ? null : d;
  }),
  // 3/11/2026: day first (as in Germany); only an impossible month flips it (11/25 → 25 Nov)
  (t, _l, today, p) => all(/(?<![\d/])(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?![\d/])/, t, (m) => {
    let d = +m[1];
    let mo = +m[2];
    if (mo > 12 && d <= 12) [d, mo] = [mo, d];
    return buildDate(yearOf(m[3], parseIso(today).y), mo, d, today, p);
  }),
  // 3. November 2026 / am dritten November / third of November / twenty-first November
  (t, lang, today, p) => all(new RegExp(`\\b((?:[a-z]+[ -])?[a-z0-9]+\\.?)\\s+(?:of\\s+|des\\s+)?(${MONTH_ALT})\\b\\.?(?:\\s*,?\\s*(\\d{4}))?`), t, (m) => {
    const words = m[1].replace(/\.$/, '');
    const parts = words.split(/[ -]/);
    const last = parts[parts.length - 1];
    let day = parts.length > 1 ? dayNumber(words, lang) : undefined;
    if (day === undefined) day = dayNumber(last, lang);
    if (day === undefined) return null;
    return buildDate(yearOf(m[3], parseIso(today).y), MONTHS[m[2]], day, today, p);
  }),
  // November 3rd, 2026 / November the third (English order only: German "im November 3 Briefe")
  (t, lang, today, p) => lang !== 'en' ? [] : all(new RegExp(`\\b(${MONTH_ALT})\\b\\.?\\s+(?:the\\s+)?(\\d{1,2}(?:st|nd|rd|th)?|[a-z]+(?:-[a-z]+)?)\\b(?:\\s*,?\\s*(\\d{4}))?`), t, (m) => {
    const day = dayNumber(m[2], lang);
    return day === undefined ? null : buildDate(yearOf(m[3], parseIso(today).y), MONTHS[m[1]], day, today, p);
  }),
  // heute / gestern / vorgestern / morgen / übermorgen; today / yesterday / …
  // ("two days before yesterday" is left to the recognizers; "vor gestern" = vorgestern)
  (t, _l, today) => all(/(\b(?:before|after|vor|nach) )?\b(vorgestern|uebermorgen|gestern|heute|morgen|the day before yesterday|day before yesterday|the day after tomorrow|day after tomorrow|yesterday|today|tomorrow)\b/, t, (m) => {
    const shift: Record<string, number> = {
      heute: 0, today: 0, gestern: -1, yesterday: -1, vorgestern: -2, 'the day before yesterday': -2,
      'day before yesterday': -2, morgen: 1, tomorrow: 1, uebermorgen: 2, 'the day after tomorrow': 2, 'day after tomorrow': 2,
    };
    const pre = m[1]?.trim();
    if (pre === 'vor' && m[2] === 'gestern') return addDays(today, -2);
    if (pre !== undefined) return null;
    return addDays(today, shift[m[2]]);
  }),
  // vor zwei Wochen / vor 3 Tagen / vor einem Monat
  (t, _l, today) => all(/\bvor\s+([a-z]+|\d{1,3})\s+(tag|tagen|woche|wochen|monat|monaten|jahr|jahren)\b/, t, (m) => {
    const n = parseNumberWord(m[1], 'de');
    return n && !n.ordinal ? unitShift(today, n.value, m[2]) ?? null : null;
  }),
  // two weeks ago / 3 days ago / a week ago
  (t, _l, today) => all(/\b(an?|\d{1,3}|[a-z]+(?:[ -][a-z]+)?)\s+(days?|weeks?|months?|years?)\s+ago\b/, t, (m) => {
    const raw = m[1];
    let n: number | undefined;
    if (raw === 'a' || raw === 'an') n = 1;
    else {
      const parsed = parseNumberWord(raw, 'en') ?? parseNumberWord(raw.split(/[ -]/).pop() ?? '', 'en');
      n = parsed && !parsed.ordinal ? parsed.value : undefined;
    }
    return n === undefined ? null : unitShift(today, n, m[2]) ?? null;
  }),
  // Montag letzter Woche / letzte Woche Montag; last week Monday / Monday last week:
  // that weekday in the previous calendar week
  (t, _l, today) => all(new RegExp(`\\b(?:(?:letzte|vergangene) woche (?:am )?(${WEEKDAY_ALT})|(${WEEKDAY_ALT}) (?:letzter|vergangener|der letzten|der vergangenen) woche|last week(?: on)? (${WEEKDAY_ALT})|(${WEEKDAY_ALT}) (?:of )?last week)\\b`), t, (m) => {
    const wd = WEEKDAYS[m[1] ?? m[2] ?? m[3] ?? m[4]];
    return addDays(today, -(isoWeekday(today) - 1) - 7 + (wd - 1));
  }),
  // Heiligabend, Silvester, Neujahr; Christmas Eve, Christmas Day, New Year's Eve / Day
  // ("the day after Christmas", "nach Silvester" are relations we do not compute)
  (t, _l, today, p) => all(/(\b(?:before|after|vor|nach) )?\b(heiligabend|silvester|neujahr|neujahrstag|christmas eve|christmas day|christmas|new year'?s eve|new year'?s day)\b/, t, (m) => {
    if (m[1] !== undefined) return null;
    const md: Record<string, [number, number]> = {
      heiligabend: [12, 24], 'christmas eve': [12, 24], 'christmas day': [12, 25], christmas: [12, 25],
      silvester: [12, 31], neujahr: [1, 1], neujahrstag: [1, 1],
    };
    const [mo, d] = md[m[2]] ?? (m[2].includes('eve') ? [12, 31] : [1, 1]);
    return resolveNoYear(mo, d, today, p);
  }),
  // letzten Montag / am Montag / nächsten Montag; last Monday / on Monday / next Monday
  (t, _l, today, p) => all(new RegExp(`\\b(?:(letzten|letzter|vergangenen|vergangener|last|past|naechsten|naechster|kommenden|kommender|next|coming|am|on|this|diesen|diesem)\\s+)?(${WEEKDAY_ALT})\\b`), t, (m) => {
    const q = m[1] ?? '';
    const mode = /^(letzten|letzter|vergangenen|vergangener|last|past)$/.test(q) ? 'last'
      : /^(naechsten|naechster|kommenden|kommender|next|coming)$/.test(q) ? 'next' : 'plain';
    return weekdayDate(WEEKDAYS[m[2]], mode, today, p);
  }),
];

function normalise(text: string): string {
  return foldGerman(text).replace(/[\u2010-\u2015]/g, '-').replace(/\s+/g, ' ').trim();
}

/** Local noon of `today`: the recognizers read local calendar fields. */
function refTime(today: IsoDate): Date {
  const { y, m, d } = parseIso(today);
  const dt = new Date(2000, 0, 1, 12, 0, 0);
  dt.setFullYear(y, m - 1, d);
  return dt;
}

/**
 * The recognizers' time grows much faster than the text (measured, docs/hostile.md: 800 characters
 * of "a,1 " took 1.9 s, 2,000 took 17 s). They are a fallback for a short answer to "when?", so
 * they only see texts up to this length; the own rules above are linear and see everything.
 */
export const SUITE_MAX_CHARS = 60;

/** Fallback: full dates (timex YYYY-MM-DD) and month-day (XXXX-MM-DD) from the recognizers. */
export function recognizeWithSuite(text: string, lang: Lang, today: IsoDate, policy: NoYearPolicy): IsoDate | undefined {
  const Recognizers = recognizers();
  const culture = lang === 'de' ? Recognizers.Culture.German : Recognizers.Culture.English;
  let results: ReturnType<typeof RecognizersSuite.recognizeDateTime>;
  try {
    results = Recognizers.recognizeDateTime(text, culture, undefined, refTime(today));
  } catch {
    return undefined;
  }
  // Only a single plain date: with more pieces ("the day after" + "after christmas") the
  // parts do not add up to the meaning.
  if (results.length !== 1) return undefined;
  for (const r of results) {
    if (r.typeName !== 'datetimeV2.date' || r.text.includes('/')) continue;
    const values = (r.resolution?.values ?? []) as Array<{ timex?: string }>;
    const timex = values[0]?.timex ?? '';
    const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(timex);
    if (full) return buildDate(+full[1], +full[2], +full[3], today, policy);
    const md = /^XXXX-(\d{2})-(\d{2})$/.exec(timex);
    if (md) return resolveNoYear(+md[1], +md[2], today, policy);
  }
  return undefined;
}

/** The first date mentioned in `text`, as "YYYY-MM-DD"; undefined if there is none or it is not a
 *  real calendar date ("31.02."). */
export function parseDate(text: string, lang: Lang, today: IsoDate, opts: ParseDateOptions = {}): IsoDate | undefined {
  parseIso(today); // fail fast on a bad "today"
  const policy = opts.noYear ?? 'past';
  const t = normalise(text);
  if (t === '') return undefined;
  const hits = RULES.flatMap((rule) => rule(t, lang, today, policy));
  // earliest mention wins; at the same place the longest reading
  hits.sort((a, b) => a.index - b.index || b.length - a.length);
  // An impossible date ("31.02.") is an answer of its own: no guessing from elsewhere.
  if (hits.length > 0) return hits[0].date;
  if (opts.useRecognizers === false || t.length > SUITE_MAX_CHARS) return undefined;
  return recognizeWithSuite(text, lang, today, policy);
}
