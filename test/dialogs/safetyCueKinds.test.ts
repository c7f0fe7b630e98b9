// Session 9's cue kinds through the real bot, both answer strengths, de and en: nobody reachable
// now with an acute need (out of hours without a clock word), who harms whom (an agent, an act, a
// victim), the means of a suicide, a carer's fear of their own hands. Their past or asked-about
// form gets the answer plus one gentle line, and a look-alike (an idiom, a film, a doctor on
// holiday with no acute need) gets no crisis answer.
import { testApp } from '../helpers/app';
import type { App } from '../../bot/app';
import { CRISIS_KINDS as KINDS, crisisKit } from './guidedHelpers';

let app: App;
beforeAll(async () => { app = await testApp(); }, 120_000);

const { t, lang, parts, expectNoCrisis } = crisisKit(() => app);

describe('clear: the numbers first, nothing else', () => {
  test.each<[string, string, string]>([
    // acute + nobody reachable now
    ['Der Nachtdienst ist nicht gekommen, Papa hat starke Schmerzen und beim Pflegedienst geht keiner ans Telefon.', 'de-DE', 'out_of_hours'],
    ['The carer never turned up tonight, dad is in pain and the agency line goes to voicemail.', 'en-US', 'out_of_hours'],
    // an agent, an act, a victim
    ['Die Betreuerin vom Dienst kneift meine Oma und beschimpft sie, wenn keiner zusieht.', 'de-DE', 'violence'],
    ['The agency carer swears at my nan and shoves her back into the chair.', 'en-US', 'violence'],
    // the means, without a word of dying
    ['Ich habe mir heute einen Strick gekauft.', 'de-DE', 'suicidal'],
    ['I have written a suicide note and put it in the drawer.', 'en-US', 'suicidal'],
    // a carer afraid of their own hands
    ['Ich traue mir selbst nicht mehr, ich habe Mama heute am Arm gepackt und geschüttelt.', 'de-DE', 'loss_of_control'],
    ['I do not trust myself any more, I grabbed dad so hard it left bruises.', 'en-US', 'loss_of_control'],
  ])('%s', async (text, locale, kind) => {
    const replies = await parts(text, locale);
    expect(replies).toEqual([t(`crisis.${kind}`, lang(locale)), t('crisis_after', lang(locale))]);
  });
});

describe('past: the answer to the question, then one gentle line', () => {
  test.each<[string, string, string]>([
    ['Früher hat die Pflegerin meine Oma beschimpft, wir haben gewechselt und jetzt ist alles gut. Wie kündige ich den alten Vertrag?', 'de-DE', 'violence'],
    ['Years ago a carer shoved my nan, we changed agency long ago. How do I cancel the old contract?', 'en-US', 'violence'],
    ['Vor vielen Jahren habe ich einen Abschiedsbrief geschrieben, heute geht es mir besser. Welche Kur gibt es für pflegende Angehörige?', 'de-DE', 'suicidal'],
    ['Years ago I wrote a farewell letter, I am better now. Is there respite for carers?', 'en-US', 'suicidal'],
    ['Vor zwei Jahren habe ich die Kontrolle verloren und meine Mutter gepackt, seitdem gehe ich zur Beratung. Gibt es eine Selbsthilfegruppe?', 'de-DE', 'loss_of_control'],
    ['A few years ago I lost it with my mum and shook her; I have had counselling since. Is there a carers group?', 'en-US', 'loss_of_control'],
  ])('%s', async (text, locale, kind) => {
    const replies = await parts(text, locale);
    expect(replies.length).toBeGreaterThanOrEqual(2);
    for (const k of KINDS) expect(replies[0]).not.toBe(t(`crisis.${k}`, lang(locale)));
    expect(replies[replies.length - 1]).toBe(t(`crisis_gentle.${kind}`, lang(locale)));
    expect(replies.filter((r) => r === t(`crisis_gentle.${kind}`, lang(locale)))).toHaveLength(1);
  });
});

describe('look-alikes: no crisis answer', () => {
  test.each<[string, string]>([
    ['Unser Hausarzt hat Urlaub. Wer stellt in der Zeit die Rezepte für meine Mutter aus?', 'de-DE'],
    ['Our GP is on holiday next month. Who signs mums prescriptions meanwhile?', 'en-US'],
    ['Der Papierkram bringt mich noch um, wer hilft beim Antrag?', 'de-DE'],
    ['I am dying to know when the letter comes.', 'en-US'],
  ])('%s', async (text, locale) => {
    const replies = await parts(text, locale);
    expectNoCrisis(replies, locale);
  });
});
