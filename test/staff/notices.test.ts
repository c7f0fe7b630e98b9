// A callback confirmation reaches the citizen's conversation when staff mark it, without the citizen
// sending anything: the real app with the web routes (built-in Direct Line) and the staff routes, as
// bot/index.ts wires them, over HTTP. For other channels the adapter's continueConversation posts to
// the channel's serviceUrl: here a small HTTP server on this machine plays the channel (as the Bot
// Framework Emulator would). A conversation that is gone costs the message, never the status.
import * as http from 'http';
import { Writable } from 'stream';
import type { AddressInfo } from 'net';
import { testConfig } from '../helpers/app';
import { buildApp, type App } from '../../bot/app';
import { createLogger } from '../../bot/log';
import { webRoutes } from '../../bot/web/routes';
import { staffRoutes } from '../../bot/staff/routes';
import { setAccount } from '../../bot/staff/auth';
import type { DirectLineService } from '../../bot/directline/routes';
import { channelDelivery, NoticeDelivery, replyRefOf, type ProactiveAdapter } from '../../bot/staff/notices';
import type { LowdbStaffRepository } from '../../bot/staff/lowdbRepository';
import { sayHttp } from '../helpers/say';

const PASSWORD = 'notice-test-Secret-1';
const logLines: string[] = [];
const sink = new Writable({ write(chunk, _enc, cb) { logLines.push(String(chunk)); cb(); } });

let app: App;
let base: string;
let directLine: DirectLineService;
let staff: { cookie: string; csrf: string };

beforeAll(async () => {
  const config = testConfig();
  app = await buildApp(config, {
    logger: createLogger('debug', false, sink),
    routes: [webRoutes(config, { newConversationsPerMinute: 1000, onDirectLine: (s) => { directLine = s; } }), staffRoutes(config)],
  });
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  await setAccount(app.staffRepo, 'nora', 'counsellor', PASSWORD);
  const res = await fetch(`${base}/staff/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'nora', password: PASSWORD }) });
  expect(res.status).toBe(200);
  staff = { cookie: res.headers.get('set-cookie')!.split(';')[0], csrf: ((await res.json()) as { csrf: string }).csrf };
}, 120_000);
afterAll(() => new Promise<void>((r) => app.server.close(() => r())));

async function mark(phone: string, status: 'called' | 'done' | 'new'): Promise<{ status: number; body: { ok: boolean; notice?: string } }> {
  const { callbacks } = (await (await fetch(`${base}/staff/api/callbacks`, { headers: { cookie: staff.cookie } })).json()) as { callbacks: { id: string; phone: string }[] };
  const cb = callbacks.find((c) => c.phone === phone);
  expect(cb).toBeDefined();
  const res = await fetch(`${base}/staff/api/callbacks/${cb!.id}`, {
    method: 'POST', headers: { 'content-type': 'application/json', cookie: staff.cookie, 'x-csrf-token': staff.csrf }, body: JSON.stringify({ status }),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; notice?: string } };
}
const callbackOf = async (phone: string) => (await app.staffRepo.listCallbacks()).find((c) => c.phone === phone)!;
const staffPage = async () => (await fetch(`${base}/staff/callbacks`, { headers: { cookie: staff.cookie } })).text();
/** the row of one callback on the staff page, as text */
const rowOf = (page: string, phone: string) => page.split('<tr>').find((r) => r.includes(phone))!.replace(/<[^>]+>/g, ' ');

/** The answers that ask for a callback, the same on every channel. */
const CALLBACK_STEPS = (phone: string) => ['Bitte um Rückruf', 'Ja, einverstanden', phone, '08:00–10:00', 'Pflegegrad für meine Mutter', 'Ohne Namen'];

describe('the built-in Direct Line (the web chat)', () => {
  interface DlActivity { type: string; text?: string; from: { role?: string } }
  let token: string;
  let conversationId: string;
  let watermark: string | undefined;

  async function dl(method: string, p: string, body?: unknown) {
    const res = await fetch(`${base}/v3/directline${p}`, {
      method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, json: res.status === 204 ? undefined : await res.json() };
  }
  async function start(): Promise<void> {
    const res = await fetch(`${base}/v3/directline/tokens/generate`, { method: 'POST' });
    ({ token, conversationId } = (await res.json()) as { token: string; conversationId: string });
    expect((await dl('POST', '/conversations', { locale: 'de-DE' })).status).toBe(201);
    await directLine.idle();
    watermark = undefined;
  }
  /** activities since the last call */
  async function news(): Promise<DlActivity[]> {
    const r = await dl('GET', `/conversations/${conversationId}/activities${watermark ? `?watermark=${watermark}` : ''}`);
    watermark = r.json.watermark;
    return r.json.activities as DlActivity[];
  }
  async function say(text: string): Promise<string> {
    expect((await dl('POST', `/conversations/${conversationId}/activities`, { type: 'message', text, from: { id: 'citizen' }, locale: 'de-DE' })).status).toBe(200);
    await directLine.idle();
    return (await news()).filter((a) => a.from.role === 'bot').map((a) => a.text ?? '').join('\n');
  }

  test('staff mark it called, then done: each confirmation is in the transcript at once, without a message from the citizen', async () => {
    await start();
    let last = '';
    for (const step of CALLBACK_STEPS('0208 555 0123')) last = await say(step);
    expect(last).toMatch(/0208 555 0123/);
    await (app.staffRepo as LowdbStaffRepository).settle();
    expect((await callbackOf('0208 555 0123')).reply).toEqual({ via: 'directline', conversationId });

    expect(await mark('0208 555 0123', 'called')).toEqual({ status: 200, body: { ok: true, notice: 'delivered' } });
    const told = await news();
    expect(told.map((a) => [a.type, a.from.role, a.text])).toEqual([['message', 'bot', expect.stringMatching(/Rückruf: Die Pflegeberatung hat versucht, Sie anzurufen/)]]);
    expect(await mark('0208 555 0123', 'done')).toEqual({ status: 200, body: { ok: true, notice: 'delivered' } });
    expect((await news()).map((a) => a.text)).toEqual([expect.stringMatching(/Rückruf: Die Pflegeberatung hat sie erledigt/)]);
    expect(await callbackOf('0208 555 0123')).toMatchObject({ status: 'done', notice: 'delivered', pendingNotice: undefined });
    expect(rowOf(await staffPage(), '0208 555 0123')).toMatch(/erledigt\s+zugestellt/);

    // told once: the next message gets no second confirmation
    expect(await say('Danke')).not.toMatch(/Rückruf:/);
    // nothing of the callback in the logs
    expect(logLines.join('')).not.toMatch(/555 0123|Pflegegrad für meine Mutter/);
  }, 60_000);

  test('the conversation has ended: the status is saved, and the staff page says the confirmation could not be delivered', async () => {
    await start();
    for (const step of CALLBACK_STEPS('0208 555 0124')) await say(step);
    await (app.staffRepo as LowdbStaffRepository).settle();
    expect((await dl('DELETE', `/conversations/${conversationId}`)).status).toBe(204);

    expect(await mark('0208 555 0124', 'done')).toEqual({ status: 200, body: { ok: true, notice: 'failed' } });
    expect(await callbackOf('0208 555 0124')).toMatchObject({ status: 'done', notice: 'failed', pendingNotice: 'done' });
    expect(rowOf(await staffPage(), '0208 555 0124')).toMatch(/erledigt\s+konnte nicht zugestellt werden/);
  }, 60_000);

  test('setting a callback back to "new" sends nothing', async () => {
    await start();
    for (const step of CALLBACK_STEPS('0208 555 0125')) await say(step);
    await (app.staffRepo as LowdbStaffRepository).settle();
    expect(await mark('0208 555 0125', 'new')).toEqual({ status: 200, body: { ok: true } });
    expect(await news()).toEqual([]);
  }, 60_000);
});

describe('a Bot Framework channel (continueConversation to its serviceUrl)', () => {
  let channel: http.Server;
  let channelUrl: string;
  const received: { url: string; activity: { type: string; text?: string; conversation?: { id: string } } }[] = [];

  beforeAll(async () => {
    channel = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => {
        received.push({ url: req.url ?? '', activity: JSON.parse(body || '{}') });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `r${received.length}` }));
      });
    });
    await new Promise<void>((r) => channel.listen(0, '127.0.0.1', () => r()));
    channelUrl = `http://127.0.0.1:${(channel.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => channel.close(() => r())));

  async function say(conv: string, text: string): Promise<void> {
    expect((await sayHttp(base, conv, text, { serviceUrl: channelUrl, expectReplies: false, botId: 'bot-1' })).status).toBeLessThan(300);
  }

  test('the confirmation is posted into the channel\'s conversation when staff mark it', async () => {
    for (const step of CALLBACK_STEPS('0208 555 0126')) await say('chan-1', step);
    await (app.staffRepo as LowdbStaffRepository).settle();
    expect((await callbackOf('0208 555 0126')).reply).toEqual({ via: 'channel', channelId: 'emulator', serviceUrl: channelUrl, conversationId: 'chan-1', botId: 'bot-1' });
    const before = received.length;

    expect(await mark('0208 555 0126', 'done')).toEqual({ status: 200, body: { ok: true, notice: 'delivered' } });
    const sent = received.slice(before);
    // the SDK sends it as a reply to its continuation activity: …/activities/<that id>
    expect(sent.map((r) => [r.url, r.activity.type, r.activity.conversation?.id])).toEqual([[expect.stringMatching(/^\/v3\/conversations\/chan-1\/activities\b/), 'message', 'chan-1']]);
    expect(sent[0].activity.text).toMatch(/Rückruf: Die Pflegeberatung hat sie erledigt/);
  }, 60_000);

  test('a channel that cannot be reached: the status is saved, the notice is marked failed', async () => {
    for (const step of CALLBACK_STEPS('0208 555 0127')) await say('chan-2', step);
    await (app.staffRepo as LowdbStaffRepository).settle();
    // the stored address now points at a port where nobody listens
    const cb = await callbackOf('0208 555 0127');
    await app.staffRepo.updateCallback({ ...cb, reply: { ...cb.reply!, serviceUrl: 'http://127.0.0.1:9' } as typeof cb.reply });
    expect(await mark('0208 555 0127', 'called')).toEqual({ status: 200, body: { ok: true, notice: 'failed' } });
    expect(await callbackOf('0208 555 0127')).toMatchObject({ status: 'called', notice: 'failed', pendingNotice: 'called' });
  }, 60_000);
});

describe('replyRefOf and NoticeDelivery (pure)', () => {
  const base = { channelId: 'emulator', serviceUrl: 'http://127.0.0.1:1', conversation: { id: 'c1' }, recipient: { id: 'b' } };
  test.each([
    ['the built-in Direct Line', { ...base, channelId: 'webchat' }, true, { via: 'directline', conversationId: 'c1' }],
    ['a channel', base, false, { via: 'channel', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:1', conversationId: 'c1', botId: 'b' }],
    ['replies in the HTTP response: nobody listens at serviceUrl', { ...base, deliveryMode: 'expectReplies' }, false, undefined],
    ['no serviceUrl', { ...base, serviceUrl: undefined }, false, undefined],
    ['no conversation', { ...base, conversation: {} }, false, undefined],
  ])('%s', (_name, activity, local, expected) => {
    expect(replyRefOf(activity, local)).toEqual(expected);
  });

  test('no reference: none; no way registered, a refusal or an error: failed', async () => {
    const d = new NoticeDelivery();
    const m = { text: 'x', locale: 'de' };
    expect(await d.deliver(undefined, m)).toBe('none');
    expect(await d.deliver({ via: 'directline', conversationId: 'c' }, m)).toBe('failed');
    d.use('directline', async () => false);
    expect(await d.deliver({ via: 'directline', conversationId: 'c' }, m)).toBe('failed');
    d.use('directline', async () => { throw new Error('gone'); });
    expect(await d.deliver({ via: 'directline', conversationId: 'c' }, m)).toBe('failed');
    d.use('directline', async () => true);
    expect(await d.deliver({ via: 'directline', conversationId: 'c' }, m)).toBe('delivered');
  });

  test('without MicrosoftAppId a stored serviceUrl outside SERVICE_URL_HOSTS is never called', async () => {
    const called: string[] = [];
    const adapter: ProactiveAdapter = { continueConversationAsync: async (_id, ref) => { called.push(ref.serviceUrl); } };
    const send = channelDelivery(adapter, '', ['localhost', '127.0.0.1']);
    const ref = { via: 'channel' as const, channelId: 'emulator', conversationId: 'c' };
    expect(await send({ ...ref, serviceUrl: 'http://10.0.0.7:8080' }, { text: 'x', locale: 'de' })).toBe(false);
    expect(await send({ ...ref, serviceUrl: 'file:///etc/passwd' }, { text: 'x', locale: 'de' })).toBe(false);
    expect(called).toEqual([]);
  });
});
