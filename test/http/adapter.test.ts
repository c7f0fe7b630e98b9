// The in-process path of CareAdapter gives the same replies as CloudAdapter's own expectReplies
// handling, and is only taken without credentials.
import { ActivityHandler, ConfigurationBotFrameworkAuthentication, type Activity, type TurnContext } from 'botbuilder';
import { CareAdapter } from '../../bot/adapter';

class Bot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (ctx, next) => {
      const identity = ctx.turnState.get(ctx.adapter.BotIdentityKey) as { isAuthenticated: boolean; authenticationType?: string } | undefined;
      await ctx.sendActivity(`echo: ${ctx.activity.text}`);
      await ctx.sendActivity({ type: 'message', text: `identity: ${identity?.authenticationType}/${identity?.isAuthenticated}`, suggestedActions: { to: [], actions: [{ type: 'imBack', title: 'A', value: 'A' }] } });
      await next();
    });
  }
}

const activity = (): Activity => ({
  type: 'message', id: 'a1', text: 'Hallo', channelId: 'emulator', deliveryMode: 'expectReplies', serviceUrl: 'http://127.0.0.1:9',
  from: { id: 'u1' }, recipient: { id: 'bot' }, conversation: { id: 'c1' }, locale: 'de-DE', timestamp: '2026-11-25T10:00:00Z',
} as unknown as Activity);

/** CloudAdapter.process with a minimal request/response pair, as restify would hand it over. */
async function viaCloudAdapter(adapter: CareAdapter, bot: Bot, body: Activity): Promise<{ status: number; body: unknown }> {
  const out: { status: number; body: unknown } = { status: 0, body: undefined };
  const req = { method: 'POST', body, headers: {} };
  const res = {
    status(code: number) { out.status = code; return res; },
    send(b: unknown) { out.body = b; return res; },
    end() { return res; },
    header() { return res; },
  };
  await adapter.process(req as never, res as never, (ctx: TurnContext) => bot.run(ctx));
  return out;
}

const KEPT = ['text', 'type', 'suggestedActions', 'replyToId', 'conversation', 'recipient', 'from', 'locale'] as const;
const strip = (acts: Partial<Activity>[]) => acts.map((a) => Object.fromEntries(KEPT.map((k) => [k, a[k]])));

test('same replies as CloudAdapter, with the anonymous identity CloudAdapter gives', async () => {
  const adapter = new CareAdapter(new ConfigurationBotFrameworkAuthentication({}), true);
  const bot = new Bot();
  const lean = await adapter.runInProcess(activity(), (ctx) => bot.run(ctx));
  const cloud = await viaCloudAdapter(adapter, bot, activity());
  expect(cloud.status).toBe(200);
  expect(lean.status).toBe(200);
  const leanActs = (lean.body as { activities: Partial<Activity>[] }).activities;
  const cloudActs = (cloud.body as { activities: Partial<Activity>[] }).activities;
  expect(leanActs).toHaveLength(2);
  expect(strip(leanActs)).toEqual(strip(cloudActs));
  // ClaimsIdentity counts any named authentication type, anonymous too, as authenticated
  expect(leanActs[1].text).toBe('identity: anonymous/true');
});

test.each([
  [true, 'expectReplies', 'message', true],
  [true, undefined, 'message', false],
  [true, 'expectReplies', 'invoke', false],
  [false, 'expectReplies', 'message', false],
])('anonymous=%s deliveryMode=%s type=%s → in process: %s', (anonymous, deliveryMode, type, expected) => {
  const adapter = new CareAdapter(new ConfigurationBotFrameworkAuthentication({}), anonymous);
  expect(adapter.canRunInProcess({ type, deliveryMode } as Partial<Activity>)).toBe(expected);
});

test('refuses a turn the path is not for', async () => {
  const adapter = new CareAdapter(new ConfigurationBotFrameworkAuthentication({}), false);
  await expect(adapter.runInProcess(activity(), async () => undefined)).rejects.toThrow(/only for anonymous/);
});
