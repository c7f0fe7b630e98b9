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
import { boundedMemo } from '../memo';
import type { ConceptsFile } from '../knowledge/schema';
import { foldText, words } from './normalise';
import { questionSentences, readSentences, type Sentence } from './message';
import { stemmerFor } from './stem';

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
}

export interface RetrievalSettings extends RetrievalWeights {
  /** a topic's general question counts this much against the entries (1 = as much) */
  topicWeight: number;
  /** an entry whose own concepts (those its topic's general question lacks) are all missing from the
   *  message keeps this share of its score: "Pflegegeld wie viel?" is not the tax question */
  missingConcept: number;
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
}

// Chosen on the entries' own variants (one variant of each entry held out at a time) and on
// real-style messages; the table is in docs/retrieval.md.
export const DEFAULT_RETRIEVAL: RetrievalSettings = {
  words: 0.35, variant: 0.3, grams: 0.2, concepts: 0.25, prior: 0.2, unknownPrior: 0.5, story: 0.35, storyThin: 0.8,
  thinWords: 3, topicWeight: 1, missingConcept: 0.6, threshold: 0.35, storyThreshold: 0.3, margin: 0.05, marginSpecific: 0, otherSetting: 0.8, alsoThreshold: 0.4, near: 0.03,
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
  /** score every entry and sort them all: the reference the candidate search is tested against */
  exhaustive?: boolean;
}

export interface Retriever {
  retrieve(text: string, lang: RLang, opts?: RetrieveOptions): Retrieval;
  /** concepts named in a text, for staff tools and tests */
  concepts(text: string, lang: RLang): string[];
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

interface TermPosting { doc: number; tf: number }
/** a gram's posting with log(1 + tf), computed once at load */
interface GramPosting extends TermPosting { logTf: number }

interface LangIndex {
  /** stem → postings */
  postings: Map<string, TermPosting[]>;
  idf: Map<string, number>;
  docLen: Float64Array;
  avgLen: number;
  /** 4-gram → postings with tf-idf weights; norms per doc */
  gramPostings: Map<string, GramPosting[]>;
  gramIdf: Map<string, number>;
  gramNorm: Float64Array;
  /** stem → (variant, tf-idf weight); each variant's norm and document */
  variantPostings: Map<string, TermPosting[]>;
  variantNorm: Float64Array;
  variantDoc: Int32Array;
  /** concept → entries that have it (with postings, the only entries a message can score on) */
  conceptDocs: Map<string, number[]>;
}

interface ConceptMatcher {
  exact: Map<string, string[]>;
  /** prefix terms by their first three letters (every prefix term has at least three) */
  prefixes: Map<string, [string, string][]>;
  phrases: [RegExp, string][];
  /** all phrases in one alternation (one scan per text instead of one per phrase) */
  phraseRe?: RegExp;
  phraseIds: Map<string, string[]>;
}

function compileConcepts(file: ConceptsFile | undefined, lang: RLang, stem: (w: string) => string): ConceptMatcher {
  const m: ConceptMatcher = { exact: new Map(), prefixes: new Map(), phrases: [], phraseIds: new Map() };
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
        addExact(term, c.id);
        addExact(`~${stem(term)}`, c.id);
      }
    }
  }
  for (const [re, id] of m.phrases) {
    const key = re.source.slice(2, -2).replace(/\\(.)/g, '$1');
    m.phraseIds.set(key, [...(m.phraseIds.get(key) ?? []), id]);
  }
  if (m.phraseIds.size) {
    const alts = [...m.phraseIds.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    m.phraseRe = new RegExp(`\\b(${alts.join('|')})\\b`, 'g');
  }
  return m;
}

function findConcepts(m: ConceptMatcher, folded: string, ws: string[], stem: (w: string) => string): Set<string> {
  const out = new Set<string>();
  for (const w of ws) {
    for (const id of m.exact.get(w) ?? m.exact.get(`~${stem(w)}`) ?? []) out.add(id);
    for (const [p, id] of m.prefixes.get(w.slice(0, 3)) ?? []) if (w.startsWith(p)) out.add(id);
  }
  if (m.phraseRe) for (const hit of folded.matchAll(m.phraseRe)) for (const id of m.phraseIds.get(hit[1]) ?? []) out.add(id);
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

export function createRetriever(entries: readonly RetrievalEntry[], conceptsFile?: ConceptsFile): Retriever {
  const stems = { de: stemmerFor('de')!, en: stemmerFor('en')! };
  const stemMemo = { de: boundedMemo(stems.de, 50_000), en: boundedMemo(stems.en, 50_000) };
  const matchers = { de: compileConcepts(conceptsFile, 'de', stemMemo.de), en: compileConcepts(conceptsFile, 'en', stemMemo.en) };

  const tokens = (ws: string[], lang: RLang): string[] => ws.filter((w) => w.length > 1 && !STOP[lang].has(w)).map(stemMemo[lang]);

  // Declared concept ids through the lexicon's aliases; ids the lexicon does not know cannot be
  // found in a message and are left out (kb:check warns about them).
  const canonical = new Map<string, string>();
  for (const c of conceptsFile?.concepts ?? []) {
    canonical.set(c.id, c.id);
    for (const a of c.aliases) canonical.set(a, c.id);
  }
  // Building reads every variant and utterance up to four times: each text is analysed once (the
  // table is dropped when the index is built).
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

  // Concepts that tell the situation (who, where, which grade) rather than what is asked.
  const context = new Set((conceptsFile?.concepts ?? []).filter((c) => c.role === 'context').map((c) => c.id));
  const indexOf = new Map(entries.map((e, i) => [e.id, i] as const));
  /** the message names something the entry is about and the topic's general question is not:
   *  a subject concept of the entry that the best topic lacks ("Barbetrag" against Sozialhilfe) */
  const specificOver = (entry: Candidate, topic: Candidate | undefined, qConcepts: Map<string, number>): boolean => {
    const rival = topic ? topicConcepts.get(topic.id) : undefined;
    return entryConcepts[indexOf.get(entry.id)!].some((c) => qConcepts.has(c) && !context.has(c) && !rival?.has(c));
  };

  // What makes an entry more than its topic: its concepts that the topic's general question lacks.
  const topicConcepts = new Map(entries.map((e, i) => [e, i] as const).filter(([e]) => e.kind === 'topic').map(([e, i]) => [e.id, new Set(entryConcepts[i])]));
  const own = entries.map((e, i) => (e.kind === 'entry' ? entryConcepts[i].filter((c) => !topicConcepts.get(e.topic)?.has(c)) : []));
  // A topic's training utterance that names what an entry is specifically about ("Muss ich das
  // Pflegegeld versteuern?" among the Pflegegeld utterances, while an entry is about tax) is no
  // general question any more: it leaves the topic's rival document.
  const specific = new Set(own.flat());
  /** topics the intent engine has an intent for (each has a rival document) */
  const intentTopics = new Set(entries.filter((e) => e.kind === 'topic').map((e) => e.id));
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
  const distinctive = { de: [] as Set<string>[], en: [] as Set<string>[] };
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
      distinctive[lang].push(set);
    }
  }

  const build = (lang: RLang): LangIndex => {
    const postings = new Map<string, TermPosting[]>();
    const gramPostings = new Map<string, GramPosting[]>();
    const docLen = new Float64Array(entries.length);
    const gramTf: Map<string, number>[] = [];
    const variants: { doc: number; terms: Set<string> }[] = [];
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
      for (const [t, n] of tf) {
        len += n;
        const list = postings.get(t) ?? [];
        list.push({ doc, tf: n });
        postings.set(t, list);
      }
      docLen[doc] = len;
      gramTf.push(gtf);
      for (const [g, n] of gtf) {
        const list = gramPostings.get(g) ?? [];
        list.push({ doc, tf: n, logTf: Math.log(1 + n) });
        gramPostings.set(g, list);
      }
    });
    const n = entries.length;
    const idfOf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
    const idf = new Map([...postings].map(([t, l]) => [t, idfOf(l.length)]));
    const gramIdf = new Map([...gramPostings].map(([g, l]) => [g, Math.log((n + 1) / (l.length + 0.5))]));
    const gramNorm = new Float64Array(n);
    gramTf.forEach((gtf, doc) => {
      let s = 0;
      for (const [g, c] of gtf) s += (Math.log(1 + c) * gramIdf.get(g)!) ** 2;
      gramNorm[doc] = Math.sqrt(s) || 1;
    });
    const avgLen = docLen.reduce((a, b) => a + b, 0) / Math.max(1, n);
    const variantPostings = new Map<string, TermPosting[]>();
    const variantNorm = new Float64Array(variants.length);
    const variantDoc = new Int32Array(variants.length);
    variants.forEach((v, i) => {
      variantDoc[i] = v.doc;
      let sq = 0;
      for (const t of v.terms) {
        const w = idf.get(t)!;
        sq += w * w;
        const list = variantPostings.get(t) ?? [];
        list.push({ doc: i, tf: w });
        variantPostings.set(t, list);
      }
      variantNorm[i] = Math.sqrt(sq) || 1;
    });
    const conceptDocs = new Map<string, number[]>();
    entryConcepts.forEach((ec, doc) => { for (const c of ec) conceptDocs.set(c, [...(conceptDocs.get(c) ?? []), doc]); });
    return { postings, idf, docLen, avgLen, gramPostings, gramIdf, gramNorm, variantPostings, variantNorm, variantDoc, conceptDocs };
  };
  const indexes = { de: build('de'), en: build('en') };
  analysed.de.clear();
  analysed.en.clear();
  const distinctiveList = { de: distinctive.de.map((d) => [...d]), en: distinctive.en.map((d) => [...d]) };
  /** where a message's entries are found: only those sharing a word, gram or concept with it */
  const candidates = new Uint8Array(entries.length);

  /** scores of every entry for weighted query words, grams and concepts */
  function score(
    lang: RLang, qWords: Map<string, number>, qGrams: Map<string, number>, qConcepts: Map<string, number>,
    topicScores: ReadonlyMap<string, number> | undefined, s: RetrievalSettings,
    setting?: { own: ReadonlySet<string>; other: ReadonlySet<string> }, exhaustive = false,
  ): Candidate[] {
    const ix = indexes[lang];
    const n = entries.length;
    candidates.fill(exhaustive ? 1 : 0);
    const wordScore = new Float64Array(n);
    let maxPossible = 0;
    for (const [t, w] of qWords) {
      const idf = ix.idf.get(t);
      if (idf === undefined) continue;
      maxPossible += w * idf * (K1 + 1);
      for (const p of ix.postings.get(t)!) {
        const norm = p.tf + K1 * (1 - B + (B * ix.docLen[p.doc]) / ix.avgLen);
        wordScore[p.doc] += (w * idf * p.tf * (K1 + 1)) / norm;
        candidates[p.doc] = 1;
      }
    }
    // closest single variant: cosine over idf-weighted stems, the query weighted by its sentences
    const variantDot = new Float64Array(ix.variantNorm.length);
    let vqNorm = 0;
    for (const [t, w] of qWords) {
      const idf = ix.idf.get(t);
      if (idf === undefined) continue;
      vqNorm += (w * idf) ** 2;
      for (const p of ix.variantPostings.get(t)!) variantDot[p.doc] += w * idf * p.tf;
    }
    vqNorm = Math.sqrt(vqNorm) || 1;
    const variantBest = new Float64Array(n);
    for (let v = 0; v < variantDot.length; v++) {
      if (!variantDot[v]) continue;
      const cos = variantDot[v] / (vqNorm * ix.variantNorm[v]);
      const d = ix.variantDoc[v];
      if (cos > variantBest[d]) variantBest[d] = cos;
    }
    const gramDot = new Float64Array(n);
    let qNorm = 0;
    for (const [g, w] of qGrams) {
      const idf = ix.gramIdf.get(g);
      if (idf === undefined) continue;
      const qw = w * idf;
      qNorm += qw * qw;
      for (const p of ix.gramPostings.get(g)!) {
        gramDot[p.doc] += qw * p.logTf * idf;
        candidates[p.doc] = 1;
      }
    }
    qNorm = Math.sqrt(qNorm) || 1;
    // the message's concepts an entry must cover: those the question sentences name; a concept
    // the story names in passing counts only for the entries that have it
    let qConceptSum = 0;
    for (const [id, w] of qConcepts) {
      if (w >= 1) qConceptSum += w;
      for (const doc of ix.conceptDocs.get(id) ?? []) candidates[doc] = 1;
    }
    // an entry of a topic without an intent is never more likely than the engine's best topic: when
    // the engine is unsure of every topic, it gets no head start over their entries
    let bestTopicScore = 0;
    for (const v of topicScores?.values() ?? []) bestTopicScore = Math.max(bestTopicScore, v);
    const unknownPrior = Math.min(s.unknownPrior, bestTopicScore);
    const out: Candidate[] = [];
    for (let i = 0; i < n; i++) {
      if (!candidates[i]) continue;
      const ec = entryConcepts[i];
      let c = 0;
      let told = 0;
      for (const id of ec) {
        const w = qConcepts.get(id) ?? 0;
        c += w;
        if (w < 1) told += w;
      }
      const parts: ScoreParts = {
        words: maxPossible ? wordScore[i] / maxPossible : 0,
        variant: variantBest[i],
        grams: gramDot[i] / (qNorm * ix.gramNorm[i]),
        // overlap both ways (F1): the entry's concepts the message names, and the message's
        // concepts the entry covers ("Pflegegeld" + "versteuern" is more the tax entry than the topic)
        concepts: ec.length && c ? (2 * c) / (ec.length + qConceptSum + told) : 0,
        prior: !topicScores ? 0 : intentTopics.has(entries[i].topic) ? topicScores.get(entries[i].topic) ?? 0 : unknownPrior,
      };
      if (parts.words === 0 && parts.grams === 0 && parts.concepts === 0) continue;
      let total = s.words * parts.words + s.variant * parts.variant + s.grams * parts.grams + s.concepts * parts.concepts + s.prior * parts.prior;
      if (entries[i].kind === 'topic') total *= s.topicWeight;
      else if ((own[i].length || distinctive[lang][i].size) && !own[i].some((c) => qConcepts.has(c)) && !distinctiveList[lang][i].some((t) => qWords.has(t))) total *= s.missingConcept;
      if (setting?.other.size && entries[i].kind === 'entry' && !ec.some((id) => setting.own.has(id))
        && ec.some((id) => setting.other.has(id) && (qConcepts.get(id) ?? 0) < 1)) total *= s.otherSetting;
      out.push({ id: entries[i].id, kind: entries[i].kind, topic: entries[i].topic, score: total, parts });
    }
    return exhaustive ? out.sort((a, b) => b.score - a.score) : leaders(out);
  }

  /** What retrieve reads of the ranking: the best RANKED and the best topic, in the order a stable
   *  sort by score gives them (ties keep the entries' order), without sorting every candidate. */
  function leaders(all: Candidate[]): Candidate[] {
    const top: Candidate[] = [];
    let topic: Candidate | undefined;
    for (const c of all) {
      if (c.kind === 'topic' && (!topic || c.score > topic.score)) topic = c;
      if (top.length === RANKED && c.score <= top[RANKED - 1].score) continue;
      let at = top.length;
      while (at > 0 && c.score > top[at - 1].score) at--;
      top.splice(at, 0, c);
      if (top.length > RANKED) top.pop();
    }
    return topic && !top.includes(topic) ? [...top, topic] : top;
  }

  interface Read { qWords: Map<string, number>; qGrams: Map<string, number>; qConcepts: Map<string, number> }
  /** one sentence, analysed once: a message is read again for each of its questions */
  interface Analysed { sentence: Sentence; tokens: string[]; grams: string[]; concepts: Set<string> }

  function analyse(sentence: Sentence, lang: RLang): Analysed {
    const f = foldText(sentence.text);
    const ws = words(f);
    return { sentence, tokens: tokens(ws, lang), grams: gramsOf(ws, STOP[lang]), concepts: findConcepts(matchers[lang], f, ws, stemMemo[lang]) };
  }

  /** the query: each word, gram and concept with the weight of the most important sentence naming it */
  function read(sentences: Analysed[], weight: (a: Analysed) => number, context: readonly string[], storyWeight: number): Read {
    const qWords = new Map<string, number>();
    const qGrams = new Map<string, number>();
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

  return {
    size: entries.filter((e) => e.kind === 'entry').length,
    concepts(text, lang) {
      const f = foldText(text);
      return [...findConcepts(matchers[lang], f, words(f), stemMemo[lang])];
    },
    retrieve(text, lang, opts = {}) {
      const s = opts.settings ?? DEFAULT_RETRIEVAL;
      const sentences = readSentences(text).map((x) => analyse(x, lang));
      const questions = new Set(questionSentences(sentences.map((a) => a.sentence)));
      const asked = sentences.filter((a) => questions.has(a.sentence));
      // a question that points back at the story ("Dürfen die das?") leaves the story to say what it is about
      const said = new Set(asked.flatMap((a) => a.tokens)).size;
      const story = said < s.thinWords ? s.storyThin : s.story;
      const context = opts.contextConcepts ?? [];
      const q = read(sentences, (a) => (sentences.length === 1 || questions.has(a.sentence) ? 1 : story), context, story);
      const setting = { own: new Set(context), other: new Set(opts.otherSetting ?? []) };
      const ranked = score(lang, q.qWords, q.qGrams, q.qConcepts, opts.topicScores, s, setting, opts.exhaustive);
      const best = ranked[0];
      const result: Retrieval = {
        ranked: ranked.slice(0, RANKED),
        concepts: [...q.qConcepts.keys()],
        questions: asked.map((a) => a.sentence.text),
      };
      const topic = ranked.find((c) => c.kind === 'topic');
      if (best?.kind === 'entry' && specificOver(best, topic, q.qConcepts)) best.specific = true;
      const threshold = asked.length < sentences.length ? s.storyThreshold : s.threshold;
      if (best && best.kind === 'entry' && best.score >= threshold && best.score >= (topic?.score ?? 0) + (best.specific ? s.marginSpecific : s.margin)) result.entry = best;
      // A near tie is said, not hidden: the runner-up entry becomes a button.
      const runnerUp = ranked.find((c) => c.kind === 'entry' && c !== result.entry);
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
