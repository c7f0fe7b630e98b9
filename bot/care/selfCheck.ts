// The care-grade self-check's rules, without botbuilder: the order of the questions (modules 1..6,
// a gate right before its criterion), answering, skipping a module and going back, and the
// result and summary texts. The dialog (dialogs/selfCheckDialog.ts) only asks and sends.
import { findCriterion, findModule, findScale, isAskable, questionOrder, scoreNba, type NbaAnswers, type NbaResult } from './nba';
import type { NbaCatalogue, NbaOption } from './nbaSchema';
import type { Lang } from '../knowledge/schema';
import { formatDate, formatNumber, type Translate } from './format';
import { normalizeAnswer } from './nbaAnswer';
import type { Lexicon, WordList } from '../nlu/lexicon';
import type { Action } from '../channels/reply';

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

/** The message that asks question `p.pos` (a module's first question also introduces the module;
 *  an answer given before is named), and its answers as buttons, most independent first. */
export function questionMessage(cat: NbaCatalogue, p: SelfCheckProgress, lang: Lang, t: Translate, prefix?: string): { text: string; buttons: Action[] } {
  const qs = selfCheckQuestions(cat);
  const q = qs[p.pos];
  const m = findModule(cat, q.module);
  const c = findCriterion(cat, q.gateOf ?? q.id);
  const parts: string[] = [];
  if (prefix) parts.push(prefix);
  if (qs.findIndex((x) => x.module === q.module) === p.pos) {
    parts.push(t('selfcheck.module_intro', { n: m.id, count: cat.modules.length, title: m.title[lang], explain: m.explain[lang] }));
  }
  const question = q.gateOf ? c.gate!.question[lang] : c.question[lang];
  parts.push(t('selfcheck.question', { number: p.pos + 1, total: qs.length, question }));
  if (!q.gateOf && c.hint) parts.push(c.hint[lang]);
  const before = p.answers[q.id];
  const scale = findScale(cat, q.scale);
  if (before !== undefined) parts.push(t('selfcheck.previous', { answer: scale.options[before][lang] }));
  parts.push(t('selfcheck.controls'));
  return { text: parts.join('\n\n'), buttons: scale.options.map((o, i) => ({ kind: 'command', title: o[lang], value: `sc:a:${i}` })) };
}

/** "Pflegegrad 1 ab 12,5, …" from the catalogue's thresholds (§ 15(3)). */
export function thresholdsText(cat: NbaCatalogue, lang: Lang, t: Translate): string {
  const list = cat.grades.map((g) => t('selfcheck.threshold_item', { grade: g.grade, min: formatNumber(g.min, lang) }));
  return t('selfcheck.thresholds', { list: list.join(', ') });
}

/** The ways on after the result: the overview for the estimated grade (if any), the guide, the
 *  application letter, counselling and a new check. */
export function reportButtons(grade: number, t: Translate): Action[] {
  const b = (key: string, value: string, vars?: Record<string, unknown>): Action => ({ kind: 'command', title: t(`selfcheck.${key}`, vars), value });
  return [
    ...(grade > 0 ? [b('btn_overview', `overview:${grade}`, { grade })] : []),
    b('btn_guide', 'guide'), b('btn_letter', 'letter:application'), b('btn_counselling', 'human'), b('btn_repeat', 'selfcheck:restart'),
  ];
}

export type Control = 'back' | 'skip' | 'pause' | 'repeat';
// Typed control words (locales/<lng>/commands.json); the buttons stay answers only, so first = most
// independent and last = least independent on every question.
const CONTROLS: [WordList, Control][] = [
  ['selfcheck_back', 'back'], ['selfcheck_skip', 'skip'], ['selfcheck_pause', 'pause'], ['selfcheck_repeat', 'repeat'],
];

export function controlWord(text: string, words: Lexicon): Control | undefined {
  const n = text.toLowerCase().replace(/[.!?„“"]+/g, '').replace(/\s+/g, ' ').trim();
  return CONTROLS.find(([list]) => words.has(list, n))?.[1];
}

/** "ja", "los", "start the test": begin (or resume) the check. */
export function isStartWord(text: string, words: Lexicon): boolean {
  return words.has('selfcheck_start', normalizeAnswer(text));
}
