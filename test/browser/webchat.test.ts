// The web chat in a real browser (Debian chromium via playwright-core) against the REAL app on
// port 0 with the built-in Direct Line: welcome with topic buttons, a topic click, a typed question
// answered from the benefits table, screen-reader announcements, keyboard reach, reload with
// history, new conversation, language, display toggles, axe-core (no serious/critical findings).
// Runs with `npm run test:browser` (not `npm test`). Without chromium these tests FAIL with a message;
// they never skip.
import * as fs from 'fs';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import type { App } from '../../bot/app';
import { webRoutes } from '../../bot/web/routes';
import { ARTIFACTS, ROOT, axe, startRig, stopRig, type Rig } from './rig';

const read = (p: string) => JSON.parse(fs.readFileSync(path.join(ROOT, p), 'utf8'));
const common = { de: read('locales/de/common.json'), en: read('locales/en/common.json') };
/** the German title of the "apply" answer, which the "Pflegegrad beantragen" button shows */
const APPLY_TITLE = (read('knowledge/federal/answers.json').answers as { id: string; de: { title: string } }[]).find((a) => a.id === 'apply')!.de.title;
const web = { de: read('locales/de/web.json'), en: read('locales/en/web.json') };
const QUESTION = 'Wie viel Pflegegeld bei Pflegegrad 3?';

/** the opening of a microcopy text (plain, no markdown in these): enough to find its bubble */
const start = (text: string) => text.slice(0, 40);

describe('web chat in a real browser', () => {
  let rig: Rig | undefined;
  let app: App;
  let base: string;
  let context: BrowserContext;
  const problems: string[] = [];

  beforeAll(async () => {
    rig = await startRig({ TODAY: '2025-06-01', DIRECTLINE_SECRET: '' }, (config) => [webRoutes(config)]);
    ({ app, base } = rig);
    context = await rig.browser.newContext({ locale: 'de-DE', viewport: { width: 1100, height: 900 } });
    // Record what Web Chat puts into its aria-live regions: that is what a screen reader announces.
    await context.addInitScript(() => {
      const w = window as unknown as { __announced: string[] };
      w.__announced = [];
      new MutationObserver((records) => {
        for (const r of records) {
          for (const n of Array.from(r.addedNodes)) {
            const live = (n.parentElement ?? (n as Element)).closest?.('[aria-live]');
            if (live && n.textContent) w.__announced.push(n.textContent);
          }
        }
      }).observe(document, { childList: true, subtree: true });
    });
  }, 240_000);

  afterAll(async () => {
    await stopRig(rig);
  });

  async function open(url: string): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/.test(m.text())) problems.push(`${url}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${url}: ${e.message}`));
    await page.goto(`${base}${url}`);
    return page;
  }

  /** a button of the suggested-actions bar (Web Chat repeats them, inert, in its live region) */
  const topic = (page: Page, title: string) => page.locator('.webchat__suggested-actions').getByRole('button', { name: title, exact: true });

  const botBubbles = (page: Page, text: string | RegExp) =>
    page.locator('.webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content', { hasText: text });

  test('welcome with topic buttons, a topic, a question answered with 599, announced, kept on reload, accessible', async () => {
    const page = await open('/');
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');

    // 1. the bot's welcome (conversationUpdate → CareBot.welcome) with its topic buttons
    await botBubbles(page, start(common.de.welcome)).first().waitFor({ timeout: 30_000 });
    const topics = ['apply', 'selfcheck', 'money', 'local', 'carers', 'counselling'].map((k) => common.de.menu[k] as string);
    for (const title of topics) {
      const button = topic(page, title);
      await button.waitFor();
      const box = (await button.boundingBox())!;
      expect([title, box.width >= 44 && box.height >= 44]).toEqual([title, true]);
    }

    // 2. keyboard, before any click: the skip link comes first, and Tab reaches the message box
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip-link');
    const visited: string[] = [];
    for (let i = 0; i < 40 && !visited.includes('SENDBOX'); i++) {
      await page.keyboard.press('Tab');
      visited.push(await page.evaluate(() => {
        const el = document.activeElement;
        return el?.getAttribute('data-id') === 'webchat-sendbox-input' ? 'SENDBOX' : `${el?.tagName}.${el?.className}`;
      }));
    }
    expect(visited).toContain('SENDBOX');
    expect(visited.some((v) => v.includes('webchat__suggested-action'))).toBe(true);
    expect(visited.some((v) => v.includes('toolbar__button'))).toBe(true);

    // 3. a topic button, pressed with the keyboard
    await topic(page, common.de.menu.apply).focus();
    await page.keyboard.press('Enter');
    await botBubbles(page, APPLY_TITLE).first().waitFor({ timeout: 30_000 });

    // 4. a typed question, answered from the benefits table
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill(QUESTION);
    await input.press('Enter');
    await page.locator('.webchat__bubble--from-user', { hasText: QUESTION }).waitFor({ timeout: 10_000 });
    await botBubbles(page, /599/).first().waitFor({ timeout: 30_000 });

    // 5. new bot messages reached the screen-reader live region
    const announced = await page.evaluate(() => (window as unknown as { __announced: string[] }).__announced.join('\n'));
    expect(announced).toContain(start(common.de.welcome));
    expect(announced).toMatch(/599/);

    // 6. axe-core: no serious or critical WCAG 2.1 A/AA findings, then the screenshot
    expect(await axe(page)).toEqual([]);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'webchat.png'), fullPage: true });

    // 7. reload: the same conversation, history replayed from the start, no second welcome
    await page.reload();
    await botBubbles(page, /599/).first().waitFor({ timeout: 30_000 });
    await page.locator('.webchat__bubble--from-user', { hasText: QUESTION }).first().waitFor();
    expect(await botBubbles(page, start(common.de.welcome)).count()).toBe(1);
    await page.close();
  }, 180_000);

  /** Where the first line of an element's text is on screen, and whether it is really seen there:
   *  inside the viewport and the transcript's visible area, and not covered by anything else. */
  async function firstLineSeen(bubble: ReturnType<typeof botBubbles>) {
    return bubble.evaluate((el) => {
      // the first text that is drawn
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let node: Node | null;
      let line: DOMRect | undefined;
      while ((node = walker.nextNode())) {
        if (!node.textContent!.trim()) continue;
        const range = document.createRange();
        range.setStart(node, 0);
        range.setEnd(node, Math.min(node.textContent!.length, 12));
        line = range.getClientRects()[0];
        if (line && line.width > 4 && line.height > 4) break;
      }
      if (!node || !line) throw new Error('no drawn text in the bubble');
      const scroller = el.closest('.webchat__basic-transcript__scrollable')!.getBoundingClientRect();
      const hit = document.elementFromPoint(line.left + 2, line.top + line.height / 2);
      return {
        text: node.textContent!.slice(0, 40),
        inViewport: line.top >= 0 && line.bottom <= window.innerHeight,
        inTranscript: line.top >= scroller.top && line.bottom <= scroller.bottom,
        notCovered: !!hit && el.contains(hit),
        pageScrolled: window.scrollY,
      };
    });
  }

  test.each([
    ['phone', 390, 844],
    ['desktop', 1280, 800],
  ])('%s (%i × %i): compact header, the first answer opens in view, short sources, accessible also in high contrast', async (name, width, height) => {
    const sized = await rig!.browser.newContext({ locale: 'de-DE', viewport: { width, height } });
    const page = await sized.newPage();
    page.on('pageerror', (e) => problems.push(`${name}: ${e.message}`));
    await page.goto(`${base}/`);
    await botBubbles(page, start(common.de.welcome)).first().waitFor({ timeout: 30_000 });
    // title and emergency line visible in the first screen
    for (const selector of ['.brand__name', '.emergency']) {
      const box = (await page.locator(selector).boundingBox())!;
      expect([selector, box.y >= 0 && box.y + box.height <= height]).toEqual([selector, true]);
    }
    const bigger = page.getByRole('button', { name: web.de.biggerText });
    const menu = page.getByRole('button', { name: web.de.menu });
    if (name === 'phone') {
      // the toggles wait behind the menu, which opens and closes them
      expect(await bigger.isVisible()).toBe(false);
      await menu.click();
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      expect(await bigger.isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: web.de.newConversation }).isVisible()).toBe(true);
      await menu.click();
      expect(await bigger.isVisible()).toBe(false);
    } else {
      expect(await menu.isVisible()).toBe(false);
      expect(await bigger.isVisible()).toBe(true);
    }

    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill(QUESTION);
    await input.press('Enter');
    // the answer's bubble in the transcript (Web Chat keeps a hidden copy for screen readers elsewhere)
    const answer = page.locator('.webchat__basic-transcript__scrollable .webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content', { hasText: /599/ }).first();
    await answer.waitFor({ timeout: 30_000 });
    // the sources: one short button under the answer; the full list opens in place
    const sources = page.locator('.ac-pushButton', { hasText: /^Stand \d\d\/\d{4} · Quellen? \(\d+\)$/ }).last();
    await sources.waitFor({ timeout: 10_000 });
    // the transcript has finished scrolling: its position holds over two frames
    await page.waitForFunction(() => new Promise<boolean>((resolve) => {
      const scroller = document.querySelector('.webchat__basic-transcript__scrollable')!;
      const top = scroller.scrollTop;
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(scroller.scrollTop === top)));
    }));
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${width}x${height}.png`) });
    const seen = await firstLineSeen(answer);
    expect(seen).toMatchObject({ inViewport: true, inTranscript: true, notCovered: true, pageScrolled: 0 });
    expect(await answer.innerText()).not.toMatch(/Rechtsgrundlage|Gesetze im Internet/);
    expect(await axe(page)).toEqual([]);

    // the reader scrolls down to the button (the transcript holds the answer's start until they do)
    await page.locator('.webchat__basic-transcript__scrollable').hover();
    await page.mouse.wheel(0, 600);
    await sources.click();
    const list = page.locator('.ac-adaptiveCard', { hasText: 'Rechtsgrundlage' }).last();
    await list.waitFor({ timeout: 10_000 });
    expect(await list.innerText()).toMatch(/Geprüft am \d\d\.\d\d\.\d{4}/);
    expect(await list.locator('a[href^="https://"]').count()).toBeGreaterThan(0);
    const listBox = (await list.boundingBox())!;
    expect(listBox.y + listBox.height).toBeLessThanOrEqual(height); // what opened is in view
    expect(await page.evaluate(() => window.scrollY)).toBe(0); // and the page did not move
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${width}x${height}-sources.png`) });

    // high contrast, chosen from the menu on the phone
    if (name === 'phone') await menu.click();
    await page.getByRole('button', { name: web.de.highContrast }).click();
    await botBubbles(page, /599/).first().waitFor();
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${width}x${height}-contrast.png`) });
    await sized.close();
  }, 180_000);

  test('display toggles: larger text and high contrast, still accessible', async () => {
    const page = await open('/');
    await botBubbles(page, start(common.de.welcome)).first().waitFor({ timeout: 30_000 });
    const size = () => botBubbles(page, start(common.de.welcome)).first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    const before = await size();
    const bigger = page.getByRole('button', { name: web.de.biggerText });
    await bigger.click();
    expect(await bigger.getAttribute('aria-pressed')).toBe('true');
    expect(await size()).toBeGreaterThan(before);
    const contrast = page.getByRole('button', { name: web.de.highContrast });
    await contrast.click();
    expect(await contrast.getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
    expect(await axe(page)).toEqual([]);
    // the choice is remembered on the next visit, then switched back off
    await page.reload();
    expect(await page.getByRole('button', { name: web.de.highContrast }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: web.de.highContrast }).click();
    await page.getByRole('button', { name: web.de.biggerText }).click();
    await page.close();
  }, 120_000);

  test('"new conversation" starts afresh with a new welcome', async () => {
    const page = await open('/');
    await botBubbles(page, start(common.de.welcome)).first().waitFor({ timeout: 30_000 });
    const input = page.locator('[data-id="webchat-sendbox-input"]');
    await input.fill(QUESTION);
    await input.press('Enter');
    await botBubbles(page, /599/).first().waitFor({ timeout: 30_000 });
    const before = await page.evaluate(() => sessionStorage.getItem('pflegenetz.conversation.de'));
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: web.de.newConversation }).click()]);
    await botBubbles(page, start(common.de.welcome)).first().waitFor({ timeout: 30_000 });
    expect(await botBubbles(page, /599/).count()).toBe(0);
    const after = await page.evaluate(() => sessionStorage.getItem('pflegenetz.conversation.de'));
    expect(JSON.parse(after!).conversationId).not.toBe(JSON.parse(before!).conversationId);
    // keyboard users land in the message box of the new conversation
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-id') === 'webchat-sendbox-input', undefined, { timeout: 10_000 });
    await page.close();
  }, 120_000);

  test('English page: lang="en" and the welcome in English', async () => {
    const page = await open('/?lang=en');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await botBubbles(page, start(common.en.welcome)).first().waitFor({ timeout: 30_000 });
    await topic(page, common.en.menu.money).waitFor();
    expect(await axe(page)).toEqual([]);
    await page.close();
  }, 120_000);

  test('privacy page: retention days and the delete command, accessible', async () => {
    const page = await open('/privacy');
    expect(await page.locator('h1').textContent()).toBe(web.de.privacy.title);
    const body = (await page.locator('main').textContent())!;
    expect(body).toContain(web.de.privacy.retention.replace('{{days}}', String(app.services.retentionDays)));
    expect(body).toContain(web.de.privacy.deleteCommand);
    expect(await axe(page)).toEqual([]);
    await page.close();
  }, 60_000);

  test('no script errors or Content-Security-Policy violations on any page', () => {
    expect(problems).toEqual([]);
  });
});
