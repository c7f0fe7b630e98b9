// Real files on disk: no mocks.
import * as fs from 'fs';
import * as path from 'path';
import { claimFolder, LowdbStorage, parseSnapshot, stringifySnapshot } from '../../bot/store/lowdbStorage';
import { tempDir } from '../helpers/tmp';

const tmpDir = () => tempDir('pn-store-');
const DAY = 86_400_000;
const allText = (dir: string) => fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');

test('writes survive a restart (new instance on the same folder)', async () => {
  const dir = tmpDir();
  const a = await LowdbStorage.open({ dir, retentionDays: 30 });
  await a.write({ 'webchat/conversations/c1/': { memory: { grade: 3 } }, 'webchat/users/u1/': { x: 1 } });
  await a.settle();
  const b = await LowdbStorage.open({ dir, retentionDays: 30 });
  const items = await b.read(['webchat/conversations/c1/', 'webchat/users/u1/', 'missing']);
  expect(items['webchat/conversations/c1/'].memory).toEqual({ grade: 3 });
  expect(items['webchat/users/u1/'].x).toBe(1);
  expect(items.missing).toBeUndefined();
  // the restart folded the journal into the snapshot
  expect(JSON.parse(fs.readFileSync(path.join(dir, 'state.json'), 'utf8')).items['webchat/users/u1/'].value.x).toBe(1);
});

test('a turn appends one journal line; the snapshot is rewritten only when the journal outgrows it', async () => {
  const dir = tmpDir();
  const s = await LowdbStorage.open({ dir, retentionDays: 30, compactBytes: 2000 });
  const journal = () => fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
  await s.write({ a: { v: 1 } });
  await s.write({ a: { v: 2, eTag: '*' } });
  const [j] = journal();
  const lines = fs.readFileSync(path.join(dir, j), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { k: string; v: { v: number } });
  expect(lines.map((l) => [l.k, l.v.v])).toEqual([['a', 1], ['a', 2]]);
  for (let i = 0; i < 40; i++) await s.write({ [`k${i}`]: { text: 'x'.repeat(50) } });
  await s.settle();
  // compacted: the snapshot holds everything, the journals it covers are gone
  const snap = JSON.parse(fs.readFileSync(path.join(dir, 'state.json'), 'utf8')) as { generation: number; items: Record<string, unknown> };
  expect(snap.generation).toBeGreaterThan(1);
  expect(Object.keys(snap.items).length).toBeGreaterThan(5);
  expect(journal().every((f) => Number(/state-(\d+)/.exec(f)![1]) >= snap.generation)).toBe(true);
  await s.settle();
  const again = await LowdbStorage.open({ dir, retentionDays: 30 });
  expect(again.size()).toBe(41);
  expect((await again.read(['a'])).a.v).toBe(2);
});

test('delete removes the entry from memory and from every file at once', async () => {
  const dir = tmpDir();
  const a = await LowdbStorage.open({ dir, retentionDays: 30 });
  await a.write({ k1: { v: 1 }, k2: { v: 2 } });
  await a.delete(['k1']);
  expect(await a.read(['k1'])).toEqual({});
  expect(allText(dir)).not.toContain('"k1"');
  await a.settle();
  const b = await LowdbStorage.open({ dir, retentionDays: 30 });
  expect(Object.keys(await b.read(['k1', 'k2']))).toEqual(['k2']);
  expect(b.size()).toBe(1);
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

test('retention removes entries not touched within the period, on purge, on read and on restart', async () => {
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
  expect(allText(dir)).not.toContain('"old"');
  await s.settle();
  now += 30 * DAY;
  const again = await LowdbStorage.open({ dir, retentionDays: 30, now: () => now });
  expect(again.size()).toBe(0);
});

test('a damaged file moved aside is removed once the retention period has passed', async () => {
  let now = Date.UTC(2026, 0, 1);
  const dir = tmpDir();
  fs.writeFileSync(path.join(dir, 'state.json'), '{ "items": ');
  const s = await LowdbStorage.open({ dir, retentionDays: 30, now: () => now, warn: () => undefined });
  expect(fs.readdirSync(dir).filter((f) => f.includes('.corrupt-'))).toHaveLength(1);
  now += 29 * DAY;
  await s.purgeExpired();
  expect(fs.readdirSync(dir).filter((f) => f.includes('.corrupt-'))).toHaveLength(1);
  now += 2 * DAY;
  await s.purgeExpired();
  expect(fs.readdirSync(dir).filter((f) => f.includes('.corrupt-'))).toHaveLength(0);
});

test('a corrupt snapshot is moved aside with a clear message naming file and line, and the bot starts', async () => {
  const dir = tmpDir();
  const a = await LowdbStorage.open({ dir, retentionDays: 30 });
  await a.write({ k: { v: 1 } });
  await a.delete(['nothing']); // no-op
  await a.settle();
  await LowdbStorage.open({ dir, retentionDays: 30 }); // folds the journal into state.json
  const file = path.join(dir, 'state.json');
  fs.writeFileSync(file, '{\n  "generation": 3,\n  "items": {\n    "k": { "value": ,\n');
  const warnings: string[] = [];
  const b = await LowdbStorage.open({ dir, retentionDays: 30, warn: (m) => warnings.push(m) });
  expect(b.size()).toBe(0);
  expect(warnings[0]).toContain(file);
  expect(warnings[0]).toMatch(/line 4/);
  expect(fs.readdirSync(dir).some((f) => f.startsWith('state.json.corrupt-'))).toBe(true);
  await b.write({ k2: { v: 2 } });
  await b.settle();
  expect(((await (await LowdbStorage.open({ dir, retentionDays: 30 })).read(['k2'])).k2 as { v: number }).v).toBe(2);
});

test('a journal line cut short by a crash is skipped with its file and line; the lines before it count', async () => {
  const dir = tmpDir();
  fs.writeFileSync(path.join(dir, 'state-1.jsonl'), `${JSON.stringify({ k: 'a', v: { v: 1 }, t: Date.now() })}\n{"k":"b","v":{"v":`);
  const warnings: string[] = [];
  const s = await LowdbStorage.open({ dir, retentionDays: 30, warn: (m) => warnings.push(m) });
  expect((await s.read(['a', 'b'])).a).toMatchObject({ v: 1 });
  expect(s.size()).toBe(1);
  expect(warnings[0]).toMatch(/state-1\.jsonl line 2/);
});

test('state of the first version (shard files) moves into the snapshot, nothing lost', async () => {
  const dir = tmpDir();
  const touched = Date.now();
  fs.writeFileSync(path.join(dir, 'state-03.json'), JSON.stringify({ items: { 'emulator/conversations/c9/': { value: { memory: { grade: 2 }, eTag: '7' }, touched } } }));
  const warnings: string[] = [];
  const s = await LowdbStorage.open({ dir, retentionDays: 30, warn: (m) => warnings.push(m) });
  expect((await s.read(['emulator/conversations/c9/']))['emulator/conversations/c9/'].memory).toEqual({ grade: 2 });
  // moved, not copied: old files must not keep state past "delete my data" or the retention period
  expect(fs.readdirSync(dir).filter((f) => f.startsWith('state-03'))).toEqual([]);
  expect(warnings.join('\n')).toMatch(/state-03\.json \(first version\) is moved/);
  expect(JSON.parse(fs.readFileSync(path.join(dir, 'state.json'), 'utf8')).items['emulator/conversations/c9/']).toBeDefined();
});

test('concurrent writes to many keys all land', async () => {
  const dir = tmpDir();
  const s = await LowdbStorage.open({ dir, retentionDays: 30 });
  await Promise.all(Array.from({ length: 200 }, (_, i) => s.write({ [`key${i}`]: { i } })));
  await s.settle();
  const again = await LowdbStorage.open({ dir, retentionDays: 30 });
  expect(again.size()).toBe(200);
});

test('writes that arrive while the snapshot is being rewritten are kept (many compactions, last value wins)', async () => {
  const dir = tmpDir();
  const s = await LowdbStorage.open({ dir, retentionDays: 30, compactBytes: 300 });
  for (let round = 0; round < 10; round++) {
    await Promise.all(Array.from({ length: 30 }, (_, i) => s.write({ [`k${i}`]: { round, eTag: '*' } })));
  }
  await s.settle();
  const again = await LowdbStorage.open({ dir, retentionDays: 30 });
  const items = await again.read(Array.from({ length: 30 }, (_, i) => `k${i}`));
  expect(Object.values(items).map((v) => v.round)).toEqual(Array.from({ length: 30 }, () => 9));
  // old journal generations are gone; at most the current one and one being closed remain
  expect(fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).length).toBeLessThanOrEqual(2);
});

describe('one process per state folder', () => {
  const lockOf = (dir: string) => fs.readFileSync(path.join(dir, 'owner.lock'), 'utf8').trim();
  test('the folder names its owner; the same process may open it again', async () => {
    const dir = tmpDir();
    await LowdbStorage.open({ dir, retentionDays: 30 });
    expect(lockOf(dir)).toBe(String(process.pid));
    await expect(LowdbStorage.open({ dir, retentionDays: 30 })).resolves.toBeDefined();
  });
  test.each([
    ['another live process', '4242', true, /in use by process 4242/],
    ['a process that is gone (crash)', '4242', false, undefined],
    ['unreadable content', 'garbage', true, undefined],
  ])('owned by %s', async (_what, content, alive, error) => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'owner.lock'), content);
    const claim = () => claimFolder(dir, { pid: 1000, alive: () => alive, waitMs: 0 });
    if (error) {
      await expect(claim()).rejects.toThrow(error);
      expect(lockOf(dir)).toBe(content); // left as it was
    } else {
      await claim();
      expect(lockOf(dir)).toBe('1000');
    }
  });
  test('an owner that ends while the new start waits hands over', async () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'owner.lock'), '4242');
    let checks = 0;
    await claimFolder(dir, { pid: 1000, alive: () => ++checks < 3, waitMs: 5000 });
    expect(checks).toBe(3);
    expect(lockOf(dir)).toBe('1000');
  });
  test('a real process that has ended does not block', async () => {
    const { spawnSync } = await import('child_process');
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'owner.lock'), ended);
    await expect(claimFolder(dir, { waitMs: 0 })).resolves.toBeUndefined();
  });
});

test('reads hand out copies: changing one touches neither the store nor other reads', async () => {
  const s = await LowdbStorage.open({ dir: tmpDir(), retentionDays: 30 });
  const value = { memory: { grade: 2, options: [{ title: 'A', command: 'a' }] } };
  await s.write({ k: value });
  value.memory.grade = 5; // the caller's object after the write
  const first = await s.read(['k']);
  (first.k.memory as { grade: number }).grade = 4;
  const second = await s.read(['k']);
  expect(second.k.memory).toEqual({ grade: 2, options: [{ title: 'A', command: 'a' }] });
  expect(second.k.eTag).toEqual(expect.any(String));
});

test('the snapshot text built from stored JSON is the documented layout, keys with quotes included', () => {
  const items = new Map([
    ['web/"odd" key\\', { json: JSON.stringify({ a: 'ü\n"', eTag: 'x-1' }), eTag: 'x-1', touched: 5 }],
    ['b', { json: '{"n":1}', eTag: '', touched: 7 }],
  ]);
  const text = stringifySnapshot({ generation: 3, items });
  expect(JSON.parse(text)).toEqual({ generation: 3, items: { 'web/"odd" key\\': { value: { a: 'ü\n"', eTag: 'x-1' }, touched: 5 }, b: { value: { n: 1 }, touched: 7 } } });
  expect(parseSnapshot(text)).toEqual({ generation: 3, items });
  expect(() => parseSnapshot('{"items":{}}')).toThrow(/generation/);
});

describe('issue 14: bounded state that always loads', () => {
  const limits = { maxEntries: 200, maxBytes: 1024 * 1024, maxEntryBytes: 8 * 1024 };

  test('a flood keeps at most maxEntries; the least recently written go; a restart loads the same', async () => {
    const dir = tmpDir();
    const s = await LowdbStorage.open({ dir, retentionDays: 30, compactBytes: 20_000, limits });
    await s.write({ keep: { v: 'early' } });
    for (let i = 0; i < 1000; i++) {
      await s.write({ [`flood/conversations/${i}`]: { memory: { lang: 'de', place: 'Saarn' } } });
      if (i % 100 === 0) await s.write({ keep: { v: i } }); // an active conversation stays
    }
    await s.settle();
    expect(s.size()).toBe(200);
    expect(s.evicted).toBeGreaterThanOrEqual(800);
    expect((await s.read(['keep'])).keep).toMatchObject({ v: 900 });
    expect((await s.read(['flood/conversations/999']))['flood/conversations/999']).toBeDefined();
    expect((await s.read(['flood/conversations/0']))['flood/conversations/0']).toBeUndefined();
    const again = await LowdbStorage.open({ dir, retentionDays: 30, limits });
    expect(again.size()).toBeLessThanOrEqual(200);
    expect((await again.read(['flood/conversations/999']))['flood/conversations/999']).toBeDefined();
  });

  test('bytes are capped as well as entries', async () => {
    const dir = tmpDir();
    const s = await LowdbStorage.open({ dir, retentionDays: 30, limits: { ...limits, maxEntries: 100_000, maxBytes: 200_000 } });
    for (let i = 0; i < 200; i++) await s.write({ [`k${i}`]: { blob: 'x'.repeat(5000) } });
    expect(s.heldBytes()).toBeLessThanOrEqual(200_000);
    expect(s.size()).toBeLessThan(50);
  });

  test('an entry over maxEntryBytes is not stored (the older state stays), and nothing throws', async () => {
    const warnings: string[] = [];
    const s = await LowdbStorage.open({ dir: tmpDir(), retentionDays: 30, limits, warn: (m) => warnings.push(m) });
    await s.write({ k: { v: 1 } });
    await expect(s.write({ k: { v: 'x'.repeat(10_000) } })).resolves.toBeUndefined();
    expect((await s.read(['k'])).k).toMatchObject({ v: 1 });
    expect(s.refused).toBe(1);
    expect(warnings.join('\n')).not.toContain('xxxx');
  });

  test('a state larger than the caps (e.g. written with higher caps) loads within the caps', async () => {
    const dir = tmpDir();
    const big = await LowdbStorage.open({ dir, retentionDays: 30, limits: { ...limits, maxEntries: 5000 } });
    for (let i = 0; i < 3000; i++) await big.write({ [`k${i}`]: { i } });
    await big.delete(['k0']); // compacts: everything goes into the snapshot
    await big.settle();
    const small = await LowdbStorage.open({ dir, retentionDays: 30, limits });
    expect(small.size()).toBe(200);
    expect((await small.read(['k2999'])).k2999).toMatchObject({ i: 2999 });
  });

  test('the snapshot has one entry per line and is still one JSON document', async () => {
    const dir = tmpDir();
    const s = await LowdbStorage.open({ dir, retentionDays: 30 });
    await s.write({ a: { x: 'line\nbreak' }, b: { y: 2 } });
    await s.delete(['nothing']);
    await s.write({ c: { z: 3 } });
    await s.delete(['c']);
    const text = fs.readFileSync(path.join(dir, 'state.json'), 'utf8');
    expect(text.split('\n').filter((l) => l.includes('"value"'))).toHaveLength(2);
    expect(Object.keys(JSON.parse(text).items).sort()).toEqual(['a', 'b']);
  });

  test('an unreadable entry line costs that entry only; it is quarantined, and "delete my data" removes it there too', async () => {
    const dir = tmpDir();
    const s = await LowdbStorage.open({ dir, retentionDays: 30 });
    await s.write({ 'webchat/conversations/anna': { memory: { grade: 4 } }, 'webchat/conversations/bert': { memory: { grade: 2 } } });
    await s.settle();
    await LowdbStorage.open({ dir, retentionDays: 30 }); // folds the journal into state.json
    const file = path.join(dir, 'state.json');
    // damage Anna's line, as a disk error would
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"grade":4}', '"grade":4'));
    const warnings: string[] = [];
    const t = await LowdbStorage.open({ dir, retentionDays: 30, warn: (m) => warnings.push(m) });
    expect((await t.read(['webchat/conversations/bert']))['webchat/conversations/bert']).toBeDefined();
    expect(warnings.join('\n')).toMatch(/state\.json line \d+ is unreadable/);
    const quarantined = () => fs.readdirSync(dir).filter((f) => f.includes('.corrupt-')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('');
    expect(quarantined()).toContain('anna');
    await t.delete(['webchat/conversations/anna', 'webchat/users/anna']);
    expect(quarantined()).not.toContain('anna');
    expect(allText(dir)).not.toContain('anna');
  });

  test('"delete my data" also holds for a damaged file of the first layout that names the user', async () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'state.json'), '{"generation":1,"items":{"webchat/conversations/carl":{"value":{"memory":{"grade":3}},"touched":1},"webchat/conversations/dora":');
    const s = await LowdbStorage.open({ dir, retentionDays: 30, warn: () => undefined });
    expect(fs.readdirSync(dir).some((f) => f.includes('.corrupt-'))).toBe(true);
    await s.write({ 'webchat/conversations/carl': { memory: {} } });
    await s.delete(['webchat/conversations/carl']);
    expect(allText(dir)).not.toContain('carl');
  });
});
