// scripts/chat.ts: the terminal conversation, driven through a stream like a pipe, with a small real
// bot and a stand-in NLU/knowledge base (the wiring; chatApp.test.ts runs it with the real app).
import { Readable } from 'stream';
import { ActivityHandler, CardFactory, MessageFactory } from 'botbuilder';
import { formatActivity, parseArgs, runChat, type ChatApp } from '../../scripts/chat';
import type { KnowledgeBase } from '../../bot/knowledge/kb';
import type { Nlu, NluResult } from '../../bot/services';

class SmallBot extends ActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (ctx, next) => {
      await ctx.sendActivity(MessageFactory.suggestedActions(['Geld', 'Hilfe vor Ort'], `hallo ${ctx.activity.locale}`));
      await next();
    });
    this.onMessage(async (ctx, next) => {
      await ctx.sendActivity({ type: 'typing' });
      const card = CardFactory.heroCard('Stelle', 'Beratung', undefined, [{ type: 'call', title: 'Anrufen', value: 'tel:+492080000' }, { type: 'imBack', title: 'Mehr', value: 'Mehr' }], { subtitle: 'Mo–Fr' });
      await ctx.sendActivity({ type: 'message', text: `du sagst: ${ctx.activity.text}`, attachments: [card] });
      await next();
    });
  }
}

const nlu: Nlu = {
  threshold: 0.5,
  detectLanguage: (t) => (/\bthe\b/i.test(t) ? 'en' : undefined),
  classify: async (text, lang): Promise<NluResult> => ({
    lang, intent: /geld/i.test(text) ? 'allowance' : 'None', score: 0.87,
    ranked: [{ intent: 'allowance', score: 0.87 }, { intent: 'relief', score: 0.31 }, { intent: 'in_kind', score: 0.12 }],
    entities: { grade: /3/.test(text) ? 3 : undefined },
  }),
};
const kb = {
  sources: new Map([['sgb11', { id: 'sgb11', title: 'SGB XI', url: 'https://www.gesetze-im-internet.de/sgb_11/', accessed: '2025-05-01' }]]),
  answers: new Map([['allowance', { id: 'allowance', layer: 'federal', file: 'knowledge/federal/answers.json', reviewed: '2025-04-02', legal: ['§ 37 SGB XI'], sources: ['sgb11'] }]]),
} as unknown as KnowledgeBase;

async function chat(app: ChatApp, lines: string[], explain = false, lang: 'de' | 'en' = 'de'): Promise<string[]> {
  const out: string[] = [];
  await runChat(app, Readable.from(lines.map((l) => `${l}\n`)), (l) => out.push(l), { explain, lang, channelId: 'webchat' });
  return out;
}

test('welcome, numbered options, a number picks the option, cards and links as text', async () => {
  const out = await chat({ bot: new SmallBot(), services: { nlu, kb, defaultLang: 'de' } }, ['2', '', 'frei getippt']);
  expect(out.slice(0, 3)).toEqual(['bot: hallo de-DE', '  1) Geld', '  2) Hilfe vor Ort']);
  expect(out).toContain('> 2 → Hilfe vor Ort');
  expect(out).toContain('bot: du sagst: Hilfe vor Ort');
  expect(out).toContain('  ┌ Stelle – Mo–Fr');
  expect(out).toContain('  │ Beratung');
  expect(out).toContain('  │ Anrufen: tel:+492080000');
  expect(out).toContain('  1) Mehr');
  expect(out).toContain('> frei getippt');
  expect(out).toContain('bot: du sagst: frei getippt');
  expect(out.filter((l) => l.startsWith('>'))).toHaveLength(2);
});

test('--explain shows intent, score, runner-ups, entities, answer source and review date', async () => {
  const out = await chat({ bot: new SmallBot(), services: { nlu, kb, defaultLang: 'de' } }, ['Pflegegeld bei Grad 3', 'was anderes'], true);
  const first = out.indexOf('> Pflegegeld bei Grad 3');
  const block = out.slice(first, out.indexOf('> was anderes'));
  expect(block).toContain('  · intent: allowance (0.87) · lang: de');
  expect(block).toContain('  · runner-up: relief 0.31, in_kind 0.12');
  expect(block).toContain('  · entities: grade=3');
  expect(block).toContain('  · answer: allowance (federal, knowledge/federal/answers.json) · reviewed 2025-04-02 · legal: § 37 SGB XI');
  expect(block).toContain('  · source: SGB XI <https://www.gesetze-im-internet.de/sgb_11/> (checked 2025-05-01)');
  // the explanation comes after the reply
  expect(block.findIndex((l) => l.startsWith('  · intent'))).toBeGreaterThan(block.indexOf('bot: du sagst: Pflegegeld bei Grad 3'));
  expect(out).toContain('  · answer: – (no knowledge-base answer for this intent)');
  expect(out.some((l) => l.startsWith('  · option'))).toBe(false);
});

test('--explain says when a line picked a button, since the bot then follows the option', async () => {
  const out = await chat({ bot: new SmallBot(), services: { nlu, kb, defaultLang: 'de' } }, ['1'], true);
  expect(out).toContain('> 1 → Geld');
  expect(out).toContain('  · option "Geld": the bot follows the button; NLU view below for reference');
});

test('formatActivity ignores typing and keeps multi-line text readable', () => {
  expect(formatActivity({ type: 'typing' })).toEqual({ lines: [], options: [] });
  expect(formatActivity({ type: 'message', text: 'a\nb' }).lines).toEqual(['bot: a', '     b']);
});

test.each([
  [[], { explain: false, lang: 'de', channelId: 'webchat' }],
  [['--explain', '--lang=en'], { explain: true, lang: 'en', channelId: 'webchat' }],
  [['--channel=telegram'], { explain: false, lang: 'de', channelId: 'telegram' }],
])('parseArgs(%p)', (argv, expected) => {
  expect(parseArgs(argv, 'de')).toEqual(expected);
});

test('parseArgs rejects unknown options', () => {
  expect(() => parseArgs(['--lang=fr'], 'de')).toThrow(/unknown option --lang=fr/);
});
