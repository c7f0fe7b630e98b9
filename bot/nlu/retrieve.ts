// Finds the question entry that answers what was asked (knowledge/*/questions/*.json): not only the
// topic, the specific question. Anchored on Rasa's retrieval intents with a ResponseSelector and on
// Botpress's Q&A with question variants, with three additions measured in docs/retrieval.md:
//  1. the question sentence(s) of a message count more than the story around them (bot/nlu/message.ts);
//  2. a curated concept lexicon (knowledge/concepts.json) maps colloquial words onto concepts
//     ("Erspartes", "Sparbuch" → assets) that entries declare;
//  3. the intent engine's topic scores act as a prior, so an entry of the topic the whole message is
//     about wins a tie against a lookalike of another topic.
// Each entry is scored on its question variants: BM25 over folded, stemmed words plus a TF-IDF cosine
// over character 4-grams (compounds: "Badumbau" meets "Bad umbauen"), concept overlap, and the prior.
// Everything is precomputed at start-up; a message costs a few inverted-index look-ups. Pure.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeCacheFile } from '../cacheFile';
import { boundedMemo } from '../memo';
import { phraseScanner, type PhraseHit } from '../text/phraseScan';
import type { ConceptsFile } from '../knowledge/schema';
import { foldText, words } from './normalise';
import { pointedSentences, questionSentences, readSentences, type Sentence } from './message';
import { negatedWords, refersBack, wordIndexAt } from './negation';
import { stemmerFor } from './stem';
import { topicCores } from './deniedTopic';
import { kinStandsIn } from './standIn';
import { pensionRole } from './conceptRoles';
import { rankPositions, type Ranking } from './ranking';

export type RLang = 'de' | 'en';

export interface RetrievalEntry {
  id: string;
  /** a question entry, or a topic of the intent corpus whose training utterances stand for "the
   *  general question about this topic": when a topic wins, no entry is answered */
  kind: 'entry' | 'topic';
  topic: string;
  concepts: readonly string[];
  de: { q: readonly string[]; title: string };
  en: { q: readonly string[]; title: string };
}

export interface RetrievalWeights {
  /** BM25 over stemmed words, normalised to 0..1 */
  words: number;
  /** cosine with the closest single question variant (tf-idf over stems): a short keyword
   *  question ("Pflegegeld?") is closest to a short general variant, not to a specific one */
  variant: number;
  /** cosine over character 4-grams */
  grams: number;
  /** share of the entry's concepts the message names */
  concepts: number;
  /** the intent engine's score for the entry's topic */
  prior: number;
  /** the prior of an entry whose topic the intent engine has no intent for (legal representation,
   *  carers' tax and pension …): neither for nor against it, at most the engine's best topic score */
  unknownPrior: number;
  /** weight of a story sentence against a question sentence (1) */
  story: number;
  /** the story's weight when the question sentences say little themselves ("Stimmt das?", "Dürfen
   *  die das?": fewer than `thinWords` content words) */
  storyThin: number;
  thinWords: number;
  /** weight of the story sentence a question points back to ("Jetzt soll sie in die Tagespflege. Wie viel
   *  zahlt die Kasse dafür?"); unset: a story sentence like the others */
  pointed?: number;
  /** an entry filed under one topic that carries another topic's core concept ("Begutachtung im
   *  Krankenhaus": assessment, filed under discharge) takes that topic's prior too when a question
   *  sentence names the concept; unset or false: its own topic's prior only */
  crossPrior?: boolean;
  /** when the intent engine's best topic score is below this, an entry (or topic) whose topic's core
   *  concept the message reads takes that best score as its prior: a story that tells respite without
   *  the word ("Meine Cousine könnte einspringen") has the engine on allowance at 0.19 and respite near 0;
   *  unset: off */
  conceptPrior?: number;
}

export interface RetrievalSettings extends RetrievalWeights {
  /** a topic's general question counts this much against the entries (1 = as much) */
  topicWeight: number;
  /** an entry whose own concepts (those its topic's general question lacks) are all missing from the
   *  message keeps this share of its score: "Pflegegeld wie viel?" is not the tax question */
  missingConcept: number;
  /** … unless one of its own questions matches the message this closely (variant score): a short
   *  question that says the entry's question in other words needs no word the topic lacks */
  variantRescue: number;
  /** an entry is answered from this combined score on */
  threshold: number;
  /** … or from this one when the message tells a story around its question: the story's words
   *  lower every cosine, the entry's own and its rivals' alike */
  storyThreshold: number;
  /** … and when it is at least this much ahead of the best topic's general question */
  margin: number;
  /** … or only this much ahead when the message names what the entry is specifically about (one of
   *  its own concepts): the specific question was asked, the topic's general question was not */
  marginSpecific: number;
  /** an entry about another care setting than the story's (the home-care service's contract for a
   *  story from a nursing home) keeps this share of its score, unless a question sentence names it */
  otherSetting: number;
  /** a second question's entry is offered ("Auch gefragt") from this score on */
  alsoThreshold: number;
  /** scores closer than this are a near tie: the runner-up is offered as a button */
  near: number;
  /** a story whose whole reading answers no entry is read again from its question sentences alone:
   *  their best entry answers from this score on when it also leads every topic there by `margin`
   *  (the topic the story's nouns produced is not what was asked); 0 switches the reading off */
  questionFloor: number;
  /** a story's answered entry gives way to another entry of its topic that leads it by this much on
   *  the question sentences alone (and is among the whole reading's best); negative: never */
  questionSwitch: number;
}

// Chosen on the entries' own variants (one variant of each entry held out at a time) and on
// real-style messages; the table is in docs/retrieval.md.
export const DEFAULT_RETRIEVAL: RetrievalSettings = {
  words: 0.35, variant: 0.3, grams: 0.2, concepts: 0.25, prior: 0.2, unknownPrior: 0.5, story: 0.35, storyThin: 0.8, pointed: 0.6, crossPrior: true, conceptPrior: 0.5,
  thinWords: 3, topicWeight: 1, missingConcept: 0.6, variantRescue: 0.95, threshold: 0.35, storyThreshold: 0.3, margin: 0.05, marginSpecific: 0, otherSetting: 0.8, alsoThreshold: 0.4, near: 0.03,
  questionFloor: 0.3, questionSwitch: 0.1,
};

export interface ScoreParts { words: number; variant: number; grams: number; concepts: number; prior: number }
export interface Candidate {
  id: string; kind: 'entry' | 'topic'; topic: string; score: number; parts: ScoreParts;
  /** the message names a subject concept of the entry that the best topic's general question lacks */
  specific?: boolean;
}

export interface Retrieval {
  /** the best entry, when its score reaches the threshold */
  entry?: Candidate;
  /** the answer to another question sentence of the same message, when it is a different entry or
   *  topic than the one answered */
  also?: Candidate;
  /** a close runner-up to offer as "Oder meinten Sie …?": the next entry when the answered one wins
   *  by less than `near`, or the best entry when the topic's general question won by less than that */
  alternative?: Candidate;
  /** best first, at most five (staff explanation) */
  ranked: Candidate[];
  /** which reading decided the entry: the whole message, or (a story) its question sentences alone */
  rule?: 'whole' | 'question';
  /** concepts found in the message */
  concepts: string[];
  /** the sentences read as questions */
  questions: string[];
}

export interface RetrieveOptions {
  /** topic → score of the intent engine (0..1) */
  topicScores?: ReadonlyMap<string, number>;
  /** concepts the situation adds (bot/nlu/facts.ts), weighted like story words */
  contextConcepts?: readonly string[];
  /** concepts of another care setting than the story's (bot/nlu/facts.ts otherSettingConcepts) */
  otherSetting?: readonly string[];
  settings?: RetrievalSettings;
  /** an entry the caller cannot answer with (a grade-specific entry for another grade): passed over
   *  when the answer is chosen, so the next entry that fits can answer */
  accept?: (id: string) => boolean;
  /** score every entry and sort them all: the reference the candidate search is tested against */
  exhaustive?: boolean;
}

export interface Retriever {
  retrieve(text: string, lang: RLang, opts?: RetrieveOptions): Retrieval;
  /** every candidate of a message, best first, scored as `retrieve` scores them (dev tools: the oracle) */
  rankAll(text: string, lang: RLang, opts?: RetrieveOptions): readonly Candidate[];
  /** the same ranking, sorted only as far as it is read (the re-ranker's input reads its first few) */
  rank(text: string, lang: RLang, opts?: RetrieveOptions): Ranking<Candidate>;
  /** concepts named in a text, for staff tools and tests */
  concepts(text: string, lang: RLang): string[];
  /** concepts a story sentence names only where it denies them ("keine Demenz") and no other sentence
   *  names: no support for an entry (issue 17); empty when a question points back at the story */
  deniedConcepts(text: string, lang: RLang): string[];
  /** question entries in the index (topics not counted) */
  readonly size: number;
}

// Function words that say nothing about the question. Folded (ä→a, ß→ss).
const STOP: Record<RLang, Set<string>> = {
  de: new Set(('der die das den dem des ein eine einer eines einem einen und oder aber auch noch schon nur so sehr ganz '
    + 'ich du er sie es wir ihr mich mir dich dir sich uns euch ihn ihm ihnen mein meine meinen meinem meiner meines dein '
    + 'sein seine seinen seinem seiner ihre ihren ihrem ihrer unser unsere unseren unserem euer '
    + 'ist sind war waren bin bist sein hat habe haben hatte hatten wird werden wurde wurden kann konnen muss mussen '
    + 'darf durfen soll sollen will wollen mochte mochten wurde wurden hatte '
    + 'in im ins an am auf aus bei beim mit nach von vom vor zu zum zur uber unter fur um durch gegen ohne bis seit als wie '
    + 'was wer wo wann warum wieso weshalb welche welcher welches welchen dass ob wenn weil da dann denn doch ja nein nicht '
    + 'kein keine keinen man etwas jetzt hier dort mal bitte gibt gilt eigentlich einfach wirklich immer wieder schon '
    + 'diese dieser dieses diesem diesen jemand alle alles viel viele mehr sehr gerne hallo danke frage fragen '
    // who is cared for is story, not question ("meine Mutter", "mein Mann"): bot/nlu/facts.ts reads it
    + 'mutter mama mutti vater papa vati eltern oma opa grossmutter grossvater schwiegermutter schwiegervater schwiegereltern '
    + 'mann frau ehemann ehefrau sohn tochter kind kinder bruder schwester angehorige angehorigen').split(' ')),
  en: new Set(('the a an and or but also only so very i you he she it we they me him her us them my your his its our their '
    + 'is are was were be been being am has have had do does did can could may might must shall should will would '
    + 'in on at to of for from with by about into over under after before since as than like '
    + 'what who where when why which how that this these those if whether because then there here not no any some '
    + 'just really please hello hi thanks thank question ask get got '
    + 'mother mum mom mummy father dad daddy parents parent grandma grandpa grandmother grandfather mother-in-law father-in-law '
    + 'husband wife son daughter child children brother sister relative relatives').split(' ')),
};

const GRAM = 4;
/** candidates a retrieval reports (staff explanation) */
const RANKED = 5;
const K1 = 1.2;
const B = 0.75;

/** A term's postings in one language: its idf, the entries with their term frequency, and the
 *  question variants that contain it (weighted by the same idf). Typed arrays: a message walks them. */
interface TermPostings { idf: number; doc: Int32Array; tf: Float64Array; variants: Int32Array }
/** a 4-gram's postings with log(1 + tf), computed once at load, and its idf */
interface GramPostings { idf: number; doc: Int32Array; logTf: Float64Array }

interface LangIndex {
  /** stem → postings */
  terms: Map<string, TermPostings>;
  docLen: Float64Array;
  avgLen: number;
  /** 4-gram → postings; the tf-idf norm of each entry's gram vector */
  grams: Map<string, GramPostings>;
  gramNorm: Float64Array;
  /** each variant's norm and entry */
  variantNorm: Float64Array;
  variantDoc: Int32Array;
  /** concept → entries that have it (with postings, the only entries a message can score on) */
  conceptDocs: Map<string, number[]>;
  /** distinctive word → entries it rescues from the missing-concept discount */
  distinctiveDocs: Map<string, number[]>;
}

/** What the index build computes from the entries and the lexicon, in a form that JSON keeps exactly
 *  (strings, integers, doubles): the retriever is made from it whether it was just built or read from
 *  the cache, so both give the same results. Postings are flat lists cut by offsets. */
export interface RetrievalIndexData {
  entryConcepts: string[][];
  langs: Record<RLang, LangData>;
  /** the lexicon's one-word terms and their stems: stemming them at start, with the stemmer's code
   *  still cold, cost ~90 ms */
  conceptStems: Record<RLang, Record<string, string>>;
}
interface LangData {
  distinctive: string[][];
  terms: string[]; termOff: number[]; termDoc: number[]; termTf: number[]; termVariant: number[]; termVariantOff: number[];
  docLen: number[];
  grams: string[]; gramOff: number[]; gramDoc: number[]; gramTf: number[]; gramNorm: number[];
  variantNorm: number[]; variantDoc: number[];
}

interface ConceptMatcher {
  exact: Map<string, string[]>;
  /** prefix terms by their first three letters (every prefix term has at least three) */
  prefixes: Map<string, [string, string][]>;
  phrases: [RegExp, string][];
  /** all phrases in one scan per text (the matches of one alternation, longest phrase first) */
  phraseScan?: (text: string) => PhraseHit[];
  phraseIds: Map<string, string[]>;
  /** each one-word term's stem as used here (kept in the index cache) */
  termStems: Record<string, string>;
}

/** `known`: term stems from the index cache; a term not in it is stemmed */
function compileConcepts(file: ConceptsFile | undefined, lang: RLang, stem: (w: string) => string, known?: Record<string, string>): ConceptMatcher {
  const m: ConceptMatcher = { exact: new Map(), prefixes: new Map(), phrases: [], phraseIds: new Map(), termStems: Object.create(null) as Record<string, string> };
  const addExact = (w: string, id: string) => {
    const list = m.exact.get(w) ?? [];
    if (!list.includes(id)) list.push(id);
    m.exact.set(w, list);
  };
  for (const c of file?.concepts ?? []) {
    for (const raw of c[lang]) {
      const term = foldText(raw.trim());
      if (term.endsWith('*')) {
        const p = term.slice(0, -1);
        const key = p.slice(0, 3);
        m.prefixes.set(key, [...(m.prefixes.get(key) ?? []), [p, c.id]]);
      }
      else if (/\s/.test(term)) m.phrases.push([new RegExp(`\\b${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`), c.id]);
      else {
        const st = (m.termStems[term] ??= (known && Object.hasOwn(known, term) ? known[term] : stem(term)));
        addExact(term, c.id);
        addExact(`~${st}`, c.id);
      }
    }
  }
  for (const [re, id] of m.phrases) {
    const key = re.source.slice(2, -2).replace(/\\(.)/g, '$1');
    m.phraseIds.set(key, [...(m.phraseIds.get(key) ?? []), id]);
  }
  if (m.phraseIds.size) {
    m.phraseScan = phraseScanner([...m.phraseIds.keys()].sort((a, b) => b.length - a.length));
  }
  return m;
}

/** `denied`: word indexes a negation in their clause denies (bot/nlu/negation.ts); no concept is read there */
function findConcepts(m: ConceptMatcher, folded: string, ws: string[], stem: (w: string) => string, denied?: Set<number>): Set<string> {
  const out = new Set<string>();
  ws.forEach((w, i) => {
    if (denied?.has(i)) return;
    for (const id of m.exact.get(w) ?? m.exact.get(`~${stem(w)}`) ?? []) out.add(id);
    for (const [p, id] of m.prefixes.get(w.slice(0, 3)) ?? []) if (w.startsWith(p)) out.add(id);
  });
  if (m.phraseScan) {
    for (const hit of m.phraseScan(folded)) {
      if (denied?.size && denied.has(wordIndexAt(folded, hit.index))) continue;
      for (const id of m.phraseIds.get(hit.phrase) ?? []) out.add(id);
    }
  }
  return out;
}

function gramsOf(ws: string[], stop: Set<string>): string[] {
  const out: string[] = [];
  for (const w of ws) {
    if (w.length < 4 || stop.has(w) || /^\d+$/.test(w)) continue;
    const padded = `_${w}_`;
    for (let i = 0; i + GRAM <= padded.length; i++) out.push(padded.slice(i, i + GRAM));
  }
  return out;
}

export interface RetrieverOptions {
  /** keep the built index here (`retrieval-<key>.json`, beside the NLU model) and read it back at the
   *  next start instead of building it again */
  cacheDir?: string;
  log?: (m: string) => void;
}

// The code the built index depends on: its text is part of the cache key, so any change to how entries
// are read or indexed rebuilds (no version number to forget). The stemmers' package versions too.
const INDEX_CODE = ['./retrieve', './normalise', './stem', '../text/fold', '../text/phraseScan', '@nlpjs/lang-de/package.json', '@nlpjs/lang-en/package.json'];
const INDEX_FORMAT = 2;
interface IndexCacheFile { format: number; key: string; data: RetrievalIndexData }

/** sha256 over the entries, the concept lexicon and the index code */
export function retrievalIndexKey(entries: readonly RetrievalEntry[], conceptsFile?: ConceptsFile): string {
  const h = createHash('sha256').update(`${INDEX_FORMAT}\u0000${JSON.stringify(entries)}\u0000${JSON.stringify(conceptsFile ?? null)}`);
  for (const m of INDEX_CODE) h.update('\u0000').update(fs.readFileSync(require.resolve(m), 'utf8'));
  return h.digest('hex');
}

const isList = (x: unknown, n?: number): x is unknown[] => Array.isArray(x) && (n === undefined || x.length === n);
/** enough shape to index safely: a cache cut short or from other entries is rebuilt, not half used */
function plausible(d: RetrievalIndexData, n: number): boolean {
  if (!isList(d?.entryConcepts, n)) return false;
  return (['de', 'en'] as const).every((lang) => {
    const l = d.langs?.[lang];
    return !!l && isList(l.distinctive, n) && isList(l.docLen, n) && isList(l.gramNorm, n)
      && isList(l.termOff, l.terms?.length + 1) && isList(l.termVariantOff, l.terms.length + 1) && isList(l.gramOff, l.grams?.length + 1)
      && isList(l.termDoc, l.termOff[l.terms.length] as number) && isList(l.termTf, l.termDoc.length)
      && isList(l.termVariant, l.termVariantOff[l.terms.length] as number)
      && isList(l.gramDoc, l.gramOff[l.grams.length] as number) && isList(l.gramTf, l.gramDoc.length)
      && isList(l.variantNorm) && isList(l.variantDoc, l.variantNorm.length)
      && typeof d.conceptStems?.[lang] === 'object' && d.conceptStems[lang] !== null && Object.values(d.conceptStems[lang]).every((v) => typeof v === 'string');
  });
}

/** The index data from `cacheDir` when its key matches; undefined when missing, broken, cut short or
 *  foreign (the caller builds and writes it). */
function readIndexCache(key: string, n: number, cacheDir: string, log: (m: string) => void): RetrievalIndexData | undefined {
  const file = path.join(cacheDir, `retrieval-${key.slice(0, 16)}.json`);
  if (!fs.existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<IndexCacheFile>;
    if (parsed.format !== INDEX_FORMAT || parsed.key !== key || !parsed.data || !plausible(parsed.data, n)) throw new Error('format, key or shape mismatch');
    return parsed.data;
  } catch (err) {
    log(`retrieval: index cache ${path.basename(file)} is unreadable (${(err as Error).message}); rebuilding`);
    return undefined;
  }
}

/** write-then-rename, older retrieval caches removed; an unwritable folder costs only the next build */
function writeIndexCache(key: string, cacheDir: string, data: RetrievalIndexData, log: (m: string) => void): void {
  const file = path.join(cacheDir, `retrieval-${key.slice(0, 16)}.json`);
  writeCacheFile(cacheDir, file, 'retrieval-', JSON.stringify({ format: INDEX_FORMAT, key, data } satisfies IndexCacheFile),
    (m) => log(`retrieval: could not write the index cache (${m}); continuing without`));
}

/** An entry's own concepts: those its topic's general question lacks (what makes it more than its topic). */
function ownConcepts(entries: readonly RetrievalEntry[], entryConcepts: readonly string[][]) {
  const topicConcepts = new Map(entries.map((e, i) => [e, i] as const).filter(([e]) => e.kind === 'topic').map(([e, i]) => [e.id, new Set(entryConcepts[i])]));
  const own = entries.map((e, i) => (e.kind === 'entry' ? entryConcepts[i].filter((c) => !topicConcepts.get(e.topic)?.has(c)) : []));
  return { topicConcepts, own };
}

/** typed-array postings over the flat lists; idf and log(1 + tf) from the counts, as the build had them */
function hydrate(d: LangData, n: number, entryConcepts: readonly string[][]): LangIndex {
  const termDoc = Int32Array.from(d.termDoc);
  const termTf = Float64Array.from(d.termTf);
  const termVariant = Int32Array.from(d.termVariant);
  const idfOf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
  const terms = new Map<string, TermPostings>();
  d.terms.forEach((t, i) => {
    const a = d.termOff[i];
    const b = d.termOff[i + 1];
    terms.set(t, { idf: idfOf(b - a), doc: termDoc.subarray(a, b), tf: termTf.subarray(a, b), variants: termVariant.subarray(d.termVariantOff[i], d.termVariantOff[i + 1]) });
  });
  const gramDoc = Int32Array.from(d.gramDoc);
  const logTf = Float64Array.from(d.gramTf, (tf) => Math.log(1 + tf));
  const grams = new Map<string, GramPostings>();
  d.grams.forEach((g, i) => {
    const a = d.gramOff[i];
    const b = d.gramOff[i + 1];
    grams.set(g, { idf: Math.log((n + 1) / (b - a + 0.5)), doc: gramDoc.subarray(a, b), logTf: logTf.subarray(a, b) });
  });
  const docLen = Float64Array.from(d.docLen);
  const distinctiveDocs = new Map<string, number[]>();
  d.distinctive.forEach((ts, doc) => { for (const t of ts) distinctiveDocs.set(t, [...(distinctiveDocs.get(t) ?? []), doc]); });
  const conceptDocs = new Map<string, number[]>();
  entryConcepts.forEach((ec, doc) => { for (const c of ec) conceptDocs.set(c, [...(conceptDocs.get(c) ?? []), doc]); });
  return {
    terms, docLen, avgLen: docLen.reduce((x, y) => x + y, 0) / Math.max(1, n), grams, gramNorm: Float64Array.from(d.gramNorm),
    variantNorm: Float64Array.from(d.variantNorm), variantDoc: Int32Array.from(d.variantDoc), conceptDocs, distinctiveDocs,
  };
}

export function createRetriever(entries: readonly RetrievalEntry[], conceptsFile?: ConceptsFile, options: RetrieverOptions = {}): Retriever {
  const stems = { de: stemmerFor('de')!, en: stemmerFor('en')! };
  const stemMemo = { de: boundedMemo(stems.de, 50_000), en: boundedMemo(stems.en, 50_000) };
  const log = options.log ?? (() => undefined);
  const key = options.cacheDir ? retrievalIndexKey(entries, conceptsFile) : undefined;
  const cached = key ? readIndexCache(key, entries.length, options.cacheDir!, log) : undefined;
  const matchers = {
    de: compileConcepts(conceptsFile, 'de', stemMemo.de, cached?.conceptStems.de), en: compileConcepts(conceptsFile, 'en', stemMemo.en, cached?.conceptStems.en),
  };

  const tokens = (ws: string[], lang: RLang): string[] => ws.filter((w) => w.length > 1 && !STOP[lang].has(w)).map(stemMemo[lang]);
  /** topics the intent engine has an intent for (each has a rival document) */
  const intentTopics = new Set(entries.filter((e) => e.kind === 'topic').map((e) => e.id));

  // Building reads every variant and utterance (stems, grams, the lexicon's phrases): most of the
  // start-up cost of the knowledge base, so the result is cached on disk like the NLU model.
  const buildData = (): RetrievalIndexData => {
    // Declared concept ids through the lexicon's aliases; ids the lexicon does not know cannot be
    // found in a message and are left out (kb:check warns about them).
    const canonical = new Map<string, string>();
    for (const c of conceptsFile?.concepts ?? []) {
      canonical.set(c.id, c.id);
      for (const a of c.aliases) canonical.set(a, c.id);
    }
    // Building reads every variant and utterance up to four times: each text is analysed once.
    const analysed = { de: new Map<string, { ws: string[]; tokens: string[]; concepts: Set<string> }>(), en: new Map<string, { ws: string[]; tokens: string[]; concepts: Set<string> }>() };
    const known = (text: string, lang: RLang) => {
      let a = analysed[lang].get(text);
      if (!a) {
        const f = foldText(text);
        const ws = words(f);
        analysed[lang].set(text, (a = { ws, tokens: tokens(ws, lang), concepts: findConcepts(matchers[lang], f, ws, stemMemo[lang]) }));
      }
      return a;
    };
    // An entry's concepts: those it declares, and those most of its own variants name; a topic's: those
    // a fair share of its training utterances name.
    const entryConcepts = entries.map((e) => {
      const set = new Set(e.concepts.map((c) => canonical.get(c)).filter((c): c is string => !!c));
      for (const lang of ['de', 'en'] as const) {
        const counts = new Map<string, number>();
        for (const q of e[lang].q) {
          for (const c of known(q, lang).concepts) counts.set(c, (counts.get(c) ?? 0) + 1);
        }
        // an entry's variants must mostly name it; a topic's many utterances need only name it now and then
        const share = e.kind === 'entry' ? 0.5 : 0.15;
        for (const [c, n] of counts) if (n >= share * e[lang].q.length) set.add(c);
      }
      return [...set];
    });
    const { topicConcepts, own } = ownConcepts(entries, entryConcepts);
    // A topic's training utterance that names what an entry is specifically about ("Muss ich das
    // Pflegegeld versteuern?" among the Pflegegeld utterances, while an entry is about tax) is no
    // general question any more: it leaves the topic's rival document.
    const specific = new Set(own.flat());
    const generalKept = new Map<string, readonly string[]>();
    const general = (e: RetrievalEntry, lang: RLang): readonly string[] => {
      if (e.kind !== 'topic') return e[lang].q;
      const key = `${lang}\u0000${e.id}`;
      const kept = generalKept.get(key);
      if (kept) return kept;
      const out = generalOf(e, lang);
      generalKept.set(key, out);
      return out;
    };
    const generalOf = (e: RetrievalEntry, lang: RLang): readonly string[] => {
      const mine = topicConcepts.get(e.id)!;
      return e[lang].q.filter((u) => {
        return ![...known(u, lang).concepts].some((c) => specific.has(c) && !mine.has(c));
      });
    };

    // What else makes an entry more than its topic: words most of its variants use that its topic's
    // general questions seldom use ("mehr kostet" under Sachleistung). A message that names neither
    // such a word nor an own concept asks the general question.
    const distinctive = { de: [] as string[][], en: [] as string[][] };
    for (const lang of ['de', 'en'] as const) {
      const topicShare = new Map<string, Map<string, number>>();
      for (const e of entries) {
        if (e.kind !== 'topic') continue;
        const utterances = general(e, lang);
        const counts = new Map<string, number>();
        for (const u of utterances) for (const t of new Set(known(u, lang).tokens)) counts.set(t, (counts.get(t) ?? 0) + 1);
        topicShare.set(e.id, new Map([...counts].map(([t, n]) => [t, n / Math.max(1, utterances.length)])));
      }
      for (const e of entries) {
        const set = new Set<string>();
        if (e.kind === 'entry') {
          const counts = new Map<string, number>();
          for (const v of e[lang].q) for (const t of new Set(known(v, lang).tokens)) counts.set(t, (counts.get(t) ?? 0) + 1);
          const shares = topicShare.get(e.topic);
          for (const [t, n] of counts) if (n >= 2 && (shares?.get(t) ?? 0) < 0.1) set.add(t);
        }
        distinctive[lang].push([...set]);
      }
    }

    const build = (lang: RLang): LangData => {
      const postings = new Map<string, [number[], number[]]>();
      const gramPostings = new Map<string, [number[], number[]]>();
      const docLen: number[] = new Array<number>(entries.length).fill(0);
      const gramTf: Map<string, number>[] = [];
      const variants: { doc: number; terms: Set<string> }[] = [];
      const add = (m: Map<string, [number[], number[]]>, key: string, doc: number, tf: number) => {
        let list = m.get(key);
        if (!list) m.set(key, (list = [[], []]));
        list[0].push(doc);
        list[1].push(tf);
      };
      entries.forEach((e, doc) => {
        const tf = new Map<string, number>();
        const gtf = new Map<string, number>();
        for (const text of [...general(e, lang), e[lang].title]) {
          const { ws, tokens: ts } = known(text, lang);
          if (ts.length) variants.push({ doc, terms: new Set(ts) });
          for (const t of ts) tf.set(t, (tf.get(t) ?? 0) + 1);
          for (const g of gramsOf(ws, STOP[lang])) gtf.set(g, (gtf.get(g) ?? 0) + 1);
        }
        let len = 0;
        for (const [t, c] of tf) {
          len += c;
          add(postings, t, doc, c);
        }
        docLen[doc] = len;
        gramTf.push(gtf);
        for (const [g, c] of gtf) add(gramPostings, g, doc, c);
      });
      const n = entries.length;
      const idfOf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const idf = new Map([...postings].map(([t, l]) => [t, idfOf(l[0].length)]));
      const gramIdf = new Map([...gramPostings].map(([g, l]) => [g, Math.log((n + 1) / (l[0].length + 0.5))]));
      const gramNorm = gramTf.map((gtf) => {
        let s = 0;
        for (const [g, c] of gtf) s += (Math.log(1 + c) * gramIdf.get(g)!) ** 2;
        return Math.sqrt(s) || 1;
      });
      const variantPostings = new Map<string, number[]>();
      const variantNorm = variants.map((v, i) => {
        let sq = 0;
        for (const t of v.terms) {
          const w = idf.get(t)!;
          sq += w * w;
          const list = variantPostings.get(t);
          if (list) list.push(i);
          else variantPostings.set(t, [i]);
        }
        return Math.sqrt(sq) || 1;
      });
      const terms = [...postings.keys()];
      const grams = [...gramPostings.keys()];
      const offsets = (lists: number[][]) => {
        const off = [0];
        for (const l of lists) off.push(off[off.length - 1] + l.length);
        return off;
      };
      return {
        distinctive: distinctive[lang],
        terms, termOff: offsets(terms.map((t) => postings.get(t)![0])), termDoc: terms.flatMap((t) => postings.get(t)![0]), termTf: terms.flatMap((t) => postings.get(t)![1]),
        termVariant: terms.flatMap((t) => variantPostings.get(t) ?? []), termVariantOff: offsets(terms.map((t) => variantPostings.get(t) ?? [])),
        docLen,
        grams, gramOff: offsets(grams.map((g) => gramPostings.get(g)![0])), gramDoc: grams.flatMap((g) => gramPostings.get(g)![0]), gramTf: grams.flatMap((g) => gramPostings.get(g)![1]),
        gramNorm, variantNorm, variantDoc: variants.map((v) => v.doc),
      };
    };
    return { entryConcepts, langs: { de: build('de'), en: build('en') }, conceptStems: { de: matchers.de.termStems, en: matchers.en.termStems } };
  };
  let data = cached;
  if (!data) {
    data = buildData();
    if (key) writeIndexCache(key, options.cacheDir!, data, log);
  }
  const entryConcepts = data.entryConcepts;
  const { topicConcepts, own } = ownConcepts(entries, entryConcepts);

  // Concepts that tell the situation (who, where, which grade) rather than what is asked.
  const context = new Set((conceptsFile?.concepts ?? []).filter((c) => c.role === 'context').map((c) => c.id));
  const indexOf = new Map(entries.map((e, i) => [e.id, i] as const));
  /** the message names something the entry is about and the topic's general question is not:
   *  a subject concept of the entry that the best topic lacks ("Barbetrag" against Sozialhilfe) */
  const specificOver = (entry: Candidate, topic: Candidate | undefined, qConcepts: Map<string, number>): boolean => {
    const rival = topic ? topicConcepts.get(topic.id) : undefined;
    return entryConcepts[indexOf.get(entry.id)!].some((c) => qConcepts.has(c) && !context.has(c) && !rival?.has(c));
  };

  const indexes = { de: hydrate(data.langs.de, entries.length, entryConcepts), en: hydrate(data.langs.en, entries.length, entryConcepts) };
  /** entries whose score is discounted unless the message names an own concept or distinctive word */
  const discounted = { de: entries.map((e, i) => e.kind === 'entry' && (own[i].length > 0 || data.langs.de.distinctive[i].length > 0)),
    en: entries.map((e, i) => e.kind === 'entry' && (own[i].length > 0 || data.langs.en.distinctive[i].length > 0)) };
  const ownDocs = new Map<string, number[]>();
  own.forEach((cs, doc) => { for (const c of cs) ownDocs.set(c, [...(ownDocs.get(c) ?? []), doc]); });
  const topicIds = [...new Set(entries.map((e) => e.topic))];
  const topicIndex = Int32Array.from(entries, (e) => topicIds.indexOf(e.topic));
  // each entry's concepts that are another intent topic's core (held by at least half of its entries),
  // with that topic: the prior the entry may take when a question sentence names the concept
  // (a told care grade is a fact that shapes the answer, not the grade-1 topic's subject)
  const cores = topicCores(entries.flatMap((e, i) => (e.kind === 'entry' ? [{ topic: e.topic, concepts: entryConcepts[i].filter((c) => c !== 'grade') }] : [])), (c) => c);
  const crossCores: { concept: string; topic: string }[][] = entries.map((e, i) => (e.kind !== 'entry' ? [] : entryConcepts[i].flatMap((c) =>
    [...cores].filter(([t, core]) => t !== e.topic && intentTopics.has(t) && core.has(c)).map(([t]) => ({ concept: c, topic: t })))));
  const ownCore = entries.map((e) => [...(cores.get(e.topic) ?? [])]);
  // the entries' concepts as numbers: a scoring puts the query's concept weights into `conceptW` (0 = not named,
  // as the map's miss was) and reads them per entry without a map look-up; emptied again at the scoring's end
  const conceptNo = new Map<string, number>();
  for (const ec of entryConcepts) for (const c of ec) if (!conceptNo.has(c)) conceptNo.set(c, conceptNo.size);
  const entryConceptNos = entryConcepts.map((ec) => Int32Array.from(ec, (c) => conceptNo.get(c)!));
  const conceptW = new Float64Array(conceptNo.size);
  const isTopic = Uint8Array.from(entries, (e) => (e.kind === 'topic' ? 1 : 0));
  // Work arrays of one scoring, reused (score runs to its end before the next starts): a message
  // allocates only the candidates that make the five best.
  const n = entries.length;
  const candidates = new Uint8Array(n);
  const conceptHit = new Uint8Array(n);
  const rescued = new Uint8Array(n);
  const wordScore = new Float64Array(n);
  const gramDot = new Float64Array(n);
  const variantBest = new Float64Array(n);
  const topicPrior = new Float64Array(topicIds.length);
  const variantDots = { de: new Float64Array(indexes.de.variantNorm.length), en: new Float64Array(indexes.en.variantNorm.length) };
  const touched = { de: new Int32Array(indexes.de.variantNorm.length), en: new Int32Array(indexes.en.variantNorm.length) };
  const seen = { de: new Uint8Array(indexes.de.variantNorm.length), en: new Uint8Array(indexes.en.variantNorm.length) };

  /** scores of the entries that share a word, gram or concept with the query: the best RANKED and the
   *  best topic, in the order a stable sort by score gives them (ties keep the entries' order); every
   *  candidate sorted with `exhaustive`; with a `sink` every candidate's score and parts go there instead, in the
   *  entries' order (no object per candidate) */
  function score(
    lang: RLang, qWords: Map<string, number>, qGrams: Map<GramPostings, number>, qConcepts: Map<string, number>,
    topicScores: ReadonlyMap<string, number> | undefined, s: RetrievalSettings,
    setting?: { own: ReadonlySet<string>; other: ReadonlySet<string> }, exhaustive = false, story?: StoryAsks, sink?: Scored,
  ): Candidate[] {
    const ix = indexes[lang];
    const discount = discounted[lang];
    candidates.fill(exhaustive ? 1 : 0);
    conceptHit.fill(0);
    rescued.fill(0);
    wordScore.fill(0);
    gramDot.fill(0);
    variantBest.fill(0);
    const variantDot = variantDots[lang];
    const touch = touched[lang];
    const seenV = seen[lang];
    let touchedN = 0;
    let maxPossible = 0;
    // BM25 over stemmed words, and the closest single variant: cosine over idf-weighted stems, the
    // query weighted by its sentences
    let vqNorm = 0;
    for (const [t, w] of qWords) {
      const p = ix.terms.get(t);
      if (p === undefined) continue;
      const idf = p.idf;
      maxPossible += w * idf * (K1 + 1);
      for (let k = 0; k < p.doc.length; k++) {
        const doc = p.doc[k];
        const tf = p.tf[k];
        const norm = tf + K1 * (1 - B + (B * ix.docLen[doc]) / ix.avgLen);
        wordScore[doc] += (w * idf * tf * (K1 + 1)) / norm;
        candidates[doc] = 1;
      }
      vqNorm += (w * idf) ** 2;
      for (const v of p.variants) {
        if (!seenV[v]) {
          seenV[v] = 1;
          touch[touchedN++] = v;
        }
        variantDot[v] += w * idf * idf;
      }
    }
    vqNorm = Math.sqrt(vqNorm) || 1;
    for (let k = 0; k < touchedN; k++) {
      const v = touch[k];
      const dot = variantDot[v];
      variantDot[v] = 0;
      seenV[v] = 0;
      if (!dot) continue;
      const cos = dot / (vqNorm * ix.variantNorm[v]);
      const d = ix.variantDoc[v];
      if (cos > variantBest[d]) variantBest[d] = cos;
    }
    let qNorm = 0;
    for (const [p, w] of qGrams) {
      const idf = p.idf;
      const qw = w * idf;
      qNorm += qw * qw;
      const docs = p.doc;
      const logTf = p.logTf;
      for (let k = 0; k < docs.length; k++) {
        gramDot[docs[k]] += qw * logTf[k] * idf;
        candidates[docs[k]] = 1;
      }
    }
    qNorm = Math.sqrt(qNorm) || 1;
    // the message's concepts an entry must cover: those the question sentences name; a concept
    // the story names in passing counts only for the entries that have it
    let qConceptSum = 0;
    let qConceptMax = 0;
    for (const [id, w] of qConcepts) {
      if (w >= 1) qConceptSum += w;
      if (!(w <= qConceptMax)) qConceptMax = w;
      const k = conceptNo.get(id);
      if (k !== undefined) conceptW[k] = w;
      for (const doc of ix.conceptDocs.get(id) ?? []) candidates[doc] = conceptHit[doc] = 1;
      for (const doc of ownDocs.get(id) ?? []) rescued[doc] = 1;
    }
    for (const t of qWords.keys()) for (const doc of ix.distinctiveDocs.get(t) ?? []) rescued[doc] = 1;
    // an entry of a topic without an intent is never more likely than the engine's best topic: when
    // the engine is unsure of every topic, it gets no head start over their entries
    let bestTopicScore = 0;
    for (const v of topicScores?.values() ?? []) bestTopicScore = Math.max(bestTopicScore, v);
    const unknownPrior = Math.min(s.unknownPrior, bestTopicScore);
    const unsureOf = s.conceptPrior !== undefined && !!topicScores && bestTopicScore < s.conceptPrior;
    topicIds.forEach((t, k) => { topicPrior[k] = !topicScores ? 0 : intentTopics.has(t) ? topicScores.get(t) ?? 0 : unknownPrior; });
    // Only the five best entries are read (and the best topic): an entry whose score cannot pass the fifth
    // best is left before its concepts and priors are read (a bound as in MaxScore). The bound is the total's
    // own sum with each part at its most: the concept overlap is at most 1 when no query weight exceeds 1 (a
    // margin for rounding), the prior at most the engine's best score where a rule can raise it; every
    // weight ≥ 0 and every discount ≤ 1, or nothing is left out. Float sums and products are monotone in
    // each term, so an entry left out could not have entered: the result is the same.
    const prune = !exhaustive && !sink && s.words >= 0 && s.variant >= 0 && s.grams >= 0 && s.concepts >= 0 && s.prior >= 0
      && s.missingConcept >= 0 && s.missingConcept <= 1 && s.otherSetting >= 0 && s.otherSetting <= 1;
    const conceptMost = qConceptMax <= 1 ? 1 + 1e-9 : Infinity;
    const out: Candidate[] = [];
    let topic: Candidate | undefined;
    for (let i = 0; i < n; i++) {
      if (!candidates[i]) continue;
      const ec = entryConcepts[i];
      const words = maxPossible ? wordScore[i] / maxPossible : 0;
      const grams = gramDot[i] / (qNorm * ix.gramNorm[i]);
      if (prune && out.length >= RANKED && !isTopic[i]) {
        const prior0 = topicPrior[topicIndex[i]];
        const priorMost = crossCores[i].length || unsureOf ? Math.max(prior0, bestTopicScore) : prior0;
        const most = s.words * words + s.variant * variantBest[i] + s.grams * grams + s.concepts * (conceptHit[i] && ec.length ? conceptMost : 0) + s.prior * priorMost;
        if (most <= out[RANKED - 1].score) continue;
      }
      let c = 0;
      let told = 0;
      if (conceptHit[i]) {
        const nos = entryConceptNos[i];
        for (let j = 0; j < nos.length; j++) {
          const w = conceptW[nos[j]];
          c += w;
          if (w < 1) told += w;
        }
      }
      // overlap both ways (F1): the entry's concepts the message names, and the message's
      // concepts the entry covers ("Pflegegeld" + "versteuern" is more the tax entry than the topic)
      const concepts = ec.length && c ? (2 * c) / (ec.length + qConceptSum + told) : 0;
      if (words === 0 && grams === 0 && concepts === 0) continue;
      let prior = topicPrior[topicIndex[i]];
      // … only when the story tells the entry's own topic and the question does not name it ("Mama liegt im
      // Krankenhaus … Wie schnell geht die Begutachtung?"); a question about Pflegegeld does not lift every
      // entry of another topic that mentions Pflegegeld
      if (s.crossPrior && story && topicScores && crossCores[i].length && ownCore[i].some((c) => story.told.has(c) && !story.asked.has(c))) {
        for (const x of crossCores[i]) if (story.asked.has(x.concept)) prior = Math.max(prior, topicScores.get(x.topic) ?? 0);
      }
      // the engine is unsure and the message reads what the entry's topic is about: the concept speaks for
      // the topic as much as the engine's best guess does (situation concepts are no topic's subject)
      if (unsureOf && prior < bestTopicScore && ownCore[i].some((c) => !context.has(c) && qConcepts.has(c))) prior = bestTopicScore;
      let total = s.words * words + s.variant * variantBest[i] + s.grams * grams + s.concepts * concepts + s.prior * prior;
      const kind = entries[i].kind;
      if (kind === 'topic') total *= s.topicWeight;
      else if (discount[i] && !rescued[i] && variantBest[i] < s.variantRescue) total *= s.missingConcept;
      if (setting?.other.size && kind === 'entry' && !ec.some((id) => setting.own.has(id))
        && ec.some((id) => setting.other.has(id) && (qConcepts.get(id) ?? 0) < 1)) total *= s.otherSetting;
      const bestTopic = kind === 'topic' && (!topic || total > topic.score);
      const inTop = out.length < RANKED || total > out[RANKED - 1].score;
      if (!exhaustive && !bestTopic && !inTop) continue;
      if (sink) {
        const k = sink.count++;
        sink.entry[k] = i;
        sink.score[k] = total;
        const p = sink.parts;
        p[k * 5] = words;
        p[k * 5 + 1] = variantBest[i];
        p[k * 5 + 2] = grams;
        p[k * 5 + 3] = concepts;
        p[k * 5 + 4] = prior;
        continue;
      }
      const cand: Candidate = { id: entries[i].id, kind, topic: entries[i].topic, score: total, parts: { words, variant: variantBest[i], grams, concepts, prior } };
      if (exhaustive) {
        out.push(cand);
        continue;
      }
      if (bestTopic) topic = cand;
      if (!inTop) continue;
      let at = out.length;
      while (at > 0 && total > out[at - 1].score) at--;
      out.splice(at, 0, cand);
      if (out.length > RANKED) out.pop();
    }
    for (const id of qConcepts.keys()) {
      const k = conceptNo.get(id);
      if (k !== undefined) conceptW[k] = 0;
    }
    if (exhaustive) return out.sort((a, b) => b.score - a.score);
    return topic && !out.includes(topic) ? [...out, topic] : out;
  }

  /** every candidate's entry, score and parts (words, variant, grams, concepts, prior) in the entries' order */
  interface Scored { count: number; entry: Int32Array; score: Float64Array; parts: Float64Array }

  /** the concepts a story's question sentences name, and those its told sentences name */
  interface StoryAsks { asked: ReadonlySet<string>; told: ReadonlySet<string> }
  /** qGrams: the query's 4-grams that the index has, by their postings (looked up once per sentence), in the
   *  order the message names them first */
  interface Read { qWords: Map<string, number>; qGrams: Map<GramPostings, number>; qConcepts: Map<string, number> }
  /** one sentence, analysed once: a message is read again for each of its questions */
  /** grams: the postings of the sentence's 4-grams the index has (one per occurrence, in order): a message is
   *  scored up to four times, the big gram map is read once per sentence */
  interface Analysed { sentence: Sentence; tokens: string[]; grams: GramPostings[]; concepts: Set<string>; denied?: Set<number>; f: string; ws: string[] }

  function analyse(sentence: Sentence, lang: RLang, denials: boolean): Analysed {
    const f = foldText(sentence.text);
    const ws = words(f);
    const denied = denials && !sentence.question ? negatedWords(f) : undefined;
    const grams: GramPostings[] = [];
    for (const g of gramsOf(ws, STOP[lang])) {
      const p = indexes[lang].grams.get(g);
      if (p !== undefined) grams.push(p);
    }
    return { sentence, tokens: tokens(ws, lang), grams, concepts: findConcepts(matchers[lang], f, ws, stemMemo[lang], denied), denied, f, ws };
  }

  /** A story sentence's denied concepts ("keine Demenz") are no support; a question's stay ("Warum
   *  bekommen wir kein Pflegegeld?" asks about Pflegegeld), and so does a one-sentence turn ("Nein,
   *  noch keinen Pflegegrad." answers what was asked about). A question without a topic of its own
   *  that points back ("Stimmt das?", "Is that right?") asks about the denial told: all stay. */
  function analyseAll(text: string, lang: RLang): Analysed[] {
    // a story turn reads the same message up to four times (retrieve, rankAll, and deniedConcepts for
    // the intent's topics and for the re-ranker): the last message's analysis is kept (read-only)
    const last = lastAnalysed[lang];
    if (last?.text === text) return last.sentences;
    const sentences = analyseFresh(text, lang);
    lastAnalysed[lang] = { text, sentences };
    return sentences;
  }
  const lastAnalysed: Partial<Record<RLang, { text: string; sentences: Analysed[] }>> = {};

  function analyseFresh(text: string, lang: RLang): Analysed[] {
    const read0 = readSentences(text);
    const pointsBack = read0.some((x) => {
      if (!x.question) return false;
      const f = foldText(x.text);
      return refersBack(f) && findConcepts(matchers[lang], f, words(f), stemMemo[lang]).size === 0;
    });
    const out = read0.map((x) => analyse(x, lang, read0.length > 1 && !pointsBack));
    // the daughter or sister of a story about a substitute is the relative who stands in; her pension
    // ("Ihre Rente reicht nicht") is the income of the person cared for, not the carer's pension
    const kin = pensionRole(kinStandsIn(out.map((a) => a.concepts)));
    return out.map((a, i) => ({ ...a, concepts: kin[i] }));
  }

  /** a sentence's weight in the whole reading: a question 1, the story sentence a question points back to
   *  `pointed` (its nouns are what is asked about), the rest of the story `story` */
  function storyWeights(sentences: Analysed[], questions: ReadonlySet<Sentence>, story: number, s: RetrievalSettings): (a: Analysed) => number {
    // only a question that names no concept of its own ("was braucht sie dafür?" after the Rollator and the
    // Sanitätshaus points further back than the last sentence; "zahlt sie dafür in meine Rente ein?" names its subject)
    const pointed = s.pointed === undefined ? new Set<Sentence>() : pointedSentences(sentences.map((a) => a.sentence), (i) => sentences[i].concepts.size === 0);
    return (a) => (sentences.length === 1 || questions.has(a.sentence) ? 1 : pointed.has(a.sentence) ? Math.max(story, s.pointed!) : story);
  }

  /** the concepts a story's question sentences name (none for a message that is all question: there the
   *  intent engine read the same words) */
  function storyAsks(sentences: Analysed[], questions: ReadonlySet<Sentence>): StoryAsks | undefined {
    const asked = sentences.filter((a) => questions.has(a.sentence));
    if (!asked.length || asked.length === sentences.length) return undefined;
    // told: the sentences that tell, not a further question read as this one's story (a part of a message)
    const told = sentences.filter((a) => !questions.has(a.sentence) && !a.sentence.question);
    return { asked: new Set(asked.flatMap((a) => [...a.concepts])), told: new Set(told.flatMap((a) => [...a.concepts])) };
  }

  /** the query: each word, gram and concept with the weight of the most important sentence naming it */
  function read(sentences: Analysed[], weight: (a: Analysed) => number, context: readonly string[], storyWeight: number): Read {
    const qWords = new Map<string, number>();
    const qGrams = new Map<GramPostings, number>();
    const qConcepts = new Map<string, number>();
    const put = (m: Map<string, number>, k: string, w: number) => m.set(k, Math.max(m.get(k) ?? 0, w));
    for (const a of sentences) {
      const w = weight(a);
      for (const t of a.tokens) put(qWords, t, w);
      for (const g of a.grams) qGrams.set(g, (qGrams.get(g) ?? 0) + w);
      for (const c of a.concepts) put(qConcepts, c, w);
    }
    for (const c of context) put(qConcepts, c, storyWeight);
    return { qWords, qGrams, qConcepts };
  }

  function rank(text: string, lang: RLang, opts: RetrieveOptions = {}): Ranking<Candidate> {
    const s = opts.settings ?? DEFAULT_RETRIEVAL;
    const sentences = analyseAll(text, lang);
    const questions = new Set(questionSentences(sentences.map((a) => a.sentence)));
    const said = new Set(sentences.filter((a) => questions.has(a.sentence)).flatMap((a) => a.tokens)).size;
    const story = said < s.thinWords ? s.storyThin : s.story;
    const context = opts.contextConcepts ?? [];
    const q = read(sentences, storyWeights(sentences, questions, story, s), context, story);
    const setting = { own: new Set(context), other: new Set(opts.otherSetting ?? []) };
    const sink: Scored = { count: 0, entry: new Int32Array(n), score: new Float64Array(n), parts: new Float64Array(n * 5) };
    score(lang, q.qWords, q.qGrams, q.qConcepts, opts.topicScores, s, setting, true, storyAsks(sentences, questions), sink);
    // a candidate's object is made when it is read (the same one each time): the callers read a dozen of hundreds
    const made: Candidate[] = [];
    const at = (pos: number): Candidate => {
      let c = made[pos];
      if (!c) {
        const i = sink.entry[pos];
        const p = sink.parts;
        const b = pos * 5;
        c = { id: entries[i].id, kind: entries[i].kind, topic: entries[i].topic, score: sink.score[pos],
          parts: { words: p[b], variant: p[b + 1], grams: p[b + 2], concepts: p[b + 3], prior: p[b + 4] } };
        made[pos] = c;
      }
      return c;
    };
    // the last candidate with the id: its entries from the last, each found by bisection (positions follow the entries)
    const find = (id: string) => {
      const ixs = entriesOfId.get(id) ?? [];
      for (let j = ixs.length - 1; j >= 0; j--) {
        let lo = 0;
        let hi = sink.count - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          if (sink.entry[mid] === ixs[j]) return mid;
          if (sink.entry[mid] < ixs[j]) lo = mid + 1;
          else hi = mid - 1;
        }
      }
      return -1;
    };
    return rankPositions({ count: sink.count, score: sink.score, at, find });
  }
  const entriesOfId = new Map<string, number[]>();
  entries.forEach((e, i) => entriesOfId.set(e.id, [...(entriesOfId.get(e.id) ?? []), i]));

  return {
    size: entries.filter((e) => e.kind === 'entry').length,
    concepts(text, lang) {
      const f = foldText(text);
      return [...findConcepts(matchers[lang], f, words(f), stemMemo[lang])];
    },
    deniedConcepts(text, lang) {
      const sentences = analyseAll(text, lang);
      const read = new Set(sentences.flatMap((a) => [...a.concepts]));
      const out = new Set<string>();
      for (const a of sentences) {
        if (!a.denied?.size) continue;
        for (const c of findConcepts(matchers[lang], a.f, a.ws, stemMemo[lang])) if (!read.has(c)) out.add(c);
      }
      return [...out];
    },
    rankAll(text, lang, opts = {}) {
      return rank(text, lang, opts).all();
    },
    rank,
    retrieve(text, lang, opts = {}) {
      const s = opts.settings ?? DEFAULT_RETRIEVAL;
      const sentences = analyseAll(text, lang);
      const questions = new Set(questionSentences(sentences.map((a) => a.sentence)));
      const asked = sentences.filter((a) => questions.has(a.sentence));
      // a question that points back at the story ("Dürfen die das?") leaves the story to say what it is about
      const said = new Set(asked.flatMap((a) => a.tokens)).size;
      const story = said < s.thinWords ? s.storyThin : s.story;
      const context = opts.contextConcepts ?? [];
      const q = read(sentences, storyWeights(sentences, questions, story, s), context, story);
      const setting = { own: new Set(context), other: new Set(opts.otherSetting ?? []) };
      const ranked = score(lang, q.qWords, q.qGrams, q.qConcepts, opts.topicScores, s, setting, opts.exhaustive, storyAsks(sentences, questions));
      const result: Retrieval = {
        ranked: ranked.slice(0, RANKED),
        concepts: [...q.qConcepts.keys()],
        questions: asked.map((a) => a.sentence.text),
      };
      const topic = ranked.find((c) => c.kind === 'topic');
      const fits = (c: Candidate) => c.kind === 'topic' || !opts.accept || opts.accept(c.id);
      // the best answerable candidate: an entry for another grade leaves its place to the next one
      // when that is a near tie; else to the topic's overview (it fills in the grade told)
      const top = ranked.slice(0, RANKED);
      const fitting = top.find(fits);
      const best = fitting && fitting !== top[0] && fitting.score < top[0].score - s.near ? undefined : fitting;
      if (best?.kind === 'entry' && specificOver(best, topic, q.qConcepts)) best.specific = true;
      const isStory = asked.length < sentences.length;
      const threshold = isStory ? s.storyThreshold : s.threshold;
      if (best && best.kind === 'entry' && best.score >= threshold && best.score >= (topic?.score ?? 0) + (best.specific ? s.marginSpecific : s.margin)) {
        result.entry = best;
        result.rule = 'whole';
      }
      // A story's nouns can make a topic win the whole reading ("Krankenhaus" → discharge) while the
      // question sentence asks for a specific entry: the question sentences alone then decide, when
      // their best entry is sure (questionFloor) and ahead of every topic there.
      if ((!result.entry || s.questionSwitch >= 0) && isStory && s.questionFloor > 0 && said >= s.thinWords) {
        const r = read(asked, () => 1, [], 0);
        const qRanked = score(lang, r.qWords, r.qGrams, r.qConcepts, opts.topicScores, s, setting);
        const qBest = qRanked.find(fits);
        const qTopic = qRanked.find((c) => c.kind === 'topic');
        // … and it is the whole message's best entry too: a question alone that points back at the
        // story ("Zahlt die Kasse davon etwas?") says too little to pick another entry by itself
        const wholeEntry = top.find((c) => c.kind === 'entry' && fits(c));
        if (!result.entry && qBest?.kind === 'entry' && qBest.id === wholeEntry?.id && qBest.score >= s.questionFloor && qBest.score >= (qTopic?.score ?? 0) + s.margin) {
          result.entry = qBest;
          result.rule = 'question';
        }
        // a neighbour of the same topic that the question sentences clearly prefer to the whole
        // reading's entry (the story's words pulled to another aspect of the topic)
        const chosen = result.entry && qRanked.find((c) => c.id === result.entry!.id);
        if (result.entry && result.rule === 'whole' && qBest?.kind === 'entry' && qBest.id !== result.entry.id && qBest.topic === result.entry.topic
          && qBest.score >= s.questionFloor && qBest.score >= (chosen?.score ?? 0) + s.questionSwitch && qBest.score >= (qTopic?.score ?? 0) + s.margin
          && top.some((c) => c.id === qBest.id)) {
          result.entry = top.find((c) => c.id === qBest.id)!;
          result.rule = 'question';
        }
      }
      // A near tie is said, not hidden: the runner-up entry becomes a button. It comes from the five
      // best, as the candidate search keeps no more (the exhaustive search would find one further down).
      const runnerUp = top.find((c) => c.kind === 'entry' && c !== result.entry);
      if (runnerUp && runnerUp.score >= s.threshold && runnerUp.score >= (result.entry ?? topic ?? runnerUp).score - s.near) result.alternative = runnerUp;
      // Several questions: each one read on its own (the others as story); a different entry or topic
      // for one of them answers that question ("Auch gefragt").
      const answered = result.entry?.id ?? topic?.id;
      if (answered && asked.length > 1) {
        for (const one of asked) {
          const r = read(sentences, (a) => (a === one ? 1 : questions.has(a.sentence) ? 0 : s.story), context, s.story);
          const top = score(lang, r.qWords, r.qGrams, r.qConcepts, opts.topicScores, s, setting, opts.exhaustive)[0];
          if (top && top.id !== answered && top.score >= s.alsoThreshold && (!result.also || top.score > result.also.score)) result.also = top;
        }
      }
      if (result.also && result.alternative?.id === result.also.id) delete result.alternative;
      return result;
    },
  };
}
