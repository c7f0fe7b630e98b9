// Per-turn facts (language, text) and the small conversation memory shared by the dialogs.
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Lang } from '../bot/knowledge/schema';
import type { Action, Reply } from '../bot/channels/reply';
import { renderReply } from '../bot/channels/render';
import type { NluResult, Services } from '../bot/services';

export interface TurnInfo {
  lang: Lang;
  text: string;
  /** stable per conversation and day: rotates the order of local offers without favouring anyone */
  seed: string;
}

/** Only what features need: no names, no free text. Deleted with "delete my data" and by retention. */
export interface Memory {
  grade?: number;
  stadtteil?: string;
  category?: string;
  /** the buttons / numbered options of the last reply: title → command */
  options?: { title: string; command: string }[];
  lastTopic?: string;
  /** the conversation's language, kept for short replies like "Saarn" or "3" */
  lang?: Lang;
  /** "delete my data" was asked and waits for a yes */
  deletePending?: boolean;
}

const TURN_INFO = Symbol('pflegenetz.turnInfo');

export function setTurnInfo(ctx: TurnContext, info: TurnInfo): void {
  ctx.turnState.set(TURN_INFO, info);
}
export function turnInfo(ctx: TurnContext): TurnInfo {
  const info = ctx.turnState.get(TURN_INFO) as TurnInfo | undefined;
  if (!info) throw new Error('turn info missing: the bot must set it before running dialogs');
  return info;
}

const NLU_RESULT = Symbol('pflegenetz.nluResult');

/** The NLU result for this turn's text, computed once: a dialog that hands the turn back to the
 *  main dialog (reroute) would otherwise classify the same text again. */
export async function classifyTurn(services: Services, ctx: TurnContext): Promise<NluResult> {
  const cached = ctx.turnState.get(NLU_RESULT) as NluResult | undefined;
  if (cached) return cached;
  const { text, lang } = turnInfo(ctx);
  const r = await services.nlu.classify(text, lang);
  ctx.turnState.set(NLU_RESULT, r);
  return r;
}

export interface DialogDeps {
  services: Services;
  memory: StatePropertyAccessor<Memory>;
}

export async function getMemory(deps: DialogDeps, ctx: TurnContext): Promise<Memory> {
  return deps.memory.get(ctx, {});
}

/** Renders a reply for the channel, sends it and remembers its command options. */
export async function sendReply(deps: DialogDeps, ctx: TurnContext, reply: Reply): Promise<void> {
  const mem = await getMemory(deps, ctx);
  const commands = (reply.suggestions ?? []).filter((a) => a.kind === 'command');
  if (commands.length) mem.options = commands.map((a) => ({ title: a.title, command: a.value }));
  await ctx.sendActivity(renderReply(reply, ctx.activity.channelId));
}

export function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').replace(/[.!?]+$/, '').trim();
}

/** "2", "(2)" or the exact title of one of the last options → its command. */
export function matchOption(mem: Memory, text: string): string | undefined {
  const opts = mem.options ?? [];
  if (!opts.length) return undefined;
  const n = normalise(text);
  const num = /^\(?(\d{1,2})\)?$/.exec(n);
  if (num) return opts[Number(num[1]) - 1]?.command;
  return opts.find((o) => normalise(o.title) === n)?.command;
}

/** The topic menu of the welcome, "Menü" and "not understood": one list for all of them. */
export function topicMenu(t: (key: string) => string): Action[] {
  const items: [string, string][] = [['apply', 'answer:apply'], ['selfcheck', 'selfcheck'], ['money', 'money'], ['local', 'offers'], ['carers', 'answer:carer_support'], ['counselling', 'human']];
  return items.map(([key, command]) => ({ kind: 'command', title: t(`menu.${key}`), value: command }));
}
