// An uncertain guess offers the close runner-up topic as the first button: the rule (pure) and the
// answer as the router sends it, with a stand-in intent engine that returns a chosen ranking.
import type { App } from '../../bot/app';
import { ALTERNATIVE_RATIO, closeAlternative } from '../../bot/conversation/alternative';
import type { IntentScore, Nlu, NluResult } from '../../bot/services';
import { mainDialogClient, testApp } from '../helpers/app';

const topics = new Set(['nursing_home', 'in_kind', 'allowance']);
const isTopic = (id: string) => topics.has(id);

describe('closeAlternative', () => {
  test.each<[string, IntentScore[], string, string | undefined]>([
    ['a near tie offers the other topic', [{ intent: 'in_kind', score: 0.51 }, { intent: 'nursing_home', score: 0.48 }], 'in_kind', 'nursing_home'],
    ['exactly the ratio still counts', [{ intent: 'in_kind', score: 0.6 }, { intent: 'nursing_home', score: 0.6 * ALTERNATIVE_RATIO }], 'in_kind', 'nursing_home'],
    ['just below the ratio does not', [{ intent: 'in_kind', score: 0.6 }, { intent: 'nursing_home', score: 0.6 * ALTERNATIVE_RATIO - 0.001 }], 'in_kind', undefined],
    ['a sure guess offers nothing', [{ intent: 'in_kind', score: 0.97 }, { intent: 'nursing_home', score: 0.02 }], 'in_kind', undefined],
    ['system intents are skipped for the next topic', [{ intent: 'in_kind', score: 0.5 }, { intent: 'greeting', score: 0.4 }, { intent: 'allowance', score: 0.3 }], 'in_kind', 'allowance'],
    ['the answered topic need not be ranked first (a button or a guided route chose it)', [{ intent: 'allowance', score: 0.5 }, { intent: 'in_kind', score: 0.45 }], 'in_kind', 'allowance'],
    ['an answered topic missing from the ranking offers nothing', [{ intent: 'allowance', score: 0.5 }], 'in_kind', undefined],
    ['no other topic at all', [{ intent: 'in_kind', score: 0.4 }], 'in_kind', undefined],
  ])('%s', (_name, ranked, answered, expected) => {
    expect(closeAlternative(ranked, answered, isTopic)).toBe(expected);
  });
});

describe('the answer to an uncertain guess', () => {
  let app: App;
  beforeAll(async () => {
    app = await testApp();
  }, 120_000);

  /** The real app with an intent engine that returns this ranking for the questions below ("eine
   *  Frage", "a question") and the real result for anything else. */
  function withRanking(ranked: IntentScore[]): App {
    const real = app.services.nlu;
    const nlu: Nlu = {
      threshold: real.threshold,
      detectLanguage: (t) => real.detectLanguage(t),
      classify: async (text, lang): Promise<NluResult> => (['eine Frage', 'a question'].includes(text)
        ? { lang, intent: ranked[0].intent, score: ranked[0].score, ranked, entities: {} }
        : real.classify(text, lang)),
    };
    return { ...app, services: { ...app.services, nlu } };
  }

  async function buttons(a: App, lang: 'de' | 'en', text: string): Promise<string[]> {
    const reply = await mainDialogClient(a, lang).sendActivity(text);
    return (reply?.suggestedActions?.actions ?? []).map((x: { title?: string }) => x.title ?? '');
  }
  const title = (id: string, lang: 'de' | 'en' = 'de') => app.services.kb.answers.get(id)![lang].title;

  test('offers the runner-up right after "more", in both languages', async () => {
    const tie = withRanking([{ intent: 'dementia', score: 0.51 }, { intent: 'disability_pass', score: 0.48 }]);
    const de = await buttons(tie, 'de', 'eine Frage');
    expect(de[1]).toBe(`Oder meinten Sie: ${title('disability_pass')}?`);
    expect(de.length).toBeLessThanOrEqual(5);
    const en = await buttons(tie, 'en', 'a question');
    expect(en[1]).toBe(`Or did you mean: ${title('disability_pass', 'en')}?`);
  });

  test('a sure answer keeps its usual buttons', async () => {
    const sure = await buttons(withRanking([{ intent: 'dementia', score: 0.97 }, { intent: 'disability_pass', score: 0.02 }]), 'de', 'eine Frage');
    expect(sure.length).toBeGreaterThan(2);
    expect(sure.some((b) => b.startsWith('Oder meinten Sie'))).toBe(false);
    const usual = app.services.kb.answers.get('dementia')!.followUps.map((id) => title(id));
    expect(sure).toEqual(expect.arrayContaining(usual.slice(0, 2)));
  });

  test('a runner-up that is already a follow-up moves to the front and is not shown twice', async () => {
    const followUp = app.services.kb.answers.get('social_assistance')!.followUps[0];
    const list = await buttons(withRanking([{ intent: 'social_assistance', score: 0.5 }, { intent: followUp, score: 0.45 }]), 'de', 'eine Frage');
    expect(list[1]).toBe(`Oder meinten Sie: ${title(followUp)}?`);
    expect(list.filter((b) => b === title(followUp))).toEqual([]);
  });

  test('when the answer first asks for the care grade, the offer comes with the answer for the grade', async () => {
    const tie = withRanking([{ intent: 'in_kind', score: 0.51 }, { intent: 'nursing_home', score: 0.48 }]);
    expect(app.services.kb.answers.get('in_kind')!.usesGrade).toBe(true);
    const client = mainDialogClient(tie, 'de');
    const titles = (r: { suggestedActions?: { actions: Array<{ title?: string }> } } | undefined) => (r?.suggestedActions?.actions ?? []).map((x) => x.title ?? '');
    await client.sendActivity('eine Frage'); // the general answer, then the grade question
    const ask = client.getNextReply();
    expect(titles(ask)).toContain('Pflegegrad 3');
    const answer = await client.sendActivity('Pflegegrad 3');
    expect(answer?.text).toMatch(/Bei Pflegegrad 3/);
    expect(titles(answer)[1]).toBe(`Oder meinten Sie: ${title('nursing_home')}?`);
  });

  test('a guided start gets it too: the self-check intro offers the application when that was close', async () => {
    const tie = withRanking([{ intent: 'selfcheck', score: 0.57 }, { intent: 'apply', score: 0.42 }]);
    const client = mainDialogClient(tie, 'de');
    const intro = await client.sendActivity('eine Frage');
    const list = (intro?.suggestedActions?.actions ?? []).map((x: { title?: string }) => x.title ?? '');
    expect(list).toEqual(['Test starten', 'Es geht um ein Kind', 'Nur erklären', `Oder meinten Sie: ${title('apply')}?`]);
    const answer = await client.sendActivity(`Oder meinten Sie: ${title('apply')}?`);
    expect(answer?.text).toMatch(new RegExp(`\\*\\*${title('apply')}\\*\\*`));
  });
});
