// The lowdb storage coalesces writes per shard (found with `npm run bench`: every turn used to
// serialise its whole shard). Real files; the only spy counts how often lowdb serialises.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Low } from 'lowdb';
import { LowdbStorage } from '../../bot/store/lowdbStorage';

const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'pn-store-flush-'));
const onDisk = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'state-00.json'), 'utf8')).items as Record<string, { value: { v: number } }>;

afterEach(() => jest.restoreAllMocks());

test('concurrent turns on one shard share one file write, and all of them land', async () => {
  const dir = tmpDir();
  const s = await LowdbStorage.open({ dir, retentionDays: 30, shards: 1 });
  const writes = jest.spyOn(Low.prototype, 'write');
  await Promise.all(Array.from({ length: 50 }, (_, i) => s.write({ [`k${i}`]: { v: i } })));
  expect(writes).toHaveBeenCalledTimes(1);
  expect(Object.keys(onDisk(dir))).toHaveLength(50);
});

test('a change made while a write runs is on disk when its own write resolves', async () => {
  const dir = tmpDir();
  const s = await LowdbStorage.open({ dir, retentionDays: 30, shards: 1 });
  const writes = jest.spyOn(Low.prototype, 'write');
  const first = s.write({ a: { v: 1 } });
  await new Promise((r) => setImmediate(r)); // the first write has started
  const second = s.write({ b: { v: 2 } });
  const third = s.write({ c: { v: 3 } });
  await second;
  expect(onDisk(dir).b.value.v).toBe(2);
  await Promise.all([first, third]);
  expect(Object.keys(onDisk(dir)).sort()).toEqual(['a', 'b', 'c']);
  expect(writes).toHaveBeenCalledTimes(2);
});

test('deletes are coalesced the same way and reach the disk', async () => {
  const dir = tmpDir();
  const s = await LowdbStorage.open({ dir, retentionDays: 30, shards: 1 });
  await s.write({ a: { v: 1 }, b: { v: 2 }, c: { v: 3 } });
  await Promise.all([s.delete(['a']), s.delete(['b']), s.write({ d: { v: 4 } })]);
  expect(Object.keys(onDisk(dir)).sort()).toEqual(['c', 'd']);
});

test('a failed write rejects the turns waiting for it, and the next write works again', async () => {
  const dir = tmpDir();
  const s = await LowdbStorage.open({ dir, retentionDays: 30, shards: 1 });
  const spy = jest.spyOn(Low.prototype, 'write').mockRejectedValueOnce(new Error('disk full'));
  await expect(Promise.all([s.write({ a: { v: 1 } }), s.write({ b: { v: 2 } })])).rejects.toThrow('disk full');
  spy.mockRestore();
  await s.write({ c: { v: 3 } });
  expect(Object.keys(onDisk(dir)).sort()).toEqual(['a', 'b', 'c']);
});
