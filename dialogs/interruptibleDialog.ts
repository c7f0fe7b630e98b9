// Base for every guided dialog (like core-bot's CancelAndHelpDialog): "abbrechen"/"cancel" ends it,
// "hilfe"/"help" explains and re-prompts, and a clear new question leaves the dialog so the main
// dialog can answer it. Crises are handled even earlier, by the bot, in every turn.
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { ComponentDialog, DialogTurnStatus } from '../bot/sdk/dialogs';
import { classifyTurn, turnInfo, understandTurn, type DialogDeps } from './context';
import { placeNamed } from '../bot/conversation/local';
import { isFullQuestion } from '../bot/conversation/cues';

export interface Reroute { reroute: true }
export const REROUTE: Reroute = { reroute: true };

export abstract class InterruptibleDialog extends ComponentDialog {
  /** Dialogs whose prompts take a grade, place or kind of help set this: a full new question that
   *  happens to contain such a value ("Pflegegeld bei Pflegegrad 3?") is answered as a question. */
  protected rerouteQuestions = false;

  /** Whether a reply that names a place ("Saarn" to "Welchen Pflegegrad?") leaves the dialog, so
   *  that the main dialog shows the topic's local help there. Off by default: guided flows keep
   *  it off, so a stray word never ends a long self-check. */
  protected async reroutesPlaces(_dc: DialogContext): Promise<boolean> {
    return false;
  }

  constructor(id: string, protected readonly deps: DialogDeps) {
    super(id);
  }

  /** Whether a full question is still this step's answer ("und wenn der Dienst drei Viertel braucht?"
   *  after a combination share): then it is not rerouted. None by default. */
  protected async answersAsQuestion(_dc: DialogContext, _text: string): Promise<boolean> {
    return false;
  }

  /** Whether a message that is no answer to the step asks about the step's subject ("kostet das was?"
   *  in the place prompt): then it leaves the dialog, and the main dialog answers it against the
   *  thread. None by default. */
  protected async reroutesFollowUp(_dc: DialogContext, _text: string): Promise<boolean> {
    return false;
  }

  /** Whether this text is a valid answer to the current step (then no rerouting is considered). */
  protected abstract acceptsInput(dc: DialogContext, text: string): Promise<boolean>;

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    // State saved by an earlier version may wait in a step that is gone (the answer dialog's old
    // waterfall and grade prompt): leave, and let the main dialog take the message afresh.
    if (innerDc.stack.some((i) => !this.findDialog(i.id))) {
      innerDc.stack.splice(0, innerDc.stack.length);
      return { status: DialogTurnStatus.complete, result: REROUTE };
    }
    const interrupted = await this.interrupt(innerDc);
    return interrupted ?? super.onContinueDialog(innerDc);
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    if (innerDc.context.activity.type !== 'message') return undefined;
    const { text, lang } = turnInfo(innerDc.context);
    const t = text.trim().replace(/[.!]+$/, '');
    const { words } = this.deps.services;
    // the same words as the main dialog's (locales/<lng>/commands.json); "start" and the like stay answers here
    if (words.has('cancel', t) || words.has('menu', t)) {
      await innerDc.cancelAllDialogs();
      return { status: DialogTurnStatus.complete, result: REROUTE };
    }
    if (words.has('help', t)) {
      await innerDc.context.sendActivity(this.deps.services.i18n.t('help', { lng: lang }));
      await innerDc.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    const question = this.rerouteQuestions && isFullQuestion(text, words) && !(await this.answersAsQuestion(innerDc, text));
    if (!question && (await this.acceptsInput(innerDc, text))) return undefined;
    if (await this.reroutesFollowUp(innerDc, text)) {
      await innerDc.cancelAllDialogs();
      return { status: DialogTurnStatus.complete, result: REROUTE };
    }
    // Not (only) an answer to our question: if it is a clear new question, let the main dialog take it.
    const r = await classifyTurn(this.deps.services, innerDc.context);
    // a full question that a question entry answers ("Was ist eine Vorsorgevollmacht?" in the grade
    // prompt) is a new question even when no intent took it
    const answered = question && (r.intent === 'None' || r.intent === 'out_of_scope') && !!understandTurn(this.deps.services, innerDc.context, r).entry;
    if ((r.intent !== 'None' && r.intent !== 'out_of_scope') || answered || (r.intent === 'None' && placeNamed(this.deps.services.local.detectPlace(text)) && (await this.reroutesPlaces(innerDc)))) {
      await innerDc.cancelAllDialogs();
      return { status: DialogTurnStatus.complete, result: REROUTE };
    }
    return undefined;
  }
}
