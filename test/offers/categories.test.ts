import { categoryButtons, detectCategory, expandCategory } from '../../bot/offers/categories';
import { realCategories } from './fixtures';
import { tokens } from '../../bot/offers/text';

const vocab = realCategories();

describe('detectCategory', () => {
  test.each([
    ['Ich suche eine Tagespflege in Saarn', 'de', 'day_care'],
    ['Seniorentagespflege', 'de', 'day_care'],
    ['teilstationäre Pflege', 'de', 'day_care'],
    ['Kurzzeitpflege nach dem Krankenhaus', 'de', 'short_term_care'],
    ['ein Pflegeheim für meine Mutter', 'de', 'nursing_home'],
    ['Altenheim', 'de', 'nursing_home'],
    ['Hausnotruf', 'de', 'emergency_call'],
    ['Essen auf Rädern', 'de', 'meals'],
    ['Essen auf Raedern', 'de', 'meals'],
    ['Mittagstisch für Senioren', 'de', 'lunch_table'],
    ['ambulanter Pflegedienst', 'de', 'home_care'],
    ['Hospiz', 'de', 'hospice'],
    ['Bürgerbus', 'de', 'transport'],
    ['Buergerbus', 'de', 'transport'],
    ['Heimaufsicht', 'de', 'home_supervision'],
    ['Pflegestützpunkt', 'de', 'counselling'],
    ['Wohnberatung', 'de', 'senior_housing_advice'],
    ['Pflegekurs für Angehörige', 'de', 'care_course'],
    ['Selbsthilfegruppe', 'de', 'carers_selfhelp'],
    ['Netzwerk der Generationen', 'de', 'neighbourhood_network'],
    ['Begegnungsstätte', 'de', 'meeting_place'],
    ['day care in Saarn', 'en', 'day_care'],
    ['nursing home', 'en', 'nursing_home'],
    ['meals on wheels', 'en', 'meals'],
    ['personal alarm', 'en', 'emergency_call'],
    ['I want to volunteer', 'en', 'volunteering'],
    ['Tagespflege please', 'en', 'day_care'], // mixed languages
  ] as const)('%s → %s', (text, lang, id) => expect(detectCategory(text, lang, vocab)).toBe(id));

  test.each([
    ['Wie hoch ist das Pflegegeld?'],
    ['Wir essen gemeinsam'], // "einsam" must not fire inside "gemeinsam"
    ['Ich wohne in Essen'],
    [''],
    ['!!!'],
  ])('no category: %s', (text) => expect(detectCategory(text, 'de', vocab)).toBeUndefined());

  test('the longest keyword wins over a shorter one in the same text', () => {
    expect(detectCategory('Heimaufsicht Beschwerde Pflegeheim', 'de', vocab)).toBe('home_supervision');
  });
});

test('expandCategory adds included categories', () => {
  expect(expandCategory(vocab, 'counselling')).toEqual(['counselling', 'senior_housing_advice']);
  expect(expandCategory(vocab, 'meeting_place')).toEqual(['meeting_place', 'neighbourhood_network']);
  expect(expandCategory(vocab, 'day_care')).toEqual(['day_care']);
});

test('every category has a button label in both languages', () => {
  const de = categoryButtons(vocab, 'de');
  const en = categoryButtons(vocab, 'en');
  expect(de.map((b) => b.id)).toEqual(en.map((b) => b.id));
  expect(de.find((b) => b.id === 'day_care')?.label).toBe('Tagespflege');
  expect(en.find((b) => b.id === 'day_care')?.label).toBe('Day care');
});

describe('detectCategory scans the message once and finds what a search for each keyword finds', () => {
  // the straightforward rule, as a reference: every keyword searched in the whole message
  const reference = (text: string, lang: 'de' | 'en', file: typeof vocab): string | undefined => {
    const norm = ` ${tokens(text).join(' ')}`;
    let best: { text: string; category: string; lang: string; order: number } | undefined;
    file.categories.forEach((c, order) => {
      for (const l of ['de', 'en'] as const) {
        for (const k of c.keywords[l]) {
          const kw = { text: tokens(k).join(' '), category: c.id, lang: l, order };
          if (!kw.text || !(norm.includes(` ${kw.text}`) || (kw.text.length >= 9 && norm.includes(kw.text)))) continue;
          if (!best || kw.text.length > best.text.length
            || (kw.text.length === best.text.length && kw.lang === lang && best.lang !== lang)
            || (kw.text.length === best.text.length && kw.lang === best.lang && kw.order < best.order)) best = kw;
        }
      }
    });
    return best?.category;
  };
  const keywords = vocab.categories.flatMap((c) => [...c.keywords.de, ...c.keywords.en]);
  const texts = [
    ...keywords.map((k) => `Ich suche ${k} bitte`),
    ...keywords.map((k) => `Senioren${k.toLowerCase()}angebot`),
    ...keywords.map((k, i) => `${keywords[(i * 7) % keywords.length]} und ${k}`),
    'Essen auf Rädern in Heißen', 'gemeinsam einsam', 'Tagespflege', 'a', '', '   ', 'x y z',
  ];
  test.each(['de', 'en'] as const)('%s', (lang) => {
    let found = 0;
    for (const t of texts) {
      const expected = reference(t, lang, vocab);
      if (expected) found++;
      expect([t, detectCategory(t, lang, vocab)]).toEqual([t, expected]);
    }
    expect(found).toBeGreaterThan(keywords.length);
  });
});
