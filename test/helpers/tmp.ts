// Temporary folders of a test file, removed after its last test (test/helpers/cleanup.ts runs
// removeTempDirs in an afterAll of every file), so test runs leave nothing in the system's tmp.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const created: string[] = [];

/** A new empty folder under the system's tmp, removed when the test file ends. */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  // retries: an app of the file may still be writing its state when the last test ends, and a
  // recursive removal racing a new file fails with ENOTEMPTY
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
}
