// The thread in session 18b (issue 18), against the real app, de and en: "und was ist, wenn wir den nicht
// ausgeben?" / "and if we dont spend all the money" after the relief amount asks whether it expires (the
// carry-over to 30 June), not whether savings may be spent before social assistance.
import type { App } from '../../bot/app';
import { mainDialogClient, testApp } from '../helpers/app';
import { say } from '../helpers/say';

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
