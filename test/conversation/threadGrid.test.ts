// Table tests of the thread rules added for the grid of follow-up kinds (issue 18, session 12): a
// changed condition and the sentences that speak to it, a short statement that corrects a fact, the
// change-over-time aspect, a declined offer with a question after it, money in the last answer's
// situation, a cost question with only a grade, a fact the last topic is about, shares in quarters.
import * as path from 'path';
import { afterDecline, aspectOf, conditionClause, resolveFollowUp, type FollowUp, type FollowUpInput } from '../../bot/conversation/followUp';
import { conditionSentences } from '../../bot/conversation/aspects';
import { percentFrom } from '../../bot/care/benefitsText';
import { extractFacts } from '../../bot/nlu/facts';
import { loadLexicon } from '../../bot/nlu/lexicon';
import { foldText } from '../../bot/nlu/normalise';
import type { LayeredAnswer } from '../../bot/knowledge/kb';
import type { AnswerContext } from '../../bot/conversation/answers';
import { ROOT as PROJECT_ROOT } from '../helpers/app';

const words = loadLexicon(path.join(PROJECT_ROOT, 'locales'));

function input(text: string, lastTopic: string, extra: Partial<FollowUpInput> = {}): FollowUpInput {
  return { text, facts: extractFacts(text), concepts: [], thread: { lastTopic }, words, ...extra };
}

describe('conditionClause', () => {
  test.each<[string, string | undefined]>([
    ['und wenn es länger dauert?', 'es langer dauert'],
    ['Und was ist, wenn sie verheiratet ist', 'sie verheiratet ist'],
    ['and if it takes longer?', 'it takes longer'],
    ['what if he moves in with us', 'he moves in with us'],
    // no condition opening
    ['wie lange dauert das?', undefined],
    ['if', undefined],
  ])('%s → %s', (text, clause) => {
    expect(conditionClause(foldText(text), words)).toBe(clause);
  });
});

describe('resolveFollowUp: grid kinds', () => {
  test.each<[string, string, Partial<FollowUpInput>, Partial<FollowUp> | undefined]>([
    // a changed condition without a topic of its own
    ['und wenn es länger dauert?', 'work_leave', {}, { kind: 'condition', clause: 'es langer dauert' }],
    ['and if it takes longer?', 'work_leave', {}, { kind: 'condition', clause: 'it takes longer' }],
    // the intent engine sure of another topic: no condition follow-up
    ['und wenn es länger dauert?', 'work_leave', { otherTopic: true }, undefined],
    // a share told in words is the combination's calculation, not a condition
    ['und wenn der Dienst nur ein Viertel braucht?', 'combination', {}, undefined],
    // a short statement that corrects a fact of the last answer
    ['die wohnt aber im heim', 'allowance', {}, { kind: 'elliptic', setting: 'nursing_home' }],
    ['sorry she is grade 2 actually', 'allowance', {}, { kind: 'elliptic', grade: 2 }],
    ['he lives in a care home tho', 'allowance', {}, { kind: 'elliptic', setting: 'nursing_home' }],
    // dementia alone, or colloquial "ne", is no correcting statement
    ['sie hat ne demenz', 'allowance', {}, undefined],
    ['sie hat aber demenz', 'allowance', {}, undefined],
    // how an amount changes over time
    ['wird das mit der Zeit mehr?', 'nursing_home', {}, { kind: 'aspect', aspect: 'change' }],
    ['does it go up later', 'nursing_home', {}, { kind: 'aspect', aspect: 'change' }],
    // money in the last answer's situation: the situation pointer points back
    ['krieg ich in der zeit geld', 'work_leave', {}, { kind: 'aspect', aspect: 'cost' }],
    ['do i get paid in that time', 'work_leave', { concepts: ['insurance_period'] }, { kind: 'aspect', aspect: 'cost' }],
    // a cost question with only a grade after a money topic: that topic at the grade
    ['how much does the fund pay at grade 2', 'daycare', {}, { kind: 'pronoun', topic: 'daycare', grade: 2 }],
    ['was zahlt die Kasse bei Pflegegrad 4?', 'daycare', { otherTopic: true }, { kind: 'pronoun', topic: 'daycare', grade: 4 }],
    // … but not when it names a topic of its own
    ['wie viel Pflegegeld bei Pflegegrad 4?', 'daycare', { concepts: ['care_allowance'] }, undefined],
    // a fact the last topic is about, no aspect: its sentences
    ['hat mein vater da anspruch, er hat 20000 gespart', 'nursing_home_allowance', { concepts: ['assets'], lastConcepts: new Set(['assets']) },
      { kind: 'related', concepts: ['assets'] }],
    // … not when it tells a date (the deadline's calculation takes it)
    ['Der Bescheid kam am 10. März', 'objection', { concepts: ['decision'], lastConcepts: new Set(['decision']), namesDate: () => true }, undefined],
    // … not when the intent engine is sure of another topic
    ['hat mein vater da anspruch, er hat 20000 gespart', 'nursing_home_allowance', { concepts: ['assets'], lastConcepts: new Set(['assets']), otherTopic: true }, undefined],
  ])('%s (after %s)', (text, last, extra, expected) => {
    const fu = resolveFollowUp(input(text, last, extra));
    if (expected === undefined) expect(fu).toBeUndefined();
    else expect(fu).toMatchObject(expected);
  });

  test('the change aspect comes before the amount words', () => {
    expect(aspectOf('wird das später mehr?', words)).toBe('change');
    expect(aspectOf('does that go up over time?', words)).toBe('change');
    expect(aspectOf('wie viel kostet das?', words)).toBe('cost');
  });
});

describe('afterDecline', () => {
  test.each<[string, string | undefined]>([
    ['nein danke. wie beantrage ich den', 'wie beantrage ich den'],
    ['Nee, danke, wer hilft mir beim Antrag?', 'wer hilft mir beim Antrag?'],
    ['no thanks, how do I apply?', 'how do I apply?'],
    ['no thank you', undefined],
    ['nein danke', undefined],
    ['nein, meine Mutter', undefined],
  ])('%s → %s', (text, rest) => {
    expect(afterDecline(text, words)).toBe(rest);
  });
});

describe('conditionSentences', () => {
  const text = (de: string) => ({ title: 'T', short: de, details: '', next: '' });
  const a = {
    id: 'x',
    de: text('Bis zu zehn Tage dürfen Sie der Arbeit fernbleiben. Die Pflegekasse zahlt Pflegeunterstützungsgeld. Für längere Zeiten gibt es die Pflegezeit. Die Pflegekasse entscheidet.'),
    en: text('You may stay off work for up to ten days. For longer periods there is care leave.'),
  } as unknown as LayeredAnswer;
  const ctx = { lang: 'de' } as unknown as AnswerContext;

  test('the sentence that shares a particular word of the clause', () => {
    expect(conditionSentences(a, 'es langer dauert', ctx)).toEqual(['Für längere Zeiten gibt es die Pflegezeit.']);
    expect(conditionSentences(a, 'it takes longer', { ...ctx, lang: 'en' })).toEqual(['For longer periods there is care leave.']);
  });

  test('a word many sentences name tells nothing; no particular word, no sentence', () => {
    // "Pflegekasse" is in two sentences (still particular), "Arbeit" in one; "Montag" in none
    expect(conditionSentences(a, 'er am montag kommt', ctx)).toEqual([]);
  });

  test('a concept counts like a word', () => {
    const conceptsOf = (s: string) => (/verheiratet|ehepaar/i.test(s) ? ['spouse'] : []);
    const b = { ...a, de: text('Vermögen bleibt bis 10.000 € geschützt. Für Ehepaare gelten 15.000 €.') } as unknown as LayeredAnswer;
    expect(conditionSentences(b, 'sie verheiratet ist', ctx, conceptsOf)).toEqual(['Für Ehepaare gelten 15.000 €.']);
  });
});

describe('percentFrom: shares in words', () => {
  test.each<[string, number | undefined]>([
    ['der Dienst braucht die Hälfte', 50],
    ['und wenn er nur ein Viertel braucht?', 25],
    ['drei Viertel der Sachleistung', 75],
    ['what if it takes a quarter?', 25],
    ['three quarters of the budget', 75],
    ['er kommt viermal die Woche', undefined],
  ])('%s → %s', (text, percent) => {
    expect(percentFrom(text, words)).toBe(percent);
  });
});
