import { counsellingContacts } from '../../bot/offers/contacts';
import { searchOffers } from '../../bot/offers/search';
import { realPack, testPack } from './fixtures';

const pack = testPack();
const base = { now: new Date('2026-11-25T12:00:00Z'), seed: '2026-11-25|conv-1' };

describe('searchOffers', () => {
  test('category and place from the text', () => {
    const r = searchOffers(pack, { ...base, text: 'Tagespflege in Südfeld' });
    expect(r).toMatchObject({ category: 'day_care', stadtteil: 'suedfeld', missing: [] });
    expect(r.page!.items[0].offer.id).toBe('tp-sued');
    expect(r.page!.items).toHaveLength(3);
    expect(r.ranking!.total).toBe(6);
  });

  test('explicit values win over the text', () => {
    const r = searchOffers(pack, { ...base, text: 'Tagespflege in Südfeld', category: 'home_care', stadtteil: 'westend' });
    expect(r).toMatchObject({ category: 'home_care', stadtteil: 'westend' });
  });

  test.each([
    // text, missing, category, place candidates
    ['Hallo', ['category'], undefined, []],
    ['Tagespflege', ['place'], 'day_care', []],
    ['Pflegedienst', [], 'home_care', []], // comes to people: the place does not matter
    ['Beratung', ['place'], 'counselling', []], // an office is responsible for one Stadtteil
    ['Tagespflege 00102', ['place'], 'day_care', ['mittelstadt', 'suedfeld']],
    ['Tagespflege 00101', [], 'day_care', []],
  ])('%s → missing %o', (text, missing, category, candidates) => {
    const r = searchOffers(pack, { ...base, text });
    expect(r.missing).toEqual(missing);
    expect(r.category).toBe(category);
    expect(r.placeCandidates).toEqual(candidates);
    if (category) expect(r.page).toBeDefined();
    else expect(r.page).toBeUndefined();
  });

  test('paging', () => {
    const p0 = searchOffers(pack, { ...base, category: 'day_care', page: 0 }).page!;
    const p1 = searchOffers(pack, { ...base, category: 'day_care', page: 1 }).page!;
    expect(p0.items.map((x) => x.offer.id)).not.toEqual(p1.items.map((x) => x.offer.id));
    expect([...p0.items, ...p1.items].map((x) => x.offer.id).sort()).toEqual(['tp-mitte-a', 'tp-mitte-b', 'tp-nord', 'tp-old', 'tp-sued', 'tp-unknown']);
    expect(p1.hasMore).toBe(false);
  });

  test('unknown ids are ignored, not trusted', () => {
    const r = searchOffers(pack, { ...base, category: 'rocket_science', stadtteil: 'atlantis' });
    expect(r.missing).toEqual(['category']);
    expect(r.stadtteil).toBeUndefined();
  });
});

describe('counsellingContacts', () => {
  test.each([
    [undefined, 'fallback', ['city_advice', 'old_advice', 'north_advice']],
    ['nordheim', 'fallback', ['north_advice', 'city_advice', 'old_advice']],
    ['westend', 'fallback', ['city_advice', 'old_advice']],
    ['nordheim', 'talk_to_person', ['north_advice', 'city_advice']],
  ] as const)('%s / %s', (stadtteil, usage, ids) => {
    expect(counsellingContacts(pack.municipality, usage, stadtteil).map((c) => c.id)).toEqual(ids);
  });
});

describe('real Mülheim data', () => {
  const real = realPack();
  const bands = (r: ReturnType<typeof searchOffers>) => Object.fromEntries(r.ranking!.offers.map((x) => [x.offer.id, x.band]));

  test('day care in Saarn: nothing in Saarn, neighbours first', () => {
    const r = searchOffers(real, { ...base, text: 'Tagespflege in Saarn' });
    expect(r).toMatchObject({ category: 'day_care', stadtteil: 'saarn', missing: [] });
    expect(r.ranking!.usedNearby).toBe(true);
    expect(bands(r)).toEqual({
      'tagespflege-der-ev-altenhilfe-haus-ruhrgarten': 1,
      'tagespflege-muelheimer-oase-haus-kuhlendahl': 1,
      'tagespflege-behmenburg-am-flughafen': 2,
    });
    expect(r.ranking!.offers.every((x) => x.stale)).toBe(true); // all older than 730 days or undated
  });

  test('counselling in Saarn: the responsible district office and the city-wide points first', () => {
    const r = searchOffers(real, { ...base, text: 'Beratung Saarn' });
    const b = bands(r);
    expect(b['senioren-und-wohnberatung-holly-uhlendorff-broich-saarn-speldorf']).toBe(0);
    expect(b['kommunaler-pflegestuetzpunkt-pflegeberatung-der-stadt']).toBe(0);
    expect(b['senioren-und-wohnberatung-ragnhild-geck-stadtmitte-eppinghofen']).toBe(1);
    expect(b['senioren-und-wohnberatung-holger-foerster-duempten-styrum']).toBe(2);
  });

  test('a postcode spanning several Stadtteile asks', () => {
    const r = searchOffers(real, { ...base, text: 'Pflegeheim 45470' });
    expect(r.missing).toEqual(['place']);
    expect(r.placeCandidates).toEqual(['menden_holthausen', 'altstadt_1', 'altstadt_2']);
  });
});
