// Help missing right now (session 13): the one who cares is taken to hospital and the person cared
// for is alone, or the service that was due did not come. The numbers come first — 116 117 for the
// on-call doctor, 112 in danger — and the carer in hospital gets one line on a stand-in
// (Verhinderungspflege, Kurzzeitpflege: §§ 39, 42 SGB XI, care-facts.md §5). Asked ahead, no crisis.
import { testApp } from '../helpers/app';
import type { App } from '../../bot/app';
import { crisisKit } from './guidedHelpers';

let app: App;
beforeAll(async () => { app = await testApp(); }, 120_000);

const { t, lang, parts, expectNoCrisis, expectHelpReply } = crisisKit(() => app);

describe('the carer taken to hospital: the numbers, then the stand-in', () => {
  test.each<[string, string]>([
    ['Ich liege seit heute Mittag in der Notaufnahme und mein Mann mit Demenz ist jetzt ganz allein zu Hause. Wer kann heute Nacht nach ihm sehen?', 'de-DE'],
    ['I am being admitted tonight and my mum, who is bedridden, will be home alone. Nobody else can come.', 'en-US'],
  ])('%s', async (text, locale) => {
    const replies = await parts(text, locale);
    expectHelpReply(replies, locale, 'out_of_hours', 'carer_away');
    expect(replies[0]).toMatch(/116 117/);
    expect(replies[0]).toMatch(/112/);
    expect(replies[1]).toMatch(/112/);
    expect(replies[1]).toMatch(/Verhinderungspflege/);
  });
});

describe('the service did not come and the person cannot manage: the numbers only', () => {
  test.each<[string, string]>([
    ['Die Nachtwache hat kurzfristig abgesagt, Papa ist bettlägerig und muss nachts gelagert werden.', 'de-DE'],
    ['The carer called in sick tonight and dad cannot get to the toilet on his own.', 'en-US'],
  ])('%s', async (text, locale) => {
    const replies = await parts(text, locale);
    expect(replies).toEqual([t('crisis.out_of_hours', lang(locale)), t('crisis_after', lang(locale))]);
    expect(replies[0]).toMatch(/116 117/);
  });
});

describe('asked ahead: no crisis answer', () => {
  test.each<[string, string]>([
    ['Was passiert, wenn ich mal ins Krankenhaus muss und Mama allein zu Hause ist?', 'de-DE'],
    ['If I have to go to hospital, who will look after my husband? He cannot be left alone.', 'en-US'],
  ])('%s', async (text, locale) => {
    expectNoCrisis(await parts(text, locale), locale, true);
  });
});
