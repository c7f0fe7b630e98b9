// The content rules that start-up (kb.ts) and `npm run kb:check` (check.ts) share, written once.
// Each rule reports to a Reporter; the two modes differ only there: start-up stops at the first
// error with file and line (stopAtFirst), kb:check collects every finding for staff.
//
// One rule where the two used to disagree: an answer id is defined once across all layers. A state
// or city changes a shared answer with a supplement (its sentence, next step and sources), never by
// a second answer with the same id, so that the reviewed federal text cannot be silently replaced.
import * as path from 'path';
import type { JsonPath, Severity } from '../offers/crossCheck';
import { contentErrorAt } from './jsonFile';
import type { AnswersFile, ConceptsFile, Lang } from './schema';

export interface Reporter {
  add(severity: Severity, file: string, at: JsonPath, code: string, message: string): void;
}

/** Start-up mode: the first error stops the start, naming file and line; warnings are kb:check's. */
export const stopAtFirst: Reporter = {
  add(severity, file, at, _code, message) {
    if (severity === 'error') throw contentErrorAt(file, at, message);
  },
};

/** One layer's answers.json, in layer order (federal, state, municipality). */
export interface AnswerLayerFile { file: string; data: AnswersFile }

export interface AnswerRules {
  /** the benefit ids of the table; without a table the amounts are not checked */
  benefitIds?: ReadonlySet<string>;
  /** why this file may not cite that source ('' when it may); without sources none are checked */
  whyNotCite?: (file: string, id: string) => string;
  /** for messages: where the knowledge folder is */
  root: string;
}

const BENEFIT_PLACEHOLDER = /\{\{\s*b\.([a-z0-9_]+)/g;

/** Answers and supplements of all layers: ids unique across layers, sources citable, every
 *  {{b.ID}} in the table, a supplement's answer exists in another layer. */
export function checkAnswerLayers(files: readonly AnswerLayerFile[], rules: AnswerRules, r: Reporter): void {
  const defined = new Map<string, string>();
  const cites = (file: string, at: JsonPath, what: string, ids: readonly string[]): void => {
    if (!rules.whyNotCite) return;
    ids.forEach((id, j) => {
      const why = rules.whyNotCite!(file, id);
      if (why) r.add('error', file, [...at, j], 'unknown_source', `${what} cites ${why}`);
    });
  };
  const amounts = (file: string, at: JsonPath, what: string, texts: Partial<Record<Lang, object>>): void => {
    if (!rules.benefitIds) return;
    for (const lang of ['de', 'en'] as const) {
      for (const [field, text] of Object.entries(texts[lang] ?? {})) {
        if (typeof text !== 'string') continue;
        for (const m of text.matchAll(BENEFIT_PLACEHOLDER)) {
          if (!rules.benefitIds.has(m[1])) r.add('error', file, [...at, lang, field], 'unknown_benefit', `${what} (${lang}.${field}) uses unknown benefit "${m[1]}"`);
        }
      }
    }
  };
  for (const { file, data } of files) {
    data.answers.forEach((a, i) => {
      const prev = defined.get(a.id);
      if (prev) {
        const where = prev === file ? 'this file' : path.relative(rules.root, prev);
        r.add('error', file, ['answers', i, 'id'], 'duplicate_id', `answer "${a.id}" is also in ${where} (a layer adds to a shared answer with a supplement)`);
      } else defined.set(a.id, file);
      cites(file, ['answers', i, 'sources'], `answer "${a.id}"`, a.sources);
      amounts(file, ['answers', i], `answer "${a.id}"`, a);
    });
  }
  for (const { file, data } of files) {
    data.supplements.forEach((sup, i) => {
      const what = `the supplement to "${sup.answer}"`;
      cites(file, ['supplements', i, 'sources'], what, sup.sources);
      amounts(file, ['supplements', i], what, sup);
      const target = defined.get(sup.answer);
      if (!target) r.add('error', file, ['supplements', i, 'answer'], 'unknown_answer', `supplement names answer "${sup.answer}", which does not exist`);
      else if (target === file) r.add('error', file, ['supplements', i, 'answer'], 'own_answer', `supplement to "${sup.answer}": the answer is in this layer, so cite the sources there`);
    });
  }
}

/** The concept lexicon: ids and aliases are each used once. */
export function checkConcepts(file: string, concepts: ConceptsFile, r: Reporter): void {
  const seen = new Set<string>();
  concepts.concepts.forEach((c, i) => {
    if (seen.has(c.id)) r.add('error', file, ['concepts', i, 'id'], 'duplicate_id', `concept "${c.id}" appears twice`);
    seen.add(c.id);
  });
  concepts.concepts.forEach((c, i) => c.aliases.forEach((a, j) => {
    if (seen.has(a)) r.add('error', file, ['concepts', i, 'aliases', j], 'duplicate_id', `alias "${a}" is also a concept id or another concept's alias`);
    seen.add(a);
  }));
}
