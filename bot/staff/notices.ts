// Telling a citizen in their own conversation, at the moment staff mark their callback, that it was
// called or done. A callback keeps only what that message needs to find its way back (ReplyRef);
// the ways to send it are registered by whoever can reach the conversation: the built-in Direct Line
// posts into its transcript (bot/web/routes.ts), every other channel goes through the adapter's
// continueConversation (bot/app.ts). No botbuilder import here: the adapter is passed in.
import { serviceUrlProblem } from '../http/serviceUrl';

export type ReplyRef =
  /** a conversation of the built-in Direct Line in this process */
  | { via: 'directline'; conversationId: string }
  /** a Bot Framework channel (Azure Bot Service, the Emulator) that takes replies at serviceUrl */
  | { via: 'channel'; channelId: string; serviceUrl: string; conversationId: string; botId?: string };

export interface NoticeMessage { text: string; locale: string }
/** Sends one message into the conversation; false when it is gone or cannot be reached. */
export type Delivery = (ref: ReplyRef, message: NoticeMessage) => Promise<boolean>;

interface TurnActivity {
  channelId?: string;
  serviceUrl?: string;
  deliveryMode?: string;
  conversation?: { id?: string };
  recipient?: { id?: string };
}

/**
 * Where a notice for this turn's conversation can go later. None for a request that took its replies
 * in the HTTP response (deliveryMode "expectReplies": nobody listens at its serviceUrl); such a
 * conversation hears of the callback with its next message instead.
 */
export function replyRefOf(activity: TurnActivity, localDirectLine: boolean): ReplyRef | undefined {
  const conversationId = activity.conversation?.id;
  if (!conversationId) return undefined;
  if (localDirectLine) return { via: 'directline', conversationId };
  if (activity.deliveryMode === 'expectReplies' || !activity.channelId || !activity.serviceUrl) return undefined;
  return {
    via: 'channel', channelId: activity.channelId, serviceUrl: activity.serviceUrl, conversationId,
    ...(activity.recipient?.id ? { botId: activity.recipient.id } : {}),
  };
}

export class NoticeDelivery {
  private readonly ways = new Map<ReplyRef['via'], Delivery>();

  use(via: ReplyRef['via'], delivery: Delivery): void {
    this.ways.set(via, delivery);
  }

  /** 'delivered', 'failed' (no way to reach it, or the conversation is gone) or 'none' (no reference kept) */
  async deliver(ref: ReplyRef | undefined, message: NoticeMessage): Promise<'delivered' | 'failed' | 'none'> {
    if (!ref) return 'none';
    const way = this.ways.get(ref.via);
    if (!way) return 'failed';
    try {
      return (await way(ref, message)) ? 'delivered' : 'failed';
    } catch {
      return 'failed';
    }
  }
}

/** What channelDelivery needs of the adapter (CloudAdapter.continueConversationAsync). */
export interface ProactiveAdapter {
  continueConversationAsync(
    botAppId: string,
    reference: {
      channelId: string; serviceUrl: string;
      conversation: { id: string; isGroup: boolean; conversationType: string; name: string };
      bot?: { id: string; name: string };
    },
    logic: (ctx: { sendActivity(a: { type: 'message'; text: string; locale: string }): Promise<unknown> }) => Promise<void>,
  ): Promise<void>;
}

/**
 * Other channels: the adapter's continueConversation path. Without MicrosoftAppId a reply may only
 * go to the hosts in SERVICE_URL_HOSTS, checked again here because a stored reference must not
 * become a way to make the bot call other addresses.
 */
export function channelDelivery(adapter: ProactiveAdapter, appId: string, serviceUrlHosts?: readonly string[]): Delivery {
  return async (ref, message) => {
    if (ref.via !== 'channel') return false;
    if (serviceUrlHosts && serviceUrlProblem(ref.serviceUrl, serviceUrlHosts)) return false;
    let sent = false;
    await adapter.continueConversationAsync(appId, {
      channelId: ref.channelId,
      serviceUrl: ref.serviceUrl,
      conversation: { id: ref.conversationId, isGroup: false, conversationType: '', name: '' },
      ...(ref.botId ? { bot: { id: ref.botId, name: '' } } : {}),
    }, async (ctx) => {
      // caught here: an error left to the adapter would reach onTurnError, which resets the citizen's
      // conversation state, a price no undelivered notice should cost
      try {
        await ctx.sendActivity({ type: 'message', text: message.text, locale: message.locale });
        sent = true;
      } catch {
        sent = false;
      }
    });
    return sent;
  };
}
