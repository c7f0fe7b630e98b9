import { fold, foldMarks } from '../../bot/text/fold';

describe('fold', () => {
  it.each([
    ['Mülheim', 'mulheim'],
    ['Muelheim', 'mulheim'],
    ['Straße', 'strasse'],
    ['neue Dauer, Quelle', 'neue dauer, quelle'],
    ['Does Ärger', 'dos arger'],
  ])('%s → %s', (text, want) => {
    expect(fold(text)).toBe(want);
    // kept results (session 18) answer the same
    expect(fold(text)).toBe(want);
  });

  it('gives the same after the kept results start again, and for long texts that are not kept', () => {
    const texts = Array.from({ length: 2500 }, (_, i) => `Pflegegrad ${i} für Müller`);
    const first = texts.map(fold);
    expect(texts.map(fold)).toEqual(first);
    expect(first[7]).toBe('pflegegrad 7 fur muller');
    const long = 'Öl '.repeat(400);
    expect(fold(long)).toBe('ol '.repeat(400));
    expect(fold(long)).toBe('ol '.repeat(400));
  });

  it('foldMarks keeps the ASCII spellings', () => {
    expect(foldMarks('Muelheim Mülheim')).toBe('muelheim mulheim');
  });
});
