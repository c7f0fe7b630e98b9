// "Was kostet das?" right after an answer is about that answer: the bot names the topic it relates
// the question to and offers the ways on from it, instead of calling the question off-topic.
import type { App } from '../../bot/app';
import * as path from 'path';
import { refersBack } from '../../bot/conversation/cues';
import { loadLexicon } from '../../bot/nlu/lexicon';
import { mainDialogClient, ROOT, testApp } from '../helpers/app';
import { say } from '../helpers/say';

const words = loadLexicon(path.join(ROOT, 'locales'));

test.each<[string, boolean]>([
  ['Was kostet das?', true],
  ['Ist das kostenlos?', true],
  ['Wer zahlt dafür?', true],
  ['Gibt es davon mehr', true],
  ['how much is it?', true],
  ['who pays for that', true],
  ['what does that cost?', true],
  ['Was ist das Wetter morgen?', false], // "das" as an article, not among the last two words
  ['Das ist eine sehr lange Frage über etwas ganz anderes, nicht wahr?', false],
  ['Pflegegeld', false],
])('refersBack(%s) = %s', (text, expected) => {
  expect(refersBack(text, words)).toBe(expected);
});

describe('in a conversation', () => {
  let app: App;
  beforeAll(async () => {
    app = await testApp();
  }, 120_000);

  test('after an answer: the topic named, its buttons offered', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Essen auf Rädern');
    const reply = await say(client, 'Was kostet das?');
    expect(reply).toMatch(/Ich beziehe das auf das Thema „Essen auf Rädern/);
    expect(reply).toMatch(/Mehr dazu/);
    expect(reply).not.toMatch(/nur für Fragen rund um Pflege/);
  });

  test('the same words in a fresh conversation, and an off-topic question after an answer, stay off-topic', async () => {
    expect(await say(mainDialogClient(app), 'Was kostet das?')).not.toMatch(/Ich beziehe das/);
    const client = mainDialogClient(app);
    await say(client, 'Essen auf Rädern');
    expect(await say(client, 'Was ist das Wetter morgen?')).toMatch(/nur für Fragen rund um Pflege/);
  });

  test('English', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'meals on wheels');
    expect(await say(client, 'how much is it?')).toMatch(/I take that to be about “Meals/);
  });
});
