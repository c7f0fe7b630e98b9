// Reads knowledge/safety.json for the bot's start: schema errors and patterns that would not compile
// stop the start with the file and line, instead of a regex engine message without either.
import { contentErrorAt, readJsonFile } from '../knowledge/jsonFile';
import { SafetySchema, type Safety } from '../knowledge/schema';
import { safetyPatternProblems } from './safety';

export function loadSafety(file: string): Safety {
  const data = readJsonFile(file, SafetySchema);
  const [first] = safetyPatternProblems(data);
  if (first) throw contentErrorAt(file, first.path, `${first.path.join('.')}: ${first.message}`);
  return data;
}
