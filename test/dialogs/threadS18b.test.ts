// The thread in session 18b (issue 18), against the real app, de and en: "und was ist, wenn wir den nicht
// ausgeben?" / "and if we dont spend all the money" after the relief amount asks whether it expires (the
// carry-over to 30 June), not whether savings may be spent before social assistance; "und wenn wir das Geld
// lieber selber wollen?" / "what if we would rather have the money ourselves" after the service's amount is the
// care allowance at the same grade. Amounts come from the dated table.
import type { App } from '../../bot/app';
import { mainDialogClient, testApp } from '../helpers/app';
import { say } from '../helpers/say';
import { amountOn as v, euro as eur } from './guidedHelpers';

let app: App;
beforeAll(async () => {
  app = await testApp();
}, 120_000);

describe('money that is not spent', () => {
  test('de: "und was ist wenn wir den nicht ausgeben" after the relief amount: the carry-over, not social assistance', async () => {
    const client = mainDialogClient(app);
    expect(await say(client, 'entlastungsbetrg wie hoch ist der')).toMatch(/Entlastungsbetrag/);
    const reply = await say(client, 'und was ist wenn wir den nicht ausgeben');
    expect(reply).toMatch(/30\. Juni/);
    expect(reply).not.toMatch(/Hilfe zur Pflege/);
  });

  test('en: "and if we dont spend all the money" after the relief amount: the carry-over, not social assistance', async () => {
    const client = mainDialogClient(app, 'en');
    expect(await say(client, 'relief amount how much')).toMatch(/relief amount/i);
    const reply = await say(client, 'and if we dont spend all the money');
    expect(reply).toMatch(/30 June/);
    expect(reply).not.toMatch(/care assistance/i);
  });
});

describe('the money instead of the service', () => {
  test('de: "und wenn wir das geld lieber selber wollen?" after the service at grade 2: the care allowance at grade 2', async () => {
    const client = mainDialogClient(app);
    expect(await say(client, 'wieviel bekommt man für einen pflegedienst bei grad 2')).toMatch(/Pflegesachleistung/);
    const reply = await say(client, 'und wenn wir das geld lieber selber wollen?');
    expect(reply).toContain(eur(v('pflegegeld', 2)));
    expect(reply).toMatch(/^\*\*Pflegegeld\*\*/);
  });

  test('en: "what if we would rather have the money ourselves" after the service at grade 3: the care allowance', async () => {
    const client = mainDialogClient(app, 'en');
    expect(await say(client, 'how much does a home care service get at grade 3')).toMatch(/home-care service/i);
    const reply = await say(client, 'what if we would rather have the money ourselves');
    expect(reply).toMatch(/care allowance/i);
    expect(reply).toContain(eur(v('pflegegeld', 3), 'en'));
  });
});
