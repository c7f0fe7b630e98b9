// How the main dialog reaches the guided dialogs: it adds them, and starts the one a pure route
// decision names (bot/conversation/route.ts decides which intents, sentences and buttons start them).
import type { ComponentDialog, DialogTurnResult } from 'botbuilder-dialogs';
import type { NluResult } from '../bot/services';
import { closeAlternative } from '../bot/conversation/alternative';
import { answersAtOnce, guidedCommandRoute, guidedRoute, type GuidedStart } from '../bot/conversation/route';
import type { TurnInfo } from '../bot/conversation/turn';
import { parseDate } from '../bot/nlu/dates';
import type { DialogDeps, RouteTarget } from './context';
import { SELF_CHECK_DIALOG, SelfCheckDialog } from './selfCheckDialog';
import { BENEFITS_DIALOG, BenefitsDialog } from './benefitsDialog';
import { DEADLINE_DIALOG, DeadlineDialog } from './deadlineDialog';
import { LETTERS_DIALOG, LettersDialog } from './lettersDialog';

const DIALOG_IDS: Record<GuidedStart['dialog'], string> = { selfcheck: SELF_CHECK_DIALOG, benefits: BENEFITS_DIALOG, deadline: DEADLINE_DIALOG, letters: LETTERS_DIALOG };

export function addGuidedDialogs(parent: ComponentDialog, deps: DialogDeps): void {
  parent.addDialog(new SelfCheckDialog(deps));
  parent.addDialog(new BenefitsDialog(deps));
  parent.addDialog(new DeadlineDialog(deps));
  parent.addDialog(new LettersDialog(deps));
}

export function startGuided(dc: RouteTarget, start: GuidedStart): Promise<DialogTurnResult> {
  return dc.beginDialog(DIALOG_IDS[start.dialog], start.options);
}

/** Starts a guided dialog for this message, or undefined when it is not one of theirs; `atOnce` when
 *  its first reply answers (route.ts answersAtOnce). */
export async function routeGuided(dc: RouteTarget, deps: DialogDeps, turn: TurnInfo, r: NluResult, grade?: number): Promise<{ result: DialogTurnResult; atOnce: boolean; dialog: GuidedStart['dialog'] } | undefined> {
  const { text, lang } = turn;
  const s = deps.services;
  // guidedRoute and answersAtOnce may both ask whether the text names a date: parse it once
  let dated: boolean | undefined;
  const x = {
    r, text, words: s.words, grade,
    hasDate: () => (dated ??= !!parseDate(text, lang, s.today(), { noYear: 'past' })),
    alternative: () => closeAlternative(r.ranked, 'selfcheck', (id) => s.kb.answers.has(id)),
  };
  const start = guidedRoute(x);
  return start ? { result: await startGuided(dc, start), atOnce: answersAtOnce(start, x), dialog: start.dialog } : undefined;
}

/** Commands of the guided dialogs' buttons ("overview:3", "letter:objection", …). */
export async function guidedCommand(dc: RouteTarget, name: string, arg?: string, sub?: string): Promise<DialogTurnResult | undefined> {
  const start = guidedCommandRoute(name, arg, sub);
  return start ? startGuided(dc, start) : undefined;
}
