// The real entry point in plain Node (not jest's module registry): bot/sdk/connector.ts puts a facade
// for botframework-connector's index into Node's module cache, which only happens outside jest. So the
// protocol paths that load the real index on first use are driven here through HTTP: a turn whose
// replies go to the channel's serviceUrl, an expectReplies turn, and a credentialed bot refusing an
// unauthenticated request.
import { spawn, type ChildProcess } from 'child_process';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import { ROOT, TODAY } from '../helpers/app';
import { tempDir } from '../helpers/tmp';
import { freePort } from '../helpers/freePort';

const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGTERM')));

async function startBot(env: Record<string, string>): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'test', 'helpers', 'tsChild.js'), path.join(ROOT, 'bot', 'index.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: tempDir('pn-plain-'), NLU_CACHE_DIR: path.join(ROOT, '.cache', 'nlu-test'), LOG_LEVEL: 'info', TODAY, MicrosoftAppId: '', MicrosoftAppPassword: '', DIRECTLINE_SECRET: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('Pflegenetz is listening')) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the bot ended (${code}) before it listened:\n${out}`)));
  });
  return `http://127.0.0.1:${port}`;
}

const activity = (conv: string, text: string, extra: object) => JSON.stringify({
  type: 'message', id: `m-${conv}`, text, locale: 'de-DE', channelId: 'emulator',
  from: { id: `user-${conv}` }, recipient: { id: 'bot' }, conversation: { id: conv }, ...extra,
});
const post = (url: string, body: string) => fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

test('anonymous bot in plain Node: replies reach the serviceUrl, and expectReplies answers in the response', async () => {
  const received: Array<{ url: string; body: { type?: string; text?: string } }> = [];
  let gotReply: () => void = () => undefined;
  const replied = new Promise<void>((resolve) => { gotReply = resolve; });
  const channel = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => { raw += c.toString(); });
    req.on('end', () => {
      const body = JSON.parse(raw || '{}') as { type?: string; text?: string };
      received.push({ url: req.url ?? '', body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `r${received.length}` }));
      if (body.type === 'message' && body.text) gotReply();
    });
  });
  await new Promise<void>((resolve) => channel.listen(0, '127.0.0.1', resolve));
  const channelUrl = `http://127.0.0.1:${(channel.address() as net.AddressInfo).port}`;
  try {
    const bot = await startBot({});
    const res = await post(bot, activity('conv-posted', 'Wie viel Pflegegeld gibt es bei Pflegegrad 2?', { serviceUrl: channelUrl }));
    expect([200, 201, 202]).toContain(res.status);
    await replied;
    const reply = received.find((r) => r.body.type === 'message' && r.body.text);
    expect(reply?.url).toMatch(/^\/v3\/conversations\/conv-posted\/activities/);
    expect(reply?.body.text).toMatch(/Pflegegeld|€/);

    const direct = await post(bot, activity('conv-expect', 'Wie viel Pflegegeld gibt es bei Pflegegrad 2?', { serviceUrl: channelUrl, deliveryMode: 'expectReplies' }));
    expect(direct.status).toBe(200);
    const { activities } = await direct.json() as { activities: Array<{ type: string; text?: string }> };
    expect(activities.some((a) => a.type === 'message' && /€/.test(a.text ?? ''))).toBe(true);
  } finally {
    channel.close();
  }
}, 120_000);

test('a bot with credentials refuses an unauthenticated request in plain Node', async () => {
  const bot = await startBot({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-a-secret' });
  const res = await post(bot, activity('conv-auth', 'Hallo', { serviceUrl: 'http://127.0.0.1:9' }));
  expect(res.status).toBe(401);
}, 120_000);
