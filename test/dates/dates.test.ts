import { parseDate, resolveNoYear } from '../../bot/nlu/dates';

// Friday, 20 November 2026
const FRI = '2026-11-20';
// Monday, 5 January 2026
const MON_JAN = '2026-01-05';

describe('German numeric dates', () => {
  test.each([
    ['3.11.', '2026-11-03'],
    ['03.11.2026', '2026-11-03'],
    ['3.11.26', '2026-11-03'],
    ['3.11.99', '1999-11-03'],
    ['3. 11. 2026', '2026-11-03'],
    ['2026-11-03', '2026-11-03'],
    ['Den Bescheid habe ich am 03.11.2026 bekommen.', '2026-11-03'],
    ['am 3.11.', '2026-11-03'],
    ['3.11', '2026-11-03'],
    ['25.11.', '2025-11-25'], // no year: the most recent one not after today
    ['20.11.', '2026-11-20'], // today itself counts as "not after today"
    ['29.2.', '2024-02-29'],
    ['31.02.', undefined], // does not exist: no guess
    ['31.02.2026', undefined],
    ['30.4.2026 oder 31.4.2026', '2026-04-30'],
    ['um 10.30 Uhr am 3.11.', '2026-11-03'], // a time is no impossible date
    ['10.30', undefined],
    ['03/11/2026', '2026-11-03'], // day first
    ['11/25/2026', '2026-11-25'], // impossible month: read as month/day
  ])('%s → %s', (text, want) => {
    expect(parseDate(text, 'de', FRI)).toBe(want);
  });
});

describe('German words', () => {
  test.each([
    ['heute', FRI],
    ['heute Morgen', FRI],
    ['gestern', '2026-11-19'],
    ['gestern Abend', '2026-11-19'],
    ['vorgestern', '2026-11-18'],
    ['vor gestern', '2026-11-18'],
    ['morgen', '2026-11-21'],
    ['übermorgen', '2026-11-22'],
    ['letzten Montag', '2026-11-16'],
    ['am Montag', '2026-11-16'],
    ['letzten Freitag', '2026-11-13'], // said on a Friday: a week ago
    ['nächsten Montag', '2026-11-23'],
    ['Montag letzter Woche', '2026-11-09'],
    ['letzte Woche Mittwoch', '2026-11-11'],
    ['am dritten November', '2026-11-03'],
    ['Ich habe ihn am dritten November bekommen', '2026-11-03'],
    ['3. November', '2026-11-03'],
    ['3. Nov.', '2026-11-03'],
    ['am 3. November 2025', '2025-11-03'],
    ['am einunddreißigsten Dezember', '2025-12-31'],
    ['dreiundzwanzigsten Oktober', '2026-10-23'],
    ['1. März', '2026-03-01'],
    ['1. Maerz', '2026-03-01'],
    ['vor zwei Wochen', '2026-11-06'],
    ['vor 3 Tagen', '2026-11-17'],
    ['vor einer Woche', '2026-11-13'],
    ['vor einem Monat', '2026-10-20'],
    ['vor einem Jahr', '2025-11-20'],
    ['Heiligabend', '2025-12-24'],
    ['Anfang November, genauer am 3.11.', '2026-11-03'],
    ['am einunddreißigsten Februar', undefined],
    ['keine Ahnung', undefined],
    ['im November', undefined],
    ['', undefined],
  ])('%s → %s', (text, want) => {
    expect(parseDate(text, 'de', FRI)).toBe(want);
  });
});

describe('year boundaries', () => {
  test.each([
    ['28.12.', '2025-12-28'],
    ['gestern', '2026-01-04'],
    ['vor einem Monat', '2025-12-05'],
    ['letzten Montag', '2025-12-29'],
    ['vor 2 Wochen', '2025-12-22'],
    ['Silvester', '2025-12-31'],
    ['Neujahr', '2026-01-01'],
  ])('%s on Monday 5 January 2026 → %s', (text, want) => {
    expect(parseDate(text, 'de', MON_JAN)).toBe(want);
  });

  test('one month before 31 March is the last day of February', () => {
    expect(parseDate('vor einem Monat', 'de', '2026-03-31')).toBe('2026-02-28');
  });
});

describe('English', () => {
  test.each([
    ['yesterday', '2026-11-19'],
    ['the day before yesterday', '2026-11-18'],
    ['today', FRI],
    ['last Monday', '2026-11-16'],
    ['on Monday', '2026-11-16'],
    ['this past Tuesday', '2026-11-17'],
    ['next Monday', '2026-11-23'],
    ['Monday last week', '2026-11-09'],
    ['on 3 November', '2026-11-03'],
    ['3rd of November', '2026-11-03'],
    ['on the 3rd of November', '2026-11-03'],
    ['November 3rd', '2026-11-03'],
    ['November 3, 2025', '2025-11-03'],
    ['November the third', '2026-11-03'],
    ['the twenty-first of October', '2026-10-21'],
    ['two weeks ago', '2026-11-06'],
    ['3 days ago', '2026-11-17'],
    ['a week ago', '2026-11-13'],
    ['a month ago', '2026-10-20'],
    ['twenty one days ago', '2026-10-30'],
    ['03/11/2026', '2026-11-03'],
    ['Christmas Day', '2025-12-25'],
    ['I may have got it', undefined],
    ['no idea', undefined],
  ])('%s → %s', (text, want) => {
    expect(parseDate(text, 'en', FRI)).toBe(want);
  });
});

describe('recognizers fallback (English wording the own rules do not cover)', () => {
  test.each([
    ['a couple of days ago', '2026-11-18'],
    ['the 5th of last month', '2026-10-05'],
    ['two days before yesterday', '2026-11-18'],
  ])('%s → %s', (text, want) => {
    expect(parseDate(text, 'en', FRI)).toBe(want);
    expect(parseDate(text, 'en', FRI, { useRecognizers: false })).toBeUndefined();
  });

  test('several pieces are not combined into a wrong date', () => {
    // the suite reads "the day after" (= tomorrow) + "after christmas" (a range)
    expect(parseDate('the day after christmas', 'en', FRI)).toBeUndefined();
  });
});

describe('policy for dates without a year', () => {
  test.each([
    ['25.11.', 'past', '2025-11-25'],
    ['25.11.', 'future', '2026-11-25'],
    ['25.11.', 'nearest', '2026-11-25'],
    ['3.11.', 'future', '2027-11-03'],
    ['3.11.', 'nearest', '2026-11-03'],
    ['20.11.', 'future', FRI],
    ['29.2.', 'future', '2028-02-29'],
    ['Montag', 'future', '2026-11-23'],
    ['Montag', 'nearest', '2026-11-23'], // 3 days ahead beats 4 days back
    ['Donnerstag', 'nearest', '2026-11-19'],
  ] as Array<[string, 'past' | 'future' | 'nearest', string]>)('%s with %s → %s', (text, noYear, want) => {
    expect(parseDate(text, 'de', FRI, { noYear })).toBe(want);
  });

  test('resolveNoYear directly', () => {
    expect(resolveNoYear(2, 29, '2100-03-01', 'past')).toBe('2096-02-29'); // 2100 is no leap year
    expect(resolveNoYear(12, 31, '2026-01-01', 'nearest')).toBe('2025-12-31');
  });

  test('a bad "today" is a programming error', () => {
    expect(() => parseDate('gestern', 'de', '20.11.2026')).toThrow(RangeError);
  });
});
