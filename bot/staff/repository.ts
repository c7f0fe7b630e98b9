// Everything the staff area stores, behind one interface: the lowdb file (lowdbRepository.ts) is the
// default; a shared store for several bot instances can implement the same interface later.
// Nothing here holds a citizen's unredacted text; callbacks hold the phone number the citizen gave
// with consent, and are deleted N days after they are done.

import type { ReplyRef } from './notices';

export type Role = 'counsellor' | 'editor' | 'admin';
export const ROLES: readonly Role[] = ['counsellor', 'editor', 'admin'];

export interface StaffUser {
  username: string;
  role: Role;
  /** "scrypt$N$r$p$salt$hash" (base64url); never the password */
  hash: string;
  failedLogins: number;
  /** ISO time until which logins are refused */
  lockedUntil?: string;
  createdAt: string;
}

export interface StaffSession {
  /** sha256 of the cookie value: a copied store file does not hand out live sessions */
  idHash: string;
  username: string;
  csrf: string;
  createdAt: number;
  lastSeen: number;
}

export type InboxReason = 'not_understood' | 'low_confidence' | 'not_helped';
export type InboxStatus = 'open' | 'assigned' | 'new_question' | 'ignored';

export interface InboxItem {
  id: string;
  createdAt: string;
  lang: 'de' | 'en';
  reason: InboxReason;
  /** redacted before it is stored (redact.ts) */
  text: string;
  intent?: string;
  score?: number;
  /** hashed conversation reference: lets "delete my data" find the item, names nobody */
  conv: string;
  status: InboxStatus;
  answerId?: string;
  note?: string;
  by?: string;
}

export type TrainingStatus = 'queued' | 'approved' | 'rejected' | 'exported';
export interface TrainingExample {
  id: string;
  inboxId: string;
  lang: 'de' | 'en';
  text: string;
  intent: string;
  status: TrainingStatus;
  createdAt: string;
  by: string;
  reviewedBy?: string;
}

export type CallbackStatus = 'new' | 'called' | 'done';
export interface CallbackRequest {
  id: string;
  conv: string;
  lang: 'de' | 'en';
  phone: string;
  /** the chosen slot within the counselling office's phone hours, e.g. "08:00–10:00" */
  slot: string;
  topic: string;
  name?: string;
  consentAt: string;
  status: CallbackStatus;
  createdAt: string;
  updatedAt: string;
  doneAt?: string;
  /** status changes the citizen has not been told about yet (shown on their next turn) */
  pendingNotice?: CallbackStatus;
  /** where the confirmation can be sent when staff mark it (only what sending needs; notices.ts) */
  reply?: ReplyRef;
  /** what became of the last confirmation sent when staff marked it */
  notice?: 'delivered' | 'failed';
}

export interface FeedbackCount { yes: number; no: number }

export interface StaffRepository {
  // accounts
  getUser(username: string): Promise<StaffUser | undefined>;
  listUsers(): Promise<StaffUser[]>;
  putUser(user: StaffUser): Promise<void>;
  removeUser(username: string): Promise<boolean>;
  // sessions
  getSession(idHash: string): Promise<StaffSession | undefined>;
  putSession(session: StaffSession): Promise<void>;
  removeSession(idHash: string): Promise<void>;
  removeSessionsOf(username: string): Promise<void>;
  // inbox and training queue
  addInboxItem(item: InboxItem): Promise<void>;
  listInbox(): Promise<InboxItem[]>;
  getInboxItem(id: string): Promise<InboxItem | undefined>;
  updateInboxItem(item: InboxItem): Promise<void>;
  addTraining(example: TrainingExample): Promise<void>;
  listTraining(): Promise<TrainingExample[]>;
  updateTraining(example: TrainingExample): Promise<void>;
  // feedback per answer entry
  addFeedback(answerId: string, helped: boolean): Promise<void>;
  feedbackCounts(): Promise<Record<string, FeedbackCount>>;
  // callbacks
  addCallback(c: CallbackRequest): Promise<void>;
  /** all callbacks, or those of one conversation (asked on every turn: cheap when there are none) */
  listCallbacks(conv?: string): Promise<CallbackRequest[]>;
  getCallback(id: string): Promise<CallbackRequest | undefined>;
  updateCallback(c: CallbackRequest): Promise<void>;
  // planning: anonymous counters "ISO week|topic|Stadtteil" → count
  countTopic(week: string, topic: string, stadtteil: string): Promise<void>;
  planningCounts(): Promise<Record<string, number>>;
  /** removes inbox items, training examples of them and callbacks of one conversation ("delete my data") */
  forgetConversation(conv: string): Promise<number>;
  /** retention: inbox items older than `inboxBefore`, callbacks done before `callbacksDoneBefore`, expired sessions */
  purge(
    opts: { inboxBefore: string; callbacksDoneBefore: string; sessionsSeenBefore: number; sessionsCreatedBefore: number },
  ): Promise<{ inbox: number; callbacks: number; sessions: number }>;
  /** lets pending writes reach the disk (shutdown, tests) */
  settle(): Promise<void>;
}
