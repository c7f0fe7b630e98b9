// A short hash of channel and conversation id: logs, the staff inbox and callbacks can follow a
// conversation (and "delete my data" can find its items) without keeping a channel's ids. Kept per
// conversation (bounded): every turn asks for it and sha256 was ~1.5 % of a turn.
import { createHash } from 'crypto';
import { boundedMemo } from '../memo';

const refOf = boundedMemo((id: string) => createHash('sha256').update(id).digest('hex').slice(0, 12), 10_000);

export function conversationRefOf(activity: { channelId?: string; conversation?: { id?: string } }): string {
  return refOf(`${activity.channelId}/${activity.conversation?.id}`);
}

/** Conversations the staff area's "Ask & explain" runs: not counted, not put into the inbox. */
export const STAFF_EXPLAIN_PREFIX = 'staff-explain-';
export function isStaffExplain(activity: { conversation?: { id?: string } }): boolean {
  return activity.conversation?.id?.startsWith(STAFF_EXPLAIN_PREFIX) ?? false;
}
