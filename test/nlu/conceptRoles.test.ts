import { pensionRole } from '../../bot/nlu/conceptRoles';

// issue 17, session 17b: "Ihre Rente reicht nicht" is the income of the person cared for, not the carer's pension
describe('pensionRole', () => {
  const read = (...sentences: string[][]) => pensionRole(sentences.map((s) => new Set(s))).map((s) => [...s].sort());
  test.each<[string, string[][], string[][]]>([
    ['her pension in a home-cost story is her income', [['nursing_home', 'price_increase'], ['pension', 'resident_pension']], [['nursing_home', 'price_increase'], ['income']]],
    ['the carer\'s own pension stays a pension', [['carer'], ['pension']], [['carer'], ['pension']]],
    ['a death keeps it a pension (paid on, a widow\'s pension)', [['death'], ['pension', 'resident_pension']], [['death'], ['pension', 'resident_pension']]],
    ['income already read: once', [['pension', 'resident_pension', 'income']], [['income']]],
  ])('%s', (_, input, expected) => {
    expect(read(...input)).toEqual(expected);
  });
});
