// Helpers for the guided-dialog tests (say/send: test/helpers/say.ts): talk to the
// real bot (TestAdapter around CareBot, with its crisis check and lowdb state).
import { TestAdapter, type Activity } from 'botbuilder';
import type { App } from '../../bot/app';
import type { NbaCatalogue } from '../../bot/care/nbaSchema';
import { answerQuestion, isComplete, newProgress, selfCheckQuestions } from '../../bot/care/selfCheck';
import { findScale } from '../../bot/care/nba';
import { ROOT, TODAY, shown } from '../helpers/app';
import * as path from 'path';
import { readJsonFile } from '../../bot/knowledge/jsonFile';
import { BenefitsFileSchema, type BenefitsFile } from '../../bot/knowledge/schema';
import { formatEuro, valueOn } from '../../bot/care/benefits';
import type { IsoDate } from '../../bot/care/calendar';

/** The real dated benefits table. */
export const benefitsTable: BenefitsFile = readJsonFile(path.join(ROOT, 'knowledge', 'federal', 'benefits.json'), BenefitsFileSchema);
/** An amount of the dated table on the tests' day, and how a reply writes it. */
export const amountOn = (id: string, grade?: number): number => valueOn(benefitsTable, id, TODAY as IsoDate, grade)!;
export const euro = (n: number, lang: 'de' | 'en' = 'de'): string => formatEuro(n, lang);

/** A translate function that shows keys and variables, so tests check the logic and not the wording. */
export const keysOnly = (k: string, v: Record<string, unknown> = {}): string => `${k}${JSON.stringify(v)}`;

/** Button titles of the last activity. */
export function buttons(acts: Partial<Activity>[]): string[] {
  const last = acts[acts.length - 1];
  return (last?.suggestedActions?.actions ?? []).map((a) => String(a.title));
}

/** The button titles a user pressing always the first (or last) answer sees, in order. */
export function answerTitles(cat: NbaCatalogue, pick: 'first' | 'last' | ((q: { id: string }, n: number) => number), lang: 'de' | 'en' = 'de'): string[] {
  let p = newProgress();
  const out: string[] = [];
  while (!isComplete(cat, p)) {
    const q = selfCheckQuestions(cat)[p.pos];
    const options = findScale(cat, q.scale).options;
    const i = pick === 'first' ? 0 : pick === 'last' ? options.length - 1 : pick(q, options.length);
    out.push(options[i][lang]);
    p = answerQuestion(cat, p, i);
  }
  return out;
}

/** A conversation with the real bot (crisis check, language, lowdb state) on the test channel. */
export class BotChat {
  private readonly adapter: TestAdapter;

  constructor(app: App, locale = 'de-DE') {
    this.adapter = new TestAdapter(async (ctx) => app.bot.run(ctx), { locale, channelId: 'test' });
  }

  async say(text: string): Promise<string> {
    this.adapter.activeQueue.length = 0;
    await this.adapter.receiveActivity(text);
    return this.adapter.activeQueue.splice(0).map((a) => shown(a)).join('\n---\n');
  }
}

export function decodeDataUrl(url: string): string {
  const m = /^data:text\/plain;charset=utf-8;base64,(.+)$/.exec(url);
  if (!m) throw new Error(`not a text data URL: ${url.slice(0, 40)}`);
  return Buffer.from(m[1], 'base64').toString('utf8');
}

/** The kinds of crisis answer (locales: crisis.<kind>, crisis_gentle.<kind>). */
export const CRISIS_KINDS = ['suicidal', 'medical', 'violence', 'neglect', 'loss_of_control', 'out_of_hours', 'missing'];

/** What crisis tests read from a running app: a locale's text, a locale's language, the replies of one
 *  message in a fresh conversation (the app is created in the test file's beforeAll). */
export function crisisKit(app: () => App) {
  const lang = (locale: string): 'de' | 'en' => (locale.startsWith('de') ? 'de' : 'en');
  const t = (key: string, lng: 'de' | 'en') => app().services.i18n.t(key, { lng });
  return {
    lang,
    t,
    parts: async (text: string, locale: string): Promise<string[]> => (await new BotChat(app(), locale).say(text)).split('\n---\n'),
    /** no reply part is any kind's crisis answer, nor (unless `allowGentle`) any kind's gentle line */
    expectNoCrisis: (replies: readonly string[], locale: string, allowGentle = false): void => {
      for (const k of CRISIS_KINDS) {
        expect(replies).not.toContain(t(`crisis.${k}`, lang(locale)));
        if (!allowGentle) expect(replies).not.toContain(t(`crisis_gentle.${k}`, lang(locale)));
      }
    },
    /** a clear crisis with a care question: the kind's numbers, the curated help line (for self-neglect
     *  followed by the city's sourced counselling contacts, otherwise nothing), the closing line */
    expectHelpReply: (replies: readonly string[], locale: string, kind: string, help: string): void => {
      expect(replies).toHaveLength(3);
      expect([replies[0], replies[2]]).toEqual([t(`crisis.${kind}`, lang(locale)), t('crisis_after', lang(locale))]);
      const [helpText, ...contacts] = replies[1].split('\n');
      expect(helpText).toBe(t(`crisis_help.${help}`, lang(locale)));
      if (help === 'self_neglect') {
        expect(contacts.length).toBeGreaterThanOrEqual(1);
        for (const line of contacts) expect(line).toMatch(/^• .+ · 0208 455-\d{4}/);
      } else expect(contacts).toEqual([]);
    },
  };
}
