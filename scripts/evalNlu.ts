// npm run eval:nlu — train (or load the cached model) on knowledge/nlu/*.json and report held-out
// accuracy per language, per-intent precision/recall, confusions and a threshold sweep.
// Options: --corpora DIR  --cache DIR  --threshold T  --min ACC (exit 1 below)  --errors (list misses)
//   --city ID (the data pack whose place words the model is trained with, as the bot; default muelheim)
//   --calibrate (also: the threshold that 5-fold cross-validation on the training utterances picks,
//   per language; a city with its own corpus can check NLU_THRESHOLD with it, without its tests)
import * as path from 'node:path';
import { createNluEngine, DEFAULT_THRESHOLD } from '../bot/nlu/engine';
import { loadCorpora } from '../bot/nlu/corpora';
import { accuracyAtThreshold, evaluateEngine } from '../bot/nlu/evaluate';
import { loadPlaceLexicon } from '../bot/offers/load';
import { calibrateThreshold } from '../bot/nlu/calibrate';
import { OUT_OF_SCOPE } from '../bot/nlu/intents';

const ROOT = path.resolve(__dirname, '..', '..');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

async function main(): Promise<void> {
  const corporaDir = path.resolve(arg('--corpora') ?? path.join(ROOT, 'knowledge', 'nlu'));
  const cacheDir = path.resolve(arg('--cache') ?? path.join(ROOT, '.cache', 'nlu'));
  const threshold = arg('--threshold') !== undefined ? Number(arg('--threshold')) : DEFAULT_THRESHOLD;
  const min = arg('--min') !== undefined ? Number(arg('--min')) : undefined;
  const showErrors = process.argv.includes('--errors');

  const corpora = loadCorpora(corporaDir);
  const places = loadPlaceLexicon(path.join(ROOT, 'knowledge', arg('--city') ?? 'muelheim'));
  const engine = await createNluEngine({ corpora, places, cacheDir, threshold, log: (m) => console.log(m) });
  const results = await evaluateEngine(engine, corpora);

  let failed = false;
  for (const r of results) {
    console.log(`\n=== ${r.lang}: held-out accuracy ${pct(r.accuracy)} (${r.correct}/${r.total}), threshold ${threshold}`);
    console.log('intent                     n   prec   recall');
    for (const [intent, s] of Object.entries(r.perIntent)) {
      if (s.support === 0 && s.fp === 0) continue;
      console.log(`${intent.padEnd(24)} ${String(s.support).padStart(3)}  ${pct(s.precision).padStart(6)}  ${pct(s.recall).padStart(6)}`);
    }
    console.log(r.confusions.length ? 'confusions (expected → got: count):' : 'no confusions');
    for (const c of r.confusions) console.log(`  ${c.expected} → ${c.got}: ${c.count}`);
    if (showErrors) {
      for (const it of r.items.filter((i) => i.expected !== i.got)) {
        console.log(`  ✗ [${it.expected} → ${it.got}; raw ${it.rawIntent} ${it.rawScore.toFixed(2)}] ${it.text}`);
      }
    }
    const sweep = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6]
      .map((t) => `${t}: ${pct(accuracyAtThreshold(r.items, t))}`).join('  ');
    console.log(`threshold sweep: ${sweep}`);
    if (min !== undefined && r.accuracy < min) failed = true;
  }
  if (process.argv.includes('--calibrate')) {
    for (const corpus of corpora) {
      const c = await calibrateThreshold(corpus, { noneLabel: OUT_OF_SCOPE, places, seeds: [7] });
      console.log(`\n${corpus.locale}: cross-validation on the training utterances picks threshold ${c.threshold} (CV accuracy ${pct(c.accuracy)}; in use: ${threshold})`);
      console.log(`  ${c.curve.map((p) => `${p.threshold}: ${pct(p.accuracy)}`).join('  ')}`);
    }
  }
  const total = results.reduce((s, r) => s + r.total, 0);
  const correct = results.reduce((s, r) => s + r.correct, 0);
  console.log(`\noverall held-out accuracy ${pct(total ? correct / total : 0)} (${correct}/${total})`);
  if (failed) {
    console.error(`below the required accuracy ${min}`);
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
