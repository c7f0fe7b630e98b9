// How the dialogs reach this turn's object through the SDK's turn context (the SDK hands a dialog
// only a DialogContext, so the turn travels in its turnState under one key), the memory accessor
// and sending. The shapes and the pure option readings are bot/conversation/turn.ts.
import type { Attachment, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogTurnResult } from 'botbuilder-dialogs';
import type { Reply } from '../bot/channels/reply';
import { channelProfile, renderReply } from '../bot/channels/render';
import type { NluResult, Services } from '../bot/services';
import { respectDenials, understand, type Understanding } from '../bot/conversation/understand';
import type { Memory, ThreadUse, Turn, TurnInfo, Unanswered } from '../bot/conversation/turn';

const TURN = Symbol('pflegenetz.turn');

/** This turn's object, created on first use. */
export function turnOf(ctx: TurnContext): Turn {
  let turn = ctx.turnState.get(TURN) as Turn | undefined;
  if (!turn) {
    turn = {};
    ctx.turnState.set(TURN, turn);
  }
  return turn;
}

export function setTurnInfo(ctx: TurnContext, info: TurnInfo): void {
  turnOf(ctx).info = info;
}
export function turnInfo(ctx: TurnContext): TurnInfo {
  const info = turnOf(ctx).info;
  if (!info) throw new Error('turn info missing: the bot must set it before running dialogs');
  return info;
}

/** The question entry, second question and story facts of this turn's text, computed once (like
 *  classifyTurn). */
export function understandTurn(services: Services, ctx: TurnContext, r: NluResult): Understanding {
  const turn = turnOf(ctx);
  if (turn.understanding) return turn.understanding;
  const { text, lang } = turnInfo(ctx);
  turn.understanding = understand(services.kb, r, text, lang, (t) => services.local.detectPlace(t).stadtteil, services.words);
  return turn.understanding;
}

/** "nein, ich meinte die Kurzzeitpflege": from here on the turn is about the corrected text, so
 *  what was read from the whole message is read again from it. */
export function restateTurn(ctx: TurnContext, text: string): void {
  const turn = turnOf(ctx);
  setTurnInfo(ctx, { ...turnInfo(ctx), text });
  turn.nlu = undefined;
  turn.understanding = undefined;
}

export function setThreadUse(ctx: TurnContext, use: ThreadUse): void {
  turnOf(ctx).threadUse = use;
}
export function threadUse(ctx: TurnContext): ThreadUse | undefined {
  return turnOf(ctx).threadUse;
}

/** The NLU result for this turn's text, computed once: a dialog that hands the turn back to the
 *  main dialog (reroute) would otherwise classify the same text again. */
export async function classifyTurn(services: Services, ctx: TurnContext): Promise<NluResult> {
  const turn = turnOf(ctx);
  if (turn.nlu) return turn.nlu;
  const { text, lang } = turnInfo(ctx);
  // a story that denies the engine's topic ("keine Demenz, aber …") is not about it
  const r = respectDenials(services.kb, await services.nlu.classify(text, lang), text, lang);
  turn.nlu = r;
  return r;
}

/** The NLU result of this turn if the router asked for one (buttons and guided steps do not). */
export function turnNlu(ctx: TurnContext): NluResult | undefined {
  return turnOf(ctx).nlu;
}

export function markUnanswered(ctx: TurnContext, why: Unanswered): void {
  turnOf(ctx).unanswered = why;
}
export function unansweredOf(ctx: TurnContext): Unanswered | undefined {
  return turnOf(ctx).unanswered;
}

/** What the router needs of a dialog context: the turn, and starting a child dialog. A
 *  DialogContext is one; DialogRunner passes a lighter one that creates the dialog context only
 *  when a child actually starts. */
export interface RouteTarget {
  readonly context: TurnContext;
  beginDialog(dialogId: string, options?: object): Promise<DialogTurnResult>;
}

export interface DialogDeps {
  services: Services;
  memory: StatePropertyAccessor<Memory>;
}

/** The conversation's memory, read through the state accessor once per turn and then kept on the
 *  turn (the same object: changes are saved with the state). A turn asks for it a dozen times. */
export async function getMemory(deps: DialogDeps, ctx: TurnContext): Promise<Memory> {
  const turn = turnOf(ctx);
  turn.memory ??= await deps.memory.get(ctx, {});
  return turn.memory;
}

/** The kind of local help of the topic answered last, if it has one: a place named next asks for it. */
export function lastTopicCategory(services: Services, mem: Memory): string | undefined {
  return mem.lastTopic ? services.kb.entry(mem.lastTopic)?.offerCategory : undefined;
}

/** Renders a reply for the channel, sends it and remembers its command options. Files (a text the
 *  family can keep) only go to channels that show attachments; the text carries the same content. */
export async function sendReply(deps: DialogDeps, ctx: TurnContext, reply: Reply, files: Attachment[] = []): Promise<void> {
  const mem = await getMemory(deps, ctx);
  const commands = (reply.suggestions ?? []).filter((a) => a.kind === 'command');
  if (commands.length) mem.options = commands.map((a) => ({ title: a.title, command: a.value }));
  const activity = renderReply(reply, ctx.activity.channelId);
  if (files.length && channelProfile(ctx.activity.channelId) === 'rich') activity.attachments = [...(activity.attachments ?? []), ...files];
  await ctx.sendActivity(activity);
}
