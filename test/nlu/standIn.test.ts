import { kinStandsIn } from '../../bot/nlu/standIn';

// issue 17, session 17b: the daughter or sister of a story about a substitute is the relative who stands in
describe('kinStandsIn', () => {
  const read = (...sentences: string[][]) => kinStandsIn(sentences.map((s) => new Set(s))).map((s) => [...s].sort());
  test.each<[string, string[][], string[][]]>([
    ['a daughter takes over while the carer is away (respite asked)', [['children', 'spouse'], ['respite', 'amount']], [['children', 'relatives', 'spouse'], ['amount', 'respite']]],
    ['a sister stands in, told in the same sentence', [['siblings', 'respite']], [['relatives', 'respite', 'siblings']]],
    ['a cousin', [['distant_relative'], ['respite']], [['distant_relative', 'relatives'], ['respite']]],
    ['a son-in-law', [['in_law', 'respite']], [['in_law', 'relatives', 'respite']]],
    ['no substitute in the story: a daughter is only who is who', [['children'], ['care_allowance']], [['children'], ['care_allowance']]],
    ['the husband cared for is no stand-in', [['spouse'], ['respite']], [['spouse'], ['respite']]],
    ['relatives already read: unchanged', [['children', 'relatives', 'respite']], [['children', 'relatives', 'respite']]],
  ])('%s', (_, input, expected) => {
    expect(read(...input)).toEqual(expected);
  });
  test('the input sets are not changed', () => {
    const s = new Set(['children']);
    kinStandsIn([s, new Set(['respite'])]);
    expect([...s]).toEqual(['children']);
  });
});
