// Pure helpers of the web page: language choice, text direction, HTML templates, a rate limit.

const RTL_LANGS = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);

function primary(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0];
}

/** ?lang= wins, then the browser's Accept-Language (by q-value), then the default. */
export function chooseLang(query: unknown, acceptLanguage: string | undefined, available: readonly string[], fallback: string): string {
  if (typeof query === 'string' && available.includes(primary(query))) return primary(query);
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
      return { lang: primary(tag), q: q ? Number(q[1]) : 1, i };
    })
    .filter((w) => w.lang && w.lang !== '*' && w.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return wanted.find((w) => available.includes(w.lang))?.lang ?? fallback;
}

/** "rtl" or "ltr": what the locale file declares, else what the language is known to use. */
export function directionFor(lang: string, declared?: string): 'rtl' | 'ltr' {
  if (declared === 'rtl' || declared === 'ltr') return declared;
  return RTL_LANGS.has(primary(lang)) ? 'rtl' : 'ltr';
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON that is safe inside a <script type="application/json"> element. */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** i18next-style {{name}} values in a microcopy string; an unknown name is an error (found at startup). */
export function interpolate(text: string, vars: Readonly<Record<string, string | number>>, where: string): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, name: string) => {
    if (!(name in vars)) throw new Error(`${where}: unknown placeholder {{${name}}}`);
    return String(vars[name]);
  });
}

/**
 * Fills an HTML template: {{name}} is replaced by the HTML-escaped value, {{{name}}} by the raw value
 * (only for markup the server built itself). Every placeholder must have a value.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>, where: string): string {
  return template.replace(/\{\{\{\s*([\w.]+)\s*\}\}\}|\{\{\s*([\w.]+)\s*\}\}/g, (_m, raw: string | undefined, esc: string | undefined) => {
    const name = (raw ?? esc)!;
    const v = values[name];
    if (v === undefined) throw new Error(`${where}: no value for {{${name}}}`);
    return raw ? v : escapeHtml(v);
  });
}

/** Fixed-window counter per key (e.g. client address); true = over the limit. */
export function createRateLimiter(limit: number, windowMs: number, now: () => number = Date.now): (key: string) => boolean {
  const windows = new Map<string, { start: number; count: number }>();
  return (key) => {
    const t = now();
    if (windows.size > 10_000) for (const [k, w] of windows) if (t - w.start >= windowMs) windows.delete(k);
    const w = windows.get(key);
    if (!w || t - w.start >= windowMs) {
      windows.set(key, { start: t, count: 1 });
      return false;
    }
    w.count += 1;
    return w.count > limit;
  };
}
