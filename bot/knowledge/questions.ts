// The rules for question entries (knowledge/<layer>/questions/*.json) beyond their schema, shared by
// the start-up (bot/knowledge/kb.ts stops at the first) and `npm run kb:check` (lists them all).
// Pure: what a rule needs from the rest of the knowledge base comes in as functions.
import type { QuestionsFile } from './schema';

export type QuestionLayer = 'federal' | 'state' | 'municipality';
export interface QuestionProblem { path: PropertyKey[]; message: string }

export interface QuestionRules {
  layer: QuestionLayer;
  /** the entry may cite this source (its own file's, the shared ones, its layer's and higher layers') */
  canCite(id: string): boolean;
  benefitIds: ReadonlySet<string>;
  topicExists(id: string): boolean;
  /** the id is already an answer or an entry of another file */
  idTaken(id: string): boolean;
}

/** Shared texts stay true in every state: they name no state, state law or city. */
export const STATE_TERMS = /\b(NRW|Nordrhein|Westfalen|Bayern|Baden|Württemberg|Berlin(er)?|Brandenburg|Bremen|Hamburg|Hessen|Niedersachsen|Mecklenburg|Vorpommern|Rheinland|Pfalz|Saarland|Sachsen|Anhalt|Schleswig|Holstein|Thüringen|Pflegewohngeld|APG|AnFöVO|WTG|Mülheim|Muelheim)\b/;
const AMOUNT = /\{\{\s*b\.([a-z][a-z0-9_]*)(?:\.([1-5]|grade))?\s*\}\}/g;
/** a euro amount typed into prose instead of {{b.ID}} */
const TYPED_EURO = /\d[\d.]*(,\d+)?\s?(€|Euro\b|euros?\b|EUR\b)/i;
const ABBREVIATIONS = /\b(z|d|u|bzw|ca|Nr|Abs|S|e\.g|i\.e|etc|vs|Dr|St|ggf|evtl|bspw|inkl|zzgl|Mr|Mrs|Ms)\./g;

/** Sentences of a short answer: '.', '?' and '!' ends, placeholders and abbreviations aside. */
export function sentenceCount(text: string): number {
  return text.replace(/\{\{[^}]+\}\}/g, 'X').replace(/\b([zdu])\.\s?([bha])\./gi, '$1$2').replace(ABBREVIATIONS, '$1').replace(/(\d)\.(\d)/g, '$1$2')
    .split(/[.!?](?:\s|$)/).filter((s) => s.trim()).length;
}

export const MAX_SHORT_SENTENCES = 3;

export function questionProblems(file: QuestionsFile, rules: QuestionRules): QuestionProblem[] {
  const out: QuestionProblem[] = [];
  const add = (path: PropertyKey[], message: string) => out.push({ path, message });
  const inFile = new Set<string>();
  file.questions.forEach((q, i) => {
    const at = (...p: PropertyKey[]) => ['questions', i, ...p];
    if (inFile.has(q.id) || rules.idTaken(q.id)) add(at('id'), `question id "${q.id}" is used twice (ids are unique across answers and question entries)`);
    inFile.add(q.id);
    if (!rules.topicExists(q.topic)) add(at('topic'), `topic "${q.topic}" is not an answer id`);
    q.sources.forEach((s, j) => {
      if (!rules.canCite(s)) add(at('sources', j), `source "${s}" is unknown here (cite knowledge/sources.json, this layer's sources.json or this file's own "sources")`);
    });
    const placeholders = { de: new Set<string>(), en: new Set<string>() };
    for (const lang of ['de', 'en'] as const) {
      const t = q[lang];
      for (const field of ['title', 'short', 'shortWithGrade', 'details', 'next'] as const) {
        const text = t[field];
        if (typeof text !== 'string') continue;
        for (const m of text.matchAll(AMOUNT)) {
          if (!rules.benefitIds.has(m[1])) add(at(lang, field), `placeholder {{b.${m[1]}}} names no benefit in benefits.json`);
          if (m[2] === 'grade' && field !== 'shortWithGrade') add(at(lang, field), `{{b.${m[1]}.grade}} only in shortWithGrade (the grade is not always known)`);
          if (field === 'short' || field === 'details') placeholders[lang].add(m[1]);
        }
        if (TYPED_EURO.test(text.replace(/\{\{[^}]+\}\}/g, ''))) add(at(lang, field), 'a euro amount is typed: put it in benefits.json and write {{b.ID}}');
        if (rules.layer === 'federal' && STATE_TERMS.test(text)) add(at(lang, field), `a federal text names a state, state law or city ("${STATE_TERMS.exec(text)![0]}"): move it to the state's questions`);
      }
      for (const field of ['short', 'shortWithGrade'] as const) {
        const text = t[field];
        if (typeof text === 'string' && sentenceCount(text) > MAX_SHORT_SENTENCES) add(at(lang, field), `${field} has ${sentenceCount(text)} sentences (at most ${MAX_SHORT_SENTENCES})`);
      }
      if (new Set(t.q.map((x) => x.trim().toLowerCase())).size < t.q.length) add(at(lang, 'q'), 'the same question variant is given twice');
    }
    const de = [...placeholders.de].sort().join(',');
    const en = [...placeholders.en].sort().join(',');
    if (de !== en) add(at('en'), `German and English name different amounts (de: ${de || '–'}; en: ${en || '–'}): same facts in both`);
    if (!!q.de.shortWithGrade !== !!q.en.shortWithGrade) add(at('en', 'shortWithGrade'), 'shortWithGrade in one language only');
  });
  return out;
}
