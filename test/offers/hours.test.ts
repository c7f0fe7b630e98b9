import { checkOpeningHours, cityDay, dayClock, hoursContextOf, isOpen, openingSummary, toWallClock, type HoursContext } from '../../bot/offers/hours';
import { berlin, realPack } from './fixtures';

const ctx: HoursContext = { timeZone: 'Europe/Berlin', countryCode: 'de', stateName: 'Nordrhein-Westfalen', lat: 51.4275, lon: 6.8825 };

test('toWallClock shows Berlin time whatever the server zone', () => {
  const w = toWallClock(new Date('2026-07-01T07:30:00Z'), 'Europe/Berlin'); // CEST, UTC+2
  expect([w.getHours(), w.getMinutes()]).toEqual([9, 30]);
  const v = toWallClock(new Date('2026-01-15T07:30:00Z'), 'Europe/Berlin'); // CET, UTC+1
  expect(v.getHours()).toBe(8);
});

describe('openingSummary', () => {
  test.each([
    // value, Berlin wall time, status, today, next change
    ['Mo-Fr 08:00-16:00', '2026-11-25T10:00:00', 'open', [{ from: '08:00', to: '16:00' }], { date: '2026-11-25', time: '16:00', weekday: 3, to: 'closed' }],
    ['Mo-Fr 08:00-16:00', '2026-11-25T07:59:00', 'closed', [{ from: '08:00', to: '16:00' }], { date: '2026-11-25', time: '08:00', weekday: 3, to: 'open' }],
    ['Mo-Fr 08:00-16:00', '2026-11-28T10:00:00', 'closed', [], { date: '2026-11-30', time: '08:00', weekday: 1, to: 'open' }],
    // 07:30 UTC is 09:30 in Berlin in summer: open, although a UTC reading would say closed
    ['Mo-Fr 08:00-16:00', '2026-07-01T09:30:00', 'open', [{ from: '08:00', to: '16:00' }], { date: '2026-07-01', time: '16:00', weekday: 3, to: 'closed' }],
    ['We 09:30-12:30; Th 14:00-18:00', '2026-11-26T13:00:00', 'closed', [{ from: '14:00', to: '18:00' }], { date: '2026-11-26', time: '14:00', weekday: 4, to: 'open' }],
    ['24/7', '2026-11-25T03:00:00', 'open', [{ from: '00:00', to: '24:00' }], undefined],
    // public holiday in NRW (Christmas Day, a Friday)
    ['Mo-Fr 08:00-16:00; PH off', '2026-12-25T10:00:00', 'closed', [], { date: '2026-12-28', time: '08:00', weekday: 1, to: 'open' }],
  ] as const)('%s at %s → %s', (value, wall, status, today, next) => {
    const s = openingSummary(value, berlin(wall), ctx);
    expect(s.status).toBe(status);
    expect(s.today).toEqual(today);
    expect(s.nextChange).toEqual(next);
  });

  test('an open end ("meets from 18:00") is reported as unknown with to = null', () => {
    const s = openingSummary('Tu[3] 18:00+', berlin('2026-11-17T18:30:00'), ctx); // 3rd Tuesday
    expect(s.status).toBe('unknown');
    expect(s.today).toEqual([{ from: '18:00', to: null }]);
    const before = openingSummary('Tu[3] 18:00+', berlin('2026-11-10T12:00:00'), ctx); // 2nd Tuesday
    expect(before.status).toBe('closed');
    expect(before.today).toEqual([]);
    expect(before.nextChange).toMatchObject({ date: '2026-11-17', time: '18:00' });
  });

  test('no hours and broken hours are told apart', () => {
    expect(openingSummary(null, berlin('2026-11-25T10:00:00'), ctx)).toEqual({ status: 'none', today: [] });
    expect(openingSummary('Mo-Fx 8', berlin('2026-11-25T10:00:00'), ctx)).toEqual({ status: 'invalid', today: [] });
  });
});

describe('isOpen', () => {
  test.each([
    ['Mo-Fr 08:00-16:00', '2026-11-25T10:00:00', true],
    ['Mo-Fr 08:00-16:00', '2026-11-25T17:00:00', false],
    ['Tu[3] 18:00+', '2026-11-17T19:00:00', null],
    [null, '2026-11-25T10:00:00', null],
    ['nonsense', '2026-11-25T10:00:00', null],
  ] as const)('%s at %s → %s', (value, wall, expected) => {
    expect(isOpen({ openingHours: value }, berlin(wall), ctx)).toBe(expected);
  });
});

test('checkOpeningHours separates errors from warnings', () => {
  expect(checkOpeningHours('Mo-Fr 08:00-16:00', ctx)).toEqual({ warnings: [] });
  expect(checkOpeningHours('Mo-Fx 08:00', ctx).error).toBeDefined();
});

test('real data: the Selbsthilfe-Büro phone hours (Wednesday morning)', () => {
  const pack = realPack();
  const offer = pack.offers.find((o) => o.id === 'selbsthilfe-buero-muelheim')!;
  expect(offer.hoursKind).toBe('phone');
  const s = openingSummary(offer.openingHours, berlin('2026-11-25T10:00:00'), hoursContextOf(pack.municipality));
  expect(s).toMatchObject({ status: 'open', today: [{ from: '09:30', to: '12:30' }], nextChange: { time: '12:30', to: 'closed' } });
});

describe('the city\'s calendar day', () => {
  test.each([
    ['2025-12-31T22:59:59Z', 'Europe/Berlin', '2025-12-31'],
    ['2025-12-31T23:00:00Z', 'Europe/Berlin', '2026-01-01'], // new year (and new amounts) at local midnight
    ['2027-12-31T23:30:00Z', 'Europe/Berlin', '2028-01-01'],
    ['2026-06-30T21:59:00Z', 'Europe/Berlin', '2026-06-30'], // summer time: UTC+2
    ['2026-06-30T22:00:00Z', 'Europe/Berlin', '2026-07-01'],
    ['2026-03-29T00:30:00Z', 'Europe/Berlin', '2026-03-29'], // the night the clocks change
    ['2026-01-01T04:00:00Z', 'America/New_York', '2025-12-31'],
    ['2026-01-01T00:00:00Z', 'UTC', '2026-01-01'],
  ])('%s in %s is %s', (at, zone, day) => {
    expect(cityDay(new Date(at), zone)).toBe(day);
  });

  test('dayClock follows the clock across local midnight and back (a clock set back)', () => {
    let now = Date.parse('2025-12-31T22:58:30Z');
    const today = dayClock('Europe/Berlin', () => now);
    expect(today()).toBe('2025-12-31');
    now = Date.parse('2025-12-31T22:59:59.999Z');
    expect(today()).toBe('2025-12-31');
    now = Date.parse('2025-12-31T23:00:00Z');
    expect(today()).toBe('2026-01-01');
    now = Date.parse('2025-12-31T12:00:00Z');
    expect(today()).toBe('2025-12-31');
  });
});
