// botbuilder Storage on lowdb: one small JSON file per storage key (a conversation's or a user's
// state), under <dir>/<2 hex>/<sha1 of the key>.json.
//
// Why one file per key: the first design kept every conversation in 16 shard files, and each turn
// serialised its whole shard. `npm run bench -- --cpu-prof` showed that cost growing with the number
// of stored conversations (all of the retention period), not with the turn. Now a turn writes only
// its own state (a few KB). steno (lowdb's writer) writes atomically (temp file + rename) and
// coalesces: while a file is being written, further writes to it wait and only the newest runs.
// Recently used keys stay in memory (bounded LRU); the rest is read from disk when needed.
import * as fs from 'fs';
import * as path from 'path';
import { createHash } from 'crypto';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { Storage, StoreItems } from 'botbuilder';
import { jsonErrorOffset } from '../knowledge/jsonFile';

interface StateFile {
  key: string;
  /** last write, ms since epoch: retention counts from here */
  touched: number;
  value: Record<string, unknown>;
}

export interface LowdbStorageOptions {
  dir: string;
  retentionDays: number;
  /** how many keys stay in memory (default 2000); the files hold everything */
  maxCached?: number;
  now?: () => number;
  warn?: (msg: string) => void;
}

type Doc = Low<StateFile | null>;

/** The layout of the first version: state-NN.json shards with { items: { key: { value, touched } } }. */
const LEGACY_SHARD = /^state-\d\d\.json$/;

export class LowdbStorage implements Storage {
  private readonly docs = new Map<string, Promise<Doc>>();
  private readonly pending = new Map<string, Promise<void>>();
  /** sub-folders known to exist (saves a mkdir per turn) */
  private readonly folders = new Set<string>();
  private readonly now: () => number;
  private readonly maxCached: number;
  private etag = 0;
  private readonly etagPrefix = Date.now().toString(36);

  private constructor(private readonly opts: LowdbStorageOptions) {
    this.now = opts.now ?? Date.now;
    this.maxCached = opts.maxCached ?? 2000;
  }

  static async open(opts: LowdbStorageOptions): Promise<LowdbStorage> {
    const s = new LowdbStorage(opts);
    fs.mkdirSync(opts.dir, { recursive: true });
    await s.migrateShards();
    await s.purgeExpired();
    return s;
  }

  private fileOf(key: string): string {
    const h = createHash('sha1').update(key).digest('hex');
    return path.join(this.opts.dir, h.slice(0, 2), `${h}.json`);
  }

  private get limit(): number {
    return this.now() - this.opts.retentionDays * 86_400_000;
  }

  /** The document of a key, from memory or disk. A damaged file is moved aside with its line. */
  private doc(key: string): Promise<Doc> {
    const cached = this.docs.get(key);
    if (cached) {
      // most recently used goes to the end of the Map (insertion order = LRU order)
      this.docs.delete(key);
      this.docs.set(key, cached);
      return cached;
    }
    const loading = (async () => {
      const file = this.fileOf(key);
      const db: Doc = new Low<StateFile | null>(new JSONFile<StateFile | null>(file), null);
      try {
        await db.read();
        const d = db.data;
        if (d !== null && (typeof d !== 'object' || typeof d.value !== 'object' || d.value === null || typeof d.touched !== 'number')) {
          throw new Error('unexpected content (no "value" object or "touched" time)');
        }
        // another key with the same SHA-1 is not a realistic case, but never hand out foreign state
        if (d && d.key !== key) db.data = null;
      } catch (err) {
        this.moveAside(file, err as Error);
        db.data = null;
      }
      return db;
    })();
    this.docs.set(key, loading);
    this.evict();
    return loading;
  }

  private moveAside(file: string, err: Error): void {
    // A damaged state file must not stop the bot: keep it for inspection, say exactly what happened.
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    const at = text ? jsonErrorOffset(text) : -1;
    const line = at >= 0 ? ` line ${text.slice(0, at).split('\n').length}` : '';
    const aside = `${file}.corrupt-${this.now()}`;
    if (fs.existsSync(file)) fs.renameSync(file, aside);
    this.opts.warn?.(`State file ${file}${line} is unreadable (${err.message}); moved to ${aside}, that conversation starts afresh.`);
  }

  private async ensureFolder(key: string): Promise<void> {
    const folder = path.dirname(this.fileOf(key));
    if (this.folders.has(folder)) return;
    await fs.promises.mkdir(folder, { recursive: true });
    this.folders.add(folder);
  }

  /** Drops the least recently used documents beyond maxCached (never one with a write under way). */
  private evict(): void {
    if (this.docs.size <= this.maxCached) return;
    for (const key of this.docs.keys()) {
      if (this.docs.size <= this.maxCached) break;
      if (!this.pending.has(key)) this.docs.delete(key);
    }
  }

  private track(key: string, write: Promise<void>): Promise<void> {
    const p = write.finally(() => {
      if (this.pending.get(key) === p) this.pending.delete(key);
    });
    this.pending.set(key, p);
    return p;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const out: StoreItems = {};
    const limit = this.limit;
    for (const key of keys) {
      const d = (await this.doc(key)).data;
      // expired but not yet purged counts as gone
      if (d && d.touched >= limit) out[key] = structuredClone(d.value);
    }
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    const writes: Promise<void>[] = [];
    for (const [key, value] of Object.entries(changes)) {
      const db = await this.doc(key);
      const old = db.data;
      const newTag = (value as { eTag?: string }).eTag;
      // Optimistic concurrency as in botbuilder's MemoryStorage: '*' or a matching eTag wins.
      if (old && newTag && newTag !== '*' && old.value.eTag !== newTag) {
        throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
      }
      const copy = structuredClone(value) as Record<string, unknown>;
      copy.eTag = `${this.etagPrefix}-${++this.etag}`;
      db.data = { key, touched: this.now(), value: copy };
      writes.push(this.track(key, this.ensureFolder(key).then(() => db.write())));
    }
    await Promise.all(writes);
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) {
      const db = await this.doc(key);
      db.data = null;
      // a write under way would put the file back after the removal
      await this.pending.get(key)?.catch(() => undefined);
      this.docs.delete(key);
      await fs.promises.rm(this.fileOf(key), { force: true });
    }
  }

  /** Every state file (path), skipping steno's temp files and moved-aside ones. */
  private files(): string[] {
    const out: string[] = [];
    for (const sub of fs.readdirSync(this.opts.dir, { withFileTypes: true })) {
      if (!sub.isDirectory() || !/^[0-9a-f]{2}$/.test(sub.name)) continue;
      const dir = path.join(this.opts.dir, sub.name);
      for (const f of fs.readdirSync(dir)) if (/^[0-9a-f]{40}\.json$/.test(f)) out.push(path.join(dir, f));
    }
    return out;
  }

  /** Removes entries not touched within the retention period. Returns how many were removed. */
  async purgeExpired(): Promise<number> {
    const limit = this.limit;
    let removed = 0;
    for (const file of this.files()) {
      let entry: Partial<StateFile> | undefined;
      try {
        entry = JSON.parse(await fs.promises.readFile(file, 'utf8')) as Partial<StateFile>;
      } catch {
        continue; // damaged: reported and moved aside when its conversation comes back
      }
      if (entry && typeof entry.touched === 'number' && entry.touched >= limit) continue;
      const key = typeof entry?.key === 'string' ? entry.key : undefined;
      if (key) {
        await this.pending.get(key)?.catch(() => undefined);
        const cached = await this.docs.get(key);
        // written again since we read the file: keep it
        if (cached?.data && cached.data.touched >= limit) continue;
        this.docs.delete(key);
      }
      await fs.promises.rm(file, { force: true });
      removed++;
    }
    return removed;
  }

  /** Moves the entries of the first version's shard files into per-key files, once. */
  private async migrateShards(): Promise<void> {
    for (const f of fs.readdirSync(this.opts.dir)) {
      if (!LEGACY_SHARD.test(f)) continue;
      const file = path.join(this.opts.dir, f);
      let items: Record<string, { value?: Record<string, unknown>; touched?: number }> = {};
      try {
        items = (JSON.parse(fs.readFileSync(file, 'utf8')) as { items?: typeof items }).items ?? {};
      } catch (err) {
        this.moveAside(file, err as Error);
        continue;
      }
      for (const [key, entry] of Object.entries(items)) {
        if (!entry?.value || typeof entry.touched !== 'number') continue;
        const db = await this.doc(key);
        db.data = { key, touched: entry.touched, value: entry.value };
        await this.ensureFolder(key);
        await db.write();
      }
      fs.renameSync(file, `${file}.migrated`);
      this.opts.warn?.(`State file ${file} was moved into one file per conversation (kept as ${f}.migrated).`);
    }
  }

  /** Waits until every started write has reached its file (for a clean shutdown). */
  async settle(): Promise<void> {
    await Promise.all([...this.pending.values()].map((p) => p.catch(() => undefined)));
  }

  /** Number of stored entries on disk (for tests and the privacy statement). */
  size(): number {
    return this.files().length;
  }
}
