// The staff pages as HTML, rendered on the server from the same data the JSON API returns. Every
// value goes through escapeHtml; the words come from locales/<lang>/staff.json (strings.ts). The one
// script (web/staff/staff.js) sends forms marked data-api to the API with the session's CSRF token
// and reloads; its own words travel in the page as JSON.
import { escapeHtml as e, jsonForHtml } from '../web/page';
import type { Role } from './repository';
import type { InboxGroup } from './group';
import type { ContentHealth } from './health';
import type { PlanningReport } from './planning';
import type { CallbackRequest, StaffUser, TrainingExample } from './repository';
import { MIN_CELL } from './planning';
import { fill, type StaffStrings } from './strings';

export interface PageUser { username: string; role: Role }
/** the page's language and its texts, and the other languages the pages offer */
export interface PageLang { lang: string; t: StaffStrings; languages: { lang: string; name: string }[] }

export type PageId = keyof StaffStrings['pages'];
const NAV: { id: PageId; role: Role }[] = [
  { id: 'ask', role: 'counsellor' },
  { id: 'inbox', role: 'counsellor' },
  { id: 'feedback', role: 'counsellor' },
  { id: 'callbacks', role: 'counsellor' },
  { id: 'health', role: 'counsellor' },
  { id: 'planning', role: 'counsellor' },
  { id: 'users', role: 'admin' },
];
const RANK: Record<Role, number> = { counsellor: 0, editor: 1, admin: 2 };

function head(l: PageLang, title: string, extraScripts = ''): string {
  return `<!doctype html>
<html lang="${e(l.lang)}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${e(title)} – ${e(l.t.titleSuffix)}</title>
<link rel="stylesheet" href="/staff/static/staff.css">
<script type="application/json" id="staff-strings">${jsonForHtml(l.t.script)}</script>
${extraScripts}<script src="/staff/static/staff.js" defer></script>
</head>`;
}

/** Links to the same page in the other languages (the choice is kept in a cookie). */
function languageNav(l: PageLang, path: string): string {
  if (l.languages.length < 2) return '';
  const links = l.languages.map((x) => (x.lang === l.lang
    ? `<li><a href="${e(path)}?lang=${e(x.lang)}" hreflang="${e(x.lang)}" lang="${e(x.lang)}" aria-current="true">${e(x.name)}</a></li>`
    : `<li><a href="${e(path)}?lang=${e(x.lang)}" hreflang="${e(x.lang)}" lang="${e(x.lang)}">${e(x.name)}</a></li>`)).join('');
  return `<nav class="languages" aria-label="${e(l.t.languageLabel)}"><ul>${links}</ul></nav>`;
}

export interface LayoutOptions { page?: PageId; title: string; path: string; user: PageUser; csrf: string; body: string; scripts?: string }

export function layout(l: PageLang, opts: LayoutOptions): string {
  const links = NAV.filter((n) => RANK[opts.user.role] >= RANK[n.role])
    .map((n) => `<li><a href="/staff/${n.id}"${n.id === opts.page ? ' aria-current="page"' : ''}>${e(l.t.pages[n.id])}</a></li>`).join('');
  return `${head(l, opts.title, opts.scripts)}
<body>
<a class="skip-link" href="#main">${e(l.t.skipLink)}</a>
<header class="top">
<p class="brand">${e(l.t.brand)}</p>
<nav aria-label="${e(l.t.navLabel)}"><ul>${links}</ul></nav>
${languageNav(l, opts.path)}
<form class="logout" data-api="/staff/api/logout" data-after="/staff/login">
<span>${e(opts.user.username)} (${e(l.t.roles[opts.user.role])})</span>
<button type="submit">${e(l.t.logout)}</button>
</form>
</header>
<main id="main" data-csrf="${e(opts.csrf)}">
<h1>${e(opts.title)}</h1>
<p class="status" role="status" aria-live="polite"></p>
${opts.body}
</main>
</body>
</html>`;
}

export function loginPage(l: PageLang): string {
  const t = l.t.login;
  return `${head(l, t.title)}
<body>
<header class="top">${languageNav(l, '/staff/login')}</header>
<main id="main" class="login">
<h1>${e(t.heading)}</h1>
<form id="login-form" novalidate>
<p><label for="username">${e(t.username)}</label><br><input id="username" name="username" autocomplete="username" required></p>
<p><label for="password">${e(t.password)}</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">${e(t.submit)}</button></p>
<p class="status" role="alert"></p>
</form>
</main>
</body>
</html>`;
}

export function forbiddenPage(l: PageLang, user: PageUser, csrf: string, path: string): string {
  return layout(l, { title: l.t.forbidden.title, path, user, csrf, body: `<p>${e(l.t.forbidden.text)}</p>` });
}

export function failurePage(l: PageLang): string {
  return `${head(l, l.t.failure.title)}
<body>
<main id="main">
<h1>${e(l.t.failure.title)}</h1>
<p>${e(l.t.failure.text)}</p>
</main>
</body>
</html>`;
}

export function askBody(l: PageLang, channels: readonly string[]): string {
  const t = l.t.ask;
  return `<form id="ask-form">
<p><label for="q">${e(t.question)}</label><br>
<textarea id="q" name="text" rows="3" cols="60" required maxlength="2000"></textarea></p>
<p><label for="lang">${e(t.language)}</label>
<select id="lang" name="lang"><option value="de">${e(t.de)}</option><option value="en"${l.lang === 'en' ? ' selected' : ''}>${e(t.en)}</option></select>
<label for="channel">${e(t.channel)}</label>
<select id="channel" name="channel">${channels.map((c) => `<option value="${e(c)}">${e(c)}</option>`).join('')}</select>
<button type="submit">${e(t.submit)}</button></p>
</form>
<section id="ask-result" aria-labelledby="ask-result-h" hidden>
<h2 id="ask-result-h">${e(t.resultHeading)}</h2>
<div id="ask-replies" class="replies"></div>
<h2>${e(t.explainHeading)}</h2>
<dl id="ask-facts" class="facts"></dl>
<pre id="ask-explain" class="explain"></pre>
</section>`;
}

export function inboxBody(
  l: PageLang, groups: InboxGroup[], answers: { id: string; title: string }[], training: TrainingExample[], canReview: boolean,
): string {
  const t = l.t.inbox;
  const reason = (r: string) => (t.reasons as Record<string, string>)[r] ?? r;
  const options = answers.map((a) => `<option value="${e(a.id)}">${e(a.title)} (${e(a.id)})</option>`).join('');
  const rows = groups.map((g, i) => `<tr>
<td>${g.text ? e(g.text) : `<em>${e(t.noText)}</em>`}</td>
<td>${g.count}</td>
<td>${Object.entries(g.reasons).map(([r, n]) => `${e(reason(r))}: ${n}`).join('<br>')}</td>
<td>${e(g.intents.join(', ') || '–')}</td>
<td class="actions">
<form data-api="/staff/api/inbox/${e(g.id)}/action"><input type="hidden" name="action" value="assign">
<label for="a-${i}">${e(t.belongsTo)}</label> <select id="a-${i}" name="answerId">${options}</select>
<button type="submit">${e(t.assign)}</button></form>
<form data-api="/staff/api/inbox/${e(g.id)}/action"><input type="hidden" name="action" value="new_question">
<label for="n-${i}">${e(t.note)}</label> <input id="n-${i}" name="note" maxlength="500">
<button type="submit">${e(t.newQuestion)}</button></form>
<form data-api="/staff/api/inbox/${e(g.id)}/action"><input type="hidden" name="action" value="ignore">
<button type="submit">${e(t.ignore)}</button></form>
</td></tr>`).join('\n');
  const queue = training.filter((x) => x.status === 'queued' || x.status === 'approved');
  const qrows = queue.map((x) => `<tr><td>${e(x.text)}</td><td>${e(x.intent)}</td><td>${e(x.lang)}</td><td>${e(x.status === 'queued' ? t.queued : t.approved)}</td>
<td>${canReview && x.status === 'queued' ? `<form data-api="/staff/api/training/${e(x.id)}"><input type="hidden" name="decision" value="approve"><button type="submit">${e(t.approve)}</button></form>
<form data-api="/staff/api/training/${e(x.id)}"><input type="hidden" name="decision" value="reject"><button type="submit">${e(t.reject)}</button></form>` : ''}</td></tr>`).join('\n');
  const total = groups.reduce((s, g) => s + g.count, 0);
  return `<p>${e(t.intro)}</p>
${groups.length ? `<table><caption>${e(fill(t.caption, { count: total }))}</caption>
<thead><tr><th scope="col">${e(t.colQuestion)}</th><th scope="col">${e(t.colCount)}</th><th scope="col">${e(t.colReason)}</th><th scope="col">${e(t.colGuess)}</th><th scope="col">${e(t.colAction)}</th></tr></thead>
<tbody>${rows}</tbody></table>` : `<p>${e(t.empty)}</p>`}
<h2>${e(t.trainingHeading)}</h2>
${queue.length ? `<table><caption>${e(t.trainingCaption)}</caption><thead><tr><th scope="col">${e(t.colPhrasing)}</th><th scope="col">${e(t.colEntry)}</th><th scope="col">${e(t.colLanguage)}</th><th scope="col">${e(t.colState)}</th><th scope="col">${e(t.colReview)}</th></tr></thead><tbody>${qrows}</tbody></table>` : `<p>${e(t.trainingEmpty)}</p>`}
<p>${e(t.exportHint).replace('{{command}}', '<code>npm run staff -- export-training</code>')}</p>`;
}

export function feedbackBody(l: PageLang, rows: { id: string; title: string; yes: number; no: number }[]): string {
  const t = l.t.feedback;
  if (!rows.length) return `<p>${e(t.empty)}</p>`;
  return `<table><caption>${e(t.caption)}</caption><thead><tr><th scope="col">${e(t.colEntry)}</th><th scope="col">${e(t.colYes)}</th><th scope="col">${e(t.colNo)}</th></tr></thead><tbody>
${rows.map((r) => `<tr><td>${e(r.title)} <small>(${e(r.id)})</small></td><td>${r.yes}</td><td>${r.no}</td></tr>`).join('\n')}</tbody></table>`;
}

/** What became of the citizen's confirmation: delivered, failed, still waiting for their next message, or nothing to tell. */
export function noticeState(c: CallbackRequest): keyof StaffStrings['callbacks']['notice'] {
  if (c.notice === 'failed') return 'failed';
  if (c.pendingNotice) return 'pending';
  if (c.notice === 'delivered') return 'delivered';
  return 'none';
}

export function callbacksBody(l: PageLang, list: CallbackRequest[], deleteDays: number): string {
  const t = l.t.callbacks;
  if (!list.length) return `<p>${e(t.empty)}</p>`;
  const rows = list.map((c, i) => `<tr><td>${e(c.createdAt.slice(0, 16).replace('T', ' '))}</td><td>${e(c.phone)}</td><td>${e(c.slot)}</td><td>${e(c.topic)}</td><td>${c.name ? e(c.name) : '–'}</td><td>${e(c.lang)}</td><td>${e(t.status[c.status])}</td>
<td class="notice-${noticeState(c)}">${e(t.notice[noticeState(c)])}</td>
<td><form data-api="/staff/api/callbacks/${e(c.id)}"><label for="s-${i}">${e(t.statusLabel)}</label> <select id="s-${i}" name="status">${(['new', 'called', 'done'] as const).map((s) => `<option value="${s}"${s === c.status ? ' selected' : ''}>${e(t.status[s])}</option>`).join('')}</select>
<button type="submit">${e(t.save)}</button></form></td></tr>`).join('\n');
  return `<p>${e(fill(t.intro, { days: deleteDays }))}</p>
<table><caption>${e(t.caption)}</caption><thead><tr><th scope="col">${e(t.colReceived)}</th><th scope="col">${e(t.colPhone)}</th><th scope="col">${e(t.colTime)}</th><th scope="col">${e(t.colTopic)}</th><th scope="col">${e(t.colName)}</th><th scope="col">${e(t.colLanguage)}</th><th scope="col">${e(t.colStatus)}</th><th scope="col">${e(t.colNotice)}</th><th scope="col">${e(t.colChange)}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function grades(v: (number | null)[]): string {
  return v.map((x) => (x === null ? '–' : String(x))).join(' / ');
}

export function healthBody(l: PageLang, h: ContentHealth): string {
  const t = l.t.health;
  const stale = h.rows.filter((r) => r.stale).length;
  const heading = h.nextScheduledChange
    ? fill(t.amountsHeadingNext, { date: h.benefitsReviewed, next: h.nextScheduledChange })
    : fill(t.amountsHeading, { date: h.benefitsReviewed });
  return `<p>${e(fill(t.intro, { today: h.today, days: h.staleAfterDays, stale, total: h.rows.length }))}</p>
<table><caption>${e(t.caption)}</caption><thead><tr><th scope="col">${e(t.colKind)}</th><th scope="col">${e(t.colEntry)}</th><th scope="col">${e(t.colReviewed)}</th><th scope="col">${e(t.colAge)}</th><th scope="col">${e(t.colState)}</th></tr></thead><tbody>
${h.rows.map((r) => `<tr${r.stale ? ' class="stale"' : ''}><td>${e(t.kinds[r.kind])}</td><td>${e(r.title)} <small>(${e(r.id)})</small></td><td>${e(r.reviewed ?? t.undated)}</td><td>${r.ageDays ?? '–'}</td><td>${r.stale ? `<strong>${e(t.stale)}</strong>` : e(t.current)}</td></tr>`).join('\n')}
</tbody></table>
<h2>${e(heading)}</h2>
<table><caption>${e(t.amountsCaption)}</caption><thead><tr><th scope="col">${e(t.colBenefit)}</th><th scope="col">${e(t.colLaw)}</th><th scope="col">${e(t.colSince)}</th><th scope="col">${e(t.colValues)}</th><th scope="col">${e(t.colNext)}</th></tr></thead><tbody>
${h.amounts.map((a) => `<tr><td>${e(a.label)}</td><td>${e(a.law)}</td><td>${e(a.current?.validFrom ?? '–')}</td><td>${a.current ? e(grades(a.current.values)) : '–'}</td><td>${a.next ? `${e(a.next.validFrom)}: ${e(grades(a.next.values))}` : e(t.noneKnown)}</td></tr>`).join('\n')}
</tbody></table>`;
}

export function planningBody(l: PageLang, report: PlanningReport, chart: unknown, names: (id: string) => string): string {
  const t = l.t.planning;
  const shown = report.cells.filter((c) => c.count !== null);
  return `<p>${e(fill(t.intro, { min: MIN_CELL, suppressed: report.suppressed }))}</p>
<p><a href="/staff/api/planning.csv" download>${e(t.csv)}</a></p>
<figure><canvas id="planning-chart" role="img" aria-label="${e(t.chartLabel)}"></canvas>
<figcaption>${e(t.chartCaption)}</figcaption></figure>
<script type="application/json" id="chart-data">${jsonForHtml(chart)}</script>
${shown.length ? `<table><caption>${e(t.caption)}</caption><thead><tr><th scope="col">${e(t.colWeek)}</th><th scope="col">${e(t.colTopic)}</th><th scope="col">${e(t.colPlace)}</th><th scope="col">${e(t.colCount)}</th></tr></thead><tbody>
${shown.map((c) => `<tr><td>${e(c.week)}</td><td>${e(c.topic)}</td><td>${e(names(c.stadtteil))}</td><td>${c.count}</td></tr>`).join('\n')}</tbody></table>` : `<p>${e(fill(t.empty, { min: MIN_CELL }))}</p>`}`;
}

export function usersBody(l: PageLang, users: StaffUser[]): string {
  const t = l.t.users;
  return `<p>${e(t.intro).replace('{{command}}', '<code>npm run staff -- add NAME --role counsellor|editor|admin</code>')}</p>
<table><caption>${e(t.caption)}</caption><thead><tr><th scope="col">${e(t.colName)}</th><th scope="col">${e(t.colRole)}</th><th scope="col">${e(t.colCreated)}</th><th scope="col">${e(t.colLocked)}</th></tr></thead><tbody>
${users.map((u) => `<tr><td>${e(u.username)}</td><td>${e(l.t.roles[u.role])}</td><td>${e(u.createdAt.slice(0, 10))}</td><td>${e(u.lockedUntil ?? '–')}</td></tr>`).join('\n')}</tbody></table>`;
}
