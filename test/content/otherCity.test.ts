// Another city needs only its own folder: the bot runs on the made-up "Teststadt" pack
// (test/fixtures) next to the shared layers, with no Mülheim folder at all, and names, finds and
// searches Teststadt's places. Teststadt's city answers are stood in for by Mülheim's answers.json
// and sources.json: the shared layers link to them (transport, meeting places), so every city pack
// brings its own.
import * as fs from 'fs';
import * as path from 'path';
import { buildApp, type App } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { ROOT, TODAY } from '../helpers/app';
import { tempDir } from '../helpers/tmp';
import { sayInProcess } from '../helpers/say';

jest.setTimeout(120_000);

let app: App;
beforeAll(async () => {
  const k = tempDir('pn-othercity-');
  for (const shared of ['federal', 'nrw', 'nlu', 'safety.json', 'sources.json', 'offer-categories.json']) {
    fs.cpSync(path.join(ROOT, 'knowledge', shared), path.join(k, shared), { recursive: true });
  }
  fs.cpSync(path.join(ROOT, 'test/fixtures/offers/knowledge-good/teststadt'), path.join(k, 'teststadt'), { recursive: true });
  // the stand-in answers with their sources, but without Mülheim's supplements to shared answers
  const standIn = JSON.parse(fs.readFileSync(path.join(ROOT, 'knowledge/muelheim/answers.json'), 'utf8')) as { supplements?: unknown };
  delete standIn.supplements;
  fs.writeFileSync(path.join(k, 'teststadt/answers.json'), JSON.stringify(standIn));
  fs.copyFileSync(path.join(ROOT, 'knowledge/muelheim/sources.json'), path.join(k, 'teststadt/sources.json'));
  app = await buildApp(loadConfig({
    PORT: '0', LOG_LEVEL: 'silent', TODAY, KNOWLEDGE_DIR: k, MUNICIPALITY: 'teststadt',
    DATA_DIR: tempDir('pn-othercity-data-'), NLU_CACHE_DIR: path.join(ROOT, '.cache', 'nlu-othercity'),
  }, ROOT));
}, 600_000); // a fresh clone trains this city's model first; on a busy machine that takes minutes

const say = async (conversation: string, text: string): Promise<string> => (await sayInProcess(app, conversation, text)).full;

test('the bot introduces itself for Teststadt', async () => {
  const hello = await say('hello', 'Hallo');
  expect(hello).toContain('Teststadt');
  expect(hello).not.toMatch(/Mülheim/);
});

test('a district of Teststadt is understood as a place and searched there', async () => {
  const r = await say('search', 'Tagespflege in Nordheim');
  expect(r).toMatch(/Tagespflege – Nordheim: \d+ Angebot/);
  expect(r).toContain('030 23125 001'); // an offer of the Teststadt fixture
});

test('"which district?" takes Teststadt\'s names, and its city name means the whole city', async () => {
  expect(await say('ask', 'Ich suche einen Pflegedienst')).toMatch(/Stadtteil/);
  const unknown = await say('ask', 'Saarn'); // a Mülheim district means nothing here
  expect(unknown).toMatch(/kenne ich in Teststadt nicht/);
  expect(await say('ask', 'in ganz Teststadt')).toMatch(/Ganz Teststadt: \d+ Angebot/);
});

test('federal answers work unchanged', async () => {
  expect(await say('amount', 'Wie viel Pflegegeld bei Pflegegrad 3?')).toMatch(/599 €/);
});

test('shared answers cite no Mülheim page and keep what the state adds', async () => {
  const r = await say('assistance', 'Hilfe zur Pflege vom Sozialamt');
  expect(r).toMatch(/Hilfe zur Pflege/);
  expect(r).toMatch(/Alten- und Pflegegesetz Nordrhein-Westfalen/); // Teststadt's pack says NRW: the state's supplement
  expect(r).not.toMatch(/Mülheim/);
});
