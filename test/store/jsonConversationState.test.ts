// JsonConversationState against the SDK's ConversationState on the SDK's MemoryStorage: the same
// turns must leave the same stored state, and writes happen only when something changed.
import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, TurnContext, type Storage } from 'botbuilder';
import { JsonConversationState } from '../../bot/store/jsonConversationState';

function turn(conversation = 'c1'): TurnContext {
  return new TurnContext(new TestAdapter(), {
    type: ActivityTypes.Message, channelId: 'test', text: 'x',
    conversation: { id: conversation, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'u1', name: 'u' }, recipient: { id: 'bot', name: 'bot' },
  });
}

/** Counts the storage calls of a real MemoryStorage. */
function counted(): { storage: Storage; reads: () => number; writes: () => number } {
  const storage = new MemoryStorage();
  const read = jest.spyOn(storage, 'read');
  const write = jest.spyOn(storage, 'write');
  return { storage, reads: () => read.mock.calls.length, writes: () => write.mock.calls.length };
}

type Step = (s: ConversationState, ctx: TurnContext) => Promise<void>;
const memory = (s: ConversationState) => s.createProperty<Record<string, unknown>>('memory');
const turns: [string, Step[]][] = [
  ['set a property', [async (s, c) => { await memory(s).set(c, { grade: 3 }); }]],
  ['change it in a later turn', [async (s, c) => { await memory(s).set(c, { grade: 3 }); }, async (s, c) => { (await memory(s).get(c, {}))!.grade = 4; }]],
  ['read only', [async (s, c) => { await memory(s).get(c, { grade: 1 }); }]],
  ['delete the property', [async (s, c) => { await memory(s).set(c, { a: 1 }); }, async (s, c) => { await memory(s).delete(c); }]],
  ['clear', [async (s, c) => { await memory(s).set(c, { a: 1 }); }, async (s, c) => { await s.clear(c); }]],
];

test.each(turns)('%s: the stored state equals the SDK ConversationState\'s', async (_name, steps) => {
  const stored: unknown[] = [];
  for (const make of [(st: Storage) => new ConversationState(st), (st: Storage) => new JsonConversationState(st)]) {
    const storage = new MemoryStorage();
    const state = make(storage);
    for (const step of steps) {
      const ctx = turn();
      await step(state, ctx);
      await state.saveChanges(ctx);
    }
    const key = state.getStorageKey(turn())!;
    const item = (await storage.read([key]))[key] as Record<string, unknown> | undefined;
    if (item) delete item.eTag;
    stored.push(item);
  }
  expect(stored[1]).toEqual(stored[0]);
});

test('one read per turn, and a write only when the state changed', async () => {
  const { storage, reads, writes } = counted();
  const state = new JsonConversationState(storage);
  const ctx = turn();
  await memory(state).set(ctx, { grade: 2 });
  await memory(state).get(ctx);
  await memory(state).get(ctx);
  await state.saveChanges(ctx);
  expect([reads(), writes()]).toEqual([1, 1]);
  await state.saveChanges(ctx); // nothing changed since the save
  expect(writes()).toBe(1);

  const next = turn();
  await memory(state).get(next); // loaded, not changed
  await state.saveChanges(next);
  expect([reads(), writes()]).toEqual([2, 1]);
  (await memory(state).get(next))!.grade = 5;
  await state.saveChanges(next);
  expect(writes()).toBe(2);
  await state.saveChanges(turn(), true); // forced, never loaded: writes an empty state
  expect(writes()).toBe(3);
});

test('delete removes the stored state; the next turn starts empty', async () => {
  const storage = new MemoryStorage();
  const state = new JsonConversationState(storage);
  const ctx = turn();
  await memory(state).set(ctx, { grade: 2 });
  await state.saveChanges(ctx);
  await state.delete(ctx);
  expect(state.get(ctx)).toBeUndefined();
  const key = state.getStorageKey(ctx)!;
  expect(await storage.read([key])).toEqual({});
  expect(await memory(state).get(turn(), {})).toEqual({});
});
