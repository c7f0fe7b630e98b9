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

/** `vars`: values every text may use without the caller passing them (the city's names). */
export async function createI18n(localesDir: string, defaultLang: Lang, vars: Record<string, string> = {}): Promise<i18n> {
  const resources = readLocaleResources(localesDir);
  const inst = i18next.createInstance();
  await inst.init({
    resources,
    lng: defaultLang,
    fallbackLng: defaultLang,
    supportedLngs: Object.keys(resources),
    ns: Object.keys(resources[defaultLang] ?? { common: {} }),
    defaultNS: 'common',
    interpolation: { escapeValue: false, defaultVariables: vars },
    returnNull: false,
  });
  memoiseTexts(inst);
  return inst;
}

/** i18next's lookup costs ~6 µs a call (more with variables) and a turn asks for dozens, from a
 *  small set of keys and values (titles, amounts, district names, dates). The resources never
 *  change at run time, so a text is a function of its key, language and variables: texts are kept
 *  per key, language and variable values, bounded (at MEMO_MAX it starts again empty). Calls
 *  without a language, with a non-primitive or a long value (free text) go to i18next as before. */
const MEMO_MAX = 5_000;
const MAX_VALUE_CHARS = 200;

function memoiseTexts(inst: i18n): void {
  const lookup = inst.t.bind(inst) as (key: unknown, opts?: unknown) => unknown;
  const kept = new Map<string, string>();
  const t = (key: unknown, opts?: unknown): unknown => {
    const k = typeof key === 'string' ? memoKey(key, opts) : undefined;
    if (k === undefined) return lookup(key, opts);
    let v = kept.get(k);
    if (v === undefined) {
      const got = lookup(key, opts);
      if (typeof got !== 'string') return got; // objects (returnObjects) are not shared
      if (kept.size >= MEMO_MAX) kept.clear();
      kept.set(k, (v = got));
    }
    return v;
  };
  inst.t = t as TFunction;
}

/** The memo key of a call: key, then each option's name, type and value in the caller's order;
 *  undefined when the text cannot be kept (no language, a non-primitive or a long value). */
export function memoKey(key: string, opts: unknown): string | undefined {
  if (!opts || typeof opts !== 'object') return undefined;
  let k = key;
  let lng = false;
  for (const name in opts) {
    const v = (opts as Record<string, unknown>)[name];
    if (typeof v === 'string') {
      if (v.length > MAX_VALUE_CHARS || v.includes('\u0000')) return undefined;
    } else if (typeof v !== 'number' && typeof v !== 'boolean') {
      return undefined;
    }
    if (name === 'lng') lng = typeof v === 'string';
    k += `\u0000${name}\u0001${typeof v}\u0001${v}`;
  }
  return lng ? k : undefined;
}
