// npm run eval:retrieval — how well the question-entry retrieval (bot/nlu/retrieve.ts) finds the entry
// that answers a question, measured on text it was not built from:
//  1. variant folds: for fold i, the i-th question variant of every entry is left out of the index and
//     asked; right = the retrieval answers with that entry; wrong = it answers with another entry;
//     the rest falls back to the topic (not wrong, but not specific);
//  2. topic questions: the intent corpus's held-out tests (knowledge/nlu *.tests) ask general topic
//     questions; "taken" = an entry of another topic answered instead (a hijack).
// Options: --settings JSON (override DEFAULT_RETRIEVAL), --grid (the design steps of docs/retrieval.md)
import { MemoryStorage } from 'botbuilder';
import pino from 'pino';
import { loadConfig } from '../bot/config';
import { buildApp } from '../bot/app';
import { createLogger } from '../bot/log';
import { createRetriever, DEFAULT_RETRIEVAL, type RetrievalEntry, type RetrievalSettings } from '../bot/nlu/retrieve';
import { extractFacts, factConcepts } from '../bot/nlu/facts';
import type { KnowledgeBase } from '../bot/knowledge/kb';
import type { Nlu } from '../bot/services';
import type { Lang } from '../bot/knowledge/schema';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Row { name: string; right: number; wrong: number; fallback: number; total: number; taken: number; sameTopic: number; topicTotal: number }

function entriesOf(kb: KnowledgeBase, knowledgeDir: string, withTopics: boolean): RetrievalEntry[] {
  const out: RetrievalEntry[] = [...kb.questions.values()].map((q) => ({
    id: q.id, kind: 'entry', topic: q.topic, concepts: q.concepts,
    de: { q: q.q.de, title: q.de.title }, en: { q: q.q.en, title: q.en.title },
  }));
  if (!withTopics) return out;
  const read = (lang: Lang) => (JSON.parse(fs.readFileSync(path.join(knowledgeDir, 'nlu', `${lang}.json`), 'utf8')) as { data: { intent: string; utterances: string[] }[] }).data;
  const en = new Map(read('en').map((d) => [d.intent, d.utterances]));
  for (const d of read('de')) {
    if (!en.has(d.intent)) continue;
    out.push({ id: d.intent, kind: 'topic', topic: d.intent, concepts: [], de: { q: d.utterances, title: kb.answers.get(d.intent)?.de.title ?? '' }, en: { q: en.get(d.intent)!, title: kb.answers.get(d.intent)?.en.title ?? '' } });
  }
  return out;
}

async function evaluate(
  name: string, kb: KnowledgeBase, nlu: Nlu, knowledgeDir: string, settings: RetrievalSettings,
  opts: { topics: boolean; prior: boolean; facts: boolean },
): Promise<Row> {
  const all = entriesOf(kb, knowledgeDir, opts.topics);
  const row: Row = { name, right: 0, wrong: 0, fallback: 0, total: 0, taken: 0, sameTopic: 0, topicTotal: 0 };
  const priors = async (text: string, lang: Lang) =>
    (opts.prior ? new Map((await nlu.classify(text, lang)).ranked.map((x) => [x.intent, x.score])) : undefined);
  const maxVariants = Math.max(...all.filter((e) => e.kind === 'entry').map((e) => e.de.q.length));
  for (let fold = 0; fold < maxVariants; fold++) {
    const held: { id: string; lang: Lang; text: string }[] = [];
    const entries = all.map((e) => {
      if (e.kind !== 'entry') return e;
      const cut = (lang: Lang) => {
        const q = e[lang].q;
        if (fold >= q.length) return q;
        held.push({ id: e.id, lang, text: q[fold] });
        return q.filter((_, i) => i !== fold);
      };
      return { ...e, de: { ...e.de, q: cut('de') }, en: { ...e.en, q: cut('en') } };
    });
    const r = createRetriever(entries, kb.concepts);
    for (const h of held) {
      const ctx = opts.facts ? factConcepts(extractFacts(h.text)) : [];
      const got = r.retrieve(h.text, h.lang, { settings, topicScores: await priors(h.text, h.lang), contextConcepts: ctx }).entry;
      row.total++;
      if (!got) row.fallback++;
      else if (got.id === h.id) row.right++;
      else row.wrong++;
    }
  }
  const r = createRetriever(all, kb.concepts);
  for (const lang of ['de', 'en'] as const) {
    const corpus = JSON.parse(fs.readFileSync(path.join(knowledgeDir, 'nlu', `${lang}.json`), 'utf8')) as { data: { intent: string; tests: string[] }[] };
    for (const d of corpus.data) {
      if (!kb.answers.has(d.intent)) continue;
      for (const t of d.tests) {
        row.topicTotal++;
        const got = r.retrieve(t, lang, { settings, topicScores: await priors(t, lang) }).entry;
        if (got && got.topic !== d.intent) row.taken++;
        else if (got) row.sameTopic++;
      }
    }
  }
  return row;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('warn', false, pino.destination(2));
  const app = await buildApp(config, { storage: new MemoryStorage(), logger });
  const { kb, nlu } = app.services;
  const i = process.argv.indexOf('--settings');
  const base: RetrievalSettings = { ...DEFAULT_RETRIEVAL, ...(i > 0 ? (JSON.parse(process.argv[i + 1]) as Partial<RetrievalSettings>) : {}) };
  const runs: [string, RetrievalSettings, { topics: boolean; prior: boolean; facts: boolean }][] = process.argv.includes('--grid')
    ? [
      ['words only (BM25)', { ...base, variant: 0, grams: 0, concepts: 0, prior: 0, missingConcept: 1 }, { topics: false, prior: false, facts: false }],
      ['+ closest variant', { ...base, grams: 0, concepts: 0, prior: 0, missingConcept: 1 }, { topics: false, prior: false, facts: false }],
      ['+ char 4-grams', { ...base, concepts: 0, prior: 0, missingConcept: 1 }, { topics: false, prior: false, facts: false }],
      ['+ concepts', { ...base, prior: 0, missingConcept: 1 }, { topics: false, prior: false, facts: false }],
      ['+ topic utterances as rivals', { ...base, prior: 0, missingConcept: 1 }, { topics: true, prior: false, facts: false }],
      ['+ own concept required (x0.6)', { ...base, prior: 0 }, { topics: true, prior: false, facts: false }],
      ['+ intent prior', base, { topics: true, prior: true, facts: false }],
      ['+ story facts as context', base, { topics: true, prior: true, facts: true }],
    ]
    : process.argv.includes('--sweep')
      ? (JSON.parse(process.argv[process.argv.indexOf('--sweep') + 1]) as Partial<RetrievalSettings>[]).map((x) => [JSON.stringify(x), { ...base, ...x }, { topics: true, prior: true, facts: true }])
      : [['current', base, { topics: true, prior: true, facts: true }]];
  console.log(`${kb.questions.size} entries; settings ${JSON.stringify(base)}`);
  console.log('| step | variants right | wrong entry | topic fallback | topic tests: entry of another topic | topic tests: entry of the same topic |');
  console.log('|---|---|---|---|---|---|');
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)} %`;
  for (const [name, s, o] of runs) {
    const row = await evaluate(name, kb, nlu, config.knowledgeDir, s, o);
    console.log(`| ${name} | ${pct(row.right, row.total)} | ${pct(row.wrong, row.total)} | ${pct(row.fallback, row.total)} | ${pct(row.taken, row.topicTotal)} (${row.taken}/${row.topicTotal}) | ${pct(row.sameTopic, row.topicTotal)} |`);
  }
  process.exit(0);
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
