// The thread in session 15 (issue 18), against the real app, de and en: a statement that corrects the
// grade ("stimmt nicht ganz, er hat Pflegegrad 5", "thats wrong, she has grade 3 since the summer")
// re-answers the last question at the new grade instead of starting the benefits overview; "und wie
// lange?" after the application is the decision's time, "how long does that take" after the objection
// the time an objection may take (not the one-month deadline); a long question about who applies with
// particles in it ("darf ich den Antrag eigentlich für sie stellen …") is answered by the application's
// sentence on the power of attorney; "wo beantrage ich das?" after short-term care names the care fund
// (the answer's sentence on claiming the costs now says where). Amounts come from the dated table.
import type { App } from '../../bot/app';
import { mainDialogClient, testApp } from '../helpers/app';
import { say } from '../helpers/say';
import { amountOn as v, euro as eur } from './guidedHelpers';

let app: App;
beforeAll(async () => {
  app = await testApp();
}, 120_000);

describe('a statement that corrects the grade', () => {
  test('de: der Pflegedienst bei Grad 4, dann "stimmt nicht ganz, er hat pflegegrad 5": der Betrag bei Grad 5', async () => {
    const client = mainDialogClient(app);
    expect(await say(client, 'wie viel geld gibt es für einen pflegedienst bei grad 4')).toContain(eur(v('sachleistung', 4)));
    const reply = await say(client, 'stimmt nicht ganz, er hat pflegegrad 5');
    expect(reply).toContain(eur(v('sachleistung', 5)));
    expect(reply).not.toMatch(/Wie wird die Person/);
  });

  test('en: the allowance at grade 4, then "thats wrong, she has grade 3 since the summer": the allowance at grade 3', async () => {
    const client = mainDialogClient(app, 'en');
    expect(await say(client, 'how much care allowance with grade 4')).toContain(eur(v('pflegegeld', 4), 'en'));
    const reply = await say(client, 'thats wrong, she has grade 3 since the summer');
    expect(reply).toContain(eur(v('pflegegeld', 3), 'en'));
    expect(reply).not.toMatch(/How is the person/);
  });
});

describe('how long it takes, after an application or an objection', () => {
  test('de: der Antrag, dann "und wie lange?": 25 Arbeitstage', async () => {
    const client = mainDialogClient(app);
    await say(client, 'wie stelle ich einen antrag auf pflegegrad für meinen vater');
    const reply = await say(client, 'und wie lange?');
    expect(reply).toMatch(/25 Arbeitstage/);
    expect(reply).not.toMatch(/Schreiben Sie mir ein Datum/);
  });

  test('en: the objection, then "how long does that take": three months, not the one-month deadline', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'how do i lodge an objection against the care grade decision');
    expect(await say(client, 'how long does that take')).toMatch(/three months/);
  });
});

describe('a long question about who applies, with particles', () => {
  test('de: der Antrag, dann "darf ich den antrag eigentlich für sie stellen oder muss sie das unbedingt selber machen": Vollmacht', async () => {
    const client = mainDialogClient(app);
    await say(client, 'wie beantrage ich einen pflegegrad für meine mutter');
    expect(await say(client, 'darf ich den antrag eigentlich für sie stellen oder muss sie das unbedingt selber machen')).toMatch(/Vollmacht/);
  });

  test('en: applying, then "can i actually apply for her or does she have to do it herself": power of attorney', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'how do i apply for a care grade for my mother');
    expect(await say(client, 'can i actually apply for her or does she have to do it herself')).toMatch(/power of attorney/);
  });
});

describe('where to apply, after respite care', () => {
  test('de: Kurzzeitpflege, dann "wo beantrage ich das": die Pflegekasse', async () => {
    const client = mainDialogClient(app);
    await say(client, 'mein mann hat grad 3 und soll nach dem krankenhaus für drei wochen in die kurzzeitpflege. was zahlt die kasse');
    expect(await say(client, 'wo beantrage ich das')).toMatch(/Pflegekasse/);
  });

  test('en: respite care, then "where do i apply for it": the care fund', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'i need a break for two weeks, my mum has grade 3. how much respite care does the fund pay');
    expect(await say(client, 'where do i apply for it')).toMatch(/care fund/);
  });
});
