// Load generation and child-process handling for `npm run bench`. Loopback only: every URL is
// built here from 127.0.0.1 and a port, never taken from the command line.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';

export const HOST = '127.0.0.1';

export interface LoadOptions {
  port: number;
  connections: number;
  /** seconds */
  duration: number;
  /** when set, the run ends after this many requests (autocannon then ignores `duration`) */
  amount?: number;
  questions: string[];
  locale: string;
  /** distinguishes the conversation ids of separate runs against the same server */
  tag: string;
}

export interface LoadResult {
  rps: number;
  p50_ms: number;
  p99_ms: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** 2xx answers without a message activity (a bot that answers nothing must not look fast) */
  without_reply: number;
}

interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  latency: { p50: number; p99: number };
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
// autocannon ships no type declarations
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon: Autocannon = require('autocannon');

/** One activity as a channel sends it with deliveryMode expectReplies (replies in the HTTP body). */
export function activityBody(conv: string, turn: number, text: string, locale: string, port: number): string {
  return JSON.stringify({
    type: 'message', id: `${conv}-${turn}`, text, locale, channelId: 'emulator', deliveryMode: 'expectReplies',
    serviceUrl: `http://${HOST}:${port}`, from: { id: `user-${conv}` }, recipient: { id: 'bot' }, conversation: { id: conv },
  });
}

/**
 * `connections` concurrent conversations. autocannon keeps a context per connection and resets it
 * when its request list starts over, so each connection runs one conversation through all
 * questions, then starts the next conversation with a fresh id.
 */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  let conversations = 0;
  let withoutReply = 0;
  const requests = o.questions.map((text, i) => ({
    method: 'POST',
    path: '/api/messages',
    headers: { 'content-type': 'application/json' },
    setupRequest: (req: Record<string, unknown>, ctx: { conv?: string }) => {
      ctx.conv ??= `bench-${o.tag}-${++conversations}`;
      return { ...req, body: activityBody(ctx.conv, i, text, o.locale, o.port) };
    },
    onResponse: (status: number, body: string) => {
      if (status < 300 && !body.includes('"type":"message"')) withoutReply++;
    },
  }));
  const r = await autocannon({
    url: `http://${HOST}:${o.port}`,
    connections: o.connections,
    duration: o.duration,
    ...(o.amount ? { amount: o.amount } : {}),
    requests,
    timeout: 30,
  });
  return {
    rps: r.duration > 0 ? r['2xx'] / r.duration : 0,
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    requests: r['2xx'] + r.non2xx,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    without_reply: withoutReply,
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, HOST, () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Child {
  proc: ChildProcess;
  port: number;
  /** ms from spawn to the first 200 from /healthz */
  readyMs: number;
  /** last lines of the child's output (for error messages) */
  output: () => string;
}

/** Starts `node [nodeArgs] script` and waits (bounded) until GET /healthz answers 200. */
export async function startChild(
  script: string, env: NodeJS.ProcessEnv, port: number,
  opts: { nodeArgs?: string[]; scriptArgs?: string[]; cwd?: string; timeoutMs?: number } = {},
): Promise<Child> {
  let out = '';
  const keep = (b: Buffer) => { out = (out + b.toString()).slice(-4000); };
  const t0 = performance.now();
  const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), script, ...(opts.scriptArgs ?? [])], { cwd: opts.cwd, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  let exited: number | null | undefined;
  proc.once('exit', (code) => { exited = code; });
  const deadline = t0 + (opts.timeoutMs ?? 120_000);
  while (performance.now() < deadline) {
    if (exited !== undefined) throw new Error(`${script} exited (${exited}) before it answered /healthz:\n${out}`);
    try {
      const res = await fetch(`http://${HOST}:${port}/healthz`);
      if (res.status === 200) {
        const readyMs = performance.now() - t0;
        await res.arrayBuffer();
        return { proc, port, readyMs, output: () => out };
      }
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  proc.kill('SIGKILL');
  throw new Error(`${script} did not answer /healthz within ${opts.timeoutMs ?? 120_000} ms:\n${out}`);
}

/** SIGTERM (so --cpu-prof can write its profile), SIGKILL after 10 s. */
export async function stopChild(c: Child): Promise<void> {
  if (c.proc.exitCode !== null || c.proc.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const kill = setTimeout(() => c.proc.kill('SIGKILL'), 10_000);
    c.proc.once('exit', () => { clearTimeout(kill); resolve(); });
    c.proc.kill('SIGTERM');
  });
}

/** Resident set size of a process in MB, from /proc/PID/status (Linux); undefined elsewhere. */
export function rssMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU time (user + system) a process has used so far in ms, from /proc/PID/stat (Linux). Unlike
 *  throughput it hardly changes when other programs share the machine, so it compares builds. */
export function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); utime and stime are fields 14 and 15
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
  } catch {
    return undefined;
  }
}
