// Typed answers to a self-check question → option index. Accepts the button text, the
// synonyms stored with the scale ("geht noch allein", "oft", "2x täglich") and, where the scale
// allows it, the option's position ("2", "die zweite"). Unclear input gives undefined so the
// dialog asks again with buttons rather than guessing.
import type { Lang } from '../knowledge/schema';
import { foldGerman, parseGermanCardinal, parseNumberWord } from '../nlu/numbers';
import type { NbaScale } from './nbaSchema';

const NEGATIONS = new Set(['nicht', 'kein', 'keine', 'keinen', 'keiner', 'nie', 'niemals', 'nein', 'not', 'never', 'no', 'none', 'cannot']);
const EN_TIMES: Record<string, number> = {
  once: 1, twice: 2, thrice: 3, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};

/** Lower case, umlauts folded, punctuation dropped, and every way of writing "n times"
 *  ("2x", "2 mal", "zweimal", "twice", "two times") turned into "2x". */
export function normalizeAnswer(text: string): string {
  let t = foldGerman(text)
    .replace(/\bcan['’]t\b/g, 'cannot')
    .replace(/\bwon['’]t\b/g, 'will not')
    .replace(/n['’]t\b/g, ' not')
    .replace(/×/g, 'x')
    .replace(/[.,!?;:()"'„“”‚‘’«»/\\\-–—…]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  t = t.replace(/\b(\d+)\s*(?:x|mal|times)\b/g, '$1x');
  t = t.replace(/\b([a-z]+?)\s?mal\b/g, (whole, w: string) => {
    const n = parseGermanCardinal(w);
    return n !== undefined && n > 0 ? `${n}x` : whole;
  });
  t = t.replace(/\b(once|twice|thrice)\b/g, (w) => `${EN_TIMES[w]}x`);
  t = t.replace(/\b([a-z]+) times\b/g, (whole, w: string) => (EN_TIMES[w] ? `${EN_TIMES[w]}x` : whole));
  return t;
}

const normCache = new WeakMap<NbaScale, { de: string[][]; en: string[][] }>();

function normalizedSynonyms(scale: NbaScale): { de: string[][]; en: string[][] } {
  let hit = normCache.get(scale);
  if (!hit) {
    hit = {
      de: scale.synonyms.de.map((list) => list.map(normalizeAnswer)),
      en: scale.synonyms.en.map((list) => list.map(normalizeAnswer)),
    };
    normCache.set(scale, hit);
  }
  return hit;
}

function hasNegation(s: string): boolean {
  return s.split(' ').some((w) => NEGATIONS.has(w));
}

/** Option picked by position ("2", "Nr. 2", "die zweite", "the second one"), 1-based. */
function byPosition(t: string, scale: NbaScale, lang: Lang): number | undefined {
  const digits = /^(?:nr|nummer|number|no|option|antwort|answer)?\s*(\d{1,2})$/.exec(t);
  let n: number | undefined = digits ? Number(digits[1]) : undefined;
  if (n === undefined) {
    const w = t.replace(/^(?:die|der|das|the)\s+/, '').replace(/\s+(?:one|option|antwort)$/, '');
    const p = /^[a-z]+(?:[ -][a-z]+)?$/.test(w) ? parseNumberWord(w, lang) : undefined;
    // number words only as ordinals or small cardinals that are not also answers ("one" is not "yes")
    if (p && (p.ordinal || /^(zwei|drei|vier|fuenf|sechs|sieben|two|three|four|five|six|seven)$/.test(w))) n = p.value;
  }
  return n !== undefined && n >= 1 && n <= scale.options.length ? n - 1 : undefined;
}

function bySynonyms(t: string, lists: string[][]): number | undefined | 'ambiguous' {
  // exact answer first
  const exact = new Set<number>();
  lists.forEach((list, i) => { if (list.includes(t)) exact.add(i); });
  if (exact.size === 1) return [...exact][0];
  if (exact.size > 1) return 'ambiguous';
  // otherwise the longest synonym contained in the text, on word boundaries
  const padded = ` ${t} `;
  let best = -1;
  let bestLen = 0;
  let bestSyn = '';
  let tie = false;
  lists.forEach((list, i) => {
    for (const s of list) {
      if (!padded.includes(` ${s} `)) continue;
      if (s.length > bestLen) { best = i; bestLen = s.length; bestSyn = s; tie = false; }
      else if (s.length === bestLen && i !== best) tie = true;
    }
  });
  if (best < 0) return undefined;
  if (tie) return 'ambiguous';
  // "ohne Hilfe geht es nicht": a negation outside the matched phrase makes it unclear
  if (!hasNegation(bestSyn) && hasNegation(t)) return 'ambiguous';
  return best;
}

/** Index of the option the user meant, or undefined if the text does not say it clearly. */
export function parseTypedAnswer(text: string, scale: NbaScale, lang: Lang): number | undefined {
  const t = normalizeAnswer(text);
  if (t === '') return undefined;
  const other: Lang = lang === 'de' ? 'en' : 'de';
  for (const l of [lang, other]) {
    const i = scale.options.findIndex((o) => normalizeAnswer(o[l]) === t);
    if (i >= 0) return i;
  }
  if (scale.positionDigits) {
    const p = byPosition(t, scale, lang);
    if (p !== undefined) return p;
  }
  // "nein, nur mit Hilfe" / "no, not at all": the words after a leading no say which option
  const rest = /^(?:nein|no) (.+)$/.exec(t)?.[1];
  if (rest !== undefined) {
    const r = parseTypedAnswer(rest, scale, lang);
    if (r !== undefined) return r;
  }
  const syn = normalizedSynonyms(scale);
  const own = bySynonyms(t, syn[lang]);
  if (own === 'ambiguous') return undefined;
  if (own !== undefined) return own;
  const foreign = bySynonyms(t, syn[other]);
  return foreign === 'ambiguous' ? undefined : foreign;
}
