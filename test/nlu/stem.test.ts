import { stemmerFor } from '../../bot/nlu/stem';

const de = stemmerFor('de')!;
const en = stemmerFor('en')!;

describe('German stems: inflected forms of one word meet', () => {
  it.each([
    ['pflegen', 'pflege'],
    ['antrag', 'antrage'],
    ['leistungen', 'leistung'],
    ['angehorigen', 'angehorige'],
    ['pflegedienste', 'pflegedienstes'],
  ])('%s ~ %s', (a, b) => {
    expect(de(a)).toBe(de(b));
  });
  it('different words stay apart', () => {
    expect(de('pflegegeld')).not.toBe(de('pflegegrad'));
  });
});

describe('English stems: inflected forms of one word meet', () => {
  it.each([
    ['benefits', 'benefit'],
    ['applies', 'applied'],
    ['caring', 'cares'],
    ['homes', 'home'],
  ])('%s ~ %s', (a, b) => {
    expect(en(a)).toBe(en(b));
  });
});

it.each([['de'], ['en']] as const)('%s: short words, numbers and placeholders stay as they are', (lang) => {
  const s = stemmerFor(lang)!;
  expect(s('hund')).toBe('hund');
  expect(s('45476')).toBe('45476');
  expect(s('zzgrade')).toBe('zzgrade');
});

it('no stemmer for "none"', () => {
  expect(stemmerFor('none')).toBeUndefined();
});
