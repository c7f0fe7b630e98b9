// The built-in Direct Line v3 over real HTTP: the server from createServer() on port 0, a small
// real bot behind the real Bot Framework adapter, and the Direct Line routes from webRoutes().
import * as path from 'path';
import * as fs from 'fs';
import type { AddressInfo } from 'net';
import { CareAdapter } from '../../bot/adapter';
import { ActivityHandler, ConfigurationBotFrameworkAuthentication, MessageFactory } from 'botbuilder';
import type { Server } from 'restify';
import { createServer } from '../../bot/server';
import { loadConfig } from '../../bot/config';
import { webRoutes } from '../../bot/web/routes';
import type { DirectLineService } from '../../bot/directline/routes';
import { tempDir } from '../helpers/tmp';

const ROOT = path.join(__dirname, '../..');
const MAX_CONVERSATIONS = 15;
const quiet = { info() {}, warn() {}, error() {}, debug() {} };

/** a message "wait" holds its turn until the test opens the gate */
let openGate: () => void = () => {};
let gate: Promise<void> = Promise.resolve();

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (ctx, next) => {
      if ((ctx.activity.membersAdded ?? []).some((m) => m.id !== ctx.activity.recipient.id)) {
        await ctx.sendActivity(MessageFactory.suggestedActions(['one', 'two'], `welcome ${ctx.activity.locale ?? '-'}`));
      }
      await next();
    });
    this.onMessage(async (ctx, next) => {
      if (ctx.activity.text === 'wait') await gate;
      await ctx.sendActivity({ type: 'typing' });
      await ctx.sendActivity(`echo: ${ctx.activity.text} (${ctx.activity.channelId}, ${ctx.activity.from.id})`);
      await next();
    });
  }
}

interface Activity {
  id: string; type: string; text?: string; from: { id: string; role?: string }; replyToId?: string;
  channelData?: { clientActivityID?: string }; suggestedActions?: { actions: { title: string }[] };
}

let server: Server;
let base: string;
let directLine: DirectLineService;
let dataDir: string;

beforeAll(async () => {
  dataDir = tempDir('pn-dl-');
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, ROOT);
  const routes = webRoutes(config, {
    limits: { maxConversations: MAX_CONVERSATIONS }, newConversationsPerMinute: 1000, onDirectLine: (s) => { directLine = s; },
  });
  const adapter = new CareAdapter(new ConfigurationBotFrameworkAuthentication({}), true);
  const bot = new EchoBot();
  server = createServer({ adapter, bot, log: quiet, routes: [(s) => routes(s, { services: { log: quiet }, adapter, bot })] });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function call(method: string, url: string, token?: string, body?: unknown, raw?: string): Promise<{ status: number; json: any }> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined || raw !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${url}`, { method, headers, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: res.status, json };
}

async function startConversation(locale = 'de-DE'): Promise<{ conversationId: string; token: string }> {
  // the client's wish for a user id is ignored: the service makes its own
  const gen = await call('POST', '/v3/directline/tokens/generate', undefined, { user: { id: 'dl_chosen_by_client' } });
  expect(gen.status).toBe(200);
  const start = await call('POST', '/v3/directline/conversations', gen.json.token, { locale });
  expect(start.status).toBe(201);
  expect(start.json.conversationId).toBe(gen.json.conversationId);
  await directLine.idle();
  return { conversationId: start.json.conversationId, token: start.json.token };
}

const activitiesUrl = (id: string, watermark?: string) => `/v3/directline/conversations/${encodeURIComponent(id)}/activities${watermark === undefined ? '' : `?watermark=${watermark}`}`;

describe('built-in Direct Line v3', () => {
  test('starting a conversation returns id, token and lifetime, and the bot welcomes in the requested locale', async () => {
    const gen = await call('POST', '/v3/directline/tokens/generate', undefined, {});
    expect(gen.status).toBe(200);
    expect(gen.json).toEqual({ conversationId: expect.any(String), token: expect.any(String), expires_in: expect.any(Number) });
    expect(gen.json.token.length).toBeGreaterThanOrEqual(40);

    const start = await call('POST', '/v3/directline/conversations', gen.json.token, { locale: 'en-US' });
    expect(start.status).toBe(201);
    expect(start.json).toMatchObject({ conversationId: gen.json.conversationId, token: gen.json.token });
    expect(start.json.expires_in).toBeGreaterThan(0);
    await directLine.idle();

    const got = await call('GET', activitiesUrl(gen.json.conversationId), gen.json.token);
    expect(got.status).toBe(200);
    const welcome = (got.json.activities as Activity[]).filter((a) => a.type === 'message');
    expect(welcome.map((a) => a.text)).toEqual(['welcome en-US']);
    expect(welcome[0].from.role).toBe('bot');
    expect(welcome[0].suggestedActions?.actions.map((a) => a.title)).toEqual(['one', 'two']);

    // starting again is a no-op: same conversation, no second welcome
    const again = await call('POST', '/v3/directline/conversations', gen.json.token, {});
    expect(again.status).toBe(200);
    await directLine.idle();
    const after = await call('GET', activitiesUrl(gen.json.conversationId), gen.json.token);
    expect((after.json.activities as Activity[]).filter((a) => a.type === 'message')).toHaveLength(1);
  });

  test('a posted activity gets an id, is echoed with its clientActivityID, and the bot reply follows it', async () => {
    const { conversationId, token } = await startConversation();
    const before = await call('GET', activitiesUrl(conversationId), token);
    const watermark = before.json.watermark as string;

    const posted = await call('POST', activitiesUrl(conversationId), token, {
      type: 'message', text: 'Hallo Bot', locale: 'de-DE', from: { id: 'someone-else', name: 'Ich', role: 'user' },
      channelData: { clientActivityID: 'client-123', clientTimestamp: '2025-01-01T00:00:00Z' },
    });
    expect(posted.status).toBe(200);
    expect(posted.json).toEqual({ id: expect.stringContaining(conversationId) });
    await directLine.idle();

    const newer = await call('GET', activitiesUrl(conversationId, watermark), token);
    expect(newer.status).toBe(200);
    const acts = newer.json.activities as Activity[];
    // only what came after the watermark: no welcome again
    expect(acts.some((a) => a.text?.startsWith('welcome'))).toBe(false);
    const echo = acts[0];
    expect(echo).toMatchObject({ id: posted.json.id, type: 'message', text: 'Hallo Bot', channelData: { clientActivityID: 'client-123' } });
    // the token decides who is speaking, not the client's claim
    expect(echo.from).toEqual({ id: expect.stringMatching(/^dl_[\w-]{16}$/), name: 'Ich', role: 'user' });
    const reply = acts.find((a) => a.type === 'message' && a.from.role === 'bot');
    expect(reply?.text).toBe(`echo: Hallo Bot (webchat, ${echo.from.id})`);
    expect(reply?.replyToId).toBe(posted.json.id);
    expect(acts.some((a) => a.type === 'typing')).toBe(true);
    expect(Number(newer.json.watermark)).toBeGreaterThan(Number(watermark));

    const nothingNew = await call('GET', activitiesUrl(conversationId, newer.json.watermark), token);
    expect(nothingNew.json).toEqual({ activities: [], watermark: newer.json.watermark });
  });

  test('reconnecting returns the conversation and the whole history from watermark 0', async () => {
    const { conversationId, token } = await startConversation();
    await call('POST', activitiesUrl(conversationId), token, { type: 'message', text: 'eins', from: { id: 'x' } });
    await directLine.idle();
    const re = await call('GET', `/v3/directline/conversations/${conversationId}?watermark=`, token);
    expect(re.status).toBe(200);
    expect(re.json.conversationId).toBe(conversationId);
    const all = await call('GET', activitiesUrl(conversationId, '0'), token);
    const acts = all.json.activities as Activity[];
    expect(acts.map((a) => a.text)).toEqual(['welcome de-DE', 'eins', undefined, `echo: eins (webchat, ${acts[1].from.id})`]);
  });

  test('refresh issues a new working token for the same conversation', async () => {
    const { conversationId, token } = await startConversation();
    const refreshed = await call('POST', '/v3/directline/tokens/refresh', token);
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.conversationId).toBe(conversationId);
    expect(refreshed.json.token).not.toBe(token);
    expect((await call('GET', activitiesUrl(conversationId), refreshed.json.token)).status).toBe(200);
  });

  test('unknown and someone else\'s conversation answer alike (403, no id oracle); missing token → 401; wrong token → 403', async () => {
    const a = await startConversation();
    const b = await startConversation();
    const unknown = await call('GET', activitiesUrl('does-not-exist'), a.token);
    const foreign = await call('GET', activitiesUrl(b.conversationId), a.token);
    expect(unknown.status).toBe(403);
    expect(foreign.status).toBe(403);
    expect(unknown.json).toEqual(foreign.json);
    expect((await call('POST', activitiesUrl('does-not-exist'), a.token, { type: 'message', text: 'x' })).status).toBe(403);
    const missing = await call('GET', activitiesUrl(a.conversationId));
    expect(missing.status).toBe(401);
    expect(missing.json.error.code).toBe('MissingToken');
    const wrong = await call('POST', activitiesUrl(a.conversationId), 'not-a-token', { type: 'message', text: 'x' });
    expect(wrong.status).toBe(403);
    expect((await call('GET', activitiesUrl(b.conversationId), a.token)).status).toBe(403);
    expect((await call('POST', '/v3/directline/conversations', undefined, {})).status).toBe(401);
    expect((await call('POST', '/v3/directline/tokens/refresh', 'nope')).status).toBe(403);
  });

  test('oversized, malformed and invalid posts get a 4xx JSON error, never a 5xx', async () => {
    const { conversationId, token } = await startConversation();
    const url = activitiesUrl(conversationId);
    const big = await call('POST', url, token, { type: 'message', text: 'x'.repeat(70 * 1024) });
    expect(big.status).toBe(413);
    expect(big.json.error.code).toBe('MessageSizeTooBig');
    const huge = await call('POST', url, token, { type: 'message', text: 'x'.repeat(400 * 1024) });
    expect(huge.status).toBe(413);
    expect(typeof huge.json).toBe('object');

    const malformed = await call('POST', url, token, undefined, '{"type": "message", "text": ');
    expect(malformed.status).toBe(400);
    expect(typeof malformed.json).toBe('object');

    for (const body of [[1, 2], 'just text', { text: 'no type' }, { type: 'conversationUpdate' }, { type: 'message', locale: 'not a locale!' }]) {
      const r = await call('POST', url, token, body);
      expect([r.status, body]).toEqual([400, body]);
      expect(r.json.error.code).toBe('BadArgument');
    }
    // nothing of it reached the conversation
    await directLine.idle();
    const all = await call('GET', url, token);
    expect((all.json.activities as Activity[]).map((a) => a.text)).toEqual(['welcome de-DE']);
  });

  test('a client that floods one conversation while the bot is busy gets 429; turns stay in order', async () => {
    const { conversationId, token } = await startConversation();
    gate = new Promise((resolve) => { openGate = resolve; });
    const statuses: number[] = [];
    for (const text of ['wait', ...Array.from({ length: 11 }, (_, i) => `m${i}`)]) {
      statuses.push((await call('POST', activitiesUrl(conversationId), token, { type: 'message', text })).status);
    }
    expect(statuses).toEqual([...Array(10).fill(200), 429, 429]);
    openGate();
    await directLine.idle();
    const acts = (await call('GET', activitiesUrl(conversationId), token)).json.activities as Activity[];
    const replies = acts.filter((a) => a.from.role === 'bot' && a.type === 'message').map((a) => a.text!.split(' (')[0]);
    expect(replies).toEqual(['welcome de-DE', 'echo: wait', ...Array.from({ length: 9 }, (_, i) => `echo: m${i}`)]);
    expect((await call('POST', activitiesUrl(conversationId), token, { type: 'message', text: 'again' })).status).toBe(200);
  });

  test('deleting a conversation forgets it', async () => {
    const { conversationId, token } = await startConversation();
    const del = await fetch(`${base}/v3/directline/conversations/${conversationId}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(del.status).toBe(204);
    expect((await call('GET', activitiesUrl(conversationId), token)).status).toBe(403);
  });

  test('the conversation limit answers 429 instead of growing without bound', async () => {
    // earlier tests used some of the MAX_CONVERSATIONS; at most that many more can be created
    const statuses: number[] = [];
    for (let i = 0; i <= MAX_CONVERSATIONS && !statuses.includes(429); i++) {
      statuses.push((await call('POST', '/v3/directline/tokens/generate', undefined, {})).status);
    }
    expect(statuses[statuses.length - 1]).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true);
  });

  test('the page configuration says: local Direct Line with polling', async () => {
    const cfg = await call('GET', '/api/webchat-config');
    expect(cfg.json).toEqual({ mode: 'local', tokenUrl: '/v3/directline/tokens/generate', domain: '/v3/directline', webSocket: false, pollingIntervalMs: expect.any(Number) });
    expect((await call('POST', '/api/token')).status).toBe(404);
  });
});
