// Reads knowledge/safety.json for the bot's start: schema errors and patterns that would not compile
// stop the start with the file and line, instead of a regex engine message without either.
import * as fs from 'fs';
import { ContentError, lineOfPath, readJsonFile } from '../knowledge/jsonFile';
import { SafetySchema, type Safety } from '../knowledge/schema';
import { safetyPatternProblems } from './safety';

export function loadSafety(file: string): Safety {
  const data = readJsonFile(file, SafetySchema);
  const [first] = safetyPatternProblems(data);
  if (first) {
    let line: number | undefined;
    try {
      line = lineOfPath(fs.readFileSync(file, 'utf8'), first.path);
    } catch {
      line = undefined;
    }
    throw new ContentError(file, line, `${first.path.join('.')}: ${first.message}`);
  }
  return data;
}
