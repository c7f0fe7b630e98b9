// V8 code cache for CommonJS modules (Node 20 has no module.enableCompileCache; Node 22 does). A start
// compiles ~1,500 module files (botbuilder, restify, zod …); with the code V8 produced for them last
// time it only checks and deserialises it (figures: docs/turn-cost-2026-12.md, session 11).
// One file holds every module's code, each under a sha1 of its path and source text, so a changed file
// is compiled afresh and the file is rewritten; V8 itself refuses code from another V8 version or
// other flags. ES modules, files with a `#!` line or an `import()` and anything that does not compile
// as a plain script go through Node's own loader untouched. A missing, broken or foreign cache file
// costs the compile, nothing else; an unwritable folder the same.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

const MAGIC = 'pflegenetz-code-cache-1';

interface Header { magic: string; node: string; entries: Array<[file: string, sha1: string, length: number]> }

export interface CompileCache {
  /** modules whose code came from the cache / were compiled / went through Node's loader */
  readonly stats: { hits: number; misses: number; passed: number };
  /** package-internal requires answered from the resolution cache / resolved by Node */
  readonly resolved: { hits: number; misses: number };
  /** writes the cache when a module was compiled afresh (call once the process has started) */
  save(): void;
  /** puts Node's own compile back (tests) */
  disable(): void;
}

type Compile = (this: Module, content: string, filename: string, format?: string) => unknown;
interface ModuleInternals {
  prototype: { _compile: Compile };
  wrap(content: string): string;
  _resolveFilename(request: string, parent: Module, isMain: boolean, options?: unknown): string;
  _resolveLookupPaths(request: string, parent: Module): string[] | null;
  _extensions: unknown;
  _cache: unknown;
}

function readCache(file: string): Map<string, { sha1: string; data: Buffer }> {
  const out = new Map<string, { sha1: string; data: Buffer }>();
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch {
    return out;
  }
  try {
    const headerLength = buf.readUInt32LE(0);
    const header = JSON.parse(buf.subarray(4, 4 + headerLength).toString('utf8')) as Header;
    if (header.magic !== MAGIC || header.node !== process.version || !Array.isArray(header.entries)) return out;
    let at = 4 + headerLength;
    for (const [name, sha1, length] of header.entries) {
      if (typeof name !== 'string' || typeof sha1 !== 'string' || !Number.isInteger(length) || length < 0 || at + length > buf.length) return new Map();
      out.set(name, { sha1, data: buf.subarray(at, at + length) });
      at += length;
    }
  } catch {
    return new Map();
  }
  return out;
}

function write(file: string, scripts: Map<string, { sha1: string; script: vm.Script }>): void {
  try {
    const entries: Header['entries'] = [];
    const parts: Buffer[] = [];
    for (const [name, { sha1, script }] of scripts) {
      const data = script.createCachedData();
      entries.push([name, sha1, data.length]);
      parts.push(data);
    }
    const header = Buffer.from(JSON.stringify({ magic: MAGIC, node: process.version, entries } satisfies Header), 'utf8');
    const size = Buffer.alloc(4);
    size.writeUInt32LE(header.length, 0);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // write then rename: a second process never reads half a file
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.concat([size, header, ...parts]));
    fs.renameSync(tmp, file);
  } catch {
    // a read-only install runs without the cache
  }
}

// Resolution cache: where a require inside an installed package led last time. Node's resolver looks
// for each of a start's ~1,500 package-internal requires through stat calls and package.json reads
// (~14 % of a start's profile, session 14). Kept only for requires from a file under node_modules
// to a file under node_modules, so it changes only when packages are installed: the file is valid for
// one fingerprint (size and mtime of npm's node_modules/.package-lock.json, which every install
// rewrites) and one Node version; an answer whose file is gone is resolved by Node again.
const RESOLVE_MAGIC = 'pflegenetz-resolve-1';
const IN_PACKAGES = `${path.sep}node_modules${path.sep}`;

interface ResolveFile { magic: string; node: string; installed: string; entries: Record<string, string> }

function installedFingerprint(lockFile: string): string | undefined {
  const st = fs.statSync(lockFile, { throwIfNoEntry: false });
  return st ? `${st.size}-${st.mtimeMs}` : undefined;
}

function readResolveCache(file: string, installed: string): Map<string, string> {
  try {
    const f = JSON.parse(fs.readFileSync(file, 'utf8')) as ResolveFile;
    if (f.magic !== RESOLVE_MAGIC || f.node !== process.version || f.installed !== installed || typeof f.entries !== 'object' || !f.entries) return new Map();
    return new Map(Object.entries(f.entries).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return new Map();
  }
}

function writeResolveCache(file: string, installed: string, entries: Map<string, string>): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    const f: ResolveFile = { magic: RESOLVE_MAGIC, node: process.version, installed, entries: Object.fromEntries(entries) };
    fs.writeFileSync(tmp, JSON.stringify(f));
    fs.renameSync(tmp, file);
  } catch {
    // a read-only install resolves as Node does
  }
}

export interface CompileCacheOptions {
  /** npm's record of the installed packages (node_modules/.package-lock.json): with it, package-internal
   *  requires are resolved from the resolution cache while it is unchanged */
  installed?: string;
}

/** Compiles CommonJS modules with the code cache in `dir` from now on. */
export function enableCompileCache(dir: string, options: CompileCacheOptions = {}): CompileCache {
  const M = Module as unknown as ModuleInternals;
  const file = path.join(dir, `modules-${process.platform}-${process.arch}.bin`);
  const cached = readCache(file);
  const scripts = new Map<string, { sha1: string; script: vm.Script }>();
  const stats = { hits: 0, misses: 0, passed: 0 };
  const resolved = { hits: 0, misses: 0 };
  let saved = false;
  const original = M.prototype._compile;

  const installed = options.installed ? installedFingerprint(options.installed) : undefined;
  const resolveFile = path.join(dir, `resolve-${process.platform}-${process.arch}.json`);
  const known = installed ? readResolveCache(resolveFile, installed) : new Map<string, string>();
  const learned = new Map<string, string>();
  const present = new Set<string>();
  const originalResolve = M._resolveFilename;
  if (installed) {
    M._resolveFilename = function resolveFilename(this: unknown, request: string, parent: Module, isMain: boolean, opts?: unknown): string {
      const from = parent?.filename;
      if (isMain || opts !== undefined || !from || !from.includes(IN_PACKAGES)) return originalResolve.call(this, request, parent, isMain, opts);
      const key = `${path.dirname(from)}\0${request}`;
      const hit = known.get(key);
      if (hit !== undefined && (present.has(hit) || (fs.statSync(hit, { throwIfNoEntry: false })?.isFile() && present.add(hit)))) {
        resolved.hits++;
        if (!saved) learned.set(key, hit);
        return hit;
      }
      const out = originalResolve.call(this, request, parent, isMain, opts);
      // built-in modules ('fs') and files outside the packages are Node's to answer every time
      if (!saved && out.includes(IN_PACKAGES)) {
        resolved.misses++;
        learned.set(key, out);
      }
      return out;
    };
  }

  M.prototype._compile = function compile(this: Module, content: string, filename: string, format?: string): unknown {
    if ((format !== undefined && format !== 'commonjs') || !/\.c?js$/.test(filename) || content.startsWith('#!') || content.includes('import(')) {
      stats.passed++;
      return original.call(this, content, filename, format);
    }
    const sha1 = createHash('sha1').update(filename).update('\0').update(content).digest('hex');
    const known = cached.get(filename);
    let script: vm.Script;
    try {
      script = new vm.Script(M.wrap(content), { filename, cachedData: known?.sha1 === sha1 ? known.data : undefined });
    } catch {
      stats.passed++;
      return original.call(this, content, filename, format);
    }
    if (known?.sha1 === sha1 && !script.cachedDataRejected) stats.hits++;
    else stats.misses++;
    // modules loaded after the save (on a rare turn) are compiled without being kept for it
    if (!saved) scripts.set(filename, { sha1, script });
    // what Node's loader hands a module: require, module, exports, __filename, __dirname
    const req = ((id: string) => this.require(id)) as NodeJS.Require;
    const resolve = ((request: string, options?: unknown) => M._resolveFilename(request, this, false, options)) as NodeJS.RequireResolve;
    resolve.paths = (request: string) => M._resolveLookupPaths(request, this);
    req.resolve = resolve;
    req.main = require.main;
    req.extensions = M._extensions as NodeJS.Require['extensions'];
    req.cache = M._cache as NodeJS.Require['cache'];
    const fn = script.runInThisContext({ displayErrors: true }) as (...a: unknown[]) => unknown;
    return fn.call(this.exports, this.exports, req, this, filename, path.dirname(filename));
  };

  return {
    stats,
    resolved,
    save() {
      cached.clear();
      saved = true;
      if (stats.misses > 0) write(file, scripts);
      scripts.clear();
      if (installed && resolved.misses > 0) writeResolveCache(resolveFile, installed, learned);
      known.clear();
      learned.clear();
    },
    disable() {
      M.prototype._compile = original;
      M._resolveFilename = originalResolve;
    },
  };
}

/** The project's folder (the nearest one up with a package.json): the cache lives in its .cache/,
 *  whether the code runs built (dist/bot) or from source (bot). */
export function projectRoot(from: string): string {
  let dir = from;
  for (let i = 0; i < 4 && !fs.existsSync(path.join(dir, 'package.json')); i++) dir = path.dirname(dir);
  return dir;
}
