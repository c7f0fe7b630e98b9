// Writing a start-up cache (trained crisis classifier, retrieval index): atomically, so a reader never
// sees half a file, and without the older versions beside it. A folder that cannot be written only
// costs the rebuild next time.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Whether `marker` (a JSON file written with writeCacheFile) records a check passed under exactly
 *  `key` in this `format`; a missing, broken or unreadable file means "check again". */
export function markerPassed(marker: string, format: number, key: string): boolean {
  try {
    const parsed = JSON.parse(fs.readFileSync(marker, 'utf8')) as { format?: unknown; key?: unknown; problems?: unknown };
    return parsed.format === format && parsed.key === key && parsed.problems === 0;
  } catch {
    return false;
  }
}

/** Writes `content` to `file` in `cacheDir` and removes the other `<prefix>*.json` files there;
 *  `false` (after logging why) when the folder cannot be written. */
export function writeCacheFile(cacheDir: string, file: string, prefix: string, content: string, onError: (message: string) => void): boolean {
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, file);
    for (const other of fs.readdirSync(cacheDir)) {
      if (other.startsWith(prefix) && other.endsWith('.json') && path.join(cacheDir, other) !== file) fs.rmSync(path.join(cacheDir, other), { force: true });
    }
    return true;
  } catch (err) {
    onError((err as Error).message);
    return false;
  }
}
