import { fnv1a, fold, slugify, tokens, withinOneEdit } from '../../bot/offers/text';
import { editDistance } from '../../bot/nlu/normalise';
import { prng } from '../../bot/nlu/prng';

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

test('fnv1a is stable and spreads close inputs', () => {
  expect(fnv1a('abc')).toBe(fnv1a('abc'));
  expect(fnv1a('seed|a')).not.toBe(fnv1a('seed|b'));
  expect(fnv1a('')).toBe(0x811c9dc5);
});

describe('withinOneEdit agrees with editDistance(a, b) <= 1', () => {
  test.each([
    ['saarn', 'saarn', true], ['saarn', 'sarn', true], ['saarn', 'saarnn', true], ['saarn', 'saran', true],
    ['saarn', 'saxrn', true], ['saarn', 'sanra', false], ['heissen', 'hiessen', true], ['styrum', 'stryum', true],
    ['styrum', 'strum', true], ['styrum', 'sytrmu', false], ['abc', 'cab', false], ['', 'a', true], ['', 'ab', false],
  ])('%s ~ %s → %s', (a, b, ok) => {
    expect(withinOneEdit(a, b)).toBe(ok);
    expect(withinOneEdit(b, a)).toBe(ok);
    expect(editDistance(a, b) <= 1).toBe(ok);
  });
  test('on 20,000 seeded random pairs over a small alphabet', () => {
    const next = prng(42);
    const rnd = (n: number) => Math.floor(next() * n);
    const word = () => Array.from({ length: 3 + rnd(5) }, () => 'abcd'[rnd(4)]).join('');
    const mutate = (w: string) => {
      const i = rnd(w.length);
      switch (rnd(4)) {
        case 0: return w.slice(0, i) + 'abcd'[rnd(4)] + w.slice(i + 1);
        case 1: return w.slice(0, i) + w.slice(i + 1);
        case 2: return w.slice(0, i) + 'abcd'[rnd(4)] + w.slice(i);
        default: return i + 1 < w.length ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w + w;
      }
    };
    let near = 0;
    for (let k = 0; k < 20000; k++) {
      const a = word();
      const b = k % 3 === 0 ? word() : k % 3 === 1 ? mutate(a) : mutate(mutate(a));
      const expected = editDistance(a, b) <= 1;
      if (expected) near++;
      expect(withinOneEdit(a, b)).toBe(expected);
    }
    expect(near).toBeGreaterThan(3000); // the sample really exercises the "one edit" side
  });
});
