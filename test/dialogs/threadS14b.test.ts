// The thread in session 14b (issue 18), against the real app, de and en: a slip in the opening of an
// elliptic follow-up ("wat about grade 4", "un bei grad 3") or in "grade" ("and for grdae 4?") keeps
// the last topic at the new grade; "kann ich das für ihn machen?" / "can i do it for her?" after the
// application is answered by its sentence on who applies (the person or someone with a power of
// attorney); "und an wen schick ich den?" after the objection names the care fund (the objection entry
// now says it goes to the office that issued the decision, § 84 SGG). Amounts come from
// the dated table.
import type { App } from '../../bot/app';
import { mainDialogClient, testApp } from '../helpers/app';
import { say } from '../helpers/say';
import { amountOn as v, euro as eur } from './guidedHelpers';

let app: App;
beforeAll(async () => {
  app = await testApp();
}, 120_000);

describe('a slip in an elliptic follow-up', () => {
  test('en: the allowance at grade 2, then "wat about grade 4": the allowance at grade 4', async () => {
    const client = mainDialogClient(app, 'en');
    expect(await say(client, 'what is the care allowance with care grade 2')).toContain(eur(v('pflegegeld', 2), 'en'));
    expect(await say(client, 'wat about grade 4')).toContain(eur(v('pflegegeld', 4), 'en'));
  });

  test('en: the home-care service at grade 2, then "and for grdae 4?": the service amount at grade 4', async () => {
    const client = mainDialogClient(app, 'en');
    expect(await say(client, 'how much does the care fund pay for a home-care service at grade 2')).toContain(eur(v('sachleistung', 2), 'en'));
    expect(await say(client, 'and for grdae 4?')).toContain(eur(v('sachleistung', 4), 'en'));
  });

  test('de: das Pflegegeld bei Grad 2, dann "un bei grad 3?": das Pflegegeld bei Grad 3', async () => {
    const client = mainDialogClient(app);
    expect(await say(client, 'wie hoch ist das pflegegeld bei pflegegrad 2')).toContain(eur(v('pflegegeld', 2)));
    expect(await say(client, 'un bei grad 3?')).toContain(eur(v('pflegegeld', 3)));
  });
});

describe('who applies or receives it', () => {
  test('de: der Antrag auf einen Pflegegrad, dann "kann ich das für ihn machen": Vollmacht', async () => {
    const client = mainDialogClient(app);
    await say(client, 'mein opa braucht einen pflegegrad, wie stellen wir den antrag');
    const reply = await say(client, 'kann ich das für ihn machen oder muss er das selbst');
    expect(reply).toMatch(/Vollmacht/);
    expect(reply).not.toMatch(/Selbsttest/);
  });

  test('en: applying for a care grade, then "can i do it for her": power of attorney', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'my gran needs a care grade, how do we apply for one');
    expect(await say(client, 'can i do it for her')).toMatch(/power of attorney/);
  });

  test('de: ein Widerspruch, dann "und an wen schick ich den": die Pflegekasse', async () => {
    const client = mainDialogClient(app);
    await say(client, 'die pflegekasse hat meiner mutter nur grad 1 gegeben, ich will widerspruch einlegen');
    const reply = await say(client, 'und an wen schick ich den');
    expect(reply).toMatch(/Pflegekasse/);
    expect(reply).not.toMatch(/Angebot\(e\)/);
  });

  test('de: der Widerspruch selbst, dann "an wen schicke ich den": die Stelle, die den Bescheid erlassen hat', async () => {
    const client = mainDialogClient(app);
    await say(client, 'wie lege ich widerspruch gegen den bescheid der pflegekasse ein');
    expect(await say(client, 'und an wen schicke ich den')).toMatch(/den Bescheid erlassen hat/);
  });

  test('en: the objection itself, then "who do i send it to": the office that issued the decision', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'how do i object to the care fund decision');
    expect(await say(client, 'and who do i send it to')).toMatch(/issued the decision/);
  });
});
