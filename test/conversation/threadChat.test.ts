// Table tests of the thread rules added for chat-style conversations (issue 18, session 11): which
// deadline reading a message gets, the consequence and "where to apply" aspects, an amount follow-up
// after a money question entry, the grade's topic after an answer that does not depend on it, and the
// sentence a story's question points at.
import * as path from 'path';
import { aspectOf, resolveFollowUp, situatedQuestion, type FollowUp, type FollowUpInput } from '../../bot/conversation/followUp';
import { asksForTime, deadlineReading, deadlineRule } from '../../bot/conversation/answerFirst';
import { topicForGrade } from '../../bot/conversation/thread';
import { sentences } from '../../bot/conversation/aspects';
import { extractFacts } from '../../bot/nlu/facts';
import { loadLexicon } from '../../bot/nlu/lexicon';
import { ROOT as PROJECT_ROOT } from '../helpers/app';

const words = loadLexicon(path.join(PROJECT_ROOT, 'locales'));

function input(text: string, lastTopic: string, extra: Partial<FollowUpInput> = {}): FollowUpInput {
  return { text, facts: extractFacts(text), concepts: [], thread: { lastTopic }, words, ...extra };
}

describe('deadlineReading', () => {
  test.each<[string, string, 'rule' | 'guess' | undefined]>([
    // a story that asks nothing and names no time rule: the deadline topic is a guess
    ['Ich pflege meine Frau seit drei Jahren (Pflegegrad 3) und bräuchte mal zwei Wochen Pause.', 'deadline', 'guess'],
    ['I have looked after my husband for two years and need a week off.', 'deadline', 'guess'],
    // a question about a time is the rule
    ['Wie lange habe ich Zeit für einen Widerspruch?', 'deadline', 'rule'],
    ['Ab wann gibt es Geld?', 'deadline', 'rule'],
    ['How long do I have to object?', 'deadline', 'rule'],
    // a question of any kind keeps the deadline topic's rule
    ['Was muss ich jetzt tun?', 'deadline', 'rule'],
    // the objection topic: a time question gets the rule, another question the topic
    ['Die Kasse hat abgelehnt. Wie lange habe ich Zeit, dagegen vorzugehen?', 'objection', 'rule'],
    ['how long do we have to appeal?', 'objection', 'rule'],
    ['Wie schreibe ich einen Widerspruch?', 'objection', undefined],
    ['Wie lange habe ich Zeit?', 'allowance', undefined],
  ])('%s (%s) → %s', (text, intent, reading) => {
    expect(deadlineReading(intent, text, words)).toBe(reading);
  });

  test('a time in a story is no time question; a date or notice is', () => {
    expect(asksForTime('Wir pflegen sie seit zwei Jahren zu Hause.', words)).toBe(false);
    expect(asksForTime('Der Bescheid kam am 3.11.', words)).toBe(true);
    expect(asksForTime('Bis wann muss das raus?', words)).toBe(true);
  });

  test('read as the objection topic, the rule is the objection deadline even when it names a decision', () => {
    expect(deadlineRule('how long do i have to challenge the care grade decision', words, true)).toEqual({ topic: 'objection', aspect: 'deadline', kind: 'objection' });
    expect(deadlineRule('how long do i have to challenge the care grade decision', words).topic).toBe('apply');
  });
});

describe('aspects: consequence, and where to apply', () => {
  test.each<[string, string | undefined]>([
    ['und was passiert, wenn wir das nicht machen?', 'consequence'],
    ['Was passiert, falls er den Termin verpasst?', 'consequence'],
    ['what happens if we skip it?', 'consequence'],
    ["what if we don't do it?", 'consequence'],
    // where to apply asks who and where the application goes, not for offers
    ['wo beantrage ich das?', 'who'],
    ['Wo stelle ich den Antrag?', 'who'],
    ['where do I apply for it?', 'who'],
    ['wo gibt es das?', 'where'],
    ['where is the nearest one?', 'where'],
  ])('%s → %s', (text, aspect) => {
    expect(aspectOf(text, words)).toBe(aspect);
  });

  test('a consequence question after an answer is about that answer, also when another topic is likelier', () => {
    expect(resolveFollowUp(input('was passiert, wenn wir das nicht machen?', 'counselling_visit'))).toEqual({ kind: 'aspect', topic: 'counselling_visit', aspect: 'consequence' });
    expect(resolveFollowUp(input('what happens if we skip it?', 'counselling_visit', { otherTopic: true }))).toEqual({ kind: 'aspect', topic: 'counselling_visit', aspect: 'consequence' });
  });
});

describe('an amount follow-up after a money topic or one of its question entries', () => {
  test.each<[string, string, string | undefined, FollowUp | undefined]>([
    ['und wie viel darf der Dienst maximal abrechnen?', 'combination_service_starts', 'combination', { kind: 'pronoun', topic: 'combination', grade: undefined }],
    ['and how much can the service bill at most?', 'combination_service_starts', 'combination', { kind: 'pronoun', topic: 'combination', grade: undefined }],
    ['und wie viel bei Pflegegrad 4?', 'daycare_on_top', 'daycare', { kind: 'elliptic', topic: 'daycare_on_top', grade: 4, setting: undefined, person: undefined }],
    // the entry's topic is no money topic by grade: no amount follow-up
    ['und wie viel darf das kosten?', 'relief_carry_over', 'relief', undefined],
    // without a word that continues the thread it is a question of its own
    ['Wie viel darf ich dazuverdienen?', 'combination_service_starts', 'combination', undefined],
  ])('%s after %s → %j', (text, last, parent, expected) => {
    const got = resolveFollowUp(input(text, last, { lastParent: parent }));
    if (expected?.kind === 'pronoun') expect(got).toEqual(expected);
    else if (expected) expect(got).toMatchObject({ kind: expected.kind, topic: expected.topic });
    else expect(got?.kind === 'pronoun' ? got : undefined).toBeUndefined();
  });
});

describe('topicForGrade with the last grade-dependent answer', () => {
  const usesGrade = (id: string) => ['allowance', 'daycare'].includes(id);
  test.each<[string, string[] | undefined, string | undefined, string]>([
    // "who applies for it?" answered by the application topic: a grade told next is about the allowance
    ['apply', undefined, 'allowance', 'allowance'],
    // the further answers of the last message come first
    ['apply', ['daycare'], 'allowance', 'daycare'],
    // the last answer depends on the grade itself
    ['daycare', undefined, 'allowance', 'daycare'],
    // nothing depended on the grade before
    ['apply', undefined, undefined, 'apply'],
  ])('%s, also %j, grade topic %s → %s', (last, also, gradeTopic, topic) => {
    expect(topicForGrade(last, also, usesGrade, gradeTopic)).toBe(topic);
  });
});

describe('situatedQuestion', () => {
  const story = 'Meine Tante (Pflegegrad 2) wohnt bei uns. Weil ich wieder arbeite, kommt ab Mai ein Pflegedienst. Fällt das Pflegegeld dann weg? Wir brauchen es.';
  test('a question with "dann" is read with the last clause of the sentence before it', () => {
    expect(situatedQuestion(sentences(story), 'Fällt das Pflegegeld dann weg?', words)).toBe('kommt ab Mai ein Pflegedienst. Fällt das Pflegegeld dann weg?');
  });
  test('English "then", with a short last clause: the whole sentence before', () => {
    const en = sentences('My aunt has grade 2. From May a care service comes. Is the allowance cut then?');
    expect(situatedQuestion(en, 'Is the allowance cut then?', words)).toBe('From May a care service comes. Is the allowance cut then?');
  });
  test('a question that points at nothing, or comes first, is not', () => {
    expect(situatedQuestion(sentences('Meine Tante wohnt bei uns. Was ist eine Tagespflege?'), 'Was ist eine Tagespflege?', words)).toBeUndefined();
    expect(situatedQuestion(sentences('Fällt das Pflegegeld dann weg? Ein Dienst kommt.'), 'Fällt das Pflegegeld dann weg?', words)).toBeUndefined();
  });
});
