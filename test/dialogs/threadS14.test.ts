// The thread in session 14 (issue 18), against the real app, de and en: "wie lange hab ich Zeit?"
// after a refused grade is the objection's deadline; "wem muss ich das sagen?" / "who should I tell?"
// after the short leave from work names the employer (the answer's next step); "und nach zwei Jahren?"
// / "and after a year?" after the nursing-home amount gives the supplement that grows with the stay;
// "Pflegegard 4" (a slip) is grade 4. Amounts come from the dated table.
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

describe('a slip in "Pflegegrad"', () => {
  test('de: "wie viel pflegegeld gibt es bei pflegegard 4": the amount at grade 4', async () => {
    const client = mainDialogClient(app);
    expect(await say(client, 'wie viel pflegegeld gibt es bei pflegegard 4')).toContain(eur(v('pflegegeld', 4)));
  });
});
