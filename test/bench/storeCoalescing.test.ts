// Group commit (found with `npm run bench`: file operations per turn were ~8 % of its CPU): turns
// that write while the journal is busy share one system call. Real files; the only spies count (or
// fail) the writes node's file stream makes (one fs.write or fs.writev each).
import * as fs from 'fs';
import * as path from 'path';
import { LowdbStorage } from '../../bot/store/lowdbStorage';
import { tempDir } from '../helpers/tmp';

const tmpDir = () => tempDir('pn-store-flush-');

afterEach(() => jest.restoreAllMocks());

test('50 concurrent turns are written with far fewer than 50 system calls, and all of them land', async () => {
  const dir = tmpDir();
  const s = await LowdbStorage.open({ dir, retentionDays: 30 });
  const proto = fs.WriteStream.prototype as unknown as Record<'_write' | '_writev', (...a: unknown[]) => void>;
  const write = jest.spyOn(proto, '_write');
  const writev = jest.spyOn(proto, '_writev');
  await Promise.all(Array.from({ length: 50 }, (_, i) => s.write({ [`k${i}`]: { v: i } })));
  const calls = write.mock.calls.length + writev.mock.calls.length;
  expect(calls).toBeGreaterThan(0);
  expect(calls).toBeLessThanOrEqual(5);
  await s.settle();
  expect((await LowdbStorage.open({ dir, retentionDays: 30 })).size()).toBe(50);
});

test('a write resolves only once its line is in the journal file', async () => {
  const dir = tmpDir();
  const s = await LowdbStorage.open({ dir, retentionDays: 30 });
  await s.write({ a: { v: 1 } });
  const text = fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('');
  expect(text).toContain('"k":"a"');
});

test('a failed journal write rejects the turn waiting for it; the next write starts a new journal and nothing is lost', async () => {
  const dir = tmpDir();
  const s = await LowdbStorage.open({ dir, retentionDays: 30 });
  const fail = (...args: unknown[]) => (args[args.length - 1] as (e: Error) => void)(new Error('disk full'));
  const proto = fs.WriteStream.prototype as unknown as Record<'_write' | '_writev', (...a: unknown[]) => void>;
  jest.spyOn(proto, '_write').mockImplementation(fail);
  jest.spyOn(proto, '_writev').mockImplementation(fail);
  await s.write({ before: { v: 0 } }).catch(() => undefined);
  await expect(s.write({ a: { v: 1 } })).rejects.toThrow(/disk full|destroyed/);
  jest.restoreAllMocks();
  await s.write({ b: { v: 2 } });
  await s.settle();
  const again = await LowdbStorage.open({ dir, retentionDays: 30 });
  expect(Object.keys(await again.read(['before', 'a', 'b'])).sort()).toEqual(['a', 'b', 'before']);
});
