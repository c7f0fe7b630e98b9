// Summarises a V8 .cpuprofile (from `npm run bench -- --cpu-prof DIR`): self time by function and by
// package or project file, leaving out module loading and buildApp so the load window shows.
// Usage: node dist/scripts/bench/profileSummary.js FILE.cpuprofile|DIR [rows] (DIR: its newest profile)
import * as fs from 'node:fs';
import * as path from 'node:path';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const STARTUP = new Set(['executeUserEntryPoint', 'buildApp']);

export function summarise(p: Profile, rows = 25): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const startup = new Map<number, boolean>();
  const isStartup = (id: number): boolean => {
    const known = startup.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const v = STARTUP.has(byId.get(id)?.callFrame.functionName ?? '') || (up !== undefined && isStartup(up));
    startup.set(id, v);
    return v;
  };
  const short = (url: string) => url.replace(/^file:\/\//, '').replace(/.*node_modules\//, 'nm/').replace(/.*\/dist\//, '');
  const fn = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  const group = (n: ProfileNode) => {
    const u = n.callFrame.url;
    if (!u) return n.callFrame.functionName;
    const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(u);
    if (pkg) return `nm/${pkg[1]}`;
    const own = /\/dist\/(.*)$/.exec(u);
    return own ? own[1] : u.startsWith('node:') ? 'node internals' : short(u);
  };
  const self = new Map<string, number>();
  const groups = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    if (isStartup(id)) return;
    const n = byId.get(id);
    const dt = p.timeDeltas[i] ?? 0;
    if (!n) return;
    total += dt;
    self.set(fn(n), (self.get(fn(n)) ?? 0) + dt);
    groups.set(group(n), (groups.get(group(n)) ?? 0) + dt);
  });
  const table = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, rows)
    .map(([k, t]) => `${(t / 1000).toFixed(0).padStart(7)} ms ${((100 * t) / (total || 1)).toFixed(1).padStart(5)} %  ${k}`).join('\n');
  return `load window (startup left out): ${(total / 1000).toFixed(0)} ms\n-- self time by package / file\n${table(groups)}\n-- self time by function\n${table(self)}`;
}

/** A .cpuprofile file, or the newest one in a folder (a --cpu-prof folder keeps earlier runs too). */
export function profileFile(fileOrDir: string): string {
  if (!fs.statSync(fileOrDir).isDirectory()) return fileOrDir;
  const newest = fs.readdirSync(fileOrDir).filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => ({ f: path.join(fileOrDir, f), t: fs.statSync(path.join(fileOrDir, f)).mtimeMs })).sort((a, b) => b.t - a.t)[0];
  if (!newest) throw new Error(`no .cpuprofile file in ${fileOrDir}`);
  return newest.f;
}

if (require.main === module) {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: node dist/scripts/bench/profileSummary.js FILE.cpuprofile|DIR [rows]');
    process.exitCode = 2;
  } else {
    const file = profileFile(target);
    console.log(`profile ${file}`);
    console.log(summarise(JSON.parse(fs.readFileSync(file, 'utf8')) as Profile, Number(process.argv[3]) || 25));
  }
}
