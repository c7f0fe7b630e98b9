// Which replies put a message into the staff inbox, at the router (MainDialog with the real content):
// an answer it only guesses ("did you mean" candidates) is marked low_confidence, a message with no
// candidate and no search hit not_understood, a confident answer nothing. The intent engine's result
// (below its threshold it says None and keeps the ranking)
// is the input here (fixed per case), since what matters is what the router does with a weak one.
import { ConversationState, MemoryStorage, type TurnContext } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { testApp } from '../helpers/app';
import type { App } from '../../bot/app';
import type { Nlu, NluResult } from '../../bot/services';
import { MainDialog } from '../../dialogs/mainDialog';
import { setTurnInfo, unansweredOf } from '../../dialogs/context';
import type { Memory } from '../../bot/conversation/turn';

let app: App;
beforeAll(async () => { app = await testApp(); }, 120_000);

async function run(text: string, result: Omit<NluResult, 'lang' | 'entities'>): Promise<{ unanswered: string | undefined; replies: string }> {
  const nlu: Nlu = Object.create(app.services.nlu, { classify: { value: async () => ({ lang: 'de', entities: {}, ...result }) } });
  const conversationState = new ConversationState(new MemoryStorage());
  const memory = conversationState.createProperty<Memory>('memory');
  const dialog = new MainDialog({ services: { ...app.services, nlu }, memory });
  let unanswered: string | undefined;
  const mw = {
    onTurn: async (ctx: TurnContext, next: () => Promise<void>) => {
      setTurnInfo(ctx, { lang: 'de', text, seed: 'test-seed' });
      await next();
      unanswered = unansweredOf(ctx);
    },
  };
  const client = new DialogTestClient('test', dialog, undefined, [mw], conversationState);
  // sendActivity returns the first reply, getNextReply the ones after it
  const replies: string[] = [];
  for (let a = await client.sendActivity(text); a; a = client.getNextReply()) replies.push(JSON.stringify(a));
  return { unanswered, replies: replies.join('\n') };
}

test('"did you mean": two close candidates below the threshold → low_confidence', async () => {
  const r = await run('xqzt vrbl', { intent: 'None', score: 0.1, ranked: [{ intent: 'allowance', score: 0.1 }, { intent: 'respite', score: 0.08 }, { intent: 'day_care', score: 0.02 }] });
  expect(r.replies).toMatch(/Meinten Sie/);
  expect(r.unanswered).toBe('low_confidence');
});

test('no candidate and nothing found → not_understood', async () => {
  const r = await run('xqzt vrbl', { intent: 'None', score: 0, ranked: [{ intent: 'None', score: 0 }] });
  expect(r.unanswered).toBe('not_understood');
});

test('a confident answer → nothing for the inbox', async () => {
  const r = await run('Wie viel Pflegegeld gibt es?', { intent: 'allowance', score: 0.9, ranked: [{ intent: 'allowance', score: 0.9 }] });
  expect(r.unanswered).toBeUndefined();
});
