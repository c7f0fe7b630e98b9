// Writes to one key are coalesced by steno, lowdb's writer: while a file is being written, later
// writes wait and only the newest data is written next. Real files; the only spy counts file writes.
import * as fs from 'fs';
import * as fsp from 'fs/promises';
import * as os from 'os';
import * as path from 'path';
import { Low } from 'lowdb';
import { LowdbStorage } from '../../bot/store/lowdbStorage';

const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'pn-store-flush-'));

afterEach(() => jest.restoreAllMocks());

async function valueOnDisk(dir: string, key: string): Promise<unknown> {
  const again = await LowdbStorage.open({ dir, retentionDays: 30 });
  return (await again.read([key]))[key];
}

test('every write resolves only once its data (or newer data) is on disk', async () => {
  const dir = tmpDir();
  const s = await LowdbStorage.open({ dir, retentionDays: 30 });
  const first = s.write({ a: { v: 1 } });
  await new Promise((r) => setImmediate(r)); // the first write has started
  const second = s.write({ a: { v: 2, eTag: '*' } });
  const third = s.write({ a: { v: 3, eTag: '*' } });
  await second;
  expect(await valueOnDisk(dir, 'a')).toMatchObject({ v: 3 });
  await Promise.all([first, third]);
});

test('turns on different keys do not wait for each other and all land', async () => {
  const dir = tmpDir();
  const s = await LowdbStorage.open({ dir, retentionDays: 30 });
  const writes = jest.spyOn(Low.prototype, 'write');
  await Promise.all(Array.from({ length: 50 }, (_, i) => s.write({ [`k${i}`]: { v: i } })));
  expect(writes).toHaveBeenCalledTimes(50);
  expect(s.size()).toBe(50);
});

test('a failed write rejects the turn waiting for it, and the next write works again', async () => {
  const dir = tmpDir();
  const s = await LowdbStorage.open({ dir, retentionDays: 30 });
  const spy = jest.spyOn(Low.prototype, 'write').mockRejectedValueOnce(new Error('disk full'));
  await expect(s.write({ a: { v: 1 } })).rejects.toThrow('disk full');
  spy.mockRestore();
  await s.write({ a: { v: 2, eTag: '*' } });
  expect(await valueOnDisk(dir, 'a')).toMatchObject({ v: 2 });
  // no temp file is left behind
  const names = (await fsp.readdir(dir, { recursive: true })).map(String);
  expect(names.some((n) => n.endsWith('.tmp'))).toBe(false);
});
