// `npm run chat`: a terminal conversation with the real bot logic, without a server. Staff use it to
// try questions and, with --explain, to see why the bot answered as it did (intent, score, runner-up
// intents, entities, the answer's sources and review date). Lines come from stdin, so a pipe works:
//   printf 'Pflegegeld bei Pflegegrad 3?\n' | npm run chat --silent -- --explain
// Options: --explain, --lang=de|en (locale of the conversation), --channel=webchat (render profile).
import * as path from 'path';
import * as readline from 'readline';
import { randomBytes } from 'crypto';
import type { Activity, TurnContext } from 'botbuilder';
import { MemoryStorage, TestAdapter } from '../bot/sdk/botbuilder';
import pino from 'pino';
import { loadConfig } from '../bot/config';
import { buildApp } from '../bot/app';
import { createLogger } from '../bot/log';
import type { KnowledgeBase } from '../bot/knowledge/kb';
import type { Lang } from '../bot/knowledge/schema';
import type { Nlu, NluResult } from '../bot/services';
import type { Lexicon } from '../bot/nlu/lexicon';
import type { LocalHelp } from '../bot/conversation/local';
import { respectDenials, understand, type Understanding } from '../bot/conversation/understand';
import type { Candidate } from '../bot/nlu/retrieve';
import { threadUse } from '../dialogs/context';
import type { ThreadUse } from '../bot/conversation/turn';

export interface ChatApp {
  bot: { run(ctx: TurnContext): Promise<void> };
  services: { nlu: Nlu; kb: KnowledgeBase; defaultLang: Lang; local?: LocalHelp; words?: Lexicon };
  adapter?: { onTurnError?: (ctx: TurnContext, error: Error) => Promise<void> };
}

export interface ChatOptions {
  explain: boolean;
  lang: Lang;
  /** channel id the bot renders for (webchat = buttons and cards, telegram = text with numbers) */
  channelId: string;
}

interface HeroCard { title?: string; subtitle?: string; text?: string; buttons?: { type: string; title: string; value?: unknown }[] }

/** One bot activity as terminal text; command buttons become numbered options. */
export function formatActivity(a: Partial<Activity>): { lines: string[]; options: string[] } {
  const lines: string[] = [];
  const options: string[] = [];
  if (a.type !== 'message') return { lines, options };
  if (a.text) lines.push(...a.text.split('\n').map((l, i) => (i === 0 ? `bot: ${l}` : `     ${l}`)));
  for (const att of a.attachments ?? []) {
    const card = (att.content ?? {}) as HeroCard;
    lines.push(`  ┌ ${[card.title, card.subtitle].filter(Boolean).join(' – ')}`);
    for (const l of (card.text ?? '').split('\n').filter((x) => x.trim())) lines.push(`  │ ${l}`);
    for (const b of card.buttons ?? []) {
      if (b.type === 'imBack' || b.type === 'messageBack' || b.type === 'postBack') options.push(b.title);
      else lines.push(`  │ ${b.title}: ${String(b.value ?? '')}`);
    }
  }
  for (const s of a.suggestedActions?.actions ?? []) {
    if (s.type === 'imBack' || s.type === 'messageBack' || s.type === 'postBack') options.push(s.title ?? String(s.value));
    else lines.push(`  ${s.title}: ${String(s.value ?? '')}`);
  }
  return { lines, options };
}

const candidate = (c: Candidate): string =>
  `${c.id}${c.kind === 'topic' ? ' (topic)' : ''} ${c.score.toFixed(2)} [words ${c.parts.words.toFixed(2)} · variant ${c.parts.variant.toFixed(2)} · grams ${c.parts.grams.toFixed(2)} · concepts ${c.parts.concepts.toFixed(2)} · prior ${c.parts.prior.toFixed(2)}]`;

/** Why this question entry: the question sentences, concepts, facts, the entry and its runner-ups. */
export function formatUnderstanding(u: Understanding): string[] {
  const facts = Object.entries(u.facts).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${String(v)}`);
  const out = [
    `  · question sentence(s): ${u.retrieval.questions.map((q) => `"${q}"`).join(' | ') || '–'}${u.story ? ' (story)' : ''}`,
    `  · concepts: ${u.retrieval.concepts.join(', ') || '–'} · facts: ${facts.join(', ') || '–'}`,
    u.rerank?.decided
      ? `  · entry: ${u.entry?.id ?? '–'} (the re-ranker's choice${u.entry ? `, ${path.relative(process.cwd(), u.entry.file) || u.entry.file}` : ': the topic answers'}; retrieval had ${u.retrieval.entry?.id ?? 'no entry'})`
      : u.entry && u.retrieval.entry
      ? `  · entry: ${candidate(u.retrieval.entry)}${u.strong ? ' strong' : ''}${u.retrieval.entry.specific ? ' (names what the entry is about: no margin over the topic)' : ''} (${path.relative(process.cwd(), u.entry.file) || u.entry.file})`
      : '  · entry: – (no entry confident: the topic answers)',
    `  · decided by: ${u.rerank?.decided ? 're-ranker (bot/nlu/rerank.ts: sure of another choice than retrieval\'s)'
      : !u.entry ? 'intent engine (its topic answers; no entry confident)'
      : u.retrieval.rule === 'question' ? 'retrieval on the question sentence(s) alone (they confirmed the whole message\'s leading entry against the topic, or preferred a neighbour of its topic)'
        : 'retrieval on the whole message'}`,
  ];
  if (u.rerank) {
    // the re-ranker's view: its three most probable candidates and the features that decided its first
    const { input, result, decided } = u.rerank;
    const top = input.candidates.map((c, i) => ({ c, p: result.probs[i] })).sort((a, b) => b.p - a.p).slice(0, 3);
    out.push(`  · re-ranker${decided ? '' : ' (not used: unsure, agrees, or no story)'}: ${top.map(({ c, p }) => `${c.kind === 'fallback' ? `topic:${c.id}` : c.id} ${p.toFixed(2)}`).join('; ')}`
      + ` · decided by ${result.why.map((w) => `${w.feature}=${w.value.toFixed(2)} (${w.lead >= 0 ? '+' : ''}${w.lead.toFixed(2)})`).join(', ') || '–'}`);
  }
  if (u.also && u.retrieval.also) out.push(`  · also asked: ${candidate(u.retrieval.also)}`);
  // several questions in one message: what each matched (bot/conversation/multiQuestion.ts)
  // every asked part: the entry it matched, the text read for it, the rule that chose it, its runner-ups
  u.parts.forEach((p, i) => out.push(`  · question ${i + 1}: ${p
    ? `${p.id} ${p.score.toFixed(2)}${p.confident ? ' sure' : ''} · rule ${p.rule ?? '–'} · read "${p.read ?? ''}" · near: ${p.near.filter((id) => id !== p.id).join(', ') || '–'}`
      + (p.next ? ` · if shown already: ${p.next}` : '')
    : '–'}`));
  if (u.alternative && u.retrieval.alternative) out.push(`  · near tie, offered as a button: ${candidate(u.retrieval.alternative)}`);
  const runners = u.retrieval.ranked.filter((c) => c.id !== u.entry?.id).slice(0, 3);
  out.push(`  · entry runner-ups: ${runners.map(candidate).join('; ') || '–'}`);
  return out;
}

/** What the NLU and the knowledge base say about a text (staff diagnostics, not citizen text). */
export function formatExplain(r: NluResult, kb: KnowledgeBase, u?: Understanding): string[] {
  const runnersUp = r.ranked.filter((x) => x.intent !== r.intent).slice(0, 3).map((x) => `${x.intent} ${x.score.toFixed(2)}`);
  const entities = Object.entries(r.entities).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${String(v)}`);
  const out = [
    `  · intent: ${r.intent} (${r.score.toFixed(2)}) · lang: ${r.lang}`,
    `  · runner-up: ${runnersUp.join(', ') || '–'}`,
    `  · entities: ${entities.join(', ') || '–'}`,
  ];
  if (u) out.push(...formatUnderstanding(u));
  const answer = u?.entry ?? kb.answers.get(r.intent);
  if (!answer) {
    out.push('  · answer: – (no knowledge-base answer for this intent)');
    return out;
  }
  out.push(`  · answer: ${answer.id} (${answer.layer}, ${path.relative(process.cwd(), answer.file) || answer.file}) · reviewed ${answer.reviewed} · legal: ${answer.legal.join('; ')}`);
  for (const id of answer.sources) {
    const s = kb.sources.get(id);
    out.push(`  · source: ${s ? `${s.title} <${s.url}> (checked ${s.accessed})` : `${id} (unknown)`}`);
  }
  return out;
}

/**
 * Runs the conversation: the welcome first, then one turn per input line. With `prompt` (a
 * terminal), the input is not repeated; without it (a pipe), each line is echoed as "> line".
 */
export async function runChat(
  app: ChatApp, input: NodeJS.ReadableStream, write: (line: string) => void, opts: ChatOptions, prompt?: () => void,
): Promise<void> {
  const ref = TestAdapter.createConversation(`cli-${randomBytes(6).toString('hex')}`, 'Staff', 'Pflegenetz');
  ref.channelId = opts.channelId;
  ref.locale = opts.lang === 'de' ? 'de-DE' : 'en-GB';
  const adapter = new TestAdapter(ref);
  if (app.adapter?.onTurnError) adapter.onTurnError = app.adapter.onTurnError;
  const logic = (ctx: TurnContext) => app.bot.run(ctx);
  let options: string[] = [];
  // which context of the conversation a reply was resolved against (a follow-up, a correction)
  let used: ThreadUse | undefined;
  adapter.use(async (ctx, next) => {
    await next();
    used = threadUse(ctx);
  });

  const turn = async (activity: Partial<Activity>) => {
    await adapter.processActivity(activity, logic);
    let next: Partial<Activity> | undefined;
    const shown: string[] = [];
    let newOptions: string[] = [];
    while ((next = adapter.getNextReply())) {
      const f = formatActivity(next);
      shown.push(...f.lines);
      if (f.options.length) newOptions = f.options;
    }
    newOptions.forEach((o, i) => shown.push(`  ${i + 1}) ${o}`));
    if (newOptions.length) options = newOptions;
    for (const l of shown) write(l);
  };

  const user = ref.user!;
  await turn({ type: 'conversationUpdate', membersAdded: [user], recipient: ref.bot, from: user, locale: ref.locale });
  const rl = readline.createInterface({ input, terminal: false });
  prompt?.();
  for await (const raw of rl) {
    const line = raw.trim();
    if (!line) continue;
    // a number picks a shown option, as a click on the button would
    const n = /^\d{1,2}$/.test(line) ? Number(line) : 0;
    const offered = options;
    const text = n >= 1 && n <= offered.length ? offered[n - 1] : line;
    if (!prompt) write(`> ${text === line ? line : `${line} → ${text}`}`);
    else if (text !== line) write(`  → ${text}`);
    await turn({ type: 'message', text, locale: ref.locale });
    if (opts.explain) {
      // a button text is routed as that option, not by the NLU: say so, and show the NLU for reference
      if (offered.includes(text)) write(`  · option "${text}": the bot follows the button; NLU view below for reference`);
      const lang = app.services.nlu.detectLanguage(text) ?? opts.lang;
      const raw = await app.services.nlu.classify(text, lang);
      // the reading the router uses: a topic the story denies is taken out (dialogs/context.ts classifyTurn)
      const r = app.services.kb.retriever ? respectDenials(app.services.kb, raw, text, lang) : raw;
      const local = app.services.local;
      // a knowledge base without question entries (a test stand-in) explains the intent only
      // the lexicon as the router passes it (dialogs/context.ts): the aspect rule for further parts reads it
      const place = local ? (t: string) => local.detectPlace(t).stadtteil : undefined;
      const u = app.services.kb.retriever ? understand(app.services.kb, r, text, lang, place, app.services.words) : undefined;
      for (const l of formatExplain(r, app.services.kb, u)) write(l);
      write(`  · context: ${used ? `${used.kind}${used.detail ? ` · ${used.detail}` : ''}` : '– (the message was read on its own)'}`);
    }
    write('');
    prompt?.();
  }
}

export function parseArgs(argv: string[], defaultLang: Lang): ChatOptions {
  const opts: ChatOptions = { explain: false, lang: defaultLang, channelId: 'webchat' };
  for (const a of argv) {
    if (a === '--explain') opts.explain = true;
    else if (a === '--lang=de' || a === '--lang=en') opts.lang = a.slice(7) as Lang;
    else if (a.startsWith('--channel=') && /^[a-z0-9-]{1,32}$/.test(a.slice(10))) opts.channelId = a.slice(10);
    else throw new Error(`unknown option ${a} (use --explain, --lang=de|en, --channel=ID)`);
  }
  return opts;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const opts = parseArgs(process.argv.slice(2), config.defaultLang);
  // logs go to stderr so the conversation on stdout stays readable; state stays in memory
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, config.logUserText, pino.destination(2));
  const app = await buildApp(config, { storage: new MemoryStorage(), logger });
  const prompt = process.stdin.isTTY ? () => process.stdout.write('> ') : undefined;
  await runChat(app, process.stdin, (l) => process.stdout.write(`${l}\n`), opts, prompt);
}

if (require.main === module) {
  main().catch((err: Error) => {
    console.error(`chat: ${err.message}`);
    process.exit(1);
  });
}
