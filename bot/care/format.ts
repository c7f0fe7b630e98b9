// Formatting shared by the pure text builders of the guided answers (self-check report, benefits
// overview, deadlines): calendar dates and numbers in the user's language, and the translate
// function they take instead of i18next, so that they stay testable without it.
import { parseIso, type IsoDate } from './calendar';
import type { Lang } from '../knowledge/schema';

/** A translate function for the pure text builders of the guided dialogs (testable without i18next). */
export type Translate = (key: string, vars?: Record<string, unknown>) => string;

const LOCALE: Record<Lang, string> = { de: 'de-DE', en: 'en-GB' };

/** "Dienstag, 3. November 2026" / "Tuesday, 3 November 2026" (calendar date, no time zone shift). */
export function formatDate(date: IsoDate, lang: Lang, weekday = true): string {
  const { y, m, d } = parseIso(date);
  const dt = new Date(Date.UTC(2000, 0, 1));
  dt.setUTCFullYear(y, m - 1, d);
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric', ...(weekday ? { weekday: 'long' } : {}) }).format(dt);
}

/** 7.5 → "7,5" (de) / "7.5" (en). */
export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 2 }).format(n);
}
