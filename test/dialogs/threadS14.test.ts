// The thread in session 14 (issue 18), against the real app, de and en: "wie lange hab ich Zeit?"
// after a refused grade is the objection's deadline; "wem muss ich das sagen?" / "who should I tell?"
// after the short leave from work names the employer (the answer's next step); "und nach zwei Jahren?"
// / "and after a year?" after the nursing-home amount gives the supplement that grows with the stay;
// "muss das schriftlich sein?" / "can I send it by email?" after the objection is answered from its
// sentence about the form; "was kostet uns das?" / "does it cost us anything?" after short-term
// care gives what the family pays itself; "Pflegegard 4" and "im hiem" (slips) are grade 4 and the home. Amounts come from the dated table.
import type { App } from '../../bot/app';
import { mainDialogClient, testApp } from '../helpers/app';
import { say } from '../helpers/say';
import { amountOn as v, euro as eur } from './guidedHelpers';

let app: App;
beforeAll(async () => {
  app = await testApp();
}, 120_000);

describe('a colloquial deadline question', () => {
  test('de: a refused grade, then "wie lange hab ich denn zeit dafür": the month for the objection', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Die Pflegekasse hat den Pflegegrad für meine Oma abgelehnt.');
    const reply = await say(client, 'wie lange hab ich denn zeit dafür');
    expect(reply).toMatch(/Monat/);
    expect(reply).not.toMatch(/Schritt für Schritt/);
  });
});

describe('who is told', () => {
  test('de: the short leave from work, then "wem muss ich das sagen": the employer', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Meine Mutter ist gestern gestürzt und braucht jetzt Pflege. Kann ich dafür kurzfristig der Arbeit fernbleiben?');
    expect(await say(client, 'wem muss ich das sagen')).toMatch(/Arbeitgeber/);
  });

  test('en: the short leave from work, then "who should i tell": the employer', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'My mother fell yesterday and suddenly needs care. Can I stay away from work for a few days?');
    expect(await say(client, 'who should i tell')).toMatch(/employer/);
  });
});

describe('change over the years', () => {
  test('de: the nursing home at grade 3, then "und nach zwei jahren?": the supplement by length of stay', async () => {
    const client = mainDialogClient(app);
    expect(await say(client, 'Was zahlt die Pflegekasse im Pflegeheim bei Pflegegrad 3?')).toContain(eur(v('stationaer', 3)));
    expect(await say(client, 'und nach zwei jahren?')).toMatch(/nach mehr als zwölf Monaten/);
  });

  test('en: the nursing home at grade 3, then "and after a year?": the supplement by length of stay', async () => {
    const client = mainDialogClient(app, 'en');
    expect(await say(client, 'how much does the care fund pay for a nursing home at care grade 3')).toContain(eur(v('stationaer', 3), 'en'));
    expect(await say(client, 'and after a year?')).toMatch(/after more than/);
  });
});

describe('the form of an objection', () => {
  test('de: the objection, then "muss das schriftlich sein?": the sentence about writing', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Ich bin mit dem Bescheid der Pflegekasse nicht einverstanden, wie lege ich Widerspruch ein?');
    expect(await say(client, 'muss das schriftlich sein?')).toMatch(/schriftlich/);
  });

  test('en: the objection, then "does it have to be in writing?": the sentences about a letter', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'I disagree with the care fund decision, how do I object?');
    expect(await say(client, 'does it have to be in writing?')).toMatch(/letter/);
  });
});

describe('what the family pays itself', () => {
  test('de: short-term care, then "müssen wir da noch was dazu zahlen?": board and lodging are paid by the family (a guard: the cost reading found the sentence before too)', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Mein Mann kommt nach der Reha für ein paar Wochen in die Kurzzeitpflege. Was zahlt die Pflegekasse?');
    expect(await say(client, 'müssen wir da noch was dazu zahlen?')).toMatch(/Unterkunft und Verpflegung[^.]*selbst/);
  });

  test('en: short-term care, then "does it cost us anything?": board and lodging are paid by the family', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'what is short-term care');
    expect(await say(client, 'does it cost us anything?')).toMatch(/board and lodging yourself/);
  });
});

describe('a slip in "Pflegegrad"', () => {
  test('de: "wie viel pflegegeld gibt es bei pflegegard 4": the amount at grade 4', async () => {
    const client = mainDialogClient(app);
    expect(await say(client, 'wie viel pflegegeld gibt es bei pflegegard 4')).toContain(eur(v('pflegegeld', 4)));
  });

  test('de: the allowance at grade 4, then "und im hiem?" (a slip): the nursing-home amount at grade 4', async () => {
    const client = mainDialogClient(app);
    expect(await say(client, 'Wie viel Pflegegeld gibt es bei Pflegegrad 4?')).toContain(eur(v('pflegegeld', 4)));
    expect(await say(client, 'und im hiem?')).toContain(eur(v('stationaer', 4)));
  });
});
