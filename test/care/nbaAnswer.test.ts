import { normalizeAnswer, parseTypedAnswer } from '../../bot/care/nbaAnswer';
import { findScale } from '../../bot/care/nba';
import { loadNba } from './nbaCatalogue';

const cat = loadNba();
const scale = (id: string) => findScale(cat, id);

describe('normalizeAnswer', () => {
  test.each([
    ['Zweimal täglich!', '2x taeglich'],
    ['2-mal am Tag', '2x am tag'],
    ['2 x täglich', '2x taeglich'],
    ['3×', '3x'],
    ['twice a day', '2x a day'],
    ['three times a day', '3x a day'],
    ['manchmal', 'manchmal'], // "manch" is no number
    ["can't", 'cannot'],
    ["doesn't", 'does not'],
    ['  Geht  noch allein. ', 'geht noch allein'],
  ])('%s → %s', (text, want) => {
    expect(normalizeAnswer(text)).toBe(want);
  });
});

describe('every label and synonym leads back to its own option', () => {
  for (const s of cat.scales) {
    test(s.id, () => {
      s.options.forEach((o, i) => {
        expect(parseTypedAnswer(o.de, s, 'de')).toBe(i);
        expect(parseTypedAnswer(o.en, s, 'en')).toBe(i);
        for (const lang of ['de', 'en'] as const) {
          for (const syn of s.synonyms[lang][i]) expect([syn, parseTypedAnswer(syn, s, lang)]).toEqual([syn, i]);
        }
      });
    });
  }
});

describe('selfcare (Kann sie/er … allein?)', () => {
  test.each([
    ['Ja, allein', 0], ['geht noch allein', 0], ['allein', 0], ['Sie schafft das allein.', 0], ['ohne Hilfe', 0],
    ['meistens allein', 1], ['mit etwas Hilfe', 1], ['meistens', 1],
    ['nur mit viel Hilfe', 2], ['nein, nur mit Hilfe', 2], ['meistens nicht', 2],
    ['nein', 3], ['gar nicht', 3], ['nicht allein', 3], ['nie', 3], ['geht nicht mehr allein', 3],
    ['1', 0], ['4', 3], ['Nr. 2', 1], ['die dritte', 2], ['zweite', 1],
    ['5', undefined], ['0', undefined], ['Banane', undefined],
    ['ohne Hilfe geht es nicht', undefined], // negation outside the matched phrase
    ['yes', 0], // English answer in a German conversation
  ])('de: %s → %s', (text, want) => {
    expect(parseTypedAnswer(text, scale('selfcare'), 'de')).toBe(want);
  });

  test.each([
    ['Yes, on their own', 0], ['yes', 0], ['by herself', 0], ['mostly', 1], ['with a little help', 1],
    ['a lot of help', 2], ['not at all', 3], ["she can't", 3], ['no', 3],
    ['the second one', 1], ['third', 2], ['2', 1], ['ja', 0],
    ["she doesn't need help", undefined],
  ])('en: %s → %s', (text, want) => {
    expect(parseTypedAnswer(text, scale('selfcare'), 'en')).toBe(want);
  });
});

describe('behaviour (frequency, module 3)', () => {
  test.each([
    ['nie', 0], ['sehr selten', 0], ['fast nie', 0], ['manchmal', 1], ['selten', 1], ['ab und zu', 1],
    ['oft', 2], ['häufig', 2], ['mehrmals pro Woche', 2], ['täglich', 3], ['immer', 3], ['jede Nacht', 3],
    ['3', 2], ['nicht oft', undefined], ['weiß nicht', undefined],
  ])('de: %s → %s', (text, want) => {
    expect(parseTypedAnswer(text, scale('behaviour'), 'de')).toBe(want);
  });

  test.each([['never', 0], ['sometimes', 1], ['often', 2], ['every day', 3], ['always', 3], ['not often', undefined]])('en: %s → %s', (text, want) => {
    expect(parseTypedAnswer(text, scale('behaviour'), 'en')).toBe(want);
  });
});

describe('ability (module 2)', () => {
  test.each([['ja', 0], ['meistens', 1], ['meistens nicht', 2], ['kaum', 2], ['nein', 3], ['nicht mehr', 3]])('%s → %s', (text, want) => {
    expect(parseTypedAnswer(text, scale('ability'), 'de')).toBe(want);
  });
});

describe('4.13 tube feeding and the gates', () => {
  test('tube feeding answers by dependence', () => {
    expect(parseTypedAnswer('nein', scale('tube_feeding'), 'de')).toBe(0);
    expect(parseTypedAnswer('teilweise', scale('tube_feeding'), 'de')).toBe(1);
    expect(parseTypedAnswer('nur über die Sonde', scale('tube_feeding'), 'de')).toBe(2);
    expect(parseTypedAnswer('completely', scale('tube_feeding'), 'en')).toBe(2);
  });

  test.each([['ja', 1], ['nein', 0], ['Er hat einen Katheter', 1], ['manchmal', 0], ['1', undefined], ['yes', 1]])('gate: %s → %s', (text, want) => {
    expect(parseTypedAnswer(text, scale('gate_yes_no'), 'de')).toBe(want);
  });
});

describe('module 5 frequencies (digits are counts, not positions)', () => {
  test.each([
    ['nie', 0], ['macht sie allein', 0], ['nicht täglich', 1], ['einmal', 2], ['1x täglich', 2],
    ['2x täglich', 3], ['zweimal am Tag', 3], ['2 mal täglich', 3], ['Dreimal täglich', 4],
    ['4- bis 8-mal am Tag', 5], ['6 mal täglich', 5], ['Öfter als 8-mal am Tag', 6],
    ['2', undefined], ['täglich', undefined], // how many times a day?
  ])('per day, de: %s → %s', (text, want) => {
    expect(parseTypedAnswer(text, scale('m5_per_day'), 'de')).toBe(want);
  });

  test.each([['twice a day', 3], ['three times a day', 4], ['once a day', 2], ['never', 0], ['2x a day', 3]])('per day, en: %s → %s', (text, want) => {
    expect(parseTypedAnswer(text, scale('m5_per_day'), 'en')).toBe(want);
  });

  test.each([['einmal im Monat', 1], ['zweimal im Monat', 2], ['jede Woche', 3], ['mehrmals pro Woche', 4], ['nie', 0]])('visits: %s → %s', (text, want) => {
    expect(parseTypedAnswer(text, scale('m5_visits'), 'de')).toBe(want);
  });
});
