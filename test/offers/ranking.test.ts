import { bandOf, page, rankOffers, staleness, type RankOptions } from '../../bot/offers/ranking';
import type { Offer } from '../../bot/offers/schema';
import { testPack } from './fixtures';

const pack = testPack();
const NOW = new Date('2026-11-25T12:00:00Z');
const opts = (o: Partial<RankOptions>): RankOptions => ({
  regions: pack.regions, categories: pack.categories, seed: '2026-11-25|conv-1', now: NOW, staleAfterDays: 730, ...o,
});
const byId = (id: string): Offer => pack.offers.find((o) => o.id === id)!;
const bandsOf = (r: ReturnType<typeof rankOffers>) => Object.fromEntries(r.offers.map((x) => [x.offer.id, [x.band, x.reason]]));

describe('bands (rule neutral_rotation_v1)', () => {
  test('day care asked for Mittelstadt', () => {
    const r = rankOffers(pack.offers, opts({ category: 'day_care', stadtteil: 'mittelstadt' }));
    expect(bandsOf(r)).toEqual({
      'tp-mitte-a': [0, 'in_stadtteil'],
      'tp-mitte-b': [0, 'in_stadtteil'],
      'tp-nord': [1, 'nearby'],
      'tp-old': [1, 'nearby'],
      'tp-sued': [1, 'nearby'],
      'tp-unknown': [2, 'location_unknown'],
    });
    expect(r.bandCounts).toEqual([2, 3, 1]);
    expect(r.usedNearby).toBe(false);
    expect(r.total).toBe(6);
    expect(r.rule).toBe('neutral_rotation_v1');
    // bands are never mixed
    expect(r.offers.map((x) => x.band)).toEqual([...r.offers.map((x) => x.band)].sort());
  });

  test('nothing in the asked Stadtteil → neighbours first, usedNearby', () => {
    const r = rankOffers(pack.offers, opts({ category: 'day_care', stadtteil: 'westend' }));
    expect(r.bandCounts).toEqual([0, 4, 2]);
    expect(r.usedNearby).toBe(true);
    expect(bandsOf(r)['tp-sued']).toEqual([2, 'elsewhere']);
  });

  test('services that come to people are for the whole city, wherever their office is', () => {
    const r = rankOffers(pack.offers, opts({ category: 'home_care', stadtteil: 'suedfeld' }));
    expect(bandsOf(r)).toEqual({ 'pd-city': [0, 'whole_city'], 'pd-west': [0, 'whole_city'] });
  });

  test('responsibility (servesStadtteile) beats the address; included categories are searched', () => {
    const r = rankOffers(pack.offers, opts({ category: 'meeting_place', stadtteil: 'nordheim' }));
    expect(bandsOf(r)).toEqual({ 'netz-nord-mitte': [0, 'serves_stadtteil'], 'treff-west': [1, 'nearby'] });
    const c = rankOffers(pack.offers, opts({ category: 'counselling', stadtteil: 'nordheim' }));
    expect(bandsOf(c)).toEqual({ 'berat-city': [0, 'whole_city'], 'berat-sued': [2, 'elsewhere'] });
  });

  test('without a place every matching offer is in band 0', () => {
    const r = rankOffers(pack.offers, opts({ category: 'day_care' }));
    expect(r.bandCounts).toEqual([6, 0, 0]);
    expect(new Set(r.offers.map((x) => x.reason))).toEqual(new Set(['no_place']));
  });

  test.each([
    // offer fields, asked, neighbours, placeBased → band, reason
    [{ servesStadtteile: ['a'], address: { stadtteil: 'x' } }, 'a', [], true, 0, 'serves_stadtteil'],
    [{ servesStadtteile: ['b'], address: { stadtteil: 'a' } }, 'a', ['b'], true, 1, 'nearby'],
    [{ servesStadtteile: ['c'], address: { stadtteil: null } }, 'a', ['b'], false, 2, 'elsewhere'],
    [{ servesStadtteile: [], address: { stadtteil: 'a' } }, 'a', [], true, 0, 'in_stadtteil'],
    [{ servesStadtteile: [], address: { stadtteil: 'b' } }, 'a', ['b'], true, 1, 'nearby'],
    [{ servesStadtteile: [], address: { stadtteil: 'c' } }, 'a', ['b'], true, 2, 'elsewhere'],
    [{ servesStadtteile: [], address: { stadtteil: null } }, 'a', ['b'], true, 2, 'location_unknown'],
    [{ servesStadtteile: [], address: { stadtteil: 'c' } }, 'a', ['b'], false, 0, 'whole_city'],
    [{ servesStadtteile: [], address: { stadtteil: null } }, undefined, [], true, 0, 'no_place'],
  ])('bandOf %o asked %s', (fields, asked, neighbours, placeBased, band, reason) => {
    const offer = { ...byId('tp-nord'), ...fields, address: { ...byId('tp-nord').address, ...fields.address } } as Offer;
    expect(bandOf(offer, asked, neighbours, placeBased)).toEqual({ band, reason });
  });
});

describe('order inside a band', () => {
  const kinds = (ids: string[]) => ids.map((id) => byId(id).kind);

  test('volunteer, professional and mixed offers take turns (Bürger-Profi-Mix)', () => {
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      const order = rankOffers(pack.offers, opts({ category: 'day_care', seed })).offers.map((x) => x.offer.id);
      const k = kinds(order);
      // 3 professional, 2 volunteer, 1 mixed: the first three are all different kinds,
      // and no kind repeats while another kind still has offers left.
      expect(new Set(k.slice(0, 3)).size).toBe(3);
      for (let i = 1; i < k.length; i++) {
        if (k[i] === k[i - 1]) expect(new Set(k.slice(i)).size).toBe(1);
      }
    }
  });

  test('the same seed gives the same order; the rotation gives every offer the first place', () => {
    const first = new Set<string>();
    for (let day = 1; day <= 60; day++) {
      const seed = `2026-12-${String(day).padStart(2, '0')}|conv-1`;
      const a = rankOffers(pack.offers, opts({ category: 'day_care', seed })).offers.map((x) => x.offer.id);
      const b = rankOffers([...pack.offers].reverse(), opts({ category: 'day_care', seed })).offers.map((x) => x.offer.id);
      expect(b).toEqual(a); // independent of file order
      first.add(a[0]);
    }
    expect(first).toEqual(new Set(['tp-nord', 'tp-mitte-a', 'tp-mitte-b', 'tp-sued', 'tp-unknown', 'tp-old']));
  });

  test('different seeds give different orders', () => {
    const orders = new Set(['s1', 's2', 's3', 's4', 's5'].map((seed) =>
      rankOffers(pack.offers, opts({ category: 'day_care', seed })).offers.map((x) => x.offer.id).join()));
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe('stale entries are kept and flagged', () => {
  test('undated, marked old and too old are flagged, nothing is dropped', () => {
    const r = rankOffers(pack.offers, opts({ category: 'day_care', stadtteil: 'nordheim' }));
    expect(r.total).toBe(6);
    const old = r.offers.find((x) => x.offer.id === 'tp-old')!;
    expect(old).toMatchObject({ stale: true, staleReason: 'marked_old', band: 0 });
    expect(r.offers.find((x) => x.offer.id === 'tp-nord')).toMatchObject({ stale: false });
  });
  test.each([
    ['berat-city', NOW, 730, 'undated'],
    ['tp-old', NOW, 730, 'marked_old'],
    ['tp-nord', NOW, 730, undefined],
    ['tp-nord', new Date('2029-01-01T00:00:00Z'), 730, 'too_old'],
    ['tp-nord', NOW, 30, 'too_old'],
  ] as const)('%s at %s (limit %i days) → %s', (id, now, days, reason) => {
    expect(staleness(byId(id), now, days)).toBe(reason);
  });
});

describe('page', () => {
  const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  test.each([
    [0, ['a', 'b', 'c'], 1, 3, true],
    [1, ['d', 'e', 'f'], 4, 6, true],
    [2, ['g'], 7, 7, false],
    [9, ['g'], 7, 7, false], // beyond the end: last page
    [-1, ['a', 'b', 'c'], 1, 3, true],
  ])('page %i', (index, expected, from, to, hasMore) => {
    const p = page(items, index, 3);
    expect(p).toMatchObject({ items: expected, from, to, hasMore, total: 7, pageCount: 3 });
  });
  test('empty list', () => {
    expect(page([], 0, 3)).toEqual({ items: [], pageIndex: 0, pageCount: 1, total: 0, hasMore: false, from: 0, to: 0 });
  });
});
