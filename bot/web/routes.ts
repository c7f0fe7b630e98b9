// The bot's own accessible web chat: the page (Bot Framework Web Chat served from node_modules, no
// CDN), the privacy page, the page's configuration, the Azure token exchange and — when no Direct
// Line secret is configured — the built-in Direct Line service. Templates and microcopy are loaded
// and checked when the routes are created, so a broken file stops the start with its name.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import * as zlib from 'zlib';
import type * as restify from 'restify';
import { z } from 'zod';
import type { Activity, ActivityHandler } from 'botbuilder';
import type { CareAdapter } from '../adapter';
import type { Config } from '../config';
import type { Logger } from '../services';
import { readJsonFile } from '../knowledge/jsonFile';
import { cityNames } from '../offers/regions';
import { MunicipalityFileSchema } from '../offers/schema';
import { DirectLineStore, DEFAULT_LIMITS, randomId, type StoreLimits } from '../directline/store';
import { DIRECTLINE_PATH, registerDirectLine, type DirectLineService } from '../directline/routes';
import type { NoticeDelivery } from '../staff/notices';
import { AZURE_TOKEN_URL, exchangeSecret, TokenExchangeError } from '../directline/azure';
import { addressKey, chooseLang, createTokenBucket, directionFor, escapeHtml, fillTemplate, interpolate, jsonForHtml } from './page';

const gzip = promisify(zlib.gzip);

const text = z.string().min(1);
export const WebStringsSchema = z.object({
  languageName: text,
  dir: z.enum(['ltr', 'rtl']),
  webchatLocale: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a BCP 47 tag such as de-DE'),
  pageTitle: text,
  heading: text,
  tagline: text,
  emergency: text,
  skipToChat: text,
  chatLabel: text,
  settingsLabel: text,
  menu: text,
  biggerText: text,
  highContrast: text,
  newConversation: text,
  languageLabel: text,
  loading: text,
  connectError: text,
  ended: text,
  noscript: text,
  footer: text,
  privacyLink: text,
  privacy: z.object({
    title: text,
    intro: text,
    storedHeading: text,
    stored: text,
    logs: text,
    logsOn: text,
    transcriptLocal: text,
    transcriptAzure: text,
    browser: text,
    retentionHeading: text,
    retention: text,
    deleteHeading: text,
    delete: text,
    deleteCommand: text,
    back: text,
  }).strict(),
}).strict();
export type WebStrings = z.infer<typeof WebStringsSchema>;

export interface WebApp {
  services: { log: Logger; staff?: { notices: NoticeDelivery } };
  storage?: unknown;
  /** the built-in Direct Line runs its turns on these, in this process (see directline/routes.ts) */
  bot?: ActivityHandler;
  adapter?: CareAdapter;
}

export interface WebOptions {
  /** folder with index.html, privacy.html, chat.css, chat.js, icon.svg (default: the project's web/) */
  webDir?: string;
  /** limits of the built-in Direct Line (conversations, activities, idle expiry, token lifetime) */
  limits?: Partial<StoreLimits>;
  maxActivityBytes?: number;
  /** how often the page asks for new activities (built-in Direct Line) */
  pollingIntervalMs?: number;
  /** new conversations (or Azure tokens) per client address and minute (default: config) */
  newConversationsPerMinute?: number;
  /** how many of them at once (default: config) */
  newConversationsBurst?: number;
  /** for tests: Azure's token endpoint and the fetch used to reach it */
  azureTokenUrl?: string;
  fetch?: typeof fetch;
  /** gives tests the Direct Line service (to wait until the bot has answered) */
  onDirectLine?: (service: DirectLineService, store: DirectLineStore) => void;
}

const STATIC_TYPES: Record<string, string> = {
  'chat.css': 'text/css; charset=utf-8',
  'chat.js': 'text/javascript; charset=utf-8',
  'icon.svg': 'image/svg+xml',
};

interface Asset { body: Buffer; type: string; etag: string }

function findWebDir(): string {
  // the same code runs from bot/web (ts-jest) and from dist/bot/web (build)
  const candidates = [path.resolve(__dirname, '../../web'), path.resolve(__dirname, '../../../web'), path.join(process.cwd(), 'web')];
  const found = candidates.find((d) => fs.existsSync(path.join(d, 'index.html')));
  if (!found) throw new Error(`web page assets not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** dist/webchat.js of the installed botframework-webchat (its "exports" hide dist/, so go via main). */
export function webchatBundle(): { file: string; version: string } {
  let dir = path.dirname(require.resolve('botframework-webchat'));
  for (;;) {
    const pkgFile = path.join(dir, 'package.json');
    if (fs.existsSync(pkgFile)) {
      const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'botframework-webchat') {
        const file = path.join(dir, 'dist', 'webchat.js');
        if (!fs.existsSync(file)) throw new Error(`${file} is missing: reinstall botframework-webchat`);
        return { file, version: pkg.version ?? '0' };
      }
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error('botframework-webchat is not installed');
    dir = up;
  }
}

function etagOf(body: Buffer | string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 20)}"`;
}

function flatten(obj: Record<string, unknown>, prefix: string, out: Record<string, string>): Record<string, string> {
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string') out[`${prefix}${k}`] = v;
    else if (v && typeof v === 'object') flatten(v as Record<string, unknown>, `${prefix}${k}.`, out);
  }
  return out;
}

function sendBody(req: restify.Request, res: restify.Response, status: number, headers: Record<string, string>, body: Buffer | string): void {
  res.writeHead(status, { 'content-length': String(Buffer.byteLength(body)), ...headers });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function clientAddress(req: restify.Request): string {
  return addressKey(req.socket?.remoteAddress);
}

export function webRoutes(config: Config, options: WebOptions = {}): (server: restify.Server, app: WebApp) => void {
  const webDir = options.webDir ?? findWebDir();
  const local = !config.directLineSecret;
  const dl = config.directLine;
  const limits: StoreLimits = {
    ...DEFAULT_LIMITS,
    maxConversations: dl.maxConversations,
    maxConversationBytes: dl.maxConversationBytes,
    maxTotalBytes: dl.maxTotalBytes,
    maxPerAddress: dl.maxPerAddress,
    ...options.limits,
  };
  const pollingIntervalMs = options.pollingIntervalMs ?? 1000;

  // --- static assets and the Web Chat bundle ---
  const assets = new Map<string, Asset>();
  for (const [name, type] of Object.entries(STATIC_TYPES)) {
    const body = fs.readFileSync(path.join(webDir, name));
    assets.set(name, { body, type, etag: etagOf(body) });
  }
  const assetVersion = createHash('sha256').update([...assets.values()].map((a) => a.etag).join()).digest('hex').slice(0, 10);
  const bundle = webchatBundle();
  let bundleBody: Buffer | undefined;
  let bundleGzip: Promise<Buffer> | undefined;
  const bundleEtag = `"webchat-${bundle.version}"`;

  // --- microcopy per language, pages rendered once ---
  const languages = fs.readdirSync(config.localesDir)
    .filter((l) => fs.existsSync(path.join(config.localesDir, l, 'web.json')))
    .sort();
  if (!languages.includes(config.defaultLang)) throw new Error(`${path.join(config.localesDir, config.defaultLang, 'web.json')} is missing`);
  const strings = new Map<string, WebStrings>(languages.map((l) => [l, readJsonFile(path.join(config.localesDir, l, 'web.json'), WebStringsSchema)]));
  // the pages name the city of the data pack ({{city}}, {{cityShort}}), as the bot's texts do
  const city = cityNames(readJsonFile(path.join(config.knowledgeDir, config.municipality, 'municipality.json'), MunicipalityFileSchema));
  const vars = { days: config.retentionDays, minutes: Math.round(limits.idleMs / 60_000), city: city.name, cityShort: city.short };
  const indexTemplate = fs.readFileSync(path.join(webDir, 'index.html'), 'utf8');
  const privacyTemplate = fs.readFileSync(path.join(webDir, 'privacy.html'), 'utf8');

  function languageLinks(current: string, page: string): string {
    return languages.map((l) => {
      const name = escapeHtml(strings.get(l)!.languageName);
      const dir = directionFor(l, strings.get(l)!.dir);
      return l === current
        ? `<a href="${page}?lang=${l}" hreflang="${l}" lang="${l}" dir="${dir}" aria-current="page">${name}</a>`
        : `<a href="${page}?lang=${l}" hreflang="${l}" lang="${l}" dir="${dir}">${name}</a>`;
    }).join('');
  }

  const pages = new Map<string, { index: string; privacy: string }>();
  for (const lang of languages) {
    const s = strings.get(lang)!;
    const where = path.join(config.localesDir, lang, 'web.json');
    const t = flatten(s as unknown as Record<string, unknown>, 't.', {});
    for (const k of Object.keys(t)) t[k] = interpolate(t[k], { ...vars, command: s.privacy.deleteCommand }, `${where}: ${k.slice(2)}`);
    const dir = directionFor(lang, s.dir);
    const common = { ...t, lang, dir, assetVersion, webchatVersion: bundle.version };
    const client = { lang, dir, webchatLocale: s.webchatLocale, strings: { connectError: s.connectError, ended: s.ended, chatLabel: s.chatLabel } };
    pages.set(lang, {
      index: fillTemplate(indexTemplate, { ...common, languageLinks: languageLinks(lang, '/'), clientJson: jsonForHtml(client) }, path.join(webDir, 'index.html')),
      privacy: fillTemplate(privacyTemplate, {
        ...common,
        languageLinks: languageLinks(lang, '/privacy'),
        transcript: local ? t['t.privacy.transcriptLocal'] : t['t.privacy.transcriptAzure'],
        logs: config.logUserText ? t['t.privacy.logsOn'] : t['t.privacy.logs'],
      }, path.join(webDir, 'privacy.html')),
    });
  }

  const azureDomain = new URL(options.azureTokenUrl ?? AZURE_TOKEN_URL).origin;
  const connect = local ? "'self'" : `'self' ${azureDomain} ${azureDomain.replace(/^http/, 'ws')}`;
  const pageHeaders = {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-cache',
    vary: 'Accept-Language',
    'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; media-src 'self' data: blob:; connect-src ${connect}; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors ${config.frameAncestors}`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };

  const perMinute = options.newConversationsPerMinute ?? dl.perAddressPerMinute;
  const tooMany = createTokenBucket(perMinute, options.newConversationsBurst ?? Math.max(dl.perAddressBurst, options.newConversationsPerMinute ?? 0));

  return (server, app) => {
    const log = app.services.log;
    const langOf = (req: restify.Request) => chooseLang((req.query as Record<string, unknown> | undefined)?.lang, req.header('accept-language'), languages, config.defaultLang);

    // GET and HEAD (monitoring, proxies) for everything the browser loads
    const page = (p: string, handler: (req: restify.Request, res: restify.Response) => Promise<void>) => {
      server.get(p, handler);
      server.head(p, handler);
    };
    const index = async (req: restify.Request, res: restify.Response) => sendBody(req, res, 200, pageHeaders, pages.get(langOf(req))!.index);
    page('/', index);
    page('/index.html', index);
    page('/privacy', async (req, res) => sendBody(req, res, 200, pageHeaders, pages.get(langOf(req))!.privacy));

    page('/static/:file', async (req, res) => {
      const a = assets.get(String((req.params as Record<string, unknown>).file));
      if (!a) {
        res.status(404);
        res.json({ error: 'NotFound', message: 'No such file.' });
        return;
      }
      const headers = { 'content-type': a.type, 'cache-control': 'public, max-age=86400', etag: a.etag, 'x-content-type-options': 'nosniff' };
      if (req.header('if-none-match') === a.etag) return sendBody(req, res, 304, headers, '');
      sendBody(req, res, 200, headers, a.body);
    });

    page('/webchat/webchat.js', async (req, res) => {
      const headers: Record<string, string> = {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'public, max-age=604800',
        etag: bundleEtag,
        vary: 'Accept-Encoding',
        'x-content-type-options': 'nosniff',
      };
      if (req.header('if-none-match') === bundleEtag) return sendBody(req, res, 304, headers, '');
      bundleBody ??= await fs.promises.readFile(bundle.file);
      if (/\bgzip\b/.test(req.header('accept-encoding') ?? '')) {
        bundleGzip ??= gzip(bundleBody, { level: 6 });
        return sendBody(req, res, 200, { ...headers, 'content-encoding': 'gzip' }, await bundleGzip);
      }
      sendBody(req, res, 200, headers, bundleBody);
    });

    server.get('/api/webchat-config', async (_req, res) => {
      res.header('cache-control', 'no-store');
      res.json(local
        ? { mode: 'local', tokenUrl: `${DIRECTLINE_PATH}/tokens/generate`, domain: DIRECTLINE_PATH, webSocket: false, pollingIntervalMs }
        : { mode: 'azure', tokenUrl: '/api/token', domain: `${azureDomain}/v3/directline`, webSocket: true });
    });

    const token = async (req: restify.Request, res: restify.Response) => {
      res.header('cache-control', 'no-store');
      if (local) {
        res.status(404);
        res.json({ error: 'NotConfigured', message: 'DIRECTLINE_SECRET is not set; this server runs its own Direct Line (see /api/webchat-config).' });
        return;
      }
      if (tooMany(clientAddress(req))) {
        res.status(429);
        res.json({ error: 'TooManyRequests', message: 'Too many new conversations from this address. Please wait a minute.' });
        return;
      }
      // made here, never taken from the client: nobody can ask for a token in someone else's name
      const userId = `dl_${randomId(12)}`;
      try {
        const t = await exchangeSecret({ secret: config.directLineSecret, userId, url: options.azureTokenUrl, fetch: options.fetch });
        res.json({ ...t, userId });
      } catch (err) {
        const status = err instanceof TokenExchangeError ? err.status : undefined;
        log.error({ status, err: { name: (err as Error).name, message: (err as Error).message } }, 'direct line token exchange failed');
        res.status(502);
        res.json({ error: 'DirectLineUnavailable', message: 'The chat service cannot be reached right now. Please try again later.' });
      }
    };
    server.get('/api/token', token);
    server.post('/api/token', token);

    if (local) {
      const { adapter, bot } = app;
      if (!adapter || !bot) throw new Error('webRoutes: the built-in Direct Line needs the app\'s adapter and bot to run turns');
      const store = new DirectLineStore(limits);
      const service = registerDirectLine(server, {
        store,
        log,
        maxActivityBytes: options.maxActivityBytes,
        runTurn: (activity) => adapter.runLocalTurn(activity as unknown as Activity, (ctx) => bot.run(ctx)) as Promise<Array<Record<string, unknown>>>,
        limitNewConversation: (req) => tooMany(clientAddress(req)),
        addressOf: clientAddress,
      });
      // callback confirmations from the staff area go straight into the citizen's transcript
      app.services.staff?.notices.use('directline', async (ref, m) => ref.via === 'directline' && service.post(ref.conversationId, { type: 'message', text: m.text, locale: m.locale }));
      options.onDirectLine?.(service, store);
    }
  };
}
