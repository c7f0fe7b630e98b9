// The first module bot/index.ts loads: everything after it is compiled with the code cache
// (bot/compileCache.ts), which index.ts saves once the server listens.
import * as path from 'node:path';
import { enableCompileCache, projectRoot } from './compileCache';

export const compileCache = enableCompileCache(path.join(projectRoot(__dirname), '.cache', 'compile'));
