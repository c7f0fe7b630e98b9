// The start's V8 code cache (bot/compileCache.ts), in child processes with Node's real loader (jest
// has its own): modules load once compiling and writing the cache, then from it; a changed source, a
// broken, cut-short or foreign cache file is compiled afresh; what the hook does not handle goes
// through Node's own compile.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { projectRoot } from '../../bot/compileCache';
import { tempDir } from '../helpers/tmp';

const ROOT = path.resolve(__dirname, '..', '..');
interface Run { stats: { hits: number; misses: number; passed: number }; resolved: { hits: number; misses: number }; out: Record<string, unknown> }

// one process start: the hook on, the modules required, the cache saved (as bot/index.ts does)
const CHILD = `
require(${JSON.stringify(path.join(ROOT, 'test', 'helpers', 'tsHook.js'))});
const { enableCompileCache } = require(${JSON.stringify(path.join(ROOT, 'bot', 'compileCache.ts'))});
const [cacheDir, dir, ...names] = process.argv.slice(2);
const cc = enableCompileCache(cacheDir, { installed: require('path').join(dir, 'node_modules', '.package-lock.json') });
const out = {};
for (const n of names) out[n] = require(require('path').join(dir, n));
cc.save();
process.stdout.write(JSON.stringify({ stats: cc.stats, resolved: cc.resolved, out }));
`;

function project(): { dir: string; cache: string; run: (...names: string[]) => Run } {
  const dir = tempDir('pn-cc-');
  fs.writeFileSync(path.join(dir, 'child.js'), CHILD);
  fs.writeFileSync(path.join(dir, 'b.js'), "module.exports = { value: 'b1' };\n");
  fs.writeFileSync(path.join(dir, 'a.js'), [
    "const b = require('./b');",
    "module.exports = { value: 'a1', b: b.value, resolved: require.resolve('./b'), file: __filename, dirname: __dirname, same: this === module.exports, main: require.main === process.mainModule };",
  ].join('\n'));
  const cache = path.join(dir, 'cache');
  const run = (...names: string[]): Run => {
    const r = spawnSync(process.execPath, [path.join(dir, 'child.js'), cache, dir, ...(names.length ? names : ['a.js'])], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as Run;
  };
  return { dir, cache, run };
}

const cacheFile = (cache: string) => path.join(cache, `modules-${process.platform}-${process.arch}.bin`);

test('compiles, writes the cache, then loads from it with the same exports and the same require', () => {
  const p = project();
  const first = p.run();
  expect(first.stats).toEqual({ hits: 0, misses: 2, passed: 0 });
  expect(first.out['a.js']).toEqual({
    value: 'a1', b: 'b1', resolved: path.join(p.dir, 'b.js'), file: path.join(p.dir, 'a.js'), dirname: p.dir, same: true, main: true,
  });
  expect(fs.readdirSync(p.cache)).toEqual([path.basename(cacheFile(p.cache))]);
  const second = p.run();
  expect(second.stats).toEqual({ hits: 2, misses: 0, passed: 0 });
  expect(second.out).toEqual(first.out);
}, 60_000);

test('a changed source of the same length is compiled afresh (V8 alone checks only the length)', () => {
  const p = project();
  p.run();
  fs.writeFileSync(path.join(p.dir, 'b.js'), "module.exports = { value: 'b2' };\n");
  const changed = p.run();
  expect(changed.out['a.js']).toMatchObject({ value: 'a1', b: 'b2' });
  expect(changed.stats).toEqual({ hits: 1, misses: 1, passed: 0 });
  expect(p.run().stats).toEqual({ hits: 2, misses: 0, passed: 0 });
}, 60_000);

test.each([
  ['broken', (f: string) => fs.writeFileSync(f, 'not a cache at all')],
  ['cut short', (f: string) => fs.truncateSync(f, Math.floor(fs.statSync(f).size * 0.6))],
  ['empty', (f: string) => fs.writeFileSync(f, '')],
  ['foreign (another format)', (f: string) => {
    fs.writeFileSync(f, fs.readFileSync(f, 'latin1').replace('pflegenetz-code-cache-1', 'pflegenetz-code-cache-0'), 'latin1');
  }],
  ['foreign (another Node)', (f: string) => {
    fs.writeFileSync(f, fs.readFileSync(f, 'latin1').replace(`"node":"${process.version}"`, '"node":"v0.0.1"'), 'latin1');
  }],
])('a %s cache file is compiled afresh and rewritten', (_name, damage) => {
  const p = project();
  p.run();
  damage(cacheFile(p.cache));
  const again = p.run();
  expect(again.out['a.js']).toMatchObject({ value: 'a1', b: 'b1' });
  expect(again.stats).toEqual({ hits: 0, misses: 2, passed: 0 });
  expect(p.run().stats).toEqual({ hits: 2, misses: 0, passed: 0 });
}, 60_000);

test('files with import() or a #! line go through Node\'s own compile', () => {
  const p = project();
  fs.writeFileSync(path.join(p.dir, 'c.js'), "#!/usr/bin/env node\nmodule.exports = 'c';\n");
  fs.writeFileSync(path.join(p.dir, 'd.js'), "module.exports = typeof (() => import('./b.js'));\n");
  const r = p.run('c.js', 'd.js');
  expect(r.out).toEqual({ 'c.js': 'c', 'd.js': 'function' });
  expect(r.stats).toEqual({ hits: 0, misses: 0, passed: 2 });
}, 60_000);

test('an unwritable cache folder costs only the compile', () => {
  const p = project();
  fs.writeFileSync(p.cache, 'a file where the folder should be');
  const r = p.run();
  expect(r.out['a.js']).toMatchObject({ value: 'a1' });
  expect(p.run().stats).toEqual({ hits: 0, misses: 2, passed: 0 });
}, 60_000);

test('the cache lives in the project folder, built or not', () => {
  expect(projectRoot(path.join(ROOT, 'dist', 'bot'))).toBe(ROOT);
  expect(projectRoot(path.join(ROOT, 'bot'))).toBe(ROOT);
});

// Requires inside installed packages: resolved from the resolution cache while npm's record of the
// install is unchanged; another install, or a file that is gone, is resolved by Node again.
function withPackage(): ReturnType<typeof project> & { lock: string; pkg: string } {
  const p = project();
  const pkg = path.join(p.dir, 'node_modules', 'pkg');
  fs.mkdirSync(path.join(pkg, 'lib'), { recursive: true });
  fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'pkg', main: 'main.js' }));
  fs.writeFileSync(path.join(pkg, 'main.js'), "module.exports = require('./lib');\n");
  fs.writeFileSync(path.join(pkg, 'lib', 'index.js'), "module.exports = 'lib/index';\n");
  const lock = path.join(p.dir, 'node_modules', '.package-lock.json');
  fs.writeFileSync(lock, '{"lockfileVersion":3}');
  fs.writeFileSync(path.join(p.dir, 'e.js'), "module.exports = require('pkg');\n");
  return { ...p, lock, pkg };
}

test('a require inside a package is resolved from the cache on the next start', () => {
  const p = withPackage();
  const first = p.run('e.js');
  expect(first.out).toEqual({ 'e.js': 'lib/index' });
  // 'pkg' from e.js is the project's own require (Node's every time); './lib' from the package is cached
  expect(first.resolved).toEqual({ hits: 0, misses: 1 });
  const second = p.run('e.js');
  expect(second.out).toEqual({ 'e.js': 'lib/index' });
  expect(second.resolved).toEqual({ hits: 1, misses: 0 });
}, 60_000);

test('another install (npm rewrote its record) resolves afresh', () => {
  const p = withPackage();
  p.run('e.js');
  // the install put lib.js beside lib/: Node now resolves './lib' to the file
  fs.writeFileSync(path.join(p.pkg, 'lib.js'), "module.exports = 'lib.js';\n");
  fs.writeFileSync(p.lock, '{"lockfileVersion":3,"packages":{}}');
  const after = p.run('e.js');
  expect(after.out).toEqual({ 'e.js': 'lib.js' });
  expect(after.resolved).toEqual({ hits: 0, misses: 1 });
}, 60_000);

test('a cached answer whose file is gone is resolved by Node again', () => {
  const p = withPackage();
  p.run('e.js');
  fs.renameSync(path.join(p.pkg, 'lib', 'index.js'), path.join(p.pkg, 'lib', 'main.js'));
  fs.writeFileSync(path.join(p.pkg, 'lib', 'package.json'), JSON.stringify({ main: 'main.js' }));
  const after = p.run('e.js');
  expect(after.out).toEqual({ 'e.js': 'lib/index' });
  expect(after.resolved).toEqual({ hits: 0, misses: 1 });
}, 60_000);

test('a broken resolution cache file is resolved afresh and rewritten', () => {
  const p = withPackage();
  p.run('e.js');
  fs.writeFileSync(path.join(p.cache, `resolve-${process.platform}-${process.arch}.json`), '{ not json');
  expect(p.run('e.js').resolved).toEqual({ hits: 0, misses: 1 });
  expect(p.run('e.js').resolved).toEqual({ hits: 1, misses: 0 });
}, 60_000);
