import { hoursFromText } from '../../bot/offers/hoursText';

describe('hoursFromText: simple German hours become opening_hours', () => {
  test.each([
    ['Mo-Fr 8-16 Uhr', 'Mo-Fr 08:00-16:00', 'opening'],
    ['Mo–Fr 8.30–12 Uhr', 'Mo-Fr 08:30-12:00', 'opening'],
    ['freitags 13-14.30 Uhr', 'Fr 13:00-14:30', 'opening'],
    ['Mo, Mi 9-12, 14-16 Uhr', 'Mo,We 09:00-12:00,14:00-16:00', 'opening'],
    ['werktags 9-15 Uhr, samstags 9-14 Uhr (Stand 2022)', 'Mo-Sa 09:00-15:00; Sa 09:00-14:00', 'opening'],
    ['täglich 10-18 Uhr', 'Mo-Su 10:00-18:00', 'opening'],
    ['telefonisch mittwochs 9.30-12.30 Uhr, donnerstags 14-18 Uhr', 'We 09:30-12:30; Th 14:00-18:00', 'phone'],
    ['3. Dienstag im Monat, 18 Uhr', 'Tu[3] 18:00+', 'meeting'],
    ['1. Montag im Monat, 18 Uhr', 'Mo[1] 18:00+', 'meeting'],
    ['2. Donnerstag im Monat, 15 Uhr', 'Th[2] 15:00+', 'meeting'],
    ['24 Stunden, 7 Tage', '24/7', 'service'],
    ['rund um die Uhr', '24/7', 'service'],
  ])('%s → %s', (text, value, kind) => expect(hoursFromText(text)).toEqual({ openingHours: value, kind }));

  test.each([
    ['telefonisch am besten 8-12.30 Uhr'], // no day
    ['Ladenlokal Mo-Fr 8-16 Uhr; Notdienst 24 Stunden'], // words it does not know
    ['Mo-Fr 7.30-16.30 Uhr (lokalkompass) / 7.30-17 Uhr (Redaktion Mülheim)'], // two sources disagree
    ["Spaziertreff 'Grünes Styrum': 1. Donnerstag im Monat, 15 Uhr (Stand ca. 2018)"], // a different activity
    ['Mo 25-26 Uhr'], // impossible time
    ['8-16 Uhr'],
    [''],
    [null],
  ])('%s → null (keep the text)', (text) => expect(hoursFromText(text)).toBeNull());
});
