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
  memoiseFixedTexts(inst);
  return inst;
}

/** Texts asked for with nothing but a language (button titles, headings) are looked up once per
 *  language and key: i18next's lookup costs ~6 µs a call and a turn asks for dozens. The resources
 *  never change at run time; calls with variables or other options go to i18next as before. */
function memoiseFixedTexts(inst: i18n): void {
  const lookup = inst.t.bind(inst) as (key: unknown, opts?: unknown) => unknown;
  const fixed = new Map<string, unknown>();
  const t = (key: unknown, opts?: unknown): unknown => {
    const lng = onlyLanguage(opts);
    if (typeof key !== 'string' || lng === undefined) return lookup(key, opts);
    const k = `${lng}\u0000${key}`;
    let v = fixed.get(k);
    if (v === undefined) fixed.set(k, (v = lookup(key, opts)));
    return v;
  };
  inst.t = t as TFunction;
}

function onlyLanguage(opts: unknown): string | undefined {
  if (!opts || typeof opts !== 'object') return undefined;
  let lng: unknown;
  for (const k in opts) {
    if (k !== 'lng') return undefined;
    lng = (opts as { lng: unknown }).lng;
  }
  return typeof lng === 'string' ? lng : undefined;
}
