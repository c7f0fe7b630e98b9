// The staff area over HTTP against the real app (real content, NLU, lowdb files in a temp folder):
// every route refuses without a session, changes without the CSRF token are refused, roles are
// enforced, lockout works, passwords never reach the store file or the logs; and the loop from a
// citizen's unanswered question to the inbox, feedback, callbacks with their chat notice, "delete my
// data", content health and the planning report.
import * as fs from 'fs';
import * as path from 'path';
import { Writable } from 'stream';
import type { AddressInfo } from 'net';
import { testConfig } from '../helpers/app';
import { buildApp } from '../../bot/app';
import { createServer } from '../../bot/server';
import type { App } from '../../bot/app';
import type { Config } from '../../bot/config';
import { createLogger } from '../../bot/log';
import { staffRoutes } from '../../bot/staff/routes';
import { setAccount } from '../../bot/staff/auth';
import type { LowdbStaffRepository } from '../../bot/staff/lowdbRepository';
import { conversationRefOf } from '../../bot/staff/conversation';
import { loadStaffStrings } from '../../bot/staff/strings';
import { CANARIES } from './canaries';
import { tempDir } from '../helpers/tmp';
import { sayHttp, type Said } from '../helpers/say';

const PASSWORDS = { anna: 'counsellor-Secret-1', eddi: 'editor-Secret-22', ada: 'admin-Secret-333', lock: 'lockout-Secret-4444' };
const logLines: string[] = [];
const sink = new Writable({ write(chunk, _enc, cb) { logLines.push(String(chunk)); cb(); } });

let app: App & { config: Config };
let base: string;

beforeAll(async () => {
  const config = testConfig({ STAFF_LOCKOUT_ATTEMPTS: '3' });
  app = { ...(await buildApp(config, { logger: createLogger('debug', false, sink), routes: [staffRoutes(config)] })), config };
  await setAccount(app.staffRepo, 'anna', 'counsellor', PASSWORDS.anna);
  await setAccount(app.staffRepo, 'eddi', 'editor', PASSWORDS.eddi);
  await setAccount(app.staffRepo, 'ada', 'admin', PASSWORDS.ada);
  await setAccount(app.staffRepo, 'lock', 'counsellor', PASSWORDS.lock);
  await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}, 120_000);
afterAll(() => new Promise<void>((r) => app.server.close(() => r())));

interface Session { cookie: string; csrf: string }

async function login(user: keyof typeof PASSWORDS, password: string = PASSWORDS[user]): Promise<Response> {
  return fetch(`${base}/staff/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user, password }) });
}
async function session(user: keyof typeof PASSWORDS): Promise<Session> {
  const res = await login(user);
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie')!.split(';')[0];
  return { cookie, csrf: ((await res.json()) as { csrf: string }).csrf };
}
function get(p: string, s?: Session) {
  return fetch(`${base}${p}`, { redirect: 'manual', headers: s ? { cookie: s.cookie } : {} });
}
function post(p: string, body: unknown, s?: Session, csrf = s?.csrf) {
  return fetch(`${base}${p}`, {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/json', ...(s ? { cookie: s.cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}) },
    body: JSON.stringify(body),
  });
}

async function say(conv: string, text: string, channelId = 'emulator'): Promise<Said> {
  const said = await sayHttp(base, conv, text, { channelId });
  expect(said.status).toBe(200);
  return said;
}
const settle = () => (app.staffRepo as LowdbStaffRepository).settle();

const API_GET = ['/staff/api/session', '/staff/api/inbox', '/staff/api/answers', '/staff/api/training', '/staff/api/feedback', '/staff/api/callbacks', '/staff/api/health', '/staff/api/planning', '/staff/api/planning.csv', '/staff/api/users'];
const API_POST = ['/staff/api/logout', '/staff/api/explain', '/staff/api/inbox/x/action', '/staff/api/training/x', '/staff/api/callbacks/x'];
const PAGES = ['/staff/ask', '/staff/inbox', '/staff/feedback', '/staff/callbacks', '/staff/health', '/staff/planning', '/staff/users'];

describe('without a session nothing answers', () => {
  test.each(API_GET)('GET %s → 401', async (p) => {
    const res = await get(p);
    expect(res.status).toBe(401);
    expect(await res.text()).not.toMatch(/phone|Pflegegeld/);
  });
  test.each(API_POST)('POST %s → 401', async (p) => {
    expect((await post(p, {})).status).toBe(401);
  });
  test.each(PAGES)('page %s → redirect to the login', async (p) => {
    const res = await get(p);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/staff/login');
  });
  test('the lists above name every /staff route: a new route cannot escape these checks', () => {
    const open = new Set(['GET /staff', 'GET /staff/login', 'GET /staff/static/:file', 'POST /staff/api/login']);
    const listed = new Set([...API_GET.map((p) => `GET ${p}`), ...API_POST.map((p) => `POST ${p.replace(/\/x(?=\/|$)/, '/:id')}`), ...PAGES.map((p) => `GET ${p}`)]);
    const routes = Object.values((app.server as unknown as { router: { getRoutes(): Record<string, { method: string; path: string }> } }).router.getRoutes())
      .map((r) => `${r.method} ${r.path}`).filter((r) => / \/staff/.test(r) && !open.has(r));
    expect(routes.filter((r) => !listed.has(r))).toEqual([]);
    expect(routes.length).toBe(listed.size);
  });
  test('a made-up cookie is no session', async () => {
    expect((await get('/staff/api/inbox', { cookie: 'pn_staff=forged', csrf: '' })).status).toBe(401);
  });
  test('the login page and /staff answer without one', async () => {
    expect((await get('/staff/login')).status).toBe(200);
    expect((await get('/staff')).headers.get('location')).toBe('/staff/ask');
  });
});

describe('login, cookie, CSRF and roles', () => {
  test('the cookie is HttpOnly and SameSite=Strict (plain name and no Secure over local http)', async () => {
    const res = await login('anna');
    const c = res.headers.get('set-cookie')!;
    expect(c).toMatch(/^pn_staff=[\w-]{40,};/);
    expect(c).toMatch(/HttpOnly/);
    expect(c).toMatch(/SameSite=Strict/);
    expect(c).not.toMatch(/Secure/);
  });
  test('without STAFF_TRUST_PROXY a client\'s X-Forwarded-Proto is ignored', async () => {
    const res = await fetch(`${base}/staff/api/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' }, body: JSON.stringify({ username: 'anna', password: PASSWORDS.anna }) });
    expect(res.headers.get('set-cookie')).toMatch(/^pn_staff=/);
  });
  test('behind a trusted HTTPS proxy (STAFF_TRUST_PROXY) the cookie is __Host- and Secure, and only counts over https', async () => {
    const config = { ...app.config, staff: { ...app.config.staff, trustProxy: true } };
    const server = createServer({ adapter: app.adapter, bot: app.bot, log: app.services.log, routes: [(srv) => staffRoutes(config)(srv, app)] });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const proxied = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const res = await fetch(`${proxied}/staff/api/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' }, body: JSON.stringify({ username: 'anna', password: PASSWORDS.anna }) });
      const c = res.headers.get('set-cookie')!;
      expect(c).toMatch(/^__Host-pn_staff=[\w-]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/);
      const cookie = c.split(';')[0];
      expect((await fetch(`${proxied}/staff/api/session`, { headers: { cookie, 'x-forwarded-proto': 'https' } })).status).toBe(200);
      expect((await fetch(`${proxied}/staff/api/session`, { headers: { cookie } })).status).toBe(401);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
  test('a wrong password and an unknown user get the same answer', async () => {
    const a = await login('anna', 'wrong-password-123');
    const b = await fetch(`${base}/staff/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'nobody', password: 'wrong-password-123' }) });
    expect([a.status, b.status]).toEqual([401, 401]);
    expect(await a.json()).toEqual(await b.json());
  });
  test('a login as a form post (not JSON) is refused', async () => {
    const res = await fetch(`${base}/staff/api/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `username=anna&password=${PASSWORDS.anna}` });
    expect(res.status).toBe(415);
  });
  test.each(API_POST)('POST %s without the CSRF token → 403', async (p) => {
    const s = await session('ada');
    const res = await post(p, {}, s, '');
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toBe('CsrfTokenMissing');
    const wrong = await post(p, {}, s, 'x'.repeat(43));
    expect(wrong.status).toBe(403);
  });
  test('a counsellor may not see accounts or review training examples (403); an admin may', async () => {
    const anna = await session('anna');
    expect((await get('/staff/api/users', anna)).status).toBe(403);
    expect((await get('/staff/users', anna)).status).toBe(403);
    expect((await post('/staff/api/training/x', { decision: 'approve' }, anna)).status).toBe(403);
    const ada = await session('ada');
    const users = (await (await get('/staff/api/users', ada)).json()) as { users: { username: string; role: string }[] };
    expect(users.users.map((u) => `${u.username}:${u.role}`).sort()).toEqual(['ada:admin', 'anna:counsellor', 'eddi:editor', 'lock:counsellor']);
    expect(JSON.stringify(users)).not.toMatch(/scrypt|hash/);
  });
  test('every page answers 200 with a session, with a CSP that forbids framing', async () => {
    const ada = await session('ada');
    for (const p of PAGES) {
      const res = await get(p, ada);
      expect([p, res.status]).toEqual([p, 200]);
      expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    }
  });
  test('logout ends the session', async () => {
    const s = await session('anna');
    expect((await post('/staff/api/logout', {}, s)).status).toBe(200);
    expect((await get('/staff/api/inbox', s)).status).toBe(401);
  });
  test('lockout: after 3 failures even the right password is refused, per account', async () => {
    for (let i = 0; i < 3; i++) await login('lock', `wrong-${i}-password`);
    const res = await login('lock');
    expect(res.status).toBe(429);
    expect((await app.staffRepo.getUser('lock'))?.lockedUntil).toBeDefined();
    // another account from the same address is not affected (the address limit is higher)
    expect((await login('anna')).status).toBe(200);
  });
  test('passwords are never stored or logged in clear', async () => {
    await settle();
    const store = fs.readFileSync(path.join(app.config.dataDir, 'staff', 'staff.json'), 'utf8');
    const logs = logLines.join('');
    expect(logs).toMatch(/staff login refused/);
    for (const pw of [...Object.values(PASSWORDS), 'wrong-password-123']) {
      expect([pw, store.includes(pw), logs.includes(pw)]).toEqual([pw, false, false]);
    }
    expect(store).toMatch(/"hash": ?"scrypt\$32768\$8\$1\$/);
  });
});

describe('sessions expire over HTTP (the staff routes with an injected clock)', () => {
  test('idle for longer than STAFF_SESSION_IDLE_MINUTES, or older than STAFF_SESSION_MAX_HOURS: 401 and back to the login', async () => {
    let clock = Date.parse('2026-11-25T08:00:00Z');
    const routes = staffRoutes(app.config, { now: () => clock });
    const server = createServer({ adapter: app.adapter, bot: app.bot, log: app.services.log, routes: [(srv) => routes(srv, app)] });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const at = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const loginAt = async () => {
      const body = JSON.stringify({ username: 'anna', password: PASSWORDS.anna });
      const res = await fetch(`${at}/staff/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      return res.headers.get('set-cookie')!.split(';')[0];
    };
    const status = async (cookie: string, p = '/staff/api/session') => (await fetch(`${at}${p}`, { redirect: 'manual', headers: { cookie } })).status;
    const { idleMinutes, maxHours } = app.config.staff;
    try {
      // idle: used just inside the limit it lives on; one minute past it, it is gone
      let cookie = await loginAt();
      clock += (idleMinutes - 1) * 60_000;
      expect(await status(cookie)).toBe(200);
      clock += (idleMinutes + 1) * 60_000;
      expect(await status(cookie)).toBe(401);
      expect(await status(cookie, '/staff/inbox')).toBe(303);
      // absolute: kept busy, it still ends after maxHours
      cookie = await loginAt();
      const end = clock + maxHours * 3_600_000;
      while (clock + (idleMinutes - 1) * 60_000 < end) {
        clock += (idleMinutes - 1) * 60_000;
        expect(await status(cookie)).toBe(200);
      }
      clock = end + 60_000;
      expect(await status(cookie)).toBe(401);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('the pages\' language', () => {
  const en = JSON.parse(fs.readFileSync(path.join(__dirname, '../../locales/en/staff.json'), 'utf8'));
  const de = JSON.parse(fs.readFileSync(path.join(__dirname, '../../locales/de/staff.json'), 'utf8'));
  test('German by default, English by Accept-Language, ?lang= wins and stays chosen (cookie)', async () => {
    const anna = await session('anna');
    const page = async (p: string, headers: Record<string, string> = {}) => fetch(`${base}${p}`, { headers: { cookie: anna.cookie, ...headers } });
    let html = await (await page('/staff/callbacks')).text();
    expect(html).toMatch(/<html lang="de"/);
    expect(html).toContain(`<h1>${de.pages.callbacks}</h1>`);
    html = await (await page('/staff/callbacks', { 'accept-language': 'en-GB,en;q=0.9,de;q=0.5' })).text();
    expect(html).toMatch(/<html lang="en"/);
    expect(html).toContain(`<h1>${en.pages.callbacks}</h1>`);
    expect(html).toContain(en.logout);
    const chosen = await page('/staff/inbox?lang=en', { 'accept-language': 'de' });
    const langCookie = chosen.headers.get('set-cookie')!.split(';')[0];
    expect(langCookie).toBe('pn_staff_lang=en');
    expect(await chosen.text()).toContain(`<h1>${en.pages.inbox}</h1>`);
    html = await (await page('/staff/health', { cookie: `${anna.cookie}; ${langCookie}`, 'accept-language': 'de' })).text();
    expect(html).toContain(`<h1>${en.pages.health}</h1>`);
    // the login page too, and the script's words travel with the page
    html = await (await fetch(`${base}/staff/login?lang=en`)).text();
    expect(html).toContain(en.login.heading);
    expect(html).toContain(JSON.stringify(en.script.wrongLogin).slice(1, -1));
    // an unknown language is the default
    expect(await (await page('/staff/ask?lang=xx', { 'accept-language': 'fr' })).text()).toMatch(/<html lang="de"/);
  });
  test('no German word is left in the English pages\' markup', async () => {
    const ada = await session('ada');
    for (const p of PAGES) {
      const html = await (await fetch(`${base}${p}?lang=en`, { headers: { cookie: ada.cookie } })).text();
      // words only the German microcopy uses (data such as answer titles may be German)
      const visible = html.replace(/<(script|select)[\s\S]*?<\/\1>/g, '').replace(/<td>[\s\S]*?<\/td>/g, '');
      expect([p, visible.match(/\b(Abmelden|Eingang|Rückrufe|Anzahl|Zum Inhalt|Bereiche|herunterladen|Konten|Speichern)\b/g)]).toEqual([p, null]);
    }
  });
  test('a staff.json with a missing text or an unknown placeholder stops the start, naming the file', () => {
    const dir = tempDir('pn-staff-locales-');
    fs.mkdirSync(path.join(dir, 'de'));
    const { logout: _gone, ...missing } = de;
    void _gone;
    fs.writeFileSync(path.join(dir, 'de', 'staff.json'), JSON.stringify(missing));
    expect(() => loadStaffStrings(dir, 'de')).toThrow(/de[/\\]staff\.json[\s\S]*logout/);
    fs.writeFileSync(path.join(dir, 'de', 'staff.json'), JSON.stringify({ ...de, callbacks: { ...de.callbacks, intro: 'Nach {{tage}} Tagen' } }));
    expect(() => loadStaffStrings(dir, 'de')).toThrow(/staff\.json: callbacks\.intro: unknown placeholder \{\{tage\}\}/);
    expect(() => loadStaffStrings(dir, 'en')).toThrow(/en[/\\]staff\.json is missing/);
  });
});

describe('the loop: citizen → inbox → training queue', () => {
  test('Ask & explain: the reply as a citizen sees it and the diagnostics, nothing counted', async () => {
    const s = await session('anna');
    const before = JSON.stringify(await app.staffRepo.planningCounts());
    const res = await post('/staff/api/explain', { text: 'Wie viel Pflegegeld bei Pflegegrad 3?', lang: 'de', channel: 'telegram' }, s);
    expect(res.status).toBe(200);
    const r = (await res.json()) as {
      replies: { text: string; options: string[] }[]; explain: string[]; nlu: { intent: string; score: number };
      safety: string | null; answer: { id: string; reviewed: string; sources: unknown[] } | null;
    };
    expect(r.replies.map((x) => x.text).join('\n')).toMatch(/599/);
    expect(r.nlu.intent).toBe(r.answer?.id);
    expect(r.answer?.sources.length).toBeGreaterThan(0);
    expect(r.explain.join('\n')).toMatch(/intent: .* · lang: de/);
    expect(r.safety).toBeNull();
    expect(JSON.stringify(await app.staffRepo.planningCounts())).toBe(before);
    expect(await app.staffRepo.listInbox()).toEqual([]);
    const crisis = (await (await post('/staff/api/explain', { text: 'Ich will nicht mehr leben', lang: 'de', channel: 'webchat' }, s)).json()) as { safety: string | null };
    expect(crisis.safety).not.toBeNull();
    expect((await post('/staff/api/explain', { text: '' }, s)).status).toBe(400);
  });

  test('a question the bot does not understand lands in the inbox, redacted, grouped, and can be assigned', async () => {
    await say('inbox-1', 'Ich heiße Gerda Beispiel: zappeldi wuppdi schnurzel blubbo 0208 998877');
    await say('inbox-2', 'zappeldi wuppdi schnurzel blubbo?');
    await settle();
    const s = await session('anna');
    const { groups } = (await (await get('/staff/api/inbox', s)).json()) as { groups: { id: string; text: string; count: number }[] };
    const g = groups.find((x) => /schnurzel/.test(x.text));
    expect(g).toBeDefined();
    expect(g!.count).toBe(2);
    const stored = fs.readFileSync(path.join(app.config.dataDir, 'staff', 'staff.json'), 'utf8');
    expect(stored).not.toMatch(/Gerda|998877/);
    const answerId = [...app.services.kb.answers.keys()][0];
    expect((await post(`/staff/api/inbox/${g!.id}/action`, { action: 'assign', answerId: 'no-such-entry' }, s)).status).toBe(400);
    expect((await post(`/staff/api/inbox/${g!.id}/action`, { action: 'assign', answerId }, s)).status).toBe(200);
    const training = await app.staffRepo.listTraining();
    // the redacted phrasing with [Name]/[Telefon] is not queued; the clean one is
    expect(training.map((t) => [t.text, t.intent, t.status])).toEqual([['zappeldi wuppdi schnurzel blubbo?', answerId, 'queued']]);
    const after = (await (await get('/staff/api/inbox', s)).json()) as { groups: { text: string }[] };
    expect(after.groups.some((x) => /schnurzel/.test(x.text))).toBe(false);
    // an editor reviews it
    expect((await post(`/staff/api/training/${training[0].id}`, { decision: 'approve' }, await session('eddi'))).status).toBe(200);
    expect((await app.staffRepo.listTraining())[0].status).toBe('approved');
  });

  test('"new question needed" with a note, and "ignore"', async () => {
    await say('inbox-3', 'Schnarchkatzen wabbeln furchtbar');
    await say('inbox-4', 'Blubb blubb quatsch');
    await settle();
    const s = await session('anna');
    const items = await app.staffRepo.listInbox();
    const a = items.find((i) => /Schnarchkatzen/.test(i.text))!;
    const b = items.find((i) => /Blubb/.test(i.text))!;
    expect((await post(`/staff/api/inbox/${a.id}/action`, { action: 'new_question', note: 'Hilfsmittel-Recht klären' }, s)).status).toBe(200);
    expect((await post(`/staff/api/inbox/${b.id}/action`, { action: 'ignore' }, s)).status).toBe(200);
    expect((await post(`/staff/api/inbox/${b.id}/action`, { action: 'explode' }, s)).status).toBe(400);
    expect((await app.staffRepo.getInboxItem(a.id))).toMatchObject({ status: 'new_question', note: 'Hilfsmittel-Recht klären', by: 'anna' });
    expect((await app.staffRepo.getInboxItem(b.id))?.status).toBe('ignored');
  });
});

describe('feedback, callbacks and "delete my data"', () => {
  test('"did this help?" under an answer: counted per entry; "no" puts the question into the inbox', async () => {
    const r = await say('fb-1', 'Wie viel Pflegegeld bei Pflegegrad 3?');
    // a small card under the answer; its buttons send their title (imBack), as a click in Web Chat does
    expect(r.text).toContain('Hat das geholfen?');
    expect(r.cardButtons.map((b) => b.title)).toEqual(['Ja, das hat geholfen', 'Nein, hat nicht geholfen']);
    const [yes, no] = r.cardButtons;
    // the ways on are unchanged: at most five buttons
    expect(r.buttons.length).toBeLessThanOrEqual(5);
    const answerId = 'allowance';
    await say('fb-1', no.title);
    await say('fb-2', 'Wie viel Pflegegeld bei Pflegegrad 3?');
    await say('fb-2', yes.title);
    await settle();
    const s = await session('anna');
    const { feedback } = (await (await get('/staff/api/feedback', s)).json()) as { feedback: { id: string; yes: number; no: number }[] };
    expect(feedback.find((f) => f.id === answerId)).toMatchObject({ yes: 1, no: 1 });
    const notHelped = (await app.staffRepo.listInbox()).find((i) => i.reason === 'not_helped');
    expect(notHelped).toMatchObject({ text: 'Wie viel Pflegegeld bei Pflegegrad 3?', intent: answerId });
  });

  test('text channels: the question as a line, answered by typing "nicht hilfreich"', async () => {
    const r = await say('fb-3', 'Was ist Verhinderungspflege?', 'telegram');
    expect(r.text).toContain('Hat das geholfen? Schreiben Sie „hilfreich“ oder „nicht hilfreich“.');
    await settle();
    const noes = async () => Object.values(await app.staffRepo.feedbackCounts()).reduce((n, c) => n + c.no, 0);
    const before = await noes();
    const thanks = await say('fb-3', 'nicht hilfreich', 'telegram');
    expect(thanks.text).toMatch(/Danke, dass Sie es sagen/);
    await settle();
    expect(await noes()).toBe(before + 1);
  });

  test('a callback: consent, number, time in the office hours, topic, no name; staff mark it; the citizen is told; deleted with "delete my data"', async () => {
    const conv = 'cb-1';
    let r = await say(conv, 'Bitte um Rückruf');
    expect(r.text).toMatch(/einverstanden/);
    expect(r.buttons.map((b) => b.title)).toEqual(['Ja, einverstanden', 'Nein, lieber nicht']);
    await say(conv, 'Ja, einverstanden');
    r = await say(conv, 'kein telefon');
    expect(r.text).toMatch(/nicht wie eine Telefonnummer/);
    r = await say(conv, '0208 555 0101');
    expect(r.buttons.map((b) => b.title)).toEqual(['08:00–10:00', '10:00–12:30', 'Egal, jederzeit']);
    await say(conv, '10:00–12:30');
    await say(conv, 'Pflegegrad für meinen Vater');
    r = await say(conv, 'Ohne Namen');
    expect(r.text).toMatch(/0208 555 0101.*10:00–12:30/);
    await settle();
    // no callback data in the logs
    expect(logLines.join('')).not.toMatch(/555 0101|Pflegegrad für meinen Vater/);

    const s = await session('anna');
    const { callbacks } = (await (await get('/staff/api/callbacks', s)).json()) as { callbacks: { id: string; phone: string; slot: string; topic: string; status: string; name?: string }[] };
    const cb = callbacks.find((c) => c.phone === '0208 555 0101')!;
    expect(cb).toMatchObject({ slot: '10:00–12:30', topic: 'Pflegegrad für meinen Vater', status: 'new' });
    expect(cb.name).toBeUndefined();
    expect((await post(`/staff/api/callbacks/${cb.id}`, { status: 'finished' }, s)).status).toBe(400);
    expect((await post(`/staff/api/callbacks/${cb.id}`, { status: 'done' }, s)).status).toBe(200);
    const page = await (await get('/staff/callbacks', s)).text();
    expect(page).toContain('0208 555 0101');

    r = await say(conv, 'Danke');
    expect(r.text).toMatch(/Rückruf: Die Pflegeberatung hat sie erledigt/);
    r = await say(conv, 'Hallo');
    expect(r.text).not.toMatch(/Rückruf:/);

    // an inbox item of the same conversation, then "delete my data"
    await say(conv, 'Quatschwort ohne Sinn blubb');
    await settle();
    const ref = conversationRefOf({ channelId: 'emulator', conversation: { id: conv } });
    expect((await app.staffRepo.listInbox()).some((i) => i.conv === ref)).toBe(true);
    await say(conv, 'Meine Daten löschen');
    await say(conv, 'Ja');
    await settle();
    expect((await app.staffRepo.listCallbacks()).some((c) => c.conv === ref)).toBe(false);
    expect((await app.staffRepo.listInbox()).some((i) => i.conv === ref)).toBe(false);
  });
});

describe('bad input gets a clear 4xx, never a 5xx', () => {
  test('unknown ids, wrong values, oversized notes', async () => {
    const eddi = await session('eddi');
    expect((await post('/staff/api/inbox/nope/action', { action: 'ignore' }, eddi)).status).toBe(404);
    expect((await post('/staff/api/callbacks/nope', { status: 'done' }, eddi)).status).toBe(404);
    expect((await post('/staff/api/training/nope', { decision: 'approve' }, eddi)).status).toBe(404);
    const exported = (await app.staffRepo.listTraining()).find((t) => t.status !== 'queued');
    if (exported) expect((await post(`/staff/api/training/${exported.id}`, { decision: 'reject' }, eddi)).status).toBe(409);
    const open = (await app.staffRepo.listInbox()).find((i) => i.status === 'open');
    expect(open).toBeDefined();
    expect((await post(`/staff/api/inbox/${open!.id}/action`, { action: 'new_question', note: 'x'.repeat(501) }, eddi)).status).toBe(400);
    expect((await post('/staff/api/explain', { text: 'x'.repeat(5000) }, eddi)).status).toBe(400);
    const broken = await fetch(`${base}/staff/api/explain`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: eddi.cookie, 'x-csrf-token': eddi.csrf }, body: '{ broken' });
    expect(broken.status).toBeGreaterThanOrEqual(400);
    expect(broken.status).toBeLessThan(500);
  });
});

describe('content health and planning', () => {
  test('health lists answers, question entries and offers oldest first with stale flags, and the amounts with their dates', async () => {
    const s = await session('anna');
    const h = (await (await get('/staff/api/health', s)).json()) as { rows: { kind: string; reviewed: string | null; stale: boolean }[]; amounts: { id: string; current: { validFrom: string } | null }[] };
    expect(h.rows.some((r) => r.kind === 'answer')).toBe(true);
    expect(h.rows.some((r) => r.kind === 'question')).toBe(true);
    expect(h.rows.some((r) => r.kind === 'offer' && r.stale)).toBe(true);
    const dates = h.rows.map((r) => r.reviewed ?? '');
    expect(dates).toEqual([...dates].sort());
    expect(h.amounts.find((a) => a.id === 'pflegegeld')?.current?.validFrom).toBe('2025-01-01');
  });

  test('planning: topics × Stadtteil × week, cells under 5 suppressed, CSV without text', async () => {
    for (let i = 0; i < 5; i++) await say(`plan-${i}`, 'Wie viel Pflegegeld bei Pflegegrad 2 in Saarn?');
    await say('plan-x', 'Was ist Verhinderungspflege?');
    await settle();
    const s = await session('anna');
    const res = await get('/staff/api/planning.csv', s);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="pflegenetz-planung-2026-11-25\.csv"/);
    const csv = await res.text();
    expect(csv).toMatch(/2026-W48;\w+;Saarn;[5-9]\r\n/);
    expect(csv).toMatch(/;<5\r\n/);
    expect(csv).not.toMatch(/Pflegegeld bei|Verhinderungspflege\?/);
    const page = await (await get('/staff/planning', s)).text();
    expect(page).toContain('/staff/static/chart.umd.min.js');
    const chart = await get('/staff/static/chart.umd.min.js');
    expect(chart.status).toBe(200);
    expect((await chart.text()).length).toBeGreaterThan(100_000);
  });
});

describe('redaction before storing: the canary corpus through the real bot', () => {
  test('none of the canaries\' personal data reaches the staff store file, while their questions do', async () => {
    for (const [i, [message]] of CANARIES.entries()) {
      await say(`canary-${i}`, message, 'telegram');
      // a "did not help" puts the last question into the inbox even when it was answered
      await say(`canary-${i}`, 'nicht hilfreich', 'telegram');
      // and the store's own entry point, as the turn handling calls it for an unanswered message
      app.services.staff!.turn({ conv: `canary-direct-${i}`, lang: 'de', text: message, unanswered: 'not_understood' });
    }
    await settle();
    const store = fs.readFileSync(path.join(app.config.dataDir, 'staff', 'staff.json'), 'utf8');
    // as a whole token: the store's random ids are hex strings, and "12a" or "0532" inside one of them
    // is not a leak (that made this test fail now and then)
    const leaked = (g: string) => new RegExp(`(?<![\\p{L}\\p{N}])${g.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(store);
    for (const [message, gone] of CANARIES) for (const g of gone) expect([message, g, leaked(g)]).toEqual([message, g, false]);
    // the test only means something if the canaries got there: every direct one, and through the bot
    // at least half (some start a dialog instead, e.g. "rufen Sie mich an" the callback request)
    const inbox = await app.staffRepo.listInbox();
    expect(CANARIES.map((_c, i) => inbox.some((x) => x.conv === `canary-direct-${i}` && x.text))).toEqual(CANARIES.map(() => true));
    const convs = new Set(CANARIES.map((_c, i) => conversationRefOf({ channelId: 'telegram', conversation: { id: `canary-${i}` } })));
    const reached = new Set(inbox.filter((i) => convs.has(i.conv) && i.text).map((i) => i.conv));
    expect(reached.size).toBeGreaterThanOrEqual(Math.ceil(CANARIES.length / 2));
    // 34 turns: on the shared 2-core machine under load this took over the default limit
  }, 120_000);
});
