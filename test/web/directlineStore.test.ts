// The in-memory Direct Line store: watermarks, token lifetime, limits and idle expiry, with an
// injected clock.
import { DirectLineStore, type StoreLimits } from '../../bot/directline/store';

function setup(limits: Partial<StoreLimits> = {}) {
  let t = 1_000_000;
  const store = new DirectLineStore({ maxConversations: 3, maxActivities: 4, idleMs: 60_000, tokenTtlMs: 30_000, ...limits }, () => t);
  return { store, advance: (ms: number) => { t += ms; } };
}

test('activities get increasing ids; the watermark returns only newer ones', () => {
  const { store } = setup();
  const { conversation: c } = store.create()!;
  const a = store.append(c, { type: 'message', text: 'a' });
  const b = store.append(c, { type: 'message', text: 'b' });
  expect(a.id).toBe(`${c.id}|0000001`);
  expect(b.id).toBe(`${c.id}|0000002`);
  expect(store.after(c, undefined)).toEqual({ activities: [a, b], watermark: '2' });
  expect(store.after(c, '0').activities).toEqual([a, b]);
  expect(store.after(c, '1').activities).toEqual([b]);
  expect(store.after(c, '2')).toEqual({ activities: [], watermark: '2' });
  expect(store.after(c, 'garbage').activities).toEqual([a, b]);
});

test('the oldest activities are dropped at the cap but the watermark keeps counting', () => {
  const { store } = setup();
  const { conversation: c } = store.create()!;
  for (const text of ['1', '2', '3', '4', '5', '6']) store.append(c, { type: 'message', text });
  const all = store.after(c, '0');
  expect(all.activities.map((a) => a.text)).toEqual(['3', '4', '5', '6']);
  expect(all.watermark).toBe('6');
});

test('the user id is made by the store, random and prefixed', () => {
  const { store } = setup();
  const a = store.create()!.conversation.user;
  const b = store.create()!.conversation.user;
  expect(a.id).toMatch(/^dl_[\w-]{16}$/);
  expect(a.id).not.toBe(b.id);
  expect(a.role).toBe('user');
});

test('tokens expire; refreshed tokens work; expired ones do not', () => {
  const { store, advance } = setup();
  const { conversation: c, grant } = store.create()!;
  expect(store.grant(grant.token)?.conversationId).toBe(c.id);
  advance(20_000);
  store.append(c, { type: 'message' });
  const fresh = store.issue(c);
  advance(10_000);
  expect(store.grant(grant.token)).toBeUndefined();
  expect(store.grant(fresh.token)?.conversationId).toBe(c.id);
  expect(store.grant('never-issued')).toBeUndefined();
});

test('a conversation without activity for idleMs is forgotten with its tokens', () => {
  const { store, advance } = setup({ tokenTtlMs: 600_000 });
  const { conversation: c, grant } = store.create()!;
  advance(59_999);
  expect(store.get(c.id)).toBe(c);
  store.append(c, { type: 'message' });
  advance(59_999);
  expect(store.get(c.id)).toBe(c);
  advance(1);
  expect(store.get(c.id)).toBeUndefined();
  expect(store.grant(grant.token)).toBeUndefined();
});

test('the store refuses new conversations when full, and has room again after expiry', () => {
  const { store, advance } = setup();
  expect([store.create(), store.create(), store.create()].every(Boolean)).toBe(true);
  expect(store.create()).toBeUndefined();
  advance(60_000);
  expect(store.create()).toBeDefined();
  expect(store.size).toBe(1);
});

test('at most eight tokens per conversation stay valid, the oldest go first', () => {
  const { store } = setup();
  const { conversation: c, grant: first } = store.create()!;
  const later = Array.from({ length: 8 }, () => store.issue(c));
  expect(store.grant(first.token)).toBeUndefined();
  expect(later.every((g) => store.grant(g.token))).toBe(true);
});

test('replace and drop work on stored activities only', () => {
  const { store } = setup();
  const { conversation: c } = store.create()!;
  const a = store.append(c, { type: 'message', text: 'old' });
  expect(store.replace(c, a.id!, { type: 'message', text: 'new' })).toBe(true);
  expect(store.after(c, '0').activities).toEqual([{ type: 'message', text: 'new', id: a.id }]);
  expect(store.replace(c, 'nope', { type: 'message' })).toBe(false);
  expect(store.drop(c, a.id!)).toBe(true);
  expect(store.after(c, '0').activities).toEqual([]);
});

describe('issue 14: memory and room that callers cannot exhaust', () => {
  test('a transcript is bounded in bytes: the oldest activities go, the watermark keeps counting', () => {
    const { store } = setup({ maxActivities: 500, maxConversationBytes: 200_000 });
    const { conversation: c } = store.create()!;
    for (let i = 0; i < 30; i++) store.append(c, { type: 'message', text: 'x'.repeat(63 * 1024) });
    expect(c.bytes).toBeLessThanOrEqual(200_000);
    expect(c.activities.length).toBe(3);
    expect(store.after(c, undefined).watermark).toBe('30');
    expect(store.bytes).toBe(c.bytes);
  });

  test('all transcripts together are bounded: the least recently active conversation goes first', () => {
    const { store } = setup({ maxConversations: 100, maxConversationBytes: 100_000, maxTotalBytes: 250_000 });
    const made = Array.from({ length: 5 }, () => store.create()!.conversation);
    for (const c of made) for (let i = 0; i < 2; i++) store.append(c, { type: 'message', text: 'x'.repeat(60_000) });
    expect(store.bytes).toBeLessThanOrEqual(250_000);
    expect(store.get(made[4].id)).toBe(made[4]);
    expect(store.get(made[0].id)).toBeUndefined();
  });

  test('an activity that cannot be serialised is kept by its plain fields, so GETs keep working', () => {
    const { store } = setup();
    const { conversation: c } = store.create()!;
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    store.append(c, { type: 'message', text: 'Hallo', channelData: cyclic });
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = { a: deep };
    store.append(c, { type: 'message', text: 'Hi', channelData: deep as Record<string, unknown> });
    const page = store.after(c, undefined);
    expect(() => JSON.stringify(page)).not.toThrow();
    expect(page.activities.map((a) => a.text)).toEqual(['Hallo', 'Hi']);
  });

  test('a few addresses cannot take every place: each holds at most maxPerAddress', () => {
    const { store } = setup({ maxConversations: 100, maxPerAddress: 10 });
    let made = 0;
    for (const address of ['a', 'b', 'c', 'd', 'e']) for (let i = 0; i < 50; i++) if (store.create(address)) made++;
    expect(made).toBe(50);
    expect(store.refusal('a')).toBe('address');
    expect(store.create('someone-else')).toBeDefined();
  });

  test('when full, a conversation quiet for evictQuietMs gives way; busy ones do not', () => {
    const { store, advance } = setup({ maxConversations: 3, evictQuietMs: 120_000, idleMs: 3_600_000 });
    const [a, b, c] = [store.create()!, store.create()!, store.create()!].map((x) => x.conversation);
    expect(store.refusal()).toBe('full');
    advance(120_000);
    store.append(b, { type: 'message' });
    store.append(c, { type: 'message' });
    const d = store.create();
    expect(d).toBeDefined();
    expect(store.get(a.id)).toBeUndefined();
    expect(store.get(b.id)).toBe(b);
    expect(store.refusal()).toBe('full');
  });
});
