// The turn object and the conversation memory (their shapes; what is stored: docs/privacy.md), and
// the pure readings of a message against the last reply's options. No botbuilder here: the dialogs
// reach the turn through dialogs/context.ts, tests and pure rules use these shapes directly.
import type { Lang } from '../knowledge/schema';
import type { Action } from '../channels/reply';
import { boundedMemo } from '../memo';
import type { NluResult } from '../services';
import type { Understanding } from './understand';
import type { ConversationThread } from './thread';
import type { SelfCheckProgress } from '../care/selfCheck';

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
  /** the last reply asked directly whether the writer thinks of ending their life (a possible death
   *  wish the model read strongly, session 15): the next message's "ja" gets the crisis answer; holds
   *  for exactly one message */
  crisisAsked?: boolean;
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
