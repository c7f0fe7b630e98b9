// npm run eval:safety — the crisis net on the project's own phrasings (test/safety/corpus.jsonl,
// parts train and dev) and, when present, the held-out set (test/safety/heldout.jsonl or
// --heldout FILE); then the cost per message on ordinary texts and the worst time on adversarial
// ones (printed, never asserted).
// Options: --heldout FILE  --show-heldout (print held-out texts; off so that nobody tunes to them)
//          --knowledge DIR  --no-timing  --rules-only (without the classifier layer)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadSafety, loadSafetyClassifier } from '../bot/safety/load';
import { createSafetyCheck } from '../bot/safety/safety';
import { loadCorpora } from '../bot/nlu/corpora';
import { formatScore, parseJsonl, score, type Phrasing } from '../bot/safety/evaluate';

const ROOT = path.resolve(__dirname, '..', '..');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

/** Texts built to make a regex backtrack: long words, cue words repeated without a sentence end,
 *  history phrases without boundaries; 10k to 250k characters. */
export function adversarialTexts(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const n of [10_000, 50_000, 250_000]) {
    out.push([`one word of ${n} letters`, 'a'.repeat(n)]);
    out.push([`${n} digits and letters`, '1a'.repeat(n / 2)]);
    out.push([`"ago" words, ${n} chars`, 'years ago '.repeat(n / 10)]);
    out.push([`"vor zwei jahren", ${n} chars`, 'vor zwei jahren '.repeat(n / 16)]);
    out.push([`cue words repeated, ${n} chars`, 'ich will nicht mehr gestürzt blutet notfall '.repeat(n / 44)]);
    out.push([`"fell" and spaces, ${n} chars`, 'fell '.repeat(n / 5)]);
    out.push([`umlauts, ${n} chars`, 'äöüß'.repeat(n / 4)]);
    out.push([`arzt … no end, ${n} chars`, `arzt ${'x '.repeat(n / 2)}`]);
  }
  return out;
}

function main(): void {
  const knowledge = path.resolve(arg('--knowledge') ?? path.join(ROOT, 'knowledge'));
  const safety = loadSafety(path.join(knowledge, 'safety.json'));
  const rulesOnly = createSafetyCheck(safety);
  const t0 = process.hrtime.bigint();
  const classifier = process.argv.includes('--rules-only') ? undefined : loadSafetyClassifier(path.join(knowledge, 'safety-corpus.jsonl'));
  if (classifier) console.log(`classifier layer trained in ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(0)} ms`);
  const check = createSafetyCheck(safety, classifier);
  const corpusFile = path.join(ROOT, 'test', 'safety', 'corpus.jsonl');
  const corpus = parseJsonl(fs.readFileSync(corpusFile, 'utf8'), corpusFile);
  const parts: Array<[string, Phrasing[], boolean]> = [
    ['train', corpus.filter((r) => r.split !== 'dev'), true],
    ['dev', corpus.filter((r) => r.split === 'dev'), true],
  ];
  const heldoutFile = path.resolve(arg('--heldout') ?? path.join(ROOT, 'test', 'safety', 'heldout.jsonl'));
  if (fs.existsSync(heldoutFile)) parts.push(['held-out', parseJsonl(fs.readFileSync(heldoutFile, 'utf8'), heldoutFile), process.argv.includes('--show-heldout')]);
  else console.log(`(no held-out set at ${path.relative(process.cwd(), heldoutFile)})`);
  for (const [name, rows, show] of parts) {
    console.log('');
    if (classifier) {
      const r = score(rows, rulesOnly.assess);
      const pc = (h: number, n: number): string => (n ? `${((100 * h) / n).toFixed(1)}%` : '–');
      console.log(`--- ${name}, rules alone: clear ${pc(r.clear.all?.hit ?? 0, r.clear.all?.n ?? 0)}, possible ${pc(r.possible.all?.hit ?? 0, r.possible.all?.n ?? 0)}, false alarms ${pc(r.falseAlarms, r.negatives)}, gentle on negatives ${pc(r.gentleOnNegatives, r.negatives)}`);
    }
    for (const line of formatScore(classifier ? `${name} (rules + classifier)` : name, score(rows, check.assess), show)) console.log(line);
  }
  if (process.argv.includes('--no-timing')) return;

  // cost per message: ordinary care questions (the NLU training utterances) and the corpus texts
  // (mostly crises, which pass the prefilter and take the long way)
  const questions = loadCorpora(path.join(knowledge, 'nlu')).flatMap((c) => c.data.flatMap((d) => d.utterances));
  const perMessage = (texts: string[], rounds: number): number => {
    for (const t of texts) check.assess(t);
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) for (const t of texts) check.assess(t);
    return Number(process.hrtime.bigint() - t0) / 1e6 / (rounds * texts.length);
  };
  console.log(`\n=== cost per message (mean; a shared machine, so read it as an order of magnitude)`);
  console.log(`  ordinary care questions: ${perMessage(questions, 10).toFixed(4)} ms (${questions.length} NLU utterances × 10)`);
  console.log(`  crisis corpus texts:     ${perMessage(corpus.map((r) => r.text), 20).toFixed(4)} ms (${corpus.length} × 20)`);
  let worst = { ms: 0, name: '' };
  for (const [name, text] of adversarialTexts()) {
    const s = process.hrtime.bigint();
    check.assess(text);
    const ms = Number(process.hrtime.bigint() - s) / 1e6;
    console.log(`  adversarial ${name.padEnd(34)} ${ms.toFixed(1)} ms`);
    if (ms > worst.ms) worst = { ms, name };
  }
  console.log(`worst adversarial time: ${worst.ms.toFixed(1)} ms (${worst.name})`);
}

if (require.main === module) main();
