// i18next with the microcopy from locales/{lng}/{namespace}.json. Every namespace file is loaded
// at startup; a missing key is a content error found by the content tests, not at run time.
import * as fs from 'fs';
import * as path from 'path';
import i18next, { type i18n, type TFunction } from 'i18next';
import { parseJsonText } from './knowledge/jsonFile';

export type Lang = 'de' | 'en';
export type Translate = TFunction;

export function readLocaleResources(localesDir: string): Record<string, Record<string, Record<string, unknown>>> {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const lng of fs.readdirSync(localesDir).sort()) {
    const dir = path.join(localesDir, lng);
    if (!fs.statSync(dir).isDirectory()) continue;
    resources[lng] = {};
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      const full = path.join(dir, file);
      resources[lng][file.replace(/\.json$/, '')] = parseJsonText(full, fs.readFileSync(full, 'utf8')) as Record<string, unknown>;
    }
  }
  return resources;
}

export async function createI18n(localesDir: string, defaultLang: Lang): Promise<i18n> {
  const resources = readLocaleResources(localesDir);
  const inst = i18next.createInstance();
  await inst.init({
    resources,
    lng: defaultLang,
    fallbackLng: defaultLang,
    supportedLngs: Object.keys(resources),
    ns: Object.keys(resources[defaultLang] ?? { common: {} }),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return inst;
}
