import { fnv1a, fold, osaDistance, slugify, tokens } from '../../bot/offers/text';

describe('fold', () => {
  test.each([
    ['Dümpten', 'dumpten'],
    ['Duempten', 'dumpten'],
    ['DUMPTEN', 'dumpten'],
    ['Heißen', 'heissen'],
    ['Heissen', 'heissen'],
    ['Menüservice', 'menuservice'],
    ['Café', 'cafe'],
  ])('%s → %s', (input, expected) => expect(fold(input)).toBe(expected));
});

test('tokens split on punctuation and hyphens', () => {
  expect(tokens('Menden-Holthausen, 45470!')).toEqual(['menden', 'holthausen', '45470']);
});

describe('slugify', () => {
  test.each([
    ['Haus Gracht', 'haus-gracht'],
    ['Mittagstisch \'Wärmeinsel\'', 'mittagstisch-waermeinsel'],
    ['Ambulantes Hospiz Mülheim an der Ruhr e.V.', 'ambulantes-hospiz-muelheim-an-der-ruhr-e-v'],
    ['Straße / Größe', 'strasse-groesse'],
  ])('%s → %s', (name, slug) => expect(slugify(name)).toBe(slug));

  test('long names are cut at a word boundary', () => {
    const s = slugify('Senioren- und Wohnberatung – Ragnhild Geck (Stadtmitte, Eppinghofen, Heißen)');
    expect(s.length).toBeLessThanOrEqual(64);
    expect(s.endsWith('-')).toBe(false);
    expect(s.startsWith('senioren-und-wohnberatung')).toBe(true);
  });
});

describe('osaDistance (Damerau–Levenshtein, adjacent transpositions)', () => {
  test.each([
    ['saarn', 'saarn', 0],
    ['speldorf', 'speldrof', 1], // transposition
    ['broich', 'brich', 1], // deletion
    ['styrum', 'stirum', 1], // substitution
    ['styrum', 'styrumm', 1], // insertion
    ['menden', 'melden', 1],
    ['saarn', 'broich', 6],
    ['', 'abc', 3],
  ])('%s / %s = %i', (a, b, d) => {
    expect(osaDistance(a, b)).toBe(d);
    expect(osaDistance(b, a)).toBe(d);
  });
});

test('fnv1a is stable and spreads close inputs', () => {
  expect(fnv1a('abc')).toBe(fnv1a('abc'));
  expect(fnv1a('seed|a')).not.toBe(fnv1a('seed|b'));
  expect(fnv1a('')).toBe(0x811c9dc5);
});
