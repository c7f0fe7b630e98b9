// The application and objection guide's rules, without botbuilder: which deadline a message asks
// about, and the decision and objection deadlines as texts (dates from bot/care/deadlines.ts,
// amounts from the dated table). The dialog (dialogs/deadlineDialog.ts) only asks and sends.
import { addMonths, compareIso, daysBetween, type IsoDate } from './calendar';
import type { WorkingDays } from './deadlines';
import { formatEuro, valueOn } from './benefits';
import type { BenefitsFile, Lang } from '../knowledge/schema';
import { formatDate, type Translate } from './format';
import type { Lexicon } from '../nlu/lexicon';

export type DeadlineKind = 'objection' | 'decision';

/** How the deadline dialog starts. */
export interface DeadlineOptions {
  /** the message that started the dialog ("Bescheid kam am 3.11.") */
  text?: string;
  kind?: DeadlineKind;
}

/** Which deadline a message asks about: the objection (a notice arrived) or the decision (an
 *  application was made); the words are in locales/<lng>/commands.json. */
export function deadlineKind(text: string, words: Lexicon): DeadlineKind | undefined {
  if (words.has('deadline_objection', text)) return 'objection';
  if (words.has('deadline_decision', text)) return 'decision';
  return undefined;
}

/** The objection deadline for a notice that arrived on `received`, as text. */
export function objectionText(days: WorkingDays, received: IsoDate, today: IsoDate, lang: Lang, t: Translate): string {
  const { holidayOn, objectionDeadline } = days;
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
export function decisionText(days: WorkingDays, table: BenefitsFile, applied: IsoDate, today: IsoDate, lang: Lang, t: Translate, decidedOn?: IsoDate): string {
  const { decisionDeadline, delayCompensation, holidaysBetween, workingDaysBetween } = days;
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
