// The read-only knowledge base: sources, the dated benefits table and the answers of all layers
// (federal → state → municipality). Loaded and validated once at startup.
import * as fs from 'fs';
import * as path from 'path';
import MiniSearch from 'minisearch';
import { contentErrorAt, readJsonFile } from './jsonFile';
import {
  AnswersFileSchema, BenefitsFileSchema, ConceptsFileSchema, CorpusSchema, QuestionsFileSchema, SourcesFileSchema,
  type Answer, type BenefitsFile, type ConceptsFile, type Lang, type Source, type Supplement,
} from './schema';
import { questionProblems, type QuestionLayer } from './questions';
import { checkAnswerLayers, checkConcepts, stopAtFirst, type AnswerLayerFile } from './rules';
import { createRetriever, type RetrievalEntry, type Retriever } from '../nlu/retrieve';
import { loadRerankModel, type RerankModel } from '../nlu/rerank';

export type Layer = 'federal' | 'state' | 'municipality';
export interface LayeredAnswer extends Answer { layer: Layer; file: string }
/** A question entry as the bot uses it: an answer (same reply, footer and buttons) that belongs to a
 *  topic and carries the ways people ask it. */
export interface LayeredQuestion extends LayeredAnswer {
  topic: string;
  concepts: string[];
  q: Record<Lang, string[]>;
  /** ids of entries merged into this one (they resolve through `entry`) */
  formerIds?: string[];
}
export interface SearchHit { id: string; score: number }

export interface KnowledgeBase {
  readonly sources: ReadonlyMap<string, Source>;
  readonly benefits: BenefitsFile;
  /** the topic answers (one per NLU topic intent) */
  readonly answers: ReadonlyMap<string, LayeredAnswer>;
  /** the question entries of all layers (knowledge/<layer>/questions/*.json) */
  readonly questions: ReadonlyMap<string, LayeredQuestion>;
  /** the concept lexicon (knowledge/concepts.json), if there is one */
  readonly concepts?: ConceptsFile;
  /** a topic answer or a question entry by id: what buttons and follow-ups point to */
  entry(id: string): LayeredAnswer | undefined;
  /** finds the question entry that answers a message (bot/nlu/retrieve.ts), indexes built at load */
  readonly retriever: Retriever;
  /** the re-ranker's weights (knowledge/rerank.json, bot/nlu/rerank.ts), if there are any */
  readonly reranker?: RerankModel;
  /** full-text search over the answers (fuzzy, for typos), best first */
  search(text: string, lang: Lang, limit?: number): SearchHit[];
}

export interface KnowledgeDirs {
  knowledgeDir: string; state: string; municipality: string;
  /** where the built retrieval index is cached (the bot passes its NLU cache folder); none: built each time */
  indexCacheDir?: string;
  log?: (m: string) => void;
}

const PLACEHOLDER = /\{\{[^}]*\}\}/g;

/** words of a message that the full-text search looks at */
export const SEARCH_WORDS = 24;
/** longer "words" are no words (German compounds stay far below) */
const MAX_SEARCH_WORD = 48;

/** An answer with a lower layer's supplement: sentences appended, its own next step, glossary,
 *  sources and legal bases added (no duplicates). Pure, for the tests. */
export function supplemented<A extends Answer>(answer: A, sup: Supplement): A {
  const add = (list: string[], more: string[]): string[] => [...list, ...more.filter((x) => !list.includes(x))];
  const text = (lang: Lang): Answer[Lang] => {
    const base = answer[lang];
    const more = sup[lang];
    if (!more) return base;
    const join = (a: string, b?: string): string => (b ? `${a} ${b}` : a);
    return {
      ...base,
      short: join(base.short, more.short),
      ...(base.shortWithGrade ? { shortWithGrade: join(base.shortWithGrade, more.short) } : {}),
      details: join(base.details, more.details),
      next: more.next ?? base.next,
      ...(base.glossary || more.glossary ? { glossary: { ...base.glossary, ...more.glossary } } : {}),
    };
  };
  const reviewed = sup.reviewed < answer.reviewed ? sup.reviewed : answer.reviewed; // ISO dates sort as text
  return { ...answer, reviewed, sources: add(answer.sources, sup.sources), legal: add(answer.legal, sup.legal), de: text('de'), en: text('en') };
}

/** Stops the start with the file and, where it can be found, the line of the offending value. */
function fail(file: string, jsonPath: ReadonlyArray<PropertyKey>, detail: string): never {
  throw contentErrorAt(file, jsonPath, detail);
}

/** The state layer's folder for a city: its municipality.json's `state` in lower case (NRW → nrw).
 *  A missing folder stops the start here, naming the city's file, rather than later at a federal
 *  answer whose follow-up lives in the state layer. */
export function stateLayer(knowledgeDir: string, cityDir: string, state: string): string {
  const folder = state.toLowerCase();
  if (!fs.existsSync(path.join(knowledgeDir, folder, 'answers.json'))) {
    fail(path.join(knowledgeDir, cityDir, 'municipality.json'), ['state'], `state "${state}" has no layer: ${folder}/answers.json is missing under ${knowledgeDir} (a city in another state needs that state's folder; see knowledge/README.md, "Layers")`);
  }
  return folder;
}

export function loadKnowledgeBase(dirs: KnowledgeDirs): KnowledgeBase {
  const k = dirs.knowledgeDir;
  const benefitsFile = path.join(k, 'federal', 'benefits.json');
  const benefits = readJsonFile(benefitsFile, BenefitsFileSchema);
  const benefitIds = new Set(benefits.benefits.map((b) => b.id));

  // Sources: the shared sources.json, then each layer folder's own (optional). A layer cites the
  // shared sources and those of its own and higher layers, never a lower one's: a shared answer
  // that cited a city's page would carry that city into every other city's bot.
  const sources = new Map<string, Source>();
  const sourceFiles = new Map<string, string>();
  const addSources = (file: string): void => {
    readJsonFile(file, SourcesFileSchema).sources.forEach((src, i) => {
      const prev = sourceFiles.get(src.id);
      if (prev) fail(file, ['sources', i, 'id'], `source "${src.id}" is also in ${path.relative(k, prev)}`);
      sources.set(src.id, src);
      sourceFiles.set(src.id, file);
    });
  };
  addSources(path.join(k, 'sources.json'));
  benefits.benefits.forEach((b, i) => b.values.forEach((v, j) => {
    if (!sources.has(v.source)) fail(benefitsFile, ['benefits', i, 'values', j, 'source'], `benefit "${b.id}" cites unknown source "${v.source}"`);
  }));

  const answers = new Map<string, LayeredAnswer>();
  const indexOf = new Map<string, number>();
  const layers: [Layer, string][] = [['federal', 'federal'], ['state', dirs.state], ['municipality', dirs.municipality]];
  const answerFiles: (AnswerLayerFile & { layer: Layer })[] = [];
  for (const [layer, folder] of layers) {
    const ownSources = path.join(k, folder, 'sources.json');
    if (fs.existsSync(ownSources)) addSources(ownSources);
    const file = path.join(k, folder, 'answers.json');
    if (fs.existsSync(file)) answerFiles.push({ file, layer, data: readJsonFile(file, AnswersFileSchema) });
  }
  // a layer cites the shared sources and those of its own and higher layers (rules.ts)
  const rank = (file: string): number => layers.findIndex(([, f]) => f === path.relative(k, path.dirname(file)));
  checkAnswerLayers(answerFiles, {
    root: k,
    benefitIds,
    whyNotCite: (file, id) => {
      const folder = path.relative(k, path.dirname(file));
      if (!sources.has(id)) return `unknown source "${id}" (add it to sources.json, or to ${folder}/sources.json for this layer only)`;
      const from = sourceFiles.get(id)!;
      return layerRank(from, k, layers) <= rank(file) ? '' : `unknown source "${id}" for ${folder}/ (it is in ${path.relative(k, from)}, a lower layer's)`;
    },
  }, stopAtFirst);
  for (const { file, layer, data } of answerFiles) {
    data.answers.forEach((a, i) => {
      answers.set(a.id, { ...a, layer, file });
      indexOf.set(a.id, i);
    });
  }
  for (const { data } of answerFiles) {
    for (const sup of data.supplements) answers.set(sup.answer, supplemented(answers.get(sup.answer)!, sup));
  }
  // Question entries: after all answers, since an entry's topic may be any layer's answer.
  const questions = new Map<string, LayeredQuestion>();
  const questionIndex = new Map<string, number>();
  for (const [layer, folder] of layers) {
    const dir = path.join(k, folder, 'questions');
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
      const file = path.join(dir, name);
      const data = readJsonFile(file, QuestionsFileSchema);
      const own = new Set<string>();
      data.sources.forEach((src, i) => {
        const prev = sourceFiles.get(src.id);
        if (prev) fail(file, ['sources', i, 'id'], `source "${src.id}" is also in ${path.relative(k, prev)}`);
        sources.set(src.id, src);
        sourceFiles.set(src.id, file);
        own.add(src.id);
      });
      const problems = questionProblems(data, {
        layer: layer as QuestionLayer,
        canCite: (id) => own.has(id) || (sources.has(id) && !isQuestionFile(sourceFiles.get(id))
          && layerRank(sourceFiles.get(id)!, k, layers) <= layers.findIndex(([l]) => l === layer)),
        benefitIds,
        topicExists: (id) => answers.has(id),
        idTaken: (id) => answers.has(id) || questions.has(id),
      });
      if (problems.length) fail(file, problems[0].path, problems[0].message + (problems.length > 1 ? ` (+${problems.length - 1} more problems; npm run kb:check lists them)` : ''));
      data.questions.forEach((q, i) => {
        questionIndex.set(q.id, i);
        const topic = answers.get(q.topic)!;
        const text = (lang: Lang) => ({
          title: q[lang].title, short: q[lang].short, details: q[lang].details, next: q[lang].next,
          ...(q[lang].shortWithGrade ? { shortWithGrade: q[lang].shortWithGrade } : {}),
        });
        questions.set(q.id, {
          id: q.id, topic: q.topic, concepts: q.concepts, legal: q.legal, sources: q.sources, reviewed: q.reviewed,
          usesGrade: false, offerCategory: topic.offerCategory, followUps: q.followUps, layer, file,
          ...(q.formerIds.length ? { formerIds: q.formerIds } : {}),
          de: text('de'), en: text('en'), q: { de: q.de.q, en: q.en.q },
        });
      });
    }
  }
  // A merged entry's old ids resolve to the entry it was merged into (never indexed for retrieval).
  const former = new Map<string, string>();
  for (const q of questions.values()) {
    for (const [j, id] of (q.formerIds ?? []).entries()) {
      if (answers.has(id) || questions.has(id) || former.has(id)) fail(q.file, ['questions', questionIndex.get(q.id) ?? 0, 'formerIds', j], `former id "${id}" of "${q.id}" is still in use`);
      former.set(id, q.id);
    }
  }
  const entry = (id: string): LayeredAnswer | undefined => answers.get(id) ?? questions.get(id) ?? questions.get(former.get(id) ?? '');
  for (const a of answers.values()) {
    a.followUps.forEach((f, j) => {
      if (!entry(f)) fail(a.file, ['answers', indexOf.get(a.id) ?? 0, 'followUps', j], `answer "${a.id}" has follow-up "${f}" that does not exist`);
    });
  }
  for (const q of questions.values()) {
    q.followUps.forEach((f, j) => {
      if (!entry(f)) fail(q.file, ['questions', questionIndex.get(q.id) ?? 0, 'followUps', j], `question "${q.id}" has follow-up "${f}" that does not exist`);
    });
  }
  const conceptsFile = path.join(k, 'concepts.json');
  const concepts = fs.existsSync(conceptsFile) ? readJsonFile(conceptsFile, ConceptsFileSchema) : undefined;
  if (concepts) checkConcepts(conceptsFile, concepts, stopAtFirst);

  const indexes = new Map<Lang, MiniSearch>();
  for (const lang of ['de', 'en'] as const) {
    const ms = new MiniSearch({
      fields: ['title', 'short', 'details', 'terms'],
      storeFields: ['id'],
      searchOptions: { boost: { title: 3, terms: 2, short: 1.5 }, fuzzy: 0.25, prefix: true, combineWith: 'OR' },
    });
    ms.addAll([...answers.values()].map((a) => ({
      id: a.id,
      title: a[lang].title,
      short: a[lang].short.replace(PLACEHOLDER, ' '),
      details: a[lang].details.replace(PLACEHOLDER, ' '),
      terms: Object.keys(a[lang].glossary ?? {}).join(' '),
    })));
    indexes.set(lang, ms);
  }

  // The intent corpus's training utterances stand for each topic's general question: a message
  // closer to them than to any entry gets the topic's answer (the intent engine decides which).
  const corpus = (lang: Lang) => {
    const file = path.join(k, 'nlu', `${lang}.json`);
    return fs.existsSync(file) ? readJsonFile(file, CorpusSchema).data : [];
  };
  const de = corpus('de');
  const en = new Map(corpus('en').map((d) => [d.intent, d.utterances]));
  const topics: RetrievalEntry[] = de.filter((d) => en.has(d.intent)).map((d) => ({
    id: d.intent, kind: 'topic', topic: d.intent, concepts: [],
    de: { q: d.utterances, title: answers.get(d.intent)?.de.title ?? '' }, en: { q: en.get(d.intent)!, title: answers.get(d.intent)?.en.title ?? '' },
  }));
  const retriever = createRetriever([...[...questions.values()].map((q): RetrievalEntry => ({
    id: q.id, kind: 'entry', topic: q.topic, concepts: q.concepts,
    de: { q: q.q.de, title: q.de.title }, en: { q: q.q.en, title: q.en.title },
  })), ...topics], concepts, { cacheDir: dirs.indexCacheDir, log: dirs.log });

  const rerankFile = path.join(k, 'rerank.json');
  const reranker = fs.existsSync(rerankFile) ? loadRerankModel(rerankFile) : undefined;

  return {
    sources, benefits, answers, questions, concepts, entry, retriever, reranker,
    search(text, lang, limit = 3) {
      // distinct words, at most SEARCH_WORDS, none longer than MAX_SEARCH_WORD: each is a fuzzy
      // query of its own whose allowed typos grow with its length, and a long message repeating
      // words cost ~20 ms; a question is shorter than that anyway
      const words = [...new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length >= 3 && w.length <= MAX_SEARCH_WORD))].slice(0, SEARCH_WORDS);
      if (!words.length) return [];
      return indexes.get(lang)!.search(words.join(' ')).slice(0, limit).map((r) => ({ id: String(r.id), score: r.score }));
    },
  };
}

function isQuestionFile(file: string | undefined): boolean {
  return !!file && path.basename(path.dirname(file)) === 'questions';
}

/** 0 for the shared sources.json and federal/, then the layer index of the folder a sources file is in */
function layerRank(file: string, k: string, layers: [Layer, string][]): number {
  const folder = path.relative(k, path.dirname(file));
  const i = layers.findIndex(([, f]) => f === folder);
  return i < 0 ? 0 : i;
}
