// The question entries of every layer (knowledge/<layer>/questions/*.json), by id, read from the
// real content files: the content tests check the deciding facts of named entries.
import * as fs from 'fs';
import * as path from 'path';

const K = path.join(__dirname, '../../knowledge');

/** A lookup of the real entries by id, typed as the caller reads them; an unknown id throws. */
export function questionEntries<T extends { id: string }>(): (id: string) => T {
  const items = new Map<string, T>();
  for (const layer of ['federal', 'nrw']) {
    for (const f of fs.readdirSync(path.join(K, layer, 'questions'))) {
      const file = JSON.parse(fs.readFileSync(path.join(K, layer, 'questions', f), 'utf8')) as { questions: (T & { formerIds?: string[] })[] };
      for (const q of file.questions) {
        items.set(q.id, q);
        for (const id of q.formerIds ?? []) items.set(id, q); // merged entries: the old id reads the entry it went into
      }
    }
  }
  return (id) => {
    const it = items.get(id);
    if (!it) throw new Error(`no question entry "${id}"`);
    return it;
  };
}

type Variants = { q: string[] };
/** What every newly written entry must have (the content tests of each round): at least six distinct
 *  German and five distinct English variants, a legal basis, a source, the round's review date, and only
 *  concepts (or their aliases) that concepts.json defines. */
export function expectWellFormedEntry(
  it: { legal: string[]; sources: string[]; reviewed: string; concepts?: string[]; de: Variants; en: Variants },
  reviewed: string,
): void {
  expect(new Set(it.de.q.map((q) => q.toLowerCase())).size).toBeGreaterThanOrEqual(6);
  expect(new Set(it.en.q.map((q) => q.toLowerCase())).size).toBeGreaterThanOrEqual(5);
  expect(it.legal.length).toBeGreaterThan(0);
  expect(it.sources.length).toBeGreaterThan(0);
  expect(it.reviewed).toBe(reviewed);
  const file = JSON.parse(fs.readFileSync(path.join(K, 'concepts.json'), 'utf8')) as { concepts: { id: string; aliases?: string[] }[] };
  const known = new Set(file.concepts.flatMap((c) => [c.id, ...(c.aliases ?? [])]));
  for (const c of it.concepts ?? []) expect(known.has(c)).toBe(true);
}
