// The project's conversation-case runner (scripts/evalCases.ts): the case format, what a reply's text
// is, pass/fail per turn, and the same cases in process and over HTTP giving the same verdicts.
import type { AddressInfo } from 'net';
import * as fs from 'fs';
import * as path from 'path';
import { checkTurn, httpSender, inProcessSender, parseCases, replyText, runCase, type Case } from '../../scripts/evalCases';
import { testApp } from '../helpers/app';
import type { App } from '../../bot/app';

test('parseCases reads one case per line and names the line of a broken one', () => {
  const text = '{"id":"a","text":"Hallo","expect":["x"]}\n\n{"id":"b","turns":[{"text":"1"}]}\n';
  expect(parseCases(text, 'f.jsonl').map((c) => c.id)).toEqual(['a', 'b']);
  expect(() => parseCases('{"id":"a","text":"x"}\n{nope', 'f.jsonl')).toThrow(/f\.jsonl:2: not JSON/);
  expect(() => parseCases('{"id":"a"}', 'f.jsonl')).toThrow(/f\.jsonl:1: a case needs an id and a text or turns/);
});

test('the project cases all parse and each file has a minimum rate or needs 100 %', () => {
  const dir = path.join(__dirname, '..', 'cases');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
  expect(files.length).toBeGreaterThan(0);
  for (const f of files) expect(parseCases(fs.readFileSync(path.join(dir, f), 'utf8'), f).length).toBeGreaterThan(0);
  const rates = JSON.parse(fs.readFileSync(path.join(dir, 'min-rates.json'), 'utf8')) as Record<string, number>;
  for (const [file, rate] of Object.entries(rates)) {
    expect([file, files.includes(file), rate > 0 && rate <= 1]).toEqual([file, true, true]);
  }
});

test('reply text: message text, strings inside cards and button titles; typing and events left out', () => {
  const text = replyText([
    { type: 'typing' },
    { type: 'message', text: 'Antwort', attachments: [{ contentType: 'x', content: { title: 'Karte', buttons: [{ title: 'Anrufen', value: 'tel:1' }] } }] },
    { type: 'event', text: 'intern' },
    { type: 'message', suggestedActions: { to: [], actions: [{ type: 'imBack', title: 'Mehr dazu', value: 'Mehr dazu' }] } },
  ]);
  expect(text.split('\n')).toEqual(['Antwort', 'Karte', 'Anrufen', 'tel:1', 'Mehr dazu']);
  expect(text).not.toContain('intern');
});

test.each([
  [{ text: 't', expect: ['pflegekasse'] }, 'Die Pflegekasse entscheidet.', [], []],
  [{ text: 't', expect: ['Pflegekasse', '\\b112\\b'] }, 'Die Pflegekasse.', ['\\b112\\b'], []],
  [{ text: 't', forbid: ['nicht verstanden'] }, 'Das habe ich nicht verstanden.', [], ['nicht verstanden']],
])('checkTurn %j', (turn, reply, missing, forbidden) => {
  expect(checkTurn(turn, 200, reply)).toMatchObject({ missing, forbidden });
});

test('a case passes only when every turn has a 2xx status and matches', async () => {
  const c: Case = { id: 'x', turns: [{ text: 'eins', expect: ['eins'] }, { text: 'zwei', expect: ['zwei'] }] };
  const echo = async (_c: string, _l: string | undefined, text: string) => ({ status: 200, activities: [{ type: 'message', text }] });
  expect((await runCase(c, echo, 'r')).pass).toBe(true);
  const failing = async (_c: string, _l: string | undefined, text: string) => ({ status: text === 'zwei' ? 500 : 200, activities: [{ type: 'message', text }] });
  expect((await runCase(c, failing, 'r')).pass).toBe(false);
  const throwing = async () => { throw new Error('connection refused'); };
  expect(await runCase({ id: 'y', text: 'a', expect: [] }, throwing, 'r')).toMatchObject({ pass: false, turns: [{ status: 0 }] });
});

describe('against the real app', () => {
  let app: App;
  let base: string;
  beforeAll(async () => {
    app = await testApp();
    await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  }, 120_000);
  afterAll(() => new Promise<void>((r) => app.server.close(() => r())));

  const cases: Case[] = [
    { id: 'one', locale: 'de-DE', text: 'Wie viel Pflegegeld gibt es bei Pflegegrad 3?', expect: ['Pflegegeld'], forbid: ['nicht verstanden'] },
    { id: 'two', locale: 'de-DE', turns: [{ text: 'Hallo', expect: ['.'] }, { text: 'Ich kann nicht mehr, ich will mich umbringen', expect: ['0800 111 0 111'] }] },
    { id: 'wrong', locale: 'de-DE', text: 'Hallo', expect: ['ein Satz, den der Bot nie sagt'] },
  ];

  test('in process and over HTTP give the same verdicts and replies', async () => {
    const local = await Promise.all(cases.map((c) => runCase(c, inProcessSender(app), 'local')));
    const http = await Promise.all(cases.map((c) => runCase(c, httpSender(base), 'http')));
    expect(local.map((r) => r.pass)).toEqual([true, true, false]);
    expect(http.map((r) => r.pass)).toEqual(local.map((r) => r.pass));
    expect(http.map((r) => r.turns.map((t) => t.reply))).toEqual(local.map((r) => r.turns.map((t) => t.reply)));
  });
});
