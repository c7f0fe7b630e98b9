// npm run bench — throughput and latency of a full care turn over HTTP, beside the SDK's floor (the
// stock echo bot) and the HTTP limit (a bare restify server), all loaded the same way in this run
// on this machine; plus cold start, memory, NLU classification and training time.
// Loopback only (127.0.0.1); every loop is bounded and the run stops by itself.
// Options: --duration S (10)  --connections N (64)  --warmup S (3)  --json FILE  --smoke (tiny settings)
//          --cpu-prof DIR (profile the bot process during its measured run)  --keep (keep the temp DATA_DIR)
// All three servers log at LOG_LEVEL=warn (the bot's default is info): same for all, documented.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CorpusSchema } from '../bot/knowledge/schema';
import { readJsonFile } from '../bot/knowledge/jsonFile';
import { createNluEngine, type NluLang } from '../bot/nlu/engine';
import { loadPlaceLexicon } from '../bot/offers/load';
import { arg, writeFigures } from './bench/cli';
import { cpuMs, freePort, rssMb, runLoad, startChild, stopChild, type Child, type LoadResult } from './bench/load';

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');

export const TARGETS = { ratioVsEcho: 0.8, p99Ms: 60, coldStartMs: 2000, rssMb: 250 };

export interface Settings {
  duration: number; connections: number; warmup: number; classifyRounds: number; classifyLimit: number;
  /** smoke runs: the measured run ends after this many answered requests instead of after `duration`
   *  (on a loaded machine a turn can take longer than a one-second window, which then counted none) */
  amount?: number;
}

function num(argv: string[], name: string, fallback: number, min: number, max: number): number {
  const raw = arg(argv, name);
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (!Number.isFinite(v) || v < min || v > max) throw new Error(`${name} must be a number from ${min} to ${max}`);
  return v;
}

/** Run settings from the command line; bounded so that a run always ends by itself. */
export function parseSettings(argv: string[]): Settings {
  const smoke = argv.includes('--smoke');
  return {
    duration: num(argv, '--duration', smoke ? 1 : 10, 1, 600),
    connections: Math.round(num(argv, '--connections', smoke ? 2 : 64, 1, 1024)),
    warmup: num(argv, '--warmup', smoke ? 1 : 3, 0, 120),
    classifyRounds: smoke ? 1 : 5,
    classifyLimit: smoke ? 10 : Infinity,
    amount: smoke ? 8 : undefined,
  };
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Training time of the full corpora (empty cache dir) and classification time per utterance. */
async function measureNlu(cacheDir: string, s: Settings): Promise<{ trainMs: number; classifyMs: number; classifyP99Ms: number; utterances: number }> {
  const corpora = (['de', 'en'] as const).map((l) => readJsonFile(path.join(ROOT, 'knowledge', 'nlu', `${l}.json`), CorpusSchema));
  const t0 = performance.now();
  const engine = await createNluEngine({ corpora, cacheDir, places: loadPlaceLexicon(path.join(ROOT, 'knowledge', 'muelheim')) });
  const trainMs = performance.now() - t0;
  // the held-out test sentences: realistic, and never trained on
  const tests = corpora.flatMap((c) => c.data.flatMap((d) => d.tests.map((text) => ({ text, lang: c.locale as NluLang })))).slice(0, s.classifyLimit);
  for (const t of tests) await engine.classify(t.text, t.lang); // warm-up (JIT)
  const times: number[] = [];
  for (let round = 0; round < s.classifyRounds; round++) {
    for (const t of tests) {
      const a = performance.now();
      await engine.classify(t.text, t.lang);
      times.push(performance.now() - a);
    }
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((x, y) => x + y, 0) / times.length;
  return { trainMs, classifyMs: mean, classifyP99Ms: times[Math.min(times.length - 1, Math.floor(times.length * 0.99))], utterances: tests.length };
}

/** The node flags of `npm start` (package.json), so the bench runs the bot exactly as it is started. */
export function startFlags(pkgFile = path.join(ROOT, 'package.json')): string[] {
  const start = (JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { scripts?: { start?: string } }).scripts?.start ?? '';
  const m = /^node\s+((?:--[\w-]+(?:=\S+)?\s+)*)\S+\.js\s*$/.exec(start.trim());
  if (!m) throw new Error(`cannot read the node flags of "npm start": ${start}`);
  return m[1].split(/\s+/).filter(Boolean);
}

function childEnv(dataDir: string): NodeJS.ProcessEnv {
  // No Bot Framework credentials (anonymous local use), loopback, a throw-away data folder.
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: '', MicrosoftAppTenantId: '', DIRECTLINE_SECRET: '' };
  delete env.NLU_CACHE_DIR;
  delete env.LOG_USER_TEXT;
  return env;
}

type Measured = LoadResult & { cpu_ms_per_request?: number };

async function loadServer(name: string, tag: string, c: Child, s: Settings, questions: string[], locale: string, afterWarmup?: () => void): Promise<Measured> {
  if (s.warmup > 0) await runLoad({ port: c.port, connections: s.connections, duration: s.warmup, questions, locale, tag: `${tag}-warm` });
  afterWarmup?.();
  const cpu0 = cpuMs(c.proc.pid);
  const r = await runLoad({ port: c.port, connections: s.connections, duration: s.duration, amount: s.amount, questions, locale, tag });
  const cpu1 = cpuMs(c.proc.pid);
  const cpu = cpu0 !== undefined && cpu1 !== undefined && r.requests > 0 ? (cpu1 - cpu0) / r.requests : undefined;
  console.log(`${name.padEnd(9)} ${r1(r.rps).toFixed(1).padStart(9)} req/s   p50 ${String(r.p50_ms).padStart(4)} ms   p99 ${String(r.p99_ms).padStart(4)} ms   CPU ${cpu === undefined ? 'n/a' : cpu.toFixed(3)} ms/request   (${r.requests} requests, ${r.errors} errors, ${r.non2xx} non-2xx, ${r.without_reply} without reply)`);
  return { ...r, cpu_ms_per_request: cpu };
}

function verdict(ok: boolean): string {
  return ok ? 'met' : 'MISSED';
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const s = parseSettings(argv);
  const jsonOut = arg(argv, '--json');
  const profDir = arg(argv, '--cpu-prof');
  const { questions, locale } = JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts', 'bench', 'questions.json'), 'utf8')) as { questions: string[]; locale: string };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pn-bench-'));
  const env = childEnv(dataDir);
  const children: Child[] = [];
  const stopAll = () => { for (const c of children) c.proc.kill('SIGKILL'); };
  process.once('SIGINT', () => { stopAll(); process.exit(130); });
  console.log(`Pflegenetz bench: ${s.connections} conversations, ${s.duration} s per server (+${s.warmup} s warm-up), ${questions.length} questions, 127.0.0.1, LOG_LEVEL=warn, node ${process.version}, ${os.cpus().length} CPUs`);
  try {
    // 1. NLU: training with an empty cache dir (this writes the model cache the bot then finds).
    const nlu = await measureNlu(path.join(dataDir, 'nlu-cache'), s);
    console.log(`nlu       train ${Math.round(nlu.trainMs)} ms (full corpora, empty cache)   classify ${r3(nlu.classifyMs)} ms/utterance mean, p99 ${r3(nlu.classifyP99Ms)} ms (${nlu.utterances} held-out sentences)`);

    // 2. Cold start with the cached model: one start to warm the cache, the second one measured.
    const bot = path.join(DIST, 'bot', 'index.js');
    const first = await startChild(bot, env, await freePort(), { cwd: ROOT, nodeArgs: startFlags() });
    children.push(first);
    await stopChild(first);
    const nodeArgs = [...startFlags(), ...(profDir ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(profDir)] : [])];
    const care = await startChild(bot, env, await freePort(), { cwd: ROOT, nodeArgs });
    children.push(care);
    console.log(`coldstart ${Math.round(care.readyMs)} ms to /healthz (first start, warming the cache: ${Math.round(first.readyMs)} ms)`);

    // 3. The three servers under the same load, one after the other.
    let rss: number | undefined;
    const turn = await loadServer('care bot', 'turn', care, s, questions, locale, () => { rss = rssMb(care.proc.pid); });
    // and at the end of the measured run: V8 grows its heap under load, so the later figure is the honest one
    const rssEnd = rssMb(care.proc.pid);
    await stopChild(care);
    const echoChild = await startChild(path.join(DIST, 'scripts', 'bench', 'echoBot.js'), env, await freePort());
    children.push(echoChild);
    let echoRss: number | undefined;
    const echo = await loadServer('echo bot', 'echo', echoChild, s, questions, locale, () => { echoRss = rssMb(echoChild.proc.pid); });
    const echoRssEnd = rssMb(echoChild.proc.pid);
    await stopChild(echoChild);
    const leanChild = await startChild(path.join(DIST, 'scripts', 'bench', 'echoBot.js'), env, await freePort(), { scriptArgs: ['--lean'] });
    children.push(leanChild);
    const lean = await loadServer('echo lean', 'lean', leanChild, s, questions, locale);
    await stopChild(leanChild);
    const bareChild = await startChild(path.join(DIST, 'scripts', 'bench', 'bareServer.js'), env, await freePort());
    children.push(bareChild);
    const bare = await loadServer('bare', 'bare', bareChild, s, questions, locale);
    await stopChild(bareChild);

    const vsEcho = echo.rps > 0 ? turn.rps / echo.rps : 0;
    const vsBare = bare.rps > 0 ? turn.rps / bare.rps : 0;
    const vsLean = lean.rps > 0 ? turn.rps / lean.rps : 0;
    const mb = (x: number | undefined) => (x === undefined ? 'n/a' : `${r1(x)} MB`);
    console.log(`rss       ${mb(rss)} after warm-up, ${mb(rssEnd)} at the end of the run (VmRSS of the bot process; echo bot ${mb(echoRss)} / ${mb(echoRssEnd)})`);
    const rssWorst = rss === undefined || rssEnd === undefined ? rss ?? rssEnd : Math.max(rss, rssEnd);
    const cpuX = turn.cpu_ms_per_request && echo.cpu_ms_per_request ? turn.cpu_ms_per_request / echo.cpu_ms_per_request : undefined;
    console.log(`ratio     care bot / echo bot ${vsEcho.toFixed(3)}   care bot / bare ${vsBare.toFixed(3)}   (CPU per request: care bot = ${cpuX === undefined ? 'n/a' : cpuX.toFixed(1)} × echo bot)`);
    console.log(`          echo bot on this project's server path / stock echo bot ${(echo.rps > 0 ? lean.rps / echo.rps : 0).toFixed(3)}   care bot / that ${vsLean.toFixed(3)}`);
    console.log('targets:');
    console.log(`  throughput ≥ ${TARGETS.ratioVsEcho} × echo bot: ${vsEcho.toFixed(3)} ${verdict(vsEcho >= TARGETS.ratioVsEcho)}`);
    console.log(`  p99 ≤ ${TARGETS.p99Ms} ms at ${s.connections} conversations: ${turn.p99_ms} ms ${verdict(turn.p99_ms <= TARGETS.p99Ms)}`);
    console.log(`  cold start ≤ ${TARGETS.coldStartMs} ms: ${Math.round(care.readyMs)} ms ${verdict(care.readyMs <= TARGETS.coldStartMs)}`);
    console.log(`  RSS ≤ ${TARGETS.rssMb} MB (the higher of both): ${rssWorst === undefined ? 'n/a' : `${r1(rssWorst)} MB ${verdict(rssWorst <= TARGETS.rssMb)}`}`);
    if (turn.errors || turn.non2xx || turn.without_reply) console.log(`warning: the care bot had ${turn.errors} errors, ${turn.non2xx} non-2xx answers and ${turn.without_reply} answers without a reply`);
    if (profDir) console.log(`cpu profile of the bot process written to ${path.resolve(profDir)}`);

    if (jsonOut) {
      const figures = (prefix: string, r: Measured) => ({
        [`${prefix}.rps`]: r1(r.rps), [`${prefix}.p50_ms`]: r.p50_ms, [`${prefix}.p99_ms`]: r.p99_ms,
        [`${prefix}.cpu_ms_per_request`]: r.cpu_ms_per_request === undefined ? null : r3(r.cpu_ms_per_request),
        [`${prefix}.requests`]: r.requests, [`${prefix}.errors`]: r.errors + r.non2xx, [`${prefix}.without_reply`]: r.without_reply,
      });
      writeFigures(jsonOut, {
        ...figures('turn', turn),
        'turn.ratio_vs_echo_bot': r3(vsEcho),
        'turn.ratio_vs_bare': r3(vsBare),
        'turn.cpu_vs_echo_bot': cpuX === undefined ? null : r3(cpuX),
        ...figures('echo', echo),
        ...figures('lean_echo', lean),
        'turn.ratio_vs_lean_echo': r3(vsLean),
        ...figures('bare', bare),
        coldstart_ms: Math.round(care.readyMs),
        rss_mb: rss === undefined ? null : r1(rss),
        'echo.rss_mb': echoRss === undefined ? null : r1(echoRss),
        rss_end_mb: rssEnd === undefined ? null : r1(rssEnd),
        'echo.rss_end_mb': echoRssEnd === undefined ? null : r1(echoRssEnd),
        'nlu.classify_ms': r3(nlu.classifyMs),
        'nlu.classify_p99_ms': r3(nlu.classifyP99Ms),
        'nlu.train_ms': Math.round(nlu.trainMs),
        'settings.connections': s.connections,
        'settings.duration_s': s.duration,
        'settings.warmup_s': s.warmup,
        'settings.log_level': 'warn',
        'settings.node': process.version,
        'settings.cpus': os.cpus().length,
      });
      console.log(`wrote ${jsonOut}`);
    }
  } finally {
    stopAll();
    if (!argv.includes('--keep')) fs.rmSync(dataDir, { recursive: true, force: true });
    else console.log(`kept ${dataDir}`);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
