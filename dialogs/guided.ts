// The one way a dialog asks (docs/decisions.md, "One dialog idiom"): a GuidedFlow state machine in
// its GuidedDialog shell (a ComponentDialog that handles help, cancel and new questions). Used by
// the answer's grade question, the offer search, self-check, benefits overview, deadlines, letters
// and callback. Also microcopy from the "guided" namespace and replies with a downloadable text file
// (date and number formatting: bot/care/format.ts).
import type { DialogContext, DialogInstance, DialogTurnResult } from 'botbuilder-dialogs';
import { Dialog } from '../bot/sdk/dialogs';
import type { Attachment, TurnContext } from 'botbuilder';
import type { Action } from '../bot/channels/reply';
import { channelProfile } from '../bot/channels/render';
import type { Translate } from '../bot/care/format';
import type { Lang } from '../bot/knowledge/schema';
import { getMemory, turnInfo, type DialogDeps } from './context';
import { optionByTitle, optionNumber, type Memory } from '../bot/conversation/turn';
import { InterruptibleDialog, REROUTE } from './interruptibleDialog';

/** Microcopy of the guided dialogs (locales/{de,en}/guided.json). */
export function tg(deps: DialogDeps, ctx: TurnContext, key: string, vars: Record<string, unknown> = {}): string {
  return deps.services.i18n.t(`guided:${key}`, { lng: turnInfo(ctx).lang, ...vars });
}

export function command(title: string, value: string): Action {
  return { kind: 'command', title, value };
}

/** The command of one of the last reply's buttons a message chose: by its title, or by its number
 *  on channels that show numbered options (on rich channels a bare number is an answer, e.g. a grade). */
export function chosenOption(mem: Memory, ctx: TurnContext, text: string): string | undefined {
  const byTitle = optionByTitle(mem, text);
  if (byTitle !== undefined || channelProfile(ctx.activity.channelId) === 'rich') return byTitle;
  const num = optionNumber(text);
  return num === undefined ? undefined : mem.options?.[num - 1]?.command;
}

/** A text file the family can keep, carried in the reply itself (nothing stored on the server). */
export function textFile(name: string, text: string): Attachment {
  const data = Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8').toString('base64');
  return { contentType: 'text/plain', name, contentUrl: `data:text/plain;charset=utf-8;base64,${data}` };
}

/** A dialog as a small state machine: `start` on begin, `handle` for each later message, `ask`
 *  to repeat the current question (help, "weiter" after an emergency message). The state lives
 *  in the dialog instance, so it is saved with the conversation and survives a restart. */
export abstract class GuidedFlow<S extends { phase: string }> extends Dialog {
  constructor(id: string, protected readonly deps: DialogDeps) {
    super(id);
  }

  protected abstract start(dc: DialogContext, state: S, options: unknown): Promise<DialogTurnResult>;
  protected abstract handle(dc: DialogContext, state: S, text: string): Promise<DialogTurnResult>;
  protected abstract ask(ctx: TurnContext, state: S): Promise<void>;
  /** Is this text an answer to the current step? (otherwise the NLU may take the turn elsewhere) */
  abstract accepts(dc: DialogContext, state: S, text: string): Promise<boolean>;

  override async beginDialog(dc: DialogContext, options?: unknown): Promise<DialogTurnResult> {
    return this.start(dc, dc.activeDialog!.state as S, options ?? {});
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    if (dc.context.activity.type !== 'message') return Dialog.EndOfTurn;
    return this.handle(dc, dc.activeDialog!.state as S, turnInfo(dc.context).text);
  }

  override async repromptDialog(ctx: TurnContext, instance: DialogInstance): Promise<void> {
    await this.ask(ctx, instance.state as S);
  }

  protected t(ctx: TurnContext, key: string, vars: Record<string, unknown> = {}): string {
    return tg(this.deps, ctx, key, vars);
  }

  /** this.t bound to the turn, for the pure text builders */
  protected tf(ctx: TurnContext): Translate {
    return (k, v) => this.t(ctx, k, v);
  }

  protected lang(ctx: TurnContext): Lang {
    return turnInfo(ctx).lang;
  }

  /** Leave and let the main dialog handle this message (a button or question of another topic). */
  protected reroute(dc: DialogContext): Promise<DialogTurnResult> {
    return dc.endDialog(REROUTE);
  }

  protected async memory(ctx: TurnContext): Promise<Memory> {
    return getMemory(this.deps, ctx);
  }
}

/** The state of the flow the inner dialog context is running (for acceptsInput). */
export async function flowAccepts<S extends { phase: string }>(flow: GuidedFlow<S>, dc: DialogContext, text: string): Promise<boolean> {
  const inst = dc.activeDialog;
  if (!inst || inst.id !== flow.id) return false;
  return flow.accepts(dc, inst.state as S, text);
}

/** The interruptible shell around one guided flow: help/cancel/new questions are handled by the
 *  base class; whether a message answers the flow's current step is the flow's decision. */
export class GuidedDialog<S extends { phase: string }> extends InterruptibleDialog {
  constructor(id: string, deps: DialogDeps, protected readonly flow: GuidedFlow<S>) {
    super(id, deps);
    this.addDialog(flow);
    this.initialDialogId = flow.id;
  }

  protected acceptsInput(dc: DialogContext, text: string): Promise<boolean> {
    return flowAccepts(this.flow, dc, text);
  }
}
