// The app for a dev script that runs turns in this process: buildApp() on embedded defaults with a
// throw-away data folder, no log output, no Bot Framework credentials, and the NLU cache of the
// checkout. `stop` waits for the stores' pending writes before the folder goes.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildApp, type App } from '../bot/app';
import { loadConfig } from '../bot/config';

const ROOT = path.resolve(__dirname, '..', '..');

export async function inProcessApp(prefix: string): Promise<{ app: App; stop: () => Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const config = loadConfig({
    ...process.env, PORT: '0', DATA_DIR: dataDir, NLU_CACHE_DIR: process.env.NLU_CACHE_DIR ?? path.join(ROOT, 'data', 'nlu-cache'),
    LOG_LEVEL: 'silent', MicrosoftAppId: '', MicrosoftAppPassword: '',
  }, ROOT);
  const app = await buildApp(config);
  const stop = async () => {
    await (app.storage as { settle?: () => Promise<void> }).settle?.();
    // the staff store gathers a turn's counters for up to a second: written before the folder goes
    await app.staffRepo.settle();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { app, stop };
}
