// The built-in Direct Line with the real app: turns run in this process (no HTTP call to itself),
// also when MicrosoftAppId is set and /api/messages demands Bot Framework tokens.
import type { AddressInfo } from 'net';
import { testApp } from '../helpers/app';
import { webRoutes } from '../../bot/web/routes';
import { loadConfig } from '../../bot/config';
import type { App } from '../../bot/app';
import type { DirectLineService } from '../../bot/directline/routes';

let app: App;
let base: string;
let directLine: DirectLineService;

beforeAll(async () => {
  const env = { MicrosoftAppId: '00000000-0000-0000-0000-000000000002', MicrosoftAppPassword: 'not-a-real-secret' };
  const routes = webRoutes(loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ...env }), {
    newConversationsPerMinute: 1000,
    onDirectLine: (s) => { directLine = s; },
  });
  app = await testApp(env, { routes: [routes] });
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(() => new Promise<void>((r) => app.server.close(() => r())));

async function call(method: string, url: string, token?: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

test('welcome, answer and clientActivityID echo arrive through the in-process turn', async () => {
  const gen = await call('POST', '/v3/directline/tokens/generate');
  const start = await call('POST', '/v3/directline/conversations', gen.json.token, { locale: 'de-DE' });
  expect(start.status).toBe(201);
  const { conversationId, token } = start.json as { conversationId: string; token: string };
  const sent = await call('POST', `/v3/directline/conversations/${conversationId}/activities`, token, {
    type: 'message', text: 'Wie viel Pflegegeld gibt es bei Pflegegrad 3?', locale: 'de-DE', from: { id: 'x' }, channelData: { clientActivityID: 'client-1' },
  });
  expect(sent.status).toBe(200);
  await directLine.idle();
  const all = await call('GET', `/v3/directline/conversations/${conversationId}/activities?watermark=0`, token);
  const acts = all.json.activities as { type: string; text?: string; from: { role?: string }; channelData?: { clientActivityID?: string } }[];
  const mine = acts.find((a) => a.channelData?.clientActivityID === 'client-1');
  expect(mine?.from.role).toBe('user');
  const botTexts = acts.filter((a) => a.from.role === 'bot' && a.type === 'message').map((a) => a.text ?? '');
  expect(botTexts.length).toBeGreaterThanOrEqual(2); // welcome + answer
  expect(botTexts.join('\n')).toMatch(/599 €/);
}, 60_000);

test('/api/messages itself still refuses unauthenticated requests', async () => {
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', text: 'Hallo', deliveryMode: 'expectReplies', channelId: 'emulator', serviceUrl: base, from: { id: 'u' }, recipient: { id: 'b' }, conversation: { id: 'c' } }),
  });
  expect(res.status).toBe(401);
});
