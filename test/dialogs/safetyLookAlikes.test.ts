// Care questions that only share words with a crisis (session 11, crisisfa): whether the family may
// force someone, what a live-in carer costs, a recurring symptom of someone dying, a fear about the
// future. None of them gets the numbers first; the crises they resemble still do.
import { testApp } from '../helpers/app';
import type { App } from '../../bot/app';
import { crisisKit } from './guidedHelpers';

let app: App;
beforeAll(async () => { app = await testApp(); }, 120_000);

const { t, lang, parts, expectNoCrisis } = crisisKit(() => app);

describe('a look-alike care question: no crisis answer, no gentle line', () => {
  test.each<[string, string]>([
    // may we force her? (permission)
    ['Papa lässt sich seit Wochen nicht mehr rasieren und wird dabei laut. Dürfen wir ihn dazu zwingen?', 'de-DE'],
    ['My uncle says no to the day centre every Tuesday morning. Are we allowed to force him to go?', 'en-US'],
    // price and legality of a live-in carer
    ['Uns wurde eine Betreuerin für 24 Stunden angeboten, 2000 Euro im Monat. Was kostet das legal grob?', 'de-DE'],
    ['A company offers a live-in carer for 2,000 euros a month. What would a legal arrangement cost, roughly?', 'en-US'],
    // a fear about the future
    ['Ich habe Angst, dass mein Vater irgendwann zusammenbricht, er pflegt Mama ganz allein. Was können wir tun?', 'de-DE'],
    ['I worry my mum will collapse one day, she cares for grandad on her own. What can we do?', 'en-US'],
  ])('%s', async (text, locale) => {
    const replies = await parts(text, locale);
    expectNoCrisis(replies, locale);
  });
});

describe('a recurring symptom of someone dying, asked about palliative care: no crisis answer', () => {
  // the gentle line may stay (breathlessness is never waved through), the numbers-first answer may not
  test.each<[string, string]>([
    ['Meine Frau wird palliativ zu Hause versorgt und hat nachts immer wieder Atemnot. Wer kann uns helfen?', 'de-DE'],
    ['My husband is in palliative care at home and is often breathless at night. Who can support us?', 'en-US'],
  ])('%s', async (text, locale) => {
    const replies = await parts(text, locale);
    expectNoCrisis(replies, locale, true);
  });
});

describe('the crises these resemble: still the numbers first', () => {
  test.each<[string, string, string]>([
    ['Der Betreuer drückt Opa gerade aufs Bett und zwingt ihn, die Tabletten zu schlucken.', 'de-DE', 'violence'],
    ['The carer is holding her down right now and forcing her into the shower.', 'en-US', 'violence'],
    ['Mama liegt im Sterben, sie bekommt jetzt keine Luft mehr und hat blaue Lippen.', 'de-DE', 'medical'],
    ['She is in a hospice and cannot breathe right now, her lips are blue.', 'en-US', 'medical'],
    ['Mein Mann ist gerade zusammengebrochen.', 'de-DE', 'medical'],
    ['He collapsed in the hallway a minute ago.', 'en-US', 'medical'],
  ])('%s', async (text, locale, kind) => {
    const replies = await parts(text, locale);
    expect(replies[0]).toBe(t(`crisis.${kind}`, lang(locale)));
  });
});
