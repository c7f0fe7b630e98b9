// npm run bench:nlu — the intent engine on public corpora, beside published results and beside
// plain node-nlp (NlpManager defaults) run in this same process. Protocol: ../shared/benchmarks/README.md.
//   Braun et al. 2017 (Chatbot, AskUbuntu, WebApplications): one model per corpus on training:true,
//   top intent of every training:false sentence; "None" is an ordinary label; micro F1 = accuracy.
//   xSID 0.7 de/en: train on *.valid, test on *.test, top-intent accuracy.
//   Care corpora (knowledge/nlu): held-out tests.
// The benchmark data is read from --data DIR (default ../shared/benchmarks), never copied.
// Options: --data DIR  --corpora DIR  --city ID (place words for the care corpora, default muelheim)
//   --json FILE  --variants (also node-nlp alone and the ensemble)
//   --cv: instead, stratified k-fold cross-validation on the TRAINING splits only (how the engine's
//   settings are chosen); --cv-seed N other folds (default 7: a gain that holds only for one fold
//   assignment is noise); --settings JSON overrides engine settings for either mode.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NlpManager } from 'node-nlp';
import type { Corpus } from '../bot/knowledge/schema';
import { loadCorpora } from '../bot/nlu/corpora';
import { calibrateThreshold } from '../bot/nlu/calibrate';
import { stratifiedFolds } from '../bot/nlu/crossval';
import { createNluEngine, type NluEngineOptions, type NluLang } from '../bot/nlu/engine';
import { evaluateEngine } from '../bot/nlu/evaluate';
import { NONE, OUT_OF_SCOPE } from '../bot/nlu/intents';
import type { PlaceLexicon } from '../bot/nlu/places';
import { loadPlaceLexicon } from '../bot/offers/load';
import { arg as argOf, writeFigures } from './bench/cli';

const ROOT = path.resolve(__dirname, '..', '..');

/** Published intent F1 as tabulated in ../shared/benchmarks/README.md (Braun et al. 2017 via
 *  Botfuel/benchmark-nlp-2018; NLP.js docs/v3/benchmarking.md). */
const PUBLISHED: Array<[string, number, number, number, number]> = [
  ['Microsoft LUIS', 0.98, 0.9, 0.81, 0.91],
  ['IBM Watson', 0.97, 0.92, 0.83, 0.92],
  ['API.ai / Dialogflow', 0.93, 0.85, 0.8, 0.87],
  ['Rasa', 0.98, 0.86, 0.74, 0.88],
  ['Snips', 0.96, 0.83, 0.78, 0.89],
  ['NLP.js (own claim)', 0.99, 0.94, 0.8, 0.93],
];
const BRAUN = [
  { key: 'chatbot', file: 'ChatbotCorpus.json' },
  { key: 'askubuntu', file: 'AskUbuntuCorpus.json' },
  { key: 'webapps', file: 'WebApplicationsCorpus.json' },
] as const;

interface Split { train: Array<{ text: string; intent: string }>; test: Array<{ text: string; intent: string }> }
interface Score { correct: number; total: number }

const arg = (name: string): string | undefined => argOf(process.argv, name);

const ratio = (s: Score): number => (s.total ? s.correct / s.total : 0);
const fmt = (x: number): string => x.toFixed(3);
const add = (a: Score, b: Score): Score => ({ correct: a.correct + b.correct, total: a.total + b.total });

function readBraun(file: string): Split {
  const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { sentences: Array<{ text: string; intent: string; training: boolean }> };
  const train = json.sentences.filter((s) => s.training).map((s) => ({ text: s.text, intent: s.intent }));
  const test = json.sentences.filter((s) => !s.training).map((s) => ({ text: s.text, intent: s.intent }));
  return { train, test };
}

function readConll(file: string): Array<{ text: string; intent: string }> {
  const out: Array<{ text: string; intent: string }> = [];
  let text: string | undefined;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const t = /^# text = (.*)$/.exec(line);
    if (t) text = t[1].trim();
    const i = /^# intent = (.*)$/.exec(line);
    if (i && text !== undefined) {
      out.push({ text, intent: i[1].trim() });
      text = undefined;
    }
  }
  return out;
}

/** A corpus object for the engine: training utterances per intent, the test sentences as tests. */
function toCorpus(name: string, locale: NluLang, split: Split): Corpus {
  const intents = [...new Set([...split.train, ...split.test].map((s) => s.intent))];
  return {
    name,
    locale,
    data: intents.map((intent) => ({
      intent,
      utterances: split.train.filter((s) => s.intent === intent).map((s) => s.text),
      tests: split.test.filter((s) => s.intent === intent).map((s) => s.text),
    })),
  };
}

type Settings = NluEngineOptions['settings'];

async function runEngine(corpus: Corpus, noneLabel: string, settings?: Settings, places?: PlaceLexicon, threshold?: number): Promise<Score> {
  const trainable: Corpus = { ...corpus, data: corpus.data.filter((d) => d.utterances.length > 0) };
  const engine = await createNluEngine({ corpora: [trainable], cacheDir: '', cache: false, settings, places, threshold });
  const tests: Corpus = { ...corpus, data: corpus.data.filter((d) => d.tests.length > 0) };
  const [r] = await evaluateEngine(engine, [tests], { noneLabel });
  return { correct: r.correct, total: r.total };
}

/** node-nlp as it comes: NlpManager defaults (threshold 0.5), raw text in file order (its
 *  training is order-sensitive), no normalisation. Only file writing is switched off (autoSave,
 *  autoLoad); that does not change the model. */
async function runPlain(locale: NluLang, split: Split, noneLabel: string): Promise<{ thresholded: Score; top: Score }> {
  const manager = new NlpManager({ languages: [locale], autoSave: false, autoLoad: false, nlu: { log: false } });
  for (const s of split.train) manager.addDocument(locale, s.text, s.intent);
  await manager.train();
  const thresholded: Score = { correct: 0, total: 0 };
  const top: Score = { correct: 0, total: 0 };
  for (const s of split.test) {
    const r = await manager.process(locale, s.text);
    const got = r.intent === NONE ? noneLabel : r.intent;
    const best = (r.classifications ?? [])[0]?.intent ?? NONE;
    thresholded.total += 1;
    top.total += 1;
    if (got === s.intent) thresholded.correct += 1;
    if ((best === NONE ? noneLabel : best) === s.intent) top.correct += 1;
  }
  return { thresholded, top };
}

/** The care corpora are trained with the place words of a city pack (--city, default muelheim), as
 *  the bot trains them; the public corpora without. */
function carePlaces(): PlaceLexicon {
  return loadPlaceLexicon(path.join(ROOT, 'knowledge', arg('--city') ?? 'muelheim'));
}

/** %place% and %city% filled with the lexicon's place names (in turn) and the city's short name. */
function withNames(split: Split, lex: PlaceLexicon): Split {
  let i = 0;
  const fill = (text: string): string => text
    .replace(/%place%/g, () => lex.places[i++ % lex.places.length])
    // cityNames: the official name, then the aliases, the short one first ("Mülheim")
    .replace(/%city%/g, lex.cityNames[lex.cityNames.length > 1 ? 1 : 0]);
  return { train: split.train.map((s) => ({ ...s, text: fill(s.text) })), test: split.test };
}

function splitOf(corpus: Corpus): Split {
  return {
    train: corpus.data.flatMap((d) => d.utterances.map((text) => ({ text, intent: d.intent }))),
    test: corpus.data.flatMap((d) => d.tests.map((text) => ({ text, intent: d.intent }))),
  };
}

async function main(): Promise<void> {
  const dataDir = path.resolve(arg('--data') ?? path.join(ROOT, '..', 'shared', 'benchmarks'));
  const jsonOut = arg('--json');
  const variants = process.argv.includes('--variants');
  const settings = JSON.parse(arg('--settings') ?? '{}') as Settings;
  if (process.argv.includes('--cv')) {
    await crossValidate(dataDir, settings, Number(arg('--cv-seed') ?? 7));
    return;
  }
  const result: Record<string, number> = {};
  const set = (key: string, value: number): void => { result[key] = Number(value.toFixed(4)); };
  const started = Date.now();

  // Braun et al. 2017
  console.log(`Braun et al. 2017 (data: ${path.join(dataDir, 'braun2017')})`);
  let engineAll: Score = { correct: 0, total: 0 };
  let plainAll: Score = { correct: 0, total: 0 };
  const variantAll: Record<string, Score> = { nodenlp: { correct: 0, total: 0 }, ensemble: { correct: 0, total: 0 } };
  // "None" is a label here: the threshold below which the engine answers None is chosen per corpus
  // by 5-fold cross-validation on its training sentences (bot/nlu/calibrate.ts), as a city would
  // calibrate it on its own corpus; the engine's default threshold is shown beside it
  console.log('corpus       n    engine  (threshold by CV)  at default threshold  node-nlp plain');
  let defaultAll: Score = { correct: 0, total: 0 };
  for (const b of BRAUN) {
    const split = readBraun(path.join(dataDir, 'braun2017', b.file));
    const corpus = toCorpus(b.key, 'en', split);
    const { threshold } = await calibrateThreshold(corpus, { noneLabel: NONE, settings });
    const mine = await runEngine(corpus, NONE, settings, undefined, threshold);
    const atDefault = await runEngine(corpus, NONE, settings);
    const plain = await runPlain('en', split, NONE);
    engineAll = add(engineAll, mine);
    defaultAll = add(defaultAll, atDefault);
    plainAll = add(plainAll, plain.thresholded);
    set(`braun.${b.key}.f1`, ratio(mine));
    set(`braun.${b.key}.threshold`, threshold);
    set(`braun.${b.key}.f1_default_threshold`, ratio(atDefault));
    set(`baseline.braun.${b.key}.f1`, ratio(plain.thresholded));
    let extra = '';
    // the classifiers alone, at the default threshold (compare with that column)
    if (variants) {
      for (const v of ['nodenlp', 'ensemble'] as const) {
        const s = await runEngine(corpus, NONE, { ...settings, classifier: v });
        variantAll[v] = add(variantAll[v], s);
        set(`variant.${v}.braun.${b.key}.f1`, ratio(s));
        extra += `  ${v} ${fmt(ratio(s))}`;
      }
    }
    console.log(`${b.key.padEnd(10)} ${String(mine.total).padStart(4)}    ${fmt(ratio(mine))}   (${threshold.toFixed(2)})            ${fmt(ratio(atDefault))}                 ${fmt(ratio(plain.thresholded))}${extra}`);
  }
  set('braun.overall.f1', ratio(engineAll));
  set('braun.overall.f1_default_threshold', ratio(defaultAll));
  set('baseline.braun.overall.f1', ratio(plainAll));
  if (variants) for (const v of ['nodenlp', 'ensemble']) set(`variant.${v}.braun.overall.f1`, ratio(variantAll[v]));
  console.log(`overall    ${String(engineAll.total).padStart(4)}    ${fmt(ratio(engineAll))}                    ${fmt(ratio(defaultAll))}                 ${fmt(ratio(plainAll))}   (micro F1 = accuracy; engine ${engineAll.correct}/${engineAll.total})`);
  console.log('published (Chatbot / AskUbuntu / WebApps / overall):');
  for (const [name, c, a, w, o] of PUBLISHED) console.log(`  ${name.padEnd(22)} ${c.toFixed(2)} / ${a.toFixed(2)} / ${w.toFixed(2)} / ${o.toFixed(2)}`);

  // xSID 0.7
  console.log(`\nxSID 0.7 (train *.valid, test *.test; data: ${path.join(dataDir, 'xsid-0.7-de')})`);
  console.log('lang   n    engine  node-nlp top  node-nlp @0.5');
  for (const lang of ['de', 'en'] as const) {
    const dir = path.join(dataDir, 'xsid-0.7-de');
    const split = { train: readConll(path.join(dir, `${lang}.valid.conll`)), test: readConll(path.join(dir, `${lang}.test.conll`)) };
    const corpus = toCorpus(`xsid-${lang}`, lang, split);
    const mine = await runEngine(corpus, NONE, settings);
    const plain = await runPlain(lang, split, NONE);
    set(`xsid.${lang}.accuracy`, ratio(mine));
    set(`baseline.xsid.${lang}.accuracy`, ratio(plain.top));
    set(`baseline.xsid.${lang}.accuracy_threshold`, ratio(plain.thresholded));
    let extra = '';
    if (variants) {
      for (const v of ['nodenlp', 'ensemble'] as const) {
        const s = await runEngine(corpus, NONE, { ...settings, classifier: v });
        set(`variant.${v}.xsid.${lang}.accuracy`, ratio(s));
        extra += `  ${v} ${fmt(ratio(s))}`;
      }
    }
    console.log(`${lang}   ${String(mine.total).padStart(4)}    ${fmt(ratio(mine))}   ${fmt(ratio(plain.top))}        ${fmt(ratio(plain.thresholded))}${extra}`);
  }
  console.log('  (README, plain node-nlp 4.27.0: de 0.904 / en 0.898 top intent; 0.890 / 0.888 at 0.5)');

  // Care corpora
  console.log('\nCare corpora (knowledge/nlu, held-out tests)');
  const care = loadCorpora(path.resolve(arg('--corpora') ?? path.join(ROOT, 'knowledge', 'nlu')));
  const places = carePlaces();
  for (const corpus of care) {
    const mine = await runEngine(corpus, OUT_OF_SCOPE, settings, places);
    // plain node-nlp reads raw text: the corpus markers are filled with real names, as a city's own
    // corpus would have them (without this it would learn the literal "%place%")
    const plain = await runPlain(corpus.locale, withNames(splitOf(corpus), places), OUT_OF_SCOPE);
    set(`care.${corpus.locale}.accuracy`, ratio(mine));
    set(`baseline.care.${corpus.locale}.accuracy`, ratio(plain.thresholded));
    console.log(`${corpus.locale}   ${String(mine.total).padStart(4)}    engine ${fmt(ratio(mine))}   node-nlp plain ${fmt(ratio(plain.thresholded))}`);
  }
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);

  if (jsonOut) {
    writeFigures(jsonOut, result);
    console.log(`wrote ${jsonOut}`);
  }
}

/** k-fold CV within each training split (test splits are never read): Braun pooled over its three
 *  corpora and xSID 5 folds × 3 shuffles (small sets), care 4 folds × 1 shuffle. */
async function crossValidate(dataDir: string, settings: Settings, seed: number): Promise<void> {
  const sets: Array<{ key: string; locale: NluLang; train: Split['train']; k: number; repeats: number }> = [];
  for (const b of BRAUN) sets.push({ key: 'braun', locale: 'en', train: readBraun(path.join(dataDir, 'braun2017', b.file)).train, k: 5, repeats: 3 });
  for (const lang of ['de', 'en'] as const) {
    sets.push({ key: `xsid-${lang}`, locale: lang, train: readConll(path.join(dataDir, 'xsid-0.7-de', `${lang}.valid.conll`)), k: 5, repeats: 3 });
  }
  for (const c of loadCorpora(path.resolve(arg('--corpora') ?? path.join(ROOT, 'knowledge', 'nlu')))) {
    sets.push({ key: `care-${c.locale}`, locale: c.locale, train: splitOf(c).train, k: 4, repeats: 1 });
  }
  const scores = new Map<string, Score>();
  const places = carePlaces();
  for (const set of sets) {
    const care = set.key.startsWith('care');
    const noneLabel = care ? OUT_OF_SCOPE : NONE;
    for (let r = 0; r < set.repeats; r += 1) {
      const folds = stratifiedFolds(set.train.map((s) => s.intent), set.k, seed + r);
      for (let f = 0; f < set.k; f += 1) {
        const split: Split = { train: set.train.filter((_, i) => folds[i] !== f), test: set.train.filter((_, i) => folds[i] === f) };
        const s = await runEngine(toCorpus(set.key, set.locale, split), noneLabel, settings, care ? places : undefined);
        scores.set(set.key, add(scores.get(set.key) ?? { correct: 0, total: 0 }, s));
      }
    }
  }
  const accs = [...scores].map(([key, s]) => [key, ratio(s)] as const);
  const mean = accs.reduce((sum, [, a]) => sum + a, 0) / accs.length;
  console.log(`cross-validation on training splits (fold seed ${seed}), settings ${JSON.stringify(settings)}`);
  console.log(`${accs.map(([key, a]) => `${key} ${fmt(a)}`).join('  ')}  mean ${mean.toFixed(4)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
