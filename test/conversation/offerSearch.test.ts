// The offer search's pure rules (bot/conversation/offerSearch.ts) against a small city of two
// districts: a district service and a city-wide one.
import type { LocalHelp, LocalSearchQuery, LocalSearchResult, OfferView, PlaceMatch } from '../../bot/conversation/local';
import { categoryFrom, knownPlace, offerResults, placeFrom, placeQuestionKey, WHOLE_CITY, type FindOfferOptions } from '../../bot/conversation/offerSearch';

const offer = (n: number, phone?: string): OfferView => ({ id: `o${n}`, name: `Dienst ${n}`, what: 'Tagespflege', kind: 'professional', phone });
let found: OfferView[] = [];
let asked: LocalSearchQuery | undefined;
const local = {
  cityName: 'Teststadt',
  detectPlace: (text: string): PlaceMatch => (/nord/i.test(text) ? { stadtteil: 'nord', candidates: [] } : /4500/.test(text) ? { candidates: ['nord', 'sued'], postcode: '4500' }
    : /teststadt/i.test(text) ? { candidates: [], wholeCityOnly: true } : { candidates: [] }),
  detectCategory: (text: string) => (/tagespflege/i.test(text) ? 'day_care' : undefined),
  stadtteile: () => [{ id: 'nord', name: 'Nordviertel' }, { id: 'sued', name: 'Südviertel' }, { id: 'ost', name: 'Ostviertel' }],
  stadtteilName: (id: string) => `${id}-name`,
  categories: () => [{ id: 'day_care', label: 'Tagespflege' }, { id: 'meals', label: 'Essen auf Rädern' }],
  categoryLabel: (id: string) => `${id}-label`,
  placeMatters: (category: string) => category !== 'meals',
  search: (q: LocalSearchQuery): LocalSearchResult => {
    asked = q;
    return { offers: found.slice(q.page * 3, q.page * 3 + 3), total: found.length, page: q.page, pages: Math.ceil(found.length / 3), usedNearby: false, why: '' };
  },
  counselling: () => [{ name: 'Beratung', phone: '0100' }],
  finders: () => [{ name: 'Finder', website: 'https://example.org' }],
} as unknown as LocalHelp;
const t = (key: string, vars?: Record<string, unknown>) => (vars && Object.keys(vars).length ? `${key}${JSON.stringify(vars)}` : key);

describe('what a reply fills in', () => {
  test.each<[string, string | undefined]>([['Tagespflege', 'day_care'], ['essen auf rädern', 'meals'], ['Ich brauche Tagespflege', 'day_care'], ['Saarn', undefined]])(
    'kind of help of %p → %p', (text, want) => {
      expect(categoryFrom(local, 'de', text)).toBe(want);
    });

  test.each<[string, object]>([
    ['egal', { stadtteil: WHOLE_CITY, candidates: [] }],
    ['Südviertel', { stadtteil: 'sued', candidates: [] }],
    ['wir wohnen im Nordviertel', { stadtteil: 'nord', candidates: [] }],
    ['4500', { candidates: ['nord', 'sued'], postcode: '4500' }],
    ['Teststadt', { stadtteil: WHOLE_CITY, candidates: [] }],
    ['morgen', { candidates: [] }],
  ])('place of %p', (text, want) => {
    expect(placeFrom(local, text, (n) => n === 'egal')).toEqual(want);
  });
});

describe('when nothing has to be asked', () => {
  test.each<[FindOfferOptions, string | undefined, string | undefined]>([
    [{ category: 'day_care', stadtteil: 'nord' }, 'sued', 'nord'],
    [{ category: 'day_care' }, 'sued', 'sued'],
    [{ category: 'day_care' }, undefined, undefined],
    [{ category: 'meals', candidates: ['nord', 'sued'] }, undefined, WHOLE_CITY],
    [{ category: 'meals', candidates: ['nord'] }, undefined, undefined],
    [{ category: 'day_care', candidates: ['nord', 'sued'] }, undefined, undefined],
  ])('%j with %p remembered → %p', (opts, remembered, want) => {
    expect(knownPlace(local, opts, remembered)).toBe(want);
  });

  test.each<[string[], string | undefined, string]>([
    [['nord', 'sued'], '4500', 'offers_dialog.place_ambiguous'],
    [['nord', 'sued'], undefined, 'offers_dialog.place_candidates'],
    [['nord', 'sued', 'ost'], '4500', 'offers_dialog.ask_place'],
    [['nord'], undefined, 'offers_dialog.ask_place'],
  ])('place question for %p, postcode %p → %p', (ids, postcode, want) => {
    expect(placeQuestionKey(ids, 3, postcode)).toBe(want);
  });
});

describe('the results reply', () => {
  const q = { category: 'day_care', lang: 'de' as const, now: new Date('2026-12-06T10:00:00Z'), seed: 's' };

  test('nothing found: no invented offers, counselling and finders instead', () => {
    found = [];
    const r = offerResults(local, t, { ...q, stadtteil: 'nord', page: 0 });
    expect(r.text.split('\n')[0]).toBe('offers_dialog.none{"category":"day_care-label","place":"nord-name"}');
    expect(r.text).toMatch(/Beratung/);
    expect(r.text).toMatch(/Finder/);
    expect(r.cards).toBeUndefined();
    expect(r.suggestions!.map((a) => a.value)).toEqual(['offers:day_care:place', 'offers']);
  });

  test('the whole city is searched without a district; a page with more to come offers the next', () => {
    found = [1, 2, 3, 4].map((n) => offer(n, `0${n}`));
    const r = offerResults(local, t, { ...q, stadtteil: WHOLE_CITY, page: 0 });
    expect(asked!.stadtteil).toBeUndefined();
    expect(r.text).toBe('offers_dialog.results{"category":"day_care-label","place":"offers_dialog.whole_city","count":4}');
    expect(r.cards!.map((c) => c.title)).toEqual(['Dienst 1', 'Dienst 2', 'Dienst 3']);
    expect(r.cards![0].actions[0]).toEqual({ kind: 'call', title: 'offers_dialog.call: 01', value: '01' });
    expect(r.suggestions!.map((a) => a.value)).toEqual(['offers:day_care:page:1', 'why:day_care', 'offers:day_care:place', 'offers']);
  });

  test('the last page: no "more"; offers without a phone bring the counselling line', () => {
    found = [1, 2, 3, 4].map((n) => offer(n));
    const r = offerResults(local, t, { ...q, stadtteil: 'nord', page: 1 });
    expect(r.text).toMatch(/^offers_dialog\.results_more\{"from":4,"to":4,"count":4\}/);
    expect(r.text).toMatch(/counselling_fallback/);
    expect(r.suggestions!.map((a) => a.value)).toEqual(['why:day_care', 'offers:day_care:place', 'offers']);
  });
});
