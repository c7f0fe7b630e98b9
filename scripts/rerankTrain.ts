// Dev tool (issue 17, eighth pass): trains the re-ranker (bot/nlu/rerank.ts) on scripts/rerankData.ts's
// rows, reports leave-one-file-out cross-validation, and with --write stores the weights in
// knowledge/rerank.json. Deterministic: full-batch gradient descent from zero weights, files and rows
// in a fixed order, so the same data give the same file.
//
//   node dist/scripts/rerankTrain.js [--data data/rerank-data.json] [--skip FILE.jsonl]… [--only story|short] [--gate]
//     [--l2 0.001] [--sure 0.6] [--bands] [--write] [--drop FEATURE]…
// --gate: count only the messages the model decides at run time (understand.ts rerankDecides); it learns from all.
// --bands: calibration in cross-validation: where the model's first choice differs from retrieval's,
// how often each passes per band of its probability and of its lead over the runner-up, and the
// passes of every decision rule of a grid (sure; floor + margin), also on the skipped files.
// The weights in knowledge/rerank.json: --skip cases.jsonl --only story --l2 0.0001 --sure 0.3 --write (--gate --bands for the calibration)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FEATURES, features, linear, softmax, train, type RerankModel, type TrainCase } from '../bot/nlu/rerank';
import { revive, type RerankRow } from './rerankData';

const ROOT = path.resolve(__dirname, '..', '..');

/** A rule that lets the model's first choice replace retrieval's: from probability `sure` on, or (tried
 *  in session 14, not kept) from `floor` on when it leads the runner-up by `margin`. */
interface DecisionRule { sure: number; floor?: number; margin?: number }

function confident(rule: DecisionRule, probs: readonly number[]): boolean {
  const [p1, p2 = 0] = [...probs].sort((a, b) => b - a);
  if (p1 >= rule.sure) return true;
  return rule.floor !== undefined && rule.margin !== undefined && p1 >= rule.floor && p1 - p2 >= rule.margin;
}

const SURES = [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

// --drop FEATURE (repeatable): the feature is 0 everywhere, for an ablation (CV before a new feature)
const DROP = new Set(process.argv.flatMap((a, i) => (process.argv[i - 1] === '--drop' ? [FEATURES.indexOf(a as (typeof FEATURES)[number])] : [])));
const toCase = (r: RerankRow): TrainCase => ({ x: features(revive(r)).map((v) => v.map((x, j) => (DROP.has(j) ? 0 : x))), y: r.labels });

/** A row's probabilities from a model that was not trained on its file. */
interface Predicted { row: RerankRow; probs: number[] }

function predict(weights: number[], rows: readonly RerankRow[], xs: readonly TrainCase[]): Predicted[] {
  return rows.map((row, n) => ({ row, probs: softmax(xs[n].x.map((x) => linear(weights, x))) }));
}

const argmax = (p: readonly number[]) => p.reduce((b, v, i) => (v > p[b] ? i : b), 0);
const lead = (p: readonly number[]) => { const s = [...p].sort((a, b) => b - a); return s[0] - (s[1] ?? 0); };

/** Passes when the model's first choice replaces today's under `rule`. */
export function tallyRule(preds: readonly Predicted[], rule: DecisionRule): Tally {
  const t = none();
  for (const { row, probs } of preds) {
    const best = argmax(probs);
    if (row.labels[best]) t.top1 += 1;
    const replace = confident(rule, probs) && row.input.candidates[best].id !== row.today;
    const ok = replace ? row.labels[best] : row.todayPasses;
    if (replace) {
      t.changed += 1;
      if (ok && !row.todayPasses) t.won += 1;
      if (!ok && row.todayPasses) t.lost += 1;
    }
    if (ok) t.pass += 1;
  }
  return t;
}

/** Where the model's first choice differs from today's: per band of `measure`, how often each passes. */
function bands(preds: readonly Predicted[], name: string, measure: (p: number[]) => number, edges: number[]): void {
  console.log(`  ${name}: band  n  model passes  today passes  (model − today)`);
  for (let i = 0; i < edges.length - 1; i++) {
    const inBand = preds.filter(({ row, probs }) => {
      const v = measure(probs);
      return row.input.candidates[argmax(probs)].id !== row.today && v >= edges[i] && (v < edges[i + 1] || i === edges.length - 2);
    });
    const m = inBand.filter(({ row, probs }) => row.labels[argmax(probs)]).length;
    const t = inBand.filter(({ row }) => row.todayPasses).length;
    console.log(`    ${edges[i].toFixed(2)}–${edges[i + 1].toFixed(2)}  ${String(inBand.length).padStart(3)}  ${String(m).padStart(4)}  ${String(t).padStart(4)}  (${m - t >= 0 ? '+' : ''}${m - t})`);
  }
}

const RULES: DecisionRule[] = [
  ...[0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8].map((sure) => ({ sure })),
  ...[0.3, 0.35, 0.4, 0.45, 0.5].flatMap((floor) => [0.1, 0.15, 0.2, 0.25, 0.3].map((margin) => ({ sure: 0.6, floor, margin }))),
];
const ruleName = (r: DecisionRule) => (r.floor === undefined ? `sure ${r.sure}` : `sure ${r.sure} | floor ${r.floor} + margin ${r.margin}`);

/** How many rows pass when the model's choice replaces today's from probability `sure` on. */
interface Tally { pass: number; top1: number; changed: number; won: number; lost: number }
const none = (): Tally => ({ pass: 0, top1: 0, changed: 0, won: 0, lost: 0 });

export function passes(weights: number[], rows: readonly RerankRow[], xs: readonly TrainCase[], sure: number): Tally {
  return tallyRule(predict(weights, rows, xs), { sure });
}

function main(): void {
  const file = arg('--data') ?? path.join(ROOT, 'data', 'rerank-data.json');
  const skip = new Set(process.argv.flatMap((a, i) => (process.argv[i - 1] === '--skip' ? [a] : [])));
  const only = arg('--only');
  const gate = process.argv.includes('--gate');
  const read = (JSON.parse(fs.readFileSync(file, 'utf8')) as RerankRow[])
    .filter((r) => !only || (only === 'story') === r.input.story);
  // the gate narrows what is counted, not what is learnt from (every story teaches which entry answers)
  const counted = (p: Predicted) => !gate || p.row.decides === true;
  const rows = read.filter((r) => !skip.has(r.file));
  const skipped = read.filter((r) => skip.has(r.file));
  const files = [...new Set(rows.map((r) => r.file))];
  const xs = rows.map(toCase);
  const pick = (f: (r: RerankRow) => boolean) => ({ rows: rows.filter(f), xs: xs.filter((_, i) => f(rows[i])) });
  const l2 = Number(arg('--l2') ?? 0.001);
  // --learn FEATURE (repeatable): keep the weights in knowledge/rerank.json and learn only these
  const learnNames = process.argv.flatMap((a, i) => (process.argv[i - 1] === '--learn' ? [a] : []));
  const kept = learnNames.length ? (JSON.parse(fs.readFileSync(path.join(ROOT, 'knowledge', 'rerank.json'), 'utf8')) as RerankModel) : undefined;
  const start = kept && FEATURES.map((n) => kept.weights[kept.features.indexOf(n)] ?? 0);
  const learn = kept && new Set(learnNames.map((n) => FEATURES.indexOf(n as (typeof FEATURES)[number])));
  const fit = (cases: readonly TrainCase[]) => train(cases, { l2, start, learn });
  const today = rows.filter((r) => r.todayPasses).length;
  console.log(`${rows.length} rows from ${files.length} files; today's choice passes ${today}; ≥1 positive ${rows.filter((r) => r.labels.some(Boolean)).length}`);
  // leave one file out: train on the others, decide on it
  const cv = new Map<number, Tally>(SURES.map((s) => [s, none()]));
  const perFile: string[] = [];
  const cvPreds: Predicted[] = [];
  for (const f of files) {
    const w = fit(pick((r) => r.file !== f).xs);
    const { rows: test, xs: testX } = pick((r) => r.file === f);
    cvPreds.push(...predict(w, test, testX).filter(counted));
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
  const rule: DecisionRule = { sure };
  const weights = fit(xs);
  const all = passes(weights, rows, xs, sure);
  const skippedPreds = predict(weights, skipped, skipped.map(toCase)).filter(counted);
  if (process.argv.includes('--bands')) {
    for (const [what, preds] of [['cross-validation', cvPreds], [`not trained on (${[...skip].join(', ')})`, skippedPreds]] as const) {
      if (!preds.length) continue;
      console.log(`calibration, ${what}: ${preds.length} rows, ${preds.filter(({ row, probs }) => row.input.candidates[argmax(probs)].id !== row.today).length} where the first choice differs from today's`);
      bands(preds, 'probability of the first choice', (p) => Math.max(...p), [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1]);
      bands(preds, 'lead over the runner-up', lead, [0, 0.1, 0.2, 0.3, 0.4, 0.6, 1]);
    }
    // the runner-up as an "Oder meinten Sie" button: where the sure choice replaces today's, how often it
    // fails while the runner-up (an entry) passes, per band of the lead
    const second = (p: readonly number[]) => p.reduce((b, v, i) => (i !== argmax(p) && (b < 0 || v > p[b]) ? i : b), -1);
    console.log(`  runner-up of a replacing choice at sure ${sure}: lead band  n  choice fails  runner-up passes then  runner-up passes when the choice passes`);
    const edges = [0, 0.1, 0.2, 0.3, 0.4, 0.6, 1];
    const replaced = cvPreds.filter(({ row, probs }) => confident({ sure }, probs) && row.input.candidates[argmax(probs)].id !== row.today);
    for (let i = 0; i < edges.length - 1; i++) {
      const b = replaced.filter(({ probs }) => lead(probs) >= edges[i] && (lead(probs) < edges[i + 1] || i === edges.length - 2));
      const fails = b.filter(({ row, probs }) => !row.labels[argmax(probs)]);
      const ok2 = (r: Predicted) => { const j = second(r.probs); return j >= 0 && r.row.input.candidates[j].kind === 'entry' && r.row.labels[j]; };
      console.log(`    ${edges[i].toFixed(2)}–${edges[i + 1].toFixed(2)}  ${b.length}  ${fails.length}  ${fails.filter(ok2).length}  ${b.filter((r) => r.row.labels[argmax(r.probs)] && ok2(r)).length}`);
    }
    console.log('decision rules: CV passes (won, lost) | not trained on: passes (won, lost) | both');
    for (const r of RULES) {
      const a = tallyRule(cvPreds, r);
      const b = tallyRule(skippedPreds, r);
      console.log(`  ${ruleName(r).padEnd(36)} ${a.pass}/${cvPreds.length} (+${a.won} −${a.lost}) | ${b.pass}/${skippedPreds.length} (+${b.won} −${b.lost}) | ${a.pass + b.pass}`);
    }
  }
  const cvRule = tallyRule(cvPreds, rule);
  console.log(`${ruleName(rule)}: CV passes ${cvRule.pass}/${cvPreds.length}; replaced ${cvRule.changed} (won ${cvRule.won}, lost ${cvRule.lost})`);
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
