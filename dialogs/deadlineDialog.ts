// Application and objection guide with concrete deadlines: the steps (application, MD visit,
// decision within 25 working days, objection within a month), and from the user's dates the last
// day for the decision with the delay payment so far, or the last day for an objection. Working
// days skip weekends and NRW public holidays (bot/care/deadlines.ts); dates from bot/nlu/dates.ts.
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { Dialog } from '../bot/sdk/dialogs';
import type { TurnContext } from 'botbuilder';
import type { Action } from '../bot/channels/reply';
import type { IsoDate } from '../bot/care/calendar';
import { formatEuro, valueOn } from '../bot/care/benefits';
import { decisionText, deadlineKind, objectionText, type DeadlineKind, type DeadlineOptions } from '../bot/care/deadlineText';
import { formatDate } from '../bot/care/format';
import { parseDate } from '../bot/nlu/dates';
import { sendReply, type DialogDeps } from './context';
import { GuidedDialog, GuidedFlow, command, chosenOption } from './guided';

export const DEADLINE_DIALOG = 'deadlineDialog';
const FLOW = 'deadlineFlow';

// ------------------------------------------------------------------ the dialog

interface FlowState { phase: 'guide' | 'kind' | 'date' | 'after'; kind?: DeadlineKind; date?: IsoDate; applied?: IsoDate }

class DeadlineFlow extends GuidedFlow<FlowState> {
  constructor(deps: DialogDeps) {
    super(FLOW, deps);
  }

  private date(ctx: TurnContext, text: string): IsoDate | undefined {
    return parseDate(text, this.lang(ctx), this.deps.services.today(), { noYear: 'past' });
  }

  protected async start(dc: DialogContext, state: FlowState, options: DeadlineOptions): Promise<DialogTurnResult> {
    const text = options.text ?? '';
    state.kind = options.kind ?? (text ? deadlineKind(text, this.deps.services.words) : undefined);
    state.date = text ? this.date(dc.context, text) : undefined;
    if (state.kind && state.date) return this.result(dc, state, state.kind, state.date);
    state.phase = state.date ? 'kind' : state.kind ? 'date' : 'guide';
    await this.ask(dc.context, state);
    return Dialog.EndOfTurn;
  }

  private buttons(ctx: TurnContext, kind?: DeadlineKind): Action[] {
    const b: Action[] = [];
    if (kind !== 'objection') b.push(command(this.t(ctx, 'deadline.btn_objection'), 'dl:objection'));
    if (kind !== 'decision') b.push(command(this.t(ctx, 'deadline.btn_decision'), 'dl:decision'));
    b.push(command(this.t(ctx, 'deadline.btn_letter_application'), 'letter:application'));
    b.push(command(this.t(ctx, 'deadline.btn_letter_objection'), 'letter:objection'));
    if (kind) b.push(command(this.t(ctx, 'deadline.btn_counselling'), 'human'));
    return b;
  }

  protected async ask(ctx: TurnContext, state: FlowState): Promise<void> {
    if (state.phase === 'guide') {
      const perWeek = valueOn(this.deps.services.kb.benefits, 'verzoegerung', this.deps.services.today());
      await sendReply(this.deps, ctx, { text: this.t(ctx, 'deadline.guide', { perWeek: perWeek === null ? '–' : formatEuro(perWeek, this.lang(ctx)) }), suggestions: this.buttons(ctx) });
    } else if (state.phase === 'kind') {
      await sendReply(this.deps, ctx, {
        text: this.t(ctx, 'deadline.ask_kind', { date: formatDate(state.date!, this.lang(ctx)) }),
        suggestions: [command(this.t(ctx, 'deadline.kind_objection'), 'dl:objection'), command(this.t(ctx, 'deadline.kind_decision'), 'dl:decision')],
      });
    } else if (state.phase === 'date') {
      await sendReply(this.deps, ctx, { text: this.t(ctx, state.kind === 'objection' ? 'deadline.ask_received' : 'deadline.ask_applied'), suggestions: [command(this.t(ctx, 'deadline.btn_today'), 'dl:today')] });
    } else {
      await sendReply(this.deps, ctx, { text: this.t(ctx, 'deadline.after'), suggestions: this.buttons(ctx, state.kind) });
    }
  }

  async accepts(dc: DialogContext, state: FlowState, text: string): Promise<boolean> {
    const mem = await this.memory(dc.context);
    const own = chosenOption(mem, dc.context, text);
    if (own) return true;
    if (state.phase === 'kind') return deadlineKind(text, this.deps.services.words) !== undefined;
    // a date, with or without saying what it is
    return this.date(dc.context, text) !== undefined;
  }

  protected async handle(dc: DialogContext, state: FlowState, text: string): Promise<DialogTurnResult> {
    const ctx = dc.context;
    const mem = await this.memory(ctx);
    const own = chosenOption(mem, ctx, text);
    if (own && !own.startsWith('dl:')) return this.reroute(dc);
    if (own === 'dl:objection' || own === 'dl:decision') {
      state.kind = own.slice(3) as DeadlineKind;
      if (state.phase === 'kind' && state.date) return this.result(dc, state, state.kind, state.date);
      state.phase = 'date';
      await this.ask(ctx, state);
      return Dialog.EndOfTurn;
    }
    const date = own === 'dl:today' ? this.deps.services.today() : this.date(ctx, text);
    const kind = deadlineKind(text, this.deps.services.words);
    if (state.phase === 'kind') {
      if (!kind) return this.reroute(dc);
      return this.result(dc, state, kind, date ?? state.date!);
    }
    if (!date) {
      if (state.phase === 'date') {
        await ctx.sendActivity(this.t(ctx, 'deadline.date_reprompt'));
        await this.ask(ctx, state);
        return Dialog.EndOfTurn;
      }
      return this.reroute(dc);
    }
    // After a decision deadline: "Bescheid kam am 20.12." gives the final payment and the objection deadline.
    if (state.phase === 'after' && state.applied && (kind === 'objection' || !kind)) {
      const s = this.deps.services;
      const lang = this.lang(ctx);
      const decided = decisionText(s.workingDays, s.kb.benefits, state.applied, s.today(), lang, this.tf(ctx), date);
      await sendReply(this.deps, ctx, { text: `${decided}\n\n${objectionText(s.workingDays, date, s.today(), lang, this.tf(ctx))}`, suggestions: this.buttons(ctx, 'objection') });
      state.kind = 'objection';
      state.applied = undefined;
      return Dialog.EndOfTurn;
    }
    const k = kind ?? state.kind;
    if (!k) {
      state.date = date;
      state.phase = 'kind';
      await this.ask(ctx, state);
      return Dialog.EndOfTurn;
    }
    return this.result(dc, state, k, date);
  }

  private async result(dc: DialogContext, state: FlowState, kind: DeadlineKind, date: IsoDate): Promise<DialogTurnResult> {
    const ctx = dc.context;
    const s = this.deps.services;
    const lang = this.lang(ctx);
    const text = kind === 'objection'
      ? objectionText(s.workingDays, date, s.today(), lang, this.tf(ctx))
      : decisionText(s.workingDays, s.kb.benefits, date, s.today(), lang, this.tf(ctx));
    state.phase = 'after';
    state.kind = kind;
    state.applied = kind === 'decision' ? date : undefined;
    await sendReply(this.deps, ctx, { text, suggestions: this.buttons(ctx, kind) });
    return Dialog.EndOfTurn;
  }
}

export class DeadlineDialog extends GuidedDialog<FlowState> {
  constructor(deps: DialogDeps) {
    super(DEADLINE_DIALOG, deps, new DeadlineFlow(deps));
  }
}
