// Per-message cost of question retrieval in process (CPU time, not wall clock: the machine is
// shared), on the bench questions and the project's own case messages; plus the time to build the
// knowledge base with its index. Prints figures only. `node dist/scripts/bench/retrievalCost.js [rounds]`
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadKnowledgeBase } from '../../bot/knowledge/kb';
import type { RLang } from '../../bot/nlu/retrieve';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const rounds = Number(process.argv[2] ?? 20);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

const c0 = cpu();
const kb = loadKnowledgeBase({ knowledgeDir: path.join(ROOT, 'knowledge'), state: 'nrw', municipality: 'muelheim' });
const buildMs = cpu() - c0;
const { questions } = JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts', 'bench', 'questions.json'), 'utf8')) as { questions: string[] };
const cases = fs.readFileSync(path.join(ROOT, 'test', 'cases', 'cases.jsonl'), 'utf8').split('\n').filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { text?: string; locale?: string }).filter((c) => c.text)
  .map((c) => ({ text: c.text!, lang: (c.locale?.startsWith('en') ? 'en' : 'de') as RLang }));
const topics = new Map([...new Set([...kb.questions.values()].map((q) => q.topic))].map((t, i) => [t, (i % 10) / 10]));

function run(list: { text: string; lang: RLang }[]): number {
  for (const m of list) kb.retriever.retrieve(m.text, m.lang, { topicScores: topics });
  const a = cpu();
  for (let r = 0; r < rounds; r++) for (const m of list) kb.retriever.retrieve(m.text, m.lang, { topicScores: topics });
  return (cpu() - a) / (rounds * list.length);
}
const bench = run(questions.map((text) => ({ text, lang: 'de' as RLang })));
const own = run(cases);
console.log(`entries ${kb.retriever.size}, knowledge base + index ${buildMs.toFixed(0)} ms CPU; retrieve: bench questions ${bench.toFixed(3)} ms, `
  + `cases.jsonl (${cases.length}) ${own.toFixed(3)} ms CPU per message (${rounds} rounds)`);
