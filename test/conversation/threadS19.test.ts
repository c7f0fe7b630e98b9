// Table tests of the thread rules of session 19 (issue 18): "und muss da jemand zu uns nach Hause kommen?"
// after applying asks about the assessor's home visit (aspect `visit`), not the dementia wish to go home and
// not a move home; "he lives with us and i look after him" after a money answer tells that the family cares,
// so it is the care allowance at the thread's grade, not live-in care.
import * as path from 'path';
import { aspectOf, resolveFollowUp, type FollowUpInput } from '../../bot/conversation/followUp';
import { settingFromText } from '../../bot/care/benefitsText';
import { extractFacts } from '../../bot/nlu/facts';
import { loadLexicon } from '../../bot/nlu/lexicon';
import { ROOT as PROJECT_ROOT } from '../helpers/app';

const words = loadLexicon(path.join(PROJECT_ROOT, 'locales'));

function input(text: string, lastTopic: string, extra: Partial<FollowUpInput> = {}): FollowUpInput {
  return { text, facts: extractFacts(text), concepts: [], thread: { lastTopic }, words, ...extra };
}

describe('aspect visit: someone comes to the home', () => {
  test.each<[string, string | undefined]>([
    ['und muss da jemand zu uns nach hause kommen', 'visit'],
    ['kommt da dann jemand zu uns nach hause und guckt sich das an?', 'visit'],
    ['gibt es einen hausbesuch?', 'visit'],
    ['will someone come to the house to look at her?', 'visit'],
    ['does an assessor come round?', 'visit'],
    // guards: a move home and who applies are no visit
    ['und wenn er wieder zu uns nach hause zieht', undefined],
    ['wer stellt den antrag?', 'who'],
    ['what if she moves in with us?', undefined],
  ])('%s → %s', (text, aspect) => {
    expect(aspectOf(text, words)).toBe(aspect);
  });

  test.each<[string]>([
    ['und muss da jemand zu uns nach hause kommen'],
    ['muss da jemand zu uns nach hause kommen?'],
  ])('after applying, %s asks the visit of the last answer (no move home, no topic of its own)', (text) => {
    expect(resolveFollowUp(input(text, 'apply', { concepts: ['house', 'wants_home'] }))).toEqual({ kind: 'aspect', topic: 'apply', aspect: 'visit' });
  });

  test('the intent engine sure of another topic does not take a visit question away', () => {
    expect(resolveFollowUp(input('will someone come to the house to look at her?', 'apply', { concepts: ['house'], otherTopic: true })))
      .toEqual({ kind: 'aspect', topic: 'apply', aspect: 'visit' });
  });

  test('a move home is still a move home (guard)', () => {
    const fu = resolveFollowUp(input('und wenn er wieder zu uns nach hause zieht und ich ihn selbst pflege?', 'nursing_home', { concepts: ['house', 'wants_home'] }));
    expect(fu).toMatchObject({ kind: 'elliptic', setting: 'home' });
  });
});

describe('the family cares: a statement after a money answer', () => {
  test.each<[string, string]>([
    ['he lives with us and i look after him', 'allowance'],
    ['er wohnt bei uns und ich pflege ihn selbst', 'in_kind'],
    ['also er wohnt bei uns und meine frau und ich kümmern uns um alles', 'allowance'],
    ['my husband and i take turns', 'in_kind'],
  ])('%s after %s → the care allowance', (text, last) => {
    expect(resolveFollowUp(input(text, last, { concepts: ['carer', 'home_care'] }))).toMatchObject({ kind: 'elliptic', topic: 'allowance' });
  });

  test.each<[string, string, string[]]>([
    // guards: a question, a care home, another topic, no money answer before
    ['i look after him, can i get a pension for that?', 'allowance', ['carer', 'pension']],
    ['she is in a care home and i look after her on weekends', 'allowance', ['carer', 'nursing_home']],
    ['ich pflege sie und brauche einen rollator', 'allowance', ['carer', 'walker']],
    ['he lives with us and i look after him', 'apply', ['carer', 'home_care']],
  ])('%s after %s → not the allowance rule', (text, last, concepts) => {
    const fu = resolveFollowUp(input(text, last, { concepts }));
    expect(fu?.kind === 'elliptic' && fu.topic === 'allowance').toBe(false);
  });

  test.each<[string, string | undefined]>([
    ['also er wohnt bei uns und meine frau und ich kümmern uns um alles', 'relatives'],
    ['my husband and i do all the caring', 'relatives'],
    ['my sister and i take turns', 'relatives'],
    // guard: a service named still wins
    ['ein pflegedienst kommt morgens, den rest machen wir', 'home_care'],
  ])('the setting prompt answered with a story: %s → %s', (text, setting) => {
    expect(settingFromText(text, words)).toBe(setting);
  });
});
