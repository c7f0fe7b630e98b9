// Table tests of the thread rules of session 14b (issue 18): a slip in the opening of an elliptic
// follow-up ("wat about", "un bei") or in the English "grade" ("grdae 4") keeps the thread; "an wen
// schick ich den", "kann ich das für ihn machen", "can i do it for her" ask who applies or receives;
// "weniger", "less" and "while shes there" read another benefit in the last answer's situation.
import * as path from 'path';
import { aspectOf, resolveFollowUp, type FollowUpInput } from '../../bot/conversation/followUp';
import { extractFacts } from '../../bot/nlu/facts';
import { extractGrade } from '../../bot/nlu/grade';
import { foldText } from '../../bot/nlu/normalise';
import { loadLexicon } from '../../bot/nlu/lexicon';
import { ROOT as PROJECT_ROOT } from '../helpers/app';

const words = loadLexicon(path.join(PROJECT_ROOT, 'locales'));

function input(text: string, lastTopic: string, extra: Partial<FollowUpInput> = {}): FollowUpInput {
  return { text, facts: extractFacts(text), concepts: [], thread: { lastTopic }, words, ...extra };
}

describe('extractGrade: one slip in the English "grade"', () => {
  test.each<[string, number | undefined]>([
    ['and for grdae 4?', 4],
    ['grde 2', 2],
    ['graed 5', 5],
    // guards: only before a number 1–5; "grad" stays exact
    ['garde 7', undefined],
    ['the grdae is wrong', undefined],
    ['grad 3', 3],
  ])('%s → %s', (text, grade) => {
    expect(extractGrade(text)).toBe(grade);
  });
});

describe('resolveFollowUp: a slip in the elliptic opening keeps the last topic', () => {
  test.each<[string, string, number]>([
    ['wat about grade 4', 'allowance', 4],
    ['waht about grade 5 then', 'nursing_home', 5],
    ['wht about grade 2?', 'allowance', 2],
    ['un bei grad 3?', 'allowance', 3],
    ['was is mit grad 4', 'allowance', 4],
    ['and for grdae 4?', 'in_kind', 4],
  ])('%s after %s → elliptic, grade %s', (text, last, grade) => {
    expect(resolveFollowUp(input(text, last))).toMatchObject({ kind: 'elliptic', grade });
  });

  test.each<[string]>([
    // guards: no opening, no grade → no elliptic reading
    ['wat is that'],
    ['un peu'],
  ])('%s → not elliptic', (text) => {
    expect(resolveFollowUp(input(text, 'allowance'))?.kind).not.toBe('elliptic');
  });
});

describe('aspectOf: who applies or receives it', () => {
  test.each<[string, string | undefined]>([
    ['und an wen schick ich den', 'who'],
    ['an wen sende ich das', 'who'],
    ['kann ich das für ihn machen oder muss er das selbst', 'who'],
    ['darf ich den antrag für meine mutter stellen', 'who'],
    ['can i do it for him', 'who'],
    ['can i apply for her', 'who'],
    ['who do i send it to', 'who'],
    // guards: paying for someone is the cost, not who applies
    ['kann ich das für ihn bezahlen', 'cost'],
    ['can i pay for him', 'cost'],
  ])('%s → %s', (text, aspect) => {
    expect(aspectOf(text, words)).toBe(aspect);
  });
});

describe('lexicon: effect and situation words', () => {
  test.each<[string, string, boolean]>([
    ['effect', 'kriegt er dann weniger pflegegeld', true],
    ['effect', 'does she get less care allowance then', true],
    ['situation_pointer', 'do we keep getting it while shes there', true],
    ['situation_pointer', 'while hes in the home', true],
    ['situation_pointer', 'whiles there', false],
  ])('%s in "%s" → %s', (list, text, has) => {
    expect(words.has(list as never, foldText(text))).toBe(has);
  });
});
