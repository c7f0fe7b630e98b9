// Provenance of an answer in three forms (bot/channels/reply.ts, Provenance): a short line that
// cards show as a button ("Stand 11/2026 · Quellen (3)"), the full list behind it, and one line for
// text channels. The words come from locales/*/common.json (provenance.*). Pure.
import type { TFunction } from 'i18next';
import type { Lang } from '../knowledge/schema';
import { formatDate } from '../knowledge/render';
import type { Provenance } from '../channels/reply';

export interface ProvenanceFacts {
  /** ISO date of the last review */
  reviewed: string;
  sources: { title: string; url?: string }[];
  legal: string[];
}

/** "2026-11-25" → "11/2026": the month is what a reader needs to judge how current it is. */
export function monthOf(iso: string): string {
  const [y, m] = iso.split('-');
  return `${m}/${y}`;
}

/** "https://www.gesetze-im-internet.de/sgb_11/" → "gesetze-im-internet.de" */
export function siteOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

export function buildProvenance(f: ProvenanceFacts, t: TFunction, lang: Lang): Provenance {
  const month = monthOf(f.reviewed);
  const count = f.sources.length;
  const short = [t('provenance.as_of', { lng: lang, month }), ...(count ? [t('provenance.sources', { lng: lang, count })] : [])].join(' · ');
  const details: Provenance['details'] = [
    ...f.sources.map((s) => ({ text: s.title, url: s.url })),
    ...(f.legal.length ? [{ text: t('provenance.legal', { lng: lang, legal: f.legal.join(', ') }) }] : []),
    { text: t('provenance.reviewed', { lng: lang, date: formatDate(f.reviewed, lang) }) },
  ];
  const sites = [...new Set(f.sources.map((s) => (s.url ? siteOf(s.url) : undefined) ?? s.title))];
  const line = [
    t('provenance.as_of', { lng: lang, month }),
    ...(f.legal.length ? [f.legal.join(', ')] : []),
    ...(sites.length ? [t('provenance.sites', { lng: lang, sites: sites.join(', ') })] : []),
  ].join(' · ');
  return { short, details, line };
}
