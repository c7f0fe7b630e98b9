// Guided flows and prompts in the thread (issue 18, session 10 second round), against the real app,
// de and en: a help request that names nothing gets the kind-of-help question; a menu title typed
// without the menu does what its button does; a story that asks which grade might fit is answered
// with the self-check as a button (it starts only when accepted); how long the decision takes after
// another topic; "next year" asks whether a budget expires.
import type { App } from '../../bot/app';
import { mainDialogClient, testApp } from '../helpers/app';
import { say } from '../helpers/say';

let app: App;
beforeAll(async () => {
  app = await testApp();
}, 120_000);

describe('a help request that names nothing', () => {
  test('de: the kind-of-help question, then a need in free text', async () => {
    const client = mainDialogClient(app);
    expect(await say(client, 'Wir brauchen Hilfe für unseren Vater')).toContain('Welche Art von Hilfe');
    const reply = await say(client, 'jemand, der mit ihm spazieren geht und sich unterhält');
    expect(reply).not.toContain('Bitte wählen Sie eine Art von Hilfe');
  });

  test('en: the kind-of-help question, not the help text', async () => {
    const client = mainDialogClient(app, 'en');
    const reply = await say(client, 'we need some support for my mum');
    expect(reply).toContain('What kind of help');
    expect(reply).not.toContain('Type your question in your own words');
  });
});

describe('a menu title typed without the menu', () => {
  test('de: "Leistungen und Geld" after an answer starts the benefits overview', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Was ist eine Tagespflege?');
    expect(await say(client, 'Leistungen und Geld')).toContain('Für welchen Pflegegrad');
  });

  test('en: "Benefits and money"', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'What is day care?');
    expect(await say(client, 'benefits and money')).toMatch(/which care grade/i);
  });
});

describe('a story that asks which grade might fit', () => {
  test('de: answered, the self-check a button; "ja" starts it', async () => {
    const client = mainDialogClient(app);
    const reply = await say(client, 'Meine Frau braucht Hilfe beim Waschen und Anziehen und findet sich draußen nicht mehr zurecht. Einen Pflegegrad hat sie noch nicht. Welcher Pflegegrad wäre realistisch?');
    expect(reply).toContain('Pflegegrad einschätzen');
    expect(reply).not.toContain('Test starten');
    expect(await say(client, 'ja')).toContain('Test starten');
  });

  test('en: answered, the self-check a button', async () => {
    const client = mainDialogClient(app, 'en');
    const reply = await say(client, 'My wife needs help washing and dressing and gets lost outside. She has no care grade yet. Which grade would be realistic?');
    expect(reply).toContain('Estimate the care grade');
    expect(reply).not.toContain('Start the test');
  });
});

describe('an aspect question about another area', () => {
  test('de: how long the decision takes, after the dementia answer', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Mein Vater hat Demenz, was können wir tun?');
    const reply = await say(client, 'Wie lange dauert es bis zum Bescheid?');
    expect(reply).toContain('25 Arbeitstage');
    expect(reply).not.toContain('innerhalb eines Monats');
  });

  test('en: how long until the decision', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'My father has dementia, what can we do?');
    expect(await say(client, 'how long does it take until we get the decision?')).toContain('25 working days');
  });
});

describe('"next year" asks whether a budget expires', () => {
  test('en: typed in a hurry', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'What is the relief amount?');
    expect(await say(client, 'could we keep it for nxt year?')).toMatch(/30 June|following year/);
  });

  test('de', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Was ist der Entlastungsbetrag?');
    expect(await say(client, 'Kann ich das ins nächste Jahr mitnehmen?')).toMatch(/30\. Juni|Folgejahr|folgende/);
  });
});
