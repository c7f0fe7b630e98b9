// One call for a dialog: understands category and place from text (unless given), ranks, pages,
// and says what is still missing so the dialog knows what to ask.
import { detectCategory, expandCategory, findCategory, type Lang } from './categories';
import { page, rankOffers, RANKING_RULE, type Page, type RankedOffer, type RankResult } from './ranking';
import { resolveRegion } from './regions';
import type { MunicipalityPack } from './schema';

export interface SearchQuery {
  text?: string;
  category?: string;
  stadtteil?: string;
  lang?: Lang;
  now: Date;
  seed: string;
  page?: number;
  pageSize?: number;
}

export interface SearchResult {
  category?: string;
  stadtteil?: string;
  postcode?: string;
  /** several Stadtteile fit the place in the text: ask which one */
  placeCandidates: string[];
  unknownPostcode?: boolean;
  /** what the dialog should still ask for; results may exist even when "place" is missing */
  missing: ('category' | 'place')[];
  ranking?: RankResult;
  page?: Page<RankedOffer>;
  rule: typeof RANKING_RULE;
}

export function searchOffers(pack: MunicipalityPack, q: SearchQuery): SearchResult {
  const lang = q.lang ?? 'de';
  let category = q.category && findCategory(pack.categories, q.category) ? q.category : undefined;
  if (!category && q.text) category = detectCategory(q.text, lang, pack.categories);

  let stadtteil = q.stadtteil && pack.regions.stadtteile.some((s) => s.id === q.stadtteil) ? q.stadtteil : undefined;
  const result: SearchResult = { placeCandidates: [], missing: [], rule: RANKING_RULE };
  if (!stadtteil && q.text) {
    const place = resolveRegion(q.text, pack.regions);
    stadtteil = place.stadtteil;
    if (!stadtteil && place.candidates.length > 1) result.placeCandidates = place.candidates;
    if (place.postcode) result.postcode = place.postcode;
    if (place.unknownPostcode) result.unknownPostcode = true;
  }
  if (stadtteil) result.stadtteil = stadtteil;

  if (!category) {
    result.missing.push('category');
    return result;
  }
  result.category = category;

  const ranking = rankOffers(pack.offers, {
    category,
    stadtteil,
    regions: pack.regions,
    categories: pack.categories,
    seed: q.seed,
    now: q.now,
    staleAfterDays: pack.municipality.staleAfterDays,
  });
  if (!stadtteil) {
    const wanted = expandCategory(pack.categories, category);
    const placeMatters = wanted.some((c) => findCategory(pack.categories, c)?.placeBased)
      || ranking.offers.some((r) => r.offer.servesStadtteile.length > 0);
    if (placeMatters) result.missing.push('place');
  }
  result.ranking = ranking;
  result.page = page(ranking.offers, q.page ?? 0, q.pageSize ?? 3);
  return result;
}
