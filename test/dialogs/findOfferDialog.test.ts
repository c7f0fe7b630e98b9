// The offer search as a conversation, on the made-up "Teststadt" pack (test/fixtures only), so the
// expectations do not depend on the real, changing list.
import * as path from 'path';
import { ConversationState, MemoryStorage, type TurnContext } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import type { App } from '../../bot/app';
import { createLocalHelp } from '../../bot/conversation/localHelp';
import { loadMunicipalityPack } from '../../bot/offers/load';
import { MainDialog } from '../../dialogs/mainDialog';
import { setTurnInfo } from '../../dialogs/context';
import type { Memory } from '../../bot/conversation/turn';
import { shown, testApp } from '../helpers/app';
import { send } from '../helpers/say';

let app: App;
beforeAll(async () => {
  app = await testApp();
}, 120_000);

function client(channelId = 'test', lang: 'de' | 'en' = 'de'): DialogTestClient {
  const fixture = path.join(__dirname, '../fixtures/offers/knowledge-good');
  const pack = loadMunicipalityPack(path.join(fixture, 'teststadt'), { categoriesFile: path.join(fixture, 'offer-categories.json') });
  const services = { ...app.services, local: createLocalHelp(pack, app.services.i18n) };
  const conversationState = new ConversationState(new MemoryStorage());
  const memory = conversationState.createProperty<Memory>('memory');
  const mw = { onTurn: async (ctx: TurnContext, next: () => Promise<void>) => { setTurnInfo(ctx, { lang, text: (ctx.activity.text ?? '').trim(), seed: 'fixed' }); await next(); } };
  return new DialogTestClient(channelId, new MainDialog({ services, memory }), undefined, [mw], conversationState);
}

/** The replies to one message, all they show, and how many cards they carry. */
async function say(c: DialogTestClient, text: string): Promise<{ all: string; cards: number; activities: unknown[] }> {
  const acts = await send(c, text);
  return { all: acts.map(shown).join('\n'), cards: acts.reduce((n, a) => n + (a.attachments?.length ?? 0), 0), activities: acts };
}

test('both slots in the text: cards, at most three, in-district first', async () => {
  const r = await say(client(), 'Tagespflege in Nordheim');
  expect(r.cards).toBe(3);
  expect(r.all).toMatch(/6 Angebot/);
  expect(r.all.indexOf('Nordheim')).toBeGreaterThan(-1);
  expect(r.all).toMatch(/030 23125 001/);
});

test('missing category: asked with buttons, then the place', async () => {
  const c = client();
  const first = await say(c, 'Hilfe vor Ort finden');
  expect(first.all).toMatch(/Welche Art von Hilfe/);
  expect(first.all).toMatch(/Tagespflege/);
  const second = await say(c, 'Tagespflege');
  expect(second.all).toMatch(/Stadtteil/);
  expect(second.all).toMatch(/Westend/);
  const third = await say(c, 'Südfeld');
  expect(third.cards).toBeGreaterThan(0);
});

test('an unknown place is asked again, not guessed', async () => {
  const c = client();
  await say(c, 'Ich suche eine Tagespflege');
  const r = await say(c, 'Atlantis');
  expect(r.all).toMatch(/kenne ich .* nicht/);
  expect(r.cards).toBe(0);
});

test('paging: "Weitere Angebote" shows the next three, then says there are no more', async () => {
  const c = client();
  const p1 = await say(c, 'Tagespflege in Mittelstadt');
  expect(p1.all).toMatch(/Weitere Angebote/);
  const p2 = await say(c, 'Weitere Angebote');
  expect(p2.all).toMatch(/4–6 von 6/);
  expect(p2.cards).toBe(3);
  expect(p2.all).not.toMatch(/Weitere Angebote\n/);
});

test('no results: honest, with the city counselling and the national finders, nothing invented', async () => {
  const r = await say(client(), 'Essen auf Rädern in Westend');
  expect(r.all).toMatch(/keinen Eintrag/);
  expect(r.all).toMatch(/030 23125 099/); // the fixture city's counselling contact
  expect(r.all).toMatch(/https:\/\//); // a finder link
  expect(r.cards).toBe(0);
});

test('a channel without cards gets the offers as numbered text with the phone written out', async () => {
  const r = await say(client('sms'), 'Tagespflege in Nordheim');
  expect(r.cards).toBe(0);
  expect(r.all).toMatch(/1\. /);
  expect(r.all).toMatch(/030 23125 001/);
  expect(r.all).toMatch(/\(1\) Weitere Angebote/);
});

test('"Warum diese?" explains the neutral rule in one line', async () => {
  const c = client();
  await say(c, 'Tagespflege in Südfeld');
  const r = await say(c, 'Warum diese?');
  expect(r.all).toMatch(/kein Anbieter steht dauerhaft oben/);
});

test('English', async () => {
  const r = await say(client('test', 'en'), 'day care in Westend');
  expect(r.all).toMatch(/Day care/i);
  expect(r.all).toMatch(/neighbouring/);
});

test('offers from far away are labelled as such, never presented as local', async () => {
  const r = await say(client(), 'Treffpunkt in Südfeld');
  expect(r.all).toMatch(/nichts gefunden/);
  expect(r.all).toMatch(/anderer Stadtteil|Stadtteil nicht bekannt/);
});

test.each([
  ['egal', 'de'],
  ['Überall', 'de'],
  ['anywhere', 'de'], // a German conversation may still answer in English
  ['in ganz Teststadt', 'de'], // the city's name from its data pack
  ['the whole city', 'en'],
] as const)('"%s" as the answer to "which district?" searches the whole city', async (answer, lang) => {
  const c = client('test', lang);
  await say(c, lang === 'de' ? 'Ich suche eine Tagespflege' : 'I am looking for a day care');
  const r = await say(c, answer);
  expect(r.cards).toBeGreaterThan(0);
  expect(r.all).not.toMatch(/kenne ich .* nicht|don't know that place/);
});

test('a request that merely names the city is not taken for "the whole city" while the district is asked', async () => {
  const c = client();
  await say(c, 'Ich suche eine Tagespflege');
  const r = await say(c, 'Pflegegeld bei Pflegegrad 3 in Teststadt');
  expect(r.all).toMatch(/Pflegegeld/);
  expect(r.all).not.toMatch(/Ganz Teststadt: \d+ Angebot|Tagespflege – /);
});
