// botbuilder Storage on lowdb: a snapshot file (state.json, written by lowdb/steno atomically) plus
// an append-only journal (state-<generation>.jsonl) of the writes since that snapshot.
//
// Why a journal and not shard files or one file per conversation: docs/decisions.md, "State storage".
// A write resolves once its line has been handed to the OS (as steno's writes do; no fsync).
// Each entry is kept in memory as its JSON text: a write serialises once (that text goes into the
// journal line and, later, unchanged into the snapshot) and a read parses a fresh copy, which is
// cheaper than cloning objects both ways and about half the memory of the parsed state.
// "Delete my data" and the retention purge rewrite the snapshot at once, so removed state does not
// linger in an old journal; it also removes the user's lines from quarantined (.corrupt-*) files.
//
// Bounded (issue 14: a flood of one-turn conversations ran the heap out at ~38,000, and then every
// restart died loading the state): at most maxEntries entries and maxBytes of JSON are held; beyond
// that the least recently written entries give way (the Map is kept in that order). An entry larger
// than maxEntryBytes is not stored (the turn is still answered). The snapshot is one entry per line
// (still a valid JSON document), written as a stream and read line by line with the same caps, so
// neither compaction nor a restart ever needs the whole state as one string.
import * as fs from 'fs';
import * as path from 'path';
import * as readline from 'readline';
import { once } from 'events';
import { Low, type Adapter } from 'lowdb';
import type { Storage, StoreItems } from 'botbuilder';
import { jsonErrorOffset } from '../knowledge/jsonFile';

/** json: the stored object (eTag included) as JSON text */
interface Entry { json: string; eTag: string; touched: number }

/** On disk: { generation, items: { key: { value, touched } } } (the first version's item layout). */
interface Snapshot {
  /** journals of this generation and later hold changes the snapshot does not */
  generation: number;
  items: Map<string, Entry>;
}
interface StoredEntry { value: Record<string, unknown>; touched: number }

function isStoredEntry(e: unknown): e is StoredEntry {
  const x = e as Partial<StoredEntry> | null;
  return !!x && typeof x.value === 'object' && x.value !== null && typeof x.touched === 'number';
}

function entryOf(value: Record<string, unknown>, touched: number): Entry {
  return { json: JSON.stringify(value), eTag: typeof value.eTag === 'string' ? value.eTag : '', touched };
}

export function parseSnapshot(text: string): Snapshot {
  const d = JSON.parse(text) as { generation?: unknown; items?: unknown };
  if (!d || typeof d !== 'object' || typeof d.items !== 'object' || d.items === null || typeof d.generation !== 'number') {
    throw new Error('unexpected content (no "items" object or "generation")');
  }
  const items = new Map<string, Entry>();
  for (const [key, e] of Object.entries(d.items)) if (isStoredEntry(e)) items.set(key, entryOf(e.value, e.touched));
  return { generation: d.generation, items };
}

function snapshotHeader(generation: number): string {
  return `{"generation":${generation},"items":{\n`;
}
const SNAPSHOT_HEADER = /^\{"generation":(\d+),"items":\{$/;
const SNAPSHOT_END = '}}';

function snapshotLine(key: string, e: Entry): string {
  return `${JSON.stringify(key)}:{"value":${e.json},"touched":${e.touched}}`;
}

/** The snapshot text from the entries' JSON, without parsing them again: one entry per line. */
export function stringifySnapshot(snap: Snapshot): string {
  const parts: string[] = [];
  for (const [key, e] of snap.items) parts.push(snapshotLine(key, e));
  return `${snapshotHeader(snap.generation)}${parts.join(',\n')}\n${SNAPSHOT_END}\n`;
}

/** Lines of a file, one at a time (a file larger than the heap can be read). */
async function* linesOf(file: string): AsyncGenerator<string> {
  const input = fs.createReadStream(file, { encoding: 'utf8' });
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of rl) yield line;
  } finally {
    rl.close();
    input.destroy();
  }
}

/** Writes text pieces through a stream to `file` atomically (temp file, then rename), as steno does. */
async function writeAtomically(file: string, pieces: Iterable<string>): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
  const out = fs.createWriteStream(tmp);
  const failed = once(out, 'error').then(([err]) => { throw err as Error; });
  failed.catch(() => undefined);
  let buf = '';
  const flush = async () => {
    if (!out.write(buf)) await Promise.race([once(out, 'drain'), failed]);
    buf = '';
  };
  for (const p of pieces) {
    buf += p;
    if (buf.length >= 64 * 1024) await flush();
  }
  if (buf) await flush();
  await Promise.race([new Promise<void>((resolve) => out.end(() => resolve())), failed]);
  await fs.promises.rename(tmp, file);
}

/**
 * lowdb adapter for the snapshot: written as a stream, read line by line. Each entry goes through
 * `admit` (the storage's caps) as it is read. A snapshot in the first, single-line layout is parsed
 * whole (once; the next compaction writes lines). An unreadable entry line is skipped and kept in
 * a quarantine file; an unreadable header makes read() throw (the file is moved aside).
 */
class LineSnapshotFile implements Adapter<Snapshot> {
  constructor(
    private readonly file: string,
    private readonly hooks: { admit(key: string, e: Entry): void; items(): Map<string, Entry>; badLine(line: string, no: number, err: Error): void },
  ) {}

  async read(): Promise<Snapshot | null> {
    if (!fs.existsSync(this.file)) return null;
    let generation: number | undefined;
    let no = 0;
    for await (const line of linesOf(this.file)) {
      no++;
      if (no === 1) {
        const m = SNAPSHOT_HEADER.exec(line);
        if (!m) break;
        generation = Number(m[1]);
        continue;
      }
      if (!line || line === SNAPSHOT_END) continue;
      try {
        const o = JSON.parse(`{${line.endsWith(',') ? line.slice(0, -1) : line}}`) as Record<string, unknown>;
        const [key, e] = Object.entries(o)[0] ?? [];
        if (key === undefined || !isStoredEntry(e)) throw new Error('not an entry');
        this.hooks.admit(key, entryOf(e.value, e.touched));
      } catch (err) {
        this.hooks.badLine(line, no, err as Error);
      }
    }
    if (generation !== undefined) return { generation, items: this.hooks.items() };
    const old = parseSnapshot(await fs.promises.readFile(this.file, 'utf8'));
    for (const [key, e] of old.items) this.hooks.admit(key, e);
    return { generation: old.generation, items: this.hooks.items() };
  }

  async write(snap: Snapshot): Promise<void> {
    const items = snap.items;
    function* pieces(): Generator<string> {
      yield snapshotHeader(snap.generation);
      let first = true;
      for (const [key, e] of items) {
        yield `${first ? '' : ',\n'}${snapshotLine(key, e)}`;
        first = false;
      }
      yield `\n${SNAPSHOT_END}\n`;
    }
    await writeAtomically(this.file, pieces());
  }
}

/** One journal line: a write. Deletes are never journalled: they rewrite the snapshot at once. */
interface JournalLine { k: string; v?: Record<string, unknown>; t?: number }

function journalLine(key: string, e: Entry): string {
  return `{"k":${JSON.stringify(key)},"v":${e.json},"t":${e.touched}}\n`;
}

export interface StateLimits {
  /** entries held at most (conversation and user state count separately) */
  maxEntries: number;
  /** JSON characters of all entries together */
  maxBytes: number;
  /** JSON characters of one entry; a larger write is not stored */
  maxEntryBytes: number;
}

export const DEFAULT_STATE_LIMITS: StateLimits = { maxEntries: 60_000, maxBytes: 64 * 1024 * 1024, maxEntryBytes: 64 * 1024 };

export interface LowdbStorageOptions {
  dir: string;
  retentionDays: number;
  limits?: Partial<StateLimits>;
  /** rewrite the snapshot when the journal is larger than this many bytes and than the snapshot */
  compactBytes?: number;
  now?: () => number;
  warn?: (msg: string) => void;
}

const SNAPSHOT = 'state.json';
const JOURNAL = /^state-(\d+)\.jsonl$/;
/** The layout of the first version: state-NN.json shards with { items: { key: { value, touched } } }. */
const LEGACY_SHARD = /^state-\d\d\.json$/;

const LOCK = 'owner.lock';

/**
 * One process per state folder: a second bot on the same folder would append to the same journal
 * and overwrite the other's snapshot. The folder holds the owner's process id. A live other process
 * gets `waitMs` to end (a restart whose old process is still shutting down), then this start stops
 * with a clear message; a dead owner (crash) is taken over. The same process may open it again (a
 * restart inside one process, as in the tests).
 */
export async function claimFolder(dir: string, opts: { pid?: number; alive?: (pid: number) => boolean; waitMs?: number } = {}): Promise<void> {
  const pid = opts.pid ?? process.pid;
  const alive = opts.alive ?? isAlive;
  const file = path.join(dir, LOCK);
  const owner = fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8').trim()) : NaN;
  if (Number.isInteger(owner) && owner > 0 && owner !== pid) {
    const until = Date.now() + (opts.waitMs ?? 10_000);
    while (alive(owner)) {
      if (Date.now() >= until) {
        throw new Error(`The state folder ${dir} is in use by process ${owner}. Run one bot per DATA_DIR (or remove ${file} if that process is not a Pflegenetz bot).`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  fs.writeFileSync(file, `${pid}\n`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class LowdbStorage implements Storage {
  /** in order of the last write: the first entry is the one to give way */
  private readonly items = new Map<string, Entry>();
  private bytes = 0;
  private readonly limits: StateLimits;
  /** entries dropped for the caps since the start (figures for docs/hostile.md) */
  evicted = 0;
  refused = 0;
  private readonly now: () => number;
  private readonly compactBytes: number;
  private snapshot!: Low<Snapshot>;
  private snapshotBytes = 0;
  private generation = 1;
  private journal!: fs.WriteStream;
  private journalBytes = 0;
  private compacting?: Promise<void>;
  private etag = 0;
  private readonly etagPrefix = Date.now().toString(36);

  private constructor(private readonly opts: LowdbStorageOptions) {
    this.now = opts.now ?? Date.now;
    this.compactBytes = opts.compactBytes ?? 4 * 1024 * 1024;
    this.limits = { ...DEFAULT_STATE_LIMITS, ...opts.limits };
  }

  private static sizeOf(key: string, e: Entry): number {
    return key.length + e.json.length + 64;
  }

  /** Stores an entry as the most recent one, then lets the oldest give way until the caps hold. */
  private admit(key: string, e: Entry): void {
    this.remove(key);
    this.items.set(key, e);
    this.bytes += LowdbStorage.sizeOf(key, e);
    for (const [k] of this.items) {
      if (this.items.size <= 1 || (this.items.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes)) break;
      this.remove(k);
      this.evicted++;
    }
  }

  private remove(key: string): boolean {
    const old = this.items.get(key);
    if (!old) return false;
    this.items.delete(key);
    this.bytes -= LowdbStorage.sizeOf(key, old);
    return true;
  }

  static async open(opts: LowdbStorageOptions): Promise<LowdbStorage> {
    const s = new LowdbStorage(opts);
    fs.mkdirSync(opts.dir, { recursive: true });
    await claimFolder(opts.dir);
    await s.load();
    await s.purgeExpired();
    return s;
  }

  private file(name: string): string {
    return path.join(this.opts.dir, name);
  }

  private warn(msg: string): void {
    this.opts.warn?.(msg);
  }

  /** A damaged file must not stop the bot: keep it for inspection and say exactly what happened. */
  private moveAside(file: string, err: Error): void {
    // the line is worth a look only in a file that fits in memory comfortably
    const small = fs.existsSync(file) && fs.statSync(file).size <= 16 * 1024 * 1024;
    const text = small ? fs.readFileSync(file, 'utf8') : '';
    const at = text ? jsonErrorOffset(text) : -1;
    const line = at >= 0 ? ` line ${text.slice(0, at).split('\n').length}` : '';
    const aside = `${file}.corrupt-${this.now()}`;
    if (fs.existsSync(file)) fs.renameSync(file, aside);
    this.warn(`State file ${file}${line} is unreadable (${err.message}); moved to ${aside}, starting without it.`);
  }

  private async load(): Promise<void> {
    const snapFile = this.file(SNAPSHOT);
    const quarantine = `${snapFile}.corrupt-${this.now()}`;
    this.snapshot = new Low<Snapshot>(new LineSnapshotFile(snapFile, {
      admit: (key, e) => this.admit(key, e),
      items: () => this.items,
      badLine: (line, no, err) => {
        // kept for inspection like a damaged file (and cleaned by "delete my data" and retention)
        fs.appendFileSync(quarantine, `${line}\n`);
        this.warn(`State file ${snapFile} line ${no} is unreadable (${err.message}); that entry is skipped and kept in ${quarantine}.`);
      },
    }), { generation: 1, items: new Map() });
    try {
      await this.snapshot.read();
    } catch (err) {
      this.items.clear();
      this.bytes = 0;
      this.moveAside(snapFile, err as Error);
      this.snapshot.data = { generation: 1, items: new Map() };
    }
    this.snapshotBytes = fs.existsSync(snapFile) ? fs.statSync(snapFile).size : 0;
    this.generation = this.snapshot.data.generation;
    this.loadLegacyShards();
    // Replay the journals the snapshot does not contain, oldest first; older ones are left-overs of
    // a compaction that stopped before it could remove them.
    const journals = fs.readdirSync(this.opts.dir).map((f) => ({ f, m: JOURNAL.exec(f) })).filter((j) => j.m)
      .map((j) => ({ file: this.file(j.f), gen: Number(j.m![1]) })).sort((a, b) => a.gen - b.gen);
    for (const j of journals) {
      if (j.gen < this.generation) fs.rmSync(j.file, { force: true });
      else await this.replay(j.file);
    }
    // Start a fresh journal generation and fold everything replayed into a new snapshot.
    const replayed = journals.some((j) => j.gen >= this.generation);
    this.openJournal(Math.max(this.generation, ...journals.map((j) => j.gen + 1)));
    if (replayed || this.legacy.length) await this.compact();
    // state must not outlive "delete my data" or the retention period in an old file
    for (const f of this.legacy) fs.rmSync(f, { force: true });
  }

  /** shard files of the first version, read into memory; removed once the snapshot holds them */
  private readonly legacy: string[] = [];

  /** The first version kept 16 shard files; their entries move into the snapshot once. */
  private loadLegacyShards(): void {
    for (const f of fs.readdirSync(this.opts.dir)) {
      if (!LEGACY_SHARD.test(f)) continue;
      const file = this.file(f);
      try {
        const items = (JSON.parse(fs.readFileSync(file, 'utf8')) as { items?: Record<string, unknown> }).items ?? {};
        for (const [key, e] of Object.entries(items)) {
          if (isStoredEntry(e) && !this.items.has(key)) this.admit(key, entryOf(e.value, e.touched));
        }
        this.legacy.push(file);
        this.warn(`State file ${file} (first version) is moved into ${SNAPSHOT} and then removed.`);
      } catch (err) {
        this.moveAside(file, err as Error);
      }
    }
  }

  private async replay(file: string): Promise<void> {
    let i = 0;
    for await (const text of linesOf(file)) {
      i++;
      if (!text.trim()) continue;
      try {
        const l = JSON.parse(text) as JournalLine;
        if (typeof l.k !== 'string') throw new Error('no key');
        if (l.v && typeof l.v === 'object' && typeof l.t === 'number') this.admit(l.k, entryOf(l.v, l.t));
      } catch (err) {
        // a line cut short by a crash: everything before it is kept
        this.warn(`State journal ${file} line ${i} is unreadable (${(err as Error).message}); that change is skipped.`);
      }
    }
  }

  private openJournal(generation: number): void {
    this.generation = generation;
    this.journal = fs.createWriteStream(this.file(`state-${generation}.jsonl`), { flags: 'a' });
    // errors reach the waiting writes through their callbacks; a failed stream is replaced by the
    // next write (see write), which first saves everything in memory as a new snapshot
    this.journal.on('error', () => undefined);
    this.journalBytes = 0;
  }

  private append(text: string): Promise<void> {
    this.journalBytes += Buffer.byteLength(text);
    const stream = this.journal;
    return new Promise((resolve, reject) => stream.write(text, (err) => (err ? reject(err) : resolve())));
  }

  async read(keys: string[]): Promise<StoreItems> {
    const out: StoreItems = {};
    const limit = this.limit;
    for (const key of keys) {
      const e = this.items.get(key);
      // expired but not yet purged counts as gone
      if (e && e.touched >= limit) out[key] = JSON.parse(e.json) as Record<string, unknown>;
    }
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    if (this.journal.destroyed) await this.compact();
    const writes: Promise<void>[] = [];
    for (const [key, value] of Object.entries(changes)) {
      const old = this.items.get(key);
      const newTag = (value as { eTag?: string }).eTag;
      // Optimistic concurrency as in botbuilder's MemoryStorage: '*' or a matching eTag wins.
      if (old && newTag && newTag !== '*' && old.eTag !== newTag) {
        throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
      }
      const entry = entryOf({ ...value, eTag: `${this.etagPrefix}-${++this.etag}` }, this.now());
      if (entry.json.length > this.limits.maxEntryBytes) {
        // not stored (the previous state stays); the turn itself has been answered
        this.refused++;
        this.warn(`State entry of ${entry.json.length} characters is larger than ${this.limits.maxEntryBytes} (STATE_MAX_ENTRY_BYTES); not stored.`);
        continue;
      }
      this.admit(key, entry);
      writes.push(this.append(journalLine(key, entry)));
    }
    await Promise.all(writes);
    // this turn's lines are already in the journal: it need not wait for the snapshot
    if (this.journalBytes > this.compactBytes && this.journalBytes > this.snapshotBytes && !this.compacting) {
      this.compact().catch((err: Error) => this.warn(`State snapshot could not be written (${err.message}); the journal keeps every change.`));
    }
  }

  async delete(keys: string[]): Promise<void> {
    let removed = false;
    for (const key of keys) {
      if (this.remove(key)) removed = true;
    }
    // the old values are in the snapshot or a journal: rewrite so that they are gone from disk
    if (removed) await this.compact();
    // and in quarantined files, which are otherwise kept for inspection until retention ends
    await this.scrubQuarantine(keys);
  }

  /**
   * Removes every line that names one of the keys from the .corrupt-* files. Snapshot and journal
   * lines hold one entry each; a damaged file of the first layout is one line, which then goes
   * whole. A file left empty is removed.
   */
  private async scrubQuarantine(keys: string[]): Promise<void> {
    const needles = keys.map((k) => JSON.stringify(k));
    for (const f of fs.readdirSync(this.opts.dir)) {
      if (!/\.corrupt-\d+$/.test(f)) continue;
      const file = this.file(f);
      const kept: string[] = [];
      let dropped = false;
      for await (const line of linesOf(file)) {
        if (needles.some((n) => line.includes(n))) dropped = true;
        else kept.push(line);
      }
      if (!dropped) continue;
      if (!kept.some((l) => l.trim())) fs.rmSync(file, { force: true });
      else await writeAtomically(file, kept.map((l) => `${l}\n`));
    }
  }

  private get limit(): number {
    return this.now() - this.opts.retentionDays * 86_400_000;
  }

  /** Removes entries not touched within the retention period, and damaged files moved aside
   *  longer ago than that (they hold state too). Returns how many entries were removed. */
  async purgeExpired(): Promise<number> {
    const limit = this.limit;
    for (const f of fs.readdirSync(this.opts.dir)) {
      const m = /\.corrupt-(\d+)$/.exec(f);
      if (m && Number(m[1]) < limit) fs.rmSync(this.file(f), { force: true });
    }
    let removed = 0;
    for (const [key, e] of this.items) {
      if (!(e.touched >= limit)) {
        this.remove(key);
        removed++;
      }
    }
    if (removed) await this.compact();
    return removed;
  }

  /**
   * Writes the snapshot of everything in memory and removes the journals it covers. Turns go on
   * meanwhile: their lines go to the next journal generation, which the snapshot does not claim.
   * Crash-safe at every step: the snapshot names the first journal generation it does not contain.
   */
  private compact(): Promise<void> {
    const run = async (): Promise<void> => {
      const old = this.journal;
      const oldGen = this.generation;
      this.openJournal(oldGen + 1);
      this.snapshot.data = { generation: this.generation, items: new Map(this.items) };
      if (!old.destroyed) await new Promise<void>((resolve) => old.end(() => resolve()));
      await this.snapshot.write();
      this.snapshotBytes = fs.statSync(this.file(SNAPSHOT)).size;
      for (const f of fs.readdirSync(this.opts.dir)) {
        const m = JOURNAL.exec(f);
        if (m && Number(m[1]) < this.generation) fs.rmSync(this.file(f), { force: true });
      }
    };
    // one compaction at a time; a request during one runs after it (it must include later changes)
    const next = (this.compacting ?? Promise.resolve()).catch(() => undefined).then(run);
    this.compacting = next;
    void next.finally(() => {
      if (this.compacting === next) this.compacting = undefined;
    }).catch(() => undefined);
    return next;
  }

  /** Waits until every started write has reached the files (for a clean shutdown). */
  async settle(): Promise<void> {
    await this.compacting?.catch(() => undefined);
    await new Promise<void>((resolve) => {
      if (this.journal.writableLength === 0 || this.journal.destroyed) resolve();
      else this.journal.once('drain', () => resolve());
    });
  }

  /** Number of stored entries (for tests and the privacy statement). */
  size(): number {
    return this.items.size;
  }

  /** JSON characters held (what the caps count). */
  heldBytes(): number {
    return this.bytes;
  }
}
