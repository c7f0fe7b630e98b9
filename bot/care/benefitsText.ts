// The benefits overview's rules, without botbuilder: the care setting and share a message names,
// the overview for a grade and setting, the combination benefit, and what changed on a date, as
// texts from the dated table. The dialog (dialogs/benefitsDialog.ts) only asks and sends.
import {
  benefitsOverview, changesOn, combination, formatEuro, valueOn,
  type Amount, type BenefitChange, type CareSetting, type Entitlement, type Period,
} from './benefits';
import type { IsoDate } from './calendar';
import type { BenefitsFile, Lang } from '../knowledge/schema';
import { formatDate, formatNumber, type Translate } from './format';
import type { Lexicon, WordList } from '../nlu/lexicon';
import { parseGradeAnswer } from '../nlu/grade';
import { parseNumberWord } from '../nlu/numbers';
import { foldText } from '../nlu/normalise';

/** How the benefits overview starts. */
export interface BenefitsOptions {
  grade?: number;
  setting?: CareSetting;
  /** the user's message that started the dialog (grade, setting, share or a date may be in it) */
  text?: string;
  show?: 'changes';
}

export const SETTINGS: readonly CareSetting[] = ['relatives', 'home_care', 'day_care', 'nursing_home'];

/** The word lists of the settings (locales/<lng>/commands.json), in the order they are tried. */
const SETTING_WORDS: [WordList, CareSetting][] = [
  ['setting_nursing_home', 'nursing_home'],
  ['setting_day_care', 'day_care'],
  ['setting_home_care', 'home_care'],
  ['setting_relatives', 'relatives'],
];

/** The care setting a message names, if any. */
export function settingFromText(text: string, words: Lexicon): CareSetting | undefined {
  // a setting the answer denies is not its setting ("sie lebt bei mir, ein Pflegedienst kommt nicht")
  const told = words.has('setting_denied', text) ? withoutDenied(text, words) : text;
  return SETTING_WORDS.find(([list]) => words.has(list, told))?.[1];
}

const MAX_DENIED = 3;
/** The folded text without the settings it denies (`setting_denied`), at most a few. */
function withoutDenied(text: string, words: Lexicon): string {
  let t = foldText(text);
  for (let i = 0; i < MAX_DENIED; i += 1) {
    const m = words.exec('setting_denied', t);
    if (!m) break;
    t = `${t.slice(0, m.index)} , ${t.slice(m.index + m[0].length)}`;
  }
  return t;
}

/** "60 %", "60 Prozent", "sechzig Prozent", "sixty percent"; "die Hälfte" / "half" = 50, "ein Viertel" /
 *  "a quarter" = 25, "drei Viertel" / "three quarters" = 75, "ein Drittel" / "a third" = 33⅓,
 *  "zwei Drittel" / "two thirds" = 66⅔. */
export function percentFrom(text: string, words: Lexicon): number | undefined {
  const t = text.toLowerCase();
  // the unit and half words: locales/<lng>/commands.json percent_unit, half
  const m = words.exec('percent_unit', t);
  if (m) {
    const v = Number(m[1].replace(',', '.'));
    return v >= 0 && v <= 100 ? v : undefined;
  }
  const written = writtenPercent(words.exec('percent_unit_word', t)?.[1]);
  if (written !== undefined) return written;
  if (words.has('half', t)) return 50;
  // the larger share first, so a list that names both words reads as three quarters (two thirds)
  if (words.has('three_quarters', t)) return 75;
  if (words.has('quarter', t)) return 25;
  if (words.has('two_thirds', t)) return 200 / 3;
  if (words.has('third', t)) return 100 / 3;
  return undefined;
}

/** A share told in the message beside a question for what is left ("der Dienst rechnet 60 % ab – wie
 *  viel Pflegegeld bleibt?"): the combination's calculation answers it, whichever benefit it names. */
export function asksRestOfShare(asked: string, text: string, words: Lexicon): boolean {
  return words.has('asks_rest', asked) && percentFrom(text, words) !== undefined;
}

/** The number the words before the percent unit end with ("rechnet sechzig" → 60, "uses sixty five"
 *  → 65): the longest ending that is a number, 0–100; an ordinal or no number is no share. */
function writtenPercent(before: string | undefined): number | undefined {
  if (!before) return undefined;
  const w = before.trim().split(/\s+/);
  for (let i = 0; i < w.length; i += 1) {
    const n = parseNumberWord(w.slice(i).join(' '));
    if (n && !n.ordinal) return n.value <= 100 ? n.value : undefined;
  }
  return undefined;
}

/** What a message after the overview asks for besides "what changed" (words.has('changes_question')):
 *  the Pflegegeld left for a share, or the overview for another grade or setting (a short message
 *  naming one); undefined: something else, which the router may answer. */
export type AfterOverview = { kind: 'share'; percent: number } | { kind: 'other'; grade?: number; setting?: CareSetting };

export function readAfterOverview(text: string, words: Lexicon): AfterOverview | undefined {
  const percent = percentFrom(text, words);
  if (percent !== undefined) return { kind: 'share', percent };
  // "and at grade 5?" counts like "grade 5": the opening of an elliptic question is not counted
  const lead = words.exec('elliptic_lead', foldText(text).trim());
  const count = text.trim().split(/\s+/).length - (lead ? lead[0].trim().split(/\s+/).length : 0);
  const g = count <= 3 ? parseGradeAnswer(text, words) : undefined;
  const setting = count <= 5 ? settingFromText(text, words) : undefined;
  const grade = g !== undefined && g > 0 ? g : undefined;
  return grade || setting ? { kind: 'other', grade, setting } : undefined;
}

/** The laws and the sources (by title) of the amounts in force today of the overview's entries,
 *  for its footer. */
export function overviewSources(
  table: BenefitsFile, ids: readonly string[], today: IsoDate, sourceTitle: (id: string) => string,
): { sources: string[]; laws: string[] } {
  const sources = new Set<string>();
  const laws = new Set<string>();
  for (const b of table.benefits.filter((x) => ids.includes(x.id))) {
    laws.add(b.law);
    const v = b.values.filter((x) => x.validFrom <= today).sort((a, c) => c.validFrom.localeCompare(a.validFrom))[0];
    if (v) sources.add(sourceTitle(v.source));
  }
  return { sources: [...sources], laws: [...laws] };
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
export function overviewText(
  table: BenefitsFile, grade: number, setting: CareSetting, date: IsoDate, lang: Lang, t: Translate,
): { text: string; items: Entitlement[] } {
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
