// Table tests of the thread rules of session 14 (issue 18): the colloquial "wie lange hab ich Zeit"
// asks the deadline; "wem muss ich das sagen", "who do i tell" ask who is told or applies (the answer's
// next step names the employer, the fund); "und nach einem Jahr", "after two years" ask how the last
// answer changes over time; "muss das schriftlich sein", "can I do it by phone" ask the form;
// "was kostet das uns", "does it cost us anything" ask what the family pays itself; one slip of the
// keyboard in "Pflegegrad" still names the grade.
import * as path from 'path';
import { aspectOf, resolveFollowUp, type FollowUpInput } from '../../bot/conversation/followUp';
import { extractFacts } from '../../bot/nlu/facts';
import { extractGrade } from '../../bot/nlu/grade';
import { loadLexicon } from '../../bot/nlu/lexicon';
import { ROOT as PROJECT_ROOT } from '../helpers/app';

const words = loadLexicon(path.join(PROJECT_ROOT, 'locales'));

function input(text: string, lastTopic: string, extra: Partial<FollowUpInput> = {}): FollowUpInput {
  return { text, facts: extractFacts(text), concepts: [], thread: { lastTopic }, words, ...extra };
}

describe('aspectOf: colloquial deadline, who is told, change over the years', () => {
  test.each<[string, string | undefined]>([
    ['wie lange hab ich zeit', 'deadline'],
    ['wie lange hab ich denn dafür', 'deadline'],
    ['wie lange habe ich zeit', 'deadline'],
    ['wem muss ich das sagen', 'who'],
    ['wem sag ich bescheid', 'who'],
    ['wen muss ich informieren', 'who'],
    ['who do i tell', 'who'],
    ['who should we inform', 'who'],
    ['und nach einem jahr', 'change'],
    ['und nach zwei jahren?', 'change'],
    ['wird es je länger sie da ist weniger', 'change'],
    ['and after a year?', 'change'],
    ['what about after two years', 'change'],
    ['does it get cheaper the longer she stays', 'change'],
    ['muss das schriftlich sein', 'form'],
    ['reicht auch ein anruf', 'form'],
    ['muss ich das schriftlich beantragen', 'form'],
    ['does it have to be in writing', 'form'],
    ['can i do that by phone', 'form'],
    ['und was kostet das uns', 'own_share'],
    ['müssen wir da noch was dazu zahlen', 'own_share'],
    ['does it cost us anything', 'own_share'],
    ['will we have to pay anything', 'own_share'],
    // guards: the fund's cost stays cost; where to apply stays who
    ['was kostet das', 'cost'],
    ['wo beantrage ich das', 'who'],
    // guards: no aspect in a plain statement of time
    ['sie ist seit einem jahr im heim', undefined],
    ['wie lange dauert das', 'duration'],
  ])('%s → %s', (text, aspect) => {
    expect(aspectOf(text, words)).toBe(aspect);
  });
});

describe('resolveFollowUp: the new aspect words read against the last answer', () => {
  test.each<[string, string, string]>([
    ['wie lange hab ich zeit', 'objection', 'deadline'],
    ['and who do i tell', 'work_leave', 'who'],
    ['wem muss ich bescheid sagen', 'work_leave', 'who'],
    ['und nach einem jahr', 'nursing_home', 'change'],
    ['and after two years?', 'nursing_home', 'change'],
    ['muss das schriftlich sein', 'objection', 'form'],
    ['does it have to be in writing?', 'objection', 'form'],
    ['und was kostet das uns', 'respite', 'own_share'],
  ])('%s after %s → aspect %s', (text, last, aspect) => {
    expect(resolveFollowUp(input(text, last))).toEqual({ kind: 'aspect', topic: last, aspect });
  });

  test('the intent engine sure of another topic does not stop a short deadline question', () => {
    expect(resolveFollowUp(input('wie lange hab ich zeit', 'objection', { otherTopic: true }))).toEqual({ kind: 'aspect', topic: 'objection', aspect: 'deadline' });
  });
});

describe('extractGrade: one slip in "Pflegegrad"', () => {
  test.each<[string, number | undefined]>([
    ['wieviel pflegegeld bei pflegegard 4', 4],
    ['plfegegrad 3', 3],
    ['sie hat pflegegrd 2', 2],
    ['Pfelgegrad 5', 5],
    ['pflegegrda 1', 1],
    // guards: the right word, and no grade without a number 1–5
    ['Pflegegrad 3', 3],
    ['pflegegard 7', undefined],
    ['pflegegard beantragen', undefined],
  ])('%s → %s', (text, grade) => {
    expect(extractGrade(text)).toBe(grade);
  });
});

describe('extractFacts: a slip in "Heim" after a preposition', () => {
  test.each<[string, string | undefined]>([
    ['und im hiem', 'nursing_home'],
    ['und wenn sie ins hiem kommt', 'nursing_home'],
    ['und im heim', 'nursing_home'],
    // guards: "hiem" alone is no setting
    ['hiem', undefined],
  ])('%s → %s', (text, setting) => {
    expect(extractFacts(text).setting).toBe(setting);
  });
});
