// Turns simple German opening-hours text from a spreadsheet into OpenStreetMap opening_hours
// syntax ("Mo-Fr 8-16 Uhr" → "Mo-Fr 08:00-16:00"). Anything it does not fully understand gives
// null, so the original text is shown instead of a wrong guess.
import type { HoursKind } from './schema';

export interface HoursConversion { openingHours: string; kind: HoursKind }

const DAY: Record<string, string> = { mo: 'Mo', di: 'Tu', mi: 'We', do: 'Th', fr: 'Fr', sa: 'Sa', so: 'Su' };
const DAY_WORDS: Record<string, string> = {
  montag: 'Mo', dienstag: 'Tu', mittwoch: 'We', donnerstag: 'Th', freitag: 'Fr', samstag: 'Sa', sonntag: 'Su', sonnabend: 'Sa',
};
const DAY_WORD_RE = '(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)';
const DAY_ABBR_RE = '(mo|di|mi|do|fr|sa|so)';

type Token =
  | { t: 'days'; v: string; nth?: boolean }
  | { t: 'time'; v: string };

function hhmm(h: string, m: string | undefined): string | undefined {
  const hour = Number(h);
  const min = m === undefined ? 0 : Number(m);
  if (hour > 24 || min > 59 || (hour === 24 && min > 0)) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

const PATTERNS: { re: RegExp; make: (m: RegExpExecArray) => Token | undefined }[] = [
  { re: new RegExp(`(\\d)\\.\\s*${DAY_WORD_RE}\\s+im\\s+monat`, 'y'), make: (m) => ({ t: 'days', v: `${DAY_WORDS[m[2]]}[${m[1]}]`, nth: true }) },
  { re: new RegExp(`${DAY_ABBR_RE}\\.?\\s*[-–]\\s*${DAY_ABBR_RE}\\.?(?![a-zäöü])`, 'y'), make: (m) => ({ t: 'days', v: `${DAY[m[1]]}-${DAY[m[2]]}` }) },
  { re: /werktags/y, make: () => ({ t: 'days', v: 'Mo-Sa' }) },
  { re: /täglich/y, make: () => ({ t: 'days', v: 'Mo-Su' }) },
  { re: new RegExp(`${DAY_WORD_RE}s?(?![a-zäöü])`, 'y'), make: (m) => ({ t: 'days', v: DAY_WORDS[m[1]] }) },
  { re: new RegExp(`${DAY_ABBR_RE}\\.?(?![a-zäöü])`, 'y'), make: (m) => ({ t: 'days', v: DAY[m[1]] }) },
  {
    re: /(\d{1,2})(?:[.:](\d{2}))?\s*[-–]\s*(\d{1,2})(?:[.:](\d{2}))?(?:\s*uhr)?(?![\d])/y,
    make: (m) => {
      const from = hhmm(m[1], m[2]);
      const to = hhmm(m[3], m[4]);
      return from && to ? { t: 'time', v: `${from}-${to}` } : undefined;
    },
  },
  {
    re: /(\d{1,2})(?:[.:](\d{2}))?\s*uhr/y,
    make: (m) => {
      const from = hhmm(m[1], m[2]);
      return from ? { t: 'time', v: `${from}+` } : undefined;
    },
  },
];
const SEPARATOR = /\s*(?:,|;|\bund\b|&)?\s*/y;

function tokenize(s: string): Token[] | undefined {
  const out: Token[] = [];
  let pos = 0;
  while (pos < s.length) {
    SEPARATOR.lastIndex = pos;
    const sep = SEPARATOR.exec(s);
    if (sep && sep[0].length) {
      pos += sep[0].length;
      continue;
    }
    let matched = false;
    for (const p of PATTERNS) {
      p.re.lastIndex = pos;
      const m = p.re.exec(s);
      if (!m) continue;
      const tok = p.make(m);
      if (!tok) return undefined;
      out.push(tok);
      pos += m[0].length;
      matched = true;
      break;
    }
    if (!matched) return undefined;
  }
  return out;
}

export function hoursFromText(text: string | null | undefined): HoursConversion | null {
  if (!text) return null;
  let s = text.trim().toLowerCase().replace(/\s*\(stand[^)]*\)\s*$/, '').replace(/\s+uhr\b/g, ' uhr');
  let kind: HoursKind = 'opening';
  const phone = /^telefonisch\s+/.exec(s);
  if (phone) {
    kind = 'phone';
    s = s.slice(phone[0].length);
  }
  if (/^(24 stunden,? 7 tage|24 stunden täglich|rund um die uhr|24\/7)$/.test(s)) {
    return { openingHours: '24/7', kind: kind === 'phone' ? 'phone' : 'service' };
  }
  const toks = tokenize(s);
  if (!toks || !toks.length) return null;

  const rules: string[] = [];
  let days: string[] = [];
  let times: string[] = [];
  let nth = false;
  const flush = (): boolean => {
    if (!days.length || !times.length) return false;
    rules.push(`${days.join(',')} ${times.join(',')}`);
    days = [];
    times = [];
    return true;
  };
  for (const tok of toks) {
    if (tok.t === 'days') {
      if (times.length && !flush()) return null;
      days.push(tok.v);
      nth = nth || tok.nth === true;
    } else {
      if (!days.length) return null;
      times.push(tok.v);
    }
  }
  if (!flush()) return null;
  const openEnd = rules.some((r) => r.endsWith('+'));
  if (nth && openEnd && kind === 'opening') kind = 'meeting';
  return { openingHours: rules.join('; '), kind };
}
