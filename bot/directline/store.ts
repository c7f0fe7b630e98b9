// In-memory conversations of the built-in Direct Line: activities with a watermark, bearer tokens
// bound to one conversation, a cap on conversations and activities, idle expiry. No timers: expired
// entries are swept on access, so nothing keeps the process (or a test) alive.
import { randomBytes } from 'crypto';
import { safeStringify } from '../http/jsonLimits';

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
  /** transcript bytes (JSON) per conversation; the oldest activities are dropped beyond it */
  maxConversationBytes: number;
  /** transcript bytes of all conversations; the least recently active conversations go beyond it */
  maxTotalBytes: number;
  /** conversations held at once for one client address */
  maxPerAddress: number;
  /** when full, the least recently active conversation gives way if it has been quiet this long */
  evictQuietMs: number;
}

// Memory: at most maxTotalBytes of transcripts (+ ~1 KB bookkeeping per conversation); see docs/hostile.md
export const DEFAULT_LIMITS: StoreLimits = {
  maxConversations: 1000,
  maxActivities: 500,
  idleMs: 60 * 60 * 1000,
  tokenTtlMs: 30 * 60 * 1000,
  maxConversationBytes: 256 * 1024,
  maxTotalBytes: 32 * 1024 * 1024,
  maxPerAddress: 50,
  evictQuietMs: 2 * 60 * 1000,
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
  activities: { seq: number; activity: DlActivity; bytes: number }[];
  tokens: Set<string>;
  /** JSON bytes of `activities` */
  bytes: number;
  /** the client address that created it (for the per-address cap) */
  address: string;
}

export interface TokenGrant { token: string; conversationId: string; userId: string; expiresAt: number }

const MAX_TOKENS_PER_CONVERSATION = 8;

export function randomId(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

export class DirectLineStore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly tokens = new Map<string, TokenGrant>();
  /** live conversations per client address */
  private readonly perAddress = new Map<string, number>();
  private totalBytes = 0;

  readonly limits: StoreLimits;

  constructor(limits: Partial<StoreLimits> = DEFAULT_LIMITS, private readonly now: () => number = Date.now) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  get size(): number {
    this.sweep();
    return this.conversations.size;
  }

  /** transcript bytes held by all conversations */
  get bytes(): number {
    return this.totalBytes;
  }

  /**
   * Why a new conversation for this address would be refused: 'address' (it holds its share
   * already) or 'full' (no room, and nobody quiet enough to give way); undefined = it can be made.
   */
  refusal(address = ''): 'address' | 'full' | undefined {
    this.sweep();
    if (address && (this.perAddress.get(address) ?? 0) >= this.limits.maxPerAddress) return 'address';
    if (this.conversations.size < this.limits.maxConversations) return undefined;
    // the Map is in order of last activity (append moves a conversation to the end)
    const quietest = this.conversations.values().next().value as Conversation | undefined;
    if (quietest && this.now() - quietest.lastActive >= this.limits.evictQuietMs) {
      this.remove(quietest.id);
      return undefined;
    }
    return 'full';
  }

  /**
   * A new (not yet started) conversation and a token for it; undefined when the store is full. The
   * user id is always made here: a client cannot pick (or guess its way into) someone else's.
   */
  create(address = ''): { conversation: Conversation; grant: TokenGrant } | undefined {
    if (this.refusal(address)) return undefined;
    const t = this.now();
    const id = randomId(16);
    const user: DlAccount = { id: `dl_${randomId(12)}`, role: 'user' };
    const conversation: Conversation = { id, user, started: false, createdAt: t, lastActive: t, seq: 0, activities: [], tokens: new Set(), bytes: 0, address };
    this.conversations.set(id, conversation);
    if (address) this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1);
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
    this.conversations.delete(c.id);
    this.conversations.set(c.id, c);
    const { stored, bytes } = storable({ ...activity, id: `${c.id}|${String(c.seq).padStart(7, '0')}` });
    c.activities.push({ seq: c.seq, activity: stored, bytes });
    this.addBytes(c, bytes);
    let drop = 0;
    let dropped = 0;
    while (drop < c.activities.length - 1 && (c.activities.length - drop > this.limits.maxActivities || c.bytes - dropped > this.limits.maxConversationBytes)) {
      dropped += c.activities[drop].bytes;
      drop++;
    }
    if (drop) {
      c.activities.splice(0, drop);
      this.addBytes(c, -dropped);
    }
    // all transcripts together: the least recently active conversations make room
    for (const other of this.conversations.values()) {
      if (this.totalBytes <= this.limits.maxTotalBytes || other === c) break;
      this.remove(other.id);
    }
    return stored;
  }

  private addBytes(c: Conversation, n: number): void {
    c.bytes += n;
    this.totalBytes += n;
  }

  /** Replaces a stored activity (the bot updated a message); false when it is unknown. */
  replace(c: Conversation, activityId: string, activity: DlActivity): boolean {
    const entry = c.activities.find((a) => a.activity.id === activityId);
    if (!entry) return false;
    const { stored, bytes } = storable({ ...activity, id: activityId });
    this.addBytes(c, bytes - entry.bytes);
    entry.activity = stored;
    entry.bytes = bytes;
    c.lastActive = this.now();
    return true;
  }

  drop(c: Conversation, activityId: string): boolean {
    const i = c.activities.findIndex((a) => a.activity.id === activityId);
    if (i < 0) return false;
    this.addBytes(c, -c.activities[i].bytes);
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
    this.totalBytes -= c.bytes;
    if (c.address) {
      const n = (this.perAddress.get(c.address) ?? 1) - 1;
      if (n > 0) this.perAddress.set(c.address, n);
      else this.perAddress.delete(c.address);
    }
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

/**
 * The activity as it will be served, and its size. Every GET serialises the transcript, so an
 * activity that cannot be serialised (too deep, a cycle) is kept only by its plain fields: it
 * must never make later GETs of the conversation fail.
 */
function storable(a: DlActivity): { stored: DlActivity; bytes: number } {
  const json = safeStringify(a);
  if (json !== undefined) return { stored: a, bytes: Buffer.byteLength(json) };
  const { type, id, timestamp, from, text, locale, channelId, conversation, recipient } = a;
  const plain: DlActivity = { type, id, timestamp, from, ...(typeof text === 'string' ? { text } : {}), ...(typeof locale === 'string' ? { locale } : {}), channelId, conversation, recipient };
  return { stored: plain, bytes: Buffer.byteLength(safeStringify(plain) ?? '') };
}
