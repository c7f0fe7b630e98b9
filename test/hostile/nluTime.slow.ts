// Issue 14: every NLU step on adversarial input, timed per message and printed (no timed
// assertions: the figures go to docs/hostile.md). Inputs of 60 characters (the longest text the
// date recognizers see, dates.ts), at the default cap (MAX_MESSAGE_CHARS = 2,000) and at the
// largest allowed cap (100,000): linear steps take ~50× longer for 50× the input, quadratic ones
// ~2,500×. The test fails only if a step does not finish at all.
import { foldText, replaceEntities, words } from '../../bot/nlu/normalise';
import { parseDate } from '../../bot/nlu/dates';
import { parseNumberWord } from '../../bot/nlu/numbers';
import { extractGrade } from '../../bot/nlu/grade';
import { testApp, TODAY } from '../helpers/app';
import type { App } from '../../bot/app';
import { createSafetyCheck } from '../../bot/safety/safety';
import { loadSafety } from '../../bot/safety/load';
import * as path from 'path';

const rep = (s: string, n: number) => s.repeat(Math.ceil(n / s.length)).slice(0, n);
/** shapes that make backtracking patterns slow: long runs without the char that ends a match */
const ADVERSARIAL: Record<string, (n: number) => string> = {
  oneLongWord: (n) => 'a'.repeat(n),
  digits: (n) => '1'.repeat(n),
  spacesAndWords: (n) => rep('a ', n),
  dotsDigits: (n) => rep('1.', n),
  daysAgo: (n) => rep('drei Tage ', n),
  gradeWords: (n) => rep('Pflegegrad ', n),
  umlautsHyphens: (n) => rep('ä-', n),
  numberWords: (n) => rep('einhundertzwei', n),
  mixedPunct: (n) => rep('a,1 ', n),
  emoji: (n) => rep('🙂', n),
};

let app: App;
beforeAll(async () => {
  app = await testApp();
}, 120_000);

function time(fn: () => unknown): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const rows: string[] = [];
afterAll(() => {
  console.log(`NLU and safety time per message (ms), adversarial inputs:\n${rows.join('\n')}`);
});

test.each([60, 2000, 100_000])('every step at %d characters finishes', async (n) => {
  const safety = createSafetyCheck(loadSafety(path.join(__dirname, '../../knowledge/safety.json')));
  for (const [name, make] of Object.entries(ADVERSARIAL)) {
    const text = make(n);
    const folded = foldText(text);
    const steps: Record<string, number> = {
      fold: time(() => foldText(text)),
      words: time(() => words(folded)),
      entities: time(() => replaceEntities(folded)),
      dates: time(() => parseDate(text, 'de', TODAY)),
      numbers: time(() => parseNumberWord(text, 'de')),
      grade: time(() => extractGrade(text)),
      detect: time(() => app.services.nlu.detectLanguage(text)),
    };
    steps.classify = 0;
    const t = process.hrtime.bigint();
    await app.services.nlu.classify(text, 'de');
    steps.classify = Number(process.hrtime.bigint() - t) / 1e6;
    // at the largest cap only the bounded part reaches the safety patterns (careBot), see docs
    if (n <= 2000) steps.safety = time(() => safety.check(text));
    rows.push(`${String(n).padStart(6)} ${name.padEnd(15)} ${Object.entries(steps).map(([k, v]) => `${k}=${v.toFixed(1)}`).join(' ')}`);
  }
}, 600_000);
