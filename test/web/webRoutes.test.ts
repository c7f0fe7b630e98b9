// The web page routes over HTTP: language and direction, privacy page, static assets, the Web Chat
// bundle from node_modules, and the Azure token exchange against a stand-in for Azure.
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import * as zlib from 'zlib';
import type { AddressInfo } from 'net';
import { CareAdapter } from '../../bot/adapter';
import { ActivityHandler, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Server } from 'restify';
import { createServer } from '../../bot/server';
import { loadConfig, type Config } from '../../bot/config';
import { webchatBundle, webRoutes, type WebOptions } from '../../bot/web/routes';
import { ContentError } from '../../bot/knowledge/jsonFile';
import { tempDir } from '../helpers/tmp';

const ROOT = path.join(__dirname, '../..');
const quiet = { info() {}, warn() {}, error() {}, debug() {} };
const de = JSON.parse(fs.readFileSync(path.join(ROOT, 'locales/de/web.json'), 'utf8'));
const en = JSON.parse(fs.readFileSync(path.join(ROOT, 'locales/en/web.json'), 'utf8'));
const tmpDirs: string[] = [];
const servers: { close(cb: () => void): void }[] = [];

function tmp(): string {
  const d = tempDir('pn-web-');
  tmpDirs.push(d);
  return d;
}

async function start(env: Record<string, string> = {}, options: WebOptions = {}, patch: Partial<Config> = {}): Promise<string> {
  const config = { ...loadConfig({ PORT: '0', DATA_DIR: tmp(), LOG_LEVEL: 'silent', ...env }, ROOT), ...patch };
  const routes = webRoutes(config, options);
  const adapter = new CareAdapter(new ConfigurationBotFrameworkAuthentication({}), true);
  const bot = new ActivityHandler();
  const server: Server = createServer({ adapter, bot, log: quiet, routes: [(s) => routes(s, { services: { log: quiet }, adapter, bot })] });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

function attr(html: string, re: RegExp): string | undefined {
  return re.exec(html)?.[1];
}

function clientJson(html: string): { lang: string; dir: string; webchatLocale: string } {
  return JSON.parse(attr(html, /<script type="application\/json" id="pn-client">([^<]*)<\/script>/)!);
}

describe('page and privacy page (built-in Direct Line)', () => {
  let base: string;
  beforeAll(async () => {
    base = await start({ STATE_RETENTION_DAYS: '17' }, { limits: { idleMs: 45 * 60_000 } });
  });

  test('GET / is the German page by default, with Web Chat from this server and no inline script', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self';");
    const html = await res.text();
    expect(attr(html, /<html lang="([^"]+)"/)).toBe('de');
    expect(attr(html, /<html lang="de" dir="([^"]+)"/)).toBe('ltr');
    // the page names the city of the data pack, not one written into the microcopy
    expect(de.pageTitle).toContain('{{city}}');
    expect(html).toContain(`<title>${de.pageTitle.replace('{{city}}', 'Mülheim an der Ruhr').replace('&', '&amp;')}</title>`);
    expect(html).not.toContain('{{');
    expect(html).toContain(de.newConversation);
    expect(html).toContain(de.biggerText);
    expect(html).toContain(de.highContrast);
    expect(html).toContain('href="/privacy?lang=de"');
    expect(html).toMatch(/<script src="\/webchat\/webchat\.js\?v=[\w.]+" defer><\/script>/);
    expect(html).not.toMatch(/cdn|unpkg|jsdelivr|botframework\.com/i);
    // the only inline script element is JSON data
    expect([...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1])).toEqual([' type="application/json" id="pn-client"']);
    expect(clientJson(html)).toMatchObject({ lang: 'de', dir: 'ltr', webchatLocale: de.webchatLocale });
    expect(html).not.toMatch(/\{\{/);
  });

  test.each([
    ['/?lang=en', undefined, 'en'],
    ['/', 'en-GB,en;q=0.9', 'en'],
    ['/?lang=xx', 'en-US', 'en'],
    ['/?lang=de', 'en-US', 'de'],
    ['/', 'fr-FR', 'de'],
  ])('GET %s with Accept-Language %p is in %p', async (url, accept, lang) => {
    const res = await fetch(`${base}${url}`, { headers: accept ? { 'accept-language': accept } : {} });
    const html = await res.text();
    expect(attr(html, /<html lang="([^"]+)"/)).toBe(lang);
    expect(html).toContain((lang === 'en' ? en : de).newConversation);
    expect(res.headers.get('vary')).toMatch(/Accept-Language/);
  });

  test('the privacy page says what is stored, for how long, and how to delete it', async () => {
    const html = await (await fetch(`${base}/privacy`)).text();
    expect(attr(html, /<html lang="([^"]+)"/)).toBe('de');
    expect(html).toContain(`<h1>${de.privacy.title}</h1>`);
    expect(html).toContain(de.privacy.retention.replace('{{days}}', '17'));
    expect(html).toContain(de.privacy.transcriptLocal.replace('{{minutes}}', '45'));
    expect(html).toContain(de.privacy.delete.replace('{{command}}', de.privacy.deleteCommand));
    expect(html).toContain(de.privacy.deleteCommand);
    expect(html).toContain(de.privacy.logs);
    expect(html).not.toContain(de.privacy.logsOn);
    const enHtml = await (await fetch(`${base}/privacy?lang=en`)).text();
    expect(enHtml).toContain(en.privacy.delete.replace('{{command}}', en.privacy.deleteCommand));
  });

  test('static assets are served from an allow-list with ETag and 304', async () => {
    const res = await fetch(`${base}/static/chat.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await res.text()).toBe(fs.readFileSync(path.join(ROOT, 'web/chat.js'), 'utf8'));
    const etag = res.headers.get('etag')!;
    expect((await fetch(`${base}/static/chat.js`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    for (const bad of ['/static/index.html', '/static/..%2Fpackage.json', '/static/chat.ts']) {
      expect([bad, (await fetch(`${base}${bad}`)).status]).toEqual([bad, 404]);
    }
  });

  test('the Web Chat bundle comes from node_modules, cached, gzip on request', async () => {
    const { file, version } = webchatBundle();
    expect(file.endsWith(path.join('botframework-webchat', 'dist', 'webchat.js'))).toBe(true);
    const original = fs.readFileSync(file);
    const plain = await new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http.get(`${base}/webchat/webchat.js`, (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ status: r.statusCode!, headers: r.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
    expect(plain.headers['cache-control']).toMatch(/max-age=\d{5,}/);
    expect(plain.headers.etag).toBe(`"webchat-${version}"`);

    const zipped = await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http.get(`${base}/webchat/webchat.js`, { headers: { 'accept-encoding': 'gzip, br' } }, (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ headers: r.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.body.length).toBeLessThan(original.length / 2);
    expect(zlib.gunzipSync(zipped.body).equals(original)).toBe(true);
    expect((await fetch(`${base}/webchat/webchat.js`, { headers: { 'if-none-match': `"webchat-${version}"` } })).status).toBe(304);
    const head = await fetch(`${base}/webchat/webchat.js`, { method: 'HEAD', headers: { 'accept-encoding': 'identity' } });
    expect([head.status, head.headers.get('content-length'), (await head.arrayBuffer()).byteLength]).toEqual([200, String(original.length), 0]);
  });
});

test('a development setup that logs user text says so on the privacy page', async () => {
  const base = await start({}, {}, { logUserText: true });
  const html = await (await fetch(`${base}/privacy`)).text();
  expect(html).toContain(de.privacy.logsOn);
  expect(html).not.toContain(`<p>${de.privacy.logs}</p>`);
});

test('a right-to-left locale gets dir="rtl" on the page and in Web Chat', async () => {
  const locales = tmp();
  for (const l of ['de', 'en']) {
    fs.mkdirSync(path.join(locales, l));
    fs.copyFileSync(path.join(ROOT, 'locales', l, 'web.json'), path.join(locales, l, 'web.json'));
  }
  fs.mkdirSync(path.join(locales, 'ar'));
  fs.writeFileSync(path.join(locales, 'ar', 'web.json'), JSON.stringify({ ...en, dir: 'rtl', languageName: 'العربية', webchatLocale: 'ar-EG' }));
  const base = await start({}, {}, { localesDir: locales });
  const html = await (await fetch(`${base}/?lang=ar`)).text();
  expect(attr(html, /<html lang="ar" dir="([^"]+)"/)).toBe('rtl');
  expect(clientJson(html)).toMatchObject({ lang: 'ar', dir: 'rtl', webchatLocale: 'ar-EG' });
  expect(html).toContain('<a href="/?lang=ar" hreflang="ar" lang="ar" dir="rtl" aria-current="page">العربية</a>');
  // the German page links to it with the right direction on the link only
  const deHtml = await (await fetch(`${base}/`)).text();
  expect(attr(deHtml, /<html lang="de" dir="([^"]+)"/)).toBe('ltr');
  expect(deHtml).toContain('lang="ar" dir="rtl"');
});

test('a broken web.json stops the start with the file and the field', () => {
  const locales = tmp();
  for (const l of ['de', 'en']) fs.mkdirSync(path.join(locales, l));
  fs.copyFileSync(path.join(ROOT, 'locales/en/web.json'), path.join(locales, 'en', 'web.json'));
  const broken = { ...de, privacy: { ...de.privacy, retention: '' } };
  fs.writeFileSync(path.join(locales, 'de', 'web.json'), JSON.stringify(broken, null, 2));
  const config = { ...loadConfig({ PORT: '0', DATA_DIR: tmp() }, ROOT), localesDir: locales };
  expect(() => webRoutes(config)).toThrow(ContentError);
  expect(() => webRoutes(config)).toThrow(/de[/\\]web\.json:\d+: privacy\.retention/);
});

describe('Azure mode (DIRECTLINE_SECRET set)', () => {
  let base: string;
  let azure: http.Server;
  let seen: { auth?: string; body?: string }[] = [];
  let azureStatus = 200;

  beforeAll(async () => {
    azure = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => { body += c; }).on('end', () => {
        seen.push({ auth: req.headers.authorization, body });
        res.writeHead(azureStatus, { 'content-type': 'application/json' });
        res.end(azureStatus === 200 ? JSON.stringify({ conversationId: 'azure-conv-1', token: 'azure-token-1', expires_in: 3600 }) : '{"error":{"code":"Forbidden"}}');
      });
    });
    await new Promise<void>((resolve) => azure.listen(0, '127.0.0.1', resolve));
    servers.push(azure);
    const url = `http://127.0.0.1:${(azure.address() as AddressInfo).port}/v3/directline/tokens/generate`;
    base = await start({ DIRECTLINE_SECRET: 'the-secret' }, { azureTokenUrl: url });
  });

  beforeEach(() => {
    seen = [];
    azureStatus = 200;
  });

  test('the page is told to use Azure Direct Line with websockets', async () => {
    const cfg = await (await fetch(`${base}/api/webchat-config`)).json();
    expect(cfg).toMatchObject({ mode: 'azure', tokenUrl: '/api/token', webSocket: true });
    expect(cfg.domain).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v3\/directline$/);
    const csp = (await fetch(`${base}/`)).headers.get('content-security-policy')!;
    expect(csp).toContain(new URL(cfg.domain).origin);
  });

  test('/api/token exchanges the secret server-side and binds a user id it makes itself', async () => {
    const res = await fetch(`${base}/api/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: { id: 'dl_someone_else' } }) });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toEqual({ conversationId: 'azure-conv-1', token: 'azure-token-1', expires_in: 3600, userId: expect.stringMatching(/^dl_[\w-]{16}$/) });
    expect(seen).toEqual([{ auth: 'Bearer the-secret', body: JSON.stringify({ user: { id: body.userId } }) }]);

    const again = await (await fetch(`${base}/api/token`)).json();
    expect(again.userId).not.toBe(body.userId);
    expect(seen[1].body).toBe(JSON.stringify({ user: { id: again.userId } }));
  });

  test('when Azure refuses, the page gets a 502 without the secret', async () => {
    azureStatus = 403;
    const res = await fetch(`${base}/api/token`, { method: 'POST' });
    expect(res.status).toBe(502);
    const text = await res.text();
    expect(JSON.parse(text).error).toBe('DirectLineUnavailable');
    expect(text).not.toContain('the-secret');
  });

  test('the built-in Direct Line is off', async () => {
    const res = await fetch(`${base}/v3/directline/tokens/generate`, { method: 'POST' });
    expect(res.status).toBe(404);
  });
});
