// Negated mentions in a story: "keine Demenz", "we don't get any benefits yet", "ohne Pflegegrad". A
// concept said to be NOT the case must not count as the story's support for that concept's entry
// (issue 17). Pure, no imports: works on folded
// text (bot/text/fold.ts) and returns word indexes as `words()` (bot/nlu/normalise.ts) counts them.

// a negator opens a scope over the next few words of its clause
const NEGATOR = new Set([
  'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'nicht', 'nie', 'niemals', 'ohne',
  'no', 'not', 'never', 'without', 'nor',
]);
// English contractions split by the word pattern: "don't" → "don" "t"
const CONTRACTED = new Set(['don', 'doesn', 'didn', 'isn', 'aren', 'wasn', 'weren', 'hasn', 'haven', 'hadn', 'won']);
// "kann nicht mehr", "can't/cannot" say what someone no longer manages: that is need, not absence
const ABILITY = new Set(['kann', 'konnen', 'konnte', 'konnten', 'kannst', 'can', 'could', 'cannot', 'couldn']);
// "nicht nur", "not only", "nicht immer": a restriction, not a denial
const NOT_DENIAL = new Set(['nur', 'only', 'immer', 'always', 'just', 'sure', 'sicher', 'ganz', 'quite', 'mal', 'even']);
// "nicht lange genug versichert", "not enough money": too little of something is its subject, not its
// absence ("Stimmt das?" then asks about that very rule)
const DEGREE = new Set(['genug', 'genugend', 'ausreichend', 'enough', 'sufficient', 'sufficiently']);
// a denied wish still names its subject: "he never wanted to be kept alive on machines" is a story
// about that very subject
const WISH = new Set(['will', 'willst', 'wollen', 'wollte', 'wollten', 'mochte', 'mochten', 'want', 'wants', 'wanted', 'wish', 'wished', 'like']);
// "X haben wir nicht": the verbs of having and getting, whose object a clause-final "nicht" denies
const HAVE = new Set(['haben', 'hat', 'habe', 'hatten', 'hatte', 'gibt', 'gab', 'bekommen', 'bekommt', 'bekomme', 'kriegen', 'kriegt', 'brauchen', 'braucht',
  // a refusal of a service ("Einen Pflegedienst wollen wir nicht"): the clause's object is not there either
  'wollen', 'will', 'mochten', 'mochte', 'moechten']);
// a clause ends at punctuation and at a contrasting or coordinating word
const CLAUSE_WORD = new Set(['aber', 'sondern', 'jedoch', 'doch', 'und', 'oder', 'weil', 'dass', 'but', 'and', 'or', 'because', 'though', 'although']);

/** how many words after a negator its scope reaches ("nicht pflegeversichert im Ausland": 3) */
export const NEGATION_SCOPE = 4;

/** Word indexes (as `words(folded)` counts) that a negation in their own clause denies: a negator up to
 *  NEGATION_SCOPE words back. A denial after the word (German "Einen Pflegedienst haben wir nicht") is not
 *  read: measured, it cost a held-out thread case as much as it won (docs/retrieval.md, session 14b). */
export function negatedWords(folded: string): Set<number> {
  const out = new Set<number>();
  const tokens: { w: string; clause: number }[] = [];
  let clause = 0;
  for (const m of folded.matchAll(/[\p{L}\d]+|[,;:.!?()\u2013\u2014]/gu)) {
    const t = m[0];
    if (!/[\p{L}\d]/u.test(t)) { clause++; continue; }
    if (CLAUSE_WORD.has(t)) clause++;
    tokens.push({ w: t, clause });
  }
  const negatorAt = (i: number): boolean => {
    const w = tokens[i].w;
    const prev = tokens[i - 1]?.w;
    const next = tokens[i + 1]?.w;
    if (w === 't' && prev && CONTRACTED.has(prev)) return !insufficient(i);
    if (!NEGATOR.has(w)) return false;
    if ((w === 'nicht' || w === 'not') && prev && ABILITY.has(prev)) return false;
    if (next && (NOT_DENIAL.has(next) || WISH.has(next))) return false;
    return !insufficient(i);
  };
  // a degree word in the negation's reach: "nicht lange genug eingezahlt", "hasn't paid in long enough"
  const insufficient = (i: number): boolean => {
    for (let j = i + 1; j <= i + NEGATION_SCOPE + 1 && j < tokens.length && tokens[j].clause === tokens[i].clause; j++) if (DEGREE.has(tokens[j].w)) return true;
    return false;
  };
  for (let i = 0; i < tokens.length; i++) {
    if (!negatorAt(i)) continue;
    for (let j = i + 1; j <= i + NEGATION_SCOPE && j < tokens.length && tokens[j].clause === tokens[i].clause; j++) out.add(j);
  }
  // German word order puts the denial last: "Einen Pflegedienst haben wir nicht", "Pflegegeld bekommt
  // sie noch nicht": a clause of at most 6 words, a have/get verb second or third, "nicht"/"nie" last
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].w !== 'nicht' && tokens[i].w !== 'nie') continue;
    if (i + 1 < tokens.length && tokens[i + 1].clause === tokens[i].clause) continue;
    let start = i;
    while (start > 0 && tokens[start - 1].clause === tokens[i].clause) start--;
    if (i - start > 5 || ![1, 2].some((k) => start + k < i && HAVE.has(tokens[start + k].w))) continue;
    for (let j = start; j < start + 3 && j < i; j++) out.add(j);
  }
  return out;
}

/** the word index (as `words()` counts) of the word that starts at or after `offset` in `folded` */
export function wordIndexAt(folded: string, offset: number): number {
  let n = 0;
  for (const m of folded.matchAll(/[\p{L}\d]+/gu)) {
    if ((m.index ?? 0) >= offset) return n;
    n++;
  }
  return n;
}

// A short question without a topic of its own asks about what the story just told: "Stimmt das?",
// "Ist das so?", "Kann das sein?", "Geht das?", "Is that true/right?". When the story told a denial
// ("… weil sie nicht lange genug versichert ist. Stimmt das?"), the denial IS the subject.
const REFER = new Set(['das', 'dies', 'so', 'stimmt', 'richtig', 'wahr', 'that', 'this', 'it', 'true', 'right', 'correct']);
/** at most this many words: a longer question says what it is about itself */
export const REFER_MAX_WORDS = 6;

/** a folded question sentence that points back at the story told before it */
// an indefinite as the question's last word is a pronoun, its noun was told before: "Bekommt er trotzdem einen?",
// "Does she still get one?" (as an article, "einen Pflegegrad", a noun follows and the question names its topic)
const REFER_LAST = new Set(['einen', 'eine', 'eins', 'einer', 'keinen', 'keine', 'keins', 'one']);

export function refersBack(folded: string): boolean {
  const ws = folded.match(/[\p{L}\d]+/gu) ?? [];
  return ws.length > 0 && ws.length <= REFER_MAX_WORDS && (ws.some((w) => REFER.has(w)) || REFER_LAST.has(ws[ws.length - 1]));
}

/** a folded question sentence that opens by pointing back ("is that covered even if …", "geht das auch,
 *  wenn …"): whatever it names after, its subject is the story told before it */
export function opensBack(folded: string): boolean {
  // German "das" is also the article ("Darf das Heim das?"): only as a pronoun before a particle or the end
  return /^(?:and |but )?\p{L}+ (?:that|this)\b/u.test(folded.trim())
    || /^(?:und |aber )?\p{L}+ (?:das|dies)(?: (?:auch|noch|dann|so|wirklich|trotzdem|uberhaupt|ueberhaupt)\b|\s*[,?!.]|\s*$)/u.test(folded.trim());
}
