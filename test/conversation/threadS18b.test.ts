// Table tests of the thread rules of session 18b (issue 18): "und was ist, wenn wir den nicht ausgeben?"
// after the relief amount asks whether it expires, also when the intent engine is sure of another topic
// (the words "Geld ausgeben" pull to spending savings before social assistance); "if we dont spend all the
// money", "wenn wir das Geld nicht ausgeben" name the money and still ask the same. "und wenn wir das Geld lieber
// selber wollen?" after the service's amount changes the kind of benefit: the care allowance.
import * as path from 'path';
import { aspectOf, resolveFollowUp, type FollowUpInput } from '../../bot/conversation/followUp';
import { extractFacts } from '../../bot/nlu/facts';
import { loadLexicon } from '../../bot/nlu/lexicon';
import { ROOT as PROJECT_ROOT } from '../helpers/app';

const words = loadLexicon(path.join(PROJECT_ROOT, 'locales'));

function input(text: string, lastTopic: string, extra: Partial<FollowUpInput> = {}): FollowUpInput {
  return { text, facts: extractFacts(text), concepts: [], thread: { lastTopic }, words, ...extra };
}

describe('aspect expiry: what happens to money that is not spent', () => {
  test.each<[string, string | undefined]>([
    ['und was ist wenn wir den nicht ausgeben', 'expiry'],
    ['und wenn wir das geld nicht ausgeben?', 'expiry'],
    ['and if we dont spend all the money', 'expiry'],
    ['and if we dont use up all of it', 'expiry'],
    ["what if we don't spend it", 'expiry'],
    // guards: not paying is a consequence, spending on something is its use
    ['was ist, wenn wir das nicht bezahlen?', 'consequence'],
    ['what happens if we dont pay', 'consequence'],
  ])('%s → %s', (text, aspect) => {
    expect(aspectOf(text, words)).toBe(aspect);
  });
});

describe('a short expiry question stays with the last answer', () => {
  test.each<[string, boolean]>([
    // the intent engine's guess at another topic does not take a short expiry question away
    ['und was ist wenn wir den nicht ausgeben', true],
    ['and if we dont spend all the money', true],
  ])('%s (other topic guessed) → aspect of the relief amount: %s', (text, kept) => {
    const got = resolveFollowUp(input(text, 'relief', { otherTopic: true }));
    expect(got).toEqual(kept ? { kind: 'aspect', topic: 'relief', aspect: 'expiry' } : undefined);
  });

  test('a longer message with another topic guessed is not taken (over the short-question length)', () => {
    const text = 'und was ist eigentlich wenn wir den betrag im ganzen jahr gar nicht ausgeben weil wir keinen dienst finden';
    expect(resolveFollowUp(input(text, 'relief', { otherTopic: true }))).toBeUndefined();
  });
});

describe('the money instead of the service: the care allowance', () => {
  test.each<[string, string, FollowUpInput['thread']['lastTopic'], string | undefined]>([
    ['und wenn wir das geld lieber selber wollen?', 'in_kind', 'in_kind', 'allowance'],
    ['und wenn ich ihn lieber selber pflege?', 'in_kind', 'in_kind', 'allowance'],
    ['what if we would rather have the money ourselves', 'in_kind', 'in_kind', 'allowance'],
    ['and if we take the money instead', 'in_kind', 'in_kind', 'allowance'],
    // guards: after another topic the words change nothing; a plain question about the service's money stays
    ['und wenn wir das geld lieber selber wollen?', 'respite', 'respite', undefined],
    ['und wie viel geld gibt es bei 3?', 'in_kind', 'in_kind', undefined],
  ])('%s (after %s)', (text, _label, last, topic) => {
    const got = resolveFollowUp(input(text, last as string));
    expect(got?.kind === 'elliptic' && got.topic === 'allowance' ? 'allowance' : undefined).toBe(topic);
  });
});
