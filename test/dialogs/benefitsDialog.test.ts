// Personal benefits overview: conversations (the rules: test/care/benefitsText.test.ts).
import type { App } from '../../bot/app';
import { combination, formatEuro, valueOn } from '../../bot/care/benefits';
import { mainDialogClient, testApp, TODAY } from '../helpers/app';
import { benefitsTable as table, buttons } from './guidedHelpers';
import { say, send } from '../helpers/say';


describe('conversations', () => {
  let app: App;
  beforeAll(async () => {
    app = await testApp();
  }, 120_000);

  test('grade in the question, setting by button: the overview with amounts and where to apply', async () => {
    const client = mainDialogClient(app);
    const ask = await send(client, 'Was steht mir bei Pflegegrad 3 alles zu?');
    expect(buttons(ask)).toEqual(['Angehörige pflegen zu Hause', 'Ein Pflegedienst kommt ins Haus', 'Tagespflege und Pflege zu Hause', 'Im Pflegeheim']);
    const out = await say(client, 'Angehörige pflegen zu Hause');
    expect(out).toMatch(new RegExp(`Pflegegeld: ${formatEuro(valueOn(table, 'pflegegeld', TODAY, 3)!, 'de')} – bei der Pflegekasse beantragen`));
    expect(out).toMatch(/Entlastungsbetrag: 131 € – kein Antrag vorab/);
    expect(out).toMatch(/Jedes Kalenderjahr:/);
    expect(out).toMatch(/Stand: .* · Rechtsgrundlage: .*§ 37 SGB XI/);
  });

  test('"Leistungen und Geld" asks for the grade; "60 Prozent" after the home-care overview gives the Pflegegeld left', async () => {
    const client = mainDialogClient(app);
    const ask = await send(client, 'Menü');
    expect(buttons(ask)).toContain('Leistungen und Geld');
    expect(await say(client, 'Leistungen und Geld')).toMatch(/Für welchen Pflegegrad/);
    expect(await say(client, 'Pflegegrad 2')).toMatch(/Wie wird die Person mit Pflegegrad 2 versorgt/);
    expect(await say(client, 'Ein Pflegedienst kommt ins Haus')).toMatch(/Kombinationsleistung/);
    const out = await say(client, '60 Prozent');
    expect(out).toContain(formatEuro(combination(table, 2, 0.6, TODAY)!, 'de'));
  });

  test('the combination sentence is computed directly', async () => {
    const out = await say(mainDialogClient(app), 'Der Pflegedienst verbraucht 60 Prozent der Sachleistung, wie viel Pflegegeld bleibt bei Pflegegrad 4?');
    expect(out).toContain(formatEuro(combination(table, 4, 0.6, TODAY)!, 'de'));
  });

  test('"Was hat sich zum 1. Januar geändert?" answers from the valid-from dates', async () => {
    const out = await say(mainDialogClient(app), 'Was hat sich zum 1. Januar geändert?');
    expect(out).toMatch(/Das hat sich zum 1\. Januar 2026 geändert/);
    expect(out).toMatch(/Digitale Pflegeanwendung und Unterstützung zusammen \(bis 2025\): gibt es ab diesem Tag nicht mehr als eigenen Betrag \(zuletzt 53 €\)/);
    expect(out).toMatch(/Digitale Pflegeanwendung \(DiPA\): 40 €/);
  });

  test('no grade yet: says so and offers the self-check', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Welche Leistungen gibt es?');
    const out = await send(client, 'Noch keinen Pflegegrad');
    expect(out.map((a) => a.text).join()).toMatch(/Ohne Pflegegrad/);
    expect(buttons(out)).toContain('Pflegegrad-Selbsttest');
  });

  test('a new question after the overview leaves it', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Was steht mir bei Pflegegrad 3 alles zu?');
    await say(client, 'Im Pflegeheim');
    expect(await say(client, 'Was ist der Entlastungsbetrag?')).toMatch(/131 €/);
  });

  test('English', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'What am I entitled to with care grade 2?');
    const out = await say(client, 'Relatives care at home');
    expect(out).toContain(formatEuro(valueOn(table, 'pflegegeld', TODAY, 2)!, 'en'));
    expect(out).toMatch(/apply to the care fund/);
  });
});
