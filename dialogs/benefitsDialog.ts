// Personal benefits overview: for a care grade and a care setting, every entitlement with the
// amount in force today from the dated table (monthly, yearly, per measure), and whether it has to
// be applied for. Follow-ups in the same dialog: the Pflegegeld left in a combination with the
// home-care service ("60 %"), and what changed on a date ("Was hat sich zum 1. Januar geändert?").
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import type { Action, Reply } from '../bot/channels/reply';
import {
  benefitsOverview, changesOn, combination, formatEuro, valueOn,
  type Amount, type BenefitChange, type CareSetting, type Entitlement, type Period,
} from '../bot/care/benefits';
import type { IsoDate } from '../bot/care/calendar';
import { parseDate } from '../bot/nlu/dates';
import { extractGrade } from '../bot/nlu/grade';
import { formatDate as shortDate } from '../bot/knowledge/render';
import type { BenefitsFile, Lang } from '../bot/knowledge/schema';
import { sendReply, type Memory, type DialogDeps } from './context';
import { parseGradeAnswer } from './answerDialog';
import { GuidedDialog, GuidedFlow, command, formatDate, formatNumber, chosenOption, type Translate } from './guided';

export const BENEFITS_DIALOG = 'benefitsDialog';
const FLOW = 'benefitsFlow';

export const SETTINGS: readonly CareSetting[] = ['relatives', 'home_care', 'day_care', 'nursing_home'];

export interface BenefitsOptions {
  grade?: number;
  setting?: CareSetting;
  /** the user's message that started the dialog (grade, setting, share or a date may be in it) */
  text?: string;
  show?: 'changes';
}

// ------------------------------------------------------------------ pure helpers

const SETTING_WORDS: [RegExp, CareSetting][] = [
  [/pflegeheim|altenheim|seniorenheim|\bheim\b|stationär|stationaer|nursing home|care home|residential/, 'nursing_home'],
  [/tagespflege|nachtpflege|tages- und nachtpflege|day care|day-care|daycare|night care/, 'day_care'],
  [/pflegedienst|ambulant|sachleistung|home[- ]care|care service|nursing service/, 'home_care'],
  [/angehörige|angehoerige|familie|pflegen (wir|ich) selbst|selbst pflegen|ich pflege|wir pflegen|relatives|family|we care|i care/, 'relatives'],
];

/** The care setting a message names, if any. */
export function settingFromText(text: string): CareSetting | undefined {
  const t = text.toLowerCase();
  return SETTING_WORDS.find(([re]) => re.test(t))?.[1];
}

/** "60 %", "60 Prozent", "sixty percent" is not supported; "die Hälfte" / "half" = 50. */
export function percentFrom(text: string): number | undefined {
  const t = text.toLowerCase();
  const m = /(\d{1,3}(?:[.,]\d{1,2})?)\s*(?:%|prozent|percent|per cent)/.exec(t);
  if (m) {
    const v = Number(m[1].replace(',', '.'));
    return v >= 0 && v <= 100 ? v : undefined;
  }
  if (/\b(die hälfte|die haelfte|zur hälfte|zur haelfte|half)\b/.test(t)) return 50;
  return undefined;
}

const EURO_UNITS = new Set(['eur_month', 'eur_year', 'eur_measure', 'eur_week', 'eur_once']);

/** Changes of euro amounts on `date`, split: real changes (changed / ended) and first entries
 *  ('new': the table starts there — a true introduction or just where the table begins). */
export function euroChangesOn(table: BenefitsFile, date: IsoDate): { real: BenefitChange[]; firstEntries: BenefitChange[] } {
  const unit = new Map(table.benefits.map((b) => [b.id, b.unit]));
  const all = changesOn(table, date).filter((c) => EURO_UNITS.has(unit.get(c.id) ?? ''));
  return { real: all.filter((c) => c.kind !== 'new'), firstEntries: all.filter((c) => c.kind === 'new') };
}

/** The latest day ≤ today on which a euro amount really changed or a benefit ended. */
export function lastRealChange(table: BenefitsFile, today: IsoDate): IsoDate | undefined {
  const days = new Set<IsoDate>();
  for (const b of table.benefits) {
    for (const v of b.values) if (v.validFrom <= today) days.add(v.validFrom);
    if (b.endsOn !== undefined && b.endsOn <= today) days.add(b.endsOn);
  }
  return [...days].sort().reverse().find((d) => euroChangesOn(table, d).real.length > 0);
}

/** The day from which the amounts shown are valid (latest start of the entries in force). */
export function validSince(table: BenefitsFile, ids: readonly string[], date: IsoDate): IsoDate | undefined {
  let since: IsoDate | undefined;
  for (const b of table.benefits) {
    if (!ids.includes(b.id)) continue;
    for (const v of b.values) if (v.validFrom <= date && (!since || v.validFrom > since)) since = v.validFrom;
  }
  return since;
}


const PERIODS: readonly Period[] = ['month', 'year', 'measure', 'week', 'once'];

function label(table: BenefitsFile, id: string, lang: Lang): string {
  return table.benefits.find((b) => b.id === id)?.label[lang] ?? id;
}

/** The overview text for a grade and setting on a date. */
export function overviewText(table: BenefitsFile, grade: number, setting: CareSetting, date: IsoDate, lang: Lang, t: Translate): { text: string; items: Entitlement[] } {
  const items = benefitsOverview(table, { grade, setting, date });
  const lines = [t('benefits.head', { grade, setting: t(`benefits.setting.${setting}`), date: formatDate(date, lang, false) })];
  if (!items.length) lines.push('', t('benefits.none', { grade }));
  for (const period of PERIODS) {
    const group = items.filter((e) => e.period === period);
    if (!group.length) continue;
    lines.push('', t(`benefits.period.${period}`));
    for (const e of group) {
      lines.push(t('benefits.line', {
        label: label(table, e.id, lang),
        amount: formatEuro(e.amount, lang),
        how: t(e.needsApplication ? `benefits.how.application.${e.where}` : `benefits.how.claim.${e.where}`),
      }));
    }
  }
  const since = validSince(table, items.map((e) => e.id), date);
  if (since) lines.push('', t('benefits.valid_since', { date: formatDate(since, lang, false) }));
  if (setting === 'home_care' && valueOn(table, 'pflegegeld', date, grade) !== null) lines.push('', t('benefits.combination_hint'));
  if (setting === 'day_care' && items.some((e) => e.id === 'tagespflege')) lines.push('', t('benefits.day_care_hint'));
  return { text: lines.join('\n'), items };
}

/** Pflegegeld left when the home-care service uses `percent` of the Sachleistung. */
export function combinationText(table: BenefitsFile, grade: number, percent: number, date: IsoDate, lang: Lang, t: Translate): string {
  const rest = combination(table, grade, percent / 100, date);
  const full = valueOn(table, 'sachleistung', date, grade);
  if (rest === null || full === null) return t('benefits.combination_none', { grade });
  return t('benefits.combination', {
    grade,
    percent: lang === 'de' ? `${formatNumber(percent, lang)} %` : `${formatNumber(percent, lang)}%`,
    used: formatEuro(Math.round(full * percent) / 100, lang),
    full: formatEuro(full, lang),
    rest: lang === 'de' ? `${formatNumber(100 - percent, lang)} %` : `${formatNumber(100 - percent, lang)}%`,
    amount: formatEuro(rest, lang),
  });
}

function amountText(a: Amount, lang: Lang, grade: number | undefined, t: Translate): string {
  if (typeof a === 'number') return formatEuro(a, lang);
  const parts = a.map((v, i) => ({ g: i + 1, v })).filter((x) => x.v !== null && (grade === undefined || x.g === grade));
  if (!parts.length) return '–';
  if (grade !== undefined) return formatEuro(parts[0].v as number, lang);
  return parts.map((x) => t('benefits.changes.grade_value', { grade: x.g, amount: formatEuro(x.v as number, lang) })).join(', ');
}

function changeLine(table: BenefitsFile, c: BenefitChange, lang: Lang, grade: number | undefined, t: Translate): string {
  const name = label(table, c.id, lang);
  if (c.kind === 'ended') return t('benefits.changes.ended_line', { label: name, old: amountText(c.old!, lang, grade, t) });
  if (c.kind === 'new') return t('benefits.changes.new_line', { label: name, new: amountText(c.new!, lang, grade, t) });
  if (typeof c.old !== 'number' && typeof c.new !== 'number' && grade === undefined) {
    // per grade: "PG 2: 332 € → 347 €; …"
    const pairs = c.new!.map((v, i) => ({ g: i + 1, o: (c.old as ReadonlyArray<number | null>)[i], n: v }))
      .filter((x) => x.n !== null && x.o !== null && x.o !== x.n)
      .map((x) => t('benefits.changes.grade_pair', { grade: x.g, old: formatEuro(x.o as number, lang), new: formatEuro(x.n as number, lang) }));
    return t('benefits.changes.changed_grades', { label: name, list: pairs.join('; ') });
  }
  return t('benefits.changes.changed_line', { label: name, old: amountText(c.old!, lang, grade, t), new: amountText(c.new!, lang, grade, t) });
}

/** "What changed on <date>?": real changes first; days without any say so and show the last change. */
export function changesText(table: BenefitsFile, asked: IsoDate | undefined, today: IsoDate, lang: Lang, grade: number | undefined, t: Translate): string {
  const lines: string[] = [];
  const show = (date: IsoDate, head: string) => {
    const { real } = euroChangesOn(table, date);
    lines.push(t(head, { date: formatDate(date, lang, false) }), ...real.map((c) => changeLine(table, c, lang, grade, t)));
  };
  const date = asked ?? lastRealChange(table, today);
  if (!date) return t('benefits.changes.unknown');
  const { real, firstEntries } = euroChangesOn(table, date);
  if (real.length) show(date, 'benefits.changes.head');
  else lines.push(t('benefits.changes.none', { date: formatDate(date, lang, false) }));
  if (firstEntries.length) {
    lines.push('', t('benefits.changes.first_entries'), ...firstEntries.map((c) => changeLine(table, c, lang, grade, t)));
  }
  if (!real.length) {
    const last = lastRealChange(table, date);
    if (last) {
      lines.push('');
      show(last, 'benefits.changes.last');
    }
  }
  if (table.nextScheduledChange && table.nextScheduledChange > today) lines.push('', t('benefits.changes.next', { date: formatDate(table.nextScheduledChange, lang, false) }));
  return lines.join('\n');
}

/** Is the message about what changed? ("Was hat sich zum 1. Januar geändert?", "what changed") */
export const CHANGES_QUESTION = /(was (hat sich|ist) .*(geändert|geaendert|neu)|was ändert sich|was aendert sich|änderungen|aenderungen|what (has )?changed|what changes|what('s| is) new)/i;

// ------------------------------------------------------------------ the dialog

interface FlowState { phase: 'grade' | 'setting' | 'after'; grade?: number; setting?: CareSetting; percent?: number }
type BfMemory = Memory & { selfcheckGrade?: number };

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
    const mem = (await this.memory(ctx)) as BfMemory;
    if (options.show === 'changes' || CHANGES_QUESTION.test(text)) {
      const asked = text ? parseDate(text, this.lang(ctx), s.today(), { noYear: 'past' }) : undefined;
      await sendReply(this.deps, ctx, { text: changesText(this.table, asked, s.today(), this.lang(ctx), options.grade ?? mem.grade, this.tf(ctx)), suggestions: [command(this.t(ctx, 'benefits.btn_overview'), 'money')] });
      return dc.endDialog();
    }
    state.grade = options.grade ?? extractGrade(text) ?? mem.grade;
    state.setting = options.setting ?? settingFromText(text);
    state.percent = percentFrom(text);
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
    return Dialog.EndOfTurn;
  }

  private overview(ctx: TurnContext, grade: number, setting: CareSetting): Reply {
    const s = this.deps.services;
    const lang = this.lang(ctx);
    const today = s.today();
    const { text, items } = overviewText(this.table, grade, setting, today, lang, this.tf(ctx));
    const ids = items.map((e) => e.id);
    const sources = new Set<string>();
    const laws = new Set<string>();
    for (const b of this.table.benefits.filter((x) => ids.includes(x.id))) {
      laws.add(b.law);
      const v = b.values.filter((x) => x.validFrom <= today).sort((a, c) => c.validFrom.localeCompare(a.validFrom))[0];
      if (v) sources.add(s.kb.sources.get(v.source)?.title ?? v.source);
    }
    const footer = s.i18n.t('footer', { lng: lang, date: shortDate(this.table.reviewed, lang), sources: [...sources].join('; '), legal: [...laws].join(', ') });
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
    return parseGradeAnswer(text);
  }

  private settingFrom(mem: Memory, ctx: TurnContext, text: string): CareSetting | undefined {
    const cmd = chosenOption(mem, ctx, text);
    if (cmd?.startsWith('bf:s:')) return cmd.slice(5) as CareSetting;
    return settingFromText(text);
  }

  async accepts(dc: DialogContext, state: FlowState, text: string): Promise<boolean> {
    const mem = await this.memory(dc.context);
    const own = chosenOption(mem, dc.context, text);
    if (own?.startsWith('bf:')) return true;
    if (state.phase === 'grade') return this.gradeFrom(mem, dc.context, text) !== undefined;
    if (state.phase === 'setting') return this.settingFrom(mem, dc.context, text) !== undefined;
    // after the overview: a share for the combination, "what changed", a bare grade or a setting
    return percentFrom(text) !== undefined || CHANGES_QUESTION.test(text)
      || (text.trim().split(/\s+/).length <= 3 && (parseGradeAnswer(text) ?? 0) > 0)
      || (text.trim().split(/\s+/).length <= 5 && settingFromText(text) !== undefined);
  }

  protected async handle(dc: DialogContext, state: FlowState, text: string): Promise<DialogTurnResult> {
    const ctx = dc.context;
    const mem = (await this.memory(ctx)) as BfMemory;
    const own = chosenOption(mem, ctx, text);
    if (own && !own.startsWith('bf:')) return this.reroute(dc);
    if (own === 'bf:changes' || (state.phase === 'after' && !own && CHANGES_QUESTION.test(text))) {
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
      state.setting ??= settingFromText(text);
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
    // after the overview
    const percent = percentFrom(text);
    if (percent !== undefined) {
      state.percent = percent;
      return this.proceed(dc, state);
    }
    const words = text.trim().split(/\s+/).length;
    const g = words <= 3 ? parseGradeAnswer(text) : undefined;
    const setting = words <= 5 ? settingFromText(text) : undefined;
    if ((g !== undefined && g > 0) || setting) {
      if (g) state.grade = g;
      if (setting) state.setting = setting;
      return this.proceed(dc, state);
    }
    return this.reroute(dc);
  }
}

export class BenefitsDialog extends GuidedDialog<FlowState> {
  protected override rerouteQuestions = true;

  constructor(deps: DialogDeps) {
    super(BENEFITS_DIALOG, deps, new BenefitsFlow(deps));
  }
}
