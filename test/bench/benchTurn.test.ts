// `npm run bench -- --smoke`: the whole benchmark with tiny settings (build, NLU training, bot
// started twice, echo bot, bare server, three load runs on 127.0.0.1). Checks that it runs, ends by
// itself and writes the figures; never how fast anything is.
// `npm run bench:nlu`: the NLU benchmark (the engine and plain node-nlp, trained per corpus) on tiny
// corpora in the public benchmarks' formats (test/fixtures/benchmarks, written for this project, so the
// test needs nothing outside the repository; the real corpora stay in ../shared/benchmarks or --data DIR):
// runs and writes every figure as a share between 0 and 1; never how good the figures are.
// Both in one file: each builds dist/ first, and two builds at once would race. The time limits only
// stop a hung run; on a busy shared machine (or a clone's first run, which trains the model) a run
// takes minutes.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { THRESHOLD_GRID } from '../../bot/nlu/calibrate';
import { parseSettings, startFlags } from '../../scripts/benchTurn';
import { activityBody, rssMb } from '../../scripts/bench/load';
import { tempDir } from '../helpers/tmp';

const ROOT = path.join(__dirname, '../..');
const run = promisify(execFile);

const NUMERIC_KEYS = [
  'turn.ratio_vs_echo_bot', 'turn.ratio_vs_bare', 'turn.p99_ms', 'turn.p50_ms', 'turn.rps',
  'echo.rps', 'lean_echo.rps', 'turn.ratio_vs_lean_echo', 'bare.rps', 'coldstart_ms', 'rss_mb', 'rss_end_mb', 'nlu.classify_ms', 'nlu.train_ms',
];

test('the smoke run ends by itself and writes every figure', async () => {
  const dir = tempDir('pn-bench-test-');
  const out = path.join(dir, 'bench.json');
  const { stdout } = await run('npm', ['run', '--silent', 'bench', '--', '--smoke', '--json', out], { cwd: ROOT, timeout: 600_000, maxBuffer: 4 << 20 });
  expect(stdout).toMatch(/127\.0\.0\.1/);
  const figures = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, unknown>;
  fs.rmSync(dir, { recursive: true, force: true });
  for (const key of NUMERIC_KEYS) {
    expect([key, typeof figures[key]]).toEqual([key, 'number']);
    expect(figures[key] as number).toBeGreaterThanOrEqual(0);
  }
  // the same numbers nested, as bench:nlu writes them
  expect((figures.turn as Record<string, unknown>).rps).toBe(figures['turn.rps']);
  // the care bot answered every turn of the load with a real reply
  expect(figures['turn.requests'] as number).toBeGreaterThan(0);
  expect(figures['turn.errors']).toBe(0);
  expect(figures['turn.without_reply']).toBe(0);
  expect(figures['echo.errors']).toBe(0);
}, 660_000);

describe('the bot runs with the node flags of npm start', () => {
  const pkg = (start: string) => {
    const f = path.join(tempDir('pn-pkg-'), 'package.json');
    fs.writeFileSync(f, JSON.stringify({ scripts: { start } }));
    return f;
  };
  test.each([
    ['node --max-old-space-size=256 dist/bot/index.js', ['--max-old-space-size=256']],
    ['node dist/bot/index.js', []],
    ['node --a=1 --b dist/bot/index.js', ['--a=1', '--b']],
  ])('%s', (start, flags) => {
    expect(startFlags(pkg(start))).toEqual(flags);
  });
  test('an unexpected start script is an error, not a silent difference', () => {
    expect(() => startFlags(pkg('ts-node bot/index.ts'))).toThrow(/npm start/);
  });
  test("this project's start script sets a heap ceiling", () => {
    expect(startFlags(path.join(ROOT, 'package.json')).some((f) => f.startsWith('--max-old-space-size='))).toBe(true);
  });
  // session 16: optimising compiles on the main thread. On V8's worker threads their scratch memory
  // stayed in per-thread malloc arenas: ~25 MB more RSS after a warm-up, near the 250 MB line
  test("this project's start script compiles optimised code on the main thread", () => {
    expect(startFlags(path.join(ROOT, 'package.json'))).toContain('--no-concurrent-recompilation');
  });
});

describe('settings', () => {
  test.each([
    [[], { duration: 10, connections: 64, warmup: 3, amount: undefined }],
    [['--smoke'], { duration: 1, connections: 2, warmup: 1, amount: 8 }],
    [['--duration', '5', '--connections', '16'], { duration: 5, connections: 16, warmup: 3 }],
    [['--smoke', '--connections', '8'], { duration: 1, connections: 8, warmup: 1 }],
  ])('%j', (argv, expected) => {
    expect(parseSettings(argv)).toMatchObject(expected);
  });

  test.each([
    [['--duration', '0']],
    [['--duration', '100000']],
    [['--connections', 'many']],
    [['--connections', '5000']],
  ])('%j is refused (runs stay bounded)', (argv) => {
    expect(() => parseSettings(argv)).toThrow(/must be a number/);
  });
});

test('a load request is an expectReplies message activity of its own conversation', () => {
  const body = JSON.parse(activityBody('conv-7', 3, 'Wie viel Pflegegeld gibt es?', 'de-DE', 4000));
  expect(body).toMatchObject({
    type: 'message', text: 'Wie viel Pflegegeld gibt es?', deliveryMode: 'expectReplies', locale: 'de-DE',
    conversation: { id: 'conv-7' }, from: { id: 'user-conv-7' }, serviceUrl: 'http://127.0.0.1:4000',
  });
  expect(body.id).not.toBe(JSON.parse(activityBody('conv-7', 4, 'x', 'de-DE', 4000)).id);
});

test('RSS is read from /proc for a live process (Linux)', () => {
  if (process.platform !== 'linux') return;
  expect(rssMb(process.pid)).toBeGreaterThan(1);
  expect(rssMb(2 ** 30)).toBeUndefined();
});

const NLU_KEYS = [
  'braun.chatbot.f1', 'braun.askubuntu.f1', 'braun.webapps.f1', 'braun.overall.f1',
  'xsid.de.accuracy', 'xsid.en.accuracy', 'care.de.accuracy', 'care.en.accuracy',
];

const FIXTURE_CORPORA = path.join(ROOT, 'test', 'fixtures', 'benchmarks');

test('the benchmark runs on corpora in the benchmarks\' formats and writes every figure, for the engine and for plain node-nlp', async () => {
  expect(fs.existsSync(path.join(FIXTURE_CORPORA, 'braun2017', 'ChatbotCorpus.json'))).toBe(true);
  const dir = tempDir('pn-bench-nlu-');
  const out = path.join(dir, 'nlu.json');
  const { stdout } = await run('npm', ['run', '--silent', 'bench:nlu', '--', '--data', FIXTURE_CORPORA, '--json', out], { cwd: ROOT, timeout: 600_000, maxBuffer: 4 << 20 });
  expect(stdout).toMatch(/Braun et al\. 2017/);
  expect(stdout).toMatch(/xSID/);
  const figures = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, unknown>;
  fs.rmSync(dir, { recursive: true, force: true });
  for (const key of NLU_KEYS) {
    for (const k of [key, `baseline.${key}`]) {
      expect([k, typeof figures[k]]).toEqual([k, 'number']);
      expect(figures[k] as number).toBeGreaterThan(0);
      expect(figures[k] as number).toBeLessThanOrEqual(1);
    }
  }
  // the engine's own extras: the threshold chosen by cross-validation per Braun corpus, and the
  // figure at the default threshold beside it
  for (const key of ['braun.chatbot.threshold', 'braun.askubuntu.threshold', 'braun.webapps.threshold']) {
    expect([key, typeof figures[key]]).toEqual([key, 'number']);
    expect(THRESHOLD_GRID).toContain(figures[key]);
  }
  expect(figures['braun.overall.f1_default_threshold'] as number).toBeGreaterThan(0);
}, 660_000);
