// Table tests of the thread rules of session 19 (issue 18): "und muss da jemand zu uns nach Hause kommen?"
// after applying asks about the assessor's home visit (aspect `visit`), not the dementia wish to go home and
// not a move home; "he lives with us and i look after him" after a money answer tells that the family cares,
// so it is the care allowance at the thread's grade, not live-in care. "the care fund turned down my objection
// too" as a first message asks what follows the refusal (the social court), not how to object.
import * as path from 'path';
import { aspectOf, resolveFollowUp, type FollowUpInput } from '../../bot/conversation/followUp';
import { settingFromText } from '../../bot/care/benefitsText';
import { refusedObjectionEntry } from '../../bot/conversation/route';
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

describe('a refused objection told in the first message', () => {
  // retrieval's candidates, best first: the topic, how to object, the lawsuit entry, another topic's entry
  const ranked = [
    { id: 'objection', kind: 'topic', topic: 'objection' },
    { id: 'objection_how', kind: 'entry', topic: 'objection' },
    { id: 'objection_lawsuit', kind: 'entry', topic: 'objection' },
    { id: 'apply_court', kind: 'entry', topic: 'apply' },
  ];
  const shorts: Record<string, string> = {
    objection: 'You can lodge a written objection within one month.',
    objection_how: 'Write a short letter to the care fund.',
    objection_lawsuit: 'Yes, at the social court within one month; no court fees.',
    apply_court: 'The social court decides.',
  };
  const short = (id: string) => shorts[id];
  test.each<[string, string, string | undefined]>([
    ['the care fund turned down my objection too. what now?', 'objection', 'objection_lawsuit'],
    ['they rejected my objection as well, what now', 'objection', 'objection_lawsuit'],
    ['die pflegekasse hat jetzt auch meinen widerspruch abgelehnt. was kann ich noch tun?', 'objection', 'objection_lawsuit'],
    // guards: how to object, and another topic
    ['how do i object to the decision?', 'objection', undefined],
    ['wie lege ich widerspruch ein?', 'objection', undefined],
    ['they turned down my objection too', 'apply', undefined],
  ])('%s (%s) → %s', (text, intent, id) => {
    expect(refusedObjectionEntry(intent, text, words, ranked, short)).toBe(id);
  });

  test('no entry of the topic names the court: nothing (guard)', () => {
    expect(refusedObjectionEntry('objection', 'they rejected my objection as well', words, ranked.slice(0, 2), short)).toBeUndefined();
  });
});
