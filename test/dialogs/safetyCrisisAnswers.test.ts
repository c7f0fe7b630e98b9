// Crisis answers that still help (session 11): a carer who has hurt or fears hurting the person and
// asks whom to talk to gets relief after the numbers; a neighbour who reports someone living alone
// in the dark or in a smell and asks whom to turn to gets the help for self-neglect; a suicidal
// message never gets the relief line; a dying person who no longer drinks is palliative care, no crisis.
import { testApp } from '../helpers/app';
import type { App } from '../../bot/app';
import { crisisKit } from './guidedHelpers';

let app: App;
beforeAll(async () => { app = await testApp(); }, 120_000);

const { t, lang, parts, expectNoCrisis, expectHelpReply } = crisisKit(() => app);

describe('a clear crisis that asks whom to turn to: the numbers, then the fitting help', () => {
  test.each<[string, string, string, string]>([
    // loss of control and a question for help: relief (short-term, respite, day/night care, the GP)
    ['Ich habe meinen Vater heute zu fest gepackt, er hat jetzt Striemen am Arm, und ich habe Angst vor mir selbst. Mit wem kann ich darüber reden?', 'de-DE', 'loss_of_control', 'carer_relief'],
    ['I grabbed my husband far too hard this morning and left marks, I am scared of what I might do. Who can I talk to?', 'en-US', 'loss_of_control', 'carer_relief'],
    // someone alone with one sign of self-neglect and a question whom to turn to
    ['Bei dem alten Herrn gegenüber ist seit Tagen alles dunkel, er lebt allein und aus der Wohnung riecht es streng. An wen kann ich mich wenden?', 'de-DE', 'neglect', 'self_neglect'],
    ['The old man next door lives alone, his flat is dark every night and the post is piling up. Who should I contact?', 'en-US', 'neglect', 'self_neglect'],
  ])('%s', async (text, locale, kind, help) => {
    expectHelpReply(await parts(text, locale), locale, kind, help);
  });
});

describe('a suicidal message that asks whom to talk to: the numbers only, no relief line', () => {
  test.each<[string, string]>([
    ['Ich bin so erschöpft von der Pflege, ich will nicht mehr leben. Mit wem kann ich reden?', 'de-DE'],
    ['I am worn out from caring for mum and I want to end my life. Who can I talk to?', 'en-US'],
  ])('%s', async (text, locale) => {
    const replies = await parts(text, locale);
    expect(replies).toEqual([t('crisis.suicidal', lang(locale)), t('crisis_after', lang(locale))]);
  });
});

describe('a dying person who no longer drinks: palliative care, no crisis answer', () => {
  test.each<[string, string]>([
    ['Mein Vater liegt im Sterben und trinkt seit zwei Tagen nichts mehr. Ich habe solche Angst, er leidet Durst. Was können wir tun?', 'de-DE'],
    ['My mother is dying at home and has stopped drinking. I am afraid she is suffering from thirst. What can we do?', 'en-US'],
  ])('%s', async (text, locale) => {
    const replies = await parts(text, locale);
    expectNoCrisis(replies, locale);
  });
});
