// The lowdb StaffRepository with real files in a temp folder: data survive a reopen, "delete my
// data" removes a conversation's items, retention removes old inbox items, done callbacks and
// expired sessions, and sessions lapse after the idle and the absolute limit.
import * as fs from 'fs';
import * as path from 'path';
import { LowdbStaffRepository } from '../../bot/staff/lowdbRepository';
import { StaffAuth, hashPassword, setAccount, verifyPassword, sameToken } from '../../bot/staff/auth';
import type { CallbackRequest, InboxItem } from '../../bot/staff/repository';
import { purgeStaff } from '../../bot/staff/routes';
import { loadConfig } from '../../bot/config';
import { tempDir } from '../helpers/tmp';

let dir: string;
beforeEach(() => { dir = tempDir('pn-staff-'); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const item = (id: string, conv: string, createdAt: string): InboxItem => ({ id, conv, createdAt, lang: 'de', reason: 'not_understood', text: `frage ${id}`, status: 'open' });
const callback = (id: string, conv: string, status: CallbackRequest['status'], doneAt?: string): CallbackRequest =>
  ({ id, conv, lang: 'de', phone: '0208 1', slot: '08:00–10:00', topic: 't', consentAt: 'x', status, createdAt: '2026-01-01T00:00:00Z', updatedAt: 'x', doneAt });

test('everything written is there after reopening the folder', async () => {
  const a = await LowdbStaffRepository.open(dir);
  await setAccount(a, 'anna', 'editor', 'a-long-password-1');
  await a.addInboxItem(item('i1', 'c1', '2026-11-01T00:00:00Z'));
  await a.addFeedback('allowance', true);
  await a.addFeedback('allowance', false);
  await a.addFeedback('allowance', false);
  await a.countTopic('2026-W48', 'allowance', 'saarn');
  await a.addCallback(callback('k1', 'c1', 'new'));
  await a.settle();
  const b = await LowdbStaffRepository.open(dir);
  expect((await b.getUser('anna'))?.role).toBe('editor');
  expect((await b.listInbox()).map((i) => i.id)).toEqual(['i1']);
  expect(await b.feedbackCounts()).toEqual({ allowance: { yes: 1, no: 2 } });
  expect(await b.planningCounts()).toEqual({ '2026-W48|allowance|saarn': 1 });
  expect((await b.listCallbacks()).map((c) => c.id)).toEqual(['k1']);
  // the folder is for the bot's user only
  expect(fs.statSync(dir).mode & 0o077).toBe(0);
});

test('the file is written without indentation, and an indented file of an older version reads the same', async () => {
  // the whole file is rewritten for the turns' counters and inbox items: indentation was ~35 % of it
  const a = await LowdbStaffRepository.open(dir);
  await a.countTopic('2026-W48', 'allowance', 'saarn');
  await a.addInboxItem(item('i1', 'c1', '2026-11-01T00:00:00Z'));
  await a.settle();
  const written = fs.readFileSync(path.join(dir, 'staff.json'), 'utf8');
  expect(written).not.toMatch(/\n/);
  const data = JSON.parse(written);
  fs.writeFileSync(path.join(dir, 'staff.json'), JSON.stringify(data, null, 2));
  const b = await LowdbStaffRepository.open(dir);
  expect(await b.planningCounts()).toEqual({ '2026-W48|allowance|saarn': 1 });
  expect((await b.listInbox()).map((i) => i.id)).toEqual(['i1']);
  await b.countTopic('2026-W48', 'allowance', 'saarn');
  await b.settle();
  expect(JSON.parse(fs.readFileSync(path.join(dir, 'staff.json'), 'utf8'))).toEqual({ ...data, planning: { '2026-W48|allowance|saarn': 2 } });
});

test('a broken store file stops the start with a clear message', async () => {
  fs.writeFileSync(path.join(dir, 'staff.json'), '{ broken');
  await expect(LowdbStaffRepository.open(dir)).rejects.toThrow(/staff store .*staff\.json cannot be read/);
});

test('forgetConversation removes inbox items, their queued phrasings and callbacks of that conversation only', async () => {
  const r = await LowdbStaffRepository.open(dir);
  await r.addInboxItem(item('i1', 'c1', '2026-11-01T00:00:00Z'));
  await r.addInboxItem(item('i2', 'c2', '2026-11-01T00:00:00Z'));
  await r.addTraining({ id: 't1', inboxId: 'i1', lang: 'de', text: 'frage i1', intent: 'x', status: 'queued', createdAt: 'x', by: 'anna' });
  await r.addCallback(callback('k1', 'c1', 'new'));
  await r.addCallback(callback('k2', 'c2', 'new'));
  expect(await r.forgetConversation('c1')).toBe(3);
  expect((await r.listInbox()).map((i) => i.id)).toEqual(['i2']);
  expect(await r.listTraining()).toEqual([]);
  expect((await r.listCallbacks()).map((c) => c.id)).toEqual(['k2']);
});

test('retention: old inbox items, callbacks done long ago and expired sessions go', async () => {
  const r = await LowdbStaffRepository.open(dir);
  await r.addInboxItem(item('old', 'c', '2026-01-01T00:00:00Z'));
  await r.addInboxItem(item('new', 'c', '2026-11-01T00:00:00Z'));
  await r.addCallback(callback('done-old', 'c', 'done', '2026-10-01T00:00:00Z'));
  await r.addCallback(callback('done-new', 'c', 'done', '2026-11-20T00:00:00Z'));
  await r.addCallback(callback('open-old', 'c', 'new'));
  await r.putSession({ idHash: 'idle', username: 'a', csrf: 'x', createdAt: 1000, lastSeen: 1000 });
  await r.putSession({ idHash: 'fresh', username: 'a', csrf: 'x', createdAt: 5000, lastSeen: 9000 });
  const n = await r.purge({ inboxBefore: '2026-08-01T00:00:00Z', callbacksDoneBefore: '2026-11-10T00:00:00Z', sessionsSeenBefore: 5000, sessionsCreatedBefore: 2000 });
  expect(n).toEqual({ inbox: 1, callbacks: 1, sessions: 1 });
  expect((await r.listInbox()).map((i) => i.id)).toEqual(['new']);
  expect((await r.listCallbacks()).map((c) => c.id).sort()).toEqual(['done-new', 'open-old']);
  expect(await r.getSession('fresh')).toBeDefined();
});

test('scrypt: a salt per user, verification in constant time, wrong passwords fail', async () => {
  const a = await hashPassword('same-password-123');
  const b = await hashPassword('same-password-123');
  expect(a).not.toBe(b);
  expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
  expect(await verifyPassword('same-password-123', a)).toBe(true);
  expect(await verifyPassword('same-password-124', a)).toBe(false);
  expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  expect(sameToken('abc', 'abc')).toBe(true);
  expect(sameToken('abc', 'abd')).toBe(false);
  expect(sameToken('abc', 'abcd')).toBe(false);
});

test('short passwords and odd user names are refused', async () => {
  const r = await LowdbStaffRepository.open(dir);
  await expect(setAccount(r, 'anna', 'admin', 'short')).rejects.toThrow(/at least 12/);
  await expect(setAccount(r, 'Anna Admin', 'admin', 'a-long-password-1')).rejects.toThrow(/user names/);
});

describe('sessions and lockout (clock injected)', () => {
  let t = 0;
  const opts = { idleMinutes: 30, maxHours: 8, lockoutAttempts: 3, lockoutAddressAttempts: 5, lockoutMinutes: 15, now: () => t };

  test('idle and absolute expiry', async () => {
    t = Date.parse('2026-11-25T08:00:00Z');
    const r = await LowdbStaffRepository.open(dir);
    await setAccount(r, 'anna', 'counsellor', 'a-long-password-1');
    const auth = new StaffAuth(r, opts);
    const login = await auth.login('anna', 'a-long-password-1', '10.0.0.1');
    if (!login.ok) throw new Error('login failed');
    t += 29 * 60_000;
    expect(await auth.session(login.token)).toBeDefined();
    t += 31 * 60_000; // 31 minutes since the last request
    expect(await auth.session(login.token)).toBeUndefined();
    // active all day: still ends after 8 hours
    const again = await auth.login('anna', 'a-long-password-1', '10.0.0.1');
    if (!again.ok) throw new Error('login failed');
    for (let i = 0; i < 8 * 3; i++) {
      t += 20 * 60_000;
      const alive = await auth.session(again.token);
      expect([i, !!alive]).toEqual([i, t - again.session.createdAt <= 8 * 3_600_000]);
    }
  });

  test('account lockout ends after the lockout time; the address limit holds across accounts', async () => {
    t = Date.parse('2026-11-25T08:00:00Z');
    const r = await LowdbStaffRepository.open(dir);
    await setAccount(r, 'anna', 'counsellor', 'a-long-password-1');
    await setAccount(r, 'bert', 'counsellor', 'b-long-password-2');
    const auth = new StaffAuth(r, opts);
    for (let i = 0; i < 3; i++) expect((await auth.login('anna', 'nope-nope-nope', '10.0.0.1')).ok).toBe(false);
    expect(await auth.login('anna', 'a-long-password-1', '10.0.0.2')).toEqual({ ok: false, reason: 'locked' });
    t += 16 * 60_000;
    expect((await auth.login('anna', 'a-long-password-1', '10.0.0.2')).ok).toBe(true);
    // five failures from one address, spread over accounts (and unknown names), lock that address
    for (const u of ['bert', 'x1', 'x2', 'x3', 'x4']) await auth.login(u, 'nope-nope-nope', '10.0.0.9');
    expect(await auth.login('bert', 'b-long-password-2', '10.0.0.9')).toEqual({ ok: false, reason: 'locked' });
    expect((await auth.login('bert', 'b-long-password-2', '10.0.0.3')).ok).toBe(true);
  });

  test('removing a user or changing the password ends their sessions', async () => {
    t = Date.parse('2026-11-25T08:00:00Z');
    const r = await LowdbStaffRepository.open(dir);
    await setAccount(r, 'anna', 'counsellor', 'a-long-password-1');
    const auth = new StaffAuth(r, opts);
    const a = await auth.login('anna', 'a-long-password-1', '10.0.0.1');
    if (!a.ok) throw new Error('login failed');
    await setAccount(r, 'anna', 'counsellor', 'a-new-password-22');
    expect(await auth.session(a.token)).toBeUndefined();
    const b = await auth.login('anna', 'a-new-password-22', '10.0.0.1');
    if (!b.ok) throw new Error('login failed');
    await r.removeUser('anna');
    expect(await auth.session(b.token)).toBeUndefined();
  });
});

test('purgeStaff: STAFF_INBOX_RETENTION_DAYS (default 90) and STAFF_CALLBACK_DELETE_DAYS (default 14) set the cut-offs', async () => {
  const ROOT = path.join(__dirname, '../..');
  const now = Date.parse('2026-11-25T12:00:00Z');
  const daysAgo = (d: number) => new Date(now - d * 86_400_000).toISOString();
  const fill = async (r: LowdbStaffRepository) => {
    await r.addInboxItem(item('91d', 'c', daysAgo(91)));
    await r.addInboxItem(item('89d', 'c', daysAgo(89)));
    await r.addInboxItem(item('31d', 'c', daysAgo(31)));
    await r.addCallback(callback('done-15d', 'c', 'done', daysAgo(15)));
    await r.addCallback(callback('done-13d', 'c', 'done', daysAgo(13)));
    await r.addCallback(callback('called-60d', 'c', 'called'));
  };
  const defaults = loadConfig({ DATA_DIR: dir }, ROOT);
  expect([defaults.staff.inboxRetentionDays, defaults.staff.callbackDeleteDays]).toEqual([90, 14]);
  let r = await LowdbStaffRepository.open(path.join(dir, 'a'));
  await fill(r);
  await purgeStaff(r, defaults, now);
  expect((await r.listInbox()).map((i) => i.id)).toEqual(['89d', '31d']);
  expect((await r.listCallbacks()).map((c) => c.id)).toEqual(['done-13d', 'called-60d']);

  const shorter = loadConfig({ DATA_DIR: dir, STAFF_INBOX_RETENTION_DAYS: '30', STAFF_CALLBACK_DELETE_DAYS: '7' }, ROOT);
  r = await LowdbStaffRepository.open(path.join(dir, 'b'));
  await fill(r);
  await purgeStaff(r, shorter, now);
  expect((await r.listInbox()).map((i) => i.id)).toEqual(['89d'].filter(() => false));
  expect((await r.listCallbacks()).map((c) => c.id)).toEqual(['called-60d']);
});
