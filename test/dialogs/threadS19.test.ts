// The thread in session 19 (issue 18), against the real app, de and en: "und muss da jemand zu uns nach Hause
// kommen" / "will someone come to the house to look at her?" after applying for a care grade asks about the
// Medical Service's visit (not the dementia wish to go home, not live-in care); "he lives with us and i look
// after him" after the money overview tells that the family cares: the care allowance at the thread's grade,
// not live-in care; "the care fund turned down my objection too. what now?" as the first message: the social
// court, not how to object. Amounts come from the dated table.
import type { App } from '../../bot/app';
import { mainDialogClient, testApp } from '../helpers/app';
import { say } from '../helpers/say';
import { amountOn as v, euro as eur } from './guidedHelpers';

let app: App;
beforeAll(async () => {
  app = await testApp();
}, 120_000);

describe("the assessor's home visit", () => {
  test('de: "und muss da jemand zu uns nach hause kommen" after applying: the Medical Service, not dementia', async () => {
    const client = mainDialogClient(app);
    expect(await say(client, 'wo beantrage ich den pflegegrad')).toMatch(/Pflegekasse/);
    const reply = await say(client, 'und muss da jemand zu uns nach hause kommen');
    expect(reply).toMatch(/Medizinischen Dienst/);
    expect(reply).not.toMatch(/Demenz/);
  });

  test('en: "will someone come to the house to look at her?" after applying: the Medical Service, not live-in care', async () => {
    const client = mainDialogClient(app, 'en');
    expect(await say(client, 'how do i get a care grade for my mum, she is getting more forgetful')).toMatch(/care fund/i);
    const reply = await say(client, 'will someone come to the house to look at her?');
    expect(reply).toMatch(/Medical Service/);
    expect(reply).not.toMatch(/24-hour|live-in/i);
  });
});

describe('the family cares', () => {
  test('en: "he lives with us and i look after him" after the money overview at grade 2: the care allowance', async () => {
    const client = mainDialogClient(app, 'en');
    expect(await say(client, 'my dad has grade 2 and wants to stay at home. what money can he get')).toContain(eur(v('pflegegeld', 2), 'en'));
    const reply = await say(client, 'he lives with us and i look after him');
    expect(reply).toContain(eur(v('pflegegeld', 2), 'en'));
    expect(reply).not.toMatch(/24-hour|live-in/i);
  });

  test('de: the setting question answered with "wir kümmern uns um alles": the family, not 24-hour care', async () => {
    const client = mainDialogClient(app);
    expect(await say(client, 'pflegegrad 3, was bekommen wir da')).toMatch(/Angehörige pflegen zu Hause/);
    const reply = await say(client, 'also er wohnt bei uns und meine frau und ich kümmern uns um alles');
    expect(reply).toContain(eur(v('pflegegeld', 3)));
    expect(reply).not.toMatch(/24-Stunden/);
  });
});

describe('a refused objection as the first message', () => {
  test('en: "the care fund turned down my objection too. what now?": the social court, not how to object', async () => {
    const client = mainDialogClient(app, 'en');
    const reply = await say(client, 'the care fund turned down my objection too. what now?');
    expect(reply).toMatch(/social court/i);
    expect(reply).toMatch(/one month/i);
    expect(reply).not.toMatch(/lodge a written objection/i);
  });
});
