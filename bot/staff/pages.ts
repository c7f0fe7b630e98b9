// The staff pages as HTML, rendered on the server from the same data the JSON API returns. Every
// value goes through escapeHtml; the one script (web/staff/staff.js) sends forms marked data-api to
// the API with the session's CSRF token and reloads. German only: the city's staff work in German.
import { escapeHtml as e, jsonForHtml } from '../web/page';
import type { Role } from './repository';
import type { InboxGroup } from './group';
import type { ContentHealth } from './health';
import type { PlanningReport } from './planning';
import type { CallbackRequest, StaffUser, TrainingExample } from './repository';
import { MIN_CELL } from './planning';

export interface PageUser { username: string; role: Role }

const NAV: { href: string; label: string; role: Role }[] = [
  { href: '/staff/ask', label: 'Fragen & erklären', role: 'counsellor' },
  { href: '/staff/inbox', label: 'Eingang', role: 'counsellor' },
  { href: '/staff/feedback', label: 'Rückmeldungen', role: 'counsellor' },
  { href: '/staff/callbacks', label: 'Rückrufe', role: 'counsellor' },
  { href: '/staff/health', label: 'Inhalte prüfen', role: 'counsellor' },
  { href: '/staff/planning', label: 'Planungsbericht', role: 'counsellor' },
  { href: '/staff/users', label: 'Konten', role: 'admin' },
];
const RANK: Record<Role, number> = { counsellor: 0, editor: 1, admin: 2 };
export const ROLE_LABEL: Record<Role, string> = { counsellor: 'Beratung', editor: 'Redaktion', admin: 'Verwaltung' };

function head(title: string, extraScripts = ''): string {
  return `<!doctype html>
<html lang="de" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${e(title)} – Pflegenetz Team</title>
<link rel="stylesheet" href="/staff/static/staff.css">
${extraScripts}<script src="/staff/static/staff.js" defer></script>
</head>`;
}

export function layout(opts: { title: string; path: string; user: PageUser; csrf: string; body: string; scripts?: string }): string {
  const links = NAV.filter((n) => RANK[opts.user.role] >= RANK[n.role])
    .map((n) => `<li><a href="${n.href}"${n.href === opts.path ? ' aria-current="page"' : ''}>${e(n.label)}</a></li>`).join('');
  return `${head(opts.title, opts.scripts)}
<body>
<a class="skip-link" href="#main">Zum Inhalt springen</a>
<header class="top">
<p class="brand">Pflegenetz · Team</p>
<nav aria-label="Bereiche"><ul>${links}</ul></nav>
<form class="logout" data-api="/staff/api/logout" data-after="/staff/login">
<span>${e(opts.user.username)} (${e(ROLE_LABEL[opts.user.role])})</span>
<button type="submit">Abmelden</button>
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

export function loginPage(message?: string): string {
  return `${head('Anmelden')}
<body>
<main id="main" class="login">
<h1>Pflegenetz · Anmeldung für das Team</h1>
<form id="login-form" novalidate>
<p><label for="username">Benutzername</label><br><input id="username" name="username" autocomplete="username" required></p>
<p><label for="password">Passwort</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Anmelden</button></p>
<p class="status" role="alert">${message ? e(message) : ''}</p>
</form>
</main>
</body>
</html>`;
}

export function forbiddenPage(user: PageUser, csrf: string): string {
  return layout({ title: 'Kein Zugriff', path: '', user, csrf, body: '<p>Ihre Rolle darf diese Seite nicht öffnen. Fragen Sie die Verwaltung des Pflegenetzes.</p>' });
}

export function askBody(channels: readonly string[]): string {
  return `<form id="ask-form">
<p><label for="q">Frage, wie sie eine Bürgerin oder ein Bürger stellen würde</label><br>
<textarea id="q" name="text" rows="3" cols="60" required maxlength="2000"></textarea></p>
<p><label for="lang">Sprache</label>
<select id="lang" name="lang"><option value="de">Deutsch</option><option value="en">Englisch</option></select>
<label for="channel">Darstellung (Kanal)</label>
<select id="channel" name="channel">${channels.map((c) => `<option value="${e(c)}">${e(c)}</option>`).join('')}</select>
<button type="submit">Fragen</button></p>
</form>
<section id="ask-result" aria-labelledby="ask-result-h" hidden>
<h2 id="ask-result-h">Antwort, wie sie im Chat erscheint</h2>
<div id="ask-replies" class="replies"></div>
<h2>Erklärung</h2>
<dl id="ask-facts" class="facts"></dl>
<pre id="ask-explain" class="explain"></pre>
</section>`;
}

const REASON: Record<string, string> = { not_understood: 'nicht verstanden', low_confidence: 'unsicher', not_helped: '„hat nicht geholfen“' };

export function inboxBody(groups: InboxGroup[], answers: { id: string; title: string }[], training: TrainingExample[], canReview: boolean): string {
  const options = answers.map((a) => `<option value="${e(a.id)}">${e(a.title)} (${e(a.id)})</option>`).join('');
  const rows = groups.map((g, i) => `<tr>
<td>${g.text ? e(g.text) : '<em>(keine Frage gespeichert)</em>'}</td>
<td>${g.count}</td>
<td>${Object.entries(g.reasons).map(([r, n]) => `${e(REASON[r] ?? r)}: ${n}`).join('<br>')}</td>
<td>${e(g.intents.join(', ') || '–')}</td>
<td class="actions">
<form data-api="/staff/api/inbox/${e(g.id)}/action"><input type="hidden" name="action" value="assign">
<label for="a-${i}">Gehört zu Eintrag</label> <select id="a-${i}" name="answerId">${options}</select>
<button type="submit">Zuordnen</button></form>
<form data-api="/staff/api/inbox/${e(g.id)}/action"><input type="hidden" name="action" value="new_question">
<label for="n-${i}">Notiz</label> <input id="n-${i}" name="note" maxlength="500">
<button type="submit">Neue Frage nötig</button></form>
<form data-api="/staff/api/inbox/${e(g.id)}/action"><input type="hidden" name="action" value="ignore">
<button type="submit">Ignorieren</button></form>
</td></tr>`).join('\n');
  const queue = training.filter((t) => t.status === 'queued' || t.status === 'approved');
  const qrows = queue.map((t) => `<tr><td>${e(t.text)}</td><td>${e(t.intent)}</td><td>${e(t.lang)}</td><td>${t.status === 'queued' ? 'wartet auf Prüfung' : 'geprüft, wird exportiert'}</td>
<td>${canReview && t.status === 'queued' ? `<form data-api="/staff/api/training/${e(t.id)}"><input type="hidden" name="decision" value="approve"><button type="submit">Übernehmen</button></form>
<form data-api="/staff/api/training/${e(t.id)}"><input type="hidden" name="decision" value="reject"><button type="submit">Verwerfen</button></form>` : ''}</td></tr>`).join('\n');
  return `<p>Fragen, die der Assistent nicht oder nur unsicher beantwortet hat, oder nach denen „hat nicht geholfen“ gewählt wurde. Persönliche Angaben sind vor dem Speichern entfernt; ähnliche Fragen sind zusammengefasst.</p>
${groups.length ? `<table><caption>Offene Fragen (${groups.reduce((s, g) => s + g.count, 0)})</caption>
<thead><tr><th scope="col">Frage (Beispiel)</th><th scope="col">Anzahl</th><th scope="col">Grund</th><th scope="col">Vermutung</th><th scope="col">Aktion</th></tr></thead>
<tbody>${rows}</tbody></table>` : '<p>Der Eingang ist leer.</p>'}
<h2>Trainingsbeispiele</h2>
${queue.length ? `<table><caption>Zugeordnete Formulierungen</caption><thead><tr><th scope="col">Formulierung</th><th scope="col">Eintrag</th><th scope="col">Sprache</th><th scope="col">Stand</th><th scope="col">Prüfung</th></tr></thead><tbody>${qrows}</tbody></table>` : '<p>Keine Beispiele in der Warteschlange.</p>'}
<p>Die Redaktion übernimmt geprüfte Beispiele mit <code>npm run staff -- export-training</code> in die Trainingsdaten (mit kb:check und Genauigkeitsprüfung).</p>`;
}

export function feedbackBody(rows: { id: string; title: string; yes: number; no: number }[]): string {
  if (!rows.length) return '<p>Noch keine Rückmeldungen.</p>';
  return `<table><caption>„Hat das geholfen?“ je Eintrag</caption><thead><tr><th scope="col">Eintrag</th><th scope="col">Ja</th><th scope="col">Nein</th></tr></thead><tbody>
${rows.map((r) => `<tr><td>${e(r.title)} <small>(${e(r.id)})</small></td><td>${r.yes}</td><td>${r.no}</td></tr>`).join('\n')}</tbody></table>`;
}

const CB_STATUS: Record<string, string> = { new: 'neu', called: 'angerufen', done: 'erledigt' };

export function callbacksBody(list: CallbackRequest[], deleteDays: number): string {
  if (!list.length) return '<p>Keine Rückrufwünsche.</p>';
  const rows = list.map((c, i) => `<tr><td>${e(c.createdAt.slice(0, 16).replace('T', ' '))}</td><td>${e(c.phone)}</td><td>${e(c.slot)}</td><td>${e(c.topic)}</td><td>${c.name ? e(c.name) : '–'}</td><td>${e(c.lang)}</td><td>${e(CB_STATUS[c.status])}</td>
<td><form data-api="/staff/api/callbacks/${e(c.id)}"><label for="s-${i}">Status</label> <select id="s-${i}" name="status">${['new', 'called', 'done'].map((s) => `<option value="${s}"${s === c.status ? ' selected' : ''}>${CB_STATUS[s]}</option>`).join('')}</select>
<button type="submit">Speichern</button></form></td></tr>`).join('\n');
  return `<p>Bürgerinnen und Bürger sehen im Chat, wenn ein Rückruf als „angerufen“ oder „erledigt“ markiert ist (bei ihrer nächsten Nachricht). Erledigte Rückrufe werden nach ${deleteDays} Tagen gelöscht.</p>
<table><caption>Rückrufwünsche</caption><thead><tr><th scope="col">Eingang</th><th scope="col">Telefon</th><th scope="col">Zeit</th><th scope="col">Thema</th><th scope="col">Name</th><th scope="col">Sprache</th><th scope="col">Status</th><th scope="col">Ändern</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function grades(v: (number | null)[]): string {
  return v.map((x) => (x === null ? '–' : String(x))).join(' / ');
}

export function healthBody(h: ContentHealth): string {
  const stale = h.rows.filter((r) => r.stale).length;
  return `<p>Stand heute ${e(h.today)}. Einträge, deren Prüfdatum älter als ${h.staleAfterDays} Tage ist (oder fehlt), sind markiert: ${stale} von ${h.rows.length}.</p>
<table><caption>Antworten und Angebote nach Prüfdatum (älteste zuerst)</caption><thead><tr><th scope="col">Art</th><th scope="col">Eintrag</th><th scope="col">Geprüft</th><th scope="col">Alter (Tage)</th><th scope="col">Zustand</th></tr></thead><tbody>
${h.rows.map((r) => `<tr${r.stale ? ' class="stale"' : ''}><td>${r.kind === 'answer' ? 'Antwort' : r.kind === 'question' ? 'Frage' : 'Angebot'}</td><td>${e(r.title)} <small>(${e(r.id)})</small></td><td>${e(r.reviewed ?? 'ohne Datum')}</td><td>${r.ageDays ?? '–'}</td><td>${r.stale ? '<strong>prüfen</strong>' : 'aktuell'}</td></tr>`).join('\n')}
</tbody></table>
<h2>Beträge (Tabelle geprüft am ${e(h.benefitsReviewed)}${h.nextScheduledChange ? `, nächste geplante Änderung ${e(h.nextScheduledChange)}` : ''})</h2>
<table><caption>Leistungsbeträge nach Pflegegrad 1–5 mit Gültigkeit</caption><thead><tr><th scope="col">Leistung</th><th scope="col">Gesetz</th><th scope="col">Gilt seit</th><th scope="col">Werte</th><th scope="col">Nächste Änderung</th></tr></thead><tbody>
${h.amounts.map((a) => `<tr><td>${e(a.label)}</td><td>${e(a.law)}</td><td>${e(a.current?.validFrom ?? '–')}</td><td>${a.current ? e(grades(a.current.values)) : '–'}</td><td>${a.next ? `${e(a.next.validFrom)}: ${e(grades(a.next.values))}` : 'keine bekannt'}</td></tr>`).join('\n')}
</tbody></table>`;
}

export function planningBody(report: PlanningReport, chart: unknown, names: (id: string) => string): string {
  const shown = report.cells.filter((c) => c.count !== null);
  return `<p>Anonyme Zählung: wie oft ein Thema je Stadtteil und Kalenderwoche angefragt wurde. Es wird kein Nachrichtentext gespeichert; Zellen unter ${MIN_CELL} werden nicht gezeigt (${report.suppressed} unterdrückt).</p>
<p><a href="/staff/api/planning.csv" download>Als CSV herunterladen</a></p>
<figure><canvas id="planning-chart" role="img" aria-label="Anfragen je Thema und Woche (Balkendiagramm; dieselben Zahlen stehen in der Tabelle)"></canvas>
<figcaption>Anfragen je Thema und Kalenderwoche (nur gezeigte Zellen)</figcaption></figure>
<script type="application/json" id="chart-data">${jsonForHtml(chart)}</script>
${shown.length ? `<table><caption>Themen × Stadtteil × Woche</caption><thead><tr><th scope="col">Woche</th><th scope="col">Thema</th><th scope="col">Stadtteil</th><th scope="col">Anzahl</th></tr></thead><tbody>
${shown.map((c) => `<tr><td>${e(c.week)}</td><td>${e(c.topic)}</td><td>${e(names(c.stadtteil))}</td><td>${c.count}</td></tr>`).join('\n')}</tbody></table>` : `<p>Noch keine Zelle mit mindestens ${MIN_CELL} Anfragen.</p>`}`;
}

export function usersBody(users: StaffUser[]): string {
  return `<p>Konten legt die Verwaltung auf dem Server an: <code>npm run staff -- add NAME --role counsellor|editor|admin</code> (Passwort wird abgefragt).</p>
<table><caption>Konten</caption><thead><tr><th scope="col">Name</th><th scope="col">Rolle</th><th scope="col">Angelegt</th><th scope="col">Gesperrt bis</th></tr></thead><tbody>
${users.map((u) => `<tr><td>${e(u.username)}</td><td>${e(ROLE_LABEL[u.role])}</td><td>${e(u.createdAt.slice(0, 10))}</td><td>${e(u.lockedUntil ?? '–')}</td></tr>`).join('\n')}</tbody></table>`;
}
