// What the bot tells the staff area, and all it asks of it: a few calls from the turn handling and
// the dialogs. No botbuilder here; every write is fire-and-forget with its failure logged (without
// content), so the staff store can never break a citizen's turn.
import { randomBytes } from 'crypto';
import type { Logger } from '../services';
import type { CallbackRequest, CallbackStatus, InboxReason, StaffRepository } from './repository';
import { redact } from './redact';
import { isoWeek, UNKNOWN_PLACE } from './planning';
import { NoticeDelivery, type ReplyRef } from './notices';

export interface TurnRecord {
  /** hashed conversation reference (careBot.conversationRef) */
  conv: string;
  lang: 'de' | 'en';
  /** the citizen's text: only its redacted form is ever kept */
  text: string;
  intent?: string;
  score?: number;
  /** the Stadtteil the conversation named, if any */
  stadtteil?: string;
  /** set when the router could not answer (not understood) or only guessed (low confidence) */
  unanswered?: Exclude<InboxReason, 'not_helped'>;
  /** an intent worth counting for planning (a care topic, not "hello" or a button) */
  topic?: string;
}

export interface CallbackInput {
  conv: string; lang: 'de' | 'en'; phone: string; slot: string; topic: string; name?: string;
  /** where the confirmation goes when staff mark it (notices.replyRefOf) */
  reply?: ReplyRef;
}

export interface StaffHooks {
  turn(r: TurnRecord): void;
  feedback(conv: string, answerId: string, helped: boolean, lang: 'de' | 'en'): void;
  requestCallback(c: CallbackInput): Promise<CallbackRequest>;
  /** status changes of this conversation's callbacks not yet told to the citizen (and marks them told) */
  takeNotices(conv: string): Promise<CallbackStatus[]>;
  /** "delete my data": inbox items and callbacks of this conversation */
  forget(conv: string): Promise<void>;
  /** the slots a citizen can choose for a callback, within the counselling office's phone hours */
  callbackSlots(): string[];
  /** days after "done" when a callback is deleted (told to the citizen with the consent text) */
  readonly callbackDeleteDays: number;
  /** the ways a confirmation reaches a citizen's conversation at once (registered by the channels) */
  readonly notices: NoticeDelivery;
}

export const newId = (): string => randomBytes(9).toString('base64url');

const LAST_QUESTIONS = 5_000;

export function createStaffHooks(
  repo: StaffRepository,
  opts: { log: Logger; today: () => string; now: () => Date; slots: string[]; callbackDeleteDays: number },
): StaffHooks {
  // the last redacted question per conversation, so a "did not help" can show staff what was asked;
  // in memory only (bounded), never in the conversation state
  const lastQuestion = new Map<string, { text: string; intent?: string; score?: number; lang: 'de' | 'en' }>();
  const failed = (what: string) => (err: Error) => opts.log.error({ err: { name: err.name, message: err.message } }, `staff store: ${what} failed`);

  return {
    turn(r) {
      if (r.topic) repo.countTopic(isoWeek(opts.today()), r.topic, r.stadtteil ?? UNKNOWN_PLACE).catch(failed('planning count'));
      if (!r.text) return;
      const text = redact(r.text);
      lastQuestion.delete(r.conv);
      if (lastQuestion.size >= LAST_QUESTIONS) lastQuestion.delete(lastQuestion.keys().next().value!);
      lastQuestion.set(r.conv, { text, intent: r.intent, score: r.score, lang: r.lang });
      if (r.unanswered) {
        repo.addInboxItem({ id: newId(), createdAt: opts.now().toISOString(), lang: r.lang, reason: r.unanswered, text, intent: r.intent, score: r.score, conv: r.conv, status: 'open' })
          .catch(failed('inbox item'));
      }
    },
    feedback(conv, answerId, helped, lang) {
      repo.addFeedback(answerId, helped).catch(failed('feedback'));
      if (helped) return;
      const q = lastQuestion.get(conv);
      repo.addInboxItem({
        id: newId(), createdAt: opts.now().toISOString(), lang: q?.lang ?? lang, reason: 'not_helped',
        text: q?.text ?? '', intent: answerId, score: q?.score, conv, status: 'open',
      }).catch(failed('inbox item'));
    },
    async requestCallback(c) {
      const at = opts.now().toISOString();
      const req: CallbackRequest = {
        id: newId(), conv: c.conv, lang: c.lang, phone: c.phone, slot: c.slot, topic: redact(c.topic).slice(0, 200),
        ...(c.name ? { name: c.name.slice(0, 80) } : {}), ...(c.reply ? { reply: c.reply } : {}),
        consentAt: at, status: 'new', createdAt: at, updatedAt: at,
      };
      await repo.addCallback(req);
      return req;
    },
    async takeNotices(conv) {
      const mine = (await repo.listCallbacks(conv)).filter((c) => c.pendingNotice);
      for (const c of mine) await repo.updateCallback({ ...c, pendingNotice: undefined });
      return mine.map((c) => c.pendingNotice!);
    },
    async forget(conv) {
      lastQuestion.delete(conv);
      await repo.forgetConversation(conv);
    },
    callbackSlots: () => opts.slots,
    callbackDeleteDays: opts.callbackDeleteDays,
    notices: new NoticeDelivery(),
  };
}

const TIME = /(\d{1,2})(?:[.:](\d{2}))?\s*(?:uhr)?\s*(?:-|–|bis)\s*(\d{1,2})(?:[.:](\d{2}))?\s*uhr/i;
const hhmm = (h: string, m?: string) => `${h.padStart(2, '0')}:${m ?? '00'}`;

/**
 * The callback window from the city pack: the phone hours of the city's counselling office
 * ("telefonisch am besten 8-12.30 Uhr" in its hoursNote), cut into slots of about two hours.
 * Empty when the pack names no such hours: then the citizen is not offered a time.
 */
export function callbackSlotsFrom(offers: readonly { categories: string[]; hoursNote: string | null }[]): string[] {
  for (const o of offers) {
    if (!o.categories.includes('counselling') || !o.hoursNote) continue;
    const m = TIME.exec(o.hoursNote);
    if (!m) continue;
    const from = Number(m[1]) * 60 + Number(m[2] ?? 0);
    const to = Number(m[3]) * 60 + Number(m[4] ?? 0);
    if (!(to > from)) continue;
    const fmt = (x: number) => hhmm(String(Math.floor(x / 60)), String(x % 60).padStart(2, '0'));
    const slots: string[] = [];
    for (let s = from; s < to; s += 120) {
      // a last piece shorter than an hour joins the slot before it
      const end = to - (s + 120) < 60 ? to : s + 120;
      slots.push(`${fmt(s)}–${fmt(end)}`);
      if (end === to) break;
    }
    return slots;
  }
  return [];
}
