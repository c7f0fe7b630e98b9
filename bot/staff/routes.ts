// The staff area: pages under /staff (login first) and their JSON API under /staff/api/. Every page
// and API route except the login needs a session (API: 401, pages: redirect to the login); a role
// below the route's gets 403; every POST except the login needs the session's CSRF token in the
// X-CSRF-Token header (the login takes JSON only, which a cross-site form cannot send). The session
// cookie is HttpOnly and SameSite=Strict, "__Host-" and Secure over HTTPS (or behind a trusted proxy
// that says so); over plain http only loopback may log in unless STAFF_ALLOW_HTTP is set.
import * as fs from 'fs';
import * as path from 'path';
import type * as restify from 'restify';
import type { Config } from '../config';
import type { Services } from '../services';
import type { LayeredAnswer } from '../knowledge/kb';
import { loadMunicipalityPack } from '../offers/load';
import type { MunicipalityPack } from '../offers/schema';
import { StaffAuth, mayAct, sameToken } from './auth';
import type { CallbackRequest, InboxItem, Role, StaffRepository, StaffSession, StaffUser } from './repository';
import { groupInbox } from './group';
import { contentHealth } from './health';
import { chartSeries, planningCsv, planningReport, UNKNOWN_PLACE } from './planning';
import { EXPLAIN_CHANNELS, explainTurn, type ExplainApp } from './explain';
import { newId } from './hooks';
import * as pages from './pages';
import { loadStaffStrings } from './strings';
import { chooseLang } from '../web/page';

export interface StaffApp extends ExplainApp {
  services: ExplainApp['services'] & Services;
  staffRepo: StaffRepository;
}

export interface StaffRouteOptions {
  now?: () => number;
  /** folder with staff.css and staff.js (default: the project's web/staff) */
  assetsDir?: string;
}

const COOKIE = 'pn_staff';
/** the page language someone chose with ?lang= (not a secret; kept so every page stays in it) */
const LANG_COOKIE = 'pn_staff_lang';
const SECURE_COOKIE = `__Host-${COOKIE}`;

function findAssets(): string {
  const candidates = [path.resolve(__dirname, '../../web/staff'), path.resolve(__dirname, '../../../web/staff'), path.join(process.cwd(), 'web', 'staff')];
  const found = candidates.find((d) => fs.existsSync(path.join(d, 'staff.js')));
  if (!found) throw new Error(`staff page assets not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** chart.js's UMD build from node_modules: served by the bot, no CDN */
export function chartBundle(): string {
  const file = path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: reinstall chart.js`);
  return file;
}

const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

function send(res: restify.Response, status: number, headers: Record<string, string>, body: string | Buffer): void {
  res.writeHead(status, { 'content-length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

function json(res: restify.Response, status: number, body: unknown): void {
  send(res, status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }, JSON.stringify(body));
}

function cookies(req: restify.Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.header('cookie') ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

const str = (v: unknown, max: number): string | undefined => (typeof v === 'string' && v.length <= max ? v : undefined);

export function staffRoutes(config: Config, options: StaffRouteOptions = {}): (server: restify.Server, app: StaffApp) => void {
  const assetsDir = options.assetsDir ?? findAssets();
  const assets = new Map<string, { body: Buffer; type: string }>([
    ['staff.css', { body: fs.readFileSync(path.join(assetsDir, 'staff.css')), type: 'text/css; charset=utf-8' }],
    ['staff.js', { body: fs.readFileSync(path.join(assetsDir, 'staff.js')), type: 'text/javascript; charset=utf-8' }],
  ]);
  const chartFile = chartBundle();
  // read at the first health page: buildApp has already loaded and checked the same pack at the start
  let pack: MunicipalityPack | undefined;
  const packOf = (): MunicipalityPack => (pack ??= loadMunicipalityPack(path.join(config.knowledgeDir, config.municipality)));
  const sc = config.staff;
  const strings = loadStaffStrings(config.localesDir, config.defaultLang);
  const languages = [...strings.entries()].map(([lang, t]) => ({ lang, name: t.languageName }));

  return (server, app) => {
    const repo = app.staffRepo;
    const s = app.services;
    const now = options.now ?? Date.now;
    const auth = new StaffAuth(repo, { ...sc, now });
    /** ?lang= (then kept in a cookie), else the cookie, else Accept-Language, else the default */
    const langOf = (req: restify.Request, res?: restify.Response): pages.PageLang => {
      const q = (req.query as Record<string, unknown> | undefined)?.lang;
      const chosen = typeof q === 'string' && strings.has(q) ? q : undefined;
      if (chosen && res) res.header('set-cookie', `${LANG_COOKIE}=${chosen}; Path=/staff; SameSite=Strict; Max-Age=31536000`);
      const kept = cookies(req)[LANG_COOKIE];
      const lang = chosen ?? (kept && strings.has(kept) ? kept : chooseLang(undefined, req.header('accept-language'), [...strings.keys()], config.defaultLang));
      return { lang, t: strings.get(lang)!, languages };
    };
    const placeName = (l: pages.PageLang) => (id: string) => (id === UNKNOWN_PLACE ? l.t.planning.unknownPlace : s.local.stadtteilName(id));

    const secure = (req: restify.Request) => req.isSecure() || (sc.trustProxy && req.header('x-forwarded-proto') === 'https');
    const address = (req: restify.Request) => (sc.trustProxy ? (req.header('x-forwarded-for') ?? '').split(',')[0].trim() : '') || req.socket?.remoteAddress || 'unknown';
    const loopback = (req: restify.Request) => /^(127\.|::1$|::ffff:127\.)/.test(req.socket?.remoteAddress ?? '');
    const cookieName = (req: restify.Request) => (secure(req) ? SECURE_COOKIE : COOKIE);
    const tokenOf = (req: restify.Request) => cookies(req)[cookieName(req)];
    const setCookie = (req: restify.Request, value: string, maxAge: number) =>
      `${cookieName(req)}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure(req) ? '; Secure' : ''}`;

    interface Ctx { user: StaffUser; session: StaffSession }
    type Handler = (req: restify.Request, res: restify.Response, c: Ctx) => Promise<void>;

    /** An API route: session (401), role (403), and for POST the CSRF token (403). */
    const api = (method: 'get' | 'post', p: string, role: Role, handler: Handler) => {
      server[method](p, async (req: restify.Request, res: restify.Response) => {
        try {
          const found = await auth.session(tokenOf(req));
          if (!found) return json(res, 401, { error: 'Unauthorized', message: 'Please log in.' });
          if (method === 'post' && !sameToken(String(req.header('x-csrf-token') ?? ''), found.session.csrf)) {
            return json(res, 403, { error: 'CsrfTokenMissing', message: 'The request lacks the page\'s security token. Reload the page.' });
          }
          if (!mayAct(found.user.role, role)) return json(res, 403, { error: 'Forbidden', message: 'Your role may not do this.' });
          await handler(req, res, found);
        } catch (err) {
          s.log.error({ err: { name: (err as Error).name, message: (err as Error).message }, route: p }, 'staff route failed');
          if (!res.headersSent) json(res, 500, { error: 'InternalError', message: 'Something went wrong. Please try again.' });
        }
      });
    };

    /** A page: without a session a redirect to the login, a role below the page's a 403 page. */
    const page = (id: pages.PageId, role: Role, body: (l: pages.PageLang, c: Ctx) => Promise<string>, scripts?: string) => {
      const p = `/staff/${id}`;
      server.get(p, async (req: restify.Request, res: restify.Response) => {
        const l = langOf(req, res);
        try {
          const found = await auth.session(tokenOf(req));
          if (!found) return send(res, 303, { location: '/staff/login', 'cache-control': 'no-store' }, '');
          const user = { username: found.user.username, role: found.user.role };
          if (!mayAct(found.user.role, role)) return send(res, 403, PAGE_HEADERS, pages.forbiddenPage(l, user, found.session.csrf, p));
          const html = pages.layout(l, { page: id, title: l.t.pages[id], path: p, user, csrf: found.session.csrf, body: await body(l, found), scripts });
          send(res, 200, PAGE_HEADERS, html);
        } catch (err) {
          s.log.error({ err: { name: (err as Error).name, message: (err as Error).message }, route: p }, 'staff page failed');
          if (!res.headersSent) send(res, 500, PAGE_HEADERS, pages.failurePage(l));
        }
      });
    };

    // --- static files (no data in them) and the login ---
    server.get('/staff/static/:file', async (req: restify.Request, res: restify.Response) => {
      const name = String((req.params as Record<string, unknown>).file);
      if (name === 'chart.umd.min.js') return send(res, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=86400', 'x-content-type-options': 'nosniff' }, await fs.promises.readFile(chartFile));
      const a = assets.get(name);
      if (!a) return json(res, 404, { error: 'NotFound', message: 'No such file.' });
      send(res, 200, { 'content-type': a.type, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' }, a.body);
    });
    server.get('/staff/login', async (req: restify.Request, res: restify.Response) => send(res, 200, PAGE_HEADERS, pages.loginPage(langOf(req, res))));
    server.get('/staff', async (_req: restify.Request, res: restify.Response) => send(res, 303, { location: '/staff/ask', 'cache-control': 'no-store' }, ''));

    server.post('/staff/api/login', async (req: restify.Request, res: restify.Response) => {
      try {
        if (!/^application\/json\b/i.test(req.header('content-type') ?? '')) return json(res, 415, { error: 'UnsupportedMediaType', message: 'Send the login as JSON.' });
        if (!secure(req) && !loopback(req) && !sc.allowHttp) return json(res, 403, { error: 'HttpsRequired', message: 'Staff logins need HTTPS.' });
        const body = (req.body ?? {}) as Record<string, unknown>;
        const username = str(body.username, 64);
        const password = str(body.password, 256);
        if (!username || !password) return json(res, 400, { error: 'BadRequest', message: 'User name and password are needed.' });
        const r = await auth.login(username.trim().toLowerCase(), password, address(req));
        if (!r.ok) {
          s.log.warn({ reason: r.reason }, 'staff login refused');
          return json(res, r.reason === 'locked' ? 429 : 401, r.reason === 'locked'
            ? { error: 'Locked', message: `Too many failed logins. Try again in ${sc.lockoutMinutes} minutes.` }
            : { error: 'InvalidLogin', message: 'User name or password is wrong.' });
        }
        res.header('set-cookie', setCookie(req, r.token, sc.maxHours * 3600));
        json(res, 200, { username: r.user.username, role: r.user.role, csrf: r.session.csrf });
      } catch (err) {
        s.log.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'staff login failed');
        if (!res.headersSent) json(res, 500, { error: 'InternalError', message: 'Something went wrong. Please try again.' });
      }
    });

    api('post', '/staff/api/logout', 'counsellor', async (req, res) => {
      await auth.logout(tokenOf(req)!);
      res.header('set-cookie', setCookie(req, '', 0));
      json(res, 200, { ok: true });
    });
    api('get', '/staff/api/session', 'counsellor', async (_req, res, c) => json(res, 200, { username: c.user.username, role: c.user.role, csrf: c.session.csrf }));

    // --- Ask & explain ---
    api('post', '/staff/api/explain', 'counsellor', async (req, res) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const text = str(body.text, s.maxMessageChars)?.trim();
      const lang = body.lang === 'en' ? 'en' : 'de';
      const channel = (EXPLAIN_CHANNELS as readonly string[]).includes(String(body.channel)) ? String(body.channel) : 'webchat';
      if (!text) return json(res, 400, { error: 'BadRequest', message: `A question of 1–${s.maxMessageChars} characters is needed.` });
      json(res, 200, await explainTurn(app, text, lang, channel));
    });

    // --- Inbox and training queue ---
    const answerList = () => [...s.kb.answers.values()].map((a: LayeredAnswer) => ({ id: a.id, title: a.de.title })).sort((a, b) => a.title.localeCompare(b.title, 'de'));
    const openGroups = async () => groupInbox((await repo.listInbox()).filter((i) => i.status === 'open'));
    api('get', '/staff/api/inbox', 'counsellor', async (_req, res) => json(res, 200, { groups: await openGroups() }));
    api('get', '/staff/api/answers', 'counsellor', async (_req, res) => json(res, 200, { answers: answerList() }));
    api('post', '/staff/api/inbox/:id/action', 'counsellor', async (req, res, c) => {
      const id = String((req.params as Record<string, unknown>).id);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const action = body.action;
      const group = (await openGroups()).find((g) => g.id === id);
      const single = group ? undefined : await repo.getInboxItem(id);
      const items: InboxItem[] = group ? (await repo.listInbox()).filter((i) => group.itemIds.includes(i.id)) : single ? [single] : [];
      if (!items.length) return json(res, 404, { error: 'NotFound', message: 'No such inbox item.' });
      if (action === 'assign') {
        const answerId = str(body.answerId, 100);
        if (!answerId || !s.kb.answers.has(answerId)) return json(res, 400, { error: 'BadRequest', message: 'Choose an existing entry.' });
        const queued = new Set((await repo.listTraining()).filter((t) => t.intent === answerId).map((t) => `${t.lang}\u0000${t.text.toLowerCase()}`));
        for (const item of items) {
          await repo.updateInboxItem({ ...item, status: 'assigned', answerId, by: c.user.username });
          const key = `${item.lang}\u0000${item.text.toLowerCase()}`;
          // an empty text (a "did not help" without a stored question) or a phrasing queued already adds nothing
          if (!item.text || queued.has(key) || /\[(Name|Telefon|E-Mail|Adresse|Datum|Nummer|PLZ|Link)\]/.test(item.text)) continue;
          queued.add(key);
          await repo.addTraining({ id: newId(), inboxId: item.id, lang: item.lang, text: item.text, intent: answerId, status: 'queued', createdAt: new Date(now()).toISOString(), by: c.user.username });
        }
      } else if (action === 'new_question') {
        const note = str(body.note ?? '', 500);
        if (note === undefined) return json(res, 400, { error: 'BadRequest', message: 'The note is too long (500 characters at most).' });
        for (const item of items) await repo.updateInboxItem({ ...item, status: 'new_question', note, by: c.user.username });
      } else if (action === 'ignore') {
        for (const item of items) await repo.updateInboxItem({ ...item, status: 'ignored', by: c.user.username });
      } else {
        return json(res, 400, { error: 'BadRequest', message: 'action must be assign, new_question or ignore.' });
      }
      json(res, 200, { ok: true, items: items.length });
    });
    api('get', '/staff/api/training', 'counsellor', async (_req, res) => json(res, 200, { training: await repo.listTraining() }));
    api('post', '/staff/api/training/:id', 'editor', async (req, res, c) => {
      const id = String((req.params as Record<string, unknown>).id);
      const decision = ((req.body ?? {}) as Record<string, unknown>).decision;
      const t = (await repo.listTraining()).find((x) => x.id === id);
      if (!t) return json(res, 404, { error: 'NotFound', message: 'No such training example.' });
      if (decision !== 'approve' && decision !== 'reject') return json(res, 400, { error: 'BadRequest', message: 'decision must be approve or reject.' });
      if (t.status !== 'queued') return json(res, 409, { error: 'Conflict', message: `This example is already ${t.status}.` });
      await repo.updateTraining({ ...t, status: decision === 'approve' ? 'approved' : 'rejected', reviewedBy: c.user.username });
      json(res, 200, { ok: true });
    });

    // --- Feedback ---
    const feedbackRows = async () => Object.entries(await repo.feedbackCounts())
      .map(([id, n]) => ({ id, title: s.kb.answers.get(id)?.de.title ?? id, yes: n.yes, no: n.no }))
      .sort((a, b) => b.no - a.no || b.yes - a.yes);
    api('get', '/staff/api/feedback', 'counsellor', async (_req, res) => json(res, 200, { feedback: await feedbackRows() }));

    // --- Callbacks ---
    const callbackList = async () => (await repo.listCallbacks()).sort((a, b) => (a.status === 'done' ? 1 : 0) - (b.status === 'done' ? 1 : 0) || a.createdAt.localeCompare(b.createdAt));
    api('get', '/staff/api/callbacks', 'counsellor', async (_req, res) => json(res, 200, { callbacks: await callbackList() }));
    api('post', '/staff/api/callbacks/:id', 'counsellor', async (req, res) => {
      const id = String((req.params as Record<string, unknown>).id);
      const status = ((req.body ?? {}) as Record<string, unknown>).status;
      const cb = await repo.getCallback(id);
      if (!cb) return json(res, 404, { error: 'NotFound', message: 'No such callback request.' });
      if (status !== 'new' && status !== 'called' && status !== 'done') return json(res, 400, { error: 'BadRequest', message: 'status must be new, called or done.' });
      const at = new Date(now()).toISOString();
      const changed: CallbackRequest = { ...cb, status, updatedAt: at, doneAt: status === 'done' ? cb.doneAt ?? at : undefined };
      let notice: CallbackRequest['notice'] | 'none' | undefined;
      if (status !== 'new' && status !== cb.status) {
        // deliver() never throws: a conversation that is gone costs the notice, never the status change
        const text = s.i18n.t(`callback_notice.${status}`, { lng: cb.lang });
        notice = s.staff ? await s.staff.notices.deliver(cb.reply, { text, locale: cb.lang }) : 'none';
        if (notice === 'failed') s.log.warn({ via: cb.reply?.via }, 'callback confirmation not delivered');
        // delivered: nothing left to tell; otherwise the citizen still hears of it with their next message
        await repo.updateCallback({ ...changed, pendingNotice: notice === 'delivered' ? undefined : status, notice: notice === 'none' ? undefined : notice });
      } else {
        await repo.updateCallback(changed);
      }
      json(res, 200, { ok: true, ...(notice ? { notice } : {}) });
    });

    // --- Content health and planning ---
    const health = () => contentHealth(s.kb, packOf().offers, packOf().municipality.staleAfterDays, s.today());
    api('get', '/staff/api/health', 'counsellor', async (_req, res) => json(res, 200, health()));
    const report = async () => planningReport(await repo.planningCounts());
    api('get', '/staff/api/planning', 'counsellor', async (_req, res) => {
      const r = await report();
      json(res, 200, { ...r, chart: chartSeries(r) });
    });
    api('get', '/staff/api/planning.csv', 'counsellor', async (req, res) => {
      send(res, 200, {
        'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="pflegenetz-planung-${s.today()}.csv"`, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff',
      }, `\uFEFF${planningCsv(await report(), placeName(langOf(req)))}`);
    });

    // --- Accounts (admin) ---
    api('get', '/staff/api/users', 'admin', async (_req, res) => json(res, 200, {
      users: (await repo.listUsers()).map((u) => ({ username: u.username, role: u.role, createdAt: u.createdAt, lockedUntil: u.lockedUntil ?? null })),
    }));

    // --- pages ---
    page('ask', 'counsellor', async (l) => pages.askBody(l, EXPLAIN_CHANNELS));
    page('inbox', 'counsellor', async (l, c) => pages.inboxBody(l, await openGroups(), answerList(), await repo.listTraining(), mayAct(c.user.role, 'editor')));
    page('feedback', 'counsellor', async (l) => pages.feedbackBody(l, await feedbackRows()));
    page('callbacks', 'counsellor', async (l) => pages.callbacksBody(l, await callbackList(), sc.callbackDeleteDays));
    page('health', 'counsellor', async (l) => pages.healthBody(l, health()));
    page('planning', 'counsellor', async (l) => {
      const r = await report();
      return pages.planningBody(l, r, chartSeries(r), placeName(l));
    }, '<script src="/staff/static/chart.umd.min.js" defer></script>\n');
    page('users', 'admin', async (l) => pages.usersBody(l, await repo.listUsers()));
  };
}

/** Retention for the staff store: inbox items, callbacks done long ago, expired sessions. */
export async function purgeStaff(repo: StaffRepository, config: Config, now = Date.now()) {
  const day = 86_400_000;
  return repo.purge({
    inboxBefore: new Date(now - config.staff.inboxRetentionDays * day).toISOString(),
    callbacksDoneBefore: new Date(now - config.staff.callbackDeleteDays * day).toISOString(),
    sessionsSeenBefore: now - config.staff.idleMinutes * 60_000,
    sessionsCreatedBefore: now - config.staff.maxHours * 3_600_000,
  });
}
