// The safety prefilter's literal gate kept on disk between starts. Reading ~660 pattern sources and
// building the automaton over their ~2,900 literals was the largest own item of the bot's start
// (docs/turn-cost-2026-12.md). The file is keyed by a sha256 over the sources and the code that builds
// the gate, so other patterns or another reader build anew; a file that fails its checks is rebuilt.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeCacheFile } from '../cacheFile';
import { LiteralGate, type GateTables } from './literals';

const GATE_FORMAT = 1;
// Not 'safety-': the classifier's cache removes every other 'safety-*.json' beside it.
const PREFIX = 'literal-gate-';

interface GateJson {
  literals: number;
  parts: number[][][];
  width: number;
  column: string;
  delta: string;
  outAt: string;
  outIds: string;
}
interface GateCacheFile { format: number; key: string; data: GateJson }

/** sha256 over the sources and the gate's own code (any change to how a gate is read or built rebuilds) */
export function literalGateKey(sources: readonly string[]): string {
  const h = createHash('sha256').update(`${GATE_FORMAT}\u0000${JSON.stringify(sources)}\u0000`);
  h.update(fs.readFileSync(require.resolve('./literals'), 'utf8'));
  return h.digest('hex');
}

const toBase64 = (a: Uint8Array | Int32Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
function bytes(s: unknown): Uint8Array {
  if (typeof s !== 'string') throw new Error('a table is missing');
  const buf = Buffer.from(s, 'base64');
  const copy = new Uint8Array(buf.length); // an own, aligned buffer for the Int32Array views
  copy.set(buf);
  return copy;
}
function int32s(s: unknown): Int32Array {
  const b = bytes(s);
  if (b.length % 4) throw new Error('a table is cut short');
  return new Int32Array(b.buffer);
}

function toJson(t: GateTables): GateJson {
  return { literals: t.literals, parts: t.parts, width: t.width, column: toBase64(t.column), delta: toBase64(t.delta), outAt: toBase64(t.outAt), outIds: toBase64(t.outIds) };
}

const isIdList = (x: unknown, below: number): boolean => Array.isArray(x) && x.every((v) => Number.isInteger(v) && v >= 0 && v < below);
const within = (a: Int32Array, below: number): boolean => a.every((v) => v >= 0 && v < below);

/** The tables of a cache file, checked so that no index the scan follows points outside its table:
 *  a file cut short, edited or from other sources throws (and is rebuilt). */
function fromJson(d: GateJson, sources: number): GateTables {
  const { literals, width } = d;
  if (!Number.isInteger(literals) || literals < 0 || !Number.isInteger(width) || width < 1 || width > 128) throw new Error('sizes');
  if (!Array.isArray(d.parts) || d.parts.length !== sources || !d.parts.every((p) => Array.isArray(p) && p.every((alts) => isIdList(alts, literals)))) throw new Error('parts');
  const column = bytes(d.column);
  const delta = int32s(d.delta);
  const outAt = int32s(d.outAt);
  const outIds = int32s(d.outIds);
  if (column.length !== 128 || !column.every((c) => c < width)) throw new Error('column');
  const states = delta.length / width;
  if (!Number.isInteger(states) || states < 1 || !within(delta, states)) throw new Error('delta');
  if (outAt.length !== states + 1 || outAt[0] !== 0 || outAt[states] !== outIds.length || !outAt.every((v, i) => i === 0 || v >= outAt[i - 1])) throw new Error('outAt');
  if (!within(outIds, literals)) throw new Error('outIds');
  return { literals, parts: d.parts, width, column, delta, outAt, outIds };
}

/** The gate over `sources` from the cache in `cacheDir` when its key matches, otherwise built and
 *  written (write-then-rename, older gate caches removed). An unwritable folder costs only the build. */
export function cachedLiteralGate(sources: readonly string[], cacheDir: string, log: (m: string) => void = () => undefined): LiteralGate {
  const key = literalGateKey(sources);
  const file = path.join(cacheDir, `${PREFIX}${key.slice(0, 16)}.json`);
  if (fs.existsSync(file)) {
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<GateCacheFile>;
      if (parsed.format !== GATE_FORMAT || parsed.key !== key || !parsed.data) throw new Error('format or key mismatch');
      return new LiteralGate(sources, fromJson(parsed.data, sources.length));
    } catch (err) {
      log(`safety: literal gate cache ${path.basename(file)} is unreadable (${(err as Error).message}); rebuilding`);
    }
  }
  const gate = new LiteralGate(sources);
  writeCacheFile(cacheDir, file, PREFIX, JSON.stringify({ format: GATE_FORMAT, key, data: toJson(gate.tables) } satisfies GateCacheFile),
    (m) => log(`safety: could not write the literal gate cache (${m}); continuing without`));
  return gate;
}
