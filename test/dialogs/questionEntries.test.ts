// The router answers the question entry that answers the message: the specific answer with its own
// footer, a second question as "Auch gefragt", the story's care grade in the amount, and a story that
// merely names a Stadtteil gets an answer, not an offer list.
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

test('two questions in one message: the second is offered as "Auch gefragt", and the button answers it', async () => {
  const client = mainDialogClient(app, 'de');
  const reply = await client.sendActivity('Mein Vater ist jetzt im Heim. Muss ich als Sohn für das Heim zahlen? Und kann das Sozialamt das Geld zurückfordern, das er mir vor drei Jahren geschenkt hat?');
  const buttons = (reply?.suggestedActions?.actions ?? []).map((a: { title?: string }) => a.title ?? '');
  expect(buttons[0]).toMatch(/^Auch gefragt: /);
  const titles = [app.services.kb.entry('social_assistance_gift_reclaim')!.de.title, app.services.kb.entry('social_assistance_children_income_limit')!.de.title];
  expect(titles.some((t) => shown(reply).includes(t))).toBe(true);
  expect(titles.some((t) => buttons[0].includes(t))).toBe(true);
  const second = await client.sendActivity(buttons[0]);
  expect(titles.some((t) => shown(second).includes(t) && !buttons.slice(1).includes(t))).toBe(true);
});

test('the care grade the story tells gives the amount for that grade', async () => {
  const [de] = await ask('de', 'Meine Mutter wird von uns zu Hause gepflegt, sie hat Pflegegrad 3. Wie viel Pflegegeld bekommt sie?');
  expect(de).toMatch(/599 €/);
  expect(de).not.toMatch(/Welchen Pflegegrad/);
});
