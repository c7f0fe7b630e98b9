// Dev tool (issue 17, eighth pass): training data for the re-ranker without hand labels. For every
// one-turn case of the dev files it takes what the re-ranker would see (understand.ts rerankInput:
// retrieval's top-k entries and the intent's topic as the "no entry" choice) and labels a candidate
// positive when its rendered answer (buildAnswerReply with the told grade: text, buttons, footer)
// matches every `expect` of the case and no `forbid`. Prints how many cases have a positive among
// the candidates (the ceiling) and how often today's choice (retrieval's decision, no re-ranker) passes.
// The held-out and unseen files are refused.
//
//   node dist/scripts/rerankData.js [--cases FILE]… [--out data/rerank-data.json]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildAnswerReply, type AnswerContext } from '../bot/conversation/answers';
import { rerankDecides, rerankInput, respectDenials, understand } from '../bot/conversation/understand';
import type { KnowledgeBase, LayeredAnswer } from '../bot/knowledge/kb';
import type { Lang } from '../bot/knowledge/schema';
import { extractFacts } from '../bot/nlu/facts';
import type { RerankInput } from '../bot/nlu/rerank';
import { parseCases, type Case } from './evalCases';
import { inProcessApp } from './inProcessApp';

const ROOT = path.resolve(__dirname, '..', '..');
export const DEV_FILES = [
  'real-dev.jsonl', 'real-own.jsonl', 'real-stories.jsonl', 'real-own2-content-a.jsonl', 'real-own2-content-b.jsonl',
  'real-own3-content-c.jsonl', 'real-own3-content-d.jsonl', 'real-own4-retr.jsonl', 'real-own4-content-e.jsonl',
  'real-own4-content-f.jsonl', 'real-own5-content-g.jsonl', 'real-own5-multi.jsonl', 'real-own6-retr.jsonl', 'real-own7-retr.jsonl',
  'real-own8-retr.jsonl', 'real-own9-retr.jsonl', 'cases.jsonl',
];
const REFUSED = /heldout|held-out|unseen|own-check|\/work\/heldout\//;

/** A re-ranker input as JSON (sets as lists) with the labels and today's choice. */
export interface RerankRow {
  file: string; id: string; lang: Lang;
  input: Omit<RerankInput, 'questionConcepts' | 'storyConcepts' | 'leadConcepts' | 'deniedConcepts'> & {
    questionConcepts: string[]; storyConcepts: string[]; leadConcepts?: string[]; deniedConcepts?: string[];
  };
  /** per candidate: its rendered answer passes the case */
  labels: boolean[];
  /** what the bot answers without the re-ranker (an entry id or the intent) and whether it passes */
  today: string; todayPasses: boolean;
  /** the message passes the story gate (understand.ts rerankDecides): the model decides it at run time */
  decides?: boolean;
}

export function revive(row: RerankRow): RerankInput {
  return {
    ...row.input, questionConcepts: new Set(row.input.questionConcepts), storyConcepts: new Set(row.input.storyConcepts),
    leadConcepts: new Set(row.input.leadConcepts ?? []), deniedConcepts: new Set(row.input.deniedConcepts ?? []),
  };
}

function replyText(a: LayeredAnswer, ctx: AnswerContext, now: Date): string {
  const r = buildAnswerReply(a, ctx, now, 'rerank');
  return [r.text, ...(r.suggestions ?? []).map((s) => s.title), r.footer ? JSON.stringify(r.footer) : ''].join('\n');
}

async function main(): Promise<void> {
  const given = process.argv.flatMap((a, i) => (process.argv[i - 1] === '--cases' ? [path.resolve(a)] : []));
  const files = given.length ? given : DEV_FILES.map((f) => path.join(ROOT, 'test', 'cases', f));
  for (const f of files) if (REFUSED.test(f)) throw new Error(`${f}: held-out and unseen files are never read for training`);
  const outArg = process.argv.indexOf('--out');
  const out = outArg > 0 ? process.argv[outArg + 1] : path.join(ROOT, 'data', 'rerank-data.json');
  const { app, stop } = await inProcessApp('pn-rerank-');
  const s = app.services;
  // today's decision: retrieval alone, whatever weights file is in knowledge/
  const kb: KnowledgeBase = { ...s.kb, reranker: undefined };
  const rows: RerankRow[] = [];
  const stats = new Map<string, { n: number; ceiling: number; today: number; todayInTop: number }>();
  for (const file of files) {
    const cases: Case[] = parseCases(fs.readFileSync(file, 'utf8'), file).filter((c) => typeof c.text === 'string');
    const st = { n: 0, ceiling: 0, today: 0, todayInTop: 0 };
    for (const c of cases) {
      const text = c.text!;
      const lang: Lang = s.nlu.detectLanguage(text) ?? (c.locale?.startsWith('en') ? 'en' : 'de');
      const facts = extractFacts(text, { detectStadtteil: (t) => s.local.detectPlace(t).stadtteil });
      const ctx: AnswerContext = { kb, t: s.i18n.t.bind(s.i18n), lang, amount: s.amount(lang, s.today()), local: s.local, grade: facts.grade };
      const passes = (a: LayeredAnswer | undefined) => {
        if (!a) return false;
        const reply = replyText(a, ctx, s.now());
        return (c.expect ?? []).every((re) => new RegExp(re, 'iu').test(reply)) && !(c.forbid ?? []).some((re) => new RegExp(re, 'iu').test(reply));
      };
      const nlu = respectDenials(kb, await s.nlu.classify(text, lang), text, lang);
      const u = understand(kb, nlu, text, lang, (t) => s.local.detectPlace(t).stadtteil);
      const input = rerankInput(kb, nlu, text, lang, facts, u.entry?.id ?? nlu.intent);
      const labels = input.candidates.map((x) => passes(x.kind === 'entry' ? kb.questions.get(x.id) : kb.answers.get(x.id)));
      const today = u.entry?.id ?? nlu.intent;
      const todayPasses = passes(u.entry ?? kb.answers.get(nlu.intent));
      rows.push({
        file: path.basename(file), id: c.id, lang, labels, today, todayPasses, decides: rerankDecides(kb, text, lang),
        input: {
          ...input, questionConcepts: [...input.questionConcepts], storyConcepts: [...input.storyConcepts], leadConcepts: [...input.leadConcepts ?? []],
          deniedConcepts: [...input.deniedConcepts ?? []],
        },
      });
      st.n += 1;
      if (labels.some(Boolean)) st.ceiling += 1;
      if (todayPasses) st.today += 1;
      if (input.candidates.some((x) => x.id === today)) st.todayInTop += 1;
    }
    stats.set(path.basename(file), st);
  }
  const total = { n: 0, ceiling: 0, today: 0, todayInTop: 0 };
  console.log('file                          cases  ≥1 positive in top-k (ceiling)  today\'s choice passes  today\'s choice among candidates');
  for (const [f, st] of [...stats, ['all', total] as const]) {
    if (f !== 'all') for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += st[k];
    console.log(`${f.padEnd(30)}${String(st.n).padStart(5)}  ${String(st.ceiling).padStart(8)}  ${String(st.today).padStart(22)}  ${String(st.todayInTop).padStart(22)}`);
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(rows));
  console.log(`${rows.length} rows → ${path.relative(process.cwd(), out)}`);
  await stop();
  process.exit(0);
}

if (require.main === module) {
  main().catch((e: Error) => {
    console.error(e.message);
    process.exit(1);
  });
}
