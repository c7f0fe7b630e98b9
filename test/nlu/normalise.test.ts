import { prng } from '../../bot/nlu/prng';
import * as fs from 'fs';
import * as path from 'path';
import { editDistance, foldText, normaliseForNlu, replaceEntities, TOKENS, Vocabulary } from '../../bot/nlu/normalise';
import { compilePlaces } from '../../bot/nlu/places';
import { loadPlaceLexicon } from '../../bot/offers/load';

describe('foldText', () => {
  it.each([
    ['Mülheim', 'mulheim'],
    ['Muelheim', 'mulheim'],
    ['Mulheim', 'mulheim'],
    ['Heißen', 'heissen'],
    ['PFLEGESTÜTZPUNKT', 'pflegestutzpunkt'],
    ['Pflegestuetzpunkt', 'pflegestutzpunkt'],
    ['Ärger', 'arger'],
    ['Aerger', 'arger'],
    ['neue Dauer', 'neue dauer'], // "ue" after a vowel stays
    ['Quelle', 'quelle'],
  ])('%s → %s', (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });
});

describe('replaceEntities', () => {
  // the place words of the Mülheim data pack, as the bot trains with them
  const muelheim = compilePlaces(loadPlaceLexicon(path.join(__dirname, '../../knowledge/muelheim')), foldText);
  it.each([
    ['tagespflege in saarn', `tagespflege in  ${TOKENS.place} `],
    ['pflegedienst in 45476', `pflegedienst in  ${TOKENS.place} `],
    ['bescheid kam am 3.11. bis wann', `bescheid kam am  ${TOKENS.date}  bis wann`],
    ['bescheid vom 15. januar', `bescheid vom  ${TOKENS.date} `],
    ['decision came on 2 october', `decision came on  ${TOKENS.date} `],
    ['hilfe in mulheim an der ruhr', 'hilfe in  '],
    ['gute restaurants in der innenstadt', `gute restaurants in der  ${TOKENS.place} `],
  ])('%s', (input, out) => {
    expect(replaceEntities(input, muelheim)).toBe(out);
  });

  it('without place words only dates and the corpus markers are replaced', () => {
    expect(replaceEntities('tagespflege in saarn am 3.11.')).toBe(`tagespflege in saarn am  ${TOKENS.date} `);
    expect(replaceEntities('tagespflege in %place%, %city%')).toBe(`tagespflege in  ${TOKENS.place} ,  `);
  });
});

describe('editDistance', () => {
  it.each([
    ['pflegegeld', 'pflegegeld', 0],
    ['pflegegelt', 'pflegegeld', 1],
    ['plfegegeld', 'pflegegeld', 1], // transposition
    ['verhinderungspflge', 'verhinderungspflege', 1],
    ['abc', 'xyz', 3],
    ['speldorf', 'speldrof', 1], // transposition
    ['broich', 'brich', 1], // deletion
    ['styrum', 'stirum', 1], // substitution
    ['styrum', 'styrumm', 1], // insertion
    ['menden', 'melden', 1],
    ['saarn', 'broich', 6],
  ])('%s ~ %s = %i', (a, b, d) => {
    expect(editDistance(a, b, 6)).toBe(d);
    expect(editDistance(b, a, 6)).toBe(d);
    expect(editDistance(a, b)).toBe(d); // no limit
  });

  it('without a limit, the empty word is as far as the other word is long', () => {
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
  });

  it('stops early above the limit', () => {
    expect(editDistance('kurzzeitpflege', 'tagespflege', 2)).toBeGreaterThan(2);
  });

  it('equals the full-matrix definition on 20,000 seeded pairs, long words and empty ones included', () => {
    // reference: the textbook optimal-string-alignment matrix, no early stop
    const osa = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
      return d[a.length][b.length];
    };
    const rnd = prng(42);
    const word = (n: number) => Array.from({ length: n }, () => 'aebrn'[Math.floor(rnd() * 5)]).join('');
    for (let k = 0; k < 20_000; k++) {
      const a = word(Math.floor(rnd() * (k % 100 === 0 ? 150 : 9)));
      const b = rnd() < 0.5 ? word(Math.floor(rnd() * 9)) : a.slice(0, -1) + word(2);
      const max = 1 + Math.floor(rnd() * 3);
      const ref = osa(a, b);
      const got = editDistance(a, b, max);
      // within the limit the exact distance, above it anything above the limit
      if (ref <= max && b.length > 0) expect([a, b, got]).toEqual([a, b, ref]);
      else expect([a, b, got > max || got === ref]).toEqual([a, b, true]);
    }
  });
});

describe('Vocabulary', () => {
  const vocab = new Vocabulary(['pflegegeld antrag stellen', 'hund entlaufen', 'und dann', 'verhinderungspflege wohnung umbau']);

  it('repairs typos of known words, keeping the first letter', () => {
    expect(vocab.correct('pflegegelt')).toBe('pflegegeld');
    expect(vocab.correct('verhinderungspflge')).toBe('verhinderungspflege');
    expect(vocab.correct('pflegegeld')).toBeUndefined(); // already known
    expect(vocab.correct('xyzabc')).toBeUndefined();
    expect(vocab.correct('ubd')).toBeUndefined(); // too short to guess
  });

  it('splits compounds into known words', () => {
    expect(vocab.split('pflegegeldantrag')).toEqual(['pflegegeld', 'antrag']);
    expect(vocab.split('wohnungsumbau')).toEqual(['wohnung', 'umbau']); // linking s
    expect(vocab.split('pflegegeld')).toBeUndefined();
    expect(vocab.split('kaffeemaschine')).toBeUndefined();
  });

  // the model cache keeps a vocabulary as toCounts(); what fromCounts makes of it must answer the same,
  // ties included (a typo as close to two known words goes to the more frequent one, then the first seen)
  it('rebuilt from its counts, a vocabulary of the real corpus corrects and splits exactly as the original', () => {
    const corpus = JSON.parse(fs.readFileSync(path.join(__dirname, '../../knowledge/nlu/de.json'), 'utf8')) as { data: { utterances: string[] }[] };
    const texts = corpus.data.flatMap((d) => d.utterances).map((u) => foldText(u));
    const original = new Vocabulary(texts);
    const copy = Vocabulary.fromCounts(JSON.parse(JSON.stringify(original.toCounts())) as [string, number][]);
    expect(copy.toCounts()).toEqual(original.toCounts());
    const known = original.toCounts().map(([w]) => w);
    expect(known.length).toBeGreaterThan(500);
    const rnd = prng(7);
    // typos of known words (one letter changed, dropped or doubled) and pairs of known words as compounds
    // every 8th known word (a few hundred) keeps the test short on a shared machine
    const probes = known.filter((_w, i) => i % 8 === 0).flatMap((w) => {
      const i = 1 + Math.floor(rnd() * Math.max(1, w.length - 1));
      return [w, `${w.slice(0, i)}x${w.slice(i + 1)}`, w.slice(0, i) + w.slice(i + 1), w.slice(0, i) + w[i - 1] + w.slice(i), w + known[Math.floor(rnd() * known.length)]];
    });
    for (const p of probes) expect([p, copy.has(p), copy.correct(p), copy.split(p)]).toEqual([p, original.has(p), original.correct(p), original.split(p)]);
  });

  it.each([
    ['a word twice', [['pflege', 1], ['pflege', 2]]],
    ['a count of zero', [['pflege', 0]]],
    ['an empty word', [['', 1]]],
  ])('fromCounts refuses %s', (_name, counts) => {
    expect(() => Vocabulary.fromCounts(counts as [string, number][])).toThrow(/vocabulary/);
  });

  it('normalises a message: typo repaired, compound split, grade 1 marked', () => {
    const out = normaliseForNlu('Pflegegelt-Antrag bei PG 1', vocab, { spelling: true, compounds: true });
    expect(out.split(' ')).toEqual(expect.arrayContaining(['pflegegeld', 'antrag', TOKENS.gradeOne]));
    const off = normaliseForNlu('Pflegegelt', vocab, { spelling: false, compounds: false });
    expect(off).toBe('pflegegelt');
  });
});
