// Table tests of the follow-up rules (bot/conversation/followUp.ts), the thread's update rules
// (thread.ts) and the deadline rule that is answered before the date dialog (answerFirst.ts).
import { aspectOf, mainClause, pointsBack, readCorrection, resolveFollowUp, type FollowUp, type FollowUpInput } from '../../bot/conversation/followUp';
import { describeThread, forgetOnPersonSwitch, rememberFacts, topicForSetting, type ConversationThread } from '../../bot/conversation/thread';
import { asksAboutOrAnything, bareStatement, deadlineRule } from '../../bot/conversation/answerFirst';
import { aspectCandidates } from '../../bot/conversation/aspects';
import { extractFacts } from '../../bot/nlu/facts';
import * as path from 'path';
import { loadLexicon } from '../../bot/nlu/lexicon';
import { ROOT as PROJECT_ROOT } from '../helpers/app';

const lexicon = loadLexicon(path.join(PROJECT_ROOT, 'locales'));
const words = lexicon;

/** the input as the router builds it; concepts as the concept lexicon names them */
function input(text: string, lastTopic: string | undefined, concepts: string[] = [], extra: Partial<FollowUpInput> = {}): FollowUpInput {
  return { text, facts: extractFacts(text), concepts, thread: { lastTopic }, words, ...extra };
}

describe('resolveFollowUp', () => {
  test.each<[string, string, string[], FollowUp | undefined]>([
    // elliptic: the last topic again, with the new grade or setting
    ['und bei 4?', 'allowance', [], { kind: 'elliptic', topic: 'allowance', grade: 4, setting: undefined, person: undefined }],
    ['Und bei Pflegegrad 5?', 'daycare', ['grade'], { kind: 'elliptic', topic: 'daycare', grade: 5, setting: undefined, person: undefined }],
    ['what about grade 3?', 'allowance', [], { kind: 'elliptic', topic: 'allowance', grade: 3, setting: undefined, person: undefined }],
    ['and for grade two?', 'in_kind', [], { kind: 'elliptic', topic: 'in_kind', grade: 2, setting: undefined, person: undefined }],
    ['und im Heim?', 'allowance', ['nursing_home'], { kind: 'elliptic', topic: 'nursing_home', grade: undefined, setting: 'nursing_home', person: undefined }],
    ['and in a nursing home?', 'in_kind', ['nursing_home'], { kind: 'elliptic', topic: 'nursing_home', grade: undefined, setting: 'nursing_home', person: undefined }],
    ['und zu Hause?', 'nursing_home', [], { kind: 'elliptic', topic: 'allowance', grade: undefined, setting: 'home', person: undefined }],
    ['und bei meinem Vater?', 'respite', [], { kind: 'elliptic', topic: 'respite', grade: undefined, setting: undefined, person: 'father' }],
    // pronouns: the last topic, with the grade the question names
    ['Und was zahlt die Kasse dafür bei Pflegegrad 4?', 'daycare', ['grade'], { kind: 'pronoun', topic: 'daycare', grade: 4, setting: undefined }],
    ['How much is it with care grade 2?', 'in_kind', ['grade'], { kind: 'pronoun', topic: 'in_kind', grade: 2, setting: undefined }],
    // aspects of the last answer
    ["Does it expire if I don't use it?", 'relief', [], { kind: 'aspect', topic: 'relief', aspect: 'expiry' }],
    ['Verfällt das, wenn ich es nicht nutze?', 'relief', [], { kind: 'aspect', topic: 'relief', aspect: 'expiry' }],
    // "save" names the savings concept, but "save it up" asks whether the benefit expires
    ["can I save it up if I don't spend it?", 'relief', ['assets'], { kind: 'aspect', topic: 'relief', aspect: 'expiry' }],
    ['How much savings can she keep?', 'relief', ['assets'], undefined],
    // carrying it into the next year asks the same, also typed in a hurry ("nxt")
    ['can i save it for nxt year?', 'relief', ['assets'], { kind: 'aspect', topic: 'relief', aspect: 'expiry' }],
    ['can we keep the rest until next year?', 'relief', [], { kind: 'aspect', topic: 'relief', aspect: 'expiry' }],
    ['Kann ich das ins nächste Jahr mitnehmen?', 'relief', [], { kind: 'aspect', topic: 'relief', aspect: 'expiry' }],
    ['Was kostet das?', 'meals', [], { kind: 'aspect', topic: 'meals', aspect: 'cost' }],
    ['Who pays for it?', 'meals', ['invoice'], { kind: 'aspect', topic: 'meals', aspect: 'cost' }],
    ['Ab wann?', 'allowance', [], { kind: 'aspect', topic: 'allowance', aspect: 'from_when' }],
    ['Bis wann muss ich das machen?', 'objection', [], { kind: 'aspect', topic: 'objection', aspect: 'deadline' }],
    ['Wer stellt den Antrag?', 'respite', ['application'], { kind: 'aspect', topic: 'respite', aspect: 'who' }],
    ['Where can I get it?', 'emergency_call', [], { kind: 'aspect', topic: 'emergency_call', aspect: 'where' }],
    // no follow-up: a topic of its own, nothing answered yet, or nothing new
    ['Wer zahlt das Pflegeheim?', 'allowance', ['nursing_home', 'invoice'], undefined],
    ['Kann ich das mit der Tagespflege kombinieren?', 'allowance', ['daycare', 'combination'], undefined],
    ['Wie lange habe ich Zeit für einen Widerspruch?', 'allowance', ['objection'], undefined],
    ['und bei 4?', undefined as unknown as string, [], undefined],
    ['und?', 'allowance', [], undefined],
    ['Was kostet eine Tagespflege?', 'allowance', ['daycare'], undefined],
    ['Was ist das Wetter morgen?', 'meals', [], undefined],
  ])('%s (after %s)', (text, last, concepts, expected) => {
    expect(resolveFollowUp(input(text, last, concepts))).toEqual(expected);
  });

  test('a place with a pointer asks where: the local help of that topic', () => {
    const text = 'Gibt es das auch in Saarn?';
    const facts = extractFacts(text, { detectStadtteil: (t) => (/saarn/i.test(t) ? 'saarn' : undefined) });
    expect(resolveFollowUp({ text, facts, concepts: [], thread: { lastTopic: 'daycare' }, words })).toEqual({ kind: 'aspect', topic: 'daycare', aspect: 'where' });
  });

  test('what remains of a correction may be elliptic without "und"', () => {
    expect(resolveFollowUp(input('grade 3', 'allowance', [], { corrected: true }))).toEqual({ kind: 'elliptic', topic: 'allowance', grade: 3, setting: undefined, person: undefined });
    expect(resolveFollowUp(input('grade 3', 'allowance'))).toBeUndefined();
  });

  test("a concept the last answer's topic is about stays a question about that answer; any other makes a new topic", () => {
    const respite = new Set(['respite', 'deadline', 'reimbursement']);
    const q = 'Bis wann muss ich die Rechnungen einreichen?';
    expect(resolveFollowUp(input(q, 'respite', ['reimbursement'], { lastConcepts: respite }))).toEqual({ kind: 'aspect', topic: 'respite', aspect: 'deadline' });
    expect(resolveFollowUp(input(q, 'respite', ['reimbursement']))).toBeUndefined();
    expect(resolveFollowUp(input(q, 'respite', ['reimbursement', 'wheelchair'], { lastConcepts: respite }))).toBeUndefined();
  });

  test.each<[string, string, string[], FollowUp | undefined]>([
    // another benefit in the last answer's situation: that answer's sentences about it
    ['Bekommt sie in der Zeit weiter ihr Pflegegeld?', 'respite', ['care_allowance'], { kind: 'related', topic: 'respite', concepts: ['care_allowance'], pointer: true }],
    ['Does he keep getting his care allowance during that time?', 'respite', ['care_allowance'], { kind: 'related', topic: 'respite', concepts: ['care_allowance'], pointer: true }],
    ['Will his care allowance be stopped while he is in the care home?', 'respite', ['care_allowance', 'nursing_home'], { kind: 'related', topic: 'respite', concepts: ['care_allowance'], pointer: true }],
    ["Is her care allowance cut while she's away?", 'respite', ['care_allowance'], { kind: 'related', topic: 'respite', concepts: ['care_allowance'], pointer: true }],
    ['Wird dann das Pflegegeld gekürzt?', 'daycare', ['care_allowance'], { kind: 'related', topic: 'daycare', concepts: ['care_allowance'] }],
    // naming another benefit without asking how the situation affects it is a question of its own
    ['Wie beantrage ich Pflegegeld?', 'respite', ['care_allowance', 'application'], undefined],
    ['Wie viel Pflegegeld gibt es bei Pflegegrad 3?', 'respite', ['care_allowance', 'grade'], undefined],
    // a setting with a topic of its own, after a topic that is not about money: that setting
    ['what about day care for her?', 'dementia', ['daycare'], { kind: 'elliptic', topic: 'daycare', grade: undefined, setting: 'daycare', person: undefined }],
    ['und im Heim?', 'dementia', ['nursing_home'], { kind: 'elliptic', topic: 'nursing_home', grade: undefined, setting: 'nursing_home', person: undefined }],
    // "zu Hause" names the property concept too; the setting fact explains it
    ['und wenn sie zu Hause bleibt?', 'nursing_home', ['house', 'home_care'], { kind: 'elliptic', topic: 'allowance', grade: undefined, setting: 'home', person: undefined }],
    // "Rechnungen" (costs) asks about an aspect, not a topic of its own
    ['Bis wann muss ich die Rechnungen einreichen?', 'respite', ['costs'], { kind: 'aspect', topic: 'respite', aspect: 'deadline' }],
    ['und für meinen Mann?', 'allowance', ['spouse'], { kind: 'elliptic', topic: 'allowance', grade: undefined, setting: undefined, person: 'spouse' }],
  ])('%s (after %s)', (text, last, concepts, expected) => {
    expect(resolveFollowUp(input(text, last, concepts))).toEqual(expected);
  });

  test('a conditional clause tells a fact; the main clause asks about its setting', () => {
    const text = 'Und falls er bei der nächsten Begutachtung Pflegegrad 3 bekommt – was würde die Kasse dann für die Tagespflege zahlen?';
    expect(mainClause(text)).toBe('was würde die Kasse dann für die Tagespflege zahlen?');
    expect(resolveFollowUp(input(text, 'grade1', ['daycare'], { conditional: true }))).toEqual({ kind: 'elliptic', topic: 'daycare', grade: 3, setting: 'daycare', person: undefined });
    // the conditional's own concepts would have made it a topic of its own
    expect(resolveFollowUp(input(text, 'grade1', ['assessment', 'daycare']))).toBeUndefined();
    expect(mainClause('Wie viel Pflegegeld gibt es?')).toBeUndefined();
  });

  test('the intent engine sure of another topic wins over a longer aspect question, not over a short one', () => {
    expect(resolveFollowUp(input('Wie viel Geld bekommt man da so im Monat?', 'respite', [], { otherTopic: true }))).toBeUndefined();
    expect(resolveFollowUp(input('Wer stellt den Antrag?', 'respite', ['application'], { otherTopic: true }))).toEqual({ kind: 'aspect', topic: 'respite', aspect: 'who' });
  });
});

test.each<[string, string | undefined]>([
  ['nein, ich meinte die Kurzzeitpflege', 'die Kurzzeitpflege'],
  ['Nein ich meine Pflegegrad 3', 'Pflegegrad 3'],
  ['no, I meant short-term care', 'short-term care'],
  ['sorry, I meant grade 4', 'grade 4'],
  ['Ich meinte eigentlich die Tagespflege', 'die Tagespflege'],
  ['nein', undefined],
  ['Was meinte der Arzt damit?', undefined],
  // an apology or a short message that sets one thing against another
  ['sorry, grade 2 not 3', 'grade 2'],
  ['Entschuldigung, Pflegegrad 4, nicht 3', 'Pflegegrad 4'],
  ['Mein Vater, nicht meine Mutter', 'Mein Vater'],
  ['oops, day care rather than the nursing home', 'day care'],
  ['Sorry, noch eine Frage: was ist Pflegegeld?', undefined],
  ['Ich will nicht ins Heim', undefined],
  ['Warum zahlt die Kasse für die Tagespflege nicht mehr als 721 Euro?', undefined],
])('readCorrection(%s) = %s', (text, rest) => {
  expect(readCorrection(text)).toBe(rest);
});

test.each<[string, string | undefined]>([
  ['Verfällt das Geld?', 'expiry'],
  ['Can I carry it over to next year?', 'expiry'],
  ['Seit wann gilt das?', 'from_when'],
  ['Wie lange habe ich Zeit?', 'deadline'],
  ['Ist das kostenlos?', 'cost'],
  ['Bei wem beantrage ich das?', 'who'],
  ['Wo gibt es das?', 'where'],
  ['Was ist das?', undefined],
  // the word lists are folded like the text: with or without umlauts
  ['Verfaellt das?', 'expiry'],
  ['Verfallt das?', 'expiry'],
  ['wie lange dauert das?', 'duration'],
  ['how long does it take?', 'duration'],
  ['How long do I have?', 'deadline'],
  ['muss ich das zurückzahlen?', 'repay'],
  ['Muss ich das zurueckzahlen?', 'repay'],
  ['do we have to pay it back?', 'repay'],
  ['Wer zahlt dafür?', 'cost'],
  ['is it free?', 'cost'],
  ['wo bekomme ich den?', 'where'],
])('aspectOf(%s) = %s', (text, aspect) => {
  expect(aspectOf(text, words)).toBe(aspect);
});

test.each<[string, boolean]>([
  ['Was zahlt die Kasse dafür?', true],
  ['Ist das kostenlos?', true],
  ['Das gilt auch für mich?', true],
  ['does it expire?', true],
  ['Was ist das Wetter morgen?', false],
  ['Wie beantrage ich Pflegegeld?', false],
])('pointsBack(%s) = %s', (text, expected) => {
  expect(pointsBack(text, words)).toBe(expected);
});

describe('thread', () => {
  test('a story fills the thread; a later fact replaces an earlier one, a missing one erases nothing', () => {
    const t: ConversationThread = {};
    expect(rememberFacts(t, extractFacts('Meine Mutter hat Demenz und Pflegegrad 3 und lebt bei uns zu Hause.', { detectStadtteil: () => 'saarn' }))).toEqual(['grade', 'stadtteil', 'setting', 'person', 'dementia']);
    expect(t).toEqual({ grade: 3, stadtteil: 'saarn', setting: 'home', person: 'mother', dementia: true });
    expect(rememberFacts(t, extractFacts('Jetzt zieht sie ins Pflegeheim.'))).toEqual(['setting']);
    expect(rememberFacts(t, extractFacts('Was kostet das?'))).toEqual([]);
    expect(t).toEqual({ grade: 3, stadtteil: 'saarn', setting: 'nursing_home', person: 'mother', dementia: true });
    // a hospital stay is not where the person is cared for
    expect(rememberFacts(t, extractFacts('Sie liegt gerade im Krankenhaus.'))).toEqual([]);
    expect(describeThread({ lastTopic: 'relief', ...t })).toBe('topic=relief grade=3 setting=nursing_home person=mother dementia stadtteil=saarn');
    expect(describeThread({})).toBe('(empty)');
  });

  test('another person: the grade, setting and dementia told so far are forgotten', () => {
    const t: ConversationThread = { lastTopic: 'allowance', grade: 2, setting: 'home', person: 'mother', dementia: true, stadtteil: 'saarn' };
    expect(forgetOnPersonSwitch(t, 'mother')).toBe(false);
    expect(forgetOnPersonSwitch(t, undefined)).toBe(false);
    expect(t.grade).toBe(2);
    expect(forgetOnPersonSwitch(t, 'father')).toBe(true);
    expect(t).toEqual({ lastTopic: 'allowance', grade: undefined, setting: undefined, person: 'mother', dementia: undefined, stadtteil: 'saarn' });
  });

  test.each<[string, string | undefined, string]>([
    ['allowance', 'nursing_home', 'nursing_home'],
    ['in_kind', 'daycare', 'daycare'],
    ['nursing_home', 'home', 'allowance'],
    ['allowance', 'home', 'allowance'],
    ['dementia', 'nursing_home', 'dementia'],
    ['allowance', undefined, 'allowance'],
  ])('topicForSetting(%s, %s) = %s', (topic, setting, expected) => {
    expect(topicForSetting(topic, setting as never)).toBe(expected);
  });
});

test.each<[string, ReturnType<typeof deadlineRule>]>([
  ['Wie lange habe ich Zeit für einen Widerspruch?', { topic: 'objection', aspect: 'deadline', kind: 'objection' }],
  ['Ab wann gibt es Geld, ab Antrag oder ab Bescheid?', { topic: 'apply', aspect: 'from_when', kind: 'decision' }],
  ['Wie lange darf die Kasse für die Entscheidung brauchen?', { topic: 'apply', aspect: 'deadline', kind: 'decision' }],
  ['How long do I have to appeal?', { topic: 'objection', aspect: 'deadline', kind: 'objection' }],
  ['From when is the money paid?', { topic: 'apply', aspect: 'from_when', kind: 'decision' }],
  // how long the wait for the notice takes: the decision's time rule, not the objection deadline
  ['Wie lange dauert es bis zum Bescheid?', { topic: 'assessment_decision_time', aspect: 'duration', kind: 'decision' }],
  ['how long does it take until we get the decision?', { topic: 'assessment_decision_time', aspect: 'duration', kind: 'decision' }],
  // the notice after an objection is the objection's
  ['Wie lange dauert es nach dem Widerspruch bis zum Bescheid?', { topic: 'objection', aspect: 'deadline', kind: 'objection' }],
])('deadlineRule(%s)', (text, rule) => {
  expect(deadlineRule(text, lexicon)).toEqual(rule);
});

test.each<[string, boolean]>([
  ['Meine Mutter hat Pflegegrad 3 und wohnt bei mir.', false],
  ['My dad has care grade 2 and lives with us.', false],
  ['Meine Mutter hat Pflegegrad 2 bekommen, ist das richtig', true],
  ['what score is needed for care grade 3', true],
  ['Mein Vater hat Pflegegrad 2. Kann man das höher einstufen lassen', true],
  ['Pflegegrad 3, was steht uns zu?', true],
  ['I want to test which care level I might receive', true],
  ['ab wieviel punkten hat man pflegegrad 2', true],
  ['Ich möchte prüfen, ob Pflegegrad 2 passt', true],
])('asksAboutOrAnything(%s) = %s', (text, expected) => {
  expect(asksAboutOrAnything(text, lexicon)).toBe(expected);
});

test.each<[string, string | undefined, string[], string[], string[]]>([
  // the last answer, its topic, then the siblings retrieval ranked, best first
  ['work_leave_pay', 'work', ['work_loan', 'work_notice', 'work_leave_pay'], ['work_loan', 'other_topic_entry'], ['work_leave_pay', 'work', 'work_loan']],
  ['work', 'work', ['work_loan'], ['work_loan'], ['work', 'work_loan']],
  // a sibling retrieval did not rank is about something else
  ['relief', 'relief', ['relief_carry_over'], [], ['relief']],
  ['x', undefined, [], ['y'], ['x']],
])('aspectCandidates(%s, %s)', (last, topic, siblings, ranked, expected) => {
  expect(aspectCandidates(last, topic, siblings, ranked)).toEqual(expected);
});

test.each<[string, 'de' | 'en' | undefined, boolean]>([
  ['Mein Schwiegervater hat Pflegegrad 4 und wohnt in Saarn.', 'de', true],
  ['My mother lives with me. She was assessed at grade 2.', 'en', true],
  ['Meine Mutter hat Pflegegrad 3, was steht ihr zu?', 'de', false],
  ['Mein Vater hat Pflegegrad 2, wir suchen einen Pflegedienst.', 'de', false],
  ['Bescheid kam am 3.5., Pflegegrad 2.', 'de', false],
  ['Dad has grade 3 and we need help at home.', 'en', false],
])('bareStatement(%s) = %s', (text, lang, expected) => {
  expect(bareStatement(text, words, lang)).toBe(expected);
});

test('"was" is a question word in German only', () => {
  expect(asksAboutOrAnything('She was assessed at grade 2.', lexicon, 'en')).toBe(false);
  expect(asksAboutOrAnything('Pflegegrad 2, was nun', lexicon, 'de')).toBe(true);
});
