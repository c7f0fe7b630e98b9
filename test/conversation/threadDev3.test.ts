// Table tests of the thread rules of session 10 (issue 18): corrections opened without "ich meinte",
// a sum already spent kept for a later question, amounts written in words, cost questions that point
// at an amount-by-grade topic, and the topics an overview or an offer search leave in the thread.
import * as path from 'path';
import { valueOn } from '../../bot/care/benefits';
import type { IsoDate } from '../../bot/care/calendar';
import { readAfterOverview } from '../../bot/care/benefitsText';
import { euroAmounts, remainderFromText, spentFromText } from '../../bot/conversation/budget';
import { readCorrection, resolveFollowUp, type FollowUp } from '../../bot/conversation/followUp';
import { describeThread, forgetOnPersonSwitch, overviewSettingOf, overviewTopic, topicForCategory } from '../../bot/conversation/thread';
import { extractFacts } from '../../bot/nlu/facts';
import { loadLexicon } from '../../bot/nlu/lexicon';
import { ROOT } from '../helpers/app';
import { benefitsTable as table } from '../dialogs/guidedHelpers';

const words = loadLexicon(path.join(ROOT, 'locales'));
const DAY = '2026-11-25' as IsoDate;
const budget = valueOn(table, 'entlastungsbudget', DAY)!;

describe('readCorrection with the lexicon\'s correction openings', () => {
  test.each<[string, string | undefined]>([
    ['Moment, er hat seit letzter Woche Pflegegrad 3, nicht 2.', 'er hat seit letzter Woche Pflegegrad 3'],
    ['Ach, ich hab mich vertan, er hat Pflegegrad 3.', 'er hat Pflegegrad 3.'],
    ['nein, nicht meine Mutter, mein Vater, und der hat Pflegegrad 2', 'mein Vater, und der hat Pflegegrad 2'],
    ["no wait, it's for my father, he has grade 5", "it's for my father, he has grade 5"],
    ['my mistake, grade 4 not 3', 'grade 4'],
    ['Moment', undefined],
    ['Ich will nicht ins Heim', undefined],
    ['Nein, ich will nicht ins Heim.', undefined],
    ['Momentan pflege ich sie allein.', undefined],
  ])('%s → %s', (text, meant) => {
    expect(readCorrection(text, words)).toBe(meant);
  });

  test('without the lexicon only the built-in forms count', () => {
    expect(readCorrection('Moment, er hat Pflegegrad 3, nicht 2.')).toBeUndefined();
    expect(readCorrection('nein, ich meinte Pflegegrad 3')).toBe('Pflegegrad 3');
  });
});

describe('sums in words and sums already spent', () => {
  test.each<[string, number[]]>([
    ['wir haben schon tausend Euro ausgegeben', [1000]],
    ['we paid two thousand euros for a stand-in', [2000]],
    ['1.200 € und dann noch fünfhundert Euro', [1200, 500]],
    ['sie ist seit drei Jahren im Heim', []],
  ])('euroAmounts(%s) = %j', (text, amounts) => {
    expect(euroAmounts(text)).toEqual(amounts);
  });

  test('a story that tells what was used of a budget keeps the sum and the budget', () => {
    expect(spentFromText('Wir haben dieses Jahr schon 2.000 Euro für Verhinderungspflege ausgegeben.', ['respite'], undefined, table, DAY, words))
      .toEqual({ kind: 'respite', used: 2000 });
    expect(spentFromText('This year we already paid 1,000 euros for a stand-in carer.', [], 'respite', table, DAY, words)).toEqual({ kind: 'respite', used: 1000 });
  });

  test('no word that it was spent, no budget, or only the budget itself: nothing kept', () => {
    expect(spentFromText('Der Pflegedienst verlangt 2.000 Euro.', ['respite'], undefined, table, DAY, words)).toBeUndefined();
    expect(spentFromText('Wir haben 2.000 Euro ausgegeben.', [], undefined, table, DAY, words)).toBeUndefined();
    expect(spentFromText(`Es gibt ${budget.toLocaleString('de-DE')} Euro, davon haben wir nichts genutzt.`, ['respite'], undefined, table, DAY, words)).toBeUndefined();
  });

  test('"wie viel bleibt noch?" uses the sum told before, for the same budget only', () => {
    const told = { kind: 'respite' as const, used: 2000 };
    expect(remainderFromText('Wie viel bleibt uns noch?', [], 'respite', table, DAY, words, told)?.left).toBe(budget - 2000);
    expect(remainderFromText('Wie viel ist in dem Topf noch drin?', [], 'respite', table, DAY, words, told)?.left).toBe(budget - 2000);
    expect(remainderFromText('Wie viel bleibt uns noch?', [], 'relief', table, DAY, words, told)).toBeUndefined();
    // an amount in the message wins over the one told
    expect(remainderFromText('wir haben jetzt 3.000 € verbraucht, was bleibt?', [], 'respite', table, DAY, words, told)?.used).toBe(3000);
  });

  test('the thread shows the sum and forgets it with another person', () => {
    const thread = { lastTopic: 'respite', person: 'mother' as const, spent: { kind: 'respite' as const, used: 2000 } };
    expect(describeThread(thread)).toContain('spent=respite:2000');
    forgetOnPersonSwitch(thread, 'father');
    expect(thread.spent).toBeUndefined();
  });
});

describe('cost questions about an amount-by-grade topic', () => {
  const fu = (text: string, lastTopic: string): FollowUp | undefined =>
    resolveFollowUp({ text, facts: extractFacts(text), concepts: [], thread: { lastTopic }, words });
  test.each<[string, string, FollowUp | undefined]>([
    ['Was übernimmt die Kasse davon?', 'nursing_home', { kind: 'pronoun', topic: 'nursing_home' }],
    ['Was übernimmt die Kasse dafür?', 'daycare', { kind: 'pronoun', topic: 'daycare' }],
    ['Was zahlt die Kasse dann?', 'nursing_home', { kind: 'pronoun', topic: 'nursing_home' }],
    ['what does the fund pay for that?', 'in_kind', { kind: 'pronoun', topic: 'in_kind' }],
    // the budget topics keep the cost aspect: their answer is no amount by grade
    ['who pays for it?', 'respite', { kind: 'aspect', topic: 'respite', aspect: 'cost' }],
    ['Was kostet das?', 'emergency_call', { kind: 'aspect', topic: 'emergency_call', aspect: 'cost' }],
    // "dann" alone is no follow-up about money after a topic without an amount by grade
    ['Was zahlt die Kasse dann?', 'dementia', undefined],
    // where, at the place the thread knows ("bei uns", "close to us"), without a pointer word
    ['Gibt es so einen Dienst bei uns in der Nähe?', 'in_kind', { kind: 'aspect', topic: 'in_kind', aspect: 'where' }],
    ['is there one close to us?', 'daycare', { kind: 'aspect', topic: 'daycare', aspect: 'where' }],
    ['Wo ist das Rathaus?', 'daycare', undefined],
    // how it is billed or claimed
    ['Wie rechnet man das ab?', 'relief', { kind: 'aspect', topic: 'relief', aspect: 'billing' }],
    ['how do I claim it back?', 'relief', { kind: 'aspect', topic: 'relief', aspect: 'billing' }],
    ['Bis wann muss ich die Rechnungen einreichen?', 'respite', { kind: 'aspect', topic: 'respite', aspect: 'deadline' }],
  ])('%s after %s', (text, last, expected) => {
    expect(fu(text, last)).toEqual(expected);
  });
});

describe('topics an overview or an offer search leave in the thread', () => {
  test('overview settings: a nursing home or day care from the story is not asked again, "at home" is', () => {
    expect(overviewSettingOf('nursing_home')).toBe('nursing_home');
    expect(overviewSettingOf('daycare')).toBe('day_care');
    expect(overviewSettingOf('home')).toBeUndefined();
    expect(overviewSettingOf(undefined)).toBeUndefined();
  });

  test.each([['relatives', 'allowance'], ['home_care', 'in_kind'], ['day_care', 'daycare'], ['nursing_home', 'nursing_home']])('overview %s → %s', (setting, topic) => {
    expect(overviewTopic(setting)).toBe(topic);
  });

  test('an offer search stands for the money topic of its kind of help, else its only topic', () => {
    const answers = [{ id: 'daycare', offerCategory: 'daycare' }, { id: 'dementia_daycare', offerCategory: 'daycare' }, { id: 'meals', offerCategory: 'meals' },
      { id: 'a', offerCategory: 'x' }, { id: 'b', offerCategory: 'x' }, { id: 'c' }];
    expect(topicForCategory('daycare', answers)).toBe('daycare');
    expect(topicForCategory('meals', answers)).toBe('meals');
    expect(topicForCategory('x', answers)).toBeUndefined();
    expect(topicForCategory('none', answers)).toBeUndefined();
  });

  test('"and at grade 5??" after the overview is another grade', () => {
    expect(readAfterOverview('and at grade 5??', words)).toEqual({ kind: 'other', grade: 5, setting: undefined });
    expect(readAfterOverview('und bei Pflegegrad 4?', words)).toEqual({ kind: 'other', grade: 4, setting: undefined });
  });
});
