// The application and objection guide's rules (bot/care/deadlineText.ts, working days in
// bot/care/deadlines.ts); the conversations are in test/dialogs/deadlineDialog.test.ts.
import { formatEuro, valueOn } from '../../bot/care/benefits';
import { decisionText, deadlineKind, objectionText } from '../../bot/care/deadlineText';
import { formatDate } from '../../bot/care/format';
import { nrwDays, ROOT, TODAY } from '../helpers/app';
import * as path from 'path';
import { loadLexicon } from '../../bot/nlu/lexicon';
import { benefitsTable as table, keysOnly as t } from '../dialogs/guidedHelpers';

const words = loadLexicon(path.join(ROOT, 'locales'));
const days = nrwDays();
const { decisionDeadline, delayCompensation, holidaysBetween, objectionDeadline, workingDaysBetween } = days;

describe('pure helpers', () => {
  test.each([
    ['Der Bescheid kam am 3.11.', 'objection'],
    ['Bis wann kann ich Widerspruch einlegen?', 'objection'],
    ['Antrag am 1. Oktober gestellt', 'decision'],
    ['I applied on 5 March', 'decision'],
    ['The decision came on 3.11.', 'objection'],
    ['am 3.11.', undefined],
  ])('%p asks about %p', (text, kind) => {
    expect(deadlineKind(text, words)).toBe(kind);
  });

  test.each([
    ['2026-11-23', '2026-11-27', 4],
    ['2026-11-27', '2026-11-30', 1], // Friday → Monday
    ['2026-12-23', '2026-12-28', 2], // 24th, 25th/26th holidays or weekend: 24 + 28
    ['2026-11-25', '2026-11-25', 0],
  ])('working days after %s up to %s: %i', (from, to, n) => {
    expect(workingDaysBetween(from, to)).toBe(n);
  });

  test('holidays on weekdays inside a period, across a year end', () => {
    expect(holidaysBetween('2026-12-20', '2027-01-10').map((h) => h.id)).toEqual(['erster_weihnachtstag', 'neujahr']);
    expect(holidaysBetween('2026-03-05', '2026-04-13').map((h) => h.id)).toEqual(['karfreitag', 'ostermontag']);
  });

  test.each([
    ['2026-11-03', false, 'days_left{"count":8}'],
    ['2026-11-20', true, 'days_left{"count":26}'], // 20 Dec 2026 is a Sunday
    ['2026-10-25', false, 'today_last'], // 25 Nov 2026 = today
    ['2026-09-01', false, 'objection.passed'],
  ])('objection deadline for a notice of %s (moved: %s)', (received, moved, state) => {
    const out = objectionText(days, received, TODAY, 'de', t);
    expect(out).toContain(`"deadline":"${formatDate(objectionDeadline(received), 'de')}"`);
    expect(out.includes('deadline.objection.moved')).toBe(moved);
    expect(out).toContain(`deadline.${state}`);
  });

  test('decision deadline: open and late → payment so far from the table amount', () => {
    const perWeek = valueOn(table, 'verzoegerung', TODAY)!;
    const c = delayCompensation('2026-10-01', TODAY, perWeek);
    const out = decisionText(days, table, '2026-10-01', TODAY, 'de', t);
    expect(out).toContain(`"deadline":"${formatDate(decisionDeadline('2026-10-01'), 'de')}"`);
    expect(out).toContain(`deadline.decision.late_open{"decided":"${formatDate(TODAY, 'de')}","days":${c.overdueDays},"weeks":${c.startedWeeks}`);
    expect(out).toContain(`"amount":"${formatEuro(c.amount, 'de')}"`);
  });

  test('decision deadline: still running, and decided in time', () => {
    expect(decisionText(days, table, '2026-11-20', TODAY, 'de', t)).toContain('deadline.decision.working_days_left');
    expect(decisionText(days, table, '2026-10-01', TODAY, 'de', t, '2026-11-02')).toContain('deadline.decision.in_time');
  });
});
