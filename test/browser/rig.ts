// What both browser test files share: the real app on port 0 with a fresh data folder, Debian's
// chromium through playwright-core, and axe-core's serious or critical WCAG 2.1 A/AA findings.
// Without /usr/bin/chromium (or CHROMIUM_PATH) the tests FAIL with a message; they never skip.
import * as fs from 'fs';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp, type App, type AppOptions } from '../../bot/app';
import { loadConfig, type Config } from '../../bot/config';
import { tempDir } from '../helpers/tmp';

export const ROOT = path.join(__dirname, '../..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface Rig { app: App; base: string; browser: Browser }

/** The app (its routes built from its config) listening on 127.0.0.1, and a headless chromium. */
export async function startRig(env: Record<string, string>, routes: (config: Config) => NonNullable<AppOptions['routes']>): Promise<Rig> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`npm run test:browser needs Chromium, not found at ${CHROMIUM}. Install it with "apt-get install -y chromium" (Debian) or set CHROMIUM_PATH to a Chromium binary. \`npm test\` does not need it.`);
  }
  const config = loadConfig({
    ...process.env, PORT: '0', DATA_DIR: tempDir('pn-browser-'), NLU_CACHE_DIR: path.join(ROOT, '.cache', 'nlu-test'), LOG_LEVEL: 'silent',
    MicrosoftAppId: '', MicrosoftAppPassword: '', ...env,
  }, ROOT);
  const app = await buildApp(config, { routes: routes(config) });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  return { app, base, browser };
}

export async function stopRig(rig: Rig | undefined): Promise<void> {
  await rig?.browser.close();
  if (rig) await new Promise<void>((resolve) => rig.app.server.close(() => resolve()));
}

type Violation = { id: string; impact: string; help: string; nodes: { target: string[]; any: { data?: unknown }[] }[] };

/** axe-core's serious and critical WCAG 2.1 A/AA findings on the page, one line each. */
export async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: Violation[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}) ${JSON.stringify(v.nodes[0]?.any[0]?.data ?? '')}`);
}
