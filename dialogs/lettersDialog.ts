// Letter templates (application for a care grade, objection to a decision) from
// knowledge/federal/letters.json: shown in the chat and as a text file to keep. The person fills
// in the [placeholders]; the bot never asks for names and stores none.
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { Dialog } from '../bot/sdk/dialogs';
import type { TurnContext } from 'botbuilder';
import type { Action } from '../bot/channels/reply';
import { letterText, type Letter, type LetterId, type LettersOptions } from '../bot/care/letters';
import type { Lang } from '../bot/knowledge/schema';
import { formatDate as shortDate } from '../bot/knowledge/render';
import { sendReply, type DialogDeps } from './context';
import { GuidedDialog, GuidedFlow, command, chosenOption, textFile } from './guided';

export const LETTERS_DIALOG = 'lettersDialog';
const FLOW = 'lettersFlow';

interface FlowState { phase: 'pick' }

class LettersFlow extends GuidedFlow<FlowState> {
  constructor(deps: DialogDeps) {
    super(FLOW, deps);
  }

  private find(id: string | undefined): Letter | undefined {
    return this.deps.services.letters.letters.find((l) => l.id === id);
  }

  protected async start(dc: DialogContext, state: FlowState, options: LettersOptions): Promise<DialogTurnResult> {
    const letter = this.find(options.letter);
    if (letter) {
      const lang = options.letterLang === 'de' || options.letterLang === 'en' ? options.letterLang : this.lang(dc.context);
      await this.show(dc.context, letter, lang);
      return dc.endDialog();
    }
    state.phase = 'pick';
    await this.ask(dc.context);
    return Dialog.EndOfTurn;
  }

  protected async ask(ctx: TurnContext): Promise<void> {
    const lang = this.lang(ctx);
    await sendReply(this.deps, ctx, {
      text: this.t(ctx, 'letters.pick'),
      suggestions: this.deps.services.letters.letters.map((l) => command(l[lang].title, `letter:${l.id}`)),
    });
  }

  private async show(ctx: TurnContext, letter: Letter, letterLang: Lang): Promise<void> {
    const lang = this.lang(ctx);
    const body = letterText(letter, letterLang);
    const text = [letter[lang].intro, this.t(ctx, 'letters.rule'), body, this.t(ctx, 'letters.rule'), ...letter[lang].hints.map((h) => `• ${h}`)].join('\n\n');
    const buttons: Action[] = [];
    if (letterLang !== 'de') buttons.push(command(this.t(ctx, 'letters.btn_german'), `letter:${letter.id}:de`));
    const other = this.deps.services.letters.letters.find((l) => l.id !== letter.id);
    if (other) buttons.push(command(other[lang].title, `letter:${other.id}`));
    if (letter.id === 'objection') buttons.push(command(this.t(ctx, 'letters.btn_deadline'), 'deadline:objection'));
    else buttons.push(command(this.t(ctx, 'letters.btn_deadline_decision'), 'deadline:decision'));
    buttons.push(command(this.t(ctx, 'letters.btn_counselling'), 'human'));
    const footer = this.t(ctx, 'letters.footer', { date: shortDate(this.deps.services.letters.reviewed, lang), legal: letter.legal.join(', ') });
    await sendReply(this.deps, ctx, { text, footer, suggestions: buttons }, [textFile(letter[letterLang].fileName, `${body}\n`)]);
  }

  async accepts(dc: DialogContext, _state: FlowState, text: string): Promise<boolean> {
    const mem = await this.memory(dc.context);
    return (chosenOption(mem, dc.context, text))?.startsWith('letter:') ?? false;
  }

  protected async handle(dc: DialogContext, _state: FlowState, text: string): Promise<DialogTurnResult> {
    const mem = await this.memory(dc.context);
    const own = chosenOption(mem, dc.context, text);
    const letter = own?.startsWith('letter:') ? this.find(own.split(':')[1] as LetterId) : undefined;
    if (!letter) return this.reroute(dc);
    await this.show(dc.context, letter, this.lang(dc.context));
    return dc.endDialog();
  }
}

export class LettersDialog extends GuidedDialog<FlowState> {
  constructor(deps: DialogDeps) {
    super(LETTERS_DIALOG, deps, new LettersFlow(deps));
  }
}
