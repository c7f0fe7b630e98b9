// The real server on port 0: /api/messages with expectReplies, bad input, crises, deleting data,
// and Bot Framework auth when MicrosoftAppId is set. Real lowdb files in a temp folder.
import * as fs from 'fs';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { testApp } from '../helpers/app';
import type { App } from '../../bot/app';
import type { Config } from '../../bot/config';
import { createLogger } from '../../bot/log';
import { messageTextsKept } from '../../bot/memo';

let app: App & { config: Config };
let base: string;
let seq = 0;

beforeAll(async () => {
  app = await testApp();
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(() => new Promise<void>((r) => app.server.close(() => r())));

interface Reply { status: number; body: { activities?: { type: string; text?: string }[]; error?: string; message?: string } }

async function post(body: unknown, raw = false): Promise<Reply> {
  const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw ? (body as string) : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {} };
}

function message(conv: string, text: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'message', id: `m${++seq}`, text, channelId: 'emulator', serviceUrl: base, deliveryMode: 'expectReplies',
    from: { id: `user-${conv}` }, recipient: { id: 'bot' }, conversation: { id: conv }, locale: 'de-DE', ...extra,
  };
}
const texts = (r: Reply) => (r.body.activities ?? []).filter((a) => a.type === 'message').map((a) => a.text ?? '').join('\n');

test('GET /healthz answers 200', async () => {
  const res = await fetch(`${base}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok' });
});

test('a fresh conversation asks directly and gets the answer in the HTTP body', async () => {
  const r = await post(message('c-direct', 'Wie hoch ist das Pflegegeld bei Pflegegrad 3?'));
  expect(r.status).toBe(200);
  expect(texts(r)).toMatch(/599 €/);
});

test('no locale: an English question is answered in English', async () => {
  const m = message('c-en', 'What is Verhinderungspflege?');
  delete (m as Record<string, unknown>).locale;
  expect(texts(await post(m))).toMatch(/respite|replacement/i);
});

test.each([
  ['Meine Mutter ist bewusstlos!', /112/],
  ['Ich will nicht mehr leben', /0800 111 0 111/],
  ['Mein Sohn schlägt mich', /110/],
])('crisis first: %s', async (text, re) => {
  expect(texts(await post(message(`c-crisis-${seq}`, text)))).toMatch(re);
});

describe('bad input gets a clear reply or a 4xx, never a 5xx', () => {
  test.each([
    ['empty text', message('c-bad1', ''), /leer/],
    ['only emoji', message('c-bad2', '👍🙂'), /in Worten/],
    ['20,000 characters', message('c-bad3', 'Pflege '.repeat(2900)), /sehr lang/],
    ['French with locale fr-FR', message('c-bad4', "Bonjour, où puis-je trouver de l'aide?", { locale: 'fr-FR' }), /Deutsch und Englisch/],
  ])('%s', async (_name, body, re) => {
    const r = await post(body);
    expect(r.status).toBe(200);
    expect(texts(r)).toMatch(re);
  });

  test('malformed JSON → 400', async () => {
    expect((await post('{"type": "message", ', true)).status).toBe(400);
  });
  test('missing conversation → 400 with a readable message', async () => {
    const r = await post({ type: 'message', text: 'hi', from: { id: 'u' } });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/conversation/);
  });
  test('a message without "from" → 400', async () => {
    expect((await post({ type: 'message', text: 'hi', conversation: { id: 'x' } })).status).toBe(400);
  });
  test('a body over 256 KB → 413', async () => {
    expect((await post(message('c-big', 'x'.repeat(300_000)))).status).toBe(413);
  });
  test('a non-message activity is accepted quietly', async () => {
    const r = await post({ ...message('c-typing', ''), type: 'typing' });
    expect(r.status).toBeLessThan(300);
  });
  test('after all that, other conversations still work', async () => {
    expect(texts(await post(message('c-after', 'Was ist der Entlastungsbetrag?')))).toMatch(/131 €/);
  });
});

test('"Meine Daten löschen" removes the conversation state from the lowdb files', async () => {
  const conv = 'c-delete-me-7f3a';
  await post(message(conv, 'Pflegegeld bei Pflegegrad 4'));
  const stateDir = path.join(app.config.dataDir, 'state');
  const onDisk = () => fs.readdirSync(stateDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'utf8')).join('');
  expect(onDisk()).toContain(conv);
  const ask = await post(message(conv, 'Bitte löschen Sie meine Daten'));
  expect(texts(ask)).toMatch(/wirklich/);
  expect(onDisk()).toContain(conv); // nothing deleted on a guess
  const r = await post(message(conv, 'Ja, alles löschen'));
  expect(texts(r)).toMatch(/gelöscht/);
  expect(onDisk()).not.toContain(conv);
  // nor in memory: the folding and sentence memos that keep message texts for speed are emptied
  expect(messageTextsKept()).toBe(0);
});

test('turns run without SDK warnings (the dialog runner provides every memory scope the SDK touches)', async () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    for (const text of ['Ich suche einen Pflegedienst', 'Saarn', 'mehr', 'Pflegegrad selbst einschätzen', 'zurück', 'abbrechen']) {
      expect((await post(message('c-quiet', text))).status).toBe(200);
    }
    expect(warn.mock.calls).toEqual([]);
    expect(error.mock.calls).toEqual([]);
  } finally {
    warn.mockRestore();
    error.mockRestore();
  }
});

test('no citizen text in the logs by default', async () => {
  const lines: string[] = [];
  const logger = createLogger('info', false, { write: (s: string) => lines.push(s) } as never);
  const other = await testApp({}, { logger });
  await new Promise<void>((r) => other.server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(other.server.address() as AddressInfo).port}`;
  const secret = 'Meine Mutter Erna Beispiel hat Demenz';
  await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...message('c-log', secret), serviceUrl: url }) });
  await new Promise<void>((r) => other.server.close(() => r()));
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.join('')).not.toContain('Erna');
}, 60_000);

test('with MicrosoftAppId set, unauthenticated requests are refused', async () => {
  const secured = await testApp({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-real-secret' });
  await new Promise<void>((r) => secured.server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(secured.server.address() as AddressInfo).port}`;
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message('c-auth', 'Hallo')) });
  await new Promise<void>((r) => secured.server.close(() => r()));
  expect(res.status).toBe(401);
}, 60_000);
