// Care grade (Pflegegrad 1–5) extraction from free text, German and English.
// Pure and table-tested (test/nlu/grade.test.ts). A number alone only counts as a grade when the
// caller has just asked for the grade (`expectGrade`), so "3 Kinder" or "seit 3 Jahren" never do.

import type { Lexicon } from './lexicon';

export interface GradeOptions {
  /** the bot has just asked for the care grade: a lone "3", "drei" or "die dritte" counts */
  expectGrade?: boolean;
}

const CARDINALS: Record<string, number> = {
  eins: 1, zwei: 2, drei: 3, vier: 4, 'fünf': 5, fuenf: 5, funf: 5,
  one: 1, two: 2, three: 3, four: 4, five: 5,
};

// "erste", "ersten", "erster", "zweite" … and English ordinals; the stem is enough.
const ORDINALS: Array<[RegExp, number]> = [
  [/^erst(e|er|en|em|es)?$/, 1], [/^zweit(e|er|en|em|es)?$/, 2], [/^dritt(e|er|en|em|es)?$/, 3],
  [/^viert(e|er|en|em|es)?$/, 4], [/^(fünft|fuenft|funft)(e|er|en|em|es)?$/, 5],
  [/^first$/, 1], [/^second$/, 2], [/^third$/, 3], [/^fourth$/, 4], [/^fifth$/, 5],
];

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5 };

// One slip of the keyboard in the long keyword ("pflegegard", "plfegegrad", "pflegegrd"): two
// neighbouring letters swapped or one left out. Not for "grad": a slip of four letters makes other
// words ("gard", "rad"); "grade" has five, and its slips stand only before a number 1–5 anyway.
function slips(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 1 < word.length; i += 1) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  for (let i = 1; i < word.length; i += 1) out.add(word.slice(0, i) + word.slice(i + 1));
  out.delete(word);
  return [...out];
}
// "and for grdae 4?": the English word's slips too ("grad", one of them, is a keyword already)
const KEYWORD_SLIPS = [...slips('pflegegrad'), ...slips('grade').filter((w) => w !== 'grad')].join('|');

/** Words that name the grade. "grad"/"stufe"/"level"/"grade" alone are accepted too: people write
 *  "Grad 3" or "level three"; the number after them must still be 1–5. */
const KEYWORD =
  `(?:${KEYWORD_SLIPS}|pflege[-\\s]?grad(?:e|es)?|pflege[-\\s]?stufe|pg|grad|stufe|care[-\\s]?grade|care[-\\s]?level|grade|level)`;
const NUMBER_WORD = '(?:[1-5]|eins|zwei|drei|vier|f(?:ü|ue|u)nf|one|two|three|four|five|I{1,3}|IV|V)';
const ORDINAL_WORD =
  '(?:erst|zweit|dritt|viert|f(?:ü|ue|u)nft)(?:e|er|en|em|es)?|first|second|third|fourth|fifth';

// keyword then number: "Pflegegrad 3", "PG3", "PG-3", "Pflegegrad: drei", "care grade III", "level three"
const AFTER_KEYWORD = new RegExp(`(?<![\\p{L}\\d])${KEYWORD}\\s*[-:.]?\\s*(${NUMBER_WORD})(?![\\p{L}\\d])`, 'giu');
// ordinal then keyword: "dritter Pflegegrad", "3. Pflegegrad", "third care grade"
const ORDINAL_BEFORE = new RegExp(
  `(?<![\\p{L}\\d])(${ORDINAL_WORD}|[1-5]\\.)\\s+(?:care\\s+)?${KEYWORD}(?![\\p{L}])`, 'giu');
// digit then keyword with "er": "3er Pflegegrad" (colloquial)
const DIGIT_ER_BEFORE = new RegExp(`(?<![\\p{L}\\d])([1-5])er\\s+${KEYWORD}(?![\\p{L}])`, 'giu');

function numberValue(word: string): number | undefined {
  if (/^[1-5]$/.test(word)) return Number(word);
  // Roman numerals only in capitals: "Pflegegrad I" yes, "grade i want" no.
  if (ROMAN[word] !== undefined) return ROMAN[word];
  const lower = word.toLowerCase();
  if (CARDINALS[lower] !== undefined) return CARDINALS[lower];
  return undefined;
}

function ordinalValue(word: string): number | undefined {
  const lower = word.toLowerCase();
  const digit = /^([1-5])\.$/.exec(lower);
  if (digit) return Number(digit[1]);
  for (const [re, n] of ORDINALS) if (re.test(lower)) return n;
  return undefined;
}

// Filler words allowed around a lone number when a grade is expected ("wir haben die 3", "it's 2").
const FILLER = new Set([
  'ich', 'wir', 'er', 'sie', 'es', 'hat', 'habe', 'haben', 'hab', 'ist', 'sind', 'der', 'die', 'das', 'den',
  'nur', 'jetzt', 'aktuell', 'momentan', 'also', 'glaube', 'glaub', 'ca', 'etwa', 'ungefähr', 'wohl', 'ja',
  'i', 'we', 'he', 'she', 'it', 'its', "it's", 'has', 'have', 'is', 'the', 'a', 'only', 'now', 'currently',
  'think', 'about', 'yes', 'number', 'nummer',
]);

function loneGrade(text: string): number | undefined {
  const tokens = text.toLowerCase().split(/[^\p{L}\d'.]+/u).map((t) => t.replace(/^\.+|\.+$/g, '')).filter(Boolean);
  const rest = tokens.filter((t) => !FILLER.has(t));
  if (rest.length !== 1 || tokens.length > 6) return undefined;
  const [word] = rest;
  const original = text.match(/\b[IV]{1,3}\b/)?.[0];
  if (original && original.toLowerCase() === word) return ROMAN[original];
  return numberValue(word) ?? ordinalValue(word);
}

/** The care grade (1–5) the text mentions, or undefined. The first mention wins. */
export function extractGrade(text: string, opts: GradeOptions = {}): number | undefined {
  const input = text.normalize('NFC');
  let best: { index: number; grade: number } | undefined;
  const consider = (index: number, grade: number | undefined): void => {
    if (grade === undefined) return;
    if (!best || index < best.index) best = { index, grade };
  };
  for (const m of input.matchAll(AFTER_KEYWORD)) consider(m.index ?? 0, numberValue(m[1]));
  for (const m of input.matchAll(ORDINAL_BEFORE)) consider(m.index ?? 0, ordinalValue(m[1]));
  for (const m of input.matchAll(DIGIT_ER_BEFORE)) consider(m.index ?? 0, Number(m[1]));
  if (best) return best.grade;
  return opts.expectGrade ? loneGrade(input) : undefined;
}

/** The answer to "Welcher Pflegegrad?": 1–5, or 0 for none yet / unknown ("weiß nicht", words in
 *  locales/<lng>/commands.json); undefined when it is no grade answer. */
export function parseGradeAnswer(text: string, words: Lexicon): number | undefined {
  const t = text.trim().replace(/[.!]+$/, '');
  if (words.has('grade_unknown', t)) return 0;
  return extractGrade(t, { expectGrade: true }) ?? gradeInShortReply(t);
}

const LONE_GRADE_MAX_WORDS = 8;

/** "meine Mutter hat die 3", "she's got a 2": in a short reply to the grade question, the only
 *  number, when it is 1 to 5 and not an age, a date or an amount. */
function gradeInShortReply(t: string): number | undefined {
  if (t.split(/\s+/).length > LONE_GRADE_MAX_WORDS) return undefined;
  const numbers = t.match(/\d+/g) ?? [];
  if (numbers.length !== 1) return undefined;
  const m = /(?:^|\s)(?:die|eine|den|der|a|an|the|grade|grad|stufe|pg)?\s*([1-5])(?:er)?\s*[?!.]*$|(?:^|\s)(?:die|eine|a)\s+([1-5])(?:\s|$)/i.exec(t);
  const g = m ? Number(m[1] ?? m[2]) : undefined;
  return g !== undefined && !/[€%]|euro|jahre|years|uhr/i.test(t) ? g : undefined;
}
