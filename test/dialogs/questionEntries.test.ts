// The router answers the question entry that answers the message: the specific answer with its own
// footer, a second question as "Auch gefragt", the story's care grade in the amount, and a story that
// merely names a Stadtteil gets an answer, not an offer list.
import type { Activity } from 'botbuilder';
import type { App } from '../../bot/app';
import { mainDialogClient, shown, testApp } from '../helpers/app';

let app: App;
beforeAll(async () => {
  app = await testApp();
}, 120_000);

async function ask(lang: 'de' | 'en', ...texts: string[]): Promise<string[]> {
  const client = mainDialogClient(app, lang);
  const out: string[] = [];
  for (const t of texts) {
    const reply = await client.sendActivity(t);
    const all = [shown(reply)];
    let next;
    while ((next = client.getNextReply())) all.push(shown(next));
    out.push(all.join('\n'));
  }
  return out;
}

test('a specific question gets an entry: the answer to it, with the entry\'s legal basis', async () => {
  const [de] = await ask('de', 'Meine Mutter gibt mir ihr Pflegegeld weiter. Muss ich das versteuern?');
  expect(de).not.toMatch(/^\*\*Pflegegeld\*\*/);
  expect(de).toMatch(/steuerfrei|versteuer/);
  expect(de).toMatch(/EStG/);
  const [en] = await ask('en', 'Do I have to pay tax on the care allowance my mum passes on to me?');
  expect(en).toMatch(/tax-free|tax/);
  expect(en).toMatch(/EStG/);
});

test('the general question keeps the topic answer', async () => {
  const [de] = await ask('de', 'Wie beantrage ich Pflegegeld?');
  expect(de).toMatch(/Pflegegeld/);
  expect(de).not.toMatch(/steuerfrei/);
});

test('a story that names a Stadtteil and asks something else gets an answer, not offers', async () => {
  const [de] = await ask('de', 'Meine Mutter lebt seit einem Jahr im Pflegeheim in Holthausen und ihr Geld reicht nicht mehr. Muss ich als Tochter für das Heim zahlen?');
  expect(de).not.toMatch(/Angebot\(e\)/);
  expect(de).toMatch(/100\.000/);
});

test('a short message with a place is still an offer search', async () => {
  const [de] = await ask('de', 'Tagespflege in Saarn');
  expect(de).toMatch(/Tagespflege/);
  expect(de).toMatch(/Saarn/);
});

// Since several questions get their own answers (bot/conversation/multiQuestion.ts), the second one is
// answered briefly in the same turn instead of only offered as a button; its details are a button.
test('two questions in one message: each is answered, the second briefly with its details one button away', async () => {
  const client = mainDialogClient(app, 'de');
  const first = await client.sendActivity('Mein Vater ist jetzt im Heim. Muss ich als Sohn für das Heim zahlen? Und kann das Sozialamt das Geld zurückfordern, das er mir vor drei Jahren geschenkt hat?');
  const rest: Partial<Activity>[] = [];
  for (let r = client.getNextReply(); r; r = client.getNextReply()) rest.push(r);
  const titles = [app.services.kb.entry('social_assistance_gift_reclaim')!.de.title, app.services.kb.entry('social_assistance_children_income_limit')!.de.title];
  // one answer in full (its title first), the other briefly right before or after it, in the order
  // asked (session 14: "Zuerst zu Ihrer Frage" when asked before the full answer's question)
  const replies = [first, ...rest];
  const fullAt = replies.findIndex((r) => titles.some((t) => shown(r).startsWith(`**${t}**`)));
  expect(fullAt).toBeGreaterThanOrEqual(0);
  const fullTitle = titles.find((t) => shown(replies[fullAt]).startsWith(`**${t}**`))!;
  const otherTitle = titles.find((t) => t !== fullTitle)!;
  expect(replies.length).toBeGreaterThanOrEqual(2);
  const brief = fullAt === 0 ? `Sie fragten auch: **${otherTitle}**` : `Zuerst zu Ihrer Frage: **${otherTitle}**`;
  expect(shown(replies[fullAt === 0 ? 1 : 0])).toContain(brief);
  const last = rest[rest.length - 1];
  const buttons = (last?.suggestedActions?.actions ?? []).map((a: { title?: string }) => a.title ?? '');
  expect(buttons[0]).toBe(`Mehr dazu: ${otherTitle}`);
  const details = await client.sendActivity(buttons[0]);
  expect(shown(details)).toContain(`**${otherTitle}**`);
});

test('the care grade the story tells gives the amount for that grade', async () => {
  const [de] = await ask('de', 'Meine Mutter wird von uns zu Hause gepflegt, sie hat Pflegegrad 3. Wie viel Pflegegeld bekommt sie?');
  expect(de).toMatch(/599 €/);
  expect(de).not.toMatch(/Welchen Pflegegrad/);
});

// Issue 17, arbitration on stories: the story's nouns (an application, an assessment) make the intent
// engine answer with the application overview; the question sentence asks from when the money comes,
// which a question entry answers. The question sentence decides (bot/nlu/retrieve.ts, questionFloor).
test('a story with nouns of one topic and a question of a specific entry gets that entry (de, en)', async () => {
  const [de] = await ask('de', 'Seit dem Schlaganfall im Februar braucht mein Vater Hilfe, im März haben wir bei der Pflegekasse den Pflegegrad beantragt. Die Begutachtung war erst im Mai. Ab wann gibt es das Geld, ab dem Antrag im März?');
  expect(de).toMatch(/Ab wann gibt es Leistungen der Pflegekasse\?/);
  expect(de).not.toMatch(/^\*\*Pflegegrad beantragen\*\*/m);
  expect(de).toMatch(/Antrag.*eingegangen/);
  const [en] = await ask('en', 'Since his stroke in February my father needs help, and in March we applied for a care grade. The assessment was only in May. From when is the money paid, from the application in March?');
  expect(en).toMatch(/From when are care fund benefits paid\?/);
  expect(en).not.toMatch(/^\*\*Applying for a care grade\*\*/m);
});

// A story about a hospital stay (the discharge topic's nouns) that asks whether a forgotten stand-in
// invoice can still be claimed: the respite claim deadline, not the discharge overview.
test('a hospital story that asks about a forgotten respite invoice gets the claim deadline (de, en)', async () => {
  const [de] = await ask('de', 'Letztes Jahr war ich selbst eine Woche im Krankenhaus, und ein Pflegedienst hat solange meinen Mann versorgt. Die Rechnung habe ich bezahlt und vergessen, sie bei der Pflegeversicherung einzureichen. Ist es jetzt zu spät, das Geld zurückzubekommen?');
  expect(de).toMatch(/Bis wann muss ich Verhinderungspflege abrechnen\?/);
  expect(de).not.toMatch(/^\*\*Nach dem Krankenhaus/m);
  const [en] = await ask('en', 'Two summers ago I had surgery and spent ten days in hospital, so a nursing service looked after my mum at home. I settled their invoice myself and never passed it on to the care insurance. Is it too late to get that money back?');
  expect(en).toMatch(/By when must I claim respite care\?/);
  expect(en).not.toMatch(/^\*\*After hospital/m);
});
