// npm run eval:cases — the project's conversation cases (test/cases/*.jsonl) against the whole bot.
// By default in this process: buildApp() with a fresh data folder, every turn through the adapter's
// expectReplies path (the one POST /api/messages takes without credentials). With --url it talks to a
// running bot over HTTP, with --start CMD it starts one on a free port first (as
// ../shared/eval/run-cases.mjs does, which CI runs as an outside check).
//
// Case format (one JSON object per line): id, topic, locale ("" = none), text or turns[{text, expect,
// forbid}], expect, forbid: every expect regex must match the reply text of its turn (activity text,
// every string in the cards, button titles; case-insensitive), no forbid regex may. Each file must
// reach its minimum pass rate (test/cases/min-rates.json; a file not listed there needs 100 %).
//
// Options: --cases FILE (repeatable; default every test/cases/*.jsonl)  --url URL  --start CMD
//   --min RATE (for every file)  --report FILE.json  --verbose (print each failing case)  --run-id ID (fixed seed)
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import type { Activity } from 'botbuilder';
import type { App } from '../bot/app';
import { inProcessApp } from './inProcessApp';

const ROOT = path.resolve(__dirname, '..', '..');
const CASES_DIR = path.join(ROOT, 'test', 'cases');

export interface Turn { text: string; expect?: string[]; forbid?: string[] }
export interface Case { id: string; topic?: string; locale?: string; text?: string; turns?: Turn[]; expect?: string[]; forbid?: string[] }
export interface TurnResult { text: string; status: number; reply: string; missing: string[]; forbidden: string[] }
export interface CaseResult { id: string; topic?: string; pass: boolean; turns: TurnResult[] }
/** sends one message of a conversation and returns the HTTP status and the reply activities */
export type Send = (conversationId: string, locale: string | undefined, text: string, seq: number)
  => Promise<{ status: number; activities: Partial<Activity>[] }>;

export function parseCases(text: string, file: string): Case[] {
  return text.split('\n').flatMap((line, i) => {
    if (!line.trim()) return [];
    let c: Case;
    try {
      c = JSON.parse(line) as Case;
    } catch (e) {
      throw new Error(`${file}:${i + 1}: not JSON (${(e as Error).message})`, { cause: e });
    }
    if (typeof c.id !== 'string' || (typeof c.text !== 'string' && !Array.isArray(c.turns))) {
      throw new Error(`${file}:${i + 1}: a case needs an id and a text or turns`);
    }
    return [c];
  });
}

function strings(x: unknown, out: string[]): string[] {
  if (typeof x === 'string') out.push(x);
  else if (Array.isArray(x)) x.forEach((y) => strings(y, out));
  else if (x && typeof x === 'object') Object.values(x).forEach((y) => strings(y, out));
  return out;
}

/** What a case is checked against: message text, every string inside the cards, button titles. */
export function replyText(activities: readonly Partial<Activity>[]): string {
  const out: string[] = [];
  for (const a of activities) {
    if (a.type && a.type !== 'message') continue;
    if (a.text) out.push(a.text);
    if (a.attachments) strings(a.attachments.map((x) => x.content as unknown), out);
    if (a.suggestedActions) strings((a.suggestedActions.actions ?? []).map((x) => x.title), out);
  }
  return out.join('\n');
}

export function checkTurn(turn: Turn, status: number, reply: string): TurnResult {
  const missing = (turn.expect ?? []).filter((re) => !new RegExp(re, 'iu').test(reply));
  const forbidden = (turn.forbid ?? []).filter((re) => new RegExp(re, 'iu').test(reply));
  return { text: turn.text, status, reply: reply.slice(0, 600), missing, forbidden };
}

export async function runCase(c: Case, send: Send, runId: string): Promise<CaseResult> {
  const conversationId = `eval-${c.id}-${runId}`;
  const turns = c.turns ?? [{ text: c.text!, expect: c.expect, forbid: c.forbid }];
  const seen: TurnResult[] = [];
  for (const [i, turn] of turns.entries()) {
    let status = 0;
    let activities: Partial<Activity>[] = [];
    try {
      ({ status, activities } = await send(conversationId, c.locale || undefined, turn.text, i));
    } catch {
      /* no answer at all: status 0 fails the turn */
    }
    seen.push(checkTurn(turn, status, replyText(activities)));
  }
  const pass = seen.every((t) => t.status >= 200 && t.status < 300 && t.missing.length === 0 && t.forbidden.length === 0);
  return { id: c.id, topic: c.topic, pass, turns: seen };
}

function activity(base: string, conversationId: string, locale: string | undefined, text: string, seq: number): Activity {
  const a = {
    type: 'message', id: `m${seq}`, text, channelId: 'emulator', serviceUrl: base,
    timestamp: new Date().toISOString(), deliveryMode: 'expectReplies',
    from: { id: `user-${conversationId}`, name: 'User', role: 'user' },
    recipient: { id: 'bot', name: 'Bot', role: 'bot' },
    conversation: { id: conversationId },
    ...(locale ? { locale } : {}),
  };
  return a as unknown as Activity;
}

/** Turns through the app's adapter, as POST /api/messages runs an anonymous expectReplies request. */
export function inProcessSender(app: Pick<App, 'adapter' | 'bot'>): Send {
  return async (conversationId, locale, text, seq) => {
    const r = await app.adapter.runInProcess(activity('http://127.0.0.1:9', conversationId, locale, text, seq), (ctx) => app.bot.run(ctx));
    return { status: r.status, activities: (r.body as { activities: Partial<Activity>[] }).activities };
  };
}

export function httpSender(base: string): Send {
  return async (conversationId, locale, text, seq) => {
    const r = await fetch(`${base}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity(base, conversationId, locale, text, seq)),
    });
    const body = await r.text();
    let activities: Partial<Activity>[] = [];
    try {
      activities = (JSON.parse(body) as { activities?: Partial<Activity>[] }).activities ?? [];
    } catch {
      /* a non-JSON body counts as no reply */
    }
    return { status: r.status, activities };
  };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function startBot(command: string): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn('bash', ['-c', command], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => { log += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { log += d.toString(); });
  const t0 = Date.now();
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { base, child };
    } catch {
      /* not listening yet */
    }
    if (Date.now() - t0 > 120_000 || child.exitCode !== null) {
      console.error(log.slice(-3000));
      throw new Error(`the bot started with "${command}" did not answer GET /healthz within 120 s`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function main(): Promise<void> {
  const files = process.argv.flatMap((a, i) => (process.argv[i - 1] === '--cases' ? [path.resolve(a)] : []));
  const caseFiles = files.length ? files : fs.readdirSync(CASES_DIR).filter((f) => f.endsWith('.jsonl')).sort().map((f) => path.join(CASES_DIR, f));
  const rates = JSON.parse(fs.readFileSync(path.join(CASES_DIR, 'min-rates.json'), 'utf8')) as Record<string, number>;
  const minFor = (file: string): number => (arg('--min') !== undefined ? Number(arg('--min')) : rates[path.basename(file)] ?? 1);
  const verbose = process.argv.includes('--verbose');

  let send: Send;
  let stop = async (): Promise<void> => undefined;
  let where: string;
  if (arg('--url') || arg('--start')) {
    let base = arg('--url') ?? '';
    if (arg('--start')) {
      const started = await startBot(arg('--start')!);
      base = started.base;
      const kill = (): void => { try { process.kill(-started.child.pid!, 'SIGTERM'); } catch { /* already gone */ } };
      process.on('exit', kill);
      stop = async () => kill();
    }
    send = httpSender(base.replace(/\/$/, ''));
    where = `over HTTP at ${base}`;
  } else {
    const inProcess = await inProcessApp('pn-eval-cases-');
    send = inProcessSender(inProcess.app);
    stop = inProcess.stop;
    where = 'in process (buildApp, adapter expectReplies path)';
  }

  // the conversation ids seed the bot's random choices (greeting variants, the order of equal
  // offers); a fixed --run-id makes two measurements of different builds comparable
  const runId = arg('--run-id') ?? String(Date.now());
  const report: Record<string, { passed: number; total: number; min: number; results: CaseResult[] }> = {};
  let ok = true;
  console.log(`conversation cases ${where}`);
  for (const file of caseFiles) {
    const cases = parseCases(fs.readFileSync(file, 'utf8'), file);
    const results: CaseResult[] = [];
    for (const c of cases) {
      const r = await runCase(c, send, runId);
      results.push(r);
      if (verbose && !r.pass) console.error(JSON.stringify(r, null, 1));
    }
    const passed = results.filter((r) => r.pass).length;
    const min = minFor(file);
    const fileOk = cases.length > 0 && passed / cases.length >= min;
    ok &&= fileOk;
    report[path.basename(file)] = { passed, total: cases.length, min, results };
    const byTopic = new Map<string, { pass: number; all: number }>();
    for (const r of results) {
      const t = byTopic.get(r.topic ?? '-') ?? { pass: 0, all: 0 };
      t.all += 1;
      if (r.pass) t.pass += 1;
      byTopic.set(r.topic ?? '-', t);
    }
    for (const [topic, t] of byTopic) if (t.pass < t.all) console.log(`  ${topic}: ${t.pass}/${t.all}`);
    console.log(`${fileOk ? 'ok  ' : 'FAIL'} ${path.relative(process.cwd(), file)}: ${passed}/${cases.length} passed (needs ${(100 * min).toFixed(0)} %)`);
  }
  if (arg('--report')) fs.writeFileSync(arg('--report')!, JSON.stringify(report, null, 1));
  await stop();
  process.exit(ok ? 0 : 1);
}

if (require.main === module) {
  main().catch((e: Error) => {
    console.error(e.message);
    process.exit(1);
  });
}
