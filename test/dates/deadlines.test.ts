import { easterSunday } from '../../bot/care/deadlines';
import { nrwDays } from '../helpers/app';

// NRW's holidays come from the state layer's data (knowledge/nrw/holidays.json)
const {
  addWorkingDays, decisionDeadline, delayCompensation, holidayOn, isWorkingDay,
  nextWorkingDayOnOrAfter, holidays: nrwHolidays, objectionDeadline,
} = nrwDays();

describe('easterSunday (checked against published Easter dates)', () => {
  test.each([
    [1818, '1818-03-22'], // earliest possible date
    [1954, '1954-04-18'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'], // latest possible date
    [2285, '2285-03-22'],
  ])('%i → %s', (year, want) => {
    expect(easterSunday(year)).toBe(want);
  });

  test('years outside the Gregorian range are refused', () => {
    expect(() => easterSunday(1500)).toThrow(RangeError);
    expect(() => easterSunday(2026.5)).toThrow(RangeError);
  });
});

describe('nrwHolidays', () => {
  test('2026 in full', () => {
    expect(nrwHolidays(2026)).toEqual([
      { date: '2026-01-01', id: 'neujahr' },
      { date: '2026-04-03', id: 'karfreitag' },
      { date: '2026-04-06', id: 'ostermontag' },
      { date: '2026-05-01', id: 'tag_der_arbeit' },
      { date: '2026-05-14', id: 'christi_himmelfahrt' },
      { date: '2026-05-25', id: 'pfingstmontag' },
      { date: '2026-06-04', id: 'fronleichnam' },
      { date: '2026-10-03', id: 'tag_der_deutschen_einheit' },
      { date: '2026-11-01', id: 'allerheiligen' },
      { date: '2026-12-25', id: 'erster_weihnachtstag' },
      { date: '2026-12-26', id: 'zweiter_weihnachtstag' },
    ]);
  });

  test.each([
    ['2025-04-18', 'karfreitag'],
    ['2025-04-21', 'ostermontag'],
    ['2025-05-29', 'christi_himmelfahrt'],
    ['2025-06-09', 'pfingstmontag'],
    ['2025-06-19', 'fronleichnam'],
    ['2024-03-29', 'karfreitag'],
    ['2024-05-09', 'christi_himmelfahrt'],
    ['2024-05-20', 'pfingstmontag'],
    ['2024-05-30', 'fronleichnam'],
    ['2017-10-31', 'reformationstag_2017'],
    ['2018-10-31', undefined], // only 2017
    ['2026-12-24', undefined], // Christmas Eve is no public holiday
    ['2026-12-31', undefined],
    ['2026-11-18', undefined], // Buß- und Bettag: Saxony only
  ])('%s → %s', (date, want) => {
    expect(holidayOn(date)).toBe(want);
  });
});

describe('isWorkingDay', () => {
  test.each([
    ['2026-11-25', true], // Wednesday
    ['2026-11-28', false], // Saturday
    ['2026-11-29', false], // Sunday
    ['2025-10-03', false], // Friday, German Unity Day
    ['2025-11-03', true], // Monday
    ['2026-06-04', false], // Thursday, Corpus Christi (NRW)
    ['2026-12-24', true],
    ['2026-12-31', true],
    ['2027-01-01', false],
  ])('%s → %s', (date, want) => {
    expect(isWorkingDay(date)).toBe(want);
  });
});

describe('addWorkingDays', () => {
  test.each([
    ['2026-11-25', 1, '2026-11-26'],
    ['2026-11-25', 3, '2026-11-30'], // over a weekend
    ['2026-11-27', 1, '2026-11-30'], // Friday → Monday
    ['2026-11-28', 1, '2026-11-30'], // starting on a Saturday
    ['2026-12-23', 2, '2026-12-28'], // over Christmas
    ['2026-12-30', 2, '2027-01-04'], // over New Year
    ['2026-11-25', 0, '2026-11-25'],
    ['2026-11-30', -1, '2026-11-27'],
    ['2026-04-07', -1, '2026-04-02'], // back over Easter
  ])('%s + %i → %s', (from, n, want) => {
    expect(addWorkingDays(from, n)).toBe(want);
  });

  test('next working day on or after', () => {
    expect(nextWorkingDayOnOrAfter('2026-11-25')).toBe('2026-11-25');
    expect(nextWorkingDayOnOrAfter('2026-12-25')).toBe('2026-12-28');
  });
});

describe('decisionDeadline: 25 working days (§ 18c SGB XI)', () => {
  test.each([
    // hand count: Nov 23–27 (5), Nov 30–Dec 4 (10), Dec 7–11 (15), Dec 14–18 (20),
    // Dec 21–24 (24), 25/26 Dec holidays, Dec 28 (25)
    ['2026-11-20', '2026-12-28'],
    // Mar 3–6 (4), 9–13 (9), 16–20 (14), 23–27 (19), Mar 30–Apr 2 (23), Good Friday and
    // Easter Monday skipped, Apr 7 (24), Apr 8 (25)
    ['2026-03-02', '2026-04-08'],
    ['2026-09-01', '2026-10-06'], // five plain weeks (3 Oct 2026 is a Saturday)
    ['2025-09-05', '2025-10-13'], // 3 Oct 2025 is a Friday: one day later
  ])('application %s → decision due by %s', (app, want) => {
    expect(decisionDeadline(app)).toBe(want);
  });
});

describe('delayCompensation: per started week after the deadline', () => {
  // application 2026-11-20 → deadline 2026-12-28
  test.each([
    ['2026-12-20', 0, 0],
    ['2026-12-28', 0, 0], // on the deadline: in time
    ['2026-12-29', 1, 1], // one day late = one started week
    ['2027-01-04', 7, 1],
    ['2027-01-05', 8, 2],
    ['2027-02-01', 35, 5],
  ])('today %s → %i days, %i weeks', (today, days, weeks) => {
    const r = delayCompensation('2026-11-20', today, 70);
    expect(r).toEqual({ deadline: '2026-12-28', overdueDays: days, startedWeeks: weeks, amount: weeks * 70 });
  });

  test('the amount per week is a parameter', () => {
    expect(delayCompensation('2026-11-20', '2027-01-05', 80).amount).toBe(160);
  });
});

describe('objectionDeadline: one month (§ 84 with § 64 SGG)', () => {
  test.each([
    ['2026-11-03', '2026-12-03'], // same day number, a Thursday
    ['2024-01-31', '2024-02-29'], // leap year: last day of February
    ['2023-01-31', '2023-02-28'],
    ['2026-01-31', '2026-03-02'], // 28 Feb 2026 is a Saturday → Monday
    ['2026-03-31', '2026-04-30'], // April has no 31st
    ['2026-11-25', '2026-12-28'], // 25/26 Dec holidays, 27 Sunday
    ['2026-12-31', '2027-02-01'], // year end; 31 Jan 2027 is a Sunday
    ['2026-12-01', '2027-01-04'], // New Year's Day (Friday) and the weekend
    ['2026-03-06', '2026-04-07'], // Easter Monday
    ['2026-04-01', '2026-05-04'], // 1 May (Friday)
    ['2026-04-30', '2026-06-01'], // 30 May Saturday, 31 May Sunday
  ])('notice received %s → object by %s', (received, want) => {
    expect(objectionDeadline(received)).toBe(want);
  });

  test.each([
    ['2024-02-29', '2025-02-28'],
    ['2026-11-25', '2027-11-25'],
    ['2025-11-01', '2026-11-02'], // 1 Nov 2026: Sunday and All Saints' Day
  ])('without a correct notice of rights: one year, %s → %s', (received, want) => {
    expect(objectionDeadline(received, { period: 'year' })).toBe(want);
  });
});
