// The view of the municipality pack that conversations use. Implemented over bot/offers (pure).
import type { Lang } from '../knowledge/schema';
import type { Lexicon } from '../nlu/lexicon';

export interface OfferView {
  id: string;
  name: string;
  provider?: string;
  what: string;
  address?: string;
  phone?: string;
  email?: string;
  website?: string;
  mapUrl?: string;
  /** localised "open now" / "today 9–12" line, if hours are known */
  hours?: string;
  kind: 'professional' | 'volunteer' | 'mixed';
  /** localised note when the entry is old or unverified */
  staleNote?: string;
  /** localised note that the offer is in a neighbouring district */
  nearbyNote?: string;
}

export interface LocalSearchResult {
  offers: OfferView[];
  total: number;
  page: number;
  pages: number;
  /** the asked district had nothing, neighbouring districts are shown */
  usedNearby: boolean;
  /** one localised line: why these and in this order */
  why: string;
  /** localised notice when neighbouring districts are shown instead */
  nearbyNotice?: string;
}

export interface Contact { name: string; phone?: string; email?: string; website?: string; note?: string }
export interface PlaceMatch { stadtteil?: string; candidates: string[]; postcode?: string; unknownPostcode?: boolean; wholeCity?: boolean;
  /** the text is nothing but the city ("Mülheim", "in ganz Mülheim"): an answer to "which district?" */
  wholeCityOnly?: boolean; otherPlace?: string }

/** The text names a place: a Stadtteil or one of several, a postcode, the city itself or another town. */
export function placeNamed(p: PlaceMatch): boolean {
  return !!p.stadtteil || p.candidates.length > 0 || !!p.postcode || !!p.wholeCityOnly || !!p.otherPlace;
}

/** A story that only mentions a place ("Mutter ist im Heim in Holthausen gestorben …") is no offer
 *  search; a short message with a place ("Tagespflege Saarn") or words that ask for offers is. */
export function asksForOffers(text: string, story: boolean, words: Lexicon): boolean {
  // words that ask for offers ("Gibt es in Saarn eine Tagespflege?", "wo finde ich", "looking for")
  return !story || words.has('offer_request', text);
}

export interface LocalSearchQuery { category: string; stadtteil?: string; lang: Lang; now: Date; seed: string; page: number }

export interface LocalHelp {
  readonly cityName: string;
  detectPlace(text: string): PlaceMatch;
  detectCategory(text: string, lang: Lang): string | undefined;
  stadtteile(): { id: string; name: string }[];
  stadtteilName(id: string): string;
  categories(lang: Lang): { id: string; label: string }[];
  categoryLabel(id: string, lang: Lang): string;
  /** whether the Stadtteil changes the offers of this kind of help (a city-wide service: it does not) */
  placeMatters(category: string): boolean;
  search(q: LocalSearchQuery): LocalSearchResult;
  /** The first page's offers that can be reached (phone, website or e-mail), at most `count`, as
   *  contacts: all an answer's "who helps locally" lines show, without building offer cards. */
  reachable(q: Omit<LocalSearchQuery, 'page'>, count: number): Contact[];
  /** the city's neutral counselling contacts, best first for the district if given */
  counselling(lang: Lang, stadtteil?: string): Contact[];
  /** who to talk to in person: the district's office first; without a district, all district offices */
  people(lang: Lang, stadtteil?: string): Contact[];
  /** national and state finders (AOK Pflegenavigator, vdek Pflegelotse, Pflegewegweiser NRW) */
  finders(lang: Lang): Contact[];
}
