// botbuilder Storage on lowdb JSON files. Conversation and user state live in memory for speed and
// are written through to a small number of shard files, so concurrent turns of different
// conversations do not queue behind one big file. steno (lowdb's writer) writes atomically
// (temp file + rename). Writes to a shard are coalesced here, before lowdb serialises the shard:
// at most one write runs and one waits per shard, and every turn that asks meanwhile joins the
// waiting one, so a shard is stringified once per flush, not once per turn.
import * as fs from 'fs';
import * as path from 'path';
import { createHash } from 'crypto';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { Storage, StoreItems } from 'botbuilder';
import { jsonErrorOffset } from '../knowledge/jsonFile';

interface ShardData {
  items: Record<string, { value: Record<string, unknown>; touched: number }>;
}

export interface LowdbStorageOptions {
  dir: string;
  shards?: number;
  retentionDays: number;
  now?: () => number;
  warn?: (msg: string) => void;
}

interface Flush { running?: Promise<void>; queued?: Promise<void> }

export class LowdbStorage implements Storage {
  private readonly shards: Low<ShardData>[] = [];
  private readonly flushes = new Map<Low<ShardData>, Flush>();
  private etag = 0;
  private readonly now: () => number;

  private constructor(private readonly opts: LowdbStorageOptions) {
    this.now = opts.now ?? Date.now;
  }

  static async open(opts: LowdbStorageOptions): Promise<LowdbStorage> {
    const s = new LowdbStorage(opts);
    await s.init();
    return s;
  }

  private async init(): Promise<void> {
    fs.mkdirSync(this.opts.dir, { recursive: true });
    const n = this.opts.shards ?? 16;
    for (let i = 0; i < n; i++) {
      const file = path.join(this.opts.dir, `state-${String(i).padStart(2, '0')}.json`);
      const db = new Low<ShardData>(new JSONFile<ShardData>(file), { items: {} });
      try {
        await db.read();
        if (!db.data || typeof db.data !== 'object' || typeof db.data.items !== 'object' || db.data.items === null) {
          throw new Error('unexpected content (no "items" object)');
        }
      } catch (err) {
        // A damaged state file must not stop the bot (or make it crash-loop): keep the file for
        // inspection, say exactly what happened, and start that shard empty.
        const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
        const at = text ? jsonErrorOffset(text) : -1;
        const loc = at >= 0 ? { line: text.slice(0, at).split('\n').length } : undefined;
        const aside = `${file}.corrupt-${this.now()}`;
        if (fs.existsSync(file)) fs.renameSync(file, aside);
        this.opts.warn?.(`State file ${file}${loc ? ` line ${loc.line}` : ''} is unreadable (${(err as Error).message}); moved to ${aside}, starting that part of the state empty.`);
        db.data = { items: {} };
      }
      this.shards.push(db);
    }
    await this.purgeExpired();
  }

  /** Resolves once a write that includes every change made so far has reached the file. */
  private flush(shard: Low<ShardData>): Promise<void> {
    let f = this.flushes.get(shard);
    if (!f) this.flushes.set(shard, (f = {}));
    if (f.queued) return f.queued;
    const state = f;
    const queued = (async () => {
      await state.running?.catch(() => undefined);
      state.queued = undefined; // the shard is serialised now: later changes need the next write
      const running = shard.write();
      state.running = running;
      try {
        await running;
      } finally {
        if (state.running === running) state.running = undefined;
      }
    })();
    state.queued = queued;
    return queued;
  }

  private shardOf(key: string): Low<ShardData> {
    const h = createHash('sha1').update(key).digest();
    return this.shards[h.readUInt32BE(0) % this.shards.length];
  }

  async read(keys: string[]): Promise<StoreItems> {
    const out: StoreItems = {};
    for (const key of keys) {
      const entry = this.shardOf(key).data.items[key];
      if (entry) out[key] = structuredClone(entry.value);
    }
    return out;
  }

  async write(changes: StoreItems): Promise<void> {
    const dirty = new Set<Low<ShardData>>();
    for (const [key, value] of Object.entries(changes)) {
      const shard = this.shardOf(key);
      const old = shard.data.items[key];
      const newTag = (value as { eTag?: string }).eTag;
      // Optimistic concurrency as in botbuilder's MemoryStorage: '*' or a matching eTag wins.
      if (old && newTag && newTag !== '*' && old.value.eTag !== newTag) {
        throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
      }
      const copy = structuredClone(value) as Record<string, unknown>;
      copy.eTag = String(++this.etag);
      shard.data.items[key] = { value: copy, touched: this.now() };
      dirty.add(shard);
    }
    await Promise.all([...dirty].map((s) => this.flush(s)));
  }

  async delete(keys: string[]): Promise<void> {
    const dirty = new Set<Low<ShardData>>();
    for (const key of keys) {
      const shard = this.shardOf(key);
      if (key in shard.data.items) {
        delete shard.data.items[key];
        dirty.add(shard);
      }
    }
    await Promise.all([...dirty].map((s) => this.flush(s)));
  }

  /** Removes entries not touched within the retention period. Returns how many were removed. */
  async purgeExpired(): Promise<number> {
    const limit = this.now() - this.opts.retentionDays * 86_400_000;
    let removed = 0;
    for (const shard of this.shards) {
      let dirty = false;
      for (const [key, entry] of Object.entries(shard.data.items)) {
        if (!(entry.touched >= limit)) {
          delete shard.data.items[key];
          removed++;
          dirty = true;
        }
      }
      if (dirty) await this.flush(shard);
    }
    return removed;
  }

  /** Waits until every started write has reached its file (for a clean shutdown). */
  async settle(): Promise<void> {
    const pending = [...this.flushes.values()].flatMap((f) => [f.running, f.queued]).filter((p): p is Promise<void> => !!p);
    await Promise.all(pending.map((p) => p.catch(() => undefined)));
  }

  /** Number of stored entries (for tests and the privacy statement). */
  size(): number {
    return this.shards.reduce((n, s) => n + Object.keys(s.data.items).length, 0);
  }
}
