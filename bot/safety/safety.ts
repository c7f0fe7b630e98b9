// The crisis net runs before anything else in every turn, also inside a running dialog. It is
// deterministic (patterns and cue combinations from knowledge/safety.json, not the statistical NLU)
// so that every decision can be traced to a line of data and table-tested.
//
// Layers, in order: normalise (case, umlauts, apostrophes, chat spelling, one-typo key words) →
// split into sentences (a long story is judged by its worst sentence) → per sentence: the clear and
// possible patterns of each kind, then the cue combinations, each match ignored right after a
// negation word → the sentence's markers (past, present, hypothetical/prevention) decide how much a
// match counts (see STRENGTH_POLICY) → the strongest result of all sentences. Where the rules find
// nothing, an optional trained classifier may still speak (bot/safety/classifier.ts).
//
// Every regex is linear in the text: no `.*` / `.+`, no pattern that opens with a repeated class,
// no quantified group that holds a quantifier (checked in safetyPatternProblems, so kb:check and the
// start refuse such data).
import { CRISIS_HELP_TOPICS, CRISIS_KINDS, FEELINGS, type Safety } from '../knowledge/schema';
import type { SubwordClassifier } from '../nlu/subword';
import { LiteralGate } from './literals';
import { cachedLiteralGate } from './gateCache';
import { ruledOutKinds } from './messageLookAlikes';
import { CLASSIFIER_THRESHOLDS, CLEAR_CUES, DENIABLE_CUES, DYING_DAMPED_KINDS, KIND_CLEAR_CUES, KIND_CLEAR_CUE_PAIRS, KIND_STRONG_CUES, combine, upgradePossible, type SentenceScore } from './classifier';

export type CrisisKind = (typeof CRISIS_KINDS)[number];
export type Strength = 'clear' | 'possible';
/** `ask`: a possible death wish that the model reads strongly, outside any care topic (session 15):
 *  the reply asks directly first ("Denken Sie daran, sich das Leben zu nehmen?"), with the numbers */
export interface Assessment { kind: CrisisKind; strength: Strength; ask?: boolean }
export type Feeling = (typeof FEELINGS)[number];
export type CrisisHelp = (typeof CRISIS_HELP_TOPICS)[number];

export interface SafetyCheck {
  /** the strongest crisis in the text, or undefined */
  assess(text: string): Assessment | undefined;
  /** the kind of a clear crisis (the numbers come first), or undefined */
  check(text: string): CrisisKind | undefined;
  /** overload, guilt, fear or grief expressed in the text (the first in data order), or undefined */
  feeling(text: string): Feeling | undefined;
  /** may a social intent (greeting, thanks, goodbye, cancel, out of scope) answer this text? Only a
   *  short text without a care concept, a feeling or a crisis; `anyLength` for "out of scope", which
   *  a long off-topic question ("Wann fährt die Straßenbahn 102 …?") may be as well */
  socialOk(text: string, anyLength?: boolean): boolean;
  /** the classifier layer's view of the text (its most crisis-like sentence), or undefined */
  classify(text: string): SentenceScore | undefined;
  /** the care question a clear crisis of `kind` also carries (relief for a carer at the limit, help
   *  for someone who neglects themselves), answered briefly after the numbers; or undefined */
  helpAfterCrisis(text: string, kind: CrisisKind): CrisisHelp | undefined;
}

const FOLD: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'ae', Ö: 'oe', Ü: 'ue' };
/** ä/ae, ö/oe, ü/ue all become the bare vowel: people without a German keyboard write either form
 *  ("muede", "mude"). Applied to texts and patterns alike. */
export function foldUmlauts(s: string): string {
  return s.replace(/[äöüÄÖÜß]/g, (c) => FOLD[c]).replace(/([aou])e/gi, '$1');
}

/** Lower case, umlauts folded, apostrophes removed ("can't" → "cant"), single spaces. */
export function normaliseForSafety(text: string): string {
  return foldUmlauts(text.normalize('NFC').toLowerCase()).replace(/['’‘`´]/g, '').replace(/\s+/g, ' ').trim();
}

// JavaScript's \b only knows ASCII letters. Patterns are written with \b and compiled with a
// Unicode-aware boundary instead.
const W = '[\\p{L}\\p{N}_]';
const UNICODE_BOUNDARY = `(?:(?<!${W})(?=${W})|(?<=${W})(?!${W}))`;
/** A pattern's source as compiled (umlauts folded, \b Unicode-aware). */
export function patternSource(p: string): string {
  return foldUmlauts(p).replace(/\\b/g, UNICODE_BOUNDARY);
}
export function compilePattern(p: string): RegExp {
  return new RegExp(patternSource(p), 'iu');
}
// The same boundary with a one-letter class: the same brackets, groups and escapes, so a pattern
// compiles with it exactly when it compiles with the real one, at a fraction of the cost (the
// start checks every pattern this way; anyOf builds the real ones at their first use).
const SHAPE_BOUNDARY = '(?:(?<![_])(?=[_])|(?<=[_])(?![_]))';
const shapeSource = (p: string): string => foldUmlauts(p).replace(/\\b/g, SHAPE_BOUNDARY);
export function compilesLikePattern(p: string): void {
  new RegExp(shapeSource(p), 'iu');
}

/** A list of patterns as few regexes. `exact` is (?:p1)|(?:p2)|... with the Unicode word boundary;
 *  `loose` is the same without any boundary, so it matches wherever `exact` does, and more. The
 *  boundary lookarounds make `exact` ~40× slower than `loose`, and almost no text passes `loose`:
 *  it runs first. Patterns use no numbered back-references, so wrapping each in its own group
 *  keeps its meaning (checked). */
export interface PatternSet {
  loose: Pick<RegExp, 'test'>;
  exact: Pick<RegExp, 'test'>;
  test(text: string): boolean;
  /** a match that no negation word stands right before */
  affirmed(text: string, negation: RegExp | undefined): boolean;
  /** where the first such match starts, or -1 */
  affirmedAt(text: string, negation: RegExp | undefined): number;
  /** where such matches start (at most `limit`) */
  affirmedAll(text: string, negation: RegExp | undefined, limit: number): number[];
}

/** A match that opens a condition ("if I just did not wake up", "wenn ich tot wäre") is a clause of its own:
 *  a negation right before it governs the main clause's verb ("I wouldn't mind if …"), not the match
 *  (session 19). */
const OPENS_CONDITION = /^(?:if|wenn)\b/;

/** V8 compiles a regex to machine code only below a size limit; a larger one runs in its much
 *  slower bytecode interpreter (measured: one alternation of ~60 safety patterns cost 40× more per
 *  character). So a list is compiled in chunks of this many patterns. */
const CHUNK = 20;

// Parsing a pattern with the Unicode boundary costs about a millisecond (each \p{L} class is
// case-closed under /iu), and the start parsed every pattern up to seven times: once per use is enough.
/** `exact` and `all` are one global regex: exact tests reset lastIndex first. It is built at its
 *  first use: parsing the Unicode boundaries was the largest item of the start, most chunks are
 *  never needed by an ordinary question (their loose form runs first), and V8 compiles a regex at
 *  its first run anyway, which costs that first use several times more than the parse. */
interface Chunk { loose: RegExp; all: () => RegExp }

/** The boundary-free alternation of a list of patterns, in chunks (a prefilter: nothing else is needed).
 *  A chunk none of whose patterns' required literals occur in the text is not run (literals.ts). */
export function looseOf(patterns: readonly string[], cache?: SafetyCache): Pick<RegExp, 'test'> | undefined {
  if (!patterns.length) return undefined;
  const sources = patterns.map(looseSource);
  const gate = cache?.cacheDir ? cachedLiteralGate(sources, cache.cacheDir, cache.log) : new LiteralGate(sources);
  const chunks: RegExp[] = [];
  for (let i = 0; i < patterns.length; i += CHUNK) chunks.push(looseChunk(patterns.slice(i, i + CHUNK)));
  const run = new Uint8Array(chunks.length);
  return {
    test: (text: string) => {
      run.fill(0);
      for (const i of gate.scan(text)) if (!run[(i / CHUNK) | 0] && gate.may(i)) run[(i / CHUNK) | 0] = 1;
      return chunks.some((c, k) => run[k] === 1 && c.test(text));
    },
  };
}
const looseSource = (p: string): string => foldUmlauts(p).replace(/\\b/g, '');
const looseChunk = (part: readonly string[]): RegExp => new RegExp(part.map((p) => `(?:${looseSource(p)})`).join('|'), 'iu');


export function anyOf(patterns: readonly string[]): PatternSet | undefined {
  if (!patterns.length) return undefined;
  for (const p of patterns) if (/\\[1-9]/.test(p)) throw new Error(`safety pattern uses a numbered back-reference: ${p}`);
  const chunks: Chunk[] = [];
  for (let i = 0; i < patterns.length; i += CHUNK) {
    const part = patterns.slice(i, i + CHUNK);
    let all: RegExp | undefined;
    // the real chunk is parsed later, so its syntax is checked now with the cheap boundary of the same shape
    new RegExp(part.map((p) => `(?:${shapeSource(p)})`).join('|'), 'giu');
    chunks.push({ loose: looseChunk(part), all: () => (all ??= new RegExp(part.map((p) => `(?:${patternSource(p)})`).join('|'), 'giu')) });
  }
  const exactTest = (c: Chunk, text: string): boolean => {
    const all = c.all();
    all.lastIndex = 0;
    return all.test(text);
  };
  const loose = { test: (text: string) => chunks.some((c) => c.loose.test(text)) };
  const exact = { test: (text: string) => chunks.some((c) => exactTest(c, text)) };
  return {
    loose,
    exact,
    test: (text) => chunks.some((c) => c.loose.test(text) && exactTest(c, text)),
    affirmed(text, negation) {
      return this.affirmedAll(text, negation, 1).length > 0;
    },
    affirmedAt(text, negation) {
      return this.affirmedAll(text, negation, 1)[0] ?? -1;
    },
    affirmedAll(text, negation, limit) {
      const out: number[] = [];
      for (const c of chunks) {
        if (!c.loose.test(text)) continue;
        const all = c.all();
        all.lastIndex = 0;
        let found = 0;
        for (let m = all.exec(text); m && found < limit; m = all.exec(text)) {
          if (!negation || OPENS_CONDITION.test(m[0]) || !negation.test(text.slice(Math.max(0, m.index - 30), m.index))) { out.push(m.index); found += 1; }
          if (m[0].length === 0) all.lastIndex += 1;
        }
      }
      return out.sort((x, y) => x - y).slice(0, limit);
    },
  };
}

type Problem = { path: Array<string | number>; message: string };

/** Why a pattern could take more than linear time, or undefined. A heuristic on the source: it
 *  refuses the shapes that backtrack (`.*X`, a leading `\w+`, a repeated group holding a repeat). */
export function nonLinearShape(p: string): string | undefined {
  if (/\.[*+]|\.\{/.test(p)) return 'pattern uses . with a repeat (.* .+): match the parts as cues and combine them';
  if (/^(\\b)?(\(\?:|\()*(\\[wWsSdDpP](\{[^}]*\})?|\[[^\]]*\])[*+{]/.test(p)) return 'pattern opens with a repeated class: every start position rescans it';
  // A group that is repeated and holds a repeat backtracks when either repeat is unbounded (* + {n,}).
  // Both bounded, e.g. up to three words "(?: [\\p{L}]{1,20}){0,3}", costs a constant per start.
  const stack: Array<{ any: boolean; unbounded: boolean }> = [];
  const unboundedAt = (i: number): boolean => p[i] === '*' || p[i] === '+' || (p[i] === '{' && /^\{\d+,\}/.test(p.slice(i, i + 12)));
  const repeatAt = (i: number): boolean => p[i] === '*' || p[i] === '+' || (p[i] === '{' && /^\{\d*,?\d*\}/.test(p.slice(i, i + 12)) && !/^\{(0?,)?1\}/.test(p.slice(i, i + 6)));
  const mark = (unbounded: boolean): void => {
    const top = stack[stack.length - 1];
    if (top) { top.any = true; top.unbounded ||= unbounded; }
  };
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') { i++; if (repeatAt(i + 1)) mark(unboundedAt(i + 1)); continue; }
    if (c === '[') {
      while (i < p.length && p[i] !== ']') { if (p[i] === '\\') i++; i++; }
      if (repeatAt(i + 1)) mark(unboundedAt(i + 1));
      continue;
    }
    if (c === '(') stack.push({ any: false, unbounded: false });
    else if (c === ')') {
      const inner = stack.pop() ?? { any: false, unbounded: false };
      const repeated = repeatAt(i + 1);
      if (inner.any && repeated && (inner.unbounded || unboundedAt(i + 1))) return 'pattern repeats a group that holds a repeat (nested quantifiers)';
      if (inner.any || repeated) mark(inner.unbounded || (repeated && unboundedAt(i + 1)));
    } else if (repeatAt(i) && i > 0 && p[i - 1] !== ')' && p[i - 1] !== ']') mark(unboundedAt(i));
  }
  return undefined;
}

/** Patterns that would break the check: ones that do not compile as the check compiles them,
 *  numbered back-references (anyOf wraps each pattern in a group, which renumbers them), shapes
 *  that are not linear-time, and combos naming an unknown cue. Each with its place in the file, so
 *  a broken safety.json stops the start with file and line. */
export function safetyPatternProblems(data: Safety): Problem[] {
  const out: Problem[] = [];
  const test = (path: Array<string | number>, p: string): void => {
    if (/\\[1-9]/.test(p)) out.push({ path, message: 'pattern uses a numbered back-reference; use a named group or repeat the text' });
    if (/\\[ux]/.test(p)) out.push({ path, message: 'pattern uses a \\u or \\x escape; write the letter itself' });
    const shape = nonLinearShape(p);
    if (shape) out.push({ path, message: shape });
    try {
      compilesLikePattern(p);
    } catch (err) {
      out.push({ path, message: `pattern does not compile: ${(err as Error).message}` });
    }
  };
  const langs = ['de', 'en'] as const;
  for (const m of ['history', 'present', 'hypothetical', 'negation', 'dying', 'fear', 'ongoing', 'remote'] as const) {
    for (const lang of langs) data.markers[m][lang].forEach((p, j) => test(['markers', m, lang, j], p));
  }
  data.categories.forEach((c, i) => {
    for (const lang of langs) {
      c.patterns[lang].forEach((p, j) => test(['categories', i, 'patterns', lang, j], p));
      (c.possible?.[lang] ?? []).forEach((p, j) => test(['categories', i, 'possible', lang, j], p));
      (c.exclude?.[lang] ?? []).forEach((p, j) => test(['categories', i, 'exclude', lang, j], p));
    }
  });
  const cueIds = new Set<string>();
  data.cues.forEach((c, i) => {
    if (cueIds.has(c.id)) out.push({ path: ['cues', i, 'id'], message: `cue ${c.id} is defined twice` });
    cueIds.add(c.id);
    for (const lang of langs) c[lang].forEach((p, j) => test(['cues', i, lang, j], p));
  });
  data.feelings.forEach((f, i) => {
    for (const lang of langs) f[lang].forEach((p, j) => test(['feelings', i, lang, j], p));
  });
  for (const lang of langs) data.social.care[lang].forEach((p, j) => test(['social', 'care', lang, j], p));
  data.crisisHelp.forEach((h, i) => {
    for (const lang of langs) h[lang].forEach((p, j) => test(['crisisHelp', i, lang, j], p));
  });
  data.combos.forEach((c, i) => c.all.forEach((id, j) => {
    if (!cueIds.has(id)) out.push({ path: ['combos', i, 'all', j], message: `unknown cue ${id}` });
  }));
  data.messageLookAlikes.forEach((r, i) => [...r.all, ...(r.unless ?? [])].forEach((id) => {
    if (!cueIds.has(id)) out.push({ path: ['messageLookAlikes', i], message: `unknown cue ${id}` });
  }));
  Object.keys(data.spelling).forEach((w) => {
    if (!/^[\p{L}]+$/u.test(w)) out.push({ path: ['spelling', w], message: 'a spelling key is one word of letters' });
  });
  return out;
}

/** How much a match counts in a sentence that speaks of the past (and not of now) or of a
 *  hypothetical / prevention. A stroke two years ago or "falls sie mal stürzt" is no emergency; a
 *  death wish or violence that is past or asked about still earns the gentle line. */
// `remote` (markers.remote: childhood, decades ago, news, a film, a friend's story): "my father hit
// us as children, must I care for him now?" is a care question, not abuse going on now.
const STRENGTH_POLICY: Record<CrisisKind, { past: Strength | undefined; hypothetical: Strength | undefined; remote: Strength | undefined }> = {
  suicidal: { past: 'possible', hypothetical: 'possible', remote: 'possible' },
  medical: { past: undefined, hypothetical: undefined, remote: undefined },
  loss_of_control: { past: 'possible', hypothetical: 'possible', remote: 'possible' },
  violence: { past: 'possible', hypothetical: 'possible', remote: undefined },
  neglect: { past: 'possible', hypothetical: undefined, remote: undefined },
  out_of_hours: { past: undefined, hypothetical: undefined, remote: undefined },
  // a walk-out that is over or asked about ahead ("was ist, wenn er mal wegläuft?") is a care question
  missing: { past: undefined, hypothetical: undefined, remote: undefined },
};
/** kinds whose *possible* signs belong to dying in a dying frame (`markers.dying`, also an
 *  end-of-life decision on tube feeding): "isst fast nichts mehr" there is the illness, and the
 *  neglect line would point to the Heimaufsicht instead of the question who decides */
const DYING_SILENT_POSSIBLE: readonly CrisisKind[] = ['neglect'];

/** Sentences: ends of sentences and line breaks. A story is judged by its worst sentence, and a
 *  marker ("vor zwei Jahren", "falls") only colours the sentence it stands in. */
export function sentences(t: string): string[] {
  // "Zucker bei 2.1", "10:30": a point or colon between digits ends nothing; nor does the point of a
  // German ordinal date ("am 3. März", "am 9. dieses Monats"), which left "mein Mann ist am 3" as a sentence
  return t.replace(ORDINAL_DATE, '$1').split(/[!?;\n]+|[.:]+(?!\d)/).map((s) => s.trim()).filter(Boolean);
}
const ORDINAL_DATE = /(?<![\p{L}\p{N}])(\d{1,2})\.(?= (?:januar|februar|marz|märz|april|mai|juni|juli|august|september|oktober|november|dezember|jan|feb|apr|jun|jul|aug|sep|sept|okt|nov|dez|dieses|diesen|des|jedes|jeden|stock|etage|klasse|lebensjahr|geburtstag)(?![\p{L}]))/giu;

const CLAUSE_END = /,|\b(?:und|aber|doch|and|but)\b/g;
/** The clause of a sentence around position `at`: from the comma or conjunction before it to the
 *  one after it. */
export function clauseAt(s: string, at: number): string {
  let start = 0;
  let end = s.length;
  CLAUSE_END.lastIndex = 0;
  for (let m = CLAUSE_END.exec(s); m; m = CLAUSE_END.exec(s)) {
    if (m.index < at) start = m.index + m[0].length;
    else if (m.index > at) { end = m.index; break; }
  }
  return s.slice(start, end);
}

/** All one-letter deletions of a word: two words are one typo apart when they share one of these
 *  (or one is a deletion of the other): symmetric-delete lookup, linear in the word's length. */
function deletions(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

/** One insertion, deletion, substitution or swap of two neighbours turns a into b (or a equals b). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

interface Compiled { id: CrisisKind; clear?: PatternSet; possible?: PatternSet; exclude?: PatternSet }

const RANK: Record<Strength, number> = { clear: 2, possible: 1 };
/** matches of one kind weighed per sentence; bounds the work on a text that repeats a cue word */
const MAX_MATCHES = 8;
/** kinds a recurring symptom in a dying frame steps down to possible (see `markers.ongoing`) */
const ONGOING_DAMPED_KINDS: readonly CrisisKind[] = ['medical', 'out_of_hours'];
/** the weaker of two strengths; undefined (no crisis) is the weakest */
const weaker = (a: Strength | undefined, b: Strength | undefined): Strength | undefined => (a && b ? (RANK[a] <= RANK[b] ? a : b) : undefined);

/** The classifier reads at most this many sentences of this length: a longer one is no chat
 *  message, and its cost would grow with it (the rules still read everything). */
const CLASSIFIER_MAX_SENTENCES = 20;
const CLASSIFIER_MAX_SENTENCE = 400;
// A sentence of a few words ("Tell me more", "Im Pflegeheim") gives the classifier too little to
// go on: its guesses there were false alarms in the conversation cases. Short crises are the rules' job.
export const CLASSIFIER_MIN_WORDS = 5;
/** words of a normalised (single-spaced) text: tokens with a letter or digit */
const wordCount = (t: string): number => t.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Kinds whose rule "possible" a confident classifier may make clear (upgradePossible). */
const UPGRADE_KINDS: readonly CrisisKind[] = ['suicidal'];

/** The cue that marks the sentence of a care question (outsideCare, classifier.ts). */
const CARE_TOPIC_CUE = 'care_topic';
/** First person ("ich", "I"): the model's sentence speaks of the writer (careFrame). */
const SELF_CUE = 'self';

/** A first-person wish in the present tense (session 19): beside it, a past marker of the same clause tells
 *  the cause's time, not the wish's (`wishToldNow`). Only the death wish: "seit dem Sturz kann ich nicht mehr
 *  laufen" is a past medical sign told now, and stays past. */
const WISH_NOW_CUE = 'wish_now';
const WISH_NOW_KINDS: readonly CrisisKind[] = ['suicidal'];

/** Someone cared for with dementia (session 19): such a message tells a care story, so a first-person reading
 *  there is not `self` for clearOutsideCareSelf. */
const DEMENTIA_CUE = 'dementia';

/** Hearsay (session 16): "Jemand hat mir gesagt, sie bekäme noch gar keinen Pflegegrad", "a friend
 *  told me …" — someone outside the family passing on what they heard. The model read such sentences
 *  as a death wish on its own words; the hearsay damps its reading of these kinds (one step, as a
 *  hypothetical does). The rules are not touched: what someone reports of a person still counts there. */
const HEARSAY_CUE = 'hearsay';
const HEARSAY_DAMPED_KINDS: readonly CrisisKind[] = ['suicidal'];

/** A care act or an office's refusal (session 17): the person cared for as the object of a care act
 *  ("Ich habe Papa seine Tabletten gegeben", "I gave mum her tablets") or an institution as the
 *  subject of a "no" ("und wenn die dann nochmal nein sagen", "the council refused"). The model read
 *  these sentences as a death wish on "Tabletten" and "nein"; such a sentence is about care, not about
 *  the writer's life, so its reading is damped one step — unless the sentence names the crisis itself
 *  (a strong cue of the kind: a death word, a means, a farewell) or taking them all at once.
 *  Session 17c: taking the person along to an everyday place ("Wenn ich zum Arzt gehe, nehme ich Mama
 *  mit", "when I go shopping I take my husband with me") is a care act as well. */
const CARE_ACT_CUE = 'care_act';
const CARE_ACT_DAMPED_KINDS: readonly CrisisKind[] = ['suicidal'];
const ALL_AT_ONCE_CUE = 'all_at_once';
/** Taking the person cared for along ("dass ich sie mitnehme", "wir gehen zusammen", "take him with
 *  me", "go together", session 17): in an asked reading's own sentence it is the plan that includes
 *  the person, a second signal beside the model's reading, so the reading is clear. */
const TAKE_ALONG_CUE = 'take_along';
/** A walk-out told ("war plötzlich verschwunden", "wandered off", session 17c): where the message
 *  tells it as over (the `missing` look-alike: found, brought home), the model's reading of that
 *  sentence is no crisis of another kind either — it read "plötzlich verschwunden" as a sudden
 *  medical sign. */
const WALKED_OFF_CUE = 'walked_off';
/** The person cared for accuses the carer ("behauptet, ich hätte ihr Geld gestohlen", session 17c): beside a
 *  coping question a look-alike of violence and loss of control (messageLookAlikes); its own sentence damps
 *  the model's death-wish reading as a care act does. */
const ACCUSES_CUE = 'accuses_carer';
/** An idiom of being without money, help or strength about a matter (session 18): "bis dahin stehe ich
 *  ohne alles da" (money, waiting for the care fund), "weiß nicht mehr weiter mit dem Antrag", "at my wits'
 *  end with the forms". The model read these as a death wish; where the sentence names no wish, ending,
 *  means or farewell (MATTER_GUARD_CUES), its death-wish reading does not count and the message is read
 *  by its other sentences. The rules are not touched. */
const MATTER_IDIOM_CUE = 'matter_idiom';
const MATTER_GUARD_CUES = ['ending', 'death_word', 'means', 'farewell', 'giveaway', 'no_need', 'pills', 'self_take', 'wish'];

/** A clear crisis of the key's kind that the whole short message tells as one of these kinds
 *  (assessRules, session 16): the writer's own act of harm with their fear of themselves. */
const CROSS_SENTENCE_RETELLS: Partial<Record<CrisisKind, readonly CrisisKind[]>> = { violence: ['loss_of_control'] };

/** Messages of at most this many sentences are also judged as one (cue combinations across sentences). */
const CROSS_SENTENCE_MAX = 4;

/** Where the bot keeps start-up caches (the prefilter's literal gate, gateCache.ts); without, it is built. */
export interface SafetyCache { cacheDir?: string; log?: (m: string) => void }

/** `classifier`: the optional third layer (bot/safety/classifier.ts), trained on kinds and `none`. */
export function createSafetyCheck(data: Safety, classifier?: SubwordClassifier, cache?: SafetyCache): SafetyCheck {
  const both = (x: { de: string[]; en: string[] } | undefined): string[] => [...(x?.de ?? []), ...(x?.en ?? [])];
  // Both languages are always checked: a crisis must not be missed because the language guess failed.
  const compiled: Compiled[] = data.categories.map((c) => ({
    id: c.id,
    clear: anyOf(both(c.patterns)),
    possible: anyOf(both(c.possible)),
    exclude: anyOf(both(c.exclude)),
  }));
  const order = new Map<CrisisKind, number>(data.categories.map((c, i) => [c.id, i]));
  const cues = new Map(data.cues.map((c) => [c.id, anyOf(both(c))!]));
  const markers = {
    history: anyOf(both(data.markers.history)),
    present: anyOf(both(data.markers.present)),
    hypothetical: anyOf(both(data.markers.hypothetical)),
    dying: anyOf(both(data.markers.dying)),
    fear: anyOf(both(data.markers.fear)),
    ongoing: anyOf(both(data.markers.ongoing)),
    remote: anyOf(both(data.markers.remote)),
    planning: anyOf(both(data.markers.planning)),
  };
  // a fear about the future is hypothetical unless the sentence also speaks of now ("ich habe Angst,
  // dass er stirbt, er atmet jetzt kaum")
  const fearOnly = (s: string): boolean => !!markers.fear?.test(s) && !markers.present?.test(s);
  const negationList = both(data.markers.negation);
  // the negation word, then at most one more word, right before the match
  const negation = negationList.length
    ? compilePattern(`\\b(?:${negationList.join('|')}) (?:[\\p{L}]{1,20} )?$`)
    : undefined;
  const spelling = new Map(Object.entries(data.spelling).map(([k, v]) => [foldUmlauts(k.toLowerCase()), foldUmlauts(v.toLowerCase())]));
  const fuzzy = new Map<string, string>();
  for (const raw of data.fuzzy) {
    const w = foldUmlauts(raw.toLowerCase());
    fuzzy.set(w, w);
    for (const d of deletions(w)) if (!fuzzy.has(d)) fuzzy.set(d, w);
  }
  const fuzzyWords = new Set(data.fuzzy.map((w) => foldUmlauts(w.toLowerCase())));

  const fixWord = (w: string): string => {
    const s = spelling.get(w);
    if (s !== undefined) return s;
    if (w.length < 6 || fuzzyWords.has(w)) return w;
    const direct = fuzzy.get(w);
    if (direct && withinOneEdit(w, direct)) return direct;
    for (const d of deletions(w)) {
      const hit = fuzzy.get(d);
      if (hit && withinOneEdit(w, hit)) return hit;
    }
    return w;
  };
  // A "word" of more than 40 letters holds no cue (the longest is far shorter): it becomes a space,
  // so that an endless word costs one pass instead of one regex attempt per letter.
  const fixWords = (t: string): string => t.replace(/[\p{L}]+/gu, (w) => (w.length > 40 ? ' ' : fixWord(w)));

  // session 19: a wish told in the present tense ("ich will", "I don't want", "I see no") is now, whatever past
  // stands beside it without a comma ("Since my wife passed last spring I don't want to live anymore",
  // "ich hab mir das gut überlegt ich will sterben"): the past marker tells when the cause began, not when the
  // wish was; a past wish has a past verb ("last year I wanted to die", "damals wollte ich nicht mehr leben")
  const wishNow = cues.get(WISH_NOW_CUE);
  const wishToldNow = (kind: CrisisKind, s: string): boolean => WISH_NOW_KINDS.includes(kind) && !!wishNow?.test(s);

  // `dyingFrame`: the message speaks of someone dying; a symptom told as recurring there is the
  // course of the illness (the palliative team's work), so it is a possible crisis at most
  // `planningFrame`: the message says it asks ahead; every sentence that does not speak of now is
  // hypothetical ("Welche Nummer rufe ich am Wochenende an, wenn Papa Fieber bekommt? Ich will
  // vorbereitet sein.")
  const judge = (s: string, dyingFrame = false, planningFrame = false, skip?: ReadonlySet<CrisisKind>): Assessment | undefined => {
    let best: Assessment | undefined;
    const consider = (kind: CrisisKind, strength: Strength): void => {
      if (skip?.has(kind)) return;
      if (!best || RANK[strength] > RANK[best.strength] || (RANK[strength] === RANK[best.strength] && order.get(kind)! < order.get(best.kind)!)) best = { kind, strength };
    };
    let hypo: boolean | undefined;
    let sentencePast: boolean | undefined;
    let sentenceRemote: boolean | undefined;
    // `at`: where a pattern matched. The past counts in that clause only ("vor zwei Jahren ein
    // Schlaganfall, jetzt ist er bewusstlos"); a combination of cues is judged on the sentence.
    // A hypothetical colours the whole sentence ("Was mache ich, wenn er sagt, er will sterben?").
    const weigh = (kind: CrisisKind, strength: Strength, at = -1): void => {
      hypo ??= !!markers.hypothetical?.test(s) || fearOnly(s) || (planningFrame && !markers.present?.test(s));
      let past: boolean;
      let remote: boolean;
      if (at >= 0) {
        const c = clauseAt(s, at);
        past = !!markers.history?.test(c) && !markers.present?.test(c) && !wishToldNow(kind, c);
        remote = !!markers.remote?.test(c) && !markers.present?.test(c);
      } else {
        past = (sentencePast ??= !!markers.history?.test(s) && !markers.present?.test(s));
        remote = (sentenceRemote ??= !!markers.remote?.test(s) && !markers.present?.test(s));
      }
      const policy = STRENGTH_POLICY[kind];
      let out: Strength | undefined = strength;
      if (hypo) out = weaker(out, policy.hypothetical);
      if (past) out = weaker(out, policy.past);
      // a report or a childhood memory is remote in the whole sentence ("Ich habe gelesen, dass in
      // einem Heim Bewohner misshandelt wurden"), so the sentence decides, not only the clause
      if (remote || (sentenceRemote ??= !!markers.remote?.test(s) && !markers.present?.test(s))) out = weaker(out, policy.remote);
      if (dyingFrame && strength === 'possible' && DYING_SILENT_POSSIBLE.includes(kind)) out = undefined;
      if (dyingFrame && ONGOING_DAMPED_KINDS.includes(kind) && markers.ongoing?.test(s) && !markers.present?.test(s)) out = weaker(out, 'possible');
      if (out) consider(kind, out);
    };
    for (const c of compiled) {
      if (c.exclude?.test(s)) continue;
      // every match counts: the first may lie in a past clause, a later one in the present
      for (const at of c.clear?.affirmedAll(s, negation, MAX_MATCHES) ?? []) weigh(c.id, 'clear', at);
      for (const at of c.possible?.affirmedAll(s, negation, MAX_MATCHES) ?? []) weigh(c.id, 'possible', at);
    }
    if (data.combos.length) {
      const present = new Map<string, boolean>();
      const has = (id: string): boolean => {
        let v = present.get(id);
        if (v === undefined) present.set(id, (v = !!cues.get(id)?.affirmed(s, negation)));
        return v;
      };
      for (const combo of data.combos) {
        const c = compiled.find((x) => x.id === combo.kind);
        if (c?.exclude?.test(s)) continue;
        if (!combo.all.every(has)) continue;
        // the clause of the rarest cue (listed first) may speak of the past on its own ("die
        // Pflegekraft hat sie früher angeschrien, jetzt ist alles gut"): then the combination is past
        const at = cues.get(combo.all[0])?.affirmedAt(s, negation) ?? -1;
        const c0 = at >= 0 ? clauseAt(s, at) : '';
        if (c0 && markers.history?.test(c0) && !markers.present?.test(c0)) weigh(combo.kind, combo.strength, at);
        else weigh(combo.kind, combo.strength);
      }
    }
    return best;
  };

  // One boundary-free test over the whole text first: most messages contain no cue at all. A
  // combination needs all its cues, so its first cue stands for it (the data lists the rarest first).
  const firstCues = new Set(data.combos.map((c) => c.all[0]));
  const prefilter = looseOf([
    ...data.categories.flatMap((c) => [...both(c.patterns), ...both(c.possible)]),
    ...data.cues.filter((c) => firstCues.has(c.id)).flatMap((c) => both(c)),
  ], cache);
  const cueSets = (ids: readonly string[]) => ids.map((id) => cues.get(id)).filter((c): c is PatternSet => !!c);
  const clearCues = cueSets(CLEAR_CUES);
  const kindClearCues = new Map(Object.entries(KIND_CLEAR_CUES).map(([kind, ids]) => [kind, cueSets(ids ?? [])]));
  const kindStrongCues = new Map(Object.entries(KIND_STRONG_CUES).map(([kind, ids]) => [kind, cueSets(ids ?? [])]));
  const kindCuePairs = new Map(Object.entries(KIND_CLEAR_CUE_PAIRS).map(([kind, pairs]) => [kind, (pairs ?? []).map(cueSets)]));
  const excludes = new Map(compiled.map((c) => [c.id, c.exclude]));
  const careTopic = cues.get(CARE_TOPIC_CUE);
  // a care topic anywhere in the message, or someone dying: a strong model reading there is not
  // asked about (per sentence, care questions whose topic stood in another sentence were asked)
  // session 15b: a care topic only in another sentence, beside a model sentence that speaks of the
  // writer ("ich", "I"), is `careElsewhere`: a first-person wish beside a care question may still be
  // asked about (askBesideCare), while a care question whose own sentence holds the words keeps the
  // gentle line
  const selfCue = cues.get(SELF_CUE);
  const hearsay = cues.get(HEARSAY_CUE);
  const careAct = cues.get(CARE_ACT_CUE);
  const allAtOnce = cues.get(ALL_AT_ONCE_CUE);
  const takeAlong = cues.get(TAKE_ALONG_CUE);
  const dementiaCue = cues.get(DEMENTIA_CUE);
  const walkedOff = cues.get(WALKED_OFF_CUE);
  const accuses = cues.get(ACCUSES_CUE);
  const matterIdiom = cues.get(MATTER_IDIOM_CUE);
  const matterGuard = cueSets(MATTER_GUARD_CUES);
  /** a sentence whose only trace of a death wish is an idiom about a matter (session 18) */
  const matterOnly = (fixed: string): boolean => !!matterIdiom?.affirmed(fixed, negation) && !matterGuard.some((c) => c.test(fixed));
  const careFrame = (fixed: string, sentence: string): { careTopic: boolean; careElsewhere?: boolean } => {
    if (markers.dying?.test(fixed) || careTopic?.test(sentence)) return { careTopic: true };
    if (!careTopic?.test(fixed)) return { careTopic: false };
    return selfCue?.test(sentence) ? { careTopic: false, careElsewhere: true } : { careTopic: true };
  };
  // A negation damps the classifier only where it denies what the rules read as a crisis ("er ist
  // nicht gestürzt", "I do not want to die"): a pattern or crisis cue that matches the sentence, but
  // only right after a negation word. A negation elsewhere ("will nicht mehr leben", "ohne Wasser",
  // "damit er nicht rumläuft", "cannot breathe") says nothing against the crisis: damping on every
  // negation word turned most clear crises of two fresh batches into possible ones.
  const deniable = [...compiled.flatMap((c) => [c.clear, c.possible]), ...DENIABLE_CUES.map((id) => cues.get(id))]
    .filter((c): c is PatternSet => !!c);
  // session 19: for a death wish, a negation that itself opens an affirmed crisis phrase is the wish, not its
  // denial ("didn't wake up": the ending "not wake up" holds the "not" that denies the bare "wake up")
  // (one global regex for every call, started at 0 each time; nothing else uses it)
  const negationWord = negationList.length ? compilePattern(`\\b(?:${negationList.join('|')})\\b`) : undefined;
  const negationScan = negationWord && new RegExp(negationWord.source, 'giu');
  const negationIsTheWish = (s: string): boolean => {
    if (!negationScan) return false;
    negationScan.lastIndex = 0;
    for (let m = negationScan.exec(s), n = 0; m && n < MAX_MATCHES; m = negationScan.exec(s), n++) {
      const rest = s.slice(m.index);
      if (deniable.some((set) => set.affirmedAt(rest, negation) === 0)) return true;
    }
    return false;
  };
  const denial = (s: string, kind?: CrisisKind): boolean =>
    deniable.some((set) => set.test(s) && !set.affirmed(s, negation)) && !(kind && WISH_NOW_KINDS.includes(kind) && negationIsTheWish(s));
  const damped = (s: string, kind?: CrisisKind): boolean =>
    !!markers.hypothetical?.test(s) || fearOnly(s) || denial(s, kind)
    || ((!!markers.remote?.test(s) || (!!markers.history?.test(s) && !(kind && wishToldNow(kind, s)))) && !markers.present?.test(s));
  /** the classifier's most crisis-like sentence of a normalised text; `scored` keeps every sentence's
   *  predictions, so that a second reading of the other sentences does not run the model again */
  type Scored = { s: string; predictions: ReturnType<NonNullable<typeof classifier>['predict']> };
  const classifyBest = (normalised: string): { kind: CrisisKind; p: number; s: string; scored: readonly Scored[] } | undefined => {
    if (!classifier) return undefined;
    const scored: Scored[] = [];
    for (const s of sentences(normalised).slice(0, CLASSIFIER_MAX_SENTENCES)) {
      if (s.length > CLASSIFIER_MAX_SENTENCE || wordCount(s) < CLASSIFIER_MIN_WORDS) continue;
      scored.push({ s, predictions: classifier.predict(s) });
    }
    const best = bestReading(scored);
    return best && { ...best, scored };
  };
  /** the most crisis-like prediction of the sentences `keep` lets through (the first one on a tie) */
  const bestReading = (scored: readonly Scored[], keep: (s: string) => boolean = () => true): { kind: CrisisKind; p: number; s: string } | undefined => {
    let best: { kind: CrisisKind; p: number; s: string } | undefined;
    for (const { s, predictions } of scored) {
      if (!keep(s)) continue;
      for (const x of predictions) if (x.intent !== 'none' && (!best || x.score > best.p)) best = { kind: x.intent as CrisisKind, p: x.score, s };
    }
    return best;
  };
  // cues and markers are read on the spelling-fixed sentence ("nich" → "nicht", "cant" → "cannot"),
  // as the rules read it; the model itself was trained on the merely normalised text
  const describe = (best: { kind: CrisisKind; p: number; s: string }): SentenceScore => {
    const fixed = fixWords(best.s);
    // a look-alike of the kind ("zu Hause sterben", "Hausnotruf") steps the classifier down as well:
    // it is there because that wording is no crisis of the kind, whoever reads it
    const lookAlike = !!excludes.get(best.kind)?.test(fixed);
    const kindCue = !lookAlike && !!kindStrongCues.get(best.kind)?.some((c) => c.test(fixed));
    // session 17c: so is an accusation of the carer by the person cared for ("wirft mir vor, ich würde ihn bestehlen")
    const careActOnly = CARE_ACT_DAMPED_KINDS.includes(best.kind) && !kindCue && !!(careAct?.test(fixed) || accuses?.test(fixed)) && !allAtOnce?.test(fixed);
    return {
      kind: best.kind,
      p: best.p,
      cue: !lookAlike && ((kindClearCues.get(best.kind) ?? clearCues).some((c) => c.test(fixed))
        || !!kindCuePairs.get(best.kind)?.some((pair) => pair.length > 0 && pair.every((c) => c.test(fixed)))),
      kindCue,
      self: !!selfCue?.test(fixed),
      damped: lookAlike || damped(fixed, best.kind) || (HEARSAY_DAMPED_KINDS.includes(best.kind) && !!hearsay?.test(fixed)) || careActOnly,
    };
  };
  // `floor`: below this probability the cue and the markers are not read (nothing would come of
  // them in combine); most care questions end here, and reading every pattern set costs more than the model
  // the classifier's view in a message that asks ahead: its sentence is damped as a hypothetical one
  const viewIn = (best: { kind: CrisisKind; p: number; s: string }, fixed: string): SentenceScore => {
    const view = { ...describe(best), ...careFrame(fixed, fixWords(best.s)) };
    // session 19: a message about someone with dementia is a care story, even without a care topic word
    // ("Mein Mann hat Alzheimer … Wenn ich es versuche, schiebt er mich weg": the model read 0.97 there)
    if (view.self && dementiaCue?.test(fixed)) view.self = false;
    return markers.planning?.test(fixed) && !markers.present?.test(fixWords(best.s)) ? { ...view, damped: true } : view;
  };
  const classify = (text: string, floor = 0): SentenceScore | undefined => {
    const normalised = normaliseForSafety(text);
    const best = classifyBest(normalised);
    if (!best) return undefined;
    if (best.p < floor) return { kind: best.kind, p: best.p, cue: false, damped: false };
    return { ...describe(best), ...careFrame(fixWords(normalised), fixWords(best.s)) };
  };
  const assessRules = (t: string, skip?: ReadonlySet<CrisisKind>): Assessment | undefined => {
    if (!t || !prefilter?.test(t)) return undefined;
    let best: Assessment | undefined;
    const parts = sentences(t);
    const dyingFrame = !!markers.dying?.test(t);
    const planningFrame = !!markers.planning?.test(t);
    for (const s of parts) {
      const r = judge(s, dyingFrame, planningFrame, skip);
      if (r && (!best || RANK[r.strength] > RANK[best.strength] || (RANK[r.strength] === RANK[best.strength] && order.get(r.kind)! < order.get(best.kind)!))) best = r;
      if (best?.strength === 'clear' && order.get(best.kind) === 0) break;
    }
    // A short message spreads one situation over a few sentences ("Es ist Sonntag. Papa hat Fieber.
    // Wen rufe ich an?"): where no sentence alone is a clear crisis, the cues of the whole message
    // are combined once more, with the markers of the whole message.
    // A sentence that speaks of the past only ("hat mich als Kind geschlagen") lends no cue to the rest.
    // Nor does a fear about the future ("I worry he will collapse").
    const current = parts.filter((s) => !((markers.history?.test(s) || markers.remote?.test(s)) && !markers.present?.test(s)) && !fearOnly(s));
    // Session 16: beside a clear violence too — "ich hab papa angebrüllt und geschubst. ich erkenn
    // mich selbst nicht mehr" is the carer losing control (the carers' help), though the act alone is
    // a violence pattern in its own sentence. Only that kind: beside a clear medical sign, words of
    // the other sentences made a diabetic emergency a death wish ("won't wake up" + "where to turn").
    const retold = best?.strength === 'clear' ? CROSS_SENTENCE_RETELLS[best.kind] : undefined;
    if ((best?.strength !== 'clear' || retold) && current.length > 1 && parts.length <= CROSS_SENTENCE_MAX) {
      const r = judge(current.join(', '), dyingFrame, planningFrame, skip);
      if (r?.strength === 'clear' && (best?.strength !== 'clear' || retold?.includes(r.kind))) best = r;
    }
    return best;
  };
  // The last text's normalised and spelling-fixed forms: a turn asks assess, feeling and socialOk
  // about the same message.
  let last: { text: string; normalised: string; fixed: string } | undefined;
  const prepared = (text: string): { normalised: string; fixed: string } => {
    if (last?.text !== text) {
      const normalised = normaliseForSafety(text);
      last = { text, normalised, fixed: fixWords(normalised) };
    }
    return last;
  };
  // session 17b: a kind that the whole message rules out (a walk-out found in the next sentence, a
  // person with dementia hitting out at the carer who asks how to cope) is judged as if absent
  const lookAlikeKinds = new Set(data.messageLookAlikes.map((r) => r.kind));
  const ruledOut = (fixed: string, kind: CrisisKind): ReadonlySet<CrisisKind> | undefined => {
    if (!lookAlikeKinds.has(kind)) return undefined;
    const parts = sentences(fixed);
    const has = (id: string, notPast: boolean): boolean => {
      const set = cues.get(id);
      return !!set && parts.some((s) => (!notPast || !(markers.history?.test(s) && !markers.present?.test(s))) && set.affirmed(s, negation));
    };
    const out = ruledOutKinds(data.messageLookAlikes, has, kind);
    return out.size ? out : undefined;
  };
  const assess = (text: string): Assessment | undefined => {
    const p = prepared(text);
    let rule = assessRules(p.fixed);
    // session 17c: the kind read once one is ruled out may be ruled out as well ("sagt, ich würde sie
    // schlagen und einsperren": violence, then the carer's own act) — each pass drops one more kind
    let skip: Set<CrisisKind> | undefined;
    for (let out = rule && ruledOut(p.fixed, rule.kind); out; out = rule && ruledOut(p.fixed, rule.kind)) {
      skip = new Set([...(skip ?? []), ...out]);
      rule = assessRules(p.fixed, skip);
    }
    // only a death wish, and only where nothing in the message speaks of the past, a report or a
    // hypothetical: a possible there was weakened on purpose ("Vor vielen Jahren habe ich
    // Abschiedsbriefe geschrieben, heute geht es mir gut"); neglect signs without a place stay gentle
    if (rule?.strength === 'possible' && UPGRADE_KINDS.includes(rule.kind) && !markers.history?.test(p.fixed) && !markers.remote?.test(p.fixed) && !markers.hypothetical?.test(p.fixed)) {
      const best = classifyBest(p.normalised);
      return best && best.kind === rule.kind && best.p >= (CLASSIFIER_THRESHOLDS.clearWithKindCue ?? 1) ? upgradePossible(rule, viewIn(best, p.fixed)) : rule;
    }
    if (rule) return rule;
    // below the gentle line's threshold the cue and the markers cannot change the outcome (combine
    // says clear only above it as well): they are looked at only for a confident sentence
    const best = withoutMatterIdioms(classifyBest(p.normalised));
    if (!best || best.p < CLASSIFIER_THRESHOLDS.possible) return undefined;
    // someone dying: not drinking, pain at night, restlessness are the dying itself, and the gentle
    // neglect line would speak of the Heimaufsicht; the rules alone decide these kinds there
    if (DYING_DAMPED_KINDS.includes(best.kind) && markers.dying?.test(p.fixed)) return undefined;
    const view = viewIn(best, p.fixed);
    // grief over someone who died ("My husband died in the spring and I still can't believe it")
    // reads like a death wish to the model; without a cue of a wish to die (an ending, hopelessness,
    // pills …) it gets the grief acknowledgement, not the suicide line
    if (best.kind === 'suicidal' && !view.cue && griefOf(p.fixed)) return undefined;
    if (skip?.has(best.kind) || ruledOut(p.fixed, best.kind)) return undefined;
    if (walkedOff?.test(fixWords(best.s)) && ruledOut(p.fixed, 'missing')) return undefined;
    const r = combine(undefined, view);
    // an asked reading with a cue of its kind in another sentence of the message (hopelessness, an
    // ending, pills …) is clear: the two halves of one wish told across sentences (session 15)
    if (r?.ask && (kindClearCues.get(r.kind) ?? []).some((c) => c.test(p.fixed))) return { kind: r.kind, strength: 'clear' };
    // session 16: so is an asked reading whose kind the model also reads, at the gentle line's
    // threshold and undamped, in another sentence of the message: a wish told twice in other words
    if (r?.ask && secondReading(best.scored, best.s, r.kind)) return { kind: r.kind, strength: 'clear' };
    // session 17: so is an asked reading whose own sentence takes the person cared for along
    if (r?.ask && takeAlong?.affirmed(fixWords(best.s), negation)) return { kind: r.kind, strength: 'clear' };
    // session 18: so is a gentle reading (model at the gentle line, undamped) where another sentence of the
    // message, itself neither a care act, past nor hypothetical, takes the person along ("Die Tabletten von
    // Mama und meine liegen bereit. Dann ist es für uns zwei vorbei"): the plan that includes the person
    if (r?.kind === 'suicidal' && !view.damped && takesAlong(p.fixed)) return { kind: r.kind, strength: 'clear' };
    return r;
  };
  /** a sentence of the message that takes the person cared for along and is no question ("können wir zusammen
   *  gehen?"), care act ("nehme Mama mit zum Arzt"), past or hypothetical (session 18) */
  const takesAlong = (fixed: string): boolean =>
    !!takeAlong?.test(fixed) && sentences(fixed).some((s) => !s.includes('?') && takeAlong.affirmed(s, negation) && !careAct?.test(s) && !damped(s));
  /** session 18: a death-wish reading of a sentence that only holds a matter idiom is replaced by the best
   *  reading of the other sentences (from the scores already computed) */
  const withoutMatterIdioms = (best: ReturnType<typeof classifyBest>): ReturnType<typeof classifyBest> => {
    if (!best || best.kind !== 'suicidal' || !matterOnly(fixWords(best.s))) return best;
    const next = bestReading(best.scored, (s) => s !== best.s && !matterOnly(fixWords(s)));
    return next && { ...next, scored: best.scored.filter(({ s }) => s !== best.s) };
  };
  /** another sentence (than `skip`) that the model reads as `kind` at the gentle line's threshold, with no marker damping it;
   *  read from the scores of the main reading (session 17c: the model ran on every sentence twice) */
  const secondReading = (scored: readonly Scored[], skip: string, kind: CrisisKind): boolean =>
    scored.some(({ s, predictions }) => s !== skip && predictions.some((x) => x.intent === kind && x.score >= CLASSIFIER_THRESHOLDS.possible)
      && !damped(fixWords(s)));
  const grief = data.feelings.find((f) => f.id === 'grief');
  const griefSet = grief ? anyOf(both(grief)) : undefined;
  const griefOf = (fixed: string): boolean => !!griefSet?.affirmed(fixed, negation);
  const feelings = data.feelings.map((f) => ({ id: f.id, set: anyOf(both(f))! }));
  const feeling = (text: string): Feeling | undefined => {
    const t = prepared(text).fixed;
    return t ? feelings.find((f) => f.set.affirmed(t, negation))?.id : undefined;
  };
  const care = anyOf(both(data.social.care));
  const socialOk = (text: string, anyLength = false): boolean => {
    const t = prepared(text).fixed;
    if (!anyLength && wordCount(t) > data.social.maxWords) return false;
    return !care?.test(t) && !feeling(text) && !assess(text);
  };
  const helps = data.crisisHelp.map((h) => ({ id: h.id, kinds: new Set<CrisisKind>(h.kinds), set: anyOf(both(h))! }));
  const helpAfterCrisis = (text: string, kind: CrisisKind): CrisisHelp | undefined => {
    const t = prepared(text).fixed;
    return t ? helps.find((h) => h.kinds.has(kind) && h.set.affirmed(t, negation))?.id : undefined;
  };
  return {
    assess,
    helpAfterCrisis,
    check: (text) => {
      const r = assess(text);
      return r?.strength === 'clear' ? r.kind : undefined;
    },
    feeling,
    socialOk,
    classify,
  };
}
