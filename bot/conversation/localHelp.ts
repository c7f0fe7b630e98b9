// LocalHelp over the municipality pack: the pure offer modules plus the wording from
// locales/{lng}/offers.json. No botbuilder here.
import type { i18n } from 'i18next';
import type { Lang } from '../knowledge/schema';
import type { MunicipalityPack, Offer } from '../offers/schema';
import { categoryButtons, detectCategory, findCategory } from '../offers/categories';
import { counsellingContacts, finders } from '../offers/contacts';
import { hoursContextOf, openingSummary } from '../offers/hours';
import { cityNames, resolveRegion, stadtteilName } from '../offers/regions';
import { fold } from '../offers/text';
import { escapeRegExp } from '../nlu/places';
import { searchOffers } from '../offers/search';
import type { RankedOffer } from '../offers/ranking';
import type { Contact, LocalHelp, LocalSearchResult, OfferView, PlaceMatch } from './local';

const PAGE_SIZE = 3;

export function osmMapUrl(o: Offer, city: string): string | undefined {
  if (o.coordinates) return `https://www.openstreetmap.org/?mlat=${o.coordinates.lat}&mlon=${o.coordinates.lon}#map=17/${o.coordinates.lat}/${o.coordinates.lon}`;
  if (!o.address.street) return undefined;
  const q = [o.address.street, o.address.postcode, city].filter(Boolean).join(', ');
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(q)}`;
}

export function createLocalHelp(pack: MunicipalityPack, i18n: i18n): LocalHelp {
  const m = pack.municipality;
  const hoursCtx = hoursContextOf(m);
  const t = (lang: Lang, key: string, vars?: Record<string, unknown>): string => i18n.t(`offers:${key}`, { lng: lang, ...vars });
  const name = (id: string) => stadtteilName(pack.regions, id);
  const fmtDate = (iso: string, lang: Lang) => {
    const [y, mo, d] = iso.split('-');
    return lang === 'de' ? `${d}.${mo}.${y}` : iso;
  };

  function hoursLine(o: Offer, now: Date, lang: Lang): string | undefined {
    const s = openingSummary(o.openingHours, now, hoursCtx);
    const kind = o.hoursKind ? `${t(lang, `hours.kind.${o.hoursKind}`)}: ` : '';
    if (s.status === 'none' || s.status === 'invalid') {
      return o.hoursNote ? t(lang, 'hours.as_written', { text: o.hoursNote }) : undefined;
    }
    const parts: string[] = [];
    if (s.status === 'open') parts.push(t(lang, 'hours.open_now'));
    else if (s.status === 'closed') parts.push(t(lang, 'hours.closed'));
    if (s.today.length) {
      const ranges = s.today.map((r) => (r.to ? t(lang, 'hours.range', { from: r.from, to: r.to }) : t(lang, 'hours.open_end', { time: r.from }))).join(', ');
      parts.push(t(lang, 'hours.today', { ranges }));
    } else if (s.status === 'closed' && s.nextChange?.to === 'open') {
      parts.push(t(lang, 'hours.opens_at', { day: t(lang, `hours.weekday.${s.nextChange.weekday}`), time: s.nextChange.time }));
    }
    return parts.length ? `${kind}${parts.join(', ')}` : undefined;
  }

  function view(r: RankedOffer, stadtteil: string | undefined, now: Date, lang: Lang): OfferView {
    const o = r.offer;
    const cats = o.categories.map((c) => findCategory(pack.categories, c)?.label[lang] ?? c);
    const address = [o.address.street, [o.address.postcode, o.address.stadtteil ? name(o.address.stadtteil) : o.address.areaText].filter(Boolean).join(' ')].filter(Boolean).join(', ');
    let staleNote: string | undefined;
    if (r.staleReason === 'undated') staleNote = t(lang, 'stale.undated');
    else if (r.staleReason) staleNote = t(lang, `stale.${r.staleReason}`, { date: o.verified.date ? fmtDate(o.verified.date, lang) : '' });
    if (o.flags.includes('conflict')) staleNote = [staleNote, t(lang, 'conflict_notice')].filter(Boolean).join(' ');
    return {
      id: o.id,
      name: o.name,
      provider: o.provider ?? undefined,
      what: `${cats.join(', ')} · ${t(lang, `kind.${o.kind}`)}`,
      address: address || undefined,
      phone: o.phones[0],
      email: o.email ?? undefined,
      website: o.website ?? undefined,
      mapUrl: osmMapUrl(o, m.name),
      hours: hoursLine(o, now, lang),
      kind: o.kind,
      staleNote,
      // an offer whose place is not known gets no place note: "district not known" is no information
      nearbyNote: stadtteil && ['nearby', 'elsewhere'].includes(r.reason) ? t(lang, `reason.${r.reason}`) : undefined,
    };
  }

  // "in ganz Mülheim", "alle … in Mülheim": the whole city was asked for, not a district
  const cityAlternatives = cityNames(m).all.map((n) => escapeRegExp(fold(n))).join('|');
  const wholeCityRe = new RegExp(`\\b(ganz|in|all of|across) (${cityAlternatives})\\b`);
  const wholeCityOnlyRe = new RegExp(`^((in )?ganz|in|all of|across)? ?(${cityAlternatives})$`);
  // "Essen" is also a word ("Essen auf Rädern"): a city counts only after a cue ("in Essen")
  const cues = pack.regions.otherPlaceCues.map(fold).join('|');
  const otherPlaces = cues ? pack.regions.otherPlaces.map((o) => ({ name: o.name, re: new RegExp(`\\b(${cues}) ${fold(o.name)}\\b`) })) : [];

  const toContact = (lang: Lang) => (c: MunicipalityPack['municipality']['contacts'][number]): Contact => ({
    name: c.label[lang], phone: c.phone ?? undefined, email: c.email ?? undefined, website: c.website ?? undefined, note: c.note ?? undefined,
  });

  const detectPlace = (text: string): PlaceMatch => {
    const r = resolveRegion(text, pack.regions);
    if (r.stadtteil || r.candidates.length) {
      return { stadtteil: r.stadtteil, candidates: r.candidates, postcode: r.postcode, unknownPostcode: r.unknownPostcode, wholeCity: false };
    }
    const folded = fold(text);
    const other = otherPlaces.find((o) => o.re.test(folded));
    const bare = folded.replace(/[^\p{L}\d]+/gu, ' ').trim();
    return {
      candidates: r.candidates, postcode: r.postcode, unknownPostcode: r.unknownPostcode,
      wholeCity: wholeCityRe.test(folded), wholeCityOnly: wholeCityOnlyRe.test(bare), otherPlace: other?.name,
    };
  };
  let lastPlace: { text: string; match: PlaceMatch } | undefined;

  return {
    cityName: m.name,
    // a turn asks about the same text two or three times (router, understanding, offer search): the
    // last text's result is kept and handed out as a copy, so no caller can change another's
    detectPlace: (text) => {
      if (text !== lastPlace?.text) lastPlace = { text, match: detectPlace(text) };
      return { ...lastPlace.match, candidates: [...lastPlace.match.candidates] };
    },
    detectCategory: (text, lang) => detectCategory(text, lang, pack.categories),
    stadtteile: () => pack.regions.stadtteile.map((s) => ({ id: s.id, name: name(s.id) })),
    stadtteilName: name,
    categories: (lang) => categoryButtons(pack.categories, lang),
    categoryLabel: (id, lang) => findCategory(pack.categories, id)?.label[lang] ?? id,
    placeMatters: (id) => findCategory(pack.categories, id)?.placeBased === true,
    search(q): LocalSearchResult {
      const r = searchOffers(pack, { category: q.category, stadtteil: q.stadtteil, lang: q.lang, now: q.now, seed: q.seed, page: q.page, pageSize: PAGE_SIZE });
      const ranking = r.ranking;
      const pg = r.page;
      const place = q.stadtteil ? name(q.stadtteil) : '';
      const why = q.stadtteil ? t(q.lang, `why.${r.rule}`, { place }) : t(q.lang, `why.${r.rule}_no_place`);
      const offers = (pg?.items ?? []).map((x) => view(x, q.stadtteil, q.now, q.lang));
      const usedNearby = !!ranking?.usedNearby;
      return {
        offers,
        total: ranking?.total ?? 0,
        page: pg?.pageIndex ?? 0,
        pages: pg?.pageCount ?? 0,
        usedNearby,
        why,
        nearbyNotice: usedNearby
          ? t(q.lang, 'nearby_notice', { place })
          : q.stadtteil && ranking && ranking.total > 0 && ranking.bandCounts[0] + ranking.bandCounts[1] === 0
            ? t(q.lang, 'elsewhere_notice', { place })
            : undefined,
      };
    },
    reachable(q, count) {
      const r = searchOffers(pack, { category: q.category, stadtteil: q.stadtteil, lang: q.lang, now: q.now, seed: q.seed, page: 0, pageSize: PAGE_SIZE });
      return (r.page?.items ?? []).map((x) => x.offer).filter((o) => o.phones[0] || o.website || o.email).slice(0, count)
        .map((o) => ({ name: o.name, phone: o.phones[0], website: o.website ?? undefined, email: o.email ?? undefined }));
    },
    people: (lang, stadtteil) => {
      const list = counsellingContacts(m, 'talk_to_person', stadtteil);
      if (stadtteil) return list.map(toContact(lang));
      // No district known: the district offices (their labels name the districts) come first.
      const order = ['senior_advice', 'care_counselling', 'social_office', 'hotline', 'network', 'switchboard'];
      return [...list].sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role)).map(toContact(lang));
    },
    counselling: (lang, stadtteil) => counsellingContacts(m, 'fallback', stadtteil).map(toContact(lang)),
    finders: (lang) => finders(m).map((f) => ({ name: f.label[lang], website: f.url, phone: f.phone ?? undefined })),
  };
}
