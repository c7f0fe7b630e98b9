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
      const file = JSON.parse(fs.readFileSync(path.join(K, layer, 'questions', f), 'utf8')) as { questions: T[] };
      for (const q of file.questions) items.set(q.id, q);
    }
  }
  return (id) => {
    const it = items.get(id);
    if (!it) throw new Error(`no question entry "${id}"`);
    return it;
  };
}
