// Table tests of the thread rules of session 15b (issue 18): a grade told after an answer that does not
// depend on it re-asks the money topic the question named ("Tagespflege bei Pflegegrad 1?" answered by an
// entry of the grade-1 topic → "nee, er hat Grad 4" is day care at grade 4), a question entry of a topic by
// grade keeps its own topic; "nein, nicht 2, papa hat grad 4" is a correction (the rejected part may be a
// lone number); what a benefit may be spent on is an aspect of its own ("wofür kann ich das nehmen?",
// "what can we spend it on"), answered by the sentences that say what it pays for.
import * as path from 'path';
import { aspectOf, readCorrection, resolveFollowUp, withAllowanceAlone, type FollowUpInput } from '../../bot/conversation/followUp';
import { askedMoneyTopic, topicForGrade } from '../../bot/conversation/thread';
import { extractFacts } from '../../bot/nlu/facts';
import { foldText } from '../../bot/nlu/normalise';
import { loadLexicon } from '../../bot/nlu/lexicon';
import { ROOT as PROJECT_ROOT } from '../helpers/app';

const words = loadLexicon(path.join(PROJECT_ROOT, 'locales'));

function input(text: string, lastTopic: string, extra: Partial<FollowUpInput> = {}): FollowUpInput {
  return { text, facts: extractFacts(text), concepts: [], thread: { lastTopic }, words, ...extra };
}

describe('askedMoneyTopic: the one money topic a question names', () => {
  test.each<[string[], string | undefined]>([
    [['grade', 'daycare', 'grade1'], 'daycare'],
    [['respite', 'grade'], 'respite'],
    [['short_term_care'], 'respite'],
    [['care_allowance', 'application'], 'allowance'],
    [['nursing_home'], 'nursing_home'],
    // several: no guess
    [['care_allowance', 'care_service'], undefined],
    // the relief amount is the same at every grade; the application names no money topic
    [['relief_amount'], undefined],
    [['application', 'grade'], undefined],
  ])('%j → %s', (concepts, topic) => {
    expect(askedMoneyTopic(concepts)).toBe(topic);
  });

  // no concept read (a typo): the intent engine's best money topic with a fair score
  test.each<[{ intent: string; score: number }[], string | undefined]>([
    [[{ intent: 'grade1', score: 0.57 }, { intent: 'respite', score: 0.42 }], 'respite'],
    [[{ intent: 'apply', score: 0.9 }, { intent: 'allowance', score: 0.05 }], undefined],
    [[{ intent: 'objection', score: 0.8 }], undefined],
  ])('no concepts, ranked %j → %s', (ranked, topic) => {
    expect(askedMoneyTopic([], ranked)).toBe(topic);
  });

  test('concepts come first: a named topic is not replaced by the engine\'s guess', () => {
    expect(askedMoneyTopic(['daycare'], [{ intent: 'respite', score: 0.9 }])).toBe('daycare');
    expect(askedMoneyTopic(['care_allowance', 'care_service'], [{ intent: 'respite', score: 0.9 }])).toBeUndefined();
  });
});

describe('topicForGrade with the question\'s own money topic', () => {
  const usesGrade = (id: string) => ['allowance', 'daycare', 'in_kind', 'nursing_home'].includes(id);
  test.each<[string, string | undefined, string | undefined, string | undefined, string]>([
    // "Tagespflege bei Pflegegrad 1?" answered by an entry of the grade-1 topic: day care
    ['daycare_grade1', undefined, 'daycare', 'grade1', 'daycare'],
    // the question's topic is newer than an earlier answer's
    ['grade1', 'allowance', 'respite', undefined, 'respite'],
    // a question entry of a topic by grade: that entry (the caller answers its topic)
    ['allowance_pension', 'nursing_home', 'daycare', 'allowance', 'allowance_pension'],
    // the last answer depends on the grade itself
    ['in_kind', undefined, 'daycare', undefined, 'in_kind'],
    // no topic named: as before
    ['apply', 'allowance', undefined, undefined, 'allowance'],
    ['apply', undefined, undefined, undefined, 'apply'],
  ])('%s (grade topic %s, asked %s, parent %s) → %s', (last, gradeTopic, asked, parent, topic) => {
    expect(topicForGrade(last, undefined, usesGrade, gradeTopic, asked, parent)).toBe(topic);
  });

  test('the further answers of the last message still come first', () => {
    expect(topicForGrade('relief_who_gets', ['allowance'], usesGrade, undefined, 'daycare')).toBe('allowance');
  });
});

describe('readCorrection: "nein, nicht 2, …"', () => {
  test.each<[string, string | undefined]>([
    ['nein, nicht 2, papa hat grad 4', 'papa hat grad 4'],
    ['no, not 3, mum has grade 4', 'mum has grade 4'],
    ['nein, nicht meine Mutter, mein Vater', 'mein Vater'],
    // guards
    ['nein, das ist nicht 2', undefined],
  ])('%s → %s', (text, meant) => {
    expect(readCorrection(text, words)).toBe(meant);
  });
});

describe('aspectOf: what a benefit may be spent on', () => {
  test.each<[string]>([
    ['und wofür kann ich das nehmen?'],
    ['für was darf man den betrag verwenden'],
    ['wofür darf ich das geld eigentlich ausgeben'],
    ['was kann ich davon bezahlen'],
    ['what can i use it for'],
    ['what can we spend the money on?'],
    ['what is it for'],
    ['what can it be used for'],
  ])('%s → use', (text) => {
    expect(aspectOf(text, words)).toBe('use');
  });

  test.each<[string, string | undefined]>([
    // other aspects keep their reading
    ['can i save it for next year', 'expiry'],
    ['wie viel geld gibt es dafür', 'cost'],
    ['wofür brauche ich einen pflegegrad', undefined],
  ])('%s → %s', (text, aspect) => {
    expect(aspectOf(text, words)).toBe(aspect);
  });

  test('after the relief amount it is an aspect of the last answer, also when the intent engine guesses another topic', () => {
    expect(resolveFollowUp(input('für was kann ich den einsetzen', 'relief_who_gets', { otherTopic: true }))).toEqual({ kind: 'aspect', topic: 'relief_who_gets', aspect: 'use' });
    expect(resolveFollowUp(input('what can we spend it on', 'relief'))).toEqual({ kind: 'aspect', topic: 'relief', aspect: 'use' });
  });
});

describe('answer_use: the sentences that say what a benefit pays for', () => {
  test.each<[string, boolean]>([
    ['Bezahlt werden können zum Beispiel anerkannte Angebote zur Unterstützung im Alltag.', true],
    ['Der Entlastungsbetrag erstattet Kosten für Tages- oder Nachtpflege.', true],
    ['Nutzen können Sie ihn aber zusätzlich für einen anerkannten Haushaltsdienst.', true],
    ['It can pay, for example, for approved everyday support services.', true],
    ['It reimburses invoices for approved help.', true],
    // not what it is for: when it expires
    ['Nicht genutzte Beträge verfallen erst am 30. Juni des Folgejahres.', false],
    ['Unused amounts can be used up until 30 June of the following year.', false],
  ])('%s → %s', (sentence, says) => {
    expect(words.has('answer_use', foldText(sentence))).toBe(says);
  });
});

describe('withAllowanceAlone: "the allowance" alone in a follow-up is the care allowance', () => {
  test.each<[string, string[], string[]]>([
    ['do we still get the allowance then', [], ['care_allowance']],
    ['does she keep her allowance while she is there', [], ['care_allowance']],
    ['do we still get the allowance then', ['spouse'], ['spouse', 'care_allowance']],
    // another allowance is another concept and keeps its reading
    ['how much is the tax allowance', ['tax'], ['tax']],
    ['is the rent allowance affected', ['housing_benefit'], ['housing_benefit']],
    // already named, or no determiner right before it
    ['and the care allowance?', ['care_allowance'], ['care_allowance']],
    ['what about my tax allowance', [], []],
  ])('%s %j → %j', (text, concepts, out) => {
    expect(withAllowanceAlone(text, concepts, words)).toEqual(out);
  });
});

describe('words that passed only by a rotated part of the reply before', () => {
  // "gibt es sowas bei uns?" after what day care is: a where-question at the thread's place (not the
  // allowance for care at home that "bei uns" would otherwise set)
  test.each<[string, string | undefined]>([
    ['gibt es sowas bei uns?', 'where'],
    ['gibt es so eine auch hier in der nähe', 'where'],
    ['is there one around here?', 'where'],
    ['gibt es das auch bei pflegegrad 1', undefined],
  ])('aspectOf: %s → %s', (text, aspect) => {
    expect(aspectOf(text, words)).toBe(aspect);
  });

  test('"gibt es sowas bei uns?" after day care is the where aspect, not the allowance at home', () => {
    const fu = resolveFollowUp(input('gibt es sowas bei uns?', 'daycare'));
    expect(fu).toEqual({ kind: 'aspect', topic: 'daycare', aspect: 'where' });
  });

  // "in der Zeit" asks about another benefit in the last answer's situation, without a word for the effect
  // ("trotzdem" as an effect word read story questions as situated: real-own2-content-b ocb-01 fell)
  test('"kriegen wir in der zeit trotzdem pflegegeld" after respite is related to its situation', () => {
    expect(resolveFollowUp(input('kriegen wir in der zeit trotzdem pflegegeld', 'respite', { concepts: ['care_allowance'] })))
      .toMatchObject({ kind: 'related', topic: 'respite', concepts: ['care_allowance'] });
  });
});

test('a new question in a conversation without "in der Zeit" or an effect word stays no related question', () => {
  expect(resolveFollowUp(input('kriegen wir trotzdem pflegegeld', 'respite', { concepts: ['care_allowance'] }))?.kind).not.toBe('related');
});
