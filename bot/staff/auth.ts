// Staff accounts and sessions: scrypt password hashes with a salt per user, constant-time
// comparisons, lockout per account and per client address, sessions with an idle and an absolute
// expiry, and a CSRF token per session (synchronizer pattern: the page gets it, every change must
// send it back in a header). No botbuilder, no HTTP: routes.ts and the CLI use it.
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'crypto';
import type { Role, StaffRepository, StaffSession, StaffUser } from './repository';
import { ROLES } from './repository';

// scrypt needs 128·N·r bytes: OWASP's N=2^17 (r=8) takes 128 MiB per login, half the bot's 256 MiB
// budget, and a burst of logins could exhaust it. N=2^15 takes 32 MiB and a quarter of the time
// (docs/staff.md); the lockout limits guessing online, the salt and cost limit it offline.
const N = 2 ** 15;
const R = 8;
const P = 1;
const KEYLEN = 32;

function scrypt(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCb(password.normalize('NFC'), salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Equal-length constant-time comparison of two strings (tokens). */
export function sameToken(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y) && a.length === b.length;
}

export const MIN_PASSWORD_LENGTH = 12;
export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;

export function checkNewPassword(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `the password needs at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 256) return 'the password is too long (at most 256 characters)';
  return undefined;
}

export function isRole(x: string): x is Role {
  return (ROLES as readonly string[]).includes(x);
}

/** counsellor < editor < admin: a higher role may do what a lower one may. */
export function mayAct(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export interface AuthOptions {
  idleMinutes: number;
  maxHours: number;
  lockoutAttempts: number;
  lockoutAddressAttempts: number;
  lockoutMinutes: number;
  now?: () => number;
}

export type LoginResult =
  | { ok: true; token: string; session: StaffSession; user: StaffUser }
  | { ok: false; reason: 'invalid' | 'locked' };

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export class StaffAuth {
  /** failed logins per client address: start of the window and count (memory; a restart forgets) */
  private readonly byAddress = new Map<string, { start: number; count: number }>();
  private dummyHash: Promise<string> | undefined;
  private readonly now: () => number;

  constructor(private readonly repo: StaffRepository, private readonly opts: AuthOptions) {
    this.now = opts.now ?? Date.now;
  }

  private addressLocked(address: string): boolean {
    const w = this.byAddress.get(address);
    if (!w) return false;
    if (this.now() - w.start >= this.opts.lockoutMinutes * 60_000) {
      this.byAddress.delete(address);
      return false;
    }
    return w.count >= this.opts.lockoutAddressAttempts;
  }

  private addressFailed(address: string): void {
    if (this.byAddress.size > 10_000) this.byAddress.clear();
    const w = this.byAddress.get(address);
    if (!w || this.now() - w.start >= this.opts.lockoutMinutes * 60_000) this.byAddress.set(address, { start: this.now(), count: 1 });
    else w.count += 1;
  }

  async login(username: string, password: string, address: string): Promise<LoginResult> {
    const user = USERNAME.test(username) ? await this.repo.getUser(username) : undefined;
    // an unknown name costs as much as a known one, so timing does not tell which names exist
    this.dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    const matches = await verifyPassword(password, user?.hash ?? (await this.dummyHash));
    if (this.addressLocked(address)) return { ok: false, reason: 'locked' };
    if (user?.lockedUntil && Date.parse(user.lockedUntil) > this.now()) return { ok: false, reason: 'locked' };
    if (!user || !matches) {
      this.addressFailed(address);
      if (user) {
        user.failedLogins = (user.lockedUntil && Date.parse(user.lockedUntil) <= this.now() ? 0 : user.failedLogins) + 1;
        user.lockedUntil = user.failedLogins >= this.opts.lockoutAttempts ? new Date(this.now() + this.opts.lockoutMinutes * 60_000).toISOString() : undefined;
        await this.repo.putUser(user);
        if (user.lockedUntil) return { ok: false, reason: 'locked' };
      }
      return { ok: false, reason: 'invalid' };
    }
    if (user.failedLogins || user.lockedUntil) {
      user.failedLogins = 0;
      user.lockedUntil = undefined;
      await this.repo.putUser(user);
    }
    const token = randomBytes(32).toString('base64url');
    const t = this.now();
    const session: StaffSession = { idHash: sha(token), username: user.username, csrf: randomBytes(32).toString('base64url'), createdAt: t, lastSeen: t };
    await this.repo.putSession(session);
    return { ok: true, token, session, user };
  }

  /** The session and its user for a cookie value, or undefined (expired sessions are removed). */
  async session(token: string | undefined): Promise<{ session: StaffSession; user: StaffUser } | undefined> {
    if (!token || token.length > 200) return undefined;
    const idHash = sha(token);
    const session = await this.repo.getSession(idHash);
    if (!session) return undefined;
    const t = this.now();
    if (t - session.lastSeen > this.opts.idleMinutes * 60_000 || t - session.createdAt > this.opts.maxHours * 3_600_000) {
      await this.repo.removeSession(idHash);
      return undefined;
    }
    const user = await this.repo.getUser(session.username);
    if (!user) {
      await this.repo.removeSession(idHash);
      return undefined;
    }
    // refreshing lastSeen at most once a minute keeps reads from writing the store on every request
    if (t - session.lastSeen > 60_000) {
      session.lastSeen = t;
      await this.repo.putSession(session);
    }
    return { session, user };
  }

  async logout(token: string): Promise<void> {
    await this.repo.removeSession(sha(token));
  }
}

/** Creates or replaces an account (CLI). Changing a password ends the user's sessions. */
export async function setAccount(repo: StaffRepository, username: string, role: Role, password: string, now = new Date()): Promise<void> {
  if (!USERNAME.test(username)) throw new Error('user names: 2–32 characters, lower-case letters, digits, ".", "_" or "-"');
  const problem = checkNewPassword(password);
  if (problem) throw new Error(problem);
  const existing = await repo.getUser(username);
  await repo.putUser({ username, role, hash: await hashPassword(password), failedLogins: 0, createdAt: existing?.createdAt ?? now.toISOString() });
  await repo.removeSessionsOf(username);
}
