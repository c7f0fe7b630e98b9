// ConversationState with a cheaper change check. The SDK's BotState decides whether to write by
// hashing its own replacer-based stringify output with sha256, once when the state is loaded and
// twice when it is saved: about 4 % of a care turn's CPU (npm run bench -- --cpu-prof). Here the
// state's JSON text (eTag left out) is kept at load and compared at save. Same contract as
// BotState: loaded once per turn, written only when changed (or forced), last writer wins (eTag '*').
import type { Storage, TurnContext } from 'botbuilder';
import { ConversationState, UserState } from '../sdk/botbuilder';

/**
 * Set in turnState by turns of the built-in Direct Line (CareAdapter.runLocalTurn), which has
 * checked the user's token itself. Their state lives under this channel name instead of the
 * activity's "webchat": an activity posted to /api/messages cannot set a turnState symbol, and
 * server.ts refuses a channelId with "#", so it can never name (read or delete) a Direct Line
 * user's state, whatever conversation id it claims.
 */
export const LOCAL_DIRECTLINE = Symbol('pflegenetz.localDirectLine');
export const LOCAL_DIRECTLINE_CHANNEL = '#directline';

function channelOf(ctx: TurnContext): string | undefined {
  return ctx.turnState.get(LOCAL_DIRECTLINE) ? LOCAL_DIRECTLINE_CHANNEL : ctx.activity?.channelId;
}

interface Cached { state: Record<string, unknown>; text: string | undefined }

/** The state as JSON without its eTag, the part the store assigns. */
function textOf(state: Record<string, unknown>): string {
  const { eTag: _eTag, ...rest } = state;
  return JSON.stringify(rest);
}

export class JsonConversationState extends ConversationState {
  private readonly cacheKey = Symbol('pflegenetz.conversationState');

  constructor(storage: Storage) {
    super(storage);
  }

  override getStorageKey(ctx: TurnContext): string | undefined {
    const channel = channelOf(ctx);
    const id = ctx.activity?.conversation?.id;
    if (!channel || !id) throw new Error('missing activity.channelId or activity.conversation.id');
    return `${channel}/conversations/${id}`;
  }

  override async load(ctx: TurnContext, force = false): Promise<Record<string, unknown>> {
    const cached = ctx.turnState.get(this.cacheKey) as Cached | undefined;
    if (cached && !force) return cached.state;
    const key = await this.storageKey(ctx);
    const state = ((await this.storage.read([key]))[key] ?? {}) as Record<string, unknown>;
    ctx.turnState.set(this.cacheKey, { state, text: textOf(state) } satisfies Cached);
    return state;
  }

  override async saveChanges(ctx: TurnContext, force = false): Promise<void> {
    const cached = ctx.turnState.get(this.cacheKey) as Cached | undefined;
    if (!cached && !force) return;
    const entry: Cached = cached ?? { state: {}, text: undefined };
    const text = textOf(entry.state);
    if (!force && text === entry.text) return;
    entry.state.eTag = '*';
    await this.storage.write({ [await this.storageKey(ctx)]: entry.state });
    entry.text = text;
    ctx.turnState.set(this.cacheKey, entry);
  }

  override async clear(ctx: TurnContext): Promise<void> {
    // an unknown text makes the next save write the empty state
    ctx.turnState.set(this.cacheKey, { state: {}, text: undefined } satisfies Cached);
  }

  override async delete(ctx: TurnContext): Promise<void> {
    ctx.turnState.delete(this.cacheKey);
    await this.storage.delete([await this.storageKey(ctx)]);
  }

  override get(ctx: TurnContext): Record<string, unknown> | undefined {
    return (ctx.turnState.get(this.cacheKey) as Cached | undefined)?.state;
  }
}

/** UserState with the same channel namespace as JsonConversationState. */
export class NamespacedUserState extends UserState {
  override getStorageKey(ctx: TurnContext): string | undefined {
    const channel = channelOf(ctx);
    const id = ctx.activity?.from?.id;
    if (!channel || !id) throw new Error('missing activity.channelId or activity.from.id');
    return `${channel}/users/${id}`;
  }
}
