// The default StaffRepository: one lowdb JSON file (DATA_DIR/staff/staff.json) in a folder only the
// bot's user may read (it holds password hashes and callback phone numbers). Writes are coalesced: a
// change made while a write is under way goes out with the next one, so a busy bot (one planning
// counter per turn) writes the file at most once at a time.
import * as fs from 'fs';
import * as path from 'path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
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

const empty = (): StaffData => ({ version: 1, users: [], sessions: [], inbox: [], training: [], feedback: {}, callbacks: [], planning: {} });
const copy = <T>(x: T): T => structuredClone(x);

export class LowdbStaffRepository implements StaffRepository {
  private writing: Promise<void> | undefined;
  private dirty = false;

  private constructor(private readonly db: Low<StaffData>, readonly file: string) {}

  static async open(dir: string): Promise<LowdbStaffRepository> {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = path.join(dir, 'staff.json');
    const db = new Low<StaffData>(new JSONFile<StaffData>(file), empty());
    try {
      await db.read();
    } catch (err) {
      throw new Error(`The staff store ${file} cannot be read (${(err as Error).message}). Restore it from a backup or move it away to start empty.`);
    }
    db.data = { ...empty(), ...db.data };
    return new LowdbStaffRepository(db, file);
  }

  private get d(): StaffData {
    return this.db.data;
  }

  private persist(): Promise<void> {
    this.dirty = true;
    if (!this.writing) {
      this.writing = (async () => {
        try {
          while (this.dirty) {
            this.dirty = false;
            await this.db.write();
          }
        } finally {
          this.writing = undefined;
        }
      })();
    }
    return this.writing;
  }

  async settle(): Promise<void> {
    while (this.writing) await this.writing;
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

  async addInboxItem(item: InboxItem) { this.d.inbox.push(copy(item)); await this.persist(); }
  async listInbox() { return copy(this.d.inbox); }
  async getInboxItem(id: string) { const i = this.d.inbox.find((x) => x.id === id); return i && copy(i); }
  async updateInboxItem(item: InboxItem) { this.d.inbox = this.d.inbox.map((x) => (x.id === item.id ? copy(item) : x)); await this.persist(); }

  async addTraining(example: TrainingExample) { this.d.training.push(copy(example)); await this.persist(); }
  async listTraining() { return copy(this.d.training); }
  async updateTraining(example: TrainingExample) { this.d.training = this.d.training.map((x) => (x.id === example.id ? copy(example) : x)); await this.persist(); }

  async addFeedback(answerId: string, helped: boolean) {
    const c = (this.d.feedback[answerId] ??= { yes: 0, no: 0 });
    if (helped) c.yes += 1;
    else c.no += 1;
    await this.persist();
  }
  async feedbackCounts() { return copy(this.d.feedback); }

  async addCallback(c: CallbackRequest) { this.d.callbacks.push(copy(c)); await this.persist(); }
  async listCallbacks() { return copy(this.d.callbacks); }
  async getCallback(id: string) { const c = this.d.callbacks.find((x) => x.id === id); return c && copy(c); }
  async updateCallback(c: CallbackRequest) { this.d.callbacks = this.d.callbacks.map((x) => (x.id === c.id ? copy(c) : x)); await this.persist(); }

  async countTopic(week: string, topic: string, stadtteil: string) {
    const key = `${week}|${topic}|${stadtteil}`;
    this.d.planning[key] = (this.d.planning[key] ?? 0) + 1;
    await this.persist();
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
