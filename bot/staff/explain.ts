// "Ask & explain" for staff: one question through the real bot (a throw-away conversation on the
// chosen channel profile and language, state deleted afterwards, nothing counted or put into the
// inbox) and the diagnostics `npm run chat -- --explain` prints. The diagnostics come from
// scripts/chat.ts (formatExplain), so whatever the chat script learns to explain shows here too.
import { randomBytes } from 'crypto';
import type { Activity, TurnContext } from 'botbuilder';
import { TestAdapter } from '../sdk/botbuilder';
import { formatActivity, formatExplain, type ChatApp } from '../../scripts/chat';
import type { Lang } from '../knowledge/schema';
import type { NluResult } from '../services';
import type { SafetyCheck } from '../safety/safety';
import { STAFF_EXPLAIN_PREFIX } from './conversation';

export interface ExplainApp extends ChatApp {
  bot: ChatApp['bot'] & { deleteData(ctx: TurnContext): Promise<void> };
  services: ChatApp['services'] & { safety: SafetyCheck };
}

export interface ExplainedReply { text: string; lines: string[]; options: string[] }
export interface ExplainResult {
  channel: string;
  lang: Lang;
  replies: ExplainedReply[];
  /** the lines `npm run chat -- --explain` prints */
  explain: string[];
  nlu: { intent: string; score: number; lang: Lang; ranked: { intent: string; score: number }[]; entities: NluResult['entities'] };
  /** the crisis kind the safety check found (answered before anything else), or null */
  safety: string | null;
  answer: {
    id: string; title: string; layer: string; reviewed: string; legal: string[];
    sources: { title: string; url: string | null; accessed: string | null }[];
  } | null;
}

export const EXPLAIN_CHANNELS = ['webchat', 'telegram', 'msteams', 'emulator', 'sms'] as const;

export async function explainTurn(app: ExplainApp, text: string, lang: Lang, channel: string): Promise<ExplainResult> {
  const ref = TestAdapter.createConversation(`${STAFF_EXPLAIN_PREFIX}${randomBytes(6).toString('hex')}`, 'Staff', 'Pflegenetz');
  ref.channelId = channel;
  ref.locale = lang === 'de' ? 'de-DE' : 'en-GB';
  const adapter = new TestAdapter(ref);
  if (app.adapter?.onTurnError) adapter.onTurnError = app.adapter.onTurnError;
  await adapter.processActivity({ type: 'message', text, locale: ref.locale }, async (ctx) => {
    await app.bot.run(ctx);
    await app.bot.deleteData(ctx);
  });
  const replies: ExplainedReply[] = [];
  let next: Partial<Activity> | undefined;
  while ((next = adapter.getNextReply())) {
    if (next.type !== 'message') continue;
    const f = formatActivity(next);
    replies.push({ text: next.text ?? '', lines: f.lines, options: f.options });
  }
  const s = app.services;
  const nluLang = s.nlu.detectLanguage(text) ?? lang;
  const r = await s.nlu.classify(text, nluLang);
  const a = s.kb.answers.get(r.intent);
  return {
    channel,
    lang,
    replies,
    explain: formatExplain(r, s.kb),
    nlu: { intent: r.intent, score: r.score, lang: r.lang, ranked: r.ranked.slice(0, 5), entities: r.entities },
    safety: s.safety.check(text) ?? null,
    answer: a
      ? {
        id: a.id, title: a[lang].title, layer: a.layer, reviewed: a.reviewed, legal: a.legal,
        sources: a.sources.map((id) => {
          const src = s.kb.sources.get(id);
          return { title: src?.title ?? id, url: src?.url ?? null, accessed: src?.accessed ?? null };
        }),
      }
      : null,
  };
}
