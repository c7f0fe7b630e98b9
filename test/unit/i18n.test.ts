// The memo in createI18n must give exactly what i18next gives, per language, and leave calls with
// variables or other options to i18next.
import * as path from 'path';
import i18next from 'i18next';
import { createI18n, readLocaleResources } from '../../bot/i18n';

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

test('variables and other options still reach i18next', async () => {
  const memo = await createI18n(LOCALES, 'de');
  const a = memo.t('offers_dialog.results', { lng: 'de', category: 'Tagespflege', place: 'Saarn', count: 2 });
  const b = memo.t('offers_dialog.results', { lng: 'de', category: 'Pflegedienst', place: 'Styrum', count: 5 });
  expect(a).toMatch(/Saarn/);
  expect(b).toMatch(/Styrum/);
  expect(a).not.toBe(b);
});
