// Care-grade self-check (NBA, § 15 SGB XI, Anlagen 1 and 2): one plain question at a time, module
// by module, answers as buttons from most to least independent, typed answers too. "zurück",
// "Teil überspringen" and "Pause" work at every question. Progress lives in the conversation
// memory (no names, no free text), so a check survives a restart, an emergency message or a
// detour to another question. Scoring is bot/care/nba.ts; this file only asks and reports.
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { Dialog, DialogTurnStatus } from '../bot/sdk/dialogs';
import type { TurnContext } from 'botbuilder';
import { findScale } from '../bot/care/nba';
import { parseTypedAnswer } from '../bot/care/nbaAnswer';
import type { NbaCatalogue } from '../bot/care/nbaSchema';
import {
  answerQuestion, controlWord, isStartWord, goBack, isComplete, newProgress, questionMessage, reportButtons, selfCheckQuestions, selfCheckReport, skipModule,
  thresholdsText,
  type Question, type SelfCheckOptions, type SelfCheckProgress,
} from '../bot/care/selfCheck';
import { classifyTurn, getMemory, sendReply, turnInfo, type DialogDeps } from './context';
import type { Memory } from '../bot/conversation/turn';
import type { Reroute } from './interruptibleDialog';
import { alternativeAction } from '../bot/conversation/answers';
import { GuidedDialog, GuidedFlow, command, tg, chosenOption, textFile } from './guided';

export const SELF_CHECK_DIALOG = 'selfCheckDialog';
const FLOW = 'selfCheckFlow';

// ------------------------------------------------------------------ the dialog

interface FlowState { phase: 'intro' | 'resume' | 'question'; alternative?: string }

class SelfCheckFlow extends GuidedFlow<FlowState> {
  constructor(deps: DialogDeps) {
    super(FLOW, deps);
  }

  private get cat(): NbaCatalogue {
    return this.deps.services.nba;
  }

  protected async start(dc: DialogContext, state: FlowState, options: SelfCheckOptions): Promise<DialogTurnResult> {
    const mem = await this.memory(dc.context);
    if (options.restart) mem.selfcheck = undefined;
    state.phase = mem.selfcheck ? (options.resume ? 'question' : 'resume') : 'intro';
    state.alternative = options.alternative;
    await this.ask(dc.context, state);
    return Dialog.EndOfTurn;
  }

  protected async ask(ctx: TurnContext, state: FlowState): Promise<void> {
    const mem = await this.memory(ctx);
    const explain = command(this.t(ctx, 'selfcheck.btn_explain'), 'answer:selfcheck');
    const other = state.phase !== 'question' && state.alternative ? this.deps.services.kb.answers.get(state.alternative) : undefined;
    const { i18n } = this.deps.services;
    const alternative = other ? [alternativeAction(other, { t: i18n.t.bind(i18n), lang: turnInfo(ctx).lang })] : [];
    if (state.phase === 'intro') {
      await sendReply(this.deps, ctx, {
        text: `${this.t(ctx, 'selfcheck.intro', { count: selfCheckQuestions(this.cat).length })}\n\n${thresholdsText(this.cat, this.lang(ctx), this.tf(ctx))}`,
        suggestions: [command(this.t(ctx, 'selfcheck.btn_start'), 'sc:start'), command(this.t(ctx, 'selfcheck.btn_child'), 'sc:child'), explain, ...alternative],
      });
      return;
    }
    const p = mem.selfcheck ?? (mem.selfcheck = newProgress());
    if (state.phase === 'resume') {
      await sendReply(this.deps, ctx, {
        text: this.t(ctx, 'selfcheck.resume', { number: Math.min(p.pos + 1, selfCheckQuestions(this.cat).length), total: selfCheckQuestions(this.cat).length }),
        suggestions: [command(this.t(ctx, 'selfcheck.btn_resume'), 'sc:resume'), command(this.t(ctx, 'selfcheck.btn_restart'), 'sc:restart'), explain, ...alternative],
      });
      return;
    }
    await this.askQuestion(ctx, p);
  }

  private async askQuestion(ctx: TurnContext, p: SelfCheckProgress, prefix?: string): Promise<void> {
    const { text, buttons } = questionMessage(this.cat, p, this.lang(ctx), this.tf(ctx), prefix);
    await sendReply(this.deps, ctx, { text, suggestions: buttons });
  }

  /** The option meant: a button title, a visible number (text channels) or a typed answer. */
  private answerIndex(mem: Memory, ctx: TurnContext, text: string, q: Question): number | undefined {
    const cmd = chosenOption(mem, ctx, text);
    if (cmd?.startsWith('sc:a:')) return Number(cmd.slice(5));
    return parseTypedAnswer(text, findScale(this.cat, q.scale), this.lang(ctx));
  }

  async accepts(dc: DialogContext, state: FlowState, text: string): Promise<boolean> {
    const mem = await this.memory(dc.context);
    if (state.phase !== 'question') {
      return !!(chosenOption(mem, dc.context, text)) || isStartWord(text, this.deps.services.words);
    }
    if (controlWord(text, this.deps.services.words)) return true;
    const p = mem.selfcheck;
    const q = p ? selfCheckQuestions(this.cat)[p.pos] : undefined;
    return !!q && this.answerIndex(mem, dc.context, text, q) !== undefined;
  }

  protected async handle(dc: DialogContext, state: FlowState, text: string): Promise<DialogTurnResult> {
    const ctx = dc.context;
    const mem = await this.memory(ctx);
    if (state.phase !== 'question') {
      let cmd = chosenOption(mem, ctx, text);
      if (!cmd && isStartWord(text, this.deps.services.words)) cmd = state.phase === 'intro' ? 'sc:start' : 'sc:resume';
      switch (cmd) {
        case 'sc:start':
        case 'sc:restart':
          mem.selfcheck = newProgress();
          state.phase = 'question';
          await this.ask(ctx, state);
          return Dialog.EndOfTurn;
        case 'sc:resume':
          state.phase = 'question';
          await this.ask(ctx, state);
          return Dialog.EndOfTurn;
        case 'sc:child':
          await sendReply(this.deps, ctx, {
            text: this.t(ctx, 'selfcheck.child'),
            suggestions: [command(this.t(ctx, 'selfcheck.btn_counselling'), 'human'), command(this.t(ctx, 'selfcheck.btn_guide'), 'guide'), command(this.t(ctx, 'selfcheck.btn_explain'), 'answer:selfcheck')],
          });
          return dc.endDialog();
        default:
          // another button of this reply ("Nur erklären") or another topic: the main dialog decides
          return this.reroute(dc);
      }
    }

    const p = mem.selfcheck ?? (mem.selfcheck = newProgress());
    switch (controlWord(text, this.deps.services.words)) {
      case 'pause':
        await sendReply(this.deps, ctx, {
          text: this.t(ctx, 'selfcheck.paused', { days: this.deps.services.retentionDays }),
          suggestions: [command(this.t(ctx, 'selfcheck.btn_continue'), 'selfcheck:resume')],
        });
        return dc.endDialog();
      case 'back':
        if (!p.history.length) await this.askQuestion(ctx, p, this.t(ctx, 'selfcheck.first_question'));
        else await this.askQuestion(ctx, (mem.selfcheck = goBack(p)));
        return Dialog.EndOfTurn;
      case 'skip':
        mem.selfcheck = skipModule(this.cat, p);
        return this.next(dc, mem);
      case 'repeat':
        await this.askQuestion(ctx, p);
        return Dialog.EndOfTurn;
      default:
    }
    const q = selfCheckQuestions(this.cat)[p.pos];
    const index = this.answerIndex(mem, ctx, text, q);
    if (index === undefined) {
      await this.askQuestion(ctx, p, this.t(ctx, 'selfcheck.not_understood'));
      return Dialog.EndOfTurn;
    }
    mem.selfcheck = answerQuestion(this.cat, p, index);
    return this.next(dc, mem);
  }

  private async next(dc: DialogContext, mem: Memory): Promise<DialogTurnResult> {
    const p = mem.selfcheck!;
    if (!isComplete(this.cat, p)) {
      await this.askQuestion(dc.context, p);
      return Dialog.EndOfTurn;
    }
    return this.finish(dc, mem, p);
  }

  private async finish(dc: DialogContext, mem: Memory, p: SelfCheckProgress): Promise<DialogTurnResult> {
    const ctx = dc.context;
    const lang = this.lang(ctx);
    const report = selfCheckReport(this.cat, p, lang, this.deps.services.today(), this.tf(ctx));
    // Only the estimated grade is kept (for the benefits overview); the answers are not needed any more.
    mem.selfcheck = undefined;
    mem.selfcheckGrade = report.grade;
    await sendReply(this.deps, ctx, { text: report.result });
    await sendReply(this.deps, ctx, { text: report.summary, suggestions: reportButtons(report.grade, this.tf(ctx)) }, [textFile(this.t(ctx, 'selfcheck.summary.file_name'), report.file)]);
    return dc.endDialog();
  }
}

export class SelfCheckDialog extends GuidedDialog<FlowState> {
  constructor(deps: DialogDeps) {
    super(SELF_CHECK_DIALOG, deps, new SelfCheckFlow(deps));
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const asking = (innerDc.activeDialog?.state as FlowState | undefined)?.phase === 'question';
    const result = await super.onContinueDialog(innerDc);
    // Left mid-check (cancel or another question): say that the answers are kept.
    if (asking && result.status === DialogTurnStatus.complete && (result.result as Reroute | undefined)?.reroute) {
      const mem = await getMemory(this.deps, innerDc.context);
      // not when the answers are about to be deleted, or the check itself is asked for again
      const intent = mem.selfcheck ? (await classifyTurn(this.deps.services, innerDc.context)).intent : 'delete_data';
      if (intent !== 'delete_data' && intent !== 'selfcheck') await innerDc.context.sendActivity(tg(this.deps, innerDc.context, 'selfcheck.interrupted'));
    }
    return result;
  }
}
