// npm run cv:safety — how the classifier layer's thresholds (bot/safety/classifier.ts) were chosen:
// 5-fold cross-validation on the corpus TRAIN part only, the classifier alone (rules switched off,
// since they were written for these phrasings), a grid of thresholds, the best recall under
// none → clear ≤ 3 % (the target for the whole net is ≤ 5 %, and the rules alone stay under 2 %)
// and gentle line on negatives ≤ 5 % (ties: fewer gentle lines). Dev is not read. CV_ALL=1 prints
// every point of the grid, also those over the limits.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadSafety } from '../bot/safety/load';
import { createSafetyCheck, normaliseForSafety } from '../bot/safety/safety';
import { combine, trainCrisisClassifier, type SafetyCorpusRow } from '../bot/safety/classifier';
import { parseJsonl, score, type Phrasing } from '../bot/safety/evaluate';

const ROOT = path.resolve(__dirname, '..', '..');
const K = 5;

function main(): void {
  const safety = loadSafety(path.join(ROOT, 'knowledge', 'safety.json'));
  const rows = parseJsonl(fs.readFileSync(path.join(ROOT, 'test', 'safety', 'corpus.jsonl'), 'utf8')).filter((r) => r.split !== 'dev');
  const asRow = (r: Phrasing): SafetyCorpusRow => ({ id: r.id, lang: r.lang, text: r.text, label: r.strength === 'none' ? 'none' : r.kind });
  // the classifier's view of every train phrasing, from a model that did not see it
  const views = new Map<string, ReturnType<ReturnType<typeof createSafetyCheck>['classify']>>();
  for (let k = 0; k < K; k += 1) {
    const model = trainCrisisClassifier(rows.filter((_, i) => i % K !== k).map(asRow), normaliseForSafety);
    const check = createSafetyCheck(safety, model);
    rows.filter((_, i) => i % K === k).forEach((r) => views.set(r.text, check.classify(r.text)));
  }
  const grid = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.99];
  let best: { possible: number; clearWithCue: number; clearWithKindCue?: number; clear?: number; hits: number } | undefined;
  const kindGrid = [undefined, ...grid];
  for (const possible of grid) for (const clearWithCue of grid) for (const clearWithKindCue of kindGrid) for (const clear of [undefined, 0.9, 0.95, 0.99]) {
    if (clearWithCue < possible || (clear !== undefined && clear < clearWithCue)) continue;
    if (clearWithKindCue !== undefined && clearWithKindCue < possible) continue;
    const s = score(rows, (t) => combine(undefined, views.get(t), { possible, clearWithCue, clearWithKindCue, clear }));
    if (process.env.CV_ALL) console.log(`  (any) possible ≥ ${possible}, cue ≥ ${clearWithCue}, without ≥ ${clear ?? "never"}: clear ${s.clear.all?.hit}, possible ${s.possible.all?.hit}, fa ${s.falseAlarms}, gentle ${s.gentleOnNegatives}`);
    if (s.falseAlarms > 0.03 * s.negatives || s.gentleOnNegatives > 0.05 * s.negatives) continue;
    // a missed clear crisis weighs most; at equal recall, fewer gentle lines on negatives win
    const hits = 3 * (s.clear.all?.hit ?? 0) + (s.possible.all?.hit ?? 0) - 0.5 * s.gentleOnNegatives - 2 * s.falseAlarms;
    console.log(`possible ≥ ${possible}, clear with cue ≥ ${clearWithCue}, with a kind cue ≥ ${clearWithKindCue ?? 'never'}, without ≥ ${clear ?? 'never'}: clear ${s.clear.all?.hit}/${s.clear.all?.n}, possible ${s.possible.all?.hit}/${s.possible.all?.n}, false alarms ${s.falseAlarms}/${s.negatives}, gentle ${s.gentleOnNegatives}/${s.negatives}`);
    if (!best || hits > best.hits) best = { possible, clearWithCue, clearWithKindCue, clear, hits };
  }
  console.log(`best: ${JSON.stringify(best)}`);
}

if (require.main === module) main();
