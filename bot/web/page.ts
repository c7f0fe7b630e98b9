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

/**
 * Token bucket per key: `burst` at once, then `perMinute` more each minute; true = refused. Unlike a
 * fixed window it cannot be doubled at a window's edge. At most `maxKeys` keys are remembered (full
 * buckets are forgotten first, which changes nothing for them).
 */
export function createTokenBucket(perMinute: number, burst: number, now: () => number = Date.now, maxKeys = 50_000): (key: string) => boolean {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refill = (b: { tokens: number; at: number }, t: number) => {
    b.tokens = Math.min(burst, b.tokens + ((t - b.at) * perMinute) / 60_000);
    b.at = t;
  };
  return (key) => {
    const t = now();
    if (buckets.size >= maxKeys) {
      for (const [k, b] of buckets) {
        refill(b, t);
        if (b.tokens >= burst) buckets.delete(k);
      }
      // still full: the oldest entries go (Map order), so memory stays bounded
      for (const k of buckets.keys()) {
        if (buckets.size < maxKeys) break;
        buckets.delete(k);
      }
    }
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = { tokens: burst, at: t }));
    else refill(b, t);
    if (b.tokens < 1) return true;
    b.tokens -= 1;
    return false;
  };
}

/** The key a client address is limited by: IPv4 as is, IPv6 by its /64 (one subscriber's network). */
export function addressKey(address: string | undefined): string {
  const a = (address ?? '').toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (!a.includes(':')) return a || 'unknown';
  const [head, tail = ''] = a.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const full = a.includes('::') ? [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t] : h;
  return `${full.slice(0, 4).map((x) => x.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
