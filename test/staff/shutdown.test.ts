// A normal shutdown (SIGTERM) writes what is still gathering: the staff store waits up to a second
// before it rewrites its file for a turn's counters, and the bot must not exit before. The real
// entry point (bot/index.ts) runs in a child process on a loopback port.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, TODAY } from '../helpers/app';
import { tempDir } from '../helpers/tmp';
import { freePort } from '../helpers/freePort';

test('SIGTERM writes the pending staff counters and the conversation state before the bot exits', async () => {
  const dataDir = tempDir('pn-shutdown-');
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'test', 'helpers', 'tsChild.js'), path.join(ROOT, 'bot', 'index.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, NLU_CACHE_DIR: path.join(ROOT, '.cache', 'nlu-test'), LOG_LEVEL: 'info', TODAY, MicrosoftAppId: '', MicrosoftAppPassword: '', DIRECTLINE_SECRET: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('Pflegenetz is listening')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`the bot ended (${code}) before it listened:\n${out}`)));
  });
  const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message', id: 'm1', text: 'Wie viel Pflegegeld bekommt man mit Pflegegrad 2?', locale: 'de-DE', channelId: 'emulator', deliveryMode: 'expectReplies',
      serviceUrl: `http://127.0.0.1:${port}`, from: { id: 'user-shutdown' }, recipient: { id: 'bot' }, conversation: { id: 'conv-shutdown' },
    }),
  });
  expect(res.status).toBe(200);
  expect(JSON.stringify(await res.json())).toContain('"type":"message"');
  // at once: the staff store's background write is still waiting for its second
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  const staff = JSON.parse(fs.readFileSync(path.join(dataDir, 'staff', 'staff.json'), 'utf8')) as { planning: Record<string, number> };
  expect(Object.values(staff.planning).reduce((a, b) => a + b, 0)).toBe(1);
  const state = fs.readdirSync(path.join(dataDir, 'state')).filter((f) => /^state/.test(f))
    .map((f) => fs.readFileSync(path.join(dataDir, 'state', f), 'utf8')).join('\n');
  expect(state).toContain('emulator/conversations/conv-shutdown');
}, 120_000);
