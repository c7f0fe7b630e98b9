// Text helpers shared by region and category matching: the one folding rule (bot/text/fold.ts)
// for data and user input, so "Dümpten", "Duempten" and "Dumpten" compare equal.
import { fold } from '../text/fold';

export { fold };

/** Folded word tokens (letters and digits); hyphens and punctuation separate tokens. */
export function tokens(text: string): string[] {
  return fold(text).split(/[^a-z0-9]+/).filter(Boolean);
}

/** Stable id from a display name: "Haus Kuhlendahl – Tagespflege" → "haus-kuhlendahl-tagespflege". */
export function slugify(name: string, maxLength = 64): string {
  const slug = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  return lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut;
}

/** editDistance(a, b) <= 1 (bot/nlu/normalise.ts) without the distance matrix: equal, or one substitution, insertion,
 *  deletion or swap of neighbouring letters apart. Runs for every long word of every message
 *  against every place name, so it allocates nothing. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const m = a.length;
  const n = b.length;
  if (m - n > 1 || n - m > 1) return false;
  let i = 0;
  while (i < m && i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  const sameFrom = (x: string, xi: number, y: string, yi: number): boolean => {
    if (x.length - xi !== y.length - yi) return false;
    for (; xi < x.length; xi++, yi++) if (x.charCodeAt(xi) !== y.charCodeAt(yi)) return false;
    return true;
  };
  if (m === n) {
    if (sameFrom(a, i + 1, b, i + 1)) return true; // substitution at i
    return i + 1 < m && a[i] === b[i + 1] && a[i + 1] === b[i] && sameFrom(a, i + 2, b, i + 2); // swap
  }
  return m > n ? sameFrom(a, i + 1, b, i) : sameFrom(a, i, b, i + 1);
}

/** 32-bit FNV-1a; used to rotate offers by (seed, id) without a shared random state. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
