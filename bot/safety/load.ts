// Reads knowledge/safety.json for the bot's start: schema errors and patterns that would not compile
// stop the start with the file and line, instead of a regex engine message without either.
import { contentErrorAt, readJsonFile } from '../knowledge/jsonFile';
import { SafetySchema, type Safety } from '../knowledge/schema';
import * as fs from 'node:fs';
import type { SubwordClassifier } from '../nlu/subword';
import { parseSafetyCorpus, trainCrisisClassifier } from './classifier';
import { normaliseForSafety, safetyPatternProblems } from './safety';

export function loadSafety(file: string): Safety {
  const data = readJsonFile(file, SafetySchema);
  const [first] = safetyPatternProblems(data);
  if (first) throw contentErrorAt(file, first.path, `${first.path.join('.')}: ${first.message}`);
  return data;
}

/** The classifier layer, trained on knowledge/safety-corpus.jsonl (a few hundred ms at start). */
export function loadSafetyClassifier(file: string): SubwordClassifier {
  return trainCrisisClassifier(parseSafetyCorpus(fs.readFileSync(file, 'utf8'), file), normaliseForSafety);
}

/** A knowledge folder without the corpus (a minimal city pack in tests) runs the rules alone. */
export function optionalClassifier(file: string): SubwordClassifier | undefined {
  return fs.existsSync(file) ? loadSafetyClassifier(file) : undefined;
}
