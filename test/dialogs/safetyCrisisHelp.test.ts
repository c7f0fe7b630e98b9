// A clear crisis that also asks a care question (session 10): the crisis numbers stay first, then one
// short curated answer to the care question (relief for a carer at the limit; help for someone
// living alone who no longer looks after themselves), then the usual closing line. The new cues of
// session 10 (goodbye behaviour, a person alone without electricity or food) in both strengths.
import { testApp } from '../helpers/app';
import type { App } from '../../bot/app';
import { CRISIS_KINDS as KINDS, crisisKit } from './guidedHelpers';

let app: App;
beforeAll(async () => { app = await testApp(); }, 120_000);

const { t, lang, parts, expectNoCrisis, expectHelpReply } = crisisKit(() => app);

describe('a clear crisis with a care question: the numbers, then the short answer', () => {
  test.each<[string, string, string, string]>([
    ['Ich habe meine Mutter heute so fest gepackt, dass sie blaue Flecken hat, ich habe Angst vor mir selbst. Welche Entlastung gibt es für mich?', 'de-DE', 'loss_of_control', 'relief'],
    ['I grabbed my mother so hard today that she has bruises, I am scared of what I might do. What respite is there for me?', 'en-US', 'loss_of_control', 'relief'],
    ['Meine Nachbarin lebt allein, sie hat seit Tagen keinen Strom, sitzt im Dunkeln und hat nichts mehr zu essen. Wer kann ihr helfen?', 'de-DE', 'neglect', 'self_neglect'],
    ['My neighbour lives on her own, she has had no electricity for days, sits in the dark and has no food left. Who can help her?', 'en-US', 'neglect', 'self_neglect'],
    // someone alone who neglects themselves gets the local help also unasked: the neglect answer
    // alone speaks of care homes and the Heimaufsicht
    ['Der alte Herr unter uns wohnt allein, es stinkt furchtbar aus der Wohnung und er ist völlig verwirrt.', 'de-DE', 'neglect', 'self_neglect'],
    ['The old man downstairs lives alone, there is an awful smell from his flat and he seems very confused.', 'en-US', 'neglect', 'self_neglect'],
  ])('%s', async (text, locale, kind, help) => {
    expectHelpReply(await parts(text, locale), locale, kind, help);
  });
});

describe('a clear crisis without a care question: the numbers only', () => {
  test.each<[string, string, string]>([
    // goodbye behaviour: letters and a will, without a word of dying
    ['Ich habe die Briefe an meine Kinder geschrieben und alles geregelt, morgen bin ich nicht mehr da.', 'de-DE', 'suicidal'],
    ['I have written letters to everyone and sorted out my will, I do not plan to be here next week.', 'en-US', 'suicidal'],
    // neglect in a home: no help for someone living alone
    ['Im Heim liegt meine Mutter stundenlang in ihrem Kot, weil keiner kommt.', 'de-DE', 'neglect'],
    ['At the home my dad is left lying in his own mess for hours because nobody comes.', 'en-US', 'neglect'],
  ])('%s', async (text, locale, kind) => {
    const replies = await parts(text, locale);
    expect(replies).toEqual([t(`crisis.${kind}`, lang(locale)), t('crisis_after', lang(locale))]);
  });
});

describe('the same cues in the past or asked about: the answer, then one gentle line', () => {
  test.each<[string, string, string]>([
    ['Vor vielen Jahren habe ich Abschiedsbriefe an meine Kinder geschrieben, heute geht es mir gut. Wie beantrage ich Verhinderungspflege?', 'de-DE', 'suicidal'],
    ['Years ago I wrote letters to everyone and sorted out my will. Today I am fine. How do I apply for respite care?', 'en-US', 'suicidal'],
  ])('%s', async (text, locale, kind) => {
    const replies = await parts(text, locale);
    for (const k of KINDS) expect(replies[0]).not.toBe(t(`crisis.${k}`, lang(locale)));
    expect(replies[replies.length - 1]).toBe(t(`crisis_gentle.${kind}`, lang(locale)));
  });
});

describe('look-alikes: no crisis answer', () => {
  test.each<[string, string]>([
    ['Unsere Nachbarin lebt allein, wir kaufen für sie ein. Kann sie Essen auf Rädern bekommen?', 'de-DE'],
    ['We had a power cut yesterday, does the care bed keep working on battery?', 'en-US'],
    ['Ich wünschte, ich könnte mal ein Wochenende verschwinden. Gibt es Kurzzeitpflege für Mama?', 'de-DE'],
    ['Mum wants a living will so she is not kept alive on machines.', 'en-US'],
  ])('%s', async (text, locale) => {
    const replies = await parts(text, locale);
    expectNoCrisis(replies, locale);
  });
});
