// The checks behind `npm run kb:check`: every content file in knowledge/ against its schema, the
// references between files, formats people rely on (phone, e-mail, opening hours), duplicates,
// and review dates. Pure apart from reading files; the CLI only prints the report.
import * as fs from 'fs';
import * as path from 'path';
import type { z } from 'zod';
import { crossCheckPack, type Issue, type JsonPath, type Severity } from '../offers/crossCheck';
import {
  CategoriesFileSchema, MunicipalityFileSchema, OffersFileSchema, RegionsFileSchema,
  type CategoriesFile, type MunicipalityFile, type OffersFile, type RegionsFile,
} from '../offers/schema';
import { ContentError, lineOfPath, parseJsonText } from './jsonFile';
import { safetyPatternProblems } from '../safety/safety';
import { parseSafetyCorpus } from '../safety/classifier';
import { LettersFileSchema } from '../care/letters';
import { NbaCatalogueSchema } from '../care/nbaSchema';
import { HolidaysFileSchema } from '../care/deadlines';
import {
  AnswersFileSchema, BenefitsFileSchema, ConceptsFileSchema, CorpusSchema, QuestionsFileSchema, SafetySchema, SourcesFileSchema,
  type Answer, type BenefitsFile, type Corpus, type QuestionsFile, type Supplement,
} from './schema';
import { questionProblems, type QuestionLayer } from './questions';
import { RerankModelSchema } from '../nlu/rerank';
import { checkAnswerLayers, checkConcepts, type AnswerLayerFile } from './rules';
import { auditShortAnswers, compileShortAudit, ShortAuditFileSchema } from './shortAudit';

export type { Issue, Severity };

export interface CheckOptions {
  /** "today" for review-date warnings; injected so results do not depend on the clock */
  now: Date;
  /** used when no municipality.json says otherwise */
  defaultStaleAfterDays?: number;
}

export interface CheckReport {
  root: string;
  issues: Issue[];
  /** files that were read and validated */
  checked: string[];
  errors: number;
  warnings: number;
}

const DAY_MS = 86_400_000;

class Collector {
  readonly issues: Issue[] = [];
  readonly checked: string[] = [];
  private texts = new Map<string, string>();

  add(severity: Severity, file: string, p: JsonPath, code: string, message: string): void {
    const text = this.texts.get(file);
    this.issues.push({ severity, file, path: p, code, message, line: text ? lineOfPath(text, p) : undefined });
  }

  /** Read, parse and validate; reports problems and returns undefined when the file is unusable. */
  load<S extends z.ZodTypeAny>(file: string, schema: S): z.infer<S> | undefined {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    } catch (err) {
      this.issues.push({ severity: 'error', file, path: [], code: 'unreadable', message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})` });
      return undefined;
    }
    this.texts.set(file, text);
    this.checked.push(file);
    let data: unknown;
    try {
      data = parseJsonText(file, text);
    } catch (err) {
      const ce = err as ContentError;
      this.issues.push({ severity: 'error', file, path: [], code: 'json_syntax', message: ce.message.replace(/^[^:]*:\d*:?\s*/, ''), line: ce.line });
      return undefined;
    }
    const r = schema.safeParse(data);
    if (!r.success) {
      for (const issue of r.error.issues) this.add('error', file, issue.path as JsonPath, 'schema', issue.message);
      return undefined;
    }
    return r.data;
  }
}

function ageDays(date: string, now: Date): number {
  return (now.getTime() - Date.parse(`${date}T00:00:00Z`)) / DAY_MS;
}

function listJson(dir: string): string[] {
  try {
    return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}

function subdirs(dir: string): string[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(dir, d.name)).sort();
  } catch {
    return [];
  }
}

interface CityPack { dir: string; regions?: RegionsFile; offers?: OffersFile; municipality?: MunicipalityFile }

function checkCity(c: Collector, dir: string, categories: CategoriesFile | undefined, categoriesFile: string, opts: CheckOptions): CityPack {
  const files = {
    regions: path.join(dir, 'regions.json'),
    offers: path.join(dir, 'offers.json'),
    municipality: path.join(dir, 'municipality.json'),
    categories: categoriesFile,
  };
  const pack: CityPack = { dir };
  for (const key of ['regions', 'offers', 'municipality'] as const) {
    if (!fs.existsSync(files[key])) c.add('error', files[key], [], 'missing_file', `a city folder with municipality data needs ${key}.json`);
  }
  if (fs.existsSync(files.regions)) pack.regions = c.load(files.regions, RegionsFileSchema);
  if (fs.existsSync(files.offers)) pack.offers = c.load(files.offers, OffersFileSchema);
  if (fs.existsSync(files.municipality)) pack.municipality = c.load(files.municipality, MunicipalityFileSchema);
  if (!pack.regions || !pack.offers || !pack.municipality || !categories) return pack;

  for (const i of crossCheckPack({ regions: pack.regions, offers: pack.offers, municipality: pack.municipality, categories }, files)) {
    c.add(i.severity, i.file, i.path, i.code, i.message);
  }
  const stale = pack.municipality.staleAfterDays;
  pack.offers.offers.forEach((o, i) => {
    if (!o.sourceUrl) c.add('error', files.offers, ['offers', i, 'sourceUrl'], 'missing_source', 'offer without source');
    if (o.verified.date === null) c.add('warning', files.offers, ['offers', i, 'verified'], 'stale', `${o.id}: source undated – confirm with the provider and set a staff date`);
    else if (ageDays(o.verified.date, opts.now) > stale) c.add('warning', files.offers, ['offers', i, 'verified', 'date'], 'stale', `${o.id}: last confirmed ${o.verified.date}, older than ${stale} days`);
    for (const f of o.flags.filter((x) => x === 'conflict' || x === 'old')) {
      c.add('warning', files.offers, ['offers', i, 'flags'], `flag_${f}`, `${o.id}: marked "${f}" – see notes`);
    }
  });
  pack.municipality.contacts.forEach((k, i) => {
    if (k.source.date === null) c.add('warning', files.municipality, ['contacts', i, 'source'], 'stale', `contact ${k.id}: source undated`);
    else if (ageDays(k.source.date, opts.now) > stale) c.add('warning', files.municipality, ['contacts', i, 'source', 'date'], 'stale', `contact ${k.id}: information from ${k.source.date}, older than ${stale} days`);
  });
  for (const [file, reviewed] of [[files.regions, pack.regions.reviewed], [files.municipality, pack.municipality.reviewed]] as const) {
    if (ageDays(reviewed, opts.now) > stale) c.add('warning', file, ['reviewed'], 'stale_review', `reviewed ${reviewed}, older than ${stale} days`);
  }
  return pack;
}

export function checkKnowledge(root: string, opts: CheckOptions): CheckReport {
  const c = new Collector();
  const absRoot = path.resolve(root);
  let staleAfter = opts.defaultStaleAfterDays ?? 730;
  const notice = (file: string, message: string) => c.issues.push({ severity: 'notice', file, path: [], code: 'skipped', message });

  // Shared category vocabulary.
  const categoriesFile = path.join(absRoot, 'offer-categories.json');
  let categories: CategoriesFile | undefined;
  if (fs.existsSync(categoriesFile)) categories = c.load(categoriesFile, CategoriesFileSchema);
  else notice(categoriesFile, 'not found: offers cannot be checked against categories');

  // City packs: every folder with a municipality.json.
  const cities: CityPack[] = [];
  for (const dir of subdirs(absRoot)) {
    if (fs.existsSync(path.join(dir, 'municipality.json'))) cities.push(checkCity(c, dir, categories, categoriesFile, opts));
  }
  const firstMunicipality = cities.find((x) => x.municipality)?.municipality;
  if (firstMunicipality) staleAfter = firstMunicipality.staleAfterDays;
  if (!cities.length) notice(absRoot, 'no city folder with municipality.json found');

  // Sources: the shared sources.json and each folder's own (a state's, a city's). A folder cites
  // the shared ones, federal/'s, and its own; a city also its state's (municipality.json `state`).
  const sourcesFile = path.join(absRoot, 'sources.json');
  let sourceIds: Set<string> | undefined;
  const sourceFolder = new Map<string, string>();
  const usedSources = new Set<string>();
  const sourcesFiles = [sourcesFile, ...subdirs(absRoot).map((d) => path.join(d, 'sources.json')).filter((f) => fs.existsSync(f))];
  if (fs.existsSync(sourcesFile)) {
    sourceIds = new Set();
    for (const file of sourcesFiles) {
      const sources = c.load(file, SourcesFileSchema);
      if (!sources) continue;
      sources.sources.forEach((s, i) => {
        const prev = sourceFolder.get(s.id);
        if (prev !== undefined) c.add('error', file, ['sources', i, 'id'], 'duplicate_id', `source id "${s.id}" appears twice`);
        else sourceFolder.set(s.id, path.dirname(file));
        sourceIds!.add(s.id);
        if (ageDays(s.accessed, opts.now) > staleAfter) c.add('warning', file, ['sources', i, 'accessed'], 'stale', `source ${s.id} last checked ${s.accessed}`);
      });
    }
  } else notice(sourcesFile, 'not found: answer sources cannot be checked');
  const stateOf = new Map(cities.map((x) => [x.dir, x.municipality ? path.join(absRoot, x.municipality.state.toLowerCase()) : undefined]));
  /** why a folder may not cite a source ('' when it may) */
  const cannotCite = (folder: string, id: string): string => {
    const from = sourceFolder.get(id);
    if (from === undefined) return `unknown source id "${id}" (see sources.json)`;
    const visible = [absRoot, path.join(absRoot, 'federal'), folder, stateOf.get(folder)];
    return visible.includes(from) ? '' : `source "${id}" belongs to ${path.relative(absRoot, from)}/ and cannot be cited from ${path.relative(absRoot, folder)}/`;
  };

  // The self-check's catalogue and the letter templates: what the bot reads at its start.
  const federalFiles: Array<[string, z.ZodType<{ reviewed: string }>]> = [['nba.json', NbaCatalogueSchema], ['letters.json', LettersFileSchema]];
  for (const [name, schema] of federalFiles) {
    const file = path.join(absRoot, 'federal', name);
    if (!fs.existsSync(file)) continue;
    const data = c.load(file, schema);
    if (data && ageDays(data.reviewed, opts.now) > staleAfter) c.add('warning', file, ['reviewed'], 'stale_review', `reviewed ${data.reviewed}`);
  }

  // A state's public holidays (working days for the decision and objection deadlines).
  for (const dir of subdirs(absRoot)) {
    const file = path.join(dir, 'holidays.json');
    if (fs.existsSync(file)) c.load(file, HolidaysFileSchema);
  }

  // Benefits table.
  const benefitsFile = path.join(absRoot, 'federal', 'benefits.json');
  let benefits: BenefitsFile | undefined;
  if (fs.existsSync(benefitsFile)) {
    benefits = c.load(benefitsFile, BenefitsFileSchema);
    if (benefits) {
      const ids = new Set<string>();
      if (ageDays(benefits.reviewed, opts.now) > staleAfter) c.add('warning', benefitsFile, ['reviewed'], 'stale_review', `reviewed ${benefits.reviewed}`);
      if (benefits.nextScheduledChange && Date.parse(benefits.nextScheduledChange) <= opts.now.getTime()) {
        c.add('warning', benefitsFile, ['nextScheduledChange'], 'change_due', `the scheduled change on ${benefits.nextScheduledChange} has passed: enter the new amounts`);
      }
      benefits.benefits.forEach((b, i) => {
        if (ids.has(b.id)) c.add('error', benefitsFile, ['benefits', i, 'id'], 'duplicate_id', `benefit id "${b.id}" appears twice`);
        ids.add(b.id);
        b.values.forEach((v, j) => {
          if (j > 0 && v.validFrom <= b.values[j - 1].validFrom) c.add('error', benefitsFile, ['benefits', i, 'values', j, 'validFrom'], 'order', 'values must be in ascending validFrom order');
          if (sourceIds) {
            usedSources.add(v.source);
            if (!sourceIds.has(v.source)) c.add('error', benefitsFile, ['benefits', i, 'values', j, 'source'], 'unknown_source', `unknown source id "${v.source}" (see sources.json)`);
          }
        });
      });
    }
  } else notice(benefitsFile, 'not found: amount placeholders in answers cannot be checked');

  // NLU corpora and safety patterns.
  const corpora: Corpus[] = [];
  for (const file of listJson(path.join(absRoot, 'nlu'))) {
    let raw: Record<string, unknown> | null | undefined;
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
      raw = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
    } catch {
      raw = undefined; // syntax errors are reported by c.load below
    }
    if (raw && 'categories' in raw && !('data' in raw)) {
      checkSafety(c, file);
      continue;
    }
    if (raw !== undefined && !(raw && 'data' in raw)) {
      notice(file, 'not an NLU corpus (no "data"): skipped');
      continue;
    }
    const corpus = c.load(file, CorpusSchema);
    if (!corpus) continue;
    corpora.push(corpus);
    const intents = new Set<string>();
    const training = new Set<string>();
    corpus.data.forEach((d, i) => {
      if (intents.has(d.intent)) c.add('error', file, ['data', i, 'intent'], 'duplicate_intent', `intent "${d.intent}" appears twice`);
      intents.add(d.intent);
      for (const u of d.utterances) training.add(u.trim().toLowerCase());
    });
    corpus.data.forEach((d, i) => d.tests.forEach((t, j) => {
      if (training.has(t.trim().toLowerCase())) c.add('warning', file, ['data', i, 'tests', j], 'test_in_training', `held-out test "${t}" is also a training utterance`);
    }));
  }
  const safetyFile = path.join(absRoot, 'safety.json');
  if (fs.existsSync(safetyFile)) checkSafety(c, safetyFile);
  const safetyCorpus = path.join(absRoot, 'safety-corpus.jsonl');
  if (fs.existsSync(safetyCorpus)) {
    try {
      parseSafetyCorpus(fs.readFileSync(safetyCorpus, 'utf8'), safetyCorpus);
    } catch (e) {
      c.add('error', safetyCorpus, [], 'schema', (e as Error).message);
    }
  }

  // Answers in every first-level folder.
  const answerIds = new Map<string, string>();
  const answers: { file: string; index: number; a: Answer }[] = [];
  const supplements: { file: string; index: number; sup: Supplement }[] = [];
  const answerFiles: AnswerLayerFile[] = [];
  for (const dir of subdirs(absRoot)) {
    const file = path.join(dir, 'answers.json');
    if (!fs.existsSync(file)) continue;
    const data = c.load(file, AnswersFileSchema);
    if (!data) continue;
    answerFiles.push({ file, data });
    data.answers.forEach((a, index) => {
      if (!answerIds.has(a.id)) answerIds.set(a.id, file);
      answers.push({ file, index, a });
    });
    data.supplements.forEach((sup, index) => supplements.push({ file, index, sup }));
  }
  const benefitIds = new Set(benefits?.benefits.map((b) => b.id) ?? []);
  const intentIds = new Set(corpora.flatMap((k) => k.data.map((d) => d.intent)));
  // the rules start-up stops at (rules.ts), here all listed
  checkAnswerLayers(answerFiles, {
    root: absRoot,
    benefitIds: benefits ? benefitIds : undefined,
    whyNotCite: sourceIds ? (file, id) => cannotCite(path.dirname(file), id) : undefined,
  }, c);
  if (sourceIds) for (const { a } of answers) a.sources.forEach((s) => usedSources.add(s));
  if (sourceIds) for (const { sup } of supplements) sup.sources.forEach((s) => usedSources.add(s));
  /** answers no intent leads to: fine when question entries lead to them (checked below) */
  const noIntent: { file: string; at: JsonPath; id: string }[] = [];
  for (const { file, index, sup } of supplements) {
    if (ageDays(sup.reviewed, opts.now) > staleAfter) c.add('warning', file, ['supplements', index, 'reviewed'], 'stale_review', `supplement to ${sup.answer} reviewed ${sup.reviewed}`);
  }
  for (const { file, index, a } of answers) {
    const at = (...p: JsonPath): JsonPath => ['answers', index, ...p];
    if (a.offerCategory && categories && !categories.categories.some((k) => k.id === a.offerCategory)) {
      c.add('error', file, at('offerCategory'), 'unknown_category', `unknown offer category "${a.offerCategory}" (see offer-categories.json)`);
    }
    a.followUps.forEach((f, j) => {
      if (!answerIds.has(f)) c.add('error', file, at('followUps', j), 'unknown_answer', `follow-up "${f}" is not an answer id`);
    });
    if (ageDays(a.reviewed, opts.now) > staleAfter) c.add('warning', file, at('reviewed'), 'stale_review', `answer ${a.id} reviewed ${a.reviewed}`);
    if (corpora.length && !intentIds.has(a.id)) noIntent.push({ file, at: at('id'), id: a.id });
  }
  // Question entries: the same rules as at start-up (bot/knowledge/questions.ts), all listed.
  const entryIds = new Map<string, string>();
  const entryFiles: { file: string; data: QuestionsFile }[] = [];
  const stateFolders = new Set([...stateOf.values()].filter((x): x is string => !!x));
  const cityNamesRe = cities.map((x) => x.municipality?.name).filter((x): x is string => !!x);
  for (const dir of subdirs(absRoot)) {
    const layer: QuestionLayer = path.basename(dir) === 'federal' ? 'federal' : stateFolders.has(dir) ? 'state' : 'municipality';
    for (const file of listJson(path.join(dir, 'questions'))) {
      const data = c.load(file, QuestionsFileSchema);
      if (!data) continue;
      const own = new Set<string>();
      data.sources.forEach((s, i) => {
        if (sourceFolder.has(s.id) || entryFiles.some((e) => e.data.sources.some((x) => x.id === s.id))) c.add('error', file, ['sources', i, 'id'], 'duplicate_id', `source id "${s.id}" appears twice`);
        own.add(s.id);
        if (ageDays(s.accessed, opts.now) > staleAfter) c.add('warning', file, ['sources', i, 'accessed'], 'stale', `source ${s.id} last checked ${s.accessed}`);
      });
      for (const p of questionProblems(data, {
        layer,
        canCite: (id) => own.has(id) || (!!sourceIds && cannotCite(dir, id) === ''),
        benefitIds,
        topicExists: (id) => answerIds.has(id),
        idTaken: (id) => answerIds.has(id) || entryIds.has(id),
      })) c.add('error', file, p.path as JsonPath, 'question', p.message);
      data.questions.forEach((q, i) => {
        q.sources.forEach((id) => usedSources.add(id));
        if (layer === 'federal') {
          for (const name of cityNamesRe) {
            for (const lang of ['de', 'en'] as const) {
              if ([q[lang].title, q[lang].short, q[lang].details, q[lang].next].some((t) => t.includes(name))) c.add('error', file, ['questions', i, lang], 'question', `a federal text names the city "${name}"`);
            }
          }
        }
        if (ageDays(q.reviewed, opts.now) > staleAfter) c.add('warning', file, ['questions', i, 'reviewed'], 'stale_review', `question ${q.id} reviewed ${q.reviewed}`);
        if (!entryIds.has(q.id)) entryIds.set(q.id, file);
      });
      entryFiles.push({ file, data });
    }
  }
  // the re-ranker's weights (bot/nlu/rerank.ts): features as the code names them, one weight each
  const rerankFile = path.join(absRoot, 'rerank.json');
  if (fs.existsSync(rerankFile)) c.load(rerankFile, RerankModelSchema);
  const conceptsFile = path.join(absRoot, 'concepts.json');
  const conceptIds = new Set<string>();
  if (fs.existsSync(conceptsFile)) {
    const lexicon = c.load(conceptsFile, ConceptsFileSchema);
    if (lexicon) {
      checkConcepts(conceptsFile, lexicon, c);
      for (const k of lexicon.concepts) [k.id, ...k.aliases].forEach((x) => conceptIds.add(x));
    }
  }
  for (const { file, data } of entryFiles) {
    data.questions.forEach((q, i) => {
      q.followUps.forEach((f, j) => {
        if (!answerIds.has(f) && !entryIds.has(f)) c.add('error', file, ['questions', i, 'followUps', j], 'unknown_answer', `follow-up "${f}" is neither an answer nor a question entry`);
      });
      q.concepts.forEach((k, j) => {
        if (conceptIds.size && !conceptIds.has(k)) c.add('warning', file, ['questions', i, 'concepts', j], 'unknown_concept', `concept "${k}" is not in concepts.json: add words for it there, or the entry cannot be found by it`);
      });
    });
  }
  // Does each short answer give the fact its question variants ask for (issue 17)? Words in short-audit.json.
  const auditFile = path.join(absRoot, 'short-audit.json');
  if (fs.existsSync(auditFile)) {
    const lexicon = c.load(auditFile, ShortAuditFileSchema);
    if (lexicon) {
      const { rules, problems } = compileShortAudit(lexicon);
      for (const p of problems) c.add('error', auditFile, p.path as JsonPath, 'schema', p.message);
      const flagged = new Map<string, Set<string>>();
      for (const { file, data } of entryFiles) {
        for (const f of auditShortAnswers(data, rules)) {
          c.add(f.severity, file, ['questions', f.index, f.lang, f.field], `short_${f.kind}`, f.message);
          flagged.set(f.kind, (flagged.get(f.kind) ?? new Set()).add(f.entry));
        }
      }
      const entries = new Set([...flagged.values()].flatMap((x) => [...x])).size;
      const byKind = rules.kinds.map((k) => `${k.id} ${flagged.get(k.id)?.size ?? 0}`).join(', ');
      c.issues.push({ severity: 'notice', file: auditFile, path: [], code: 'short_audit', message: `short answers that may miss the asked fact: ${entries} entries (${byKind})` });
    }
  }
  const entryTopics = new Set(entryFiles.flatMap((e) => e.data.questions.map((q) => q.topic)));
  for (const n of noIntent) {
    if (!entryTopics.has(n.id)) c.add('warning', n.file, n.at, 'no_intent', `neither an NLU intent nor a question entry leads to answer "${n.id}"`);
  }
  // an answer may name a question entry as its follow-up: the check above ran before entries were read
  for (const { file, index, a } of answers) {
    a.followUps.forEach((f, j) => {
      if (answerIds.has(f) || !entryIds.has(f)) return;
      const at = c.issues.findIndex((x) => x.file === file && x.code === 'unknown_answer' && x.path[1] === index && x.path[3] === j);
      if (at >= 0) c.issues.splice(at, 1);
    });
  }

  if (sourceIds && (answers.length || benefits)) {
    for (const id of sourceIds) if (!usedSources.has(id)) c.issues.push({ severity: 'notice', file: path.join(sourceFolder.get(id) ?? absRoot, 'sources.json'), path: [], code: 'unused_source', message: `source "${id}" is not used by any answer or benefit` });
  }
  for (const file of listJson(absRoot).concat(subdirs(absRoot).flatMap(listJson))) {
    if (!c.checked.includes(file) && !c.issues.some((i) => i.file === file)) notice(file, 'no check known for this file: skipped');
  }

  const issues = c.issues;
  return {
    root: absRoot,
    issues,
    checked: c.checked,
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
  };
}

function checkSafety(c: Collector, file: string): void {
  const safety = c.load(file, SafetySchema);
  if (!safety) return;
  for (const p of safetyPatternProblems(safety)) c.add('error', file, p.path, 'regex', p.message);
}

/** Human-readable report; long runs of the same warning are summarised. */
export function formatReport(report: CheckReport, opts: { verbose?: boolean; maxPerGroup?: number } = {}): string[] {
  const max = opts.verbose ? Infinity : opts.maxPerGroup ?? 6;
  const rel = (f: string) => path.relative(process.cwd(), f) || f;
  const lines: string[] = [];
  const bySeverity: [Severity, string][] = [['error', 'ERRORS'], ['warning', 'WARNINGS'], ['notice', 'NOTICES']];
  for (const [sev, title] of bySeverity) {
    const list = report.issues.filter((i) => i.severity === sev);
    if (!list.length) continue;
    lines.push('', `${title} (${list.length})`);
    const groups = new Map<string, Issue[]>();
    for (const i of list) {
      const key = `${i.file}\u0000${i.code}`;
      groups.set(key, [...(groups.get(key) ?? []), i]);
    }
    for (const group of groups.values()) {
      const shown = group.slice(0, max);
      for (const i of shown) {
        const where = `${rel(i.file)}${i.line ? `:${i.line}` : ''}`;
        const field = i.path.length ? ` ${i.path.join('.')}` : '';
        lines.push(`  ${where}${field}  [${i.code}] ${i.message}`);
      }
      if (group.length > shown.length) lines.push(`  … and ${group.length - shown.length} more [${group[0].code}] in ${rel(group[0].file)} (use --verbose to list all)`);
    }
  }
  lines.push('', `${report.checked.length} file(s) checked: ${report.errors} error(s), ${report.warnings} warning(s).`);
  return lines;
}
