// The bot's turn (CareBot → DialogRunner → MainDialog) builds a dialog context only when a dialog is
// waiting or a child dialog has to start; the answers are the same either way.
import { TestAdapter, type Activity } from 'botbuilder';
import { DialogSet } from 'botbuilder-dialogs';
import type { App } from '../../bot/app';
import { shown, testApp } from '../helpers/app';

let app: App;
beforeAll(async () => {
  app = await testApp();
}, 120_000);
afterEach(() => jest.restoreAllMocks());

let n = 0;
/** A new conversation (its own stored state) on the real app. */
function conversation() {
  const adapter = new TestAdapter((ctx) => app.bot.run(ctx), {
    channelId: 'test', serviceUrl: 'https://test.invalid', conversation: { id: `runner-${++n}`, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'user', name: 'user' }, recipient: { id: 'bot', name: 'bot' },
  });
  return async (text: string): Promise<string> => {
    await adapter.send({ type: 'message', text, locale: 'de-DE' } as Partial<Activity>);
    return adapter.activeQueue.splice(0).map(shown).join('\n');
  };
}

test.each([
  ['Wie hoch ist das Pflegegeld bei Pflegegrad 2?', 0, /347 €/],
  ['Tagespflege in Saarn', 0, /Saarn/],
  ['Hallo', 0, /Pflegenetz|Willkommen|Hallo/i],
  ['Was bekommt man an Pflegegeld?', 1, /Welchen Pflegegrad/],
  ['Ich suche eine Tagespflege', 1, /Stadtteil/],
])('%s → %i dialog context(s)', async (text, contexts, reply) => {
  const created = jest.spyOn(DialogSet.prototype, 'createContext');
  expect(await conversation()(text)).toMatch(reply);
  expect(created).toHaveBeenCalledTimes(contexts);
});

test('a waiting dialog is continued through a dialog context, and a new question inside it is still answered', async () => {
  const say = conversation();
  await say('Was bekommt man an Pflegegeld?');
  const created = jest.spyOn(DialogSet.prototype, 'createContext');
  expect(await say('Pflegegrad 3')).toMatch(/599 €/);
  expect(created).toHaveBeenCalledTimes(1);
  const other = conversation();
  await other('Was bekommt man an Pflegegeld?');
  expect(await other('Was ist Verhinderungspflege?')).toMatch(/Verhinderungspflege/); // a new question at the grade prompt
  expect(await other('Wie viel Pflegegeld bekommt man?')).toMatch(/Welchen Pflegegrad/); // the prompt was left, not answered
});
