// Loads and validates the NLU corpora (knowledge/nlu/*.json).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorpusSchema, type Corpus } from '../knowledge/schema';
import { readJsonFile } from '../knowledge/jsonFile';

/** Every *.json in `dir`, validated against CorpusSchema (errors name file and line), ordered by file name. */
export function loadCorpora(dir: string): Corpus[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new Error(`no NLU corpora in ${dir}`);
  return files.map((f) => readJsonFile(path.join(dir, f), CorpusSchema));
}
