// Dev tool (issue 17): which knowledge answer *would* pass each conversation case, and where it
// stands in retrieval. For every one-turn case of the dev files it renders every entry's and topic's
// answer (buildAnswerReply, with the grade the story tells), checks the case's expect/forbid against
// it, and prints the rank of the best passing answer in retrieval read from the question sentences
// only and from the whole message, what the bot's understanding picked, and whether that was the
// intent engine's topic (no confident entry). A failing case is then either a content gap (no answer
// passes) or a ranking problem (a passing answer exists but loses). The held-out files are refused.
//
//   node dist/scripts/oracleCases.js [--cases FILE]… [--failing-only] [--json OUT]
// Default files: test/cases/real-dev.jsonl, real-own.jsonl, real-stories.jsonl, cases.jsonl.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildAnswerReply, type AnswerContext } from '../bot/conversation/answers';
import { fitsGrade, respectDenials, understand } from '../bot/conversation/understand';
import type { LayeredAnswer } from '../bot/knowledge/kb';
import type { Lang } from '../bot/knowledge/schema';
import { extractFacts, factConcepts, otherSettingConcepts } from '../bot/nlu/facts';
import { questionSentences, readSentences } from '../bot/nlu/message';
import { parseCases, type Case } from './evalCases';
import { inProcessApp } from './inProcessApp';

const ROOT = path.resolve(__dirname, '..', '..');
const DEV_FILES = ['real-dev.jsonl', 'real-own.jsonl', 'real-stories.jsonl', 'cases.jsonl'].map((f) => path.join(ROOT, 'test', 'cases', f));
const HELD_OUT = /heldout|held-out|\/work\/heldout\//;

export interface OracleRow {
  file: string; id: string; lang: Lang;
  /** answers whose rendered reply passes the case */
  passing: string[];
  /** what the bot's understanding answers with: an entry id, or `topic:<intent>` */
  picked: string;
  /** the pick passes (as far as a rendered answer can tell) */
  pickedPasses: boolean;
  /** no confident entry: the intent engine's topic decided */
  intentDecided: boolean;
  /** 1-based rank of the best passing answer among all retrieval candidates (0 = not a candidate) */
  rankQuestion: number; rankWhole: number;
  /** the best passing answer (by whole-message rank) and the retrieval leader */
  bestPassing?: string; leader?: string;
}

function replyText(a: LayeredAnswer, ctx: AnswerContext, now: Date): string {
  const r = buildAnswerReply(a, ctx, now, 'oracle');
  const foot = r.footer ? JSON.stringify(r.footer) : '';
  return [r.text, ...(r.suggestions ?? []).map((s) => s.title), foot].join('\n');
}

function rankOf(ids: string[], passing: Set<string>): number {
  const i = ids.findIndex((id) => passing.has(id));
  return i + 1;
}

async function main(): Promise<void> {
  const given = process.argv.flatMap((a, i) => (process.argv[i - 1] === '--cases' ? [path.resolve(a)] : []));
  const files = given.length ? given : DEV_FILES;
  for (const f of files) if (HELD_OUT.test(f)) throw new Error(`${f}: held-out files are never read by the oracle`);
  const failingOnly = process.argv.includes('--failing-only');
  const jsonOut = process.argv[process.argv.indexOf('--json') + 1];
  const { app, stop } = await inProcessApp('pn-oracle-');
  const s = app.services;
  const all = [...s.kb.answers.values(), ...s.kb.questions.values()];
  const rows: OracleRow[] = [];
  for (const file of files) {
    const cases: Case[] = parseCases(fs.readFileSync(file, 'utf8'), file).filter((c) => typeof c.text === 'string');
    for (const c of cases) {
      const text = c.text!;
      const lang: Lang = s.nlu.detectLanguage(text) ?? (c.locale?.startsWith('en') ? 'en' : 'de');
      const facts = extractFacts(text, { detectStadtteil: (t) => s.local.detectPlace(t).stadtteil });
      const ctx: AnswerContext = { kb: s.kb, t: s.i18n.t.bind(s.i18n), lang, amount: s.amount(lang, s.today()), local: s.local, grade: facts.grade };
      const passes = (a: LayeredAnswer) => {
        const reply = replyText(a, ctx, s.now());
        return (c.expect ?? []).every((re) => new RegExp(re, 'iu').test(reply)) && !(c.forbid ?? []).some((re) => new RegExp(re, 'iu').test(reply));
      };
      const passing = new Set(all.filter(passes).map((a) => a.id));
      const r = respectDenials(s.kb, await s.nlu.classify(text, lang), text, lang);
      const u = understand(s.kb, r, text, lang, (t) => s.local.detectPlace(t).stadtteil);
      const topicScores = new Map(r.ranked.map((x) => [x.intent, x.score]));
      // the same reading as understand(): the story's facts as context, the grade's entries only
      const opts = {
        topicScores, contextConcepts: factConcepts(facts), otherSetting: otherSettingConcepts(facts),
        accept: (id: string) => fitsGrade(s.kb.questions.get(id), facts.grade),
      };
      const whole = s.kb.retriever.rankAll(text, lang, opts);
      const asked = questionSentences(readSentences(text)).map((x) => x.text).join('\n');
      const question = s.kb.retriever.rankAll(asked, lang, opts);
      // `ranked` is cut to five: rank over the exhaustive list the retriever sorted
      const wholeIds = whole.map((x) => x.id);
      const questionIds = question.map((x) => x.id);
      const picked = u.entry?.id ?? `topic:${r.intent}`;
      const pickedId = u.entry?.id ?? r.intent;
      const row: OracleRow = {
        file: path.basename(file), id: c.id, lang, passing: [...passing], picked, pickedPasses: passing.has(pickedId), intentDecided: !u.entry,
        rankQuestion: rankOf(questionIds, passing), rankWhole: rankOf(wholeIds, passing),
        bestPassing: wholeIds.find((id) => passing.has(id)) ?? [...passing][0], leader: wholeIds[0],
      };
      rows.push(row);
      if (failingOnly && row.pickedPasses) continue;
      const kind = !passing.size ? 'GAP ' : row.pickedPasses ? 'ok  ' : 'LOSS';
      console.log(`${kind} ${row.file.padEnd(18)} ${c.id.padEnd(14)} picked=${picked}${row.intentDecided ? ' (intent)' : ''} best=${row.bestPassing ?? '-'} rankQ=${row.rankQuestion} rankW=${row.rankWhole} passing=${passing.size}`);
    }
  }
  const by = (f: (r: OracleRow) => boolean) => rows.filter(f).length;
  console.log(`\n${rows.length} one-turn cases: picked answer passes ${by((r) => r.pickedPasses)}; no answer passes (content gap) ${by((r) => !r.passing.length)}; `
    + `a passing answer loses ${by((r) => !r.pickedPasses && r.passing.length > 0)} (of those the intent topic decided ${by((r) => !r.pickedPasses && r.passing.length > 0 && r.intentDecided)}, `
    + `best passing ranked 1 on the question sentences ${by((r) => !r.pickedPasses && r.passing.length > 0 && r.rankQuestion === 1)}, within 3 ${by((r) => !r.pickedPasses && r.passing.length > 0 && r.rankQuestion > 0 && r.rankQuestion <= 3)})`);
  if (jsonOut && jsonOut !== process.argv[1] && process.argv.includes('--json')) fs.writeFileSync(jsonOut, JSON.stringify(rows, null, 1));
  await stop();
  process.exit(0);
}

if (require.main === module) {
  main().catch((e: Error) => {
    console.error(e.message);
    process.exit(1);
  });
}
