// Which kind of local help a message asks for, from the keyword lists in
// knowledge/offer-categories.json (shared by all cities).
import type { CategoriesFile, Category } from './schema';
import { tokens } from './text';

export type Lang = 'de' | 'en';

/** Keywords at least this long also match inside compounds ("Seniorentagespflege"); shorter ones
 *  only at a word start, so "einsam" does not fire on "gemeinsam". */
const COMPOUND_MIN = 9;

interface Kw { text: string; category: string; lang: Lang; order: number }

/** Keywords by their first three letters (shorter ones apart): a message is scanned once, and only
 *  the keywords that start at a position are compared there, instead of searching the message for
 *  each of ~190 keywords (20 µs per message before, measured with npm run bench). */
interface KeywordIndex { byPrefix: Map<string, Kw[]>; short: Kw[] }

const PREFIX = 3;
const cache = new WeakMap<CategoriesFile, KeywordIndex>();

function keywordIndex(file: CategoriesFile): KeywordIndex {
  let idx = cache.get(file);
  if (!idx) {
    idx = { byPrefix: new Map(), short: [] };
    file.categories.forEach((c, order) => {
      for (const lang of ['de', 'en'] as const) {
        for (const k of c.keywords[lang]) {
          const text = tokens(k).join(' ');
          if (!text) continue;
          const kw = { text, category: c.id, lang, order };
          if (text.length < PREFIX) idx!.short.push(kw);
          else {
            const key = text.slice(0, PREFIX);
            const list = idx!.byPrefix.get(key);
            if (list) list.push(kw);
            else idx!.byPrefix.set(key, [kw]);
          }
        }
      }
    });
    cache.set(file, idx);
  }
  return idx;
}

/** Category id for a message, or undefined. Both languages are checked (people mix them); the
 *  longest matching keyword wins, then the message's language, then the file order. A keyword
 *  matches at a word start, or anywhere when it is at least COMPOUND_MIN long. */
export function detectCategory(text: string, lang: Lang, vocabulary: CategoriesFile): string | undefined {
  const norm = ` ${tokens(text).join(' ')}`;
  if (norm.length <= 1) return undefined;
  const idx = keywordIndex(vocabulary);
  let best: Kw | undefined;
  const consider = (kw: Kw, at: number): void => {
    if (!norm.startsWith(kw.text, at)) return;
    if (norm[at - 1] !== ' ' && kw.text.length < COMPOUND_MIN) return;
    if (
      !best ||
      kw.text.length > best.text.length ||
      (kw.text.length === best.text.length && kw.lang === lang && best.lang !== lang) ||
      (kw.text.length === best.text.length && kw.lang === best.lang && kw.order < best.order)
    ) best = kw;
  };
  for (let at = 1; at < norm.length; at++) {
    for (const kw of idx.byPrefix.get(norm.slice(at, at + PREFIX)) ?? []) consider(kw, at);
    if (norm[at - 1] === ' ') for (const kw of idx.short) consider(kw, at);
  }
  return best?.category;
}

export function findCategory(vocabulary: CategoriesFile, id: string): Category | undefined {
  return vocabulary.categories.find((c) => c.id === id);
}

/** The category itself plus the categories it includes (searching "counselling" also finds the
 *  city's senior and housing advice). */
export function expandCategory(vocabulary: CategoriesFile, id: string): string[] {
  const c = findCategory(vocabulary, id);
  return c ? [c.id, ...c.includes] : [id];
}

/** Button labels in the given language, in file order. */
export function categoryButtons(vocabulary: CategoriesFile, lang: Lang): { id: string; label: string }[] {
  return vocabulary.categories.map((c) => ({ id: c.id, label: c.label[lang] }));
}
