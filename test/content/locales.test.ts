// Every microcopy key exists in every language, and no value is empty. A value is a text or a list
// of texts (words a reply may consist of, such as offers_dialog.whole_city_words).
import * as path from 'path';
import { readLocaleResources } from '../../bot/i18n';

const resources = readLocaleResources(path.join(__dirname, '../../locales'));

function keys(obj: unknown, prefix = ''): string[] {
  if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
    return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

test('no text names the city: {{city}} and {{cityShort}} come from the data pack', () => {
  const all = JSON.stringify(resources);
  expect(all).not.toMatch(/Mülheim|Muelheim/);
  expect(all).toContain('{{city}}');
});

test('de and en are the supported languages', () => {
  expect(Object.keys(resources).sort()).toEqual(['de', 'en']);
});

test.each(Object.keys(resources.de))('namespace %s has the same keys in de and en', (ns) => {
  expect(keys(resources.en[ns]).sort()).toEqual(keys(resources.de[ns]).sort());
});

test('no empty strings and the same {{placeholders}} in both languages', () => {
  for (const ns of Object.keys(resources.de)) {
    for (const k of keys(resources.de[ns])) {
      const get = (lng: string) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)?.[p], resources[lng][ns]);
      const de = get('de');
      const en = get('en');
      const filled = (v: unknown) => (typeof v === 'string' && v.trim().length > 0)
        || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x.trim().length > 0));
      expect([ns, k, filled(de), filled(en)]).toEqual([ns, k, true, true]);
      const vars = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect([ns, k, vars(en)]).toEqual([ns, k, vars(de)]);
    }
  }
});
