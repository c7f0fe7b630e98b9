// Long stories that talk of violence, dying or wandering in the past or in a legal or palliative
// frame get the answer to their question, not a crisis answer; fresh third-person and passive
// crises still get the numbers first; a risk mentioned in passing gets the answer plus one gentle line.
import { testApp } from '../helpers/app';
import type { App } from '../../bot/app';
import { CRISIS_KINDS as KINDS, crisisKit } from './guidedHelpers';

let app: App;
beforeAll(async () => { app = await testApp(); }, 120_000);

const { t, lang, parts, expectNoCrisis } = crisisKit(() => app);

describe('stories with past violence, dying at home, an end-of-life or legal question: no crisis answer', () => {
  test.each<[string, string]>([
    ['Als Kind hat mich mein Vater oft geschlagen. Heute ist er pflegebedürftig und das Sozialamt will wissen, ob ich zum Heim etwas zuzahlen muss. Stimmt das?', 'de-DE'],
    ['My mother hit us a lot when we were kids. Now she needs a care home and the council asks me to contribute. Do I have to pay?', 'en-US'],
    ['Mein Vater hat Bauchspeicheldrüsenkrebs im Endstadium und möchte zu Hause bei uns sterben. Bekomme ich von meinem Arbeitgeber frei, um ihn zu begleiten?', 'de-DE'],
    ['My dad has terminal cancer and wants to die at home with us. Can I get time off work to be with him?', 'en-US'],
    ['Meine Mutter ist in einem späten Stadium der Demenz und isst fast nichts mehr. Der Heimarzt schlägt eine Magensonde vor. Was heißt ihre Patientenverfügung dafür?', 'de-DE'],
    ['Mein Mann hat Demenz und ist schon zweimal nachts aus dem Haus gelaufen, ein Taxifahrer hat ihn heimgebracht. Darf ich einen Alarm an der Haustür anbringen?', 'de-DE'],
    ['My husband has dementia and twice walked out of the house at night; a taxi driver brought him home once. Am I allowed to fit a door alarm?', 'en-US'],
    ['Meine Mutter kann ihre Post nicht mehr lesen und nichts mehr unterschreiben. Wie werde ich ihre rechtliche Betreuerin?', 'de-DE'],
    ['Mum can no longer read her letters or sign anything. How do I become her legal guardian?', 'en-US'],
  ])('%s', async (text, locale) => {
    const replies = await parts(text, locale);
    expectNoCrisis(replies, locale, true);
    // violence long past may still earn the gentle line after the answer (the policy for past violence)
    const gentle = KINDS.map((k) => t(`crisis_gentle.${k}`, lang(locale)));
    expect(gentle).not.toContain(replies[0]);
    for (const k of ['suicidal', 'medical']) expect(replies).not.toContain(t(`crisis_gentle.${k}`, lang(locale)));
    expect(replies.filter((r) => !gentle.includes(r)).join('\n')).not.toMatch(/\b(112|110)\b/);
  });
});

describe('third-person violence, money taken, passive death wishes, closed practices: the numbers first', () => {
  test.each<[string, string, string]>([
    ['Die Frau vom Pflegedienst kneift meinen Vater, er hat überall blaue Stellen an den Armen', 'de-DE', 'violence'],
    ['der neue freund meiner tante hebt mit ihrer karte heimlich geld ab', 'de-DE', 'violence'],
    ['my stepdad slaps my nan when she wets herself', 'en-US', 'violence'],
    ['ich mag morgens gar nicht mehr aufwachen', 'de-DE', 'suicidal'],
    ['Wenn ich morgen nicht mehr aufwache, wäre das auch okay', 'de-DE', 'suicidal'],
    ['bank holiday, grans run out of her heart tablets, what now', 'en-US', 'out_of_hours'],
  ])('%s', async (text, locale, kind) => {
    const replies = await parts(text, locale);
    expect(replies).toEqual([t(`crisis.${kind}`, lang(locale)), t('crisis_after', lang(locale))]);
  });
});

test('a risk in passing (a neighbour without electricity who seems neglected): the answer, then one gentle line', async () => {
  const replies = await parts('Mein Nachbar, 80, lebt allein, wirkt verwahrlost und der Strom ist abgestellt. Wer macht in Mülheim Hausbesuche zur Pflegeberatung?', 'de-DE');
  expect(replies.length).toBeGreaterThanOrEqual(2);
  expect(replies[0]).not.toBe(t('crisis.neglect', 'de'));
  expect(replies[replies.length - 1]).toBe(t('crisis_gentle.neglect', 'de'));
});
