// The turn object (language, text, memory, classification, what the router reports back) and the
// small conversation memory shared by the dialogs; what is stored: docs/privacy.md.
import type { Attachment, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogTurnResult } from 'botbuilder-dialogs';
import type { Lang } from '../bot/knowledge/schema';
import type { Action, Reply } from '../bot/channels/reply';
import { channelProfile, renderReply } from '../bot/channels/render';
import { boundedMemo } from '../bot/memo';
import type { NluResult, Services } from '../bot/services';
import { understand, type Understanding } from '../bot/conversation/understand';
import type { ConversationThread } from '../bot/conversation/thread';
import type { SelfCheckProgress } from '../bot/care/selfCheck';

export interface TurnInfo {
  lang: Lang;
  text: string;
  /** stable per conversation and day: rotates the order of local offers without favouring anyone */
  seed: string;
}

/** The one shape of what is stored per conversation (docs/privacy.md lists each field, why and for
 *  how long). Only what features need: no names, no free text. Deleted with "delete my data" and by
 *  retention. The thread (last topic, grade, Stadtteil, care setting, person, dementia) is what
 *  follow-ups are resolved against (bot/conversation/thread.ts). */
export interface Memory extends ConversationThread {
  category?: string;
  /** the buttons / numbered options of the last reply: title → command */
  options?: { title: string; command: string }[];
  /** the conversation's language, kept for short replies like "Saarn" or "3" */
  lang?: Lang;
  /** "delete my data" was asked and waits for a yes */
  deletePending?: boolean;
  /** the command of a step the last answer offered ("Soll ich das Datum ausrechnen?"): "ja" accepts it */
  offered?: string;
  /** the self-check's answers so far, kept so that it can be resumed */
  selfcheck?: SelfCheckProgress;
  /** the grade the finished self-check estimated: the benefits overview starts from it */
  selfcheckGrade?: number;
  /** the entries the last answer's further questions got briefly (several questions in one message):
   *  "und bei 5?" may be about one of them; holds for exactly one message */
  alsoAnswered?: string[];
}

export type Unanswered = 'not_understood' | 'low_confidence';

/** What the router resolved a follow-up against, for staff (`chat --explain`). */
export interface ThreadUse { kind: string; detail: string }

/** Everything one turn knows, kept on the turn under one key: what the bot was told (info), the
 *  memory read once, what NLU and retrieval made of the text (computed once, also when a dialog
 *  hands the turn back to the router), and what the router reports back to the bot. */
export interface Turn {
  info?: TurnInfo;
  memory?: Memory;
  nlu?: NluResult;
  understanding?: Understanding;
  threadUse?: ThreadUse;
  /** the router could not answer, or only offered guesses: the staff inbox gets it */
  unanswered?: Unanswered;
  /** "delete my data" was confirmed: the bot deletes after the dialogs ran */
  deleteRequested?: boolean;
}

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
  turn.understanding = understand(services.kb, r, text, lang, (t) => services.local.detectPlace(t).stadtteil);
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
  const r = await services.nlu.classify(text, lang);
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

export function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').replace(/[.!?]+$/, '').trim();
}

/** "2" or "(2)" → 2: a typed option number. */
export function optionNumber(text: string): number | undefined {
  const m = /^\(?(\d{1,2})\)?$/.exec(normalise(text));
  return m ? Number(m[1]) : undefined;
}

// Button titles come from the content, a small fixed set, and every turn compares them again.
const normalisedTitle = boundedMemo(normalise, 5_000);

/** The command of one of the last reply's buttons, by its exact title (case and final dot ignored). */
export function optionByTitle(mem: Memory, text: string): string | undefined {
  if (!mem.options?.length) return undefined;
  const n = normalise(text);
  return mem.options.find((o) => normalisedTitle(o.title) === n)?.command;
}

/** "2", "(2)" or the exact title of one of the last options → its command. */
export function matchOption(mem: Memory, text: string): string | undefined {
  const num = optionNumber(text);
  return num !== undefined ? mem.options?.[num - 1]?.command : optionByTitle(mem, text);
}

/** The topic menu of the welcome, "Menü" and "not understood": one list for all of them. */
export function topicMenu(t: (key: string) => string): Action[] {
  const items: [string, string][] = [['apply', 'answer:apply'], ['selfcheck', 'selfcheck'], ['money', 'money'], ['local', 'offers'], ['carers', 'answer:carer_support'], ['counselling', 'human']];
  return items.map(([key, command]) => ({ kind: 'command', title: t(`menu.${key}`), value: command }));
}
