// The offer search's pure rules: what a reply fills in (kind of help, place), when nothing has to
// be asked, which place question to ask, and the results reply. dialogs/findOfferDialog.ts asks
// and sends; the main router starts it.
import type { i18n } from 'i18next';
import type { Lang } from '../knowledge/schema';
import type { Action, Card, Reply } from '../channels/reply';
import type { Translate } from '../care/format';
import { contactLine } from './answers';
import type { LocalHelp, OfferView } from './local';
import { normalise } from './turn';

/** stands for "the whole city" in memory */
export const WHOLE_CITY = '*';

export interface FindOfferOptions { category?: string; stadtteil?: string; page?: number; text?: string; candidates?: string[]; postcode?: string }

/** A place a reply names: one Stadtteil (or the whole city), or several that fit a postcode. */
export interface PlaceAnswer { stadtteil?: string; candidates: string[]; postcode?: string }

/** "egal", "anywhere"…: the answers that mean the whole city, in every language of the bot (a
 *  German conversation may still answer "anywhere") */
export function wholeCityWords(texts: i18n): Set<string> {
  const supported = texts.options.supportedLngs || [];
  const lists = supported.filter((lng) => lng !== 'cimode').map((lng) => texts.t('offers_dialog.whole_city_words', { lng, returnObjects: true }) as unknown);
  return new Set(lists.flatMap((l) => (Array.isArray(l) ? l.map((w) => normalise(String(w))) : [])));
}

/** The kind of help a reply names: a button's label, or a kind of help detected in the text. */
export function categoryFrom(local: LocalHelp, lang: Lang, text: string): string | undefined {
  const n = normalise(text);
  const byLabel = local.categories(lang).find((c) => normalise(c.label) === n);
  return byLabel?.id ?? local.detectCategory(text, lang);
}

/** The place a reply names; `wholeCity` are the words and the button title that mean the whole city. */
export function placeFrom(local: LocalHelp, text: string, wholeCity: (normalised: string) => boolean): PlaceAnswer {
  const n = normalise(text);
  if (wholeCity(n)) return { stadtteil: WHOLE_CITY, candidates: [] };
  const byName = local.stadtteile().find((s) => normalise(s.name) === n);
  if (byName) return { stadtteil: byName.id, candidates: [] };
  const found = local.detectPlace(text);
  // "in ganz Mülheim", "Mülheim": nothing but the city (from its data pack); a question that
  // merely mentions the city is not an answer here
  return found.wholeCityOnly ? { stadtteil: WHOLE_CITY, candidates: [] } : found;
}

/** The place to show offers for without asking (from the options or, failing that, memory), or
 *  undefined when the dialog has to ask. */
export function knownPlace(local: LocalHelp, opts: FindOfferOptions, remembered: string | undefined): string | undefined {
  const stadtteil = opts.stadtteil ?? remembered;
  if (stadtteil) return stadtteil;
  // a city-wide service is the same in every Stadtteil: a postcode of two of them needs no question
  if (opts.category && (opts.candidates?.length ?? 0) > 1 && !local.placeMatters(opts.category)) return WHOLE_CITY;
  return undefined;
}

/** The text key of the place question: the districts of a postcode, a few candidates, or all. */
export function placeQuestionKey(ids: string[], districts: number, postcode?: string): string {
  const some = ids.length > 1 && ids.length < districts;
  if (postcode && some) return 'offers_dialog.place_ambiguous';
  return some ? 'offers_dialog.place_candidates' : 'offers_dialog.ask_place';
}

export interface ResultsQuery { category: string; stadtteil: string | undefined; page: number; lang: Lang; now: Date; seed: string }

/** The reply with one page of offers, or an honest "nothing here" with counselling and finders. */
export function offerResults(local: LocalHelp, t: Translate, q: ResultsQuery): Reply {
  const { category, stadtteil, page, lang } = q;
  const where = !stadtteil || stadtteil === WHOLE_CITY ? undefined : stadtteil;
  const r = local.search({ category, stadtteil: where, lang, now: q.now, seed: q.seed, page });
  const catLabel = local.categoryLabel(category, lang);
  const place = where ? local.stadtteilName(where) : t('offers_dialog.whole_city');
  const suggestions: Action[] = [];
  if (!r.offers.length) {
    // Honest: nothing invented; the city's counselling and the national finders instead.
    const contacts = [...local.counselling(lang, where).slice(0, 2), ...local.finders(lang)];
    const text = [t(page > 0 ? 'offers_dialog.no_more' : 'offers_dialog.none', { category: catLabel, place }), ...contacts.map((c) => `• ${contactLine(c)}`)].join('\n');
    suggestions.push({ kind: 'command', title: t('offers_dialog.other_place'), value: `offers:${category}:place` });
    suggestions.push({ kind: 'command', title: t('offers_dialog.other_category'), value: 'offers' });
    return { text, suggestions };
  }
  const head = page === 0
    ? t('offers_dialog.results', { category: catLabel, place, count: r.total })
    : t('offers_dialog.results_more', { from: page * 3 + 1, to: page * 3 + r.offers.length, count: r.total });
  const lines = [head];
  if (r.nearbyNotice) lines.push(r.nearbyNotice);
  const cards = r.offers.map((o) => offerCard(t, o));
  if (!r.offers.some((o) => o.phone)) {
    const c = local.counselling(lang, where)[0];
    if (c) lines.push(t('counselling_fallback', { contact: contactLine(c) }));
  }
  if (page + 1 < r.pages) suggestions.push({ kind: 'command', title: t('offers_dialog.more'), value: `offers:${category}:page:${page + 1}` });
  suggestions.push({ kind: 'command', title: t('offers_dialog.why'), value: `why:${category}` });
  suggestions.push({ kind: 'command', title: t('offers_dialog.other_place'), value: `offers:${category}:place` });
  suggestions.push({ kind: 'command', title: t('offers_dialog.other_category'), value: 'offers' });
  return { text: lines.join('\n\n'), cards, suggestions };
}

function offerCard(t: Translate, o: OfferView): Card {
  const actions: Action[] = [];
  if (o.phone) actions.push({ kind: 'call', title: `${t('offers_dialog.call')}: ${o.phone}`, value: o.phone });
  if (o.website) actions.push({ kind: 'url', title: t('offers_dialog.website'), value: o.website });
  if (o.mapUrl) actions.push({ kind: 'url', title: t('offers_dialog.map'), value: o.mapUrl });
  const lines = [o.what, o.address, o.phone ? `☎ ${o.phone}` : undefined, o.email ? `✉ ${o.email}` : undefined, o.hours, o.nearbyNote, o.staleNote].filter((x): x is string => !!x);
  return { title: o.name, subtitle: o.provider, lines, actions };
}
