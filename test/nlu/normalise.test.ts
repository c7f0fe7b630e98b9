import { editDistance, foldText, normaliseForNlu, replaceEntities, TOKENS, Vocabulary } from '../../bot/nlu/normalise';

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
  it.each([
    ['tagespflege in saarn', `tagespflege in  ${TOKENS.place} `],
    ['pflegedienst in 45476', `pflegedienst in  ${TOKENS.place} `],
    ['bescheid kam am 3.11. bis wann', `bescheid kam am  ${TOKENS.date}  bis wann`],
    ['bescheid vom 15. januar', `bescheid vom  ${TOKENS.date} `],
    ['decision came on 2 october', `decision came on  ${TOKENS.date} `],
    ['hilfe in mulheim an der ruhr', 'hilfe in  '],
    ['gute restaurants in der innenstadt', 'gute restaurants in der innenstadt'],
  ])('%s', (input, out) => {
    expect(replaceEntities(input)).toBe(out);
  });
});

describe('editDistance', () => {
  it.each([
    ['pflegegeld', 'pflegegeld', 0],
    ['pflegegelt', 'pflegegeld', 1],
    ['plfegegeld', 'pflegegeld', 1], // transposition
    ['verhinderungspflge', 'verhinderungspflege', 1],
    ['abc', 'xyz', 3],
  ])('%s ~ %s = %i', (a, b, d) => {
    expect(editDistance(a, b, 5)).toBe(d);
  });

  it('stops early above the limit', () => {
    expect(editDistance('kurzzeitpflege', 'tagespflege', 2)).toBeGreaterThan(2);
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

  it('normalises a message: typo repaired, compound split, grade 1 marked', () => {
    const out = normaliseForNlu('Pflegegelt-Antrag bei PG 1', vocab, { spelling: true, compounds: true });
    expect(out.split(' ')).toEqual(expect.arrayContaining(['pflegegeld', 'antrag', TOKENS.gradeOne]));
    const off = normaliseForNlu('Pflegegelt', vocab, { spelling: false, compounds: false });
    expect(off).toBe('pflegegelt');
  });
});
