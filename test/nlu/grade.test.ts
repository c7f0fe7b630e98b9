import { extractGrade } from '../../bot/nlu/grade';

describe('extractGrade', () => {
  // [text, grade without context, grade when the bot has just asked for it]
  const cases: Array<[string, number | undefined, number | undefined]> = [
    ['PG 3', 3, 3],
    ['PG3', 3, 3],
    ['pg-2', 2, 2],
    ['Pflegegrad drei', 3, 3],
    ['pflegegrad fuenf', 5, 5],
    ['Pflegegrad fünf', 5, 5],
    ['dritter Pflegegrad', 3, 3],
    ['den ersten Pflegegrad', 1, 1],
    ['3. Pflegegrad', 3, 3],
    ['3er Pflegegrad', 3, 3],
    ['Pflegegrad III', 3, 3],
    ['Pflegegrad I Leistungen', 1, 1],
    ['Pflegegrad: 5', 5, 5],
    ['Pflege grad 4', 4, 4],
    ['Stufe 3', 3, 3],
    ['Pflegestufe 3', 3, 3],
    ['grad 3', 3, 3],
    ['Meine Mutter hat Pflegegrad 4 seit 2020', 4, 4],
    ['mit Pflegegrad 2 oder 3', 2, 2],
    ['care grade 3', 3, 3],
    ['care-grade 5', 5, 5],
    ['care level IV', 4, 4],
    ['third care grade', 3, 3],
    ['level three', 3, 3],
    ['grade 2', 2, 2],
    // no grade in these
    ['3 Kinder', undefined, undefined],
    ['seit 3 Jahren', undefined, undefined],
    ['Pflegegrad', undefined, undefined],
    ['Pflegegrad 6', undefined, undefined],
    ['Pflegegrad 12', undefined, undefined],
    ['GdB 50', undefined, undefined],
    ['Grad der Behinderung 50', undefined, undefined],
    ['25 Arbeitstage', undefined, undefined],
    ['Bescheid kam am 3.11.', undefined, undefined],
    ['Hilfe für 2 Personen', undefined, undefined],
    ['grade i want', undefined, undefined],
    // a lone number counts only when a grade is expected
    ['3', undefined, 3],
    ['drei', undefined, 3],
    ['three', undefined, 3],
    ['eins', undefined, 1],
    ['die dritte', undefined, 3],
    ['III', undefined, 3],
    ['wir haben 2', undefined, 2],
    ["it's 4", undefined, 4],
    ['5.', undefined, 5],
    ['6', undefined, undefined],
    ['ja', undefined, undefined],
    ['weiß nicht', undefined, undefined],
  ];

  it.each(cases)('%s → %s / expected: %s', (text, plain, expected) => {
    expect(extractGrade(text)).toBe(plain);
    expect(extractGrade(text, { expectGrade: true })).toBe(expected);
  });
});
