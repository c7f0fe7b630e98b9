// Real files on disk: no mocks.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LowdbStorage } from '../../bot/store/lowdbStorage';

const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'pn-store-'));
const DAY = 86_400_000;

/** Every file under dir (relative paths), recursively. */
function allFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}
const allText = (dir: string) => allFiles(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');

test('writes survive a restart (new instance on the same folder)', async () => {
  const dir = tmpDir();
  const a = await LowdbStorage.open({ dir, retentionDays: 30 });
  await a.write({ 'webchat/conversations/c1/': { memory: { grade: 3 } }, 'webchat/users/u1/': { x: 1 } });
  const b = await LowdbStorage.open({ dir, retentionDays: 30 });
  const items = await b.read(['webchat/conversations/c1/', 'webchat/users/u1/', 'missing']);
  expect(items['webchat/conversations/c1/'].memory).toEqual({ grade: 3 });
  expect(items['webchat/users/u1/'].x).toBe(1);
  expect(items.missing).toBeUndefined();
  // one valid JSON file per key, named by a hash (no channel or conversation id in file names)
  const files = allFiles(dir);
  expect(files).toHaveLength(2);
  for (const f of files) {
    expect(f).toMatch(/^[0-9a-f]{2}[/\\][0-9a-f]{40}\.json$/);
    JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  }
});

test('a turn writes only its own key', async () => {
  const dir = tmpDir();
  const s = await LowdbStorage.open({ dir, retentionDays: 30 });
  await s.write({ a: { v: 1 }, b: { v: 2 } });
  const before = new Map(allFiles(dir).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
  await s.write({ a: { v: 3 } });
  const changed = allFiles(dir).filter((f) => fs.readFileSync(path.join(dir, f), 'utf8') !== before.get(f));
  expect(changed).toHaveLength(1);
  expect(JSON.parse(fs.readFileSync(path.join(dir, changed[0]), 'utf8'))).toMatchObject({ key: 'a', value: { v: 3 } });
});

test('delete removes the entry from memory and disk', async () => {
  const dir = tmpDir();
  const a = await LowdbStorage.open({ dir, retentionDays: 30 });
  await a.write({ k1: { v: 1 }, k2: { v: 2 } });
  await a.delete(['k1']);
  expect(await a.read(['k1'])).toEqual({});
  const b = await LowdbStorage.open({ dir, retentionDays: 30 });
  expect(Object.keys(await b.read(['k1', 'k2']))).toEqual(['k2']);
  expect(allText(dir)).not.toContain('"k1"');
  expect(b.size()).toBe(1);
});

test('a delete right after a write (still under way) is not undone by that write', async () => {
  const dir = tmpDir();
  const s = await LowdbStorage.open({ dir, retentionDays: 30 });
  const w = s.write({ k: { v: 1 } });
  await s.delete(['k']);
  await w;
  await s.settle();
  expect(s.size()).toBe(0);
  expect(await (await LowdbStorage.open({ dir, retentionDays: 30 })).read(['k'])).toEqual({});
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

test('retention removes entries not touched within the period, on purge and on read', async () => {
  let now = Date.UTC(2026, 0, 1);
  const dir = tmpDir();
  const s = await LowdbStorage.open({ dir, retentionDays: 30, now: () => now });
  await s.write({ old: { v: 1 } });
  now += 20 * DAY;
  await s.write({ recent: { v: 2 } });
  now += 15 * DAY;
  // not purged yet: an expired entry already reads as gone
  expect(Object.keys(await s.read(['old', 'recent']))).toEqual(['recent']);
  expect(await s.purgeExpired()).toBe(1);
  expect(s.size()).toBe(1);
  // a fresh start purges too
  now += 30 * DAY;
  const again = await LowdbStorage.open({ dir, retentionDays: 30, now: () => now });
  expect(again.size()).toBe(0);
});

test('memory stays bounded: keys beyond maxCached are read back from disk', async () => {
  const dir = tmpDir();
  const s = await LowdbStorage.open({ dir, retentionDays: 30, maxCached: 5 });
  for (let i = 0; i < 20; i++) await s.write({ [`k${i}`]: { i } });
  expect((s as unknown as { docs: Map<string, unknown> }).docs.size).toBeLessThanOrEqual(5);
  const items = await s.read(Array.from({ length: 20 }, (_, i) => `k${i}`));
  expect(Object.values(items).map((v) => v.i)).toEqual(Array.from({ length: 20 }, (_, i) => i));
});

test('a corrupt state file is moved aside with a clear message naming file and line; that conversation starts afresh', async () => {
  const dir = tmpDir();
  const a = await LowdbStorage.open({ dir, retentionDays: 30 });
  await a.write({ k: { v: 1 }, other: { v: 2 } });
  const [file] = allFiles(dir).filter((f) => fs.readFileSync(path.join(dir, f), 'utf8').includes('"key": "k"') || fs.readFileSync(path.join(dir, f), 'utf8').includes('"key":"k"'));
  expect(file).toBeDefined();
  fs.writeFileSync(path.join(dir, file), '{\n  "key": "k",\n  "value": ,\n');
  const warnings: string[] = [];
  const b = await LowdbStorage.open({ dir, retentionDays: 30, warn: (m) => warnings.push(m) });
  expect(await b.read(['k'])).toEqual({});
  expect((await b.read(['other'])).other.v).toBe(2);
  expect(warnings[0]).toContain(path.join(dir, file));
  expect(warnings[0]).toMatch(/line 3/);
  expect(allFiles(dir).some((f) => f.startsWith(`${file}.corrupt-`))).toBe(true);
  await b.write({ k: { v: 3 } });
  expect(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')).value.v).toBe(3);
});

test('state of the first version (shard files) is moved into per-key files, nothing lost', async () => {
  const dir = tmpDir();
  const touched = Date.now();
  fs.writeFileSync(path.join(dir, 'state-03.json'), JSON.stringify({ items: { 'emulator/conversations/c9/': { value: { memory: { grade: 2 }, eTag: '7' }, touched } } }));
  const warnings: string[] = [];
  const s = await LowdbStorage.open({ dir, retentionDays: 30, warn: (m) => warnings.push(m) });
  expect((await s.read(['emulator/conversations/c9/']))['emulator/conversations/c9/'].memory).toEqual({ grade: 2 });
  expect(fs.existsSync(path.join(dir, 'state-03.json'))).toBe(false);
  expect(fs.existsSync(path.join(dir, 'state-03.json.migrated'))).toBe(true);
  expect(warnings.join('\n')).toMatch(/state-03\.json was moved/);
  expect(s.size()).toBe(1);
});

test('concurrent writes to many keys all land', async () => {
  const dir = tmpDir();
  const s = await LowdbStorage.open({ dir, retentionDays: 30 });
  await Promise.all(Array.from({ length: 200 }, (_, i) => s.write({ [`key${i}`]: { i } })));
  const again = await LowdbStorage.open({ dir, retentionDays: 30 });
  expect(again.size()).toBe(200);
});
