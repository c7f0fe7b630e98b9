// Table tests of session 19 (issue 13, the combination rules): where a marker or a negation stands beside
// a death wish but governs another clause or verb, it no longer damps the wish. Each crisis line fails on
// the code before session 19; the look-alikes keep their band.
import * as path from 'path';
import { loadSafety, loadSafetyClassifier } from '../../bot/safety/load';
import { createSafetyCheck } from '../../bot/safety/safety';
import type { SubwordClassifier } from '../../bot/nlu/subword';

const knowledge = path.join(__dirname, '../../knowledge');
const net = createSafetyCheck(loadSafety(path.join(knowledge, 'safety.json')), loadSafetyClassifier(path.join(knowledge, 'safety-corpus.jsonl')));
const label = (t: string): string => {
  const a = net.assess(t);
  return a ? `${a.kind}/${a.ask ? 'ask' : a.strength}` : 'none';
};

describe('a wish told in the present tense is now, beside a past cause in the same clause', () => {
  test.each<[string, string]>([
    ['Since the stroke last year I don\'t want to live anymore.', 'suicidal/clear'],
    ['After my husband\'s death last spring I just want to die.', 'suicidal/clear'],
    ['Seit dem Schlaganfall letztes Jahr will ich nicht mehr leben.', 'suicidal/clear'],
    ['Seit Mama letzten Winter ins Heim kam will ich nur noch sterben', 'suicidal/clear'],
  ])('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });
  test.each<[string, string]>([
    // a wish with a past verb stays in the past; a past sign of another kind told now stays past
    ['Last year I wanted to die, but the therapy helped me a lot.', 'none'],
    ['Letztes Jahr wollte ich nicht mehr leben, heute geht es mir besser.', 'suicidal/possible'],
    ['Vor zwei Jahren wollte ich sterben, jetzt pflege ich Mama gern.', 'suicidal/possible'],
    ['When I was a child I wanted to die sometimes.', 'suicidal/possible'],
    ['Seit dem Sturz letztes Jahr kann ich nicht mehr laufen.', 'none'],
    ['Since the fall last year I can\'t walk anymore, is there a wheelchair taxi?', 'none'],
  ])('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });
});

describe('a negation governs its own verb, not the wish beside it', () => {
  test.each<[string, string]>([
    // the negation of the main clause ("wouldn't mind", "nicht schlimm") does not reach into the condition
    ['I wouldn\'t mind if I simply did not wake up one morning.', 'suicidal/clear'],
    ['Es wäre nicht schlimm wenn ich tot wäre', 'suicidal/clear'],
    // "didn't wake up": the "not" is the ending itself, not a denial of "wake up"
    ['I wouldn\'t mind if I just didn\'t wake up, everything is too much.', 'suicidal/clear'],
  ])('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });
  test.each<[string, string]>([
    ['I do not want to die, I just need help with mum\'s care.', 'none'],
    ['Dad did not wake up from his nap until five, is that normal with dementia?', 'none'],
    ['Ich will nicht, dass Papa stirbt, was kann ich noch tun?', 'none'],
    ['I don\'t know what to do if he falls again.', 'none'],
  ])('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });
});

describe('a confident first-person reading with no care question at all is clear, not asked', () => {
  // a stub model: fixed suicidal scores per sentence, so that only the band is tested
  const stub = (scores: Record<string, number>) => ({
    predict: (t: string) => {
      const p = Object.entries(scores).find(([k]) => t.startsWith(k))?.[1] ?? 0;
      return [{ intent: 'suicidal', score: p }, { intent: 'none', score: 1 - p }];
    },
  }) as unknown as SubwordClassifier;
  const data = loadSafety(path.join(knowledge, 'safety.json'));
  const band = (scores: Record<string, number>, t: string): string => {
    const a = createSafetyCheck(data, stub(scores)).assess(t);
    return a ? `${a.kind}/${a.ask ? 'ask' : a.strength}` : 'none';
  };
  test.each<[string, Record<string, number>, string, string]>([
    ['first person, no care topic, 0.92 → clear', { 'ich sitze': 0.92 }, 'Ich sitze abends lange am Fenster und schaue hinaus.', 'suicidal/clear'],
    ['someone else, no care topic → still asked', { 'sie sitzt': 0.92 }, 'Sie sitzt abends lange am Fenster und schaut hinaus.', 'suicidal/ask'],
    ['first person beside a care question → not clear', { 'ich sitze': 0.92 }, 'Ich sitze abends lange am Fenster und schaue hinaus. Bekommt Papa einen Pflegegrad?', 'suicidal/possible'],
    ['first person below askOutsideCare → gentle line', { 'ich sitze': 0.85 }, 'Ich sitze abends lange am Fenster und schaue hinaus.', 'suicidal/possible'],
    ['first person, damped by the past → one step off, nothing', { 'vor zwei': 0.92 }, 'Vor zwei Jahren saß ich abends lange am Fenster und schaute hinaus.', 'none'],
  ])('%s', (_name, scores, t, expected) => {
    expect(band(scores, t)).toBe(expected);
  });
  test.each<[string, string]>([
    // was asked (model 0.99 without a cue of its kind)
    ['ich glaub ich verabschiede mich bald aus diesem leben es ist genug', 'suicidal/clear'],
    // look-alikes: a third person's question and a task idiom stay below clear
    ['Mein Vater fragt sich, wozu er noch hier ist.', 'none'],
    ['I\'m so done with the paperwork from the care fund.', 'none'],
    // a dementia care story is a care question, even without a care topic word (the model read the middle sentence 0.97)
    ['Mein Mann hat Alzheimer und will sich seit Wochen nicht mehr waschen lassen. Wenn ich es versuche, wird er laut und schiebt mich weg.', 'suicidal/ask'],
  ])('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });
});
