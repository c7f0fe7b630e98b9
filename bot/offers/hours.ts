// Opening hours in OpenStreetMap syntax, evaluated in the city's time zone whatever the server's
// zone is. Returns structured data only; the caller turns it into words in the user's language.
import type OpeningHours from 'opening_hours';
import type { MunicipalityFile } from './schema';

export interface HoursContext {
  /** IANA zone of the city, e.g. Europe/Berlin */
  timeZone: string;
  /** ISO country code and state name as the opening_hours library knows them (public holidays) */
  countryCode: string;
  stateName: string;
  lat: number;
  lon: number;
}

/** The hours context of a city, from its municipality.json. */
export function hoursContextOf(m: MunicipalityFile): HoursContext {
  return { timeZone: m.timeZone, countryCode: m.countryCode, stateName: m.stateName, lat: m.centre.lat, lon: m.centre.lon };
}

export interface WallTime {
  /** YYYY-MM-DD in the city's time zone */
  date: string;
  /** HH:MM, 24 h */
  time: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

export interface OpeningSummary {
  /** none: no hours known; invalid: the stored value does not parse */
  status: 'open' | 'closed' | 'unknown' | 'none' | 'invalid';
  /** the next change of state within the look-ahead window, and the state after it */
  nextChange?: WallTime & { to: 'open' | 'closed' | 'unknown' };
  /** today's intervals; `to` null means open end ("18:00+") */
  today: { from: string; to: string | null }[];
  /** comment attached to the current rule, e.g. "nach Vereinbarung" */
  comment?: string;
}

const LOOKAHEAD_DAYS = 14;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

// Building an Intl.DateTimeFormat costs far more than using one: one per zone, kept.
const formats = new Map<string, Intl.DateTimeFormat>();
function wallFormat(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** A Date whose local fields show the wall clock of `timeZone` at instant `at`. The library reads
 *  local fields, so this makes results independent of the server's own zone. */
export function toWallClock(at: Date, timeZone: string): Date {
  const parts = wallFormat(timeZone).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return new Date(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/** The city's calendar day (YYYY-MM-DD) at instant `at`: a new day begins at local midnight, not
 *  at midnight UTC (the amounts of a new year and every deadline count from the local day). */
export function cityDay(at: Date, timeZone: string): string {
  return wall(toWallClock(at, timeZone)).date;
}

/** today() for the bot: cityDay of the current instant, looked up once per clock minute. Every
 *  zone's offset is a whole number of minutes, so a day never changes inside a minute. */
export function dayClock(timeZone: string, clock: () => number = Date.now): () => string {
  let day = '';
  let until = -Infinity;
  return () => {
    const t = clock();
    if (t >= until || t < until - 60_000) {
      day = cityDay(new Date(t), timeZone);
      until = (Math.floor(t / 60_000) + 1) * 60_000;
    }
    return day;
  };
}

function wall(d: Date): WallTime {
  return {
    date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    time: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
    weekday: d.getDay(),
  };
}

// The library is loaded at its first use, not with this module: ~80 ms CPU of the start, which needs
// it only when the offers' hours have not passed the check before (offers/load.ts); index.ts loads it
// after listening, before the first turn that shows hours.
let library: typeof OpeningHours | undefined;
export function openingHoursLibrary(): typeof OpeningHours {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (library ??= require('opening_hours') as typeof OpeningHours);
}

function parse(value: string, ctx: HoursContext): OpeningHours {
  const OpeningHoursClass = openingHoursLibrary();
  return new OpeningHoursClass(value, { lat: ctx.lat, lon: ctx.lon, address: { country_code: ctx.countryCode, state: ctx.stateName } });
}

// Offers' hours are fixed once the pack is loaded: each value is parsed once per city context
// (the parsed object only answers queries). A value that does not parse is remembered as such.
const parsed = new WeakMap<HoursContext, Map<string, OpeningHours | null>>();
function parseCached(value: string, ctx: HoursContext): OpeningHours | null {
  let byValue = parsed.get(ctx);
  if (!byValue) parsed.set(ctx, (byValue = new Map()));
  let oh = byValue.get(value);
  if (oh === undefined) {
    try {
      oh = parse(value, ctx);
    } catch {
      oh = null;
    }
    byValue.set(value, oh);
  }
  return oh;
}

/** Parse problems of an opening_hours value: `error` when it cannot be used, `warnings` otherwise. */
export function checkOpeningHours(value: string, ctx: HoursContext): { error?: string; warnings: string[] } {
  try {
    const oh = parse(value, ctx);
    return { warnings: oh.getWarnings() };
  } catch (err) {
    return { error: String(err instanceof Error ? err.message : err).split('\n')[0], warnings: [] };
  }
}

export function openingSummary(openingHours: string | null, now: Date, ctx: HoursContext): OpeningSummary {
  if (!openingHours) return { status: 'none', today: [] };
  const oh = parseCached(openingHours, ctx);
  if (!oh) return { status: 'invalid', today: [] };
  const w = toWallClock(now, ctx.timeZone);
  const state = oh.getStateString(w, true);
  const summary: OpeningSummary = { status: state, today: [] };
  const comment = oh.getComment(w);
  if (comment) summary.comment = comment;

  const next = oh.getNextChange(w, new Date(w.getTime() + LOOKAHEAD_DAYS * 86_400_000));
  if (next) summary.nextChange = { ...wall(next), to: oh.getStateString(next, true) };

  const dayStart = new Date(w.getFullYear(), w.getMonth(), w.getDate());
  const dayEnd = new Date(w.getFullYear(), w.getMonth(), w.getDate() + 1);
  for (const [from, to, unknown] of oh.getOpenIntervals(dayStart, dayEnd)) {
    const endsAtMidnight = to.getTime() >= dayEnd.getTime();
    summary.today.push({
      from: wall(from).time,
      // An open end is reported by the library as "unknown until midnight".
      to: unknown && endsAtMidnight ? null : endsAtMidnight ? '24:00' : wall(to).time,
    });
  }
  return summary;
}

/** true/false when the hours say so; null when no hours are known or the state is unknown. */
export function isOpen(offer: { openingHours: string | null }, now: Date, ctx: HoursContext): boolean | null {
  const s = openingSummary(offer.openingHours, now, ctx).status;
  return s === 'open' ? true : s === 'closed' ? false : null;
}
