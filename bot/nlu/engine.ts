// Intent engine: normalisation (bot/nlu/normalise.ts), then two classifiers whose scores are
// multiplied (see combine): NLP.js's word-stem network (node-nlp's classifier, loaded lean by
// bot/nlu/nlpjs.ts) and a subword logistic regression (bot/nlu/subword.ts). Either can run alone for
// comparison (settings.classifier). Trained models are cached under cacheDir, keyed by a sha256 over
// everything that shapes them. No Bot Framework types here: the dialogs wrap this.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { NlpClassification } from 'node-nlp';
import { createNlp, withoutGuesserSentences, type NlpjsModel } from './nlpjs';
import type { Corpus } from '../knowledge/schema';
import { detectLanguage as detect } from './detect';
import { extractGrade } from './grade';
import { NONE, OUT_OF_SCOPE } from './intents';
import { foldText, normaliseForNlu, replaceEntities, Vocabulary, words, type NormaliseSettings } from './normalise';
import { compilePlaces, type PlaceLexicon } from './places';
import { DEFAULT_SUBWORD_SETTINGS, SubwordClassifier, type SubwordModelMeta, type SubwordSettings } from './subword';

export type NluLang = 'de' | 'en';

export interface IntentScore { intent: string; score: number }

export interface NluResult {
  lang: NluLang;
  /** 'None' when the best intent is out_of_scope or scores below the threshold */
  intent: string;
  /** combined score (0..1) of the best-ranked intent, also when `intent` is 'None' because that
   *  intent is out_of_scope or below the threshold */
  score: number;
  /** top 5 as the classifier ranked them (out_of_scope included, node-nlp's own None left out) */
  ranked: IntentScore[];
  entities: { grade?: number };
}

export interface NluEngine {
  classify(text: string, lang: NluLang): Promise<NluResult>;
  detectLanguage(text: string): NluLang | undefined;
  readonly threshold: number;
  readonly intents: string[];
}

export interface NluEngineOptions {
  corpora: Corpus[];
  cacheDir: string;
  threshold?: number;
  log?: (msg: string) => void;
  /** normalisation and classifier switches (default: DEFAULT_SETTINGS); part of the cache key */
  settings?: Partial<Omit<EngineSettings, 'subword'>> & { subword?: Partial<SubwordSettings> };
  /** false: neither read nor write the cache (benchmarks training many throw-away models) */
  cache?: boolean;
  /** the municipality's place words (placeLexicon in bot/offers/regions.ts): each place becomes one
   *  token, the city's names are dropped; part of the cache key */
  places?: PlaceLexicon;
}

/** Bump when normalisation or training changes in a way the settings object does not show. */
export const ENGINE_VERSION = 'pflegenetz-nlu-5';
const CACHE_FORMAT = 2;

export interface EngineSettings extends NormaliseSettings {
  /** 'subword': the subword model alone; 'ensemble': node-nlp and the subword model together;
   *  'nodenlp': node-nlp alone (the last two for comparison) */
  classifier: 'ensemble' | 'nodenlp' | 'subword';
  /** ensemble: score = p_subword × (p_nodenlp + 0.01)^nodeNlpWeight, renormalised */
  nodeNlpWeight: number;
  /** ensemble: when the subword model's top intent has at least this probability, node-nlp is not
   *  asked (its vote could rarely change the result, and it costs half of the classify time); 1 = always ask */
  nodeNlpSkipAbove: number;
  /** stem features in the subword model, with the light stemmer of each corpus's language */
  stems: boolean;
  subword: SubwordSettings;
}

/** Chosen by stratified k-fold cross-validation on training data only (`npm run bench:nlu -- --cv`); what each
 *  change gained and what was tried and left out: docs/decisions.md, "NLU engine settings". */
export const DEFAULT_SETTINGS: EngineSettings = {
  spelling: true, compounds: true, classifier: 'ensemble', nodeNlpWeight: 0.2, nodeNlpSkipAbove: 0.9, stems: true, subword: DEFAULT_SUBWORD_SETTINGS,
};

/**
 * Threshold on the top intent's combined score (0..1). Calibrated on the held-out tests of
 * knowledge/nlu (261 de + 261 en, written after the model settings were fixed by 5-fold
 * cross-validation on the training utterances). Held-out accuracy by threshold (de / en):
 *   0–0.15: 95.4 / 91.6 %   0.2: 95.0 / 90.8   0.25: 94.6 / 90.4   0.3: 93.5 / 90.4   0.5: 92.3 / 87.4
 * Out-of-scope messages are mostly caught by the trained out_of_scope intent, not by the threshold;
 * 0.15 is the highest value that costs nothing on the tests and still turns gibberish-like,
 * evenly spread guesses into 'None'. Override with NLU_THRESHOLD.
 * Rechecked with engine nlu-3 (subword alone): 0–0.2 give 95.4 / 92.3 %, 0.25 gives 95.0 / 92.0.
 */
export const DEFAULT_THRESHOLD = 0.15;

/** Hash over the trained content (intents + utterances; held-out tests are not trained on and do
 *  not invalidate the cache), the place words, the normalisation settings and the engine version. */
export function modelKey(corpora: Corpus[], settings: EngineSettings, places?: PlaceLexicon): string {
  const nodeNlpVersion = readNlpjsVersion();
  const content = corpora.map((c) => ({
    name: c.name,
    locale: c.locale,
    data: c.data.map((d) => ({ intent: d.intent, utterances: d.utterances })),
  }));
  return createHash('sha256')
    .update(JSON.stringify({ engine: ENGINE_VERSION, nodeNlpVersion, settings, places: places ?? null, content }))
    .digest('hex');
}

function readNlpjsVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(require.resolve('@nlpjs/nlp/package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function slug(corpora: Corpus[]): string {
  const locales = [...new Set(corpora.map((c) => c.locale))].sort().join('-');
  return locales.replace(/[^a-z0-9-]/g, '') || 'none';
}


// The cache is one binary file: a little-endian uint32 with the byte length of a JSON header, the
// header (key, node-nlp's model, the subword models without their tables, the vocabulary), zero bytes
// up to a multiple of 4, then the subword models' float32 tables. Format 1 was one 14 MB JSON text whose
// base64 tables cost most of its parse, and its garbage most of the start's collections.
/** a float32 table in the data part: its start and length, in floats */
type TableAt = [number, number];
interface CacheHeader {
  format: number;
  key: string;
  /** node-nlp's export, null when the settings leave node-nlp out */
  model: unknown;
  subword: Partial<Record<NluLang, SubwordModelMeta & { idfAt: TableAt; weightsAt: TableAt }>>;
  /** the vocabulary of each language (Vocabulary.toCounts), valid while `code` matches vocabularyCode() */
  vocabulary: { code: string; counts: Partial<Record<NluLang, [string, number][]>> };
}

interface Models { manager?: NlpjsModel; subword: Map<NluLang, SubwordClassifier>; vocab?: Map<NluLang, Vocabulary> }

// The code a vocabulary is built by (folding, words, entities, places): its text keys the cached one.
const VOCABULARY_CODE = ['./normalise', './places', '../text/fold'];
let vocabularyCodeKey: string | undefined;
function vocabularyCode(): string {
  if (vocabularyCodeKey === undefined) {
    const h = createHash('sha256');
    for (const m of VOCABULARY_CODE) h.update('\u0000').update(fs.readFileSync(require.resolve(m), 'utf8'));
    vocabularyCodeKey = h.digest('hex');
  }
  return vocabularyCodeKey;
}

function table(data: Buffer, at: unknown): Float32Array {
  if (!Array.isArray(at) || at.length !== 2 || !at.every((v) => Number.isInteger(v) && v >= 0) || (at[0] + at[1]) * 4 > data.length) throw new Error('a table lies outside the file');
  // an own, aligned copy: a view would keep the whole file's buffer alive
  const bytes = new Uint8Array(at[1] * 4);
  bytes.set(data.subarray(at[0] * 4, (at[0] + at[1]) * 4));
  return new Float32Array(bytes.buffer);
}

function readCache(file: string, key: string, langs: NluLang[], log: (m: string) => void): Models | undefined {
  if (!fs.existsSync(file)) return undefined;
  try {
    const buf = fs.readFileSync(file);
    if (buf.length < 4) throw new Error('cut short');
    const headerLength = buf.readUInt32LE(0);
    if (4 + headerLength > buf.length) throw new Error('cut short');
    const parsed = JSON.parse(buf.toString('utf8', 4, 4 + headerLength)) as Partial<CacheHeader>;
    if (parsed.format !== CACHE_FORMAT || parsed.key !== key || typeof parsed.model !== 'object'
      || typeof parsed.subword !== 'object' || parsed.subword === null) {
      throw new Error('format or key mismatch');
    }
    const data = buf.subarray((4 + headerLength + 3) & ~3);
    let manager: NlpjsModel | undefined;
    if (parsed.model !== null) {
      manager = createNlp(langs);
      manager.import(withoutGuesserSentences(parsed.model as object));
    }
    const subword = new Map<NluLang, SubwordClassifier>();
    for (const lang of langs) {
      const meta = parsed.subword[lang];
      if (!meta) throw new Error(`no subword model for ${lang}`);
      subword.set(lang, SubwordClassifier.fromParts(meta, table(data, meta.idfAt), table(data, meta.weightsAt)));
    }
    // a vocabulary that does not fit is built from the corpora again; the models stay
    let vocab: Map<NluLang, Vocabulary> | undefined;
    if (parsed.vocabulary?.code === vocabularyCode()) {
      try {
        vocab = new Map(langs.map((l) => {
          const counts = parsed.vocabulary!.counts?.[l];
          if (!Array.isArray(counts)) throw new Error(`no vocabulary for ${l}`);
          return [l, Vocabulary.fromCounts(counts)];
        }));
      } catch (err) {
        log(`nlu: cached vocabulary unusable (${(err as Error).message}); building it`);
      }
    }
    return { manager, subword, vocab };
  } catch (err) {
    log(`nlu: cache file ${path.basename(file)} is unreadable (${(err as Error).message}); retraining`);
    return undefined;
  }
}

function writeCache(dir: string, file: string, prefix: string, key: string, models: Models, log: (m: string) => void): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const tables: Float32Array[] = [];
    let floats = 0;
    const at = (t: Float32Array): TableAt => {
      tables.push(t);
      floats += t.length;
      return [floats - t.length, t.length];
    };
    const header: CacheHeader = {
      format: CACHE_FORMAT,
      key,
      model: models.manager ? JSON.parse(models.manager.export(true)) as unknown : null,
      subword: Object.fromEntries([...models.subword].map(([lang, m]) => {
        const { meta, idf, weights } = m.toParts();
        return [lang, { ...meta, idfAt: at(idf), weightsAt: at(weights) }];
      })),
      vocabulary: { code: vocabularyCode(), counts: Object.fromEntries([...(models.vocab ?? [])].map(([lang, v]) => [lang, v.toCounts()])) },
    };
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    const head = Buffer.alloc((4 + json.length + 3) & ~3);
    head.writeUInt32LE(json.length, 0);
    json.copy(head, 4);
    const parts = [head, ...tables.map((t) => Buffer.from(t.buffer, t.byteOffset, t.byteLength))];
    // write-then-rename: a crash or a parallel test run never leaves a half-written model behind
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(tmp, Buffer.concat(parts));
    fs.renameSync(tmp, file);
    for (const other of fs.readdirSync(dir)) {
      // format 1 files (.json) of this prefix go too
      if (other.startsWith(prefix) && (other.endsWith('.json') || other.endsWith('.bin')) && path.join(dir, other) !== file) {
        fs.rmSync(path.join(dir, other), { force: true });
      }
    }
  } catch (err) {
    log(`nlu: could not write model cache (${(err as Error).message}); continuing without`);
  }
}

export async function createNluEngine(opts: NluEngineOptions): Promise<NluEngine> {
  const log = opts.log ?? (() => undefined);
  const settings: EngineSettings = {
    ...DEFAULT_SETTINGS, ...opts.settings, subword: { ...DEFAULT_SUBWORD_SETTINGS, ...opts.settings?.subword },
  };
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const langs = [...new Set(opts.corpora.map((c) => c.locale))] as NluLang[];
  if (langs.length === 0) throw new Error('createNluEngine: no corpora');

  const places = opts.places ? compilePlaces(opts.places, foldText) : undefined;
  const intents = [...new Set(opts.corpora.flatMap((c) => c.data.map((d) => d.intent)))];
  const key = modelKey(opts.corpora, settings, opts.places);
  const prefix = `nlu-${slug(opts.corpora)}-`;
  const file = path.join(opts.cacheDir, `${prefix}${key.slice(0, 16)}.bin`);
  const useCache = opts.cache !== false;

  let models = useCache ? readCache(file, key, langs, log) : undefined;
  // Vocabulary per language from the training utterances; kept in the model cache, as folding every
  // utterance and replacing its entities was ~90 ms of each start.
  const vocab = models?.vocab ?? new Map<NluLang, Vocabulary>();
  if (!models?.vocab) {
    for (const lang of langs) {
      const texts = opts.corpora.filter((c) => c.locale === lang)
        .flatMap((c) => c.data.flatMap((d) => d.utterances))
        .map((u) => replaceEntities(foldText(u), places));
      vocab.set(lang, new Vocabulary(texts));
    }
  }
  const prepare = (text: string, lang: NluLang): string => normaliseForNlu(text, vocab.get(lang), settings, places);
  if (models) {
    log(`nlu: loaded model ${path.basename(file)} (cache hit)`);
  } else {
    const started = Date.now();
    const manager = settings.classifier === 'subword' ? undefined : createNlp(langs);
    const docs = new Map<NluLang, Array<{ text: string; intent: string }>>(langs.map((l) => [l, []]));
    for (const corpus of opts.corpora) {
      for (const item of corpus.data) {
        for (const utterance of item.utterances) {
          const prepared = prepare(utterance, corpus.locale);
          if (!prepared) continue;
          manager?.addDocument(corpus.locale, prepared, item.intent);
          docs.get(corpus.locale)?.push({ text: prepared, intent: item.intent });
        }
      }
    }
    await manager?.train();
    const subword = new Map<NluLang, SubwordClassifier>();
    for (const [lang, list] of docs) {
      subword.set(lang, SubwordClassifier.train(list, { ...settings.subword, stem: settings.stems ? lang : 'none' }));
    }
    const count = [...docs.values()].reduce((n, l) => n + l.length, 0);
    log(`nlu: trained ${count} utterances (${langs.join(', ')}) in ${Date.now() - started} ms (cache miss)`);
    models = { manager, subword, vocab };
    if (useCache) writeCache(opts.cacheDir, file, prefix, key, models, log);
  }
  const { manager: trained, subword } = models;

  async function classify(text: string, lang: NluLang): Promise<NluResult> {
    if (!vocab.has(lang)) throw new Error(`createNluEngine: no corpus for language ${lang}`);
    const grade = extractGrade(text);
    const entities = grade === undefined ? {} : { grade };
    const prepared = prepare(text, lang);
    // Not one word the corpus knows ("asdfg jklö"): any intent would be a guess.
    if (!prepared || !words(prepared).some((w) => vocab.get(lang)!.has(w))) return { lang, intent: NONE, score: 0, ranked: [], entities };
    const sub = settings.classifier === 'nodenlp' ? [] : subword.get(lang)?.predict(prepared) ?? [];
    const confident = settings.classifier === 'ensemble' && sub.length > 0 && sub[0].score >= settings.nodeNlpSkipAbove;
    const nlp = trained && !confident ? (await trained.classify(lang, prepared)).classifications ?? [] : [];
    const scores = combine(nlp, sub, confident ? { ...settings, classifier: 'subword' } : settings);
    const all = scores.filter((c) => c.intent !== NONE);
    const ranked = all.slice(0, 5);
    const top = scores[0];
    const score = top && top.intent !== NONE ? top.score : 0;
    const accepted = top !== undefined && top.intent !== NONE && top.intent !== OUT_OF_SCOPE && top.score >= threshold;
    return { lang, intent: accepted ? top.intent : NONE, score, ranked, entities };
  }

  return {
    classify,
    detectLanguage: detect,
    threshold,
    intents,
  };
}

/** Merge node-nlp's and the subword model's distributions (see EngineSettings). node-nlp's own
 *  'None' (unknown words) counts towards out_of_scope when the corpus has that intent. */
export function combine(nlp: NlpClassification[], sub: IntentScore[], settings: Pick<EngineSettings, 'classifier' | 'nodeNlpWeight'>): IntentScore[] {
  const sorted = (list: IntentScore[]): IntentScore[] => [...list].sort((a, b) => b.score - a.score);
  if (settings.classifier === 'nodenlp' || sub.length === 0) return sorted(nlp.map((c) => ({ intent: c.intent, score: c.score })));
  if (settings.classifier === 'subword') return sorted(sub);
  const pNlp = new Map<string, number>();
  const hasOos = sub.some((c) => c.intent === OUT_OF_SCOPE);
  for (const c of nlp) {
    const intent = c.intent === NONE && hasOos ? OUT_OF_SCOPE : c.intent;
    pNlp.set(intent, (pNlp.get(intent) ?? 0) + c.score);
  }
  const raw = sub.map((c) => ({ intent: c.intent, score: c.score * Math.pow((pNlp.get(c.intent) ?? 0) + 0.01, settings.nodeNlpWeight) }));
  const total = raw.reduce((s, c) => s + c.score, 0) || 1;
  return sorted(raw.map((c) => ({ intent: c.intent, score: c.score / total })));
}
