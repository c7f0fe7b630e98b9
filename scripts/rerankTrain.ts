// Dev tool (issue 17, eighth pass): trains the re-ranker (bot/nlu/rerank.ts) on scripts/rerankData.ts's
// rows, reports leave-one-file-out cross-validation, and with --write stores the weights in
// knowledge/rerank.json. Deterministic: full-batch gradient descent from zero weights, files and rows
// in a fixed order, so the same data give the same file.
//
//   node dist/scripts/rerankTrain.js [--data data/rerank-data.json] [--skip FILE.jsonl]… [--only story|short] [--l2 0.001] [--sure 0.6] [--write]
// The weights in knowledge/rerank.json: --skip cases.jsonl --only story --sure 0.6 --write
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FEATURES, features, linear, softmax, train, type RerankModel, type TrainCase } from '../bot/nlu/rerank';
import { revive, type RerankRow } from './rerankData';

const ROOT = path.resolve(__dirname, '..', '..');
const SURES = [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const toCase = (r: RerankRow): TrainCase => ({ x: features(revive(r)), y: r.labels });

/** How many rows pass when the model's choice replaces today's from probability `sure` on. */
interface Tally { pass: number; top1: number; changed: number; won: number; lost: number }
const none = (): Tally => ({ pass: 0, top1: 0, changed: 0, won: 0, lost: 0 });

export function passes(weights: number[], rows: readonly RerankRow[], xs: readonly TrainCase[], sure: number): Tally {
  let pass = 0; let top1 = 0; let changed = 0; let won = 0; let lost = 0;
  rows.forEach((r, n) => {
    const probs = softmax(xs[n].x.map((x) => linear(weights, x)));
    let best = 0;
    probs.forEach((p, i) => { if (p > probs[best]) best = i; });
    if (r.labels[best]) top1 += 1;
    const pick = r.input.candidates[best];
    const replace = probs[best] >= sure && pick.id !== r.today;
    const ok = replace ? r.labels[best] : r.todayPasses;
    if (replace) {
      changed += 1;
      if (ok && !r.todayPasses) won += 1;
      if (!ok && r.todayPasses) lost += 1;
    }
    if (ok) pass += 1;
  });
  return { pass, top1, changed, won, lost };
}

function main(): void {
  const file = arg('--data') ?? path.join(ROOT, 'data', 'rerank-data.json');
  const skip = new Set(process.argv.flatMap((a, i) => (process.argv[i - 1] === '--skip' ? [a] : [])));
  const only = arg('--only');
  const read = (JSON.parse(fs.readFileSync(file, 'utf8')) as RerankRow[]).filter((r) => !only || (only === 'story') === r.input.story);
  const rows = read.filter((r) => !skip.has(r.file));
  const skipped = read.filter((r) => skip.has(r.file));
  const files = [...new Set(rows.map((r) => r.file))];
  const xs = rows.map(toCase);
  const pick = (f: (r: RerankRow) => boolean) => ({ rows: rows.filter(f), xs: xs.filter((_, i) => f(rows[i])) });
  const l2 = Number(arg('--l2') ?? 0.001);
  const today = rows.filter((r) => r.todayPasses).length;
  console.log(`${rows.length} rows from ${files.length} files; today's choice passes ${today}; ≥1 positive ${rows.filter((r) => r.labels.some(Boolean)).length}`);
  // leave one file out: train on the others, decide on it
  const cv = new Map<number, Tally>(SURES.map((s) => [s, none()]));
  const perFile: string[] = [];
  for (const f of files) {
    const w = train(pick((r) => r.file !== f).xs, { l2 });
    const { rows: test, xs: testX } = pick((r) => r.file === f);
    const line = [f.padEnd(28), `today ${test.filter((r) => r.todayPasses).length}/${test.length}`];
    for (const s of SURES) {
      const p = passes(w, test, testX, s);
      const acc = cv.get(s)!;
      for (const k of Object.keys(acc) as (keyof typeof acc)[]) acc[k] += p[k];
      line.push(`${s}:${p.pass}`);
    }
    perFile.push(line.join('  '));
  }
  console.log('leave-one-file-out, passes per file at each "sure" threshold:');
  for (const l of perFile) console.log(`  ${l}`);
  for (const [s, a] of cv) console.log(`sure ${s}: CV passes ${a.pass}/${rows.length} (today ${today}); argmax right ${a.top1}; replaced ${a.changed} (won ${a.won}, lost ${a.lost})`);
  const sure = Number(arg('--sure') ?? 0.6);
  const weights = train(xs, { l2 });
  const all = passes(weights, rows, xs, sure);
  console.log(`trained on all rows, sure ${sure}: passes ${all.pass}/${rows.length} (training data, optimistic)`);
  if (skipped.length) {
    for (const s of SURES) {
      const p = passes(weights, skipped, skipped.map(toCase), s);
      console.log(`  not trained on (${[...skip].join(', ')}), sure ${s}: passes ${p.pass}/${skipped.length} (today ${skipped.filter((r) => r.todayPasses).length}); replaced ${p.changed} (won ${p.won}, lost ${p.lost})`);
    }
  }
  console.log(FEATURES.map((f, i) => `${f}=${weights[i].toFixed(3)}`).join(' '));
  if (process.argv.includes('--write')) {
    const cvAt = cv.get(sure);
    const model: RerankModel = {
      features: [...FEATURES], weights: weights.map((w) => Number(w.toFixed(6))), sure, scope: only === 'story' ? 'story' : 'all',
      trained: {
        by: `node dist/scripts/rerankTrain.js ${process.argv.slice(2).join(' ')}`, data: 'scripts/rerankData.ts over the dev case files (never held-out or unseen ones)',
        files, rows: rows.length, l2, todayPasses: today, leaveOneFileOutPasses: cvAt?.pass,
      },
    };
    const out = path.join(ROOT, 'knowledge', 'rerank.json');
    fs.writeFileSync(out, `${JSON.stringify(model, null, 2)}\n`);
    console.log(`weights → ${path.relative(process.cwd(), out)}`);
  }
}

if (require.main === module) main();
