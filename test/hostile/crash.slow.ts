// Issue 14: kill -9 under write load loses no acknowledged turn. A child process writes from 16
// concurrent "turns" with frequent compactions; the test kills it (SIGKILL) in the middle, opens
// the folder again and checks that every acknowledged write (or a later one) is there.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { LowdbStorage } from '../../bot/store/lowdbStorage';
import { tempDir } from '../helpers/tmp';

async function runAndKill(dir: string, acksBeforeKill: number): Promise<Map<string, number>> {
  const child = spawn(process.execPath, [path.join(__dirname, 'crashChild.js'), dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const acked = new Map<string, number>();
  let count = 0;
  let buf = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
  await new Promise<void>((resolve, reject) => {
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended (${code}): ${err}`))));
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const l of lines) {
        const m = /^ack (\S+) (\d+)$/.exec(l);
        if (!m) continue;
        acked.set(m[1], Math.max(acked.get(m[1]) ?? 0, Number(m[2])));
        if (++count === acksBeforeKill) child.kill('SIGKILL');
      }
    });
  });
  return acked;
}

test.each([3000, 9000])('kill -9 after %d acknowledged writes: none is lost', async (n) => {
  const dir = tempDir('pn-crash-');
  const acked = await runAndKill(dir, n);
  const s = await LowdbStorage.open({ dir, retentionDays: 30, warn: () => undefined });
  const items = await s.read([...acked.keys()]);
  let lost = 0;
  for (const [key, v] of acked) {
    const got = (items[key] as { n?: number } | undefined)?.n;
    if (got === undefined || !(got >= v)) lost++;
  }
  console.log(`kill -9 after ${n} acknowledged writes: ${acked.size} acknowledged turns checked, ${lost} lost`);
  expect(acked.size).toBeGreaterThanOrEqual(n);
  expect(lost).toBe(0);
  fs.rmSync(dir, { recursive: true, force: true });
}, 120_000);
