// In-memory conversations of the built-in Direct Line: activities with a watermark, bearer tokens
// bound to one conversation, a cap on conversations and activities, idle expiry. No timers: expired
// entries are swept on access, so nothing keeps the process (or a test) alive.
import { randomBytes } from 'crypto';

export interface DlAccount { id: string; name?: string; role?: string }
export interface DlActivity {
  type: string;
  id?: string;
  timestamp?: string;
  from?: DlAccount;
  channelData?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface StoreLimits {
  /** conversations held at once; new ones are refused (429) when full */
  maxConversations: number;
  /** activities kept per conversation; the oldest are dropped, the watermark keeps counting */
  maxActivities: number;
  /** a conversation without any activity for this long is forgotten */
  idleMs: number;
  /** lifetime of a token; refresh before it ends */
  tokenTtlMs: number;
}

export const DEFAULT_LIMITS: StoreLimits = {
  maxConversations: 1000,
  maxActivities: 500,
  idleMs: 60 * 60 * 1000,
  tokenTtlMs: 30 * 60 * 1000,
};

export interface Conversation {
  id: string;
  user: DlAccount;
  locale?: string;
  started: boolean;
  createdAt: number;
  lastActive: number;
  /** activities with seq > this have been dropped from the front when maxActivities was reached */
  seq: number;
  activities: { seq: number; activity: DlActivity }[];
  tokens: Set<string>;
}

export interface TokenGrant { token: string; conversationId: string; userId: string; expiresAt: number }

const MAX_TOKENS_PER_CONVERSATION = 8;

export function randomId(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

export class DirectLineStore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly tokens = new Map<string, TokenGrant>();

  constructor(
    readonly limits: StoreLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    this.sweep();
    return this.conversations.size;
  }

  /**
   * A new (not yet started) conversation and a token for it; undefined when the store is full. The
   * user id is always made here: a client cannot pick (or guess its way into) someone else's.
   */
  create(): { conversation: Conversation; grant: TokenGrant } | undefined {
    this.sweep();
    if (this.conversations.size >= this.limits.maxConversations) return undefined;
    const t = this.now();
    const id = randomId(16);
    const user: DlAccount = { id: `dl_${randomId(12)}`, role: 'user' };
    const conversation: Conversation = { id, user, started: false, createdAt: t, lastActive: t, seq: 0, activities: [], tokens: new Set() };
    this.conversations.set(id, conversation);
    return { conversation, grant: this.issue(conversation) };
  }

  issue(conversation: Conversation): TokenGrant {
    const grant: TokenGrant = {
      token: randomId(32), conversationId: conversation.id, userId: conversation.user.id, expiresAt: this.now() + this.limits.tokenTtlMs,
    };
    this.tokens.set(grant.token, grant);
    conversation.tokens.add(grant.token);
    // refresh keeps older tokens valid until they expire; a few are plenty
    for (const old of conversation.tokens) {
      if (conversation.tokens.size <= MAX_TOKENS_PER_CONVERSATION) break;
      const g = this.tokens.get(old);
      if (g) this.forget(g);
      else conversation.tokens.delete(old);
    }
    return grant;
  }

  /** The grant of a token that exists and has not expired. */
  grant(token: string): TokenGrant | undefined {
    const g = this.tokens.get(token);
    if (!g) return undefined;
    if (g.expiresAt <= this.now()) {
      this.forget(g);
      return undefined;
    }
    return g;
  }

  get(conversationId: string): Conversation | undefined {
    const c = this.conversations.get(conversationId);
    if (!c) return undefined;
    if (this.expired(c)) {
      this.remove(conversationId);
      return undefined;
    }
    return c;
  }

  /** Stores an activity with the next id; returns the stored copy. */
  append(c: Conversation, activity: DlActivity): DlActivity {
    c.seq += 1;
    c.lastActive = this.now();
    const stored: DlActivity = { ...activity, id: `${c.id}|${String(c.seq).padStart(7, '0')}` };
    c.activities.push({ seq: c.seq, activity: stored });
    if (c.activities.length > this.limits.maxActivities) c.activities.splice(0, c.activities.length - this.limits.maxActivities);
    return stored;
  }

  /** Replaces a stored activity (the bot updated a message); false when it is unknown. */
  replace(c: Conversation, activityId: string, activity: DlActivity): boolean {
    const entry = c.activities.find((a) => a.activity.id === activityId);
    if (!entry) return false;
    entry.activity = { ...activity, id: activityId };
    c.lastActive = this.now();
    return true;
  }

  drop(c: Conversation, activityId: string): boolean {
    const i = c.activities.findIndex((a) => a.activity.id === activityId);
    if (i < 0) return false;
    c.activities.splice(i, 1);
    return true;
  }

  /** Activities after the watermark (all when it is missing or not a number). */
  after(c: Conversation, watermark: string | undefined): { activities: DlActivity[]; watermark: string } {
    const w = watermark !== undefined && /^\d{1,12}$/.test(watermark) ? Number(watermark) : 0;
    return { activities: c.activities.filter((a) => a.seq > w).map((a) => a.activity), watermark: String(c.seq) };
  }

  remove(conversationId: string): void {
    const c = this.conversations.get(conversationId);
    if (!c) return;
    for (const token of c.tokens) this.tokens.delete(token);
    this.conversations.delete(conversationId);
  }

  private expired(c: Conversation): boolean {
    return this.now() - c.lastActive >= this.limits.idleMs;
  }

  private sweep(): void {
    const t = this.now();
    for (const c of this.conversations.values()) if (this.expired(c)) this.remove(c.id);
    for (const g of this.tokens.values()) if (g.expiresAt <= t) this.forget(g);
  }

  private forget(g: TokenGrant): void {
    this.tokens.delete(g.token);
    this.conversations.get(g.conversationId)?.tokens.delete(g.token);
  }
}
