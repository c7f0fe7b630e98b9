// Care-grade self-check (NBA, § 15 SGB XI, Anlagen 1 and 2): one plain question at a time, module
// by module, answers as buttons from most to least independent, typed answers too. "zurück",
// "Teil überspringen" and "Pause" work at every question. Progress lives in the conversation
// memory (no names, no free text), so a check survives a restart, an emergency message or a
// detour to another question. Scoring is bot/care/nba.ts; this file only asks and reports.
import { Dialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import type { Action } from '../bot/channels/reply';
import { findCriterion, findModule, findScale, isAskable, questionOrder, scoreNba, type NbaAnswers, type NbaResult } from '../bot/care/nba';
import { parseTypedAnswer, normalizeAnswer } from '../bot/care/nbaAnswer';
import type { NbaCatalogue, NbaOption } from '../bot/care/nbaSchema';
import type { Lang } from '../bot/knowledge/schema';
import { classifyTurn, sendReply, turnInfo, type DialogDeps, type Memory } from './context';
import type { Reroute } from './interruptibleDialog';
import { alternativeAction } from '../bot/conversation/answers';
import { GuidedDialog, GuidedFlow, command, tg, formatDate, formatNumber, chosenOption, textFile, type Translate } from './guided';

export const SELF_CHECK_DIALOG = 'selfCheckDialog';
const FLOW = 'selfCheckFlow';

// ------------------------------------------------------------------ pure progress logic

export interface Question { id: string; scale: string; module: number; gateOf?: string }

/** One step back: the position asked then, and the module a "skip" marked (undone on back). */
export interface HistoryStep { pos: number; skipped?: number }

export interface SelfCheckProgress {
  answers: Record<string, number>;
  skipped: number[];
  /** index of the question being asked (= questions.length when done) */
  pos: number;
  history: HistoryStep[];
}

/** alternative: a topic the intent engine found almost as likely as the self-check ("Wie kriege ich
 *  einen Pflegegrad?" can mean the application): offered as a button beside the intro's */
export type SelfCheckOptions = { resume?: boolean; restart?: boolean; alternative?: string };

const questionCache = new WeakMap<NbaCatalogue, Question[]>();

/** All questions in asking order: modules 1..6, a gate right before its criterion. */
export function selfCheckQuestions(cat: NbaCatalogue): Question[] {
  let qs = questionCache.get(cat);
  if (!qs) {
    qs = cat.modules.flatMap((m) => questionOrder(cat, m.id).map((q) => ({ ...q, module: m.id })));
    questionCache.set(cat, qs);
  }
  return qs;
}

export function newProgress(): SelfCheckProgress {
  return { answers: {}, skipped: [], pos: 0, history: [] };
}

/** The first position at or after `from` that is asked (a criterion behind a "no" gate is not). */
export function nextAskable(cat: NbaCatalogue, qs: readonly Question[], answers: NbaAnswers, from: number): number {
  let p = from;
  while (p < qs.length && !isAskable(cat, qs[p].id, answers)) p++;
  return p;
}

export function answerQuestion(cat: NbaCatalogue, p: SelfCheckProgress, index: number): SelfCheckProgress {
  const qs = selfCheckQuestions(cat);
  const q = qs[p.pos];
  if (!q) throw new RangeError('the self-check is already complete');
  const scale = findScale(cat, q.scale);
  if (!Number.isInteger(index) || index < 0 || index >= scale.options.length) throw new RangeError(`no option ${index} for ${q.id}`);
  const answers = { ...p.answers, [q.id]: index };
  return { answers, skipped: p.skipped, pos: nextAskable(cat, qs, answers, p.pos + 1), history: [...p.history, { pos: p.pos }] };
}

/** Skips the rest of the current module: it counts 0 (its answers stay, for "back"). */
export function skipModule(cat: NbaCatalogue, p: SelfCheckProgress): SelfCheckProgress {
  const qs = selfCheckQuestions(cat);
  const q = qs[p.pos];
  if (!q) throw new RangeError('the self-check is already complete');
  let next = qs.findIndex((x) => x.module > q.module);
  if (next < 0) next = qs.length;
  return {
    answers: p.answers,
    skipped: [...new Set([...p.skipped, q.module])].sort((a, b) => a - b),
    pos: nextAskable(cat, qs, p.answers, next),
    history: [...p.history, { pos: p.pos, skipped: q.module }],
  };
}

/** Back to the question asked before (undoing a skip); unchanged at the first question. */
export function goBack(p: SelfCheckProgress): SelfCheckProgress {
  const last = p.history[p.history.length - 1];
  if (!last) return p;
  return {
    answers: p.answers,
    skipped: last.skipped === undefined ? p.skipped : p.skipped.filter((m) => m !== last.skipped),
    pos: last.pos,
    history: p.history.slice(0, -1),
  };
}

export function isComplete(cat: NbaCatalogue, p: SelfCheckProgress): boolean {
  return p.pos >= selfCheckQuestions(cat).length;
}

export function scoreProgress(cat: NbaCatalogue, p: SelfCheckProgress): NbaResult {
  return scoreNba(cat, p.answers, { skipped: p.skipped });
}

/** Does this answer mean help is needed (points, a frequency above none, or a "yes" gate)? */
function needsHelp(o: NbaOption): boolean {
  return (o.points ?? 0) > 0 || (o.freq?.count ?? 0) > 0 || o.gate === true;
}


export interface SelfCheckReport {
  grade: number;
  /** the chat message with the estimate */
  result: string;
  /** the chat summary for the assessment visit */
  summary: string;
  /** the same as a printable text file */
  file: string;
}

/** Result and summary texts. `t` reads the "guided" microcopy in the user's language. */
export function selfCheckReport(cat: NbaCatalogue, p: SelfCheckProgress, lang: Lang, today: string, t: Translate): SelfCheckReport {
  const r = scoreProgress(cat, p);
  const num = (n: number) => formatNumber(n, lang);
  const short = (id: number) => t(`selfcheck.module_short.${id}`);
  const lines: string[] = [];
  lines.push(r.grade > 0
    ? t('selfcheck.result.head_grade', { grade: r.grade, total: num(r.total) })
    : t('selfcheck.result.head_none', { total: num(r.total), min: num(cat.grades[0].min) }));
  lines.push('', t('selfcheck.result.modules_intro'));
  const best = r.modules.find((x) => x.id === r.bestOf)!.weighted;
  for (const m of r.modules) {
    const max = num(findModule(cat, m.id).weighted[4]);
    const vars = { title: short(m.id), points: num(m.weighted), max };
    if (m.skipped && p.skipped.includes(m.id)) lines.push(t('selfcheck.result.module_skipped', vars));
    else if (!m.counted && m.weighted < best) lines.push(t('selfcheck.result.module_not_counted', vars));
    else lines.push(t('selfcheck.result.module_line', vars));
  }
  lines.push('');
  const drivers = r.drivers.slice(0, 2).map((d) => t('selfcheck.result.driver_item', { title: short(d.module), points: num(d.weighted) }));
  lines.push(drivers.length ? t('selfcheck.result.drivers', { list: drivers.join(', ') }) : t('selfcheck.result.drivers_none'));
  if (r.next) lines.push(t('selfcheck.result.next', { grade: r.next.grade, missing: num(r.next.missing) }));
  if (p.skipped.length) lines.push(t('selfcheck.result.skipped_warning'));
  lines.push('', t('selfcheck.result.disclaimer'), '', t(r.grade > 0 ? 'selfcheck.result.steps_grade' : 'selfcheck.result.steps_none'));

  // Summary: what help is needed, per module; the file lists every answer.
  const qs = selfCheckQuestions(cat);
  const needs: string[] = [];
  const file: string[] = [t('selfcheck.summary.file_title', { date: formatDate(today, lang, false) }), '', lines[0], '', t('selfcheck.summary.file_note'), ''];
  for (const m of cat.modules) {
    const res = r.modules.find((x) => x.id === m.id)!;
    const skipped = p.skipped.includes(m.id);
    file.push(t(skipped ? 'selfcheck.summary.file_module_skipped' : 'selfcheck.summary.file_module', { n: m.id, title: m.title[lang], points: num(res.weighted), max: num(m.weighted[4]) }));
    if (skipped) { file.push(''); continue; }
    const helpIn: string[] = [];
    for (const q of qs.filter((x) => x.module === m.id)) {
      const a = p.answers[q.id];
      if (a === undefined || !isAskable(cat, q.id, p.answers)) continue;
      const option = findScale(cat, q.scale).options[a];
      const c = findCriterion(cat, q.gateOf ?? q.id);
      const label = q.gateOf ? c.gate!.question[lang] : c.title[lang];
      file.push(t('selfcheck.summary.file_line', { criterion: label, answer: option[lang] }));
      if (needsHelp(option) && !q.gateOf) helpIn.push(c.title[lang]);
    }
    if (helpIn.length) needs.push(t('selfcheck.summary.line', { module: short(m.id), list: helpIn.join(', ') }));
    file.push('');
  }
  const summary = [t('selfcheck.summary.intro'), '', needs.length ? t('selfcheck.summary.needs') : t('selfcheck.summary.needs_none'), ...needs].join('\n');
  file.push(t('selfcheck.result.disclaimer'));
  return { grade: r.grade, result: lines.join('\n'), summary, file: file.join('\n') };
}

// ------------------------------------------------------------------ the dialog

type Control = 'back' | 'skip' | 'pause' | 'repeat';
// Typed control words (de + en); the buttons stay answers only, so first = most independent and
// last = least independent on every question.
const CONTROLS: [RegExp, Control][] = [
  [/^(zurueck|zurück|eine frage zurueck|eine frage zurück|vorherige frage|back|go back|previous( question)?)$/, 'back'],
  [/^(teil ueberspringen|teil überspringen|ueberspringen|überspringen|modul ueberspringen|modul überspringen|skip|skip (this )?(part|section|module))$/, 'skip'],
  [/^(pause|pausieren|spaeter|später|spaeter weiter(machen)?|später weiter(machen)?|unterbrechen|later|continue later|pause the (check|test))$/, 'pause'],
  [/^(weiter|weitermachen|fortsetzen|frage wiederholen|nochmal|noch mal|continue|go on|resume|repeat( the question)?)$/, 'repeat'],
];
const START_WORDS = /^(ja|ok|okay|los|start|starten|beginnen|anfangen|test starten|yes|go|start the test|let'?s go)$/;

export function controlWord(text: string): Control | undefined {
  const n = text.toLowerCase().replace(/[.!?„“"]+/g, '').replace(/\s+/g, ' ').trim();
  return CONTROLS.find(([re]) => re.test(n))?.[1];
}

interface FlowState { phase: 'intro' | 'resume' | 'question'; alternative?: string }
type ScMemory = Memory & { selfcheck?: SelfCheckProgress; selfcheckGrade?: number };

class SelfCheckFlow extends GuidedFlow<FlowState> {
  constructor(deps: DialogDeps) {
    super(FLOW, deps);
  }

  private get cat(): NbaCatalogue {
    return this.deps.services.nba;
  }

  private async mem(ctx: TurnContext): Promise<ScMemory> {
    return (await this.memory(ctx)) as ScMemory;
  }

  protected async start(dc: DialogContext, state: FlowState, options: SelfCheckOptions): Promise<DialogTurnResult> {
    const mem = await this.mem(dc.context);
    if (options.restart) mem.selfcheck = undefined;
    state.phase = mem.selfcheck ? (options.resume ? 'question' : 'resume') : 'intro';
    state.alternative = options.alternative;
    await this.ask(dc.context, state);
    return Dialog.EndOfTurn;
  }

  protected async ask(ctx: TurnContext, state: FlowState): Promise<void> {
    const mem = await this.mem(ctx);
    const explain = command(this.t(ctx, 'selfcheck.btn_explain'), 'answer:selfcheck');
    const other = state.phase !== 'question' && state.alternative ? this.deps.services.kb.answers.get(state.alternative) : undefined;
    const { i18n } = this.deps.services;
    const alternative = other ? [alternativeAction(other, { t: i18n.t.bind(i18n), lang: turnInfo(ctx).lang })] : [];
    if (state.phase === 'intro') {
      await sendReply(this.deps, ctx, {
        text: `${this.t(ctx, 'selfcheck.intro', { count: selfCheckQuestions(this.cat).length })}\n\n${this.thresholds(ctx)}`,
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

  /** "Pflegegrad 1 ab 12,5, …" from the catalogue's thresholds (§ 15(3)). */
  private thresholds(ctx: TurnContext): string {
    const lang = this.lang(ctx);
    const list = this.cat.grades.map((g) => this.t(ctx, 'selfcheck.threshold_item', { grade: g.grade, min: formatNumber(g.min, lang) }));
    return this.t(ctx, 'selfcheck.thresholds', { list: list.join(', ') });
  }

  private async askQuestion(ctx: TurnContext, p: SelfCheckProgress, prefix?: string): Promise<void> {
    const lang = this.lang(ctx);
    const qs = selfCheckQuestions(this.cat);
    const q = qs[p.pos];
    const m = findModule(this.cat, q.module);
    const c = findCriterion(this.cat, q.gateOf ?? q.id);
    const parts: string[] = [];
    if (prefix) parts.push(prefix);
    if (qs.findIndex((x) => x.module === q.module) === p.pos) {
      parts.push(this.t(ctx, 'selfcheck.module_intro', { n: m.id, count: this.cat.modules.length, title: m.title[lang], explain: m.explain[lang] }));
    }
    const question = q.gateOf ? c.gate!.question[lang] : c.question[lang];
    parts.push(this.t(ctx, 'selfcheck.question', { number: p.pos + 1, total: qs.length, question }));
    if (!q.gateOf && c.hint) parts.push(c.hint[lang]);
    const before = p.answers[q.id];
    const scale = findScale(this.cat, q.scale);
    if (before !== undefined) parts.push(this.t(ctx, 'selfcheck.previous', { answer: scale.options[before][lang] }));
    parts.push(this.t(ctx, 'selfcheck.controls'));
    const buttons: Action[] = scale.options.map((o, i) => command(o[lang], `sc:a:${i}`));
    await sendReply(this.deps, ctx, { text: parts.join('\n\n'), suggestions: buttons });
  }

  /** The option meant: a button title, a visible number (text channels) or a typed answer. */
  private answerIndex(mem: Memory, ctx: TurnContext, text: string, q: Question): number | undefined {
    const cmd = chosenOption(mem, ctx, text);
    if (cmd?.startsWith('sc:a:')) return Number(cmd.slice(5));
    return parseTypedAnswer(text, findScale(this.cat, q.scale), this.lang(ctx));
  }

  async accepts(dc: DialogContext, state: FlowState, text: string): Promise<boolean> {
    const mem = await this.mem(dc.context);
    if (state.phase !== 'question') {
      return !!(chosenOption(mem, dc.context, text)) || START_WORDS.test(normalizeAnswer(text));
    }
    if (controlWord(text)) return true;
    const p = mem.selfcheck;
    const q = p ? selfCheckQuestions(this.cat)[p.pos] : undefined;
    return !!q && this.answerIndex(mem, dc.context, text, q) !== undefined;
  }

  protected async handle(dc: DialogContext, state: FlowState, text: string): Promise<DialogTurnResult> {
    const ctx = dc.context;
    const mem = await this.mem(ctx);
    if (state.phase !== 'question') {
      let cmd = chosenOption(mem, ctx, text);
      if (!cmd && START_WORDS.test(normalizeAnswer(text))) cmd = state.phase === 'intro' ? 'sc:start' : 'sc:resume';
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
    switch (controlWord(text)) {
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

  private async next(dc: DialogContext, mem: ScMemory): Promise<DialogTurnResult> {
    const p = mem.selfcheck!;
    if (!isComplete(this.cat, p)) {
      await this.askQuestion(dc.context, p);
      return Dialog.EndOfTurn;
    }
    return this.finish(dc, mem, p);
  }

  private async finish(dc: DialogContext, mem: ScMemory, p: SelfCheckProgress): Promise<DialogTurnResult> {
    const ctx = dc.context;
    const lang = this.lang(ctx);
    const report = selfCheckReport(this.cat, p, lang, this.deps.services.today(), this.tf(ctx));
    // Only the estimated grade is kept (for the benefits overview); the answers are not needed any more.
    mem.selfcheck = undefined;
    mem.selfcheckGrade = report.grade;
    const buttons: Action[] = [];
    if (report.grade > 0) buttons.push(command(this.t(ctx, 'selfcheck.btn_overview', { grade: report.grade }), `overview:${report.grade}`));
    buttons.push(command(this.t(ctx, 'selfcheck.btn_guide'), 'guide'));
    buttons.push(command(this.t(ctx, 'selfcheck.btn_letter'), 'letter:application'));
    buttons.push(command(this.t(ctx, 'selfcheck.btn_counselling'), 'human'));
    buttons.push(command(this.t(ctx, 'selfcheck.btn_repeat'), 'selfcheck:restart'));
    await sendReply(this.deps, ctx, { text: report.result });
    await sendReply(this.deps, ctx, { text: report.summary, suggestions: buttons }, [textFile(this.t(ctx, 'selfcheck.summary.file_name'), report.file)]);
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
      const mem = (await this.deps.memory.get(innerDc.context, {})) as ScMemory;
      // not when the answers are about to be deleted, or the check itself is asked for again
      const intent = mem.selfcheck ? (await classifyTurn(this.deps.services, innerDc.context)).intent : 'delete_data';
      if (intent !== 'delete_data' && intent !== 'selfcheck') await innerDc.context.sendActivity(tg(this.deps, innerDc.context, 'selfcheck.interrupted'));
    }
    return result;
  }
}
