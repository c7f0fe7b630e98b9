import { resolveRegion } from '../../bot/offers/regions';
import { realRegions } from './fixtures';

const regions = realRegions();
const ALL = ['altstadt_1', 'altstadt_2', 'broich', 'duempten', 'heissen', 'menden_holthausen', 'saarn', 'speldorf', 'styrum'];

describe('resolveRegion: one Stadtteil', () => {
  test.each([
    ['Tagespflege in Saarn', 'saarn', 'name'],
    ['SAARN', 'saarn', 'name'],
    ['Duempten', 'duempten', 'name'],
    ['Dumpten', 'duempten', 'name'],
    ['dümpten bitte', 'duempten', 'name'],
    ['in Heissen', 'heissen', 'name'],
    ['Pflegedienst Heißen gesucht', 'heissen', 'name'],
    ['aus Styrum', 'styrum', 'name'],
    ['der Styrumer Bürgerbus', 'styrum', 'name'],
    ['Saarner Seniorentreff', 'saarn', 'name'],
    ['Heißener Markt', 'heissen', 'name'],
    ['ich bin Eppinghofer', 'altstadt_2', 'ortsteil'],
    ['Holthauser Höfe', 'menden_holthausen', 'ortsteil'],
    ['Menden-Holthausen', 'menden_holthausen', 'name'],
    ['Menden', 'menden_holthausen', 'ortsteil'],
    ['Raadt', 'menden_holthausen', 'ortsteil'],
    ['Ickten', 'menden_holthausen', 'ortsteil'],
    ['Mintard', 'saarn', 'ortsteil'],
    ['Selbeck', 'saarn', 'ortsteil'],
    ['Heimaterde', 'heissen', 'ortsteil'],
    ['Winkhausen', 'heissen', 'ortsteil'],
    ['Fulerum', 'heissen', 'ortsteil'],
    ['Dichterviertel', 'altstadt_2', 'ortsteil'],
    ['Papenbusch', 'altstadt_2', 'ortsteil'],
    ['Eppinghofen', 'altstadt_2', 'ortsteil'],
    ['Altstadt II', 'altstadt_2', 'name'],
    ['Altstadt 1', 'altstadt_1', 'name'],
    ['I live in Styrum', 'styrum', 'name'],
    ['near Heissen', 'heissen', 'name'],
    ['Heißen (Heimaterde)', 'heissen', 'ortsteil'], // sentence-initial "Heißen" needs a cue; Heimaterde decides,
    ['Eppinghofen (Altstadt II)', 'altstadt_2', 'ortsteil'],
  ])('%s → %s', (text, id, via) => {
    const r = resolveRegion(text, regions);
    expect(r.stadtteil).toBe(id);
    expect(r.candidates).toEqual([id]);
    expect(r.via).toBe(via);
  });
});

describe('resolveRegion: small typos (one edit, names of five letters or more)', () => {
  test.each([
    ['Speldrof', 'speldorf'],
    ['Brioch', 'broich'],
    ['Stirum', 'styrum'],
    ['Holthusen', 'menden_holthausen'],
    ['Saarm', 'saarn'],
    ['Mintrad', 'saarn'],
  ])('%s → %s', (text, id) => {
    const r = resolveRegion(text, regions);
    expect(r.stadtteil).toBe(id);
    expect(r.via).toBe('fuzzy');
  });
});

describe('resolveRegion: no place', () => {
  test.each([
    ['Wie heißen die Angebote?'],
    ['Heißen Sie mich willkommen'],
    ['ich möchte mich melden'],
    ['wir wenden uns an Sie'],
    ['gemeinsam essen'],
    ['Ich wohne in Essen'],
    ['Pflegegeld bei Pflegegrad 3'],
    ['12345 Euro'],
    [''],
  ])('%s', (text) => {
    const r = resolveRegion(text, regions);
    expect(r.stadtteil).toBeUndefined();
    expect(r.candidates).toEqual([]);
  });
});

describe('resolveRegion: several candidates → the bot asks', () => {
  test.each([
    ['Innenstadt', ['altstadt_1', 'altstadt_2']],
    ['in der Stadtmitte', ['altstadt_1', 'altstadt_2']],
    ['Altstadt', ['altstadt_1', 'altstadt_2']],
    ['Linksruhr', ['broich', 'saarn', 'speldorf']],
    ['Saarn oder Broich', ['saarn', 'broich']],
  ])('%s', (text, candidates) => {
    const r = resolveRegion(text, regions);
    expect(r.stadtteil).toBeUndefined();
    expect(r.candidates).toEqual(candidates);
  });
});

describe('resolveRegion: postcodes are hints', () => {
  test('a postcode with one candidate', () => {
    expect(resolveRegion('45481', regions)).toEqual({ stadtteil: 'saarn', candidates: ['saarn'], postcode: '45481', matched: '45481', via: 'postcode' });
  });
  test.each([
    ['PLZ 45468', ['altstadt_2', 'altstadt_1']],
    ['45470', ['menden_holthausen', 'altstadt_1', 'altstadt_2']],
    ['45473', ALL],
    ['45478', ALL],
  ])('%s has several candidates', (text, candidates) => {
    const r = resolveRegion(text, regions);
    expect(r.stadtteil).toBeUndefined();
    expect(r.candidates).toEqual(candidates);
    expect(r.via).toBe('postcode');
  });
  test('a name beats the postcode; the postcode is still reported', () => {
    const r = resolveRegion('45470 Holthausen', regions);
    expect(r).toMatchObject({ stadtteil: 'menden_holthausen', postcode: '45470', via: 'ortsteil' });
  });
  test('a postcode narrows a vague name', () => {
    const r = resolveRegion('Innenstadt, 45470', regions);
    expect(r.candidates).toEqual(['altstadt_1', 'altstadt_2']);
    const r2 = resolveRegion('Linksruhr 45479', regions);
    expect(r2).toMatchObject({ stadtteil: 'broich', candidates: ['broich'] });
  });
  test('a neighbouring city\'s postcode is recognised as not ours', () => {
    expect(resolveRegion('45127', regions)).toEqual({ candidates: [], postcode: '45127', unknownPostcode: true, matched: '45127', via: 'postcode' });
  });
});

test('expectPlace lets everyday-word names count without a cue', () => {
  expect(resolveRegion('heißen', regions).stadtteil).toBe('heissen'); // whole answer
  expect(resolveRegion('heißen natürlich', regions).stadtteil).toBeUndefined();
  expect(resolveRegion('heißen natürlich', regions, { expectPlace: true }).stadtteil).toBe('heissen');
});
