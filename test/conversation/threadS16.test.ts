// Table tests of the thread rules of session 16 (issue 18): a correction that names another money topic
// changes the topic, not the grade ("nein, ich meinte die Tagespflege", "no sorry i meant day care, not the
// home"); a follow-up in which the person moves (back) home or into a home changes the setting, also in a
// longer conditional ("und wenn er wieder zu uns nach Hause zieht und ich ihn selbst pflege?", "what if she
// moves in with us?"); a setting the answer to the setting prompt denies is not its setting ("sie lebt bei
// mir, ein Pflegedienst kommt nicht"); who gets a benefit is an aspect of its own ("who can get it?",
// "haben wir da überhaupt Anspruch?"), answered by the sentences that say from which grade it applies.
import * as path from 'path';
import { aspectOf, resolveFollowUp, type FollowUpInput } from '../../bot/conversation/followUp';
import { settingFromText } from '../../bot/care/benefitsText';
import { extractFacts } from '../../bot/nlu/facts';
import { foldText } from '../../bot/nlu/normalise';
import { loadLexicon } from '../../bot/nlu/lexicon';
import { ROOT as PROJECT_ROOT } from '../helpers/app';

const words = loadLexicon(path.join(PROJECT_ROOT, 'locales'));

function input(text: string, lastTopic: string, extra: Partial<FollowUpInput> = {}): FollowUpInput {
  return { text, facts: extractFacts(text), concepts: [], thread: { lastTopic }, words, ...extra };
}

describe('settingFromText: a denied setting is not the answer\'s setting', () => {
  test.each<[string, string | undefined]>([
    ['sie lebt bei mir und ich mache alles allein, ein pflegedienst kommt nicht', 'relatives'],
    ['kein pflegedienst, wir pflegen selbst', 'relatives'],
    ['Einen Pflegedienst wollen wir nicht, das macht alles meine Schwester', 'relatives'],
    ['no care service comes, i look after her myself', 'relatives'],
    // living with the family does not say who cares (family or a service): still asked
    ['not in a care home, she lives with me', undefined],
    ['Meine Mutter hat Pflegegrad 3 und wohnt bei mir.', undefined],
    // guards: a named setting is still read
    ['ein pflegedienst kommt zweimal am tag', 'home_care'],
    ['a nursing service comes every morning', 'home_care'],
    ['sie ist im pflegeheim', 'nursing_home'],
    ['sie geht in die tagespflege', 'day_care'],
    ['ich pflege sie zu hause', 'relatives'],
  ])('%s → %s', (text, setting) => {
    expect(settingFromText(text, words)).toBe(setting);
  });
});

describe('a correction that names another money topic', () => {
  test.each<[string, string, string[], string]>([
    ['no sorry i meant day care, not the home', 'nursing_home', ['daycare'], 'daycare'],
    ['nein, ich meinte die tagespflege', 'allowance', ['daycare'], 'daycare'],
    ['ach nee, ich meinte das pflegegeld, wir machen das selber', 'in_kind', ['care_allowance'], 'allowance'],
    ['sorry, i meant for a home care service', 'allowance', ['care_service'], 'in_kind'],
  ])('%s after %s → %s', (text, last, concepts, topic) => {
    expect(resolveFollowUp(input(text, last, { concepts }))).toMatchObject({ kind: 'elliptic', topic });
  });

  test('an entry of a money topic counts as that topic', () => {
    expect(resolveFollowUp(input('no sorry i meant day care', 'nursing_home_who_gets', { concepts: ['daycare'], lastParent: 'nursing_home' })))
      .toMatchObject({ kind: 'elliptic', topic: 'daycare' });
  });

  test.each<[string, string, string[]]>([
    // the same topic, or no money topic named: not a change of topic
    ['nein, ich meinte grad 3', 'allowance', []],
    ['no i meant the care allowance', 'allowance', ['care_allowance']],
    // a question is no correction
    ['i meant day care, how much is that?', 'nursing_home', ['daycare']],
  ])('%s after %s: no topic correction', (text, last, concepts) => {
    const fu = resolveFollowUp(input(text, last, { concepts }));
    expect(fu && fu.kind === 'elliptic' && fu.topic === 'daycare').toBeFalsy();
  });
});

describe('a follow-up in which the person moves changes the setting', () => {
  test.each<[string, string, string[], Partial<FollowUpInput>, string]>([
    ['und wenn er wieder zu uns nach hause zieht und ich ihn selbst pflege?', 'nursing_home', ['house', 'wants_home'], {}, 'allowance'],
    ['what if she moves in with us and i look after her?', 'nursing_home_who_gets', ['carer', 'home_care'], { lastParent: 'nursing_home' }, 'allowance'],
    ['und was ist, wenn wir sie zu uns holen?', 'nursing_home', [], {}, 'allowance'],
    ['and if he comes back home and we look after him?', 'nursing_home', ['carer'], {}, 'allowance'],
  ])('%s after %s → %s', (text, last, concepts, extra, topic) => {
    expect(resolveFollowUp(input(text, last, { concepts, ...extra }))).toMatchObject({ kind: 'elliptic', topic, setting: 'home' });
  });

  test('a longer conditional into a home after the allowance: the home\'s amount', () => {
    expect(resolveFollowUp(input('und wenn sie irgendwann doch ganz in ein pflegeheim ziehen muss?', 'allowance', { concepts: ['nursing_home'] })))
      .toMatchObject({ kind: 'elliptic', topic: 'nursing_home', setting: 'nursing_home' });
  });

  test('the move words: not a move into a home', () => {
    expect(words.has('moves_home', foldText('und wenn sie ins heim kommt'))).toBe(false);
    expect(words.has('moves_home', foldText('und wenn papa wieder nach hause kommt'))).toBe(true);
    expect(words.has('moves_home', foldText('what if she moves in with us'))).toBe(true);
  });

  test.each<[string, string, string[]]>([
    // it names another topic: the allowance question is asked, not the home's amount
    ['und wenn sie ins heim kommt, was wird aus dem pflegegeld?', 'allowance', ['nursing_home', 'care_allowance']],
    // after no money topic, a move is no setting follow-up
    ['und wenn er wieder zu uns nach hause zieht?', 'apply', ['house']],
  ])('%s after %s: no setting follow-up', (text, last, concepts) => {
    const fu = resolveFollowUp(input(text, last, { concepts }));
    expect(fu && fu.kind === 'elliptic' && fu.setting).toBeFalsy();
  });
});

describe('who gets a benefit: the eligible aspect', () => {
  test.each<[string, string | undefined]>([
    ['who can get it', 'eligible'],
    ['who is it for?', 'eligible'],
    ['do we qualify?', 'eligible'],
    ['wer bekommt den denn', 'eligible'],
    ['haben wir da überhaupt anspruch?', 'eligible'],
    ['für wen gilt das?', 'eligible'],
    // guards: who applies stays who, how much stays cost
    ['who can apply for it', 'who'],
    ['wer stellt den antrag?', 'who'],
    ['wie viel bekommt man?', 'cost'],
  ])('%s → %s', (text, aspect) => {
    expect(aspectOf(text, words)).toBe(aspect);
  });

  test('"who can get it" after the relief amount is an aspect follow-up', () => {
    expect(resolveFollowUp(input('who can get it', 'relief_what_for'))).toMatchObject({ kind: 'aspect', aspect: 'eligible' });
  });

  test.each<[string, boolean]>([
    ['Der Entlastungsbetrag von 131 € im Monat steht allen Pflegebedürftigen ab Pflegegrad 1 zu, die zu Hause leben.', true],
    ['it applies from care grade 1 with care at home.', true],
    ['Sie reichen die Rechnungen bei der Pflegekasse ein.', false],
    ['Ask care counselling for recognised offers near you.', false],
  ])('answer_eligible: %s → %s', (sentence, yes) => {
    expect(words.has('answer_eligible', foldText(sentence))).toBe(yes);
  });
});
