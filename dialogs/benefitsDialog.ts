// Personal benefits overview: for a care grade and a care setting, every entitlement with the
// amount in force today from the dated table (monthly, yearly, per measure), and whether it has to
// be applied for. Follow-ups in the same dialog: the Pflegegeld left in a combination with the
// home-care service ("60 %"), and what changed on a date ("Was hat sich zum 1. Januar geändert?").
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { Dialog } from '../bot/sdk/dialogs';
import type { TurnContext } from 'botbuilder';
import type { Action, Reply } from '../bot/channels/reply';
import type { CareSetting } from '../bot/care/benefits';
import {
  SETTINGS, changesText, combinationText, overviewSources, overviewText, percentFrom, readAfterOverview, settingFromText, type BenefitsOptions,
} from '../bot/care/benefitsText';
import { parseDate } from '../bot/nlu/dates';
import { extractGrade, parseGradeAnswer } from '../bot/nlu/grade';
import { formatDate as shortDate } from '../bot/knowledge/render';
import type { BenefitsFile } from '../bot/knowledge/schema';
import { sendReply, type DialogDeps } from './context';
import type { Memory } from '../bot/conversation/turn';
import { overviewSettingOf, overviewTopic } from '../bot/conversation/thread';
import { GuidedDialog, GuidedFlow, command, chosenOption } from './guided';

export const BENEFITS_DIALOG = 'benefitsDialog';
const FLOW = 'benefitsFlow';

// ------------------------------------------------------------------ the dialog

interface FlowState { phase: 'grade' | 'setting' | 'after'; grade?: number; setting?: CareSetting; percent?: number }

class BenefitsFlow extends GuidedFlow<FlowState> {
  constructor(deps: DialogDeps) {
    super(FLOW, deps);
  }

  private get table(): BenefitsFile {
    return this.deps.services.kb.benefits;
  }

  protected async start(dc: DialogContext, state: FlowState, options: BenefitsOptions): Promise<DialogTurnResult> {
    const ctx = dc.context;
    const s = this.deps.services;
    const text = options.text ?? '';
    const mem = await this.memory(ctx);
    if (options.show === 'changes' || this.deps.services.words.has('changes_question', text)) {
      const asked = text ? parseDate(text, this.lang(ctx), s.today(), { noYear: 'past' }) : undefined;
      await sendReply(this.deps, ctx, { text: changesText(this.table, asked, s.today(), this.lang(ctx), options.grade ?? mem.grade, this.tf(ctx)), suggestions: [command(this.t(ctx, 'benefits.btn_overview'), 'money')] });
      return dc.endDialog();
    }
    state.grade = options.grade ?? extractGrade(text) ?? mem.grade;
    // a nursing home or day care the thread knows is not asked again
    state.setting = options.setting ?? settingFromText(text, this.deps.services.words) ?? overviewSettingOf(mem.setting);
    state.percent = percentFrom(text, this.deps.services.words);
    if (state.grade === undefined && mem.selfcheckGrade !== undefined && mem.selfcheckGrade > 0) {
      state.grade = mem.selfcheckGrade;
      await ctx.sendActivity(this.t(ctx, 'benefits.grade_estimate', { grade: state.grade }));
    }
    return this.proceed(dc, state);
  }

  /** Ask what is missing, otherwise answer. */
  private async proceed(dc: DialogContext, state: FlowState): Promise<DialogTurnResult> {
    const ctx = dc.context;
    if (state.grade === undefined) {
      state.phase = 'grade';
      await this.ask(ctx, state);
      return Dialog.EndOfTurn;
    }
    if (state.grade === 0) {
      await sendReply(this.deps, ctx, {
        text: this.t(ctx, 'benefits.no_grade'),
        suggestions: [command(this.t(ctx, 'benefits.btn_selfcheck'), 'selfcheck'), command(this.t(ctx, 'benefits.btn_guide'), 'guide')],
      });
      return dc.endDialog();
    }
    if (state.percent !== undefined) {
      const percent = state.percent;
      state.percent = undefined;
      state.phase = 'after';
      state.setting ??= 'home_care';
      await sendReply(this.deps, ctx, { text: combinationText(this.table, state.grade, percent, this.deps.services.today(), this.lang(ctx), this.tf(ctx)), suggestions: this.afterButtons(ctx) });
      return Dialog.EndOfTurn;
    }
    if (state.setting === undefined) {
      state.phase = 'setting';
      await this.ask(ctx, state);
      return Dialog.EndOfTurn;
    }
    state.phase = 'after';
    await sendReply(this.deps, ctx, this.overview(ctx, state.grade, state.setting));
    // follow-ups after the overview resolve against the setting's money topic and this grade
    const mem = await this.memory(ctx);
    mem.lastTopic = overviewTopic(state.setting) ?? mem.lastTopic;
    mem.grade = state.grade;
    return Dialog.EndOfTurn;
  }

  private overview(ctx: TurnContext, grade: number, setting: CareSetting): Reply {
    const s = this.deps.services;
    const lang = this.lang(ctx);
    const today = s.today();
    const { text, items } = overviewText(this.table, grade, setting, today, lang, this.tf(ctx));
    const { sources, laws } = overviewSources(this.table, items.map((e) => e.id), today, (id) => s.kb.sources.get(id)?.title ?? id);
    const footer = s.i18n.t('footer', { lng: lang, date: shortDate(this.table.reviewed, lang), sources: sources.join('; '), legal: laws.join(', ') });
    return { text, footer, suggestions: this.afterButtons(ctx) };
  }

  private afterButtons(ctx: TurnContext): Action[] {
    return [
      command(this.t(ctx, 'benefits.btn_changes'), 'bf:changes'),
      command(this.t(ctx, 'benefits.btn_other_setting'), 'bf:setting'),
      command(this.t(ctx, 'benefits.btn_other_grade'), 'bf:grade'),
      command(this.t(ctx, 'benefits.btn_guide'), 'guide'),
    ];
  }

  protected async ask(ctx: TurnContext, state: FlowState): Promise<void> {
    if (state.phase === 'grade') {
      const buttons = [1, 2, 3, 4, 5].map((g) => command(this.t(ctx, 'benefits.btn_grade', { grade: g }), `bf:g:${g}`));
      buttons.push(command(this.t(ctx, 'benefits.btn_no_grade'), 'bf:g:0'));
      await sendReply(this.deps, ctx, { text: this.t(ctx, 'benefits.ask_grade'), suggestions: buttons });
    } else if (state.phase === 'setting') {
      await sendReply(this.deps, ctx, {
        text: this.t(ctx, 'benefits.ask_setting', { grade: state.grade }),
        suggestions: SETTINGS.map((x) => command(this.t(ctx, `benefits.setting.${x}`), `bf:s:${x}`)),
      });
    } else {
      await sendReply(this.deps, ctx, this.overview(ctx, state.grade!, state.setting ?? 'relatives'));
    }
  }

  private gradeFrom(mem: Memory, ctx: TurnContext, text: string): number | undefined {
    const cmd = chosenOption(mem, ctx, text);
    if (cmd?.startsWith('bf:g:')) return Number(cmd.slice(5));
    return parseGradeAnswer(text, this.deps.services.words);
  }

  private settingFrom(mem: Memory, ctx: TurnContext, text: string): CareSetting | undefined {
    const cmd = chosenOption(mem, ctx, text);
    if (cmd?.startsWith('bf:s:')) return cmd.slice(5) as CareSetting;
    return settingFromText(text, this.deps.services.words);
  }

  async accepts(dc: DialogContext, state: FlowState, text: string): Promise<boolean> {
    const mem = await this.memory(dc.context);
    const own = chosenOption(mem, dc.context, text);
    if (own?.startsWith('bf:')) return true;
    if (state.phase === 'grade') return this.gradeFrom(mem, dc.context, text) !== undefined;
    if (state.phase === 'setting') return this.settingFrom(mem, dc.context, text) !== undefined;
    // after the overview: a share for the combination, "what changed", a bare grade or a setting
    return this.deps.services.words.has('changes_question', text) || readAfterOverview(text, this.deps.services.words) !== undefined;
  }

  protected async handle(dc: DialogContext, state: FlowState, text: string): Promise<DialogTurnResult> {
    const ctx = dc.context;
    const mem = await this.memory(ctx);
    const own = chosenOption(mem, ctx, text);
    if (own && !own.startsWith('bf:')) return this.reroute(dc);
    if (own === 'bf:changes' || (state.phase === 'after' && !own && this.deps.services.words.has('changes_question', text))) {
      const s = this.deps.services;
      const asked = own ? undefined : parseDate(text, this.lang(ctx), s.today(), { noYear: 'past' });
      await sendReply(this.deps, ctx, { text: changesText(this.table, asked, s.today(), this.lang(ctx), state.grade, this.tf(ctx)), suggestions: this.afterButtons(ctx) });
      return Dialog.EndOfTurn;
    }
    if (own === 'bf:grade' || own === 'bf:setting') {
      state.phase = own === 'bf:grade' ? 'grade' : 'setting';
      await this.ask(ctx, state);
      return Dialog.EndOfTurn;
    }
    if (state.phase === 'grade') {
      const g = this.gradeFrom(mem, ctx, text);
      if (g === undefined) {
        await ctx.sendActivity(this.t(ctx, 'benefits.grade_reprompt'));
        await this.ask(ctx, state);
        return Dialog.EndOfTurn;
      }
      state.grade = g;
      if (g > 0) mem.grade = g;
      state.setting ??= settingFromText(text, this.deps.services.words);
      return this.proceed(dc, state);
    }
    if (state.phase === 'setting') {
      const setting = this.settingFrom(mem, ctx, text);
      if (!setting) {
        await ctx.sendActivity(this.t(ctx, 'benefits.setting_reprompt'));
        await this.ask(ctx, state);
        return Dialog.EndOfTurn;
      }
      state.setting = setting;
      return this.proceed(dc, state);
    }
    // after the overview: a share, or another grade or setting
    const after = readAfterOverview(text, this.deps.services.words);
    if (after?.kind === 'share') state.percent = after.percent;
    if (after?.kind === 'other') {
      if (after.grade) state.grade = after.grade;
      if (after.setting) state.setting = after.setting;
    }
    if (after) return this.proceed(dc, state);
    return this.reroute(dc);
  }
}

export class BenefitsDialog extends GuidedDialog<FlowState> {
  protected override rerouteQuestions = true;

  /** After a worked-out share, another share asked as a question ("und wenn der Dienst drei Viertel
   *  braucht?", "what if it takes a quarter?") is worked out too. */
  protected override async answersAsQuestion(dc: DialogContext, text: string): Promise<boolean> {
    const state = dc.activeDialog?.state as FlowState | undefined;
    return state?.phase === 'after' && percentFrom(text, this.deps.services.words) !== undefined;
  }

  constructor(deps: DialogDeps) {
    super(BENEFITS_DIALOG, deps, new BenefitsFlow(deps));
  }
}
