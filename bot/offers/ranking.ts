// Competition-neutral order of local offers (rule "neutral_rotation_v1", documented in
// knowledge/README.md):
//  1. keep the offers of the asked category (and the categories it includes);
//  2. band 0: located in or responsible for the asked Stadtteil, or a service for the whole city
//     that comes to people; band 1: in or responsible for a neighbouring Stadtteil;
//     band 2: elsewhere in the city, or a place whose Stadtteil is not known;
//  3. inside a band: volunteer, professional and mixed offers take turns (Bürger-Profi-Mix), each
//     group ordered by a hash of (seed, offer id) — the seed changes per day and conversation, so
//     no provider is permanently first;
//  4. old or undated entries stay in place and are flagged, never hidden or moved down.
import { expandCategory, findCategory } from './categories';
import type { CategoriesFile, Offer, OfferKind, RegionsFile } from './schema';
import { neighboursOf } from './regions';
import { fnv1a } from './text';

export const RANKING_RULE = 'neutral_rotation_v1';

export type Band = 0 | 1 | 2;
export type BandReason = 'in_stadtteil' | 'serves_stadtteil' | 'whole_city' | 'nearby' | 'elsewhere' | 'location_unknown' | 'no_place';
export type StaleReason = 'undated' | 'marked_old' | 'too_old';

export interface RankedOffer {
  offer: Offer;
  band: Band;
  reason: BandReason;
  stale: boolean;
  staleReason?: StaleReason;
}

export interface RankOptions {
  category?: string;
  stadtteil?: string;
  regions: RegionsFile;
  categories: CategoriesFile;
  /** e.g. `${date}|${conversationId}`: same order within a conversation and day */
  seed: string;
  now: Date;
  staleAfterDays: number;
}

export interface RankResult {
  offers: RankedOffer[];
  bandCounts: [number, number, number];
  /** a Stadtteil was asked, nothing is in band 0, and neighbouring offers lead the list */
  usedNearby: boolean;
  total: number;
  rule: typeof RANKING_RULE;
}

export interface Page<T> {
  items: T[];
  pageIndex: number;
  pageCount: number;
  total: number;
  hasMore: boolean;
  /** 1-based positions for "4–6 of 11" */
  from: number;
  to: number;
}

const DAY_MS = 86_400_000;

export function staleness(offer: Offer, now: Date, staleAfterDays: number): StaleReason | undefined {
  if (offer.verified.date === null) return 'undated';
  if (offer.flags.includes('old')) return 'marked_old';
  const age = (now.getTime() - Date.parse(`${offer.verified.date}T00:00:00Z`)) / DAY_MS;
  return age > staleAfterDays ? 'too_old' : undefined;
}

function isPlaceBased(offer: Offer, wanted: string[] | undefined, vocab: CategoriesFile): boolean {
  const cats = wanted ? offer.categories.filter((c) => wanted.includes(c)) : offer.categories;
  return cats.some((c) => findCategory(vocab, c)?.placeBased === true);
}

export function bandOf(offer: Offer, stadtteil: string | undefined, neighbours: string[], placeBased: boolean): { band: Band; reason: BandReason } {
  if (!stadtteil) return { band: 0, reason: 'no_place' };
  const serves = offer.servesStadtteile;
  if (serves.length) {
    if (serves.includes(stadtteil)) return { band: 0, reason: 'serves_stadtteil' };
    if (serves.some((s) => neighbours.includes(s))) return { band: 1, reason: 'nearby' };
    return { band: 2, reason: 'elsewhere' };
  }
  const at = offer.address.stadtteil;
  if (at === stadtteil) return { band: 0, reason: 'in_stadtteil' };
  if (!placeBased) return { band: 0, reason: 'whole_city' };
  if (!at) return { band: 2, reason: 'location_unknown' };
  if (neighbours.includes(at)) return { band: 1, reason: 'nearby' };
  return { band: 2, reason: 'elsewhere' };
}

const KIND_CYCLE: OfferKind[] = ['volunteer', 'professional', 'mixed'];

/** Round-robin over the kinds, starting kind chosen by the seed; each kind rotated by hash. */
function mixKinds(items: RankedOffer[], seed: string): RankedOffer[] {
  // each offer's hash once, not twice per comparison of the sort
  const keys = new Map<RankedOffer, number>(items.map((r) => [r, fnv1a(`${seed}\u0000${r.offer.id}`)]));
  const groups = new Map<OfferKind, RankedOffer[]>(KIND_CYCLE.map((k) => [k, []]));
  for (const r of items) groups.get(r.offer.kind)!.push(r);
  for (const g of groups.values()) g.sort((a, b) => keys.get(a)! - keys.get(b)! || a.offer.id.localeCompare(b.offer.id));
  const start = fnv1a(seed) % KIND_CYCLE.length;
  const order = [...KIND_CYCLE.slice(start), ...KIND_CYCLE.slice(0, start)];
  const out: RankedOffer[] = [];
  for (let round = 0; out.length < items.length; round++) {
    for (const kind of order) {
      const g = groups.get(kind)!;
      if (round < g.length) out.push(g[round]);
    }
  }
  return out;
}

export function rankOffers(offers: Offer[], opts: RankOptions): RankResult {
  const wanted = opts.category ? expandCategory(opts.categories, opts.category) : undefined;
  const neighbours = opts.stadtteil ? neighboursOf(opts.regions, opts.stadtteil) : [];
  const bands: RankedOffer[][] = [[], [], []];
  for (const offer of offers) {
    if (wanted && !offer.categories.some((c) => wanted.includes(c))) continue;
    const { band, reason } = bandOf(offer, opts.stadtteil, neighbours, isPlaceBased(offer, wanted, opts.categories));
    const staleReason = staleness(offer, opts.now, opts.staleAfterDays);
    const r: RankedOffer = { offer, band, reason, stale: staleReason !== undefined };
    if (staleReason) r.staleReason = staleReason;
    bands[band].push(r);
  }
  const ranked = bands.flatMap((b) => mixKinds(b, opts.seed));
  const bandCounts: [number, number, number] = [bands[0].length, bands[1].length, bands[2].length];
  return {
    offers: ranked,
    bandCounts,
    usedNearby: opts.stadtteil !== undefined && bandCounts[0] === 0 && bandCounts[1] > 0,
    total: ranked.length,
    rule: RANKING_RULE,
  };
}

export function page<T>(items: T[], pageIndex: number, size = 3): Page<T> {
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  const idx = Math.min(Math.max(0, Math.floor(pageIndex)), pageCount - 1);
  const slice = items.slice(idx * size, idx * size + size);
  return {
    items: slice,
    pageIndex: idx,
    pageCount,
    total: items.length,
    hasMore: idx < pageCount - 1,
    from: slice.length ? idx * size + 1 : 0,
    to: idx * size + slice.length,
  };
}
