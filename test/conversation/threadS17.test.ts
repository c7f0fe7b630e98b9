// Table tests of the thread rules of session 17 (issue 18): a typo'd money topic ("kurzzeitpflgee",
// "verhinderungspflge", "respit") names its concept by one slip (slipConcepts); a told grade with an amount
// question answers the asked money topic (toldGradeAmountTopic); "und wenn die nochmal nein sagen?" asks
// what follows a second refusal (aspect refused); "wie lang dauert es bis wir Bescheid kriegen" is the wait
// for the decision; a duty's deadline ("within 2 weeks it must offer counselling") does not answer how long
// the procedure takes; "ups, ich meinte grad 3" is a correction.
import * as fs from 'fs';
import * as path from 'path';
import { aspectOf, readCorrection } from '../../bot/conversation/followUp';
import { slipConcepts } from '../../bot/conversation/slipConcepts';
import { MONEY_CONCEPT_IDS, toldGradeAmountTopic } from '../../bot/conversation/thread';
import { deadlineRule } from '../../bot/conversation/answerFirst';
import { foldText } from '../../bot/nlu/normalise';
import { loadLexicon } from '../../bot/nlu/lexicon';
import type { ConceptsFile } from '../../bot/knowledge/schema';
import { ROOT as PROJECT_ROOT } from '../helpers/app';

const words = loadLexicon(path.join(PROJECT_ROOT, 'locales'));
const concepts = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'knowledge', 'concepts.json'), 'utf8')) as ConceptsFile;

describe('slipConcepts: one slip in a money topic word still names its concept', () => {
  test.each<[string, 'de' | 'en', string[]]>([
    ['kurzzeitpflgee nach dem krankenhaus für meine oma, pflegegrad 2', 'de', ['short_term_care']],
    ['kurzeitpflege nach der reha', 'de', ['short_term_care']],
    ['verhinderungspflge wie viel bekommt man da', 'de', ['respite']],
    ['tagespflge für meinen vater', 'de', ['daycare']],
    ['pflegegled bei grad 3', 'de', ['care_allowance']],
    ['respit care when i go into hospital', 'en', ['respite']],
    // guards: the exact word is the lexicon's own reading; an ending or a short word is no slip
    ['kurzzeitpflege nach dem krankenhaus', 'de', []],
    ['das wollen wir verhindern', 'de', []],
    ['sie hat pflegegrad 3', 'de', []],
    ['wie viel pflegegeld gibt es', 'de', []],
    ['sie ist im heim', 'de', []],
    ['how much is the care allowance', 'en', []],
  ])('%s (%s) → %j', (text, lang, expected) => {
    expect(slipConcepts(text, lang, concepts, MONEY_CONCEPT_IDS)).toEqual(expected);
  });
  test('no lexicon, no concepts', () => {
    expect(slipConcepts('kurzzeitpflgee', 'de', undefined, MONEY_CONCEPT_IDS)).toEqual([]);
  });
});

describe('toldGradeAmountTopic: a told grade and an amount question answer the asked money topic', () => {
  const base = { grade: 3, asksAmount: true, concepts: ['care_service'], otherTopics: false, entryNamesAmount: false };
  test.each<[string, Partial<Parameters<typeof toldGradeAmountTopic>[0]>, string | undefined]>([
    ['the service named, an assessment entry chosen', { entryTopic: 'assessment' }, 'in_kind'],
    ['the nursing home named, no entry', { concepts: ['nursing_home', 'costs'], grade: 4 }, 'nursing_home'],
    ['a typo: the intent engine\'s money topic', { concepts: [], ranked: [{ intent: 'respite', score: 0.9 }] }, 'respite'],
    // guards
    ['no grade told', { grade: undefined }, undefined],
    ['grade 1: most money topics start at 2', { grade: 1 }, undefined],
    ['no amount asked', { asksAmount: false }, undefined],
    ['the entry already names the amount at the grade', { entryNamesAmount: true }, undefined],
    ['the entry belongs to the asked topic', { entryTopic: 'in_kind' }, undefined],
    ['the question names a topic of another kind (assets, aids)', { otherTopics: true }, undefined],
    ['two money topics named', { concepts: ['care_service', 'daycare'] }, undefined],
  ])('%s', (_name, over, expected) => {
    expect(toldGradeAmountTopic({ ...base, ...over })).toBe(expected);
  });
});

describe('aspect refused: what follows a second no (and expiry: what if we do not spend it)', () => {
  test.each<[string, string | undefined]>([
    ['und wenn die dann nochmal nein sagen?', 'refused'],
    ['und falls die wieder nein sagen, was dann', 'refused'],
    ['und was ist wenn sie den widerspruch auch ablehnen', 'refused'],
    ['and if they say no again?', 'refused'],
    ['what if they reject it again', 'refused'],
    ['and if they turn us down again?', 'refused'],
    // not spending it is whether it lapses, before "was ist, wenn … nicht" reads as a consequence
    ['und was ist wenn wir den nicht ausgeben', 'expiry'],
    ['and if we dont use it this year?', 'expiry'],
    // guards: other aspects keep their reading
    ['was passiert, wenn wir das nicht machen?', 'consequence'],
    ['wie lange habe ich dafür zeit?', 'deadline'],
    ['what happens if we skip it', 'consequence'],
  ])('%s → %s', (text, aspect) => {
    expect(aspectOf(text, words)).toBe(aspect);
  });
  test.each<[string, boolean]>([
    ['Bleibt die Pflegekasse bei ihrer Entscheidung, können Sie beim Sozialgericht klagen.', true],
    ['If the care fund sticks to its decision, you can take the case to the social court (Sozialgericht).', true],
    // "issued" holds "sue", "courtesy" holds "court": words, not parts of words
    ['It goes to the office that issued the decision.', false],
    ['Der Widerspruch kostet nichts.', false],
  ])('answer sentence: %s → %s', (sentence, fits) => {
    expect(words.has('answer_refused', foldText(sentence))).toBe(fits);
  });
});

describe('durations: the wait for the decision, not a duty\'s deadline', () => {
  test.each<[string, string]>([
    ['wie lang dauert es denn bis wir bescheid kriegen', 'assessment_decision_time'],
    ['wie lange dauert es bis zum Bescheid?', 'assessment_decision_time'],
    ['how long does it take until we hear back', 'assessment_decision_time'],
  ])('%s → %s', (text, topic) => {
    expect(deadlineRule(text, words).topic).toBe(topic);
  });
  test.each<[string, boolean]>([
    ['Innerhalb von 2 Wochen muss sie Ihnen eine kostenlose Pflegeberatung anbieten.', true],
    ['Within 2 weeks it must offer you free care counselling.', true],
    ['Die Pflegekasse muss in der Regel innerhalb von 25 Arbeitstagen nach dem Antrag entscheiden.', false],
    ['The care fund must usually decide within 25 working days of the application.', false],
  ])('duty: %s → %s', (sentence, duty) => {
    expect(words.has('duty_deadline', foldText(sentence))).toBe(duty);
  });
  test('"wie lang dauert" is a duration like "wie lange dauert"', () => {
    expect(aspectOf('wie lang dauert das', words)).toBe('duration');
  });
});

describe('readCorrection: an apology word before "ich meinte"', () => {
  test.each<[string, string | undefined]>([
    ['ups, ich meinte grad 3', 'grad 3'],
    ['oops, i meant grade 4', 'grade 4'],
    ['hoppla, ich meinte die tagespflege', 'die tagespflege'],
    ['sorry, ich meinte grad 5', 'grad 5'],
    // guard: no correction
    ['ups', undefined],
  ])('%s → %s', (text, rest) => {
    expect(readCorrection(text, words)).toBe(rest);
  });
});
