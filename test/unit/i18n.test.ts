// The memo in createI18n must give exactly what i18next gives, per language and variable values, and
// leave calls it cannot key (no language, objects, free text) to i18next.
import * as path from 'path';
import i18next from 'i18next';
import { createI18n, memoKey, readLocaleResources } from '../../bot/i18n';

const LOCALES = path.join(__dirname, '../../locales');

test('texts asked for with only a language equal a plain i18next instance, for every key and both languages', async () => {
  const memo = await createI18n(LOCALES, 'de');
  const resources = readLocaleResources(LOCALES);
  const plain = i18next.createInstance();
  await plain.init({ resources, lng: 'de', fallbackLng: 'de', ns: Object.keys(resources.de), defaultNS: 'common', interpolation: { escapeValue: false }, returnNull: false });
  const keys = (obj: Record<string, unknown>, prefix = ''): string[] => Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
  let checked = 0;
  for (const lng of ['de', 'en']) {
    for (const [ns, tree] of Object.entries(resources[lng])) {
      for (const key of keys(tree)) {
        const full = `${ns}:${key}`;
        expect([full, memo.t(full, { lng })]).toEqual([full, plain.t(full, { lng })]);
        expect(memo.t(full, { lng })).toBe(memo.t(full, { lng })); // second call: from the memo
        checked++;
      }
    }
  }
  expect(checked).toBeGreaterThan(100);
  expect(memo.t('welcome', { lng: 'en' })).not.toBe(memo.t('welcome', { lng: 'de' }));
});

async function plainI18n() {
  const resources = readLocaleResources(LOCALES);
  const plain = i18next.createInstance();
  await plain.init({ resources, lng: 'de', fallbackLng: 'de', ns: Object.keys(resources.de), defaultNS: 'common', interpolation: { escapeValue: false }, returnNull: false });
  return plain;
}

test('texts with variables equal plain i18next, also when asked again with other values (plurals included)', async () => {
  const memo = await createI18n(LOCALES, 'de');
  const plain = await plainI18n();
  const calls: Array<[string, Record<string, unknown>]> = [];
  for (const lng of ['de', 'en']) {
    for (const count of [0, 1, 2, 17]) calls.push(['guided:deadline.days_left', { lng, count }]);
    for (const place of ['Saarn', 'Styrum']) for (const count of [1, 5]) calls.push(['offers_dialog.results', { lng, category: 'Tagespflege', place, count }]);
    calls.push(['too_long', { lng, length: 5000 }], ['too_long', { lng, length: '5000' }]);
  }
  for (let round = 0; round < 2; round++) {
    for (const [key, opts] of calls) expect([key, opts, memo.t(key, opts)]).toEqual([key, opts, plain.t(key, opts)]);
  }
  const texts = new Set(calls.map(([key, opts]) => memo.t(key, opts)));
  expect(texts.size).toBeGreaterThan(10); // the values reach the texts: no call answered from another's entry
});

test.each([
  ['language only', 'a', { lng: 'de' }, 'a\u0000lng\u0001string\u0001de'],
  ['language and values, in the caller\'s order', 'a', { lng: 'en', n: 2, ok: true }, 'a\u0000lng\u0001string\u0001en\u0000n\u0001number\u00012\u0000ok\u0001boolean\u0001true'],
  ['no language: the instance language decides', 'a', { n: 2 }, undefined],
  ['no options', 'a', undefined, undefined],
  ['an object value', 'a', { lng: 'de', replace: { x: 1 } }, undefined],
  ['free text longer than 200 characters', 'a', { lng: 'de', text: 'x'.repeat(201) }, undefined],
  ['a value with the separator', 'a', { lng: 'de', text: 'x\u0000y' }, undefined],
])('memoKey: %s', (_name, key, opts, expected) => {
  expect(memoKey(key, opts)).toBe(expected);
});

test('memoKey tells a number from the same digits as text', () => {
  expect(memoKey('a', { lng: 'de', n: 2 })).not.toBe(memoKey('a', { lng: 'de', n: '2' }));
});

test('variables and other options still reach i18next', async () => {
  const memo = await createI18n(LOCALES, 'de');
  const a = memo.t('offers_dialog.results', { lng: 'de', category: 'Tagespflege', place: 'Saarn', count: 2 });
  const b = memo.t('offers_dialog.results', { lng: 'de', category: 'Pflegedienst', place: 'Styrum', count: 5 });
  expect(a).toMatch(/Saarn/);
  expect(b).toMatch(/Styrum/);
  expect(a).not.toBe(b);
});

test('texts name the city of the data pack given at creation, never a city of their own', async () => {
  const other = await createI18n(LOCALES, 'de', { city: 'Musterstadt am See', cityShort: 'Musterstadt', examplePlace: 'Nordviertel' });
  for (const lng of ['de', 'en']) {
    expect(other.t('welcome', { lng })).toContain('Musterstadt am See');
    expect(other.t('offers_dialog.whole_city', { lng })).toContain('Musterstadt');
    expect(other.t('help', { lng })).toContain('Nordviertel');
    expect(other.t('welcome', { lng })).not.toMatch(/Mülheim|\{\{/);
  }
  // a caller's own value still wins over the default
  expect(other.t('offers_dialog.other_city', { lng: 'de', city: 'Teststadt', place: 'Essen' })).toContain('Teststadt');
});
