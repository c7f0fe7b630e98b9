// Which kind of local help a message asks for, from the keyword lists in
// knowledge/offer-categories.json (shared by all cities).
import type { CategoriesFile, Category } from './schema';
import { tokens } from './text';

export type Lang = 'de' | 'en';

/** Keywords at least this long also match inside compounds ("Seniorentagespflege"); shorter ones
 *  only at a word start, so "einsam" does not fire on "gemeinsam". */
const COMPOUND_MIN = 9;

interface Kw { text: string; spaced: string; category: string; lang: Lang; order: number }

const cache = new WeakMap<CategoriesFile, Kw[]>();

function keywordIndex(file: CategoriesFile): Kw[] {
  let list = cache.get(file);
  if (!list) {
    list = [];
    file.categories.forEach((c, order) => {
      for (const lang of ['de', 'en'] as const) {
        for (const k of c.keywords[lang]) {
          const text = tokens(k).join(' ');
          if (text) list!.push({ text, spaced: ` ${text}`, category: c.id, lang, order });
        }
      }
    });
    cache.set(file, list);
  }
  return list;
}

/** Category id for a message, or undefined. Both languages are checked (people mix them); the
 *  longest matching keyword wins, then the message's language, then the file order. */
export function detectCategory(text: string, lang: Lang, vocabulary: CategoriesFile): string | undefined {
  const norm = ` ${tokens(text).join(' ')}`;
  if (norm.length <= 1) return undefined;
  let best: Kw | undefined;
  for (const kw of keywordIndex(vocabulary)) {
    const hit = norm.includes(kw.spaced) || (kw.text.length >= COMPOUND_MIN && norm.includes(kw.text));
    if (!hit) continue;
    if (
      !best ||
      kw.text.length > best.text.length ||
      (kw.text.length === best.text.length && kw.lang === lang && best.lang !== lang) ||
      (kw.text.length === best.text.length && kw.lang === best.lang && kw.order < best.order)
    ) best = kw;
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
