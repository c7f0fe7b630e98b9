// Issue 14: fuzzed activity shapes (fast-check, fixed seed, bounded runs) against the real app over
// HTTP: /api/messages (both paths: expectReplies in process, and CloudAdapter with a serviceUrl) and
// the built-in Direct Line. No answer may be a 5xx, and the server must be healthy afterwards.
import * as fc from 'fast-check';
import type { AddressInfo } from 'net';
import { testApp, testConfig } from '../helpers/app';
import type { App } from '../../bot/app';
import { webRoutes } from '../../bot/web/routes';

const RUNS = Number(process.env.HOSTILE_FUZZ_RUNS ?? 2000);
const SEED = 14;

let app: App;
let base: string;
let emulator: import('http').Server;
let emulatorUrl: string;

beforeAll(async () => {
  // a stand-in for the Emulator: accepts replies on loopback
  const http = await import('http');
  emulator = http.createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"id":"1"}'); }); });
  await new Promise<void>((r) => emulator.listen(0, '127.0.0.1', () => r()));
  emulatorUrl = `http://127.0.0.1:${(emulator.address() as AddressInfo).port}`;
  app = await testApp({}, { routes: [webRoutes(testConfig(), { newConversationsPerMinute: 100_000, newConversationsBurst: 100_000 })] });
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  await new Promise<void>((r) => app.server.close(() => r()));
  await new Promise<void>((r) => emulator.close(() => r()));
});

const json = fc.jsonValue({ maxDepth: 6 });
const text = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.constantFrom('Ich wohne in Saarn', 'Pflegegrad 3', 'Meine Daten löschen', 'Ja', 'neu', '', '   ', '🙂', 'Wie beantrage ich einen Pflegegrad?'),
  fc.integer({ min: 1, max: 5000 }).map((n) => 'a '.repeat(n)),
  json,
);
const anything = fc.oneof(json, fc.constant(undefined));
/** shapes a channel could plausibly send, with odd values in the optional fields: these reach the bot */
const plausible = fc.record({
  type: fc.constantFrom('message', 'message', 'message', 'conversationUpdate', 'event', 'typing', 'messageReaction', 'endOfConversation'),
  text,
  id: fc.string({ maxLength: 20 }),
  channelId: fc.constantFrom('emulator', 'webchat', 'msteams', 'directline', 'test', 'sms', 'telegram'),
  conversation: fc.record({ id: fc.string({ minLength: 1, maxLength: 40 }) }),
  from: fc.record({ id: fc.string({ minLength: 1, maxLength: 40 }) }),
  recipient: fc.record({ id: fc.string({ minLength: 1, maxLength: 10 }) }),
  locale: fc.oneof(fc.constantFrom('de-DE', 'en-US', 'ar', 'tr-TR', ''), fc.string({ maxLength: 30 })),
  deliveryMode: fc.constantFrom('expectReplies', 'expectReplies', undefined),
  serviceUrl: fc.constantFrom('EMULATOR', 'http://127.0.0.1:1'),
  membersAdded: fc.option(fc.array(fc.record({ id: fc.string({ minLength: 1, maxLength: 10 }) }), { maxLength: 3 }), { nil: undefined }),
  value: fc.option(json, { nil: undefined }),
  channelData: fc.option(fc.dictionary(fc.string({ maxLength: 8 }), json, { maxKeys: 4 }), { nil: undefined }),
  entities: fc.option(fc.array(fc.record({ type: fc.string({ maxLength: 10 }) }), { maxLength: 2 }), { nil: undefined }),
  attachments: fc.option(fc.array(fc.record({ contentType: fc.string({ maxLength: 20 }), content: json }), { maxLength: 2 }), { nil: undefined }),
  timestamp: fc.option(fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string({ maxLength: 30 })), { nil: undefined }),
}, { requiredKeys: ['type', 'conversation', 'from'] });

/** anything in any field */
const wild = fc.record({
  type: fc.oneof(fc.constantFrom('message', 'conversationUpdate', 'event', 'invoke', 'typing', 'messageReaction', 'endOfConversation', 'installationUpdate'), fc.string({ maxLength: 10 }), anything),
  text,
  id: fc.oneof(fc.string({ maxLength: 20 }), anything),
  channelId: fc.oneof(fc.constantFrom('emulator', 'webchat', 'msteams', 'directline', 'test', 'sms', '#directline'), fc.string({ maxLength: 70 }), anything),
  conversation: fc.oneof(fc.record({ id: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), anything) }), anything),
  from: fc.oneof(fc.record({ id: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), anything), name: fc.option(fc.string(), { nil: undefined }) }), anything),
  recipient: fc.oneof(fc.record({ id: fc.string({ maxLength: 10 }) }), anything),
  locale: fc.oneof(fc.constantFrom('de-DE', 'en-US', 'ar', 'xx', ''), fc.string({ maxLength: 40 }), anything),
  deliveryMode: fc.oneof(fc.constant('expectReplies'), fc.constant(undefined), json),
  serviceUrl: fc.oneof(fc.constant('EMULATOR'), fc.constant('http://127.0.0.1:1'), fc.constantFrom(42, {}, [], 'ftp://x', 'http://example.org'), anything),
  membersAdded: fc.oneof(fc.array(fc.record({ id: fc.string({ maxLength: 10 }) }), { maxLength: 3 }), anything),
  attachments: fc.oneof(fc.array(fc.record({ contentType: fc.string({ maxLength: 20 }), content: json }), { maxLength: 2 }), anything),
  value: anything,
  channelData: anything,
  entities: anything,
  timestamp: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string({ maxLength: 30 }), anything),
}, { requiredKeys: [] });
const activity = fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 1, arbitrary: wild });

test(`${RUNS} fuzzed activities on /api/messages: no 5xx`, async () => {
  const statuses = new Map<number, number>();
  await fc.assert(fc.asyncProperty(activity, async (a) => {
    const body = JSON.stringify(a).replace('"EMULATOR"', JSON.stringify(emulatorUrl));
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await res.arrayBuffer();
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    return res.status < 500;
  }), { seed: SEED, numRuns: RUNS, endOnFailure: true });
  console.log(`fuzz /api/messages: ${RUNS} runs, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
}, 900_000);

test(`${Math.round(RUNS / 2)} fuzzed activities over Direct Line: no 5xx, the transcript stays readable`, async () => {
  const statuses = new Map<number, number>();
  const start = await (await fetch(`${base}/v3/directline/tokens/generate`, { method: 'POST' })).json() as { token: string; conversationId: string };
  const auth = { authorization: `Bearer ${start.token}` };
  const url = `${base}/v3/directline/conversations/${start.conversationId}/activities`;
  let n = 0;
  await fc.assert(fc.asyncProperty(activity, async (a) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(a) });
    await res.arrayBuffer();
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    // the per-conversation queue answers 429 while turns pile up: wait now and then
    if (++n % 8 === 0) await new Promise((r) => setTimeout(r, 50));
    const get = await fetch(url, { headers: auth });
    await get.arrayBuffer();
    return res.status < 500 && get.status === 200;
  }), { seed: SEED, numRuns: Math.round(RUNS / 2), endOnFailure: true });
  console.log(`fuzz Direct Line: ${Math.round(RUNS / 2)} runs, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
}, 900_000);
