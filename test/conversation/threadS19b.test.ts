// Table tests of the thread rules of session 19b (issue 18): "she lives in our house and my husband and i do all
// the caring. is that what we get?" after the care allowance tells that the family cares; the last sentence only
// asks what they get, so the statement before it is read (the care allowance at the thread's grade), and "house"
// names the home, not a property topic.
import * as path from 'path';
import { resolveFollowUp, statementBeforeWhatWeGet, type FollowUpInput } from '../../bot/conversation/followUp';
import { extractFacts } from '../../bot/nlu/facts';
import { loadLexicon } from '../../bot/nlu/lexicon';
import { ROOT as PROJECT_ROOT } from '../helpers/app';

const words = loadLexicon(path.join(PROJECT_ROOT, 'locales'));

function input(text: string, lastTopic: string, extra: Partial<FollowUpInput> = {}): FollowUpInput {
  return { text, facts: extractFacts(text), concepts: [], thread: { lastTopic }, words, ...extra };
}

describe('a last sentence that only asks what one gets', () => {
  test.each<[string, string]>([
    ['she lives in our house and my husband and i do all the caring. is that what we get?', 'she lives in our house and my husband and i do all the caring.'],
    ['i look after him myself, what does he get then?', 'i look after him myself,'],
    ['wir kümmern uns um alles. was bekommt sie jetzt?', 'wir kümmern uns um alles.'],
    ['ich pflege sie selbst, was bekommen wir dann', 'ich pflege sie selbst,'],
    // guards: a question of its own stays, and so does a message without a statement before it
    ['i look after him, can i get a pension for that?', 'i look after him, can i get a pension for that?'],
    ['what does she get then?', 'what does she get then?'],
    ['ich pflege sie. was bekommt sie an pflegehilfsmitteln?', 'ich pflege sie. was bekommt sie an pflegehilfsmitteln?'],
  ])('%s → %s', (text, statement) => {
    expect(statementBeforeWhatWeGet(text, words)).toBe(statement);
  });
});

describe('the family cares, told with "what do we get?"', () => {
  test.each<[string, string, string[]]>([
    ['she lives in our house and my husband and i do all the caring. is that what we get?', 'allowance', ['house']],
    ['he lives with us and i look after him. what does he get then?', 'in_kind', ['home_care']],
    ['er wohnt bei uns im haus und wir kümmern uns um alles. was bekommt er jetzt?', 'allowance', ['house']],
  ])('%s after %s → the care allowance', (text, last, concepts) => {
    expect(resolveFollowUp(input(text, last, { concepts }))).toMatchObject({ kind: 'elliptic', topic: 'allowance' });
  });

  test.each<[string, string, string[]]>([
    // guards: another question after the statement, a care home, the house with no family caring
    ['i look after him. can i get a pension for that?', 'allowance', ['carer', 'pension']],
    ['she is in a care home and i look after her. is that what we get?', 'allowance', ['nursing_home']],
    ['we want to sell her house. is that what we get?', 'allowance', ['house']],
  ])('%s after %s → not the allowance rule', (text, last, concepts) => {
    const fu = resolveFollowUp(input(text, last, { concepts }));
    expect(fu?.kind === 'elliptic' && fu.topic === 'allowance').toBe(false);
  });
});

describe('the carers named in the story are no person cared for', () => {
  test.each<[string, string, string | undefined]>([
    ['she lives in our house and my husband and i do all the caring. is that what we get?', 'allowance', undefined],
    ['also er wohnt bei uns und meine frau und ich kümmern uns um alles', 'allowance', undefined],
    // guard: the person cared for, named alone, is kept
    ['my husband lives with us and i look after him', 'allowance', 'spouse'],
  ])('%s after %s → person %s', (text, last, person) => {
    const fu = resolveFollowUp(input(text, last, { concepts: ['home_care'] }));
    expect(fu).toMatchObject({ kind: 'elliptic', topic: 'allowance' });
    expect(fu?.kind === 'elliptic' ? fu.person : 'none').toBe(person);
  });
});
