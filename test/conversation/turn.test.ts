// The pure readings of a message against the last reply's options (bot/conversation/turn.ts).
import { matchOption, normalise, optionByTitle, optionNumber, topicMenu, type Memory } from '../../bot/conversation/turn';

const mem: Memory = { options: [{ title: 'Pflegegrad 2', command: 'grade:2' }, { title: 'Weiß nicht.', command: 'grade:0' }] };

describe('option readings', () => {
  test.each<[string, string]>([
    ['  Hallo   Welt!!', 'hallo welt'], ['Welt! ', 'welt!'], ['Was ist das?', 'was ist das'], ['MENÜ.', 'menü'],
  ])('normalise %p → %p', (text, want) => {
    expect(normalise(text)).toBe(want);
  });

  test.each<[string, number | undefined]>([['2', 2], ['(2)', 2], [' 12 ', 12], ['123', undefined], ['2a', undefined], ['zwei', undefined]])(
    'optionNumber %p → %p', (text, want) => {
      expect(optionNumber(text)).toBe(want);
    });

  test.each<[string, string | undefined]>([
    ['1', 'grade:2'], ['(2)', 'grade:0'], ['3', undefined], ['pflegegrad 2', 'grade:2'], ['weiß nicht', 'grade:0'], ['Pflegegrad', undefined],
  ])('matchOption %p → %p', (text, want) => {
    expect(matchOption(mem, text)).toBe(want);
  });

  test('a title match needs options, and a number is no title', () => {
    expect(optionByTitle({}, 'Pflegegrad 2')).toBeUndefined();
    expect(optionByTitle(mem, '1')).toBeUndefined();
  });

  test('the topic menu takes its titles from the texts, its commands are fixed', () => {
    const menu = topicMenu((k) => `<${k}>`);
    expect(menu.map((a) => a.value)).toEqual(['answer:apply', 'selfcheck', 'money', 'offers', 'answer:carer_support', 'human']);
    expect(menu[0]).toEqual({ kind: 'command', title: '<menu.apply>', value: 'answer:apply' });
  });
});
