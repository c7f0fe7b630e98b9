// Issue 14: a flood of one-turn conversations with new ids ("Ich wohne in Saarn") against the real
// app (HTTP, real bot, real lowdb files), then a restart on the same folder. Bounded: the caps are
// set low here so that eviction happens within the run; HOSTILE_FLOOD (conversations) and
// STATE_MAX_ENTRIES raise them for the figures in docs/hostile.md.
import * as path from 'path';
import type { AddressInfo } from 'net';
import { testApp } from '../helpers/app';
import { LowdbStorage } from '../../bot/store/lowdbStorage';

const FLOOD = Number(process.env.HOSTILE_FLOOD ?? 6000);
const MAX_ENTRIES = process.env.STATE_MAX_ENTRIES ?? '4000';
const mb = (n: number) => Math.round(n / 1e6);

test(`a flood of ${FLOOD} new conversations is answered throughout, stored within the caps, and the restart loads`, async () => {
  const app = await testApp({ STATE_MAX_ENTRIES: MAX_ENTRIES });
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', () => r()));
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const status = new Map<number, number>();
  let next = 0;
  const t0 = Date.now();
  const worker = async () => {
    for (let i = next++; i < FLOOD; i = next++) {
      const res = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', id: `f${i}`, text: 'Ich wohne in Saarn', channelId: 'emulator', deliveryMode: 'expectReplies', locale: 'de-DE', from: { id: `flood-user-${i}` }, recipient: { id: 'bot' }, conversation: { id: `flood-${i}` } }),
      });
      await res.arrayBuffer();
      status.set(res.status, (status.get(res.status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  const floodMs = Date.now() - t0;
  const storage = app.storage as LowdbStorage;
  const stored = storage.size();
  const rss = process.memoryUsage().rss;
  const heap = process.memoryUsage().heapUsed;
  await new Promise<void>((r) => app.server.close(() => r()));
  await storage.settle();

  const t1 = Date.now();
  const again = await LowdbStorage.open({ dir: path.join(app.config.dataDir, 'state'), retentionDays: 30, limits: app.config.state, warn: () => undefined });
  const restartMs = Date.now() - t1;
  console.log([
    `flood: ${FLOOD} one-turn conversations in ${floodMs} ms, statuses ${JSON.stringify(Object.fromEntries(status))}`,
    `stored entries ${stored} (cap ${MAX_ENTRIES}, ${storage.evicted} evicted, ${mb(storage.heldBytes())} MB of JSON), RSS ${mb(rss)} MB, heap used ${mb(heap)} MB`,
    `restart: ${again.size()} entries loaded in ${restartMs} ms`,
  ].join('\n'));
  expect([...status.keys()]).toEqual([200]);
  expect(stored).toBeLessThanOrEqual(Number(MAX_ENTRIES));
  expect(storage.evicted).toBeGreaterThan(0);
  expect(again.size()).toBe(stored);
}, 900_000);
