// The thread in session 16 (issue 18), against the real app, de and en: a follow-up in which the person
// moves back home after the nursing-home amount is the care allowance at the thread's grade; a correction
// "no sorry i meant day care, not the home" is day care at that grade; the benefits overview's setting
// prompt answered with a story that denies a service ("ein Pflegedienst kommt nicht") is the family's
// overview; "who can get it" / "wer bekommt den denn" after the relief amount is the sentence on who gets it.
// Amounts come from the dated table.
import type { App } from '../../bot/app';
import { mainDialogClient, testApp } from '../helpers/app';
import { say } from '../helpers/say';
import { amountOn as v, euro as eur } from './guidedHelpers';

let app: App;
beforeAll(async () => {
  app = await testApp();
}, 120_000);

describe('the person moves home after the nursing-home amount', () => {
  test('de: "und wenn er wieder zu uns nach hause zieht und ich ihn selbst pflege?": das Pflegegeld bei Grad 2', async () => {
    const client = mainDialogClient(app);
    expect(await say(client, 'mein vater ist im pflegeheim, pflegegrad 2. was zahlt die kasse da')).toContain(eur(v('stationaer', 2)));
    const reply = await say(client, 'und wenn er wieder zu uns nach hause zieht und ich ihn selbst pflege?');
    expect(reply).toContain(eur(v('pflegegeld', 2)));
    expect(reply).not.toMatch(/Ich will nach Hause/);
  });

  test('en: "what if she moves in with us and i look after her?": the care allowance at grade 4', async () => {
    const client = mainDialogClient(app, 'en');
    expect(await say(client, 'my mum is in a nursing home with grade 4, what does the fund pay')).toContain(eur(v('stationaer', 4), 'en'));
    const reply = await say(client, 'what if she moves in with us and i look after her?');
    expect(reply).toContain(eur(v('pflegegeld', 4), 'en'));
    expect(reply).not.toMatch(/24-hour care/);
  });
});

describe('a correction that changes the topic, not the grade', () => {
  test('en: the home at grade 2, then "no sorry i meant day care, not the home": day care at grade 2', async () => {
    const client = mainDialogClient(app, 'en');
    expect(await say(client, 'how much does the care fund pay for a nursing home with grade 2')).toContain(eur(v('stationaer', 2), 'en'));
    const reply = await say(client, 'no sorry i meant day care, not the home');
    expect(reply).toContain(eur(v('tagespflege', 2), 'en'));
    expect(reply).not.toMatch(/Care assistance from the social welfare office/);
  });
});

describe('the setting prompt answered with a story', () => {
  test('de: "sie lebt bei mir und ich mache alles allein, ein pflegedienst kommt nicht": Angehörige pflegen', async () => {
    const client = mainDialogClient(app);
    expect(await say(client, 'welche leistungen gibt es bei pflegegrad 3')).toMatch(/Wie wird die Person/);
    const reply = await say(client, 'sie lebt bei mir und ich mache alles allein, ein pflegedienst kommt nicht');
    expect(reply).toContain(eur(v('pflegegeld', 3)));
    expect(reply).not.toMatch(/– Ein Pflegedienst kommt ins Haus/);
  });

  test('en: "no care service comes, i look after her myself": the family\'s overview', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'what benefits do we get with grade 2');
    const reply = await say(client, 'no care service comes, i look after her myself');
    expect(reply).toContain(eur(v('pflegegeld', 2), 'en'));
    expect(reply).not.toMatch(/A care service comes/i);
  });
});

describe('who gets it', () => {
  test('en: the relief amount, then "who can get it": from care grade 1, not the cancel reply', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'how much is the relief amount');
    const reply = await say(client, 'who can get it');
    expect(reply).toMatch(/from care grade 1/);
    expect(reply).not.toMatch(/nothing running/);
  });

  test('de: Verhinderungspflege, dann "haben wir da überhaupt anspruch?": ab Pflegegrad 2', async () => {
    const client = mainDialogClient(app);
    await say(client, 'was ist verhinderungspflege');
    const reply = await say(client, 'haben wir da überhaupt anspruch?');
    expect(reply).toMatch(/Ab Pflegegrad 2/);
  });
});
