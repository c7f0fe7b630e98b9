import { stemEnglish, stemGerman, stemmerFor } from '../../bot/nlu/stem';

describe('stemGerman (CISTEM)', () => {
  it.each([
    // inflected forms of one word meet
    ['pflegen', 'pflegt'],
    ['antrag', 'antrage'],
    ['leistungen', 'leistung'],
    ['angehorigen', 'angehorige'],
    ['bezahlt', 'bezahlen'],
  ])('%s ~ %s', (a, b) => {
    expect(stemGerman(a)).toBe(stemGerman(b));
  });

  it.each([
    ['hund', 'hund'], // short words stay
    ['geld', 'geld'],
    ['45476', '45476'], // numbers untouched
  ])('%s → %s', (w, stem) => {
    expect(stemGerman(w)).toBe(stem);
  });

  it('keeps digraphs and double letters intact', () => {
    expect(stemGerman('wunschen')).toBe('wunsch');
    expect(stemGerman('kassen')).toBe('kass');
  });
});

describe('stemEnglish', () => {
  it.each([
    ['benefits', 'benefit'],
    ['applies', 'apply'],
    ['stopped', 'stop'],
    ['running', 'run'],
    ['caring', 'car'],
    ['quickly', 'quick'],
    ['address', 'address'], // -ss is not a plural
    ['bus', 'bus'],
    ['day', 'day'],
    ['apply', 'apply'], // -ly only in longer words
    ['family', 'family'],
  ])('%s → %s', (w, stem) => {
    expect(stemEnglish(w)).toBe(stem);
  });

  it('maps inflections together', () => {
    expect(stemEnglish('applied')).toBe(stemEnglish('apply'));
    expect(stemEnglish('visits')).toBe(stemEnglish('visiting'));
  });
});

describe('stemmerFor', () => {
  it('picks by language, none for none', () => {
    expect(stemmerFor('de')).toBe(stemGerman);
    expect(stemmerFor('en')).toBe(stemEnglish);
    expect(stemmerFor('none')).toBeUndefined();
  });
});
