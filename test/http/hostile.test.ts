// Issue 14, the fast part (in `npm test`): what an attacker sends over HTTP to the real app (real
// bot, real lowdb files, built-in Direct Line) gets a 4xx and leaves nothing behind. The slow part
// (flood + restart, fuzzing, kill -9) is `npm run test:hostile` (test/hostile/).
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as zlib from 'zlib';
import type { AddressInfo } from 'net';
import { testApp, testConfig } from '../helpers/app';
import type { App } from '../../bot/app';
import type { Config } from '../../bot/config';
import { webRoutes } from '../../bot/web/routes';
import { LOCAL_DIRECTLINE_CHANNEL } from '../../bot/store/jsonConversationState';
import type { DirectLineService } from '../../bot/directline/routes';

let app: App & { config: Config };
let base: string;
let directLine: DirectLineService;
let seq = 0;

beforeAll(async () => {
  const routes = webRoutes(testConfigFor(), { newConversationsPerMinute: 1000, onDirectLine: (s) => { directLine = s; } });
  app = await testApp({}, { routes: [routes] });
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(() => new Promise<void>((r) => app.server.close(() => r())));

const testConfigFor = (env: Record<string, string> = {}): Config => testConfig(env);

function message(conv: string, text: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'message', id: `h${++seq}`, text, channelId: 'emulator', deliveryMode: 'expectReplies',
    from: { id: `user-${conv}` }, recipient: { id: 'bot' }, conversation: { id: conv }, locale: 'de-DE', ...extra,
  };
}

async function send(url: string, body: Buffer | string, headers: Record<string, string> = {}, token?: string): Promise<{ status: number; json: any }> {
  const res = await fetch(`${base}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body as unknown as BodyInit,
  });
  const text = await res.text();
  let json: unknown;
  try { json = text ? JSON.parse(text) : undefined; } catch { json = text; }
  return { status: res.status, json };
}
const texts = (r: { json: any }) => ((r.json?.activities ?? []) as { type: string; text?: string }[]).filter((a) => a.type === 'message').map((a) => a.text ?? '').join('\n');

async function newDirectLine(): Promise<{ token: string; conversationId: string }> {
  const r = await send('/v3/directline/tokens/generate', '');
  expect(r.status).toBe(200);
  await send('/v3/directline/conversations', '', {}, r.json.token);
  return r.json;
}
const activities = (id: string) => `/v3/directline/conversations/${encodeURIComponent(id)}/activities`;

async function healthy(): Promise<void> {
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
}

describe('bodies: the limit holds after decompression', () => {
  // 20 MB of text in ~20 KB of gzip: restify's parser counted the 20 KB and inflated the rest
  const bomb = zlib.gzipSync(JSON.stringify(message('c-bomb', 'x'.repeat(20 * 1024 * 1024))));

  test.each([
    ['gzip', bomb],
    ['deflate', zlib.deflateSync(JSON.stringify(message('c-bomb', 'y'.repeat(20 * 1024 * 1024))))],
    ['br', zlib.brotliCompressSync(JSON.stringify(message('c-bomb', 'z'.repeat(20 * 1024 * 1024))))],
  ])('a %s bomb on /api/messages → 413', async (encoding, body) => {
    expect(body.length).toBeLessThan(256 * 1024);
    const r = await send('/api/messages', body, { 'content-encoding': encoding });
    expect(r.status).toBe(413);
    expect(r.json.error).toBe('PayloadTooLarge');
    await healthy();
  });

  test('a gzip bomb on Direct Line token generation and activities → 413 in Direct Line\'s error shape', async () => {
    expect((await send('/v3/directline/tokens/generate', bomb, { 'content-encoding': 'gzip' })).status).toBe(413);
    const dl = await newDirectLine();
    const r = await send(activities(dl.conversationId), bomb, { 'content-encoding': 'gzip' }, dl.token);
    expect(r.status).toBe(413);
    expect(r.json.error.code).toBe('PayloadTooLarge');
    await healthy();
  });

  test('a small gzip body is decoded and answered', async () => {
    const r = await send('/api/messages', zlib.gzipSync(JSON.stringify(message('c-gz', 'Hallo'))), { 'content-encoding': 'gzip' });
    expect(r.status).toBe(200);
    expect(texts(r)).not.toBe('');
  });

  test('an unknown Content-Encoding and broken gzip → 4xx', async () => {
    expect((await send('/api/messages', 'abc', { 'content-encoding': 'compress' })).status).toBe(415);
    expect((await send('/api/messages', Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' })).status).toBe(400);
  });
});

describe('multipart and forms are refused on every route, and leave no temp files', () => {
  const uploads = () => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('upload_')).sort();

  test.each(['/api/messages', '/v3/directline/tokens/generate', '/v3/directline/conversations/x/activities/upload', '/v3/directline/conversations/x/activities'])('%s', async (url) => {
    const before = uploads();
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(2 * 1024 * 1024, 120)]), 'big.bin');
    const res = await fetch(`${base}${url}`, { method: 'POST', body: form });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(uploads()).toEqual(before);
    const urlencoded = await fetch(`${base}${url}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect(urlencoded.status).toBeGreaterThanOrEqual(400);
    expect(urlencoded.status).toBeLessThan(500);
  });
});

describe('JSON depth and string length are bounded before parsing', () => {
  const deep = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;

  test('5,000-deep channelData on /api/messages → 413', async () => {
    const body = JSON.stringify(message('c-deep', 'Hallo')).replace(/}$/, `,"channelData":${deep(5000)}}`);
    const r = await send('/api/messages', body);
    expect(r.status).toBe(413);
    expect(r.json.message).toMatch(/nesting/);
  });

  test('5,000-deep channelData over Direct Line is refused and does not poison later GETs', async () => {
    const dl = await newDirectLine();
    const body = `{"type":"message","text":"Hallo","channelData":${deep(5000)}}`;
    const r = await send(activities(dl.conversationId), body, {}, dl.token);
    expect(r.status).toBe(413);
    await send(activities(dl.conversationId), JSON.stringify({ type: 'message', text: 'Hallo', channelData: JSON.parse(deep(30)) }), {}, dl.token);
    await directLine.idle();
    const get = await fetch(`${base}${activities(dl.conversationId)}`, { headers: { authorization: `Bearer ${dl.token}` } });
    expect(get.status).toBe(200);
  });

  test('one string longer than the limit → 413', async () => {
    const r = await send('/api/messages', JSON.stringify(message('c-str', 'Hallo', { name: 'n'.repeat(200 * 1024) })));
    expect(r.status).toBe(413);
  });
});

describe('long messages', () => {
  test('120,000 characters (under the 128 K string limit) get the friendly "too long" answer', async () => {
    const r = await send('/api/messages', JSON.stringify(message('c-long', 'Pflegegrad '.repeat(11_000))));
    expect(r.status).toBe(200);
    expect(texts(r)).toMatch(/sehr lang/);
  });

  test('no pattern sees more than MAX_MESSAGE_CHARS: the crisis check gets two bounded windows', async () => {
    const check = jest.spyOn(app.services.safety, 'assess');
    try {
      const r = await send('/api/messages', JSON.stringify(message('c-bound', `${'a'.repeat(60_000)} ${'b'.repeat(60_000)}`)));
      expect(r.status).toBe(200);
      const lengths = check.mock.calls.map(([t]) => t.length);
      expect(lengths.length).toBeGreaterThan(0);
      expect(Math.max(...lengths)).toBeLessThanOrEqual(app.config.maxMessageChars);
    } finally {
      check.mockRestore();
    }
  });

  test('a long message still gets the crisis answer when it ends with a crisis', async () => {
    const calm = await send('/api/messages', JSON.stringify(message('c-long-calm', 'Wie beantrage ich einen Pflegegrad? '.repeat(100))));
    const crisis = await send('/api/messages', JSON.stringify(message('c-long-crisis', `${'Wie beantrage ich einen Pflegegrad? '.repeat(100)} Ich will nicht mehr leben.`)));
    const direct = await send('/api/messages', JSON.stringify(message('c-short-crisis', 'Ich will nicht mehr leben.')));
    expect(texts(calm)).toMatch(/sehr lang/);
    const firstCrisisLine = texts(direct).split('\n')[0];
    expect(firstCrisisLine).not.toBe('');
    expect(texts(crisis)).toContain(firstCrisisLine);
  });
});

describe('Direct Line conversations are reachable only with their token', () => {
  test('/api/messages with channelId "webchat" and a Direct Line conversation id neither reads nor deletes its state', async () => {
    const dl = await newDirectLine();
    await send(activities(dl.conversationId), JSON.stringify({ type: 'message', text: 'Ich habe Pflegegrad 4' }), {}, dl.token);
    await directLine.idle();
    const own = `${LOCAL_DIRECTLINE_CHANNEL}/conversations/${dl.conversationId}`;
    const before = (await app.storage.read([own]))[own];
    expect(before).toBeDefined();
    const transcript = await (await fetch(`${base}${activities(dl.conversationId)}`, { headers: { authorization: `Bearer ${dl.token}` } })).json() as { activities: { from: { id: string } }[] };
    const userId = transcript.activities.find((a) => a.from.id.startsWith('dl_'))!.from.id;
    const forged = { channelId: 'webchat', conversation: { id: dl.conversationId }, from: { id: userId } };
    const read = await send('/api/messages', JSON.stringify(message('x', 'Was bekomme ich bei meinem Pflegegrad?', forged)));
    expect(read.status).toBe(200);
    expect(texts(read)).not.toMatch(/Pflegegrad 4/);
    await send('/api/messages', JSON.stringify(message('x', 'Meine Daten löschen', forged)));
    await send('/api/messages', JSON.stringify(message('x', 'Ja', forged)));
    expect((await app.storage.read([own]))[own]).toBeDefined();
  });

  test('the internal channel name cannot be claimed from outside', async () => {
    const r = await send('/api/messages', JSON.stringify(message('x', 'Hallo', { channelId: LOCAL_DIRECTLINE_CHANNEL })));
    expect(r.status).toBe(400);
  });
});

describe('serviceUrl in anonymous mode', () => {
  test.each([[42], [{}], [[]], ['not a url'], ['ftp://127.0.0.1/']])('serviceUrl %j → 400, not 500', async (serviceUrl) => {
    const r = await send('/api/messages', JSON.stringify({ ...message('c-su', 'Hallo'), deliveryMode: undefined, serviceUrl }));
    expect(r.status).toBe(400);
  });

  test('a host outside SERVICE_URL_HOSTS is refused before any call is made', async () => {
    const calls: string[] = [];
    const target = http.createServer((req, res) => { calls.push(req.url ?? ''); res.end('{}'); });
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', () => r()));
    const port = (target.address() as AddressInfo).port;
    try {
      // the name is never resolved: the host is not on the default list (this machine only)
      const r = await send('/api/messages', JSON.stringify({ ...message('c-su2', 'Hallo'), deliveryMode: undefined, serviceUrl: `http://127.0.0.2.nip.io:${port}` }));
      expect(r.status).toBe(400);
      expect(r.json.message).toMatch(/not allowed/);
      expect(calls).toEqual([]);
    } finally {
      await new Promise<void>((r) => target.close(() => r()));
    }
  });

  test('a serviceUrl that never answers cannot hold the request (SERVICE_URL_TIMEOUT_MS)', async () => {
    const sockets = new Set<import('net').Socket>();
    const silent = http.createServer(() => { /* never answers */ });
    silent.on('connection', (s) => sockets.add(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const port = (silent.address() as AddressInfo).port;
    const quick = await testApp({ SERVICE_URL_TIMEOUT_MS: '1000' });
    await new Promise<void>((r) => quick.server.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(quick.server.address() as AddressInfo).port}`;
    try {
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...message('c-slow', 'Hallo'), deliveryMode: undefined, serviceUrl: `http://127.0.0.1:${port}` }),
      });
      // the reply could not be delivered; the request ends instead of waiting for minutes
      expect(res.status).toBeGreaterThanOrEqual(200);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => silent.close(() => r()));
      await new Promise<void>((r) => quick.server.close(() => r()));
    }
  }, 30_000);
});

describe('pages and logs', () => {
  test('the page may be framed only by itself (frame-ancestors), or by the configured origins', async () => {
    const res = await fetch(`${base}/`);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'(;|$)/);
    const routes = webRoutes(testConfigFor({ FRAME_ANCESTORS: "'self' https://www.muelheim-ruhr.de" }));
    const other = await testApp({}, { routes: [routes] });
    await new Promise<void>((r) => other.server.listen(0, '127.0.0.1', () => r()));
    try {
      const page = await fetch(`http://127.0.0.1:${(other.server.address() as AddressInfo).port}/privacy`);
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self' https://www.muelheim-ruhr.de");
    } finally {
      await new Promise<void>((r) => other.server.close(() => r()));
    }
  }, 60_000);

  test('no bearer token in any log line, whatever the request', async () => {
    const written: string[] = [];
    const out = jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => { written.push(String(s)); return true; });
    const err = jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => { written.push(String(s)); return true; });
    try {
      const dl = await newDirectLine();
      const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
      await send(activities(dl.conversationId), `{"type":"message","channelData":{"x":${deep}}}`, {}, dl.token);
      await send(activities(dl.conversationId), '{"type":', {}, dl.token);
      await fetch(`${base}${activities(dl.conversationId)}`, { headers: { authorization: `Bearer ${dl.token}` } });
      await send('/api/messages', JSON.stringify({ ...message('c-tok', 'Hallo'), serviceUrl: 42 }), { authorization: `Bearer ${dl.token}` });
      expect(written.join('')).not.toContain(dl.token);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });
});
