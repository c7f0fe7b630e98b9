import {
  addDays, addMonths, addYears, daysBetween, daysInMonth, fromDayNumber, isIsoDate, isLeapYear,
  isoWeekday, parseIso, toDayNumber, toIso,
} from '../../bot/care/calendar';

describe('calendar', () => {
  test.each([
    ['2026-02-28', true], ['2026-02-29', false], ['2024-02-29', true], ['2026-04-31', false],
    ['2026-13-01', false], ['2026-1-5', false], ['05.11.2026', false], ['', false],
  ])('isIsoDate(%s) → %s', (s, want) => {
    expect(isIsoDate(s)).toBe(want);
  });

  test.each([[1900, false], [2000, true], [2024, true], [2026, false], [2100, false]])('leap year %i → %s', (y, want) => {
    expect(isLeapYear(y)).toBe(want);
  });

  test('days in month', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect(daysInMonth(2024, 2)).toBe(29);
  });

  test.each([
    ['1970-01-01', 4], // Thursday
    ['2026-11-25', 3], // Wednesday
    ['2026-11-29', 7], // Sunday
    ['2026-11-30', 1], // Monday
    ['2000-02-29', 2],
    ['1969-12-31', 3],
  ])('weekday of %s → %i', (d, want) => {
    expect(isoWeekday(d)).toBe(want);
  });

  test.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-11-25', -365, '2025-11-25'],
  ])('addDays(%s, %i) → %s', (d, n, want) => {
    expect(addDays(d, n)).toBe(want);
  });

  test.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-11-25', 14, '2028-01-25'],
  ])('addMonths(%s, %i) → %s', (d, n, want) => {
    expect(addMonths(d, n)).toBe(want);
  });

  test('addYears from 29 February', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  test('day numbers round-trip, also for early years', () => {
    for (const d of ['1970-01-01', '2026-11-25', '0099-03-01', '1600-02-29']) expect(fromDayNumber(toDayNumber(d))).toBe(d);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  test('bad dates throw', () => {
    expect(() => parseIso('2026-02-30')).toThrow(RangeError);
    expect(() => toIso({ y: 2026, m: 2, d: 29 })).toThrow(RangeError);
  });
});
