// Table tests of the thread rules of session 18 (issue 18): "und wie lange am stück?", "how many weeks"
// ask how long a benefit lasts (aspect duration); a told grade with "Was steht ihr an Geld zu?" is that
// grade's benefits overview (toldGradeMoneyQuestion); "und für den Umbau vom Bad?" after an amount asks the
// named topic's amount (carriedAmountTopic); "ich mache den Rest selbst" is family care.
import * as path from 'path';
import { aspectOf, carriedAmountTopic } from '../../bot/conversation/followUp';
import { toldGradeMoneyQuestion } from '../../bot/conversation/route';
import type { Understanding } from '../../bot/conversation/understand';
import { settingFromText } from '../../bot/care/benefitsText';
import { loadLexicon } from '../../bot/nlu/lexicon';
import type { MessageFacts } from '../../bot/nlu/facts';
import { ROOT as PROJECT_ROOT } from '../helpers/app';

const words = loadLexicon(path.join(PROJECT_ROOT, 'locales'));

describe('aspect duration: how long a benefit may be used at a time', () => {
  test.each<[string, string | undefined]>([
    ['und wie lange am stück?', 'duration'],
    ['wie lange insgesamt?', 'duration'],
    ['wie viele wochen geht das?', 'duration'],
    ['how many weeks', 'duration'],
    ['how long at a time?', 'duration'],
    ['and for how long?', 'duration'],
    // guards: the time one has is a deadline, the start is from_when
    ['wie lange habe ich dafür zeit?', 'deadline'],
    ['how long do i have to object', 'deadline'],
    ['ab wann gilt das?', 'from_when'],
  ])('%s → %s', (text, aspect) => {
    expect(aspectOf(text, words)).toBe(aspect);
  });
});

describe('toldGradeMoneyQuestion: a told grade and "what money is there?" naming no topic', () => {
  const u = (facts: MessageFacts): Understanding => ({
    retrieval: { ranked: [], questions: [], concepts: [] } as unknown as Understanding['retrieval'], facts, strong: false, story: true, parts: [],
  } as unknown as Understanding);
  const none = () => [] as string[];
  test.each<[string, MessageFacts, object | undefined]>([
    ['Was steht ihr an Geld zu?', { grade: 3 }, { grade: 3, setting: undefined }],
    ['was steht uns jetzt eigentlich zu?', { grade: 2 }, { grade: 2, setting: undefined }],
    ['Welche Leistungen bekommt sie?', { grade: 4, setting: 'nursing_home' }, { grade: 4, setting: 'nursing_home' }],
    ['What money can she get?', { grade: 3 }, { grade: 3, setting: undefined }],
    ['what is my dad entitled to', { grade: 2, setting: 'daycare' }, { grade: 2, setting: 'day_care' }],
    // guards: no grade told; no money asked; a cost question of another kind
    ['Was steht ihr an Geld zu?', {}, undefined],
    // grade 1 keeps its own answer (the relief amount; the overview would ask the setting)
    ['Was für Geld steht ihr da überhaupt zu?', { grade: 1 }, undefined],
    ['Wie läuft die Begutachtung ab?', { grade: 3 }, undefined],
    ['Was kostet ein Heimplatz?', { grade: 3 }, undefined],
    ['how much does a nursing home cost', { grade: 3 }, undefined],
  ])('%s %j → %j', (q, facts, want) => {
    expect(toldGradeMoneyQuestion(u(facts), [q.toLowerCase()], words, none)).toEqual(want);
  });
  test('a question that names a topic is that topic\'s ("Welches Geld gibt es für den Umbau?")', () => {
    expect(toldGradeMoneyQuestion(u({ grade: 3 }), ['welches geld gibt es für den umbau?'], words, () => ['home_adaptation'])).toBeUndefined();
  });
});

describe('carriedAmountTopic: "und für X?" after an amount asks X\'s amount', () => {
  const base = { words, lastNamesAmount: true, lastTopic: 'respite', entryTopic: 'home_adaptation', entryNamesAmount: false, topicNamesAmount: true };
  test.each<[string, Partial<typeof base>, string | undefined]>([
    ['und für den umbau vom bad?', {}, 'home_adaptation'],
    ['and for the stairlift?', {}, 'home_adaptation'],
    ['und bei der Dusche?', {}, 'home_adaptation'],
    // guards: the last answer named no amount; the entry names one itself; the topic names none; the same
    // topic; an aspect of its own; no elliptic lead; longer than an elliptic question
    ['und für den umbau vom bad?', { lastNamesAmount: false }, undefined],
    ['und für den umbau vom bad?', { entryNamesAmount: true }, undefined],
    ['und für den umbau vom bad?', { topicNamesAmount: false }, undefined],
    ['und für den umbau vom bad?', { lastTopic: 'home_adaptation' }, undefined],
    ['und wer stellt den antrag für den umbau?', {}, undefined],
    ['Brauche ich für den Umbau die Erlaubnis des Vermieters?', {}, undefined],
    ['und für den umbau vom bad in unserer mietwohnung, braucht man da die erlaubnis?', {}, undefined],
  ])('%s %j → %s', (text, over, want) => {
    expect(carriedAmountTopic({ ...base, ...over, text })).toBe(want);
  });
});

describe('the family setting: "ich mache den Rest selbst"', () => {
  test.each<[string, string | undefined]>([
    ['Ich arbeite halbtags und mache den Rest selbst.', 'relatives'],
    ['we do the rest ourselves', 'relatives'],
    // guard: the rest of a sentence is no setting
    ['Den Rest erzähle ich später.', undefined],
  ])('%s → %s', (text, want) => {
    expect(settingFromText(text, words)).toBe(want);
  });
});
