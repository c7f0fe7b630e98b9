// Loads and validates the NLU corpora (knowledge/nlu/*.json).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorpusSchema, type Corpus } from '../knowledge/schema';

/** Every *.json in `dir`, validated against CorpusSchema, ordered by file name. */
export function loadCorpora(dir: string): Corpus[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new Error(`no NLU corpora in ${dir}`);
  return files.map((f) => {
    const parsed = CorpusSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
    if (!parsed.success) throw new Error(`${f}: ${parsed.error.message}`);
    return parsed.data;
  });
}
