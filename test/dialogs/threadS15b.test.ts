// The thread in session 15b (issue 18), against the real app, de and en: a grade corrected after a
// question that an entry of another topic answered ("Tagespflege bei Pflegegrad 1?" → the grade-1 rule)
// re-asks the question's own money topic at the new grade, not the grade-1 overview; "nein, nicht 2, …"
// corrects the grade; "wofür kann ich den verwenden?" / "what can we spend it on" after who gets the
// relief amount is answered by the sentence on what it pays for; "do we still get the allowance then"
// after short-term care is the half allowance that continues. Amounts come from the dated table.
import type { App } from '../../bot/app';
import { mainDialogClient, testApp } from '../helpers/app';
import { say } from '../helpers/say';
import { amountOn as v, euro as eur } from './guidedHelpers';

let app: App;
beforeAll(async () => {
  app = await testApp();
}, 120_000);

describe('a grade corrected after a question answered by another topic\'s rule', () => {
  test('de: Tagespflege bei Grad 1, dann "nee, sie hat grad 3": die Tagespflege bei Grad 3', async () => {
    const client = mainDialogClient(app);
    await say(client, 'zahlt die pflegekasse tagespflege bei pflegegrad 1');
    const reply = await say(client, 'nee, sie hat grad 3');
    expect(reply).toContain(eur(v('tagespflege', 3)));
    expect(reply).not.toMatch(/Leistungen bei Pflegegrad 1/);
  });

  test('de, with a typo that hides the concept: "kurzzeitpfelge bei pflegegrad 1 möglich?", then "ach so nein, sie hat grad 3": respite', async () => {
    const client = mainDialogClient(app);
    await say(client, 'kurzzeitpfelge bei pflegegrad 1 möglich?');
    const reply = await say(client, 'ach so nein, sie hat grad 3');
    expect(reply).toMatch(/Verhinderungspflege und Kurzzeitpflege/);
    expect(reply).not.toMatch(/Leistungen bei Pflegegrad 1/);
  });

  test('en: day care at grade 1, then "no wait, he has grade 4": day care at grade 4', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'does the care fund pay for day care at grade 1');
    const reply = await say(client, 'no wait, he has grade 4');
    expect(reply).toContain(eur(v('tagespflege', 4), 'en'));
    expect(reply).not.toMatch(/Benefits at care grade 1/);
  });
});

describe('"nein, nicht 2, …" corrects the grade', () => {
  test('de: der Pflegedienst bei Grad 2, dann "nein, nicht 2, mama hat grad 3": der Betrag bei Grad 3', async () => {
    const client = mainDialogClient(app);
    expect(await say(client, 'was zahlt die kasse für den pflegedienst bei pflegegrad 2')).toContain(eur(v('sachleistung', 2)));
    const reply = await say(client, 'nein, nicht 2, mama hat grad 3');
    expect(reply).toContain(eur(v('sachleistung', 3)));
    expect(reply).not.toMatch(/Wie wird die Person/);
  });
  // (English "no, not 2, dad has grade 5" was read before: "no" corrects the fact)
});

describe('what a benefit may be spent on', () => {
  test('de: wie viel Entlastungsbetrag es gibt, dann "für was darf ich den denn einsetzen": was er bezahlt', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Wie viel Entlastungsbetrag gibt es bei Pflegegrad 2?');
    const reply = await say(client, 'für was darf ich den denn einsetzen');
    expect(reply).toMatch(/Alltag|Tages|Kurzzeitpflege/);
    expect(reply).not.toMatch(/Besuchsdienst/);
  });

  test('en: who gets the relief amount, then "what can we spend it on": what it pays for', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'who is entitled to the relief amount');
    expect(await say(client, 'what can we spend it on')).toMatch(/everyday support|day or short-term care|day care/);
  });
});

describe('"the allowance" alone after short-term care', () => {
  test('en: short-term care, then "do we keep getting the allowance while he is there": half', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'my husband has grade 3 and goes into short-term care for two weeks in march');
    expect(await say(client, 'do we keep getting the allowance while he is there')).toMatch(/half/);
  });
});

describe('replies that matched only by a rotated part before', () => {
  test('de: Verhinderungspflege, dann "bekommen wir in der zeit trotzdem pflegegeld": die Hälfte läuft weiter', async () => {
    const client = mainDialogClient(app);
    await say(client, 'mein mann hat pflegegrad 2, ich will drei wochen in kur, was zahlt die kasse für die verhinderungspflege');
    const reply = await say(client, 'bekommen wir in der zeit trotzdem pflegegeld');
    expect(reply).toMatch(/Hälfte/);
  });

  test('de: Styrum, dann "Was ist eine Tagespflege?", dann "gibt es so eine bei uns?": Tagespflege-Angebote in Styrum', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Mein Vater lebt bei uns in Styrum und hat Pflegegrad 3.');
    await say(client, 'was ist eigentlich eine tagespflege');
    const reply = await say(client, 'gibt es so eine bei uns?');
    expect(reply).toMatch(/Tagespflege – Styrum/);
  });
});
