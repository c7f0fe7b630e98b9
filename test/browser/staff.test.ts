// The staff area in a real browser (Debian chromium via playwright-core) against the REAL app on
// port 0: login, Ask & explain, assigning an inbox item, marking a callback done, the planning chart
// (chart.js served by the bot) and the CSV download, the admin's accounts page, the "no access" page
// and every page in English; axe-core finds nothing serious or critical on any of them, and no page
// has script errors or CSP violations.
// Without /usr/bin/chromium (or CHROMIUM_PATH) these tests FAIL with a message; they never skip.
import * as fs from 'fs';
import * as path from 'path';
import type { BrowserContext } from 'playwright-core';
import type { App } from '../../bot/app';
import { staffRoutes } from '../../bot/staff/routes';
import { setAccount } from '../../bot/staff/auth';
import type { LowdbStaffRepository } from '../../bot/staff/lowdbRepository';
import { ARTIFACTS, axe, startRig, stopRig, type Rig } from './rig';
import { sayHttp } from '../helpers/say';

const PASSWORD = 'browser-test-password-1';

describe('staff area in a real browser', () => {
  let rig: Rig | undefined;
  let app: App;
  let base: string;
  let context: BrowserContext;
  const problems: string[] = [];

  async function say(conv: string, text: string): Promise<void> {
    expect((await sayHttp(base, conv, text, { userPrefix: 'u-' })).status).toBe(200);
  }

  beforeAll(async () => {
    rig = await startRig({ TODAY: '2026-11-25' }, (config) => [staffRoutes(config)]);
    ({ app, base } = rig);
    await setAccount(app.staffRepo, 'berta', 'editor', PASSWORD);
    await setAccount(app.staffRepo, 'adele', 'admin', PASSWORD);
    // what citizens left: an unanswered question, a callback request, enough questions for a planning cell
    await say('b-1', 'zappeldi wuppdi schnurzel blubbo');
    await app.services.staff!.requestCallback({ conv: 'b-2', lang: 'de', phone: '0208 555 0199', slot: '08:00–10:00', topic: 'Pflegegrad' });
    for (let i = 0; i < 6; i++) await say(`b-p${i}`, 'Wie viel Pflegegeld bei Pflegegrad 2 in Saarn?');
    await (app.staffRepo as LowdbStaffRepository).settle();
    context = await rig.browser.newContext({ locale: 'de-DE', viewport: { width: 1200, height: 900 }, acceptDownloads: true });
  }, 240_000);

  afterAll(async () => {
    await stopRig(rig);
  });

  test('login, ask & explain, inbox, callback, planning chart and CSV; accessible', async () => {
    const page = await context.newPage();
    page.on('console', (m) => {
      // the deliberately wrong password below answers 401, the editor's visit to the accounts page 403: both expected
      const expected = (m.location().url.endsWith('/staff/api/login') && /status of 401/.test(m.text()))
        || (m.location().url.endsWith('/staff/users') && /status of 403/.test(m.text()));
      if ((m.type() === 'error' && !expected) || /Content Security Policy/.test(m.text())) problems.push(`${m.location().url}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(e.message));

    // 1. a page without a session leads to the login
    await page.goto(`${base}/staff/inbox`);
    expect(new URL(page.url()).pathname).toBe('/staff/login');
    expect(await axe(page)).toEqual([]);
    await page.getByLabel('Benutzername').fill('berta');
    await page.getByLabel('Passwort').fill('wrong password 123');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('alert').filter({ hasText: 'falsch' }).waitFor();
    await page.getByLabel('Passwort').fill(PASSWORD);
    await Promise.all([page.waitForURL(`${base}/staff/ask`), page.getByRole('button', { name: 'Anmelden' }).click()]);

    // 2. Ask & explain
    await page.getByLabel(/^Frage/).fill('Wie viel Pflegegeld bei Pflegegrad 3?');
    await page.getByLabel('Darstellung (Kanal)').selectOption('telegram');
    await page.getByRole('button', { name: 'Fragen', exact: true }).click();
    await page.locator('#ask-result:not([hidden])').waitFor({ timeout: 30_000 });
    expect(await page.locator('#ask-replies').textContent()).toMatch(/599/);
    const facts = (await page.locator('#ask-facts').textContent())!;
    expect(facts).toMatch(/Erkannt\s*allowance/);
    expect(facts).toMatch(/Sicherheitsprüfung\s*keine Krise erkannt/);
    expect(facts).toMatch(/Geprüft\s*\d{4}-\d\d-\d\d/);
    expect(await page.locator('#ask-explain').textContent()).toMatch(/· source: /);
    expect(await axe(page)).toEqual([]);

    // 3. the inbox: the unanswered question, assigned to an entry
    await page.getByRole('link', { name: 'Eingang' }).click();
    const row = page.locator('tr', { hasText: 'schnurzel' });
    await row.waitFor();
    expect(await axe(page)).toEqual([]);
    await row.getByLabel('Gehört zu Eintrag').selectOption('allowance');
    await Promise.all([page.waitForLoadState('load'), row.getByRole('button', { name: 'Zuordnen' }).click()]);
    await page.locator('td', { hasText: 'zappeldi wuppdi schnurzel blubbo' }).filter({ hasNot: page.locator('form') }).last().waitFor();
    await page.getByRole('button', { name: 'Übernehmen' }).waitFor();
    const inbox = await app.staffRepo.listInbox();
    expect(inbox.find((i) => /schnurzel/.test(i.text))).toMatchObject({ status: 'assigned', answerId: 'allowance', by: 'berta' });
    expect((await app.staffRepo.listTraining()).map((t) => [t.text, t.status])).toEqual([['zappeldi wuppdi schnurzel blubbo', 'queued']]);

    // 4. the callback, marked done
    await page.getByRole('link', { name: 'Rückrufe' }).click();
    const cb = page.locator('tr', { hasText: '0208 555 0199' });
    await cb.waitFor();
    expect(await axe(page)).toEqual([]);
    await cb.getByLabel('Status').selectOption('done');
    await Promise.all([page.waitForLoadState('load'), cb.getByRole('button', { name: 'Speichern' }).click()]);
    await page.locator('tr', { hasText: '0208 555 0199' }).locator('td', { hasText: /^erledigt$/ }).waitFor();
    // this request came without a way back into its conversation: the note waits for the next message
    expect((await app.staffRepo.listCallbacks())[0]).toMatchObject({ status: 'done', pendingNotice: 'done' });
    expect(await page.locator('tr', { hasText: '0208 555 0199' }).textContent()).toMatch(/folgt mit der nächsten Nachricht/);

    // 5. feedback and content health pages; the accounts page is for admins: an editor sees "no access"
    for (const name of ['Rückmeldungen', 'Inhalte prüfen']) {
      await page.getByRole('link', { name }).click();
      await page.locator('h1', { hasText: name }).waitFor();
      expect([name, await axe(page)]).toEqual([name, []]);
    }
    const forbidden = await page.goto(`${base}/staff/users`);
    expect(forbidden?.status()).toBe(403);
    await page.locator('h1', { hasText: 'Kein Zugriff' }).waitFor();
    expect(['Kein Zugriff', await axe(page)]).toEqual(['Kein Zugriff', []]);
    await page.goBack();

    // 6. planning: the chart drawn by the local chart.js, the table and the CSV download
    await page.getByRole('link', { name: 'Planungsbericht' }).click();
    await page.waitForFunction(() => !!(window as unknown as { Chart?: { getChart(c: unknown): unknown } }).Chart?.getChart(document.getElementById('planning-chart')));
    expect(await page.locator('table').textContent()).toMatch(/2026-W48\s*allowance\s*Saarn\s*6/);
    expect(await axe(page)).toEqual([]);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'staff-planning.png'), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Als CSV herunterladen' }).click()]);
    expect(download.suggestedFilename()).toBe('pflegenetz-planung-2026-11-25.csv');
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv).toMatch(/^\uFEFFweek;topic;stadtteil;count\r\n/);
    expect(csv).toContain('2026-W48;allowance;Saarn;6');
    expect(csv).not.toMatch(/Pflegegeld bei|schnurzel/);

    // 7. logout: back to the login, the pages refuse again
    await Promise.all([page.waitForURL(`${base}/staff/login`), page.getByRole('button', { name: 'Abmelden' }).click()]);
    await page.goto(`${base}/staff/planning`);
    expect(new URL(page.url()).pathname).toBe('/staff/login');
    await page.close();
  }, 180_000);

  test('an admin: the accounts page, and every page in English chosen by the language link; accessible', async () => {
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${base}/staff/login`);
    await page.getByLabel('Benutzername').fill('adele');
    await page.getByLabel('Passwort').fill(PASSWORD);
    await Promise.all([page.waitForURL(`${base}/staff/ask`), page.getByRole('button', { name: 'Anmelden' }).click()]);
    await page.getByRole('link', { name: 'Konten' }).click();
    await page.locator('tr', { hasText: 'adele' }).waitFor();
    expect(['Konten', await axe(page)]).toEqual(['Konten', []]);

    // the language link switches this page and keeps English for the next ones
    await page.getByRole('navigation', { name: 'Sprache der Seiten' }).getByRole('link', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Accounts' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    for (const name of ['Ask & explain', 'Inbox', 'Feedback', 'Call-backs', 'Content health', 'Planning report', 'Accounts']) {
      await page.getByRole('link', { name, exact: true }).click();
      await page.locator('h1', { hasText: name }).waitFor();
      expect([name, await axe(page)]).toEqual([name, []]);
    }
    await page.getByRole('link', { name: 'Ask & explain', exact: true }).click();
    await page.getByLabel(/^A question/).fill('How much care allowance with care grade 3?');
    await page.getByLabel('Language of the question').selectOption('en');
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await page.locator('#ask-result:not([hidden])').waitFor({ timeout: 30_000 });
    expect(await page.locator('#ask-facts').textContent()).toMatch(/Safety check\s*no crisis recognised/);
    await Promise.all([page.waitForURL(`${base}/staff/login`), page.getByRole('button', { name: 'Log out' }).click()]);
    await page.close();
  }, 180_000);

  test('no script errors or Content-Security-Policy violations', () => {
    expect(problems).toEqual([]);
  });
});
