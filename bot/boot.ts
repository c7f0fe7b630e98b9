// The first module bot/index.ts loads: everything after it is compiled with the code cache
// (bot/compileCache.ts), which index.ts saves once the server listens.
import * as path from 'node:path';
import { enableCompileCache, projectRoot } from './compileCache';

const root = projectRoot(__dirname);
export const compileCache = enableCompileCache(path.join(root, '.cache', 'compile'), { installed: path.join(root, 'node_modules', '.package-lock.json') });
