// Real files on disk: no mocks.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LowdbStorage } from '../../bot/store/lowdbStorage';

const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'pn-store-'));
const DAY = 86_400_000;

test('writes survive a restart (new instance on the same folder)', async () => {
  const dir = tmpDir();
  const a = await LowdbStorage.open({ dir, retentionDays: 30 });
  await a.write({ 'webchat/conversations/c1/': { memory: { grade: 3 } }, 'webchat/users/u1/': { x: 1 } });
  const b = await LowdbStorage.open({ dir, retentionDays: 30 });
  const items = await b.read(['webchat/conversations/c1/', 'webchat/users/u1/', 'missing']);
  expect(items['webchat/conversations/c1/'].memory).toEqual({ grade: 3 });
  expect(items['webchat/users/u1/'].x).toBe(1);
  expect(items.missing).toBeUndefined();
  // every shard file on disk is valid JSON
  for (const f of fs.readdirSync(dir)) JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
});

test('delete removes the entry from memory and disk', async () => {
  const dir = tmpDir();
  const a = await LowdbStorage.open({ dir, retentionDays: 30 });
  await a.write({ k1: { v: 1 }, k2: { v: 2 } });
  await a.delete(['k1']);
  expect(await a.read(['k1'])).toEqual({});
  const b = await LowdbStorage.open({ dir, retentionDays: 30 });
  expect(Object.keys(await b.read(['k1', 'k2']))).toEqual(['k2']);
  const onDisk = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('');
  expect(onDisk).not.toContain('"k1"');
});

test('eTag conflicts are detected like MemoryStorage does', async () => {
  const s = await LowdbStorage.open({ dir: tmpDir(), retentionDays: 30 });
  await s.write({ k: { v: 1 } });
  const first = (await s.read(['k'])).k;
  await s.write({ k: { ...first, v: 2 } });
  await expect(s.write({ k: { ...first, v: 3 } })).rejects.toThrow(/eTag conflict/);
  await s.write({ k: { v: 4, eTag: '*' } });
  expect((await s.read(['k'])).k.v).toBe(4);
});

test('retention removes entries not touched within the period', async () => {
  let now = Date.UTC(2026, 0, 1);
  const dir = tmpDir();
  const s = await LowdbStorage.open({ dir, retentionDays: 30, now: () => now });
  await s.write({ old: { v: 1 } });
  now += 20 * DAY;
  await s.write({ recent: { v: 2 } });
  now += 15 * DAY;
  expect(await s.purgeExpired()).toBe(1);
  expect(Object.keys(await s.read(['old', 'recent']))).toEqual(['recent']);
});

test('a corrupt state file is moved aside with a clear message naming file and line, and the bot starts', async () => {
  const dir = tmpDir();
  const a = await LowdbStorage.open({ dir, retentionDays: 30, shards: 1 });
  await a.write({ k: { v: 1 } });
  const file = path.join(dir, 'state-00.json');
  fs.writeFileSync(file, '{\n  "items": {\n    "k": { "value": ,\n');
  const warnings: string[] = [];
  const b = await LowdbStorage.open({ dir, retentionDays: 30, shards: 1, warn: (m) => warnings.push(m) });
  expect(b.size()).toBe(0);
  expect(warnings[0]).toMatch(/state-00\.json line 3/);
  expect(fs.readdirSync(dir).some((f) => f.startsWith('state-00.json.corrupt-'))).toBe(true);
  await b.write({ k2: { v: 2 } });
  expect(JSON.parse(fs.readFileSync(file, 'utf8')).items.k2.value.v).toBe(2);
});

test('concurrent writes to many keys all land', async () => {
  const dir = tmpDir();
  const s = await LowdbStorage.open({ dir, retentionDays: 30 });
  await Promise.all(Array.from({ length: 200 }, (_, i) => s.write({ [`key${i}`]: { i } })));
  const again = await LowdbStorage.open({ dir, retentionDays: 30 });
  expect(again.size()).toBe(200);
});
