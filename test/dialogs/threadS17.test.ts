// The thread in session 17 (issue 18), against the real app, de and en: a follow-up about a second refusal
// after the objection answer is the step to the social court; a typo'd short-term care in the first turn is
// not the grade's overview; a told grade with an amount question is the asked topic's amount at that grade;
// "wie lang dauert es bis wir Bescheid kriegen" after the application is the decision time; "ups, ich meinte
// grad 3" corrects the grade. Amounts come from the dated table.
import type { App } from '../../bot/app';
import { mainDialogClient, testApp } from '../helpers/app';
import { say } from '../helpers/say';
import { amountOn as v, euro as eur } from './guidedHelpers';

let app: App;
beforeAll(async () => {
  app = await testApp();
}, 120_000);

describe('a follow-up about a second refusal', () => {
  test('de: "und wenn die dann nochmal nein sagen?" after the objection: the social court', async () => {
    const client = mainDialogClient(app);
    expect(await say(client, 'die pflegekasse hat den pflegegrad abgelehnt, was kann ich jetzt machen')).toMatch(/Widerspruch/);
    const reply = await say(client, 'und wenn die dann nochmal nein sagen?');
    expect(reply).toMatch(/Sozialgericht/);
    expect(reply).not.toMatch(/Dazu habe ich diese Themen gefunden/);
  });

  test('en: "and if they say no again?" after the objection: the social court', async () => {
    const client = mainDialogClient(app, 'en');
    expect(await say(client, 'the care fund rejected my mothers care grade, how do i object')).toMatch(/objection/i);
    const reply = await say(client, 'and if they say no again?');
    expect(reply).toMatch(/social court/);
  });
});

describe('first turns: a typo\'d topic and a told grade with an amount question', () => {
  test('de: "kurzzeitpflgee nach dem krankenhaus …, pflegegrad 2" is short-term care, not the grade overview', async () => {
    const client = mainDialogClient(app);
    const reply = await say(client, 'kurzzeitpflgee nach dem krankenhaus für meine oma, pflegegrad 2');
    expect(reply).toMatch(/Kurzzeitpflege/);
    expect(reply).not.toMatch(/Wie wird die Person/);
  });

  test('en: "how much is daycare for grade 3 per month" (a told grade, an amount asked, day care named): day care, not the home', async () => {
    const client = mainDialogClient(app, 'en');
    const reply = await say(client, 'how much is daycare for grade 3 per month');
    expect(reply).toContain(eur(v('tagespflege', 3), 'en'));
  });
});

describe('the wait for the decision and a correction with an apology word', () => {
  test('de: "wie lang dauert es denn bis wir bescheid kriegen" after the application: 25 Arbeitstage', async () => {
    const client = mainDialogClient(app);
    expect(await say(client, 'wie beantrage ich einen pflegegrad für meine schwiegermutter')).toMatch(/Pflegekasse/);
    const reply = await say(client, 'wie lang dauert es denn bis wir bescheid kriegen');
    expect(reply).toMatch(/25 Arbeitstage/);
    expect(reply).not.toMatch(/Widerspruch gegen den Bescheid/);
  });

  test('de: "ups, ich meinte grad 3" after the allowance at grade 2: the allowance at grade 3', async () => {
    const client = mainDialogClient(app);
    expect(await say(client, 'wie viel pflegegeld gibt es bei pflegegrad 2')).toContain(eur(v('pflegegeld', 2)));
    const reply = await say(client, 'ups, ich meinte grad 3');
    expect(reply).toContain(eur(v('pflegegeld', 3)));
    expect(reply).not.toMatch(/löschen/);
  });
});
