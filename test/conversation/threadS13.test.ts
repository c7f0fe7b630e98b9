// Table tests of the thread rules of session 13 (issue 18): several people who need care ("beide",
// "both", "auch einen Pflegegrad") ask what the last answer says for several people; a relative the
// facts do not carry ("Tante", "uncle") with a grade is the person of an elliptic question, not a topic;
// "und mit Pflegedienst?" after a money topic is the service benefit; a question typed into the place
// prompt is about the kind of help searched for; "bis wann kann ich das noch nutzen" asks about expiry;
// "muss man da was selber zahlen" asks what the family pays itself.
import * as path from 'path';
import { aspectOf, resolveFollowUp, type FollowUp, type FollowUpInput } from '../../bot/conversation/followUp';
import { asksInPrompt } from '../../bot/conversation/cues';
import { bareStatement } from '../../bot/conversation/answerFirst';
import { aspectSentences } from '../../bot/conversation/aspects';
import { extractFacts } from '../../bot/nlu/facts';
import { loadLexicon } from '../../bot/nlu/lexicon';
import type { LayeredAnswer } from '../../bot/knowledge/kb';
import type { AnswerContext } from '../../bot/conversation/answers';
import { ROOT as PROJECT_ROOT } from '../helpers/app';

const words = loadLexicon(path.join(PROJECT_ROOT, 'locales'));

function input(text: string, lastTopic: string, extra: Partial<FollowUpInput> = {}): FollowUpInput {
  return { text, facts: extractFacts(text), concepts: [], thread: { lastTopic }, words, ...extra };
}

describe('aspectOf: several people and use-by questions', () => {
  test.each<[string, string | undefined]>([
    ['meine Schwiegereltern haben beide Pflegegrad 2 – zählt das doppelt?', 'several'],
    ['was ist wenn beide pflegebedürftig sind', 'several'],
    ['und wenn mein Mann auch einen Pflegegrad bekommt?', 'several'],
    ['both of them need care, is it more then', 'several'],
    ['my dad also has a grade now', 'several'],
    ['bis wann kann ich den noch nutzen', 'expiry'],
    ['till when can i use it', 'expiry'],
    ['muss man das vorher beantragen?', 'who'],
    ['do we have to apply beforehand', 'who'],
    // what the family pays itself, before the fund's cost
    ['und was müssen wir selber bezahlen', 'own_share'],
    ['zahlt man da was aus eigener tasche', 'own_share'],
    ['do we have to pay anything ourselves', 'own_share'],
    ['what is the own share', 'own_share'],
    ['was zahlt die Kasse?', 'cost'],
    // one person, no several
    ['sie hat Pflegegrad 2', undefined],
  ])('%s → %s', (text, aspect) => {
    expect(aspectOf(text, words)).toBe(aspect);
  });
});

describe('resolveFollowUp: session 13 kinds', () => {
  test.each<[string, string, Partial<FollowUpInput>, Partial<FollowUp> | undefined]>([
    // several people: the last answer's sentences about them, also when the intent engine guesses another topic
    ['die haben beide einen pflegegrad, gibts dann mehr', 'home_adaptation', { otherTopic: true }, { kind: 'aspect', aspect: 'several' }],
    ['und wenn meine Schwiegereltern beide einen Pflegegrad haben', 'home_adaptation', {}, { kind: 'aspect', aspect: 'several' }],
    ['what if both of my grandparents live there and both have a grade', 'home_adaptation', {}, { kind: 'aspect', aspect: 'several' }],
    // another person alone is still elliptic
    ['und bei meinem Vater?', 'allowance', {}, { kind: 'elliptic', person: 'father' }],
    // a relative the facts do not carry, with a grade: elliptic at that grade
    ['und bei meinem onkel, der hat grad 4', 'allowance', { concepts: ['distant_relative'] }, { kind: 'elliptic', topic: 'allowance', grade: 4 }],
    ['and for my aunt, she is grade 5', 'in_kind', { concepts: ['distant_relative'] }, { kind: 'elliptic', topic: 'in_kind', grade: 5 }],
    // without a grade the relative is the question's own topic (leave for distant relatives)
    ['und bei meinem onkel?', 'work_leave', { concepts: ['distant_relative'], lastConcepts: new Set(['work_leave']) }, undefined],
    // "und mit Pflegedienst?" after a money topic: the service benefit, grade kept from the thread
    ['und zuhause mit pflegedienst', 'daycare', { concepts: ['home_care', 'care_service'] }, { kind: 'elliptic', topic: 'in_kind' }],
    ['and with a care service at home?', 'nursing_home', { concepts: ['care_service'] }, { kind: 'elliptic', topic: 'in_kind' }],
    // a care service named after a topic that is no money topic is a topic of its own
    ['und mit pflegedienst?', 'dementia', { concepts: ['care_service'] }, undefined],
    // what the family pays itself after a money topic: that aspect, also in a question of five words or more
    ['muss man da denn was selber zahlen', 'daycare', {}, { kind: 'aspect', aspect: 'own_share' }],
    ['do we pay for anything ourselves there', 'respite', {}, { kind: 'aspect', aspect: 'own_share' }],
    // use-by question after the relief amount
    ['bis wann kann ich das noch nutzen', 'relief', {}, { kind: 'aspect', aspect: 'expiry' }],
  ])('%s after %s', (text, last, extra, want) => {
    const got = resolveFollowUp(input(text, last, extra));
    if (want === undefined) expect(got).toBeUndefined();
    else expect(got).toMatchObject(want);
  });
});

describe('asksInPrompt: a question instead of a place', () => {
  test.each<[string, boolean]>([
    ['kostet das was', true],
    ['was kostet das denn ungefähr', true],
    ['wer bezahlt das?', true],
    ['how much is it', true],
    ['who applies for that', true],
    // a where-question or a place is an attempt at the place
    ['wo ist das', false],
    ['Saarn', false],
    ['in der Nähe vom Hauptbahnhof', false],
    // a long story is no short question about the prompt's subject
    ['ich weiß nicht genau, meine mutter wohnt mal bei mir und mal bei meiner schwester, was das kostet ist auch unklar', false],
  ])('%s → %s', (text, want) => {
    expect(asksInPrompt(text, words)).toBe(want);
  });
});

describe('aspectSentences: several people', () => {
  const answer = {
    id: 'x',
    de: { title: 'Umbau', short: 'Die Kasse zahlt bis zu 4.180 € je Maßnahme. Leben mehrere Pflegebedürftige zusammen, sind bis zu 16.720 € möglich.', details: 'Der Antrag geht an die Pflegekasse.', next: 'Beraten lassen.' },
    en: { title: 'Adaptation', short: 'The fund pays up to €4,180 per measure. If several people who need care live together, up to €16,720 is possible.', details: 'Apply to the care fund.', next: 'Get advice.' },
  } as unknown as LayeredAnswer;
  test.each<['de' | 'en', RegExp]>([['de', /16\.720/], ['en', /16,720/]])('%s: the sentence about several people', (lang, want) => {
    const ctx = { lang } as AnswerContext;
    const got = aspectSentences(answer, 'several', ctx, words);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(want);
  });
});

describe('bareStatement: a grade dispute told as a statement wants the objection', () => {
  test.each<[string, boolean]>([
    ['die Pflegekasse hat uns nur Pflegegrad 2 gegeben, wir wollten 3', false],
    ['Mama wurde zu niedrig eingestuft, sie hat jetzt Grad 1', false],
    ['they only gave her grade 2, we expected 3', false],
    // a statement of the grade alone is still a bare statement
    ['Meine Oma wohnt allein in Styrum und hat Pflegegrad 2.', true],
  ])('%s → %s', (text, want) => {
    expect(bareStatement(text, words, text.match(/they|grade/) ? 'en' : 'de')).toBe(want);
  });
});
