// The two strengths of a crisis answer, the acknowledgement of distress and social intents that
// refuse care content, through the real bot (crisis check first, then the dialogs).
import { testApp } from '../helpers/app';
import type { App } from '../../bot/app';
import { BotChat } from './guidedHelpers';

let app: App;
beforeAll(async () => { app = await testApp(); }, 120_000);

const t = (key: string, lng: 'de' | 'en') => app.services.i18n.t(key, { lng });
const parts = async (text: string, locale = 'de-DE'): Promise<string[]> => (await new BotChat(app, locale).say(text)).split('\n---\n');

describe('a clear crisis: the numbers first, in the user language, nothing else', () => {
  test.each<[string, 'de' | 'en', string, RegExp]>([
    ['hab heute wieder dran gedacht mich umzubringen, ich halts nich mehr aus', 'de', 'suicidal', /0800 111 0 111/],
    ['Ich kann nicht mehr. Seit Monaten pflege ich meinen Mann allein. Manchmal denke ich, es wäre besser, wenn ich nicht mehr da wäre. Wie beantrage ich einen Pflegegrad?', 'de', 'suicidal', /0800 111 0 111/],
    ['my mum just collapsed in the kitchen and isnt answering me', 'en', 'medical', /112/],
    ["Dad's face is drooping on one side and he can't get his words out", 'en', 'medical', /112/],
    ['Der Pflegedienst schreit meine Mutter an und sie hat blaue Flecken', 'de', 'violence', /110/],
    ['Meine Mutter liegt im Heim stundenlang in ihrem eigenen Kot', 'de', 'neglect', /Heimaufsicht/],
    ['I hit my dad today, I just snapped', 'en', 'loss_of_control', /030 20179131/],
  ])('%s', async (text, lang, kind, number) => {
    const replies = await parts(text, lang === 'de' ? 'de-DE' : 'en-US');
    expect(replies[0]).toBe(t(`crisis.${kind}`, lang));
    expect(replies[0]).toMatch(number);
    expect(replies).toEqual([t(`crisis.${kind}`, lang), t('crisis_after', lang)]);
  });
});

// Violence often leaves an injury: the answer names the ambulance beside the police (session 19: it named only 110)
describe('violence with an injury: police and ambulance in the one crisis answer', () => {
  test.each<[string, 'de' | 'en']>([
    ['Der Pflegedienst schreit meine Mutter an und hat sie geschubst, sie hat eine Platzwunde am Arm', 'de'],
    ['My brother hits our mum when he is drunk, last night he hit her and her lip is split', 'en'],
  ])('%s', async (text, lang) => {
    const replies = await parts(text, lang === 'de' ? 'de-DE' : 'en-US');
    expect(replies[0]).toBe(t('crisis.violence', lang));
    expect(replies[0]).toMatch(/\b110\b/);
    expect(replies[0]).toMatch(/\b112\b/);
  });
});

describe('a possible crisis: the usual answer, then one gentle line', () => {
  test.each<[string, 'de' | 'en', string]>([
    ['Was mache ich, wenn mein Vater sagt, er will nicht mehr leben?', 'de', 'suicidal'],
    ['Mein Vater hat einen Dekubitus, zahlt die Kasse eine Wechseldruckmatratze?', 'de', 'neglect'],
    ['I keep snapping at my dad and I hate myself for it', 'en', 'loss_of_control'],
  ])('%s', async (text, lang, kind) => {
    const replies = await parts(text, lang === 'de' ? 'de-DE' : 'en-US');
    expect(replies.length).toBeGreaterThanOrEqual(2);
    expect(replies[replies.length - 1]).toBe(t(`crisis_gentle.${kind}`, lang));
    expect(replies.filter((r) => r === t(`crisis_gentle.${kind}`, lang))).toHaveLength(1);
    for (const k of ['suicidal', 'medical', 'violence', 'neglect', 'loss_of_control', 'out_of_hours', 'missing']) expect(replies[0]).not.toBe(t(`crisis.${k}`, lang));
  });
});

test.each<[string, string]>([
  ['Nach meinem Schlaganfall lag ich lange auf dem Boden. Wie sorge ich vor?', 'de-DE'],
  ['Falls sie mal stürzt, wer hilft dann?', 'de-DE'],
  ['My dad had a fall two months ago and now uses a walker. Can we get a stair lift?', 'en-US'],
])('a prevention or past-event question gets no emergency number: %s', async (text, locale) => {
  const all = (await parts(text, locale)).join('\n');
  expect(all).not.toMatch(/\b112\b/);
});

describe('overload, guilt, fear, grief: acknowledged first, with the carers\' help', () => {
  test.each<[string, 'de' | 'en', string]>([
    ['Ich habe ein schlechtes Gewissen, weil ich Papa ins Heim gegeben habe', 'de', 'guilt'],
    ['I feel so guilty about putting mum in a home', 'en', 'guilt'],
    ['Ich bin so erschöpft, ich pflege meine Mutter seit Jahren allein.', 'de', 'overload'],
  ])('a message that asks nothing: the sentence and the help together, %s', async (text, lang, feeling) => {
    const replies = await parts(text, lang === 'de' ? 'de-DE' : 'en-US');
    expect(replies[0]).toBe(`${t(`feelings.${feeling}`, lang)} ${t('feelings_help', lang)}`);
    expect(replies[0]).toMatch(/030 20179131/);
    expect(replies.length).toBeGreaterThanOrEqual(2);
  });
  // Issue 17, class 1: the acknowledgement never stands in for the answer to the question asked.
  test.each<[string, 'de' | 'en', string, string]>([
    ['Ich bin völlig erschöpft. Mein Vater mit Demenz will sich seit Tagen nicht mehr waschen lassen. Wie bekomme ich ihn dazu, dass er Hilfe beim Waschen annimmt?', 'de', 'overload', 'dementia_refuses_washing'],
    ['Mein Vater ist letzte Woche im Heim gestorben und ich vermisse ihn sehr. Muss ich das Heim nach seinem Tod noch weiterbezahlen?', 'de', 'grief', 'home_contract_billing_after_death'],
    ["I'm exhausted and at the end of my tether. My dad has dementia and won't let anyone wash him. How can I get him to accept help with washing?", 'en', 'overload', 'dementia_refuses_washing'],
    ["My husband died in the spring and I still can't believe it. Do I have to pay back the care allowance he got for the month he died?", 'en', 'grief', 'allowance_after_death'],
  ])('a feeling with a question: one sentence, then the answer, then the help: %s', async (text, lang, feeling, entry) => {
    const replies = await parts(text, lang === 'de' ? 'de-DE' : 'en-US');
    expect(replies[0]).toBe(t(`feelings.${feeling}`, lang));
    const title = app.services.kb.questions.get(entry)![lang].title;
    expect(replies[1]).toContain(`**${title}**`);
    expect(replies[replies.length - 1]).toBe(t('feelings_help', lang));
    expect(replies.filter((r) => r.includes(t('feelings_help', lang)))).toHaveLength(1);
  });
  test('no acknowledgement for a plain question', async () => {
    const replies = await parts('Wie viel Pflegegeld gibt es bei Pflegegrad 2?');
    expect(replies.join('\n')).not.toContain(t('feelings_help', 'de'));
  });
});

describe('social intents answer short messages only, never care content or distress', () => {
  const social = (lang: 'de' | 'en') => ['thanks', 'goodbye', 'nothing_to_cancel', 'out_of_scope', 'welcome'].map((k) => app.services.i18n.t(k, { lng: lang, city: 'x' }));
  test.each<[string, 'de' | 'en']>([
    ['Danke, aber mein Vater ist seit gestern so verwirrt und isst nichts mehr', 'de'],
    ['Tschüss erstmal, ich muss noch klären wer die Tagespflege für meine Mutter bezahlt', 'de'],
    ['Thanks, but my mum still cannot get a care grade and I do not know why', 'en'],
    ['Bye for now, I need to sort out respite care for my father next week', 'en'],
  ])('%s', async (text, lang) => {
    const replies = await parts(text, lang === 'de' ? 'de-DE' : 'en-US');
    for (const r of replies) for (const s of social(lang)) expect(r.startsWith(s.slice(0, 30))).toBe(false);
  });
  test.each<[string, 'de' | 'en', string]>([
    ['Danke!', 'de', 'thanks'],
    ['Tschüss', 'de', 'goodbye'],
    ['thanks a lot', 'en', 'thanks'],
  ])('a short social message still gets its reply: %s', async (text, lang, key) => {
    // (a two-word text keeps the conversation's language, which the test channel does not set)
    const replies = await parts(text, lang === 'de' ? 'de-DE' : 'en-US');
    expect([t(key, 'de'), t(key, 'en')]).toContain(replies[0]);
  });
});
