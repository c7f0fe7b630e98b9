// Application and objection guide with concrete deadlines: the steps (application, MD visit,
// decision within 25 working days, objection within a month), and from the user's dates the last
// day for the decision with the delay payment so far, or the last day for an objection. Working
// days skip weekends and NRW public holidays (bot/care/deadlines.ts); dates from bot/nlu/dates.ts.
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import type { Action } from '../bot/channels/reply';
import { addDays, addMonths, compareIso, daysBetween, isoWeekday, type IsoDate } from '../bot/care/calendar';
import { decisionDeadline, delayCompensation, isWorkingDay, holidayOn, nrwHolidays, objectionDeadline } from '../bot/care/deadlines';
import { formatEuro, valueOn } from '../bot/care/benefits';
import { parseDate } from '../bot/nlu/dates';
import type { BenefitsFile, Lang } from '../bot/knowledge/schema';
import { sendReply, type DialogDeps } from './context';
import { GuidedDialog, GuidedFlow, command, formatDate, chosenOption, type Translate } from './guided';

export const DEADLINE_DIALOG = 'deadlineDialog';
const FLOW = 'deadlineFlow';

export type DeadlineKind = 'objection' | 'decision';

export interface DeadlineOptions {
  /** the message that started the dialog ("Bescheid kam am 3.11.") */
  text?: string;
  kind?: DeadlineKind;
}

// ------------------------------------------------------------------ pure helpers

const OBJECTION_WORDS = /(bescheid|widerspruch|widersprechen|abgelehnt|ablehnung|einspruch|notice|objection|object\b|appeal|decision (came|arrived|was received)|received the decision|got the decision|decision letter|refused|rejected)/i;
const DECISION_WORDS = /(antrag|beantragt|angerufen|applied|application|apply|submitted|filed)/i;
/** an application that was made, not one being planned ("wenn ich heute den Antrag stelle") */
export const PAST_APPLICATION = /(gestellt|beantragt|eingereicht|abgeschickt|angerufen|applied|submitted|filed|sent)/i;
export const NOTICE_RECEIVED = /(bescheid|decision|notice).*(kam|gekommen|erhalten|bekommen|zugestellt|eingegangen|came|arrived|received|got)|(erhalten|bekommen|received|got).*(bescheid|decision|notice)/i;

/** Which deadline a message asks about: the objection (a notice arrived) or the decision (an
 *  application was made). */
export function deadlineKind(text: string): DeadlineKind | undefined {
  if (OBJECTION_WORDS.test(text)) return 'objection';
  if (DECISION_WORDS.test(text)) return 'decision';
  return undefined;
}

/** Working days after `from` up to and including `to` (0 if `to` is not later). */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  let n = 0;
  for (let d = from; compareIso(d, to) < 0;) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) n++;
  }
  return n;
}

/** NRW holidays on weekdays after `from` up to and including `to` (they do not count as working days). */
export function holidaysBetween(from: IsoDate, to: IsoDate): { date: IsoDate; id: string }[] {
  const out: { date: IsoDate; id: string }[] = [];
  const y0 = Number(from.slice(0, 4));
  const y1 = Number(to.slice(0, 4));
  for (let y = y0; y <= y1; y++) {
    for (const h of nrwHolidays(y)) if (h.date > from && h.date <= to && isoWeekday(h.date) <= 5) out.push(h);
  }
  return out;
}


/** The objection deadline for a notice that arrived on `received`, as text. */
export function objectionText(received: IsoDate, today: IsoDate, lang: Lang, t: Translate): string {
  const deadline = objectionDeadline(received);
  const plain = addMonths(received, 1);
  const lines = [t('deadline.objection.result', { received: formatDate(received, lang), deadline: formatDate(deadline, lang) })];
  if (deadline !== plain) {
    const h = holidayOn(plain);
    lines.push(t('deadline.objection.moved', { plain: formatDate(plain, lang), why: h ? t('deadline.holiday', { name: t(`holidays.${h}`) }) : t('deadline.weekend') }));
  }
  const left = daysBetween(today, deadline);
  if (left > 0) lines.push(t('deadline.days_left', { count: left }));
  else if (left === 0) lines.push(t('deadline.today_last'));
  else {
    const yearDeadline = objectionDeadline(received, { period: 'year' });
    lines.push(t('deadline.objection.passed', { year: formatDate(yearDeadline, lang) }));
  }
  lines.push(t('deadline.objection.how'));
  return lines.join('\n\n');
}

/** The decision deadline for an application made on `applied` and the delay payment up to
 *  `until` (the day the decision arrived, or today while none has come). */
export function decisionText(table: BenefitsFile, applied: IsoDate, today: IsoDate, lang: Lang, t: Translate, decidedOn?: IsoDate): string {
  const deadline = decisionDeadline(applied);
  const lines = [t('deadline.decision.result', { applied: formatDate(applied, lang), deadline: formatDate(deadline, lang) })];
  const holidays = holidaysBetween(applied, deadline);
  if (holidays.length) lines.push(t('deadline.decision.holidays', { list: holidays.map((h) => `${t(`holidays.${h.id}`)} (${formatDate(h.date, lang, false)})`).join(', ') }));
  const until = decidedOn ?? today;
  const perWeek = valueOn(table, 'verzoegerung', until);
  if (compareIso(until, deadline) <= 0) {
    if (decidedOn) lines.push(t('deadline.decision.in_time', { decided: formatDate(decidedOn, lang) }));
    else {
      const left = workingDaysBetween(today, deadline);
      lines.push(left > 0 ? t('deadline.decision.working_days_left', { count: left }) : t('deadline.today_last'));
      if (perWeek !== null) lines.push(t('deadline.decision.if_late', { amount: formatEuro(perWeek, lang) }));
    }
  } else if (perWeek !== null) {
    const c = delayCompensation(applied, until, perWeek);
    lines.push(t(decidedOn ? 'deadline.decision.late_decided' : 'deadline.decision.late_open', {
      decided: formatDate(until, lang), days: c.overdueDays, weeks: c.startedWeeks, perWeek: formatEuro(perWeek, lang), amount: formatEuro(c.amount, lang),
    }));
    lines.push(t('deadline.decision.fault'));
    if (!decidedOn) lines.push(t('deadline.decision.ask_decided'));
  }
  return lines.join('\n\n');
}

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
    state.kind = options.kind ?? (text ? deadlineKind(text) : undefined);
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
    if (state.phase === 'kind') return deadlineKind(text) !== undefined;
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
    const kind = deadlineKind(text);
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
      const decided = decisionText(s.kb.benefits, state.applied, s.today(), lang, this.tf(ctx), date);
      await sendReply(this.deps, ctx, { text: `${decided}\n\n${objectionText(date, s.today(), lang, this.tf(ctx))}`, suggestions: this.buttons(ctx, 'objection') });
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
      ? objectionText(date, s.today(), lang, this.tf(ctx))
      : decisionText(s.kb.benefits, date, s.today(), lang, this.tf(ctx));
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
