// The default StaffRepository: one lowdb JSON file (DATA_DIR/staff/staff.json) in a folder only the
// bot's user may read (it holds password hashes and callback phone numbers). Writes are coalesced: a
// change made while a write is under way goes out with the next one, so a busy bot (one planning
// counter per turn) writes the file at most once at a time, and at most once a second for what
// the turns add by themselves (counters, inbox items, feedback).
import * as fs from 'fs';
import * as path from 'path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import type {
  CallbackRequest, FeedbackCount, InboxItem, StaffRepository, StaffSession, StaffUser, TrainingExample,
} from './repository';

export interface StaffData {
  version: 1;
  users: StaffUser[];
  sessions: StaffSession[];
  inbox: InboxItem[];
  training: TrainingExample[];
  feedback: Record<string, FeedbackCount>;
  callbacks: CallbackRequest[];
  planning: Record<string, number>;
}

/** how long changes may gather before the file is written */
const FLUSH_MS = 200;
/** the same for the counters and inbox items every turn adds (nobody waits for them): the file is
 *  rewritten whole, so under load this is most of the store's cost. A crash loses at most this
 *  much of them; a normal shutdown writes them (settle, test/staff/shutdown.test.ts). */
const BACKGROUND_FLUSH_MS = 1000;

/** The file without indentation: lowdb's JSONFile indents by two spaces, which made the whole-file
 *  rewrite ~35 % larger and its stringify dearer, and the inbox makes the file grow (session 19b,
 *  docs/turn-cost-2026-12.md). An indented file of an older version reads the same. */
const compactFile = (file: string) => new DataFile<StaffData>(file, { parse: JSON.parse, stringify: (d) => JSON.stringify(d) });

const empty = (): StaffData => ({ version: 1, users: [], sessions: [], inbox: [], training: [], feedback: {}, callbacks: [], planning: {} });
const copy = <T>(x: T): T => structuredClone(x);

export class LowdbStaffRepository implements StaffRepository {
  private flushing: Promise<void> | undefined;
  private flushTimer: NodeJS.Timeout | undefined;
  private flushAt = 0;
  private waiters: { resolve: () => void; reject: (err: Error) => void }[] = [];
  private dirty = false;

  private constructor(private readonly db: Low<StaffData>, readonly file: string) {}

  static async open(dir: string): Promise<LowdbStaffRepository> {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = path.join(dir, 'staff.json');
    const db = new Low<StaffData>(compactFile(file), empty());
    try {
      await db.read();
    } catch (err) {
      throw new Error(`The staff store ${file} cannot be read (${(err as Error).message}). Restore it from a backup or move it away to start empty.`, { cause: err });
    }
    db.data = { ...empty(), ...db.data };
    return new LowdbStaffRepository(db, file);
  }

  private get d(): StaffData {
    return this.db.data;
  }

  /** Writes the file soon: changes within FLUSH_MS share one write (a planning counter per turn
   *  would otherwise rewrite the file after every turn). Resolves once the change is on disk. */
  private persist(background = false): Promise<void> {
    this.dirty = true;
    const written = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.schedule(background ? BACKGROUND_FLUSH_MS : FLUSH_MS);
    return written;
  }

  private schedule(delay = FLUSH_MS): void {
    if (this.flushing) return;
    const at = Date.now() + delay;
    if (this.flushTimer) {
      if (this.flushAt <= at) return;
      clearTimeout(this.flushTimer);
    }
    this.flushAt = at;
    // unref: a pending write does not keep a finished process alive; shutdown calls settle()
    this.flushTimer = setTimeout(() => void this.flush().catch(() => undefined), delay);
    this.flushTimer.unref();
  }

  private flush(): Promise<void> {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
    }
    this.flushing ??= (async () => {
      while (this.dirty) {
        this.dirty = false;
        const waiters = this.waiters.splice(0);
        try {
          await this.db.write();
          for (const w of waiters) w.resolve();
        } catch (err) {
          for (const w of waiters) w.reject(err as Error);
        }
      }
    })().finally(() => {
      this.flushing = undefined;
      if (this.dirty) this.schedule();
    });
    return this.flushing;
  }

  /** Lets pending writes reach the disk now (shutdown, tests). */
  async settle(): Promise<void> {
    while (this.dirty || this.flushing) await this.flush();
  }

  async getUser(username: string) { const u = this.d.users.find((x) => x.username === username); return u && copy(u); }
  async listUsers() { return copy(this.d.users); }
  async putUser(user: StaffUser) {
    this.d.users = [...this.d.users.filter((u) => u.username !== user.username), copy(user)];
    await this.persist();
  }
  async removeUser(username: string) {
    const before = this.d.users.length;
    this.d.users = this.d.users.filter((u) => u.username !== username);
    this.d.sessions = this.d.sessions.filter((s) => s.username !== username);
    await this.persist();
    return this.d.users.length < before;
  }

  async getSession(idHash: string) { const s = this.d.sessions.find((x) => x.idHash === idHash); return s && copy(s); }
  async putSession(session: StaffSession) {
    this.d.sessions = [...this.d.sessions.filter((s) => s.idHash !== session.idHash), copy(session)];
    await this.persist();
  }
  async removeSession(idHash: string) { this.d.sessions = this.d.sessions.filter((s) => s.idHash !== idHash); await this.persist(); }
  async removeSessionsOf(username: string) { this.d.sessions = this.d.sessions.filter((s) => s.username !== username); await this.persist(); }

  async addInboxItem(item: InboxItem) { this.d.inbox.push(copy(item)); await this.persist(true); }
  async listInbox() { return copy(this.d.inbox); }
  async getInboxItem(id: string) { const i = this.d.inbox.find((x) => x.id === id); return i && copy(i); }
  async updateInboxItem(item: InboxItem) { this.d.inbox = this.d.inbox.map((x) => (x.id === item.id ? copy(item) : x)); await this.persist(); }

  async addTraining(example: TrainingExample) { this.d.training.push(copy(example)); await this.persist(); }
  async listTraining() { return copy(this.d.training); }
  async updateTraining(example: TrainingExample) {
    this.d.training = this.d.training.map((x) => (x.id === example.id ? copy(example) : x));
    await this.persist();
  }

  async addFeedback(answerId: string, helped: boolean) {
    const c = (this.d.feedback[answerId] ??= { yes: 0, no: 0 });
    if (helped) c.yes += 1;
    else c.no += 1;
    await this.persist(true);
  }
  async feedbackCounts() { return copy(this.d.feedback); }

  async addCallback(c: CallbackRequest) { this.d.callbacks.push(copy(c)); await this.persist(); }
  async listCallbacks(conv?: string) { return copy(conv === undefined ? this.d.callbacks : this.d.callbacks.filter((c) => c.conv === conv)); }
  async getCallback(id: string) { const c = this.d.callbacks.find((x) => x.id === id); return c && copy(c); }
  async updateCallback(c: CallbackRequest) { this.d.callbacks = this.d.callbacks.map((x) => (x.id === c.id ? copy(c) : x)); await this.persist(); }

  async countTopic(week: string, topic: string, stadtteil: string) {
    const key = `${week}|${topic}|${stadtteil}`;
    this.d.planning[key] = (this.d.planning[key] ?? 0) + 1;
    await this.persist(true);
  }
  async planningCounts() { return { ...this.d.planning }; }

  async forgetConversation(conv: string) {
    const inboxIds = new Set(this.d.inbox.filter((i) => i.conv === conv).map((i) => i.id));
    const before = this.d.inbox.length + this.d.callbacks.length + this.d.training.length;
    this.d.inbox = this.d.inbox.filter((i) => i.conv !== conv);
    // a queued phrasing goes too; one already exported is in the corpus and no longer tied to anyone
    this.d.training = this.d.training.filter((t) => !(inboxIds.has(t.inboxId) && t.status !== 'exported'));
    this.d.callbacks = this.d.callbacks.filter((c) => c.conv !== conv);
    const removed = before - (this.d.inbox.length + this.d.callbacks.length + this.d.training.length);
    if (removed) await this.persist();
    return removed;
  }

  async purge(opts: { inboxBefore: string; callbacksDoneBefore: string; sessionsSeenBefore: number; sessionsCreatedBefore: number }) {
    const n = { inbox: this.d.inbox.length, callbacks: this.d.callbacks.length, sessions: this.d.sessions.length };
    const old = new Set(this.d.inbox.filter((i) => i.createdAt < opts.inboxBefore).map((i) => i.id));
    this.d.inbox = this.d.inbox.filter((i) => !old.has(i.id));
    this.d.training = this.d.training.filter((t) => !(old.has(t.inboxId) && t.status !== 'exported' && t.status !== 'approved'));
    this.d.callbacks = this.d.callbacks.filter((c) => !(c.status === 'done' && c.doneAt && c.doneAt < opts.callbacksDoneBefore));
    this.d.sessions = this.d.sessions.filter((s) => s.lastSeen >= opts.sessionsSeenBefore && s.createdAt >= opts.sessionsCreatedBefore);
    const out = { inbox: n.inbox - this.d.inbox.length, callbacks: n.callbacks - this.d.callbacks.length, sessions: n.sessions - this.d.sessions.length };
    if (out.inbox || out.callbacks || out.sessions) await this.persist();
    return out;
  }
}
