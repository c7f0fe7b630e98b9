// The three places that reach past botbuilder's public surface (docs/decisions.md, "SDK fast
// paths"). Each test fails when a botbuilder update changes what that place relies on.
import { ActivityHandler, ActivityTypes, BotCallbackHandlerKey, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { DialogMemoryScope, DialogSet, DialogStateManager, TurnMemoryScope, type DialogStateManagerConfiguration } from 'botbuilder-dialogs';
import { ConversationState, MemoryStorage } from 'botbuilder';
// the SDK's own fix-up, which CareAdapter's in-process path repeats (not exported from the package root)
import { validateAndFixActivity } from 'botbuilder/lib/activityValidator';
import { CareAdapter, fixActivity } from '../../bot/adapter';
import { CONFIGURATION_KEY } from '../../dialogs/runner';
import { testApp } from '../helpers/app';

const message = (extra: Partial<Activity> = {}): Activity => ({
  type: ActivityTypes.Message, id: 'a1', text: 'hallo', channelId: 'test', serviceUrl: 'http://localhost',
  from: { id: 'u1', name: 'user' }, recipient: { id: 'bot', name: 'bot' }, conversation: { id: 'c1' } as Activity['conversation'],
  ...extra,
} as Activity);

describe('dialogs/runner.ts: the dialog state manager configuration in turnState', () => {
  test('DialogStateManager takes its configuration from the turn-state key the runner fills', async () => {
    const adapter = new TestAdapter();
    const ctx = new TurnContext(adapter, message());
    // the scopes the runner gives (the dialog context writes turn.* as it is created)
    const config: DialogStateManagerConfiguration = { memoryScopes: [new TurnMemoryScope(), new DialogMemoryScope()], pathResolvers: [] };
    ctx.turnState.set(CONFIGURATION_KEY, config);
    const dialogs = new DialogSet(new ConversationState(new MemoryStorage()).createProperty('dialogState'));
    const dc = await dialogs.createContext(ctx);
    expect(dc.state.configuration).toBe(config);
    expect(new DialogStateManager(dc).configuration).toBe(config);
  });
});

describe('bot/adapter.ts: the in-process turn repeats CloudAdapter\'s activity fix-up', () => {
  test.each([
    ['string timestamps', { timestamp: '2026-11-25T10:00:00.000Z', localTimestamp: '2026-11-25T11:00:00.000+01:00' }],
    ['no timestamps', {}],
    ['a timestamp only', { timestamp: '2026-11-25T10:00:00.000Z' }],
  ])('%s: the same activity as validateAndFixActivity gives', (_name, extra) => {
    const ours = fixActivity(message(extra as Partial<Activity>));
    const sdk = validateAndFixActivity(message(extra as Partial<Activity>));
    expect(ours).toEqual(sdk);
  });

  test('the turn-state keys the in-process path sets are still the adapter\'s own', () => {
    const adapter = new CareAdapter({} as never, true);
    expect(typeof adapter.BotIdentityKey).toBe('symbol');
    expect(typeof BotCallbackHandlerKey).toBe('string');
  });
});

describe('bot/careBot.ts: messages skip ActivityHandler\'s event chain', () => {
  test('for a message, ActivityHandler only runs onTurnActivity → onMessageActivity and its registered handlers', async () => {
    const calls: string[] = [];
    class Probe extends ActivityHandler {
      protected override async onTurnActivity(ctx: TurnContext): Promise<void> {
        calls.push('turn');
        await super.onTurnActivity(ctx);
      }
      protected override async onMessageActivity(ctx: TurnContext): Promise<void> {
        calls.push('message');
        await super.onMessageActivity(ctx);
      }
    }
    const sent: Partial<Activity>[] = [];
    const adapter = new TestAdapter(async () => undefined);
    const ctx = new TurnContext(adapter, message());
    ctx.onSendActivities(async (_c, acts, next) => { sent.push(...acts); return next(); });
    await new Probe().run(ctx);
    expect(calls).toEqual(['turn', 'message']);
    expect(sent).toEqual([]);
  });

  test('the bot registers no Turn or Message handlers that the shortcut would skip', async () => {
    const app = await testApp();
    const handlers = (app.bot as unknown as { handlers: Record<string, unknown[]> }).handlers;
    expect(handlers).toBeDefined();
    expect(handlers.Turn ?? []).toEqual([]);
    expect(handlers.Message ?? []).toEqual([]);
  }, 120_000);
});
