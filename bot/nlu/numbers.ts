// German and English number words and ordinals → numbers ("dreiundzwanzigsten" → 23,
// "twenty-first" → 21). Used by the date parser and for typed answers ("die dritte").
import type { Lang } from '../knowledge/schema';
import { foldSpelledOut as foldGerman } from '../text/fold';

export interface ParsedNumber {
  value: number;
  /** written as an ordinal ("dritten", "3.", "third", "3rd") */
  ordinal: boolean;
}

/** ä/ö/ü/ß spelled out, as the word tables below are written (bot/text/fold.ts). */
export { foldGerman };

// ---------------------------------------------------------------- German

const DE_SMALL: Record<string, number> = {
  null: 0, ein: 1, eins: 1, eine: 1, einen: 1, einem: 1, einer: 1, eines: 1, zwei: 2, zwo: 2,
  drei: 3, vier: 4, fuenf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11,
  zwoelf: 12, dreizehn: 13, vierzehn: 14, fuenfzehn: 15, sechzehn: 16, siebzehn: 17,
  achtzehn: 18, neunzehn: 19,
};
const DE_TENS: Record<string, number> = {
  zwanzig: 20, dreissig: 30, vierzig: 40, fuenfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90,
};
/** units that may stand before "und" + tens ("einundzwanzig") */
const DE_UNITS: Record<string, number> = {
  ein: 1, zwei: 2, drei: 3, vier: 4, fuenf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9,
};

function deBelow100(w: string): number | undefined {
  if (w in DE_SMALL) return DE_SMALL[w];
  if (w in DE_TENS) return DE_TENS[w];
  const i = w.indexOf('und');
  if (i > 0) {
    const unit = DE_UNITS[w.slice(0, i)];
    const tens = DE_TENS[w.slice(i + 3)];
    if (unit !== undefined && tens !== undefined) return unit + tens;
  }
  return undefined;
}

function deBelow1000(w: string): number | undefined {
  const i = w.indexOf('hundert');
  if (i < 0) return deBelow100(w);
  const left = w.slice(0, i);
  let right = w.slice(i + 'hundert'.length);
  const h = left === '' ? 1 : DE_UNITS[left] ?? (left === 'eins' ? 1 : undefined);
  if (h === undefined) return undefined;
  if (right.startsWith('und')) right = right.slice(3);
  if (right === '') return h * 100;
  const r = deBelow100(right);
  return r === undefined || r === 0 ? undefined : h * 100 + r;
}

/** German cardinal word (0 … 999 999), e.g. "zweitausendsechsundzwanzig". */
export function parseGermanCardinal(word: string): number | undefined {
  const w = foldGerman(word.trim());
  if (w === '') return undefined;
  const i = w.indexOf('tausend');
  if (i < 0) return deBelow1000(w);
  const left = w.slice(0, i);
  let right = w.slice(i + 'tausend'.length);
  const t = left === '' ? 1 : deBelow1000(left);
  if (t === undefined || t === 0) return undefined;
  if (right.startsWith('und')) right = right.slice(3);
  if (right === '') return t * 1000;
  const r = deBelow1000(right);
  return r === undefined || r === 0 ? undefined : t * 1000 + r;
}

/** Irregular ordinal stems left after cutting "te"/"ten"/…: erste, dritte, siebte, achte. */
const DE_ORD_STEMS: Record<string, number> = { ers: 1, drit: 3, sieb: 7, ach: 8 };
const DE_ORD_ENDINGS = ['e', 'en', 'er', 'es', 'em'];

/** German ordinal word ("dritten", "einundzwanzigste", "hundertsten") → its number. */
export function parseGermanOrdinal(word: string): number | undefined {
  const w = foldGerman(word.trim());
  for (const ending of DE_ORD_ENDINGS) {
    // 20 and above take "-st-" (zwanzigste), 1–19 take "-t-" (dritte).
    for (const infix of ['st', 't']) {
      const suffix = infix + ending;
      if (!w.endsWith(suffix) || w.length <= suffix.length) continue;
      const stem = w.slice(0, -suffix.length);
      const v = DE_ORD_STEMS[stem] ?? parseGermanCardinal(stem);
      if (v === undefined || v === 0 || /^ein(e[nmrs]?)?$|^eins$/.test(stem)) continue;
      const rest = v % 100;
      const ok = infix === 'st' ? rest === 0 || rest >= 20 : rest >= 1 && rest <= 19;
      if (ok) return v;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------- English

const EN_UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
const EN_TEENS: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const EN_TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const EN_ORD: Record<string, string> = {
  first: 'one', second: 'two', third: 'three', fourth: 'four', fifth: 'five', sixth: 'six',
  seventh: 'seven', eighth: 'eight', ninth: 'nine', tenth: 'ten', eleventh: 'eleven',
  twelfth: 'twelve', thirteenth: 'thirteen', fourteenth: 'fourteen', fifteenth: 'fifteen',
  sixteenth: 'sixteen', seventeenth: 'seventeen', eighteenth: 'eighteen', nineteenth: 'nineteen',
  twentieth: 'twenty', thirtieth: 'thirty', fortieth: 'forty', fiftieth: 'fifty', sixtieth: 'sixty',
  seventieth: 'seventy', eightieth: 'eighty', ninetieth: 'ninety', hundredth: 'hundred', thousandth: 'thousand',
};

function enTokens(text: string): string[] {
  return text.toLowerCase().trim().split(/[\s-]+/).filter((t) => t !== '');
}

/** English number phrase ("twenty-one", "one hundred and five", "twenty first"). Only the last
 *  word may be an ordinal. */
export function parseEnglishNumber(text: string): ParsedNumber | undefined {
  const tokens = enTokens(text);
  if (tokens.length === 0) return undefined;
  let ordinal = false;
  const last = tokens[tokens.length - 1];
  if (last in EN_ORD) {
    tokens[tokens.length - 1] = EN_ORD[last];
    ordinal = true;
  }
  let total = 0;
  let current = 0;
  // what may follow: after a unit only hundred/thousand, after tens a unit, …
  let prev: 'start' | 'unit' | 'teen' | 'tens' | 'hundred' | 'thousand' | 'and' = 'start';
  let seen = false;
  for (const t of tokens) {
    if (t === 'and') {
      if (prev !== 'hundred' && prev !== 'thousand') return undefined;
      prev = 'and';
      continue;
    }
    if ((t === 'a' || t === 'an') && prev === 'start') {
      current = 1;
      prev = 'unit';
      continue;
    }
    if (t in EN_UNITS) {
      if (prev === 'unit' || prev === 'teen') return undefined;
      if (EN_UNITS[t] === 0 && (prev !== 'start' || tokens.length > 1)) return undefined;
      current += EN_UNITS[t];
      prev = 'unit';
    } else if (t in EN_TEENS) {
      if (prev === 'unit' || prev === 'teen' || prev === 'tens') return undefined;
      current += EN_TEENS[t];
      prev = 'teen';
    } else if (t in EN_TENS) {
      if (prev === 'unit' || prev === 'teen' || prev === 'tens') return undefined;
      current += EN_TENS[t];
      prev = 'tens';
    } else if (t === 'hundred') {
      if (prev === 'hundred' || (current % 100 !== current) ) return undefined;
      current = (current === 0 ? 1 : current) * 100;
      prev = 'hundred';
    } else if (t === 'thousand') {
      if (prev === 'thousand' || total > 0) return undefined;
      total = (current === 0 ? 1 : current) * 1000;
      current = 0;
      prev = 'thousand';
    } else {
      return undefined;
    }
    seen = true;
  }
  if (!seen || prev === 'and') return undefined;
  const value = total + current;
  if (ordinal && value === 0) return undefined;
  return { value, ordinal };
}

// ---------------------------------------------------------------- both

const DIGITS_RE = /^(\d{1,7})(\.|st|nd|rd|th|ter|te|ten)?$/;

/** One number written as digits ("3", "3.", "3rd") or as one German word / one English phrase.
 *  `lang` restricts the word lists; without it both are tried (German first). */
export function parseNumberWord(text: string, lang?: Lang): ParsedNumber | undefined {
  const t = foldGerman(text.trim());
  const dm = DIGITS_RE.exec(t);
  if (dm) {
    const suffix = dm[2];
    if (suffix && lang === 'de' && /^(st|nd|rd|th)$/.test(suffix)) return undefined;
    if (suffix && lang === 'en' && /^(\.|ter|te|ten)$/.test(suffix)) return undefined;
    return { value: Number(dm[1]), ordinal: suffix !== undefined };
  }
  if (lang !== 'en' && !/\s/.test(t)) {
    const card = parseGermanCardinal(t);
    if (card !== undefined) return { value: card, ordinal: false };
    const ord = parseGermanOrdinal(t);
    if (ord !== undefined) return { value: ord, ordinal: true };
  }
  if (lang !== 'de') return parseEnglishNumber(t);
  return undefined;
}
