// People answer "Hilfe vor Ort" with a place: "Saarn" right after an answer, or instead of the care
// grade the answer asked for, shows that topic's local help there (real app, real NLU).
import type { App } from '../../bot/app';
import { mainDialogClient, testApp } from '../helpers/app';
import { say } from '../helpers/say';

let app: App;
beforeAll(async () => {
  app = await testApp();
}, 120_000);

test('a district after an answer: the topic\'s offers there', async () => {
  const client = mainDialogClient(app);
  expect(await say(client, 'Was hilft bei Demenz?')).toMatch(/Demenz/);
  expect(await say(client, 'Saarn')).toMatch(/Demenz – Saarn: \d+ Angebot/);
});

test('a district instead of the care grade: the day care offers there, not the grade question again', async () => {
  const client = mainDialogClient(app);
  expect(await say(client, 'Tagespflege')).toMatch(/Welchen Pflegegrad/);
  const reply = await say(client, 'Saarn');
  expect(reply).toMatch(/Tagespflege – Saarn: \d+ Angebot/);
  expect(reply).not.toMatch(/Bitte wählen Sie einen Pflegegrad/);
});

test('a postcode in English after an answer works the same way', async () => {
  const client = mainDialogClient(app, 'en');
  expect(await say(client, 'what help is there for dementia')).toMatch(/dementia/i);
  expect(await say(client, '45481')).toMatch(/Dementia – Saarn: \d+ offer/);
});

test('a topic without local help keeps asking for the grade when a place comes instead', async () => {
  const client = mainDialogClient(app);
  expect(await say(client, 'Wie viel Pflegegeld gibt es?')).toMatch(/Welchen Pflegegrad/);
  expect(await say(client, 'Saarn')).toMatch(/Bitte wählen Sie einen Pflegegrad/);
});

test('a place with no answer before it is still "which help?", not a guess', async () => {
  expect(await say(mainDialogClient(app), 'Saarn')).not.toMatch(/Angebot\(e\)/);
});

test('"Ich wohne in Heißen" after an answer: that topic\'s offers in Heißen', async () => {
  const client = mainDialogClient(app);
  expect(await say(client, 'Wer hilft mir beim Pflegegrad-Antrag?')).toMatch(/Pflegegrad beantragen/);
  expect(await say(client, 'Ich wohne in Heißen')).toMatch(/Pflegeberatung – Heißen: \d+ Angebot/);
});

test('a search with a place but no kind of help, in a fresh conversation, asks for the kind', async () => {
  expect(await say(mainDialogClient(app), 'Ich suche Hilfe in Saarn')).toMatch(/Welche Art von Hilfe/);
});

test('another town after an answer: no invented offers, the national finders', async () => {
  const client = mainDialogClient(app);
  await say(client, 'Was hilft bei Demenz?');
  expect(await say(client, 'ich wohne in Oberhausen')).toMatch(/nicht in Oberhausen/);
});
