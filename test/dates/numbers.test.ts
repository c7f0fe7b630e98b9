import { foldGerman, parseEnglishNumber, parseGermanCardinal, parseGermanOrdinal, parseNumberWord } from '../../bot/nlu/numbers';

describe('German cardinals', () => {
  test.each([
    ['null', 0], ['eins', 1], ['ein', 1], ['einem', 1], ['einer', 1], ['zwei', 2], ['zwo', 2], ['drei', 3],
    ['sieben', 7], ['zwölf', 12], ['zwoelf', 12], ['sechzehn', 16], ['siebzehn', 17], ['zwanzig', 20],
    ['einundzwanzig', 21], ['dreiundzwanzig', 23], ['dreißig', 30], ['dreissig', 30], ['einunddreißig', 31],
    ['neunundneunzig', 99], ['hundert', 100], ['einhundert', 100], ['hundertundeins', 101],
    ['zweihundertfünfzig', 250], ['tausend', 1000], ['zweitausendsechsundzwanzig', 2026],
    ['neunzehnhundert', undefined], // year style is not supported
    ['dreiundzwanzigsten', undefined], ['und', undefined], ['zwanzigund', undefined], ['hallo', undefined],
  ])('%s → %s', (w, want) => {
    expect(parseGermanCardinal(w)).toBe(want);
  });
});

describe('German ordinals', () => {
  test.each([
    ['erste', 1], ['ersten', 1], ['erster', 1], ['zweite', 2], ['dritten', 3], ['vierte', 4], ['fünften', 5],
    ['sechsten', 6], ['siebte', 7], ['siebenten', 7], ['achten', 8], ['neunte', 9], ['zehnten', 10],
    ['elften', 11], ['zwölften', 12], ['neunzehnten', 19], ['zwanzigsten', 20], ['einundzwanzigsten', 21],
    ['dreiundzwanzigsten', 23], ['dreißigsten', 30], ['einunddreißigsten', 31], ['hundertsten', 100],
    ['zwanzigten', undefined], ['dreisten', undefined], ['letzten', undefined], ['festen', undefined], ['einte', undefined],
  ])('%s → %s', (w, want) => {
    expect(parseGermanOrdinal(w)).toBe(want);
  });
});

describe('English numbers', () => {
  test.each([
    ['zero', 0, false], ['three', 3, false], ['twelve', 12, false], ['twenty', 20, false],
    ['twenty-one', 21, false], ['twenty one', 21, false], ['one hundred and five', 105, false],
    ['a hundred', 100, false], ['two thousand twenty six', 2026, false],
    ['first', 1, true], ['third', 3, true], ['twelfth', 12, true], ['twentieth', 20, true],
    ['twenty-first', 21, true], ['twenty first', 21, true], ['thirty-first', 31, true],
  ])('%s → %i (ordinal %s)', (w, value, ordinal) => {
    expect(parseEnglishNumber(w)).toEqual({ value, ordinal });
  });

  test.each(['one two', 'twenty twenty', 'first twenty', 'and', 'hello', 'twelve one', 'zero one', ''])('"%s" is no number', (w) => {
    expect(parseEnglishNumber(w)).toBeUndefined();
  });
});

describe('parseNumberWord', () => {
  test.each([
    ['3', undefined, { value: 3, ordinal: false }],
    ['3.', 'de', { value: 3, ordinal: true }],
    ['3rd', 'en', { value: 3, ordinal: true }],
    ['21st', 'en', { value: 21, ordinal: true }],
    ['3rd', 'de', undefined],
    ['3.', 'en', undefined],
    ['drei', 'de', { value: 3, ordinal: false }],
    ['dritten', 'de', { value: 3, ordinal: true }],
    ['dreiundzwanzigsten', 'de', { value: 23, ordinal: true }],
    ['einundzwanzig', 'de', { value: 21, ordinal: false }],
    ['Zwölf', 'de', { value: 12, ordinal: false }],
    ['third', 'en', { value: 3, ordinal: true }],
    ['twenty-first', 'en', { value: 21, ordinal: true }],
    ['third', 'de', undefined], // language restricts the word lists
    ['drei', 'en', undefined],
    ['drei', undefined, { value: 3, ordinal: false }],
    ['third', undefined, { value: 3, ordinal: true }],
  ] as Array<[string, 'de' | 'en' | undefined, unknown]>)('%s (%s)', (w, lang, want) => {
    expect(parseNumberWord(w, lang)).toEqual(want);
  });

  test('foldGerman', () => {
    expect(foldGerman('Größe ÄÖÜ')).toBe('groesse aeoeue');
  });
});
