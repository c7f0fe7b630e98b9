// Table tests of the thread rules of session 15 (issue 18): a statement that corrects the grade may
// tell a little more and open with "stimmt nicht", "quatsch", "that's wrong"; a particle inside an
// aspect's phrase ("darf ich den Antrag eigentlich für sie stellen") no longer hides it and does not
// count as a word; a bare "und wie lange?" / "how long?" asks how long it takes; a sentence on what must
// be done within one month is no answer to how long something takes; a who question that asks where it
// goes ("wo beantrage ich das?") is answered by a sentence naming the office first.
import * as path from 'path';
import { aspectOf, resolveFollowUp, withoutFillers, type FollowUpInput } from '../../bot/conversation/followUp';
import { aspectsToTry } from '../../bot/conversation/aspects';
import { extractFacts } from '../../bot/nlu/facts';
import { foldText } from '../../bot/nlu/normalise';
import { loadLexicon } from '../../bot/nlu/lexicon';
import { ROOT as PROJECT_ROOT } from '../helpers/app';

const words = loadLexicon(path.join(PROJECT_ROOT, 'locales'));

function input(text: string, lastTopic: string, extra: Partial<FollowUpInput> = {}): FollowUpInput {
  return { text, facts: extractFacts(text), concepts: [], thread: { lastTopic }, words, ...extra };
}

describe('resolveFollowUp: a statement that corrects the grade re-asks the last question', () => {
  test.each<[string, string, number]>([
    ['ach quatsch, die oma hat doch grad 2 seit dem sommer', 'respite_grade1', 2],
    ['stimmt nicht ganz, er hat pflegegrad 5', 'in_kind', 5],
    ['stimmt so nicht, sie ist seit letztem monat in pflegegrad 4', 'nursing_home', 4],
    ['thats wrong, she has grade 3 since the summer', 'allowance', 3],
    ['not quite, he got grade 4 in the spring', 'daycare', 4],
  ])('%s after %s → elliptic, grade %s', (text, last, grade) => {
    expect(resolveFollowUp(input(text, last))).toMatchObject({ kind: 'elliptic', topic: last, grade });
  });

  test.each<[string]>([
    // guards: a question is no correcting statement; a long story is no correction
    ['stimmt das, dass es bei pflegegrad 3 mehr gibt?'],
    ['aber sie hat grad 3 und wohnt seit dem sommer ganz allein in ihrer kleinen wohnung hier'],
    // no grade: nothing to re-ask with
    ['quatsch, das glaube ich nicht'],
  ])('%s → not elliptic', (text) => {
    expect(resolveFollowUp(input(text, 'allowance'))?.kind).not.toBe('elliptic');
  });
});

describe('withoutFillers and aspectOf: a particle inside the phrase', () => {
  test.each<[string, string]>([
    ['darf ich den antrag eigentlich für sie stellen', 'darf ich den antrag fur sie stellen'],
    ['can i actually apply for her', 'can i apply for her'],
    ['wie lange denn?', 'wie lange ?'],
    ['verfällt das', 'verfallt das'],
  ])('%s → %s', (text, bare) => {
    expect(withoutFillers(text, words)).toBe(bare);
  });

  test.each<[string, string | undefined]>([
    ['darf ich den antrag eigentlich für sie stellen oder muss sie das unbedingt selber machen', 'who'],
    ['can i actually apply for her or does she have to do it herself', 'who'],
    ['und wie lange?', 'duration'],
    ['wie lange denn', 'duration'],
    ['how long?', 'duration'],
    ['and how long', 'duration'],
    ['wie lange brauchen die dafür', 'duration'],
    ['ok and how long till we hear back', 'duration'],
    // guards: the time one has is a deadline; "wie lange" inside a longer question is not bare
    ['wie lange hab ich zeit', 'deadline'],
    ['how long do i have', 'deadline'],
    ['wie lange ist sie schon krank', undefined],
  ])('%s → %s', (text, aspect) => {
    expect(aspectOf(text, words)).toBe(aspect);
  });
});

describe('resolveFollowUp: long follow-ups that point back, and how long it takes', () => {
  test.each<[string, string, string]>([
    ['und wie lange?', 'apply', 'duration'],
    ['how long does that take', 'objection', 'duration'],
    ['darf ich den antrag eigentlich für sie stellen oder muss sie das unbedingt selber machen', 'apply', 'who'],
    ['can i actually apply for her or does she have to do it herself', 'apply', 'who'],
  ])('%s after %s → aspect %s', (text, last, aspect) => {
    expect(resolveFollowUp(input(text, last))).toMatchObject({ kind: 'aspect', topic: last, aspect });
  });
});

describe('answer_duration: how long it takes, not what must be done within a month', () => {
  test.each<[string, boolean]>([
    ['An objection should be decided within three months.', true],
    ['As a rule, the care fund has to decide within 25 working days of the application.', true],
    ['you can lodge a written objection (Widerspruch) within one month of receiving it.', false],
    ['Object within a month of the decision.', false],
    ['Über einen Widerspruch soll innerhalb von drei Monaten entschieden werden.', true],
  ])('%s → %s', (sentence, answers) => {
    expect(words.has('answer_duration', foldText(sentence))).toBe(answers);
  });
});

describe('aspectsToTry and answer_office: where it goes, then who applies', () => {
  test.each<[string, string[]]>([
    ['wo beantrage ich das', ['office', 'who']],
    ['und an wen schick ich den', ['office', 'who']],
    ['where do i apply for it', ['office', 'who']],
    ['who do i send it to', ['office', 'who']],
    // guards: who applies is no question about the office
    ['wer stellt den antrag', ['who']],
    ['can i apply for her', ['who']],
  ])('%s → %j', (text, order) => {
    expect(aspectsToTry('who', text, words)).toEqual(order);
  });

  test('another aspect is tried alone', () => {
    expect(aspectsToTry('cost', 'wo beantrage ich das', words)).toEqual(['cost']);
  });

  test.each<[string, boolean]>([
    ['Den Antrag auf einen Pflegegrad stellen Sie bei der Pflegekasse, die zu Ihrer Krankenkasse gehört.', true],
    ['Seit 2026 müssen Sie die Kosten der Verhinderungspflege spätestens bis zum Ende des folgenden Kalenderjahres bei der Pflegekasse einreichen.', true],
    ['Since 2026 you must claim respite care costs from the care fund by the end of the following calendar year at the latest.', true],
    // guards: the fund paying, or an application without an office
    ['Übernehmen nahe Verwandte die Vertretung, zahlt die Pflegekasse bis zum Doppelten des Pflegegeldes.', false],
    ['Für die Verhinderungspflege brauchen Sie keinen vorherigen Antrag und keine Vorpflegezeit mehr.', false],
  ])('%s → %s', (sentence, names) => {
    expect(words.has('answer_office', foldText(sentence))).toBe(names);
  });
});
