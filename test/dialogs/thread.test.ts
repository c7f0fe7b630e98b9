// The conversation keeps its thread (issue 18), against the real app and real NLU: elliptic
// follow-ups, pronouns, aspects of the last answer and corrections resolve against the last topic and
// the story's facts; deadline questions get the rule first and the date dialog as an offer; the
// kind-of-help prompt keeps a place it was told; a city-wide service needs no Stadtteil.
import type { App } from '../../bot/app';
import { formatEuro, valueOn } from '../../bot/care/benefits';
import { mainDialogClient, TODAY, testApp } from '../helpers/app';
import { benefitsTable, buttons, say, send } from './guidedHelpers';

let app: App;
beforeAll(async () => {
  app = await testApp();
}, 120_000);

/** this year's amount of the dated table, as the bot writes it */
const eur = (id: string, grade: number, lang: 'de' | 'en' = 'de') => formatEuro(valueOn(benefitsTable, id, TODAY, grade)!, lang);

describe('elliptic follow-ups', () => {
  test('"und bei 4?" after the Pflegegeld for grade 2: the Pflegegeld for grade 4', async () => {
    const client = mainDialogClient(app);
    expect(await say(client, 'Pflegegeld bei Pflegegrad 2?')).toContain(eur('pflegegeld', 2));
    const reply = await say(client, 'und bei 4?');
    expect(reply).toMatch(/\*\*Pflegegeld\*\*/);
    expect(reply).toContain(eur('pflegegeld', 4));
    expect(reply).not.toMatch(/24-Stunden/);
  });

  test('"und im Heim?" then asks the same for the nursing home, with the grade kept', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Pflegegeld bei Pflegegrad 4?');
    const reply = await say(client, 'und im Heim?');
    expect(reply).toMatch(/Pflegeheim/);
    expect(reply).toContain(eur('stationaer', 4));
  });

  test('English: "what about grade 3?" after the care allowance for grade 2', async () => {
    const client = mainDialogClient(app, 'en');
    expect(await say(client, 'How much care allowance for grade 2?')).toContain(eur('pflegegeld', 2, 'en'));
    const reply = await say(client, 'what about grade 3?');
    expect(reply).toMatch(/care allowance/i);
    expect(reply).toContain(eur('pflegegeld', 3, 'en'));
  });
});

describe('pronouns', () => {
  test('"Und was zahlt die Kasse dafür bei Pflegegrad 4?" after day care: the day-care amount, no setting question', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Was ist eine Tagespflege?');
    const reply = await say(client, 'Und was zahlt die Kasse dafür bei Pflegegrad 4?');
    expect(reply).toContain(eur('tagespflege', 4));
    expect(reply).not.toMatch(/Wie wird die Person/);
  });

  test('English: "How much is it for care grade 4?" after day care', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'What is day care?');
    expect(await say(client, 'How much is it for care grade 4?')).toContain(eur('tagespflege', 4, 'en'));
  });
});

describe('aspects of the last answer', () => {
  test('English: "Does it expire if I don\'t use it?" after the relief amount: when it expires', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'What is the relief amount?');
    const reply = await say(client, "Does it expire if I don't use it?");
    expect(reply).toMatch(/30 June/);
    expect(reply).not.toMatch(/nothing running/);
  });

  test('German: "Verfällt das, wenn ich es nicht nutze?" after the Entlastungsbetrag', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Was ist der Entlastungsbetrag?');
    const reply = await say(client, 'Verfällt das, wenn ich es nicht nutze?');
    expect(reply).toMatch(/30\. Juni/);
    expect(reply).not.toMatch(/nichts, was ich abbrechen/);
  });

  test('cost: "Was kostet das?" after meals on wheels gives what the answer says about the cost', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Essen auf Rädern');
    const reply = await say(client, 'Was kostet das?');
    expect(reply).toMatch(/Ich beziehe das auf das Thema „Essen auf Rädern/);
    expect(reply).toMatch(/Kosten|zahl/);
  });

  test('who applies: "Wer stellt den Antrag?" after respite care stays with respite care', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Was ist Verhinderungspflege?');
    const reply = await say(client, 'Wer stellt den Antrag?');
    expect(reply).toMatch(/Verhinderungspflege/);
  });

  test('where: "Gibt es das auch in Saarn?" after day care shows day care in Saarn', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Was ist eine Tagespflege?');
    expect(await say(client, 'Gibt es das auch in Saarn?')).toMatch(/Tagespflege – Saarn/);
  });

  test('where, for a city-wide service: "Wo bekomme ich das?" after the emergency call lists its providers without asking a Stadtteil', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Was ist ein Hausnotruf?');
    expect(await say(client, 'Wo bekomme ich das?')).toMatch(/Hausnotruf – Ganz Mülheim: \d+ Angebot/);
  });

  test('English: "Where can I get it?" after the emergency call', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'What is a personal emergency alarm?');
    expect(await say(client, 'Where can I get it?')).toMatch(/Emergency call system – All of Mülheim: \d+ offer/);
  });
});

describe('corrections', () => {
  test('"nein, ich meinte die Kurzzeitpflege" after day care: short-term care', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Was ist eine Tagespflege?');
    const reply = await say(client, 'nein, ich meinte die Kurzzeitpflege');
    expect(reply).toMatch(/Kurzzeitpflege/);
    expect(reply).not.toMatch(/\*\*Tages- und Nachtpflege\*\*/);
  });

  test('"no, I meant grade 3" corrects the grade of the last answer', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'How much care allowance for grade 2?');
    expect(await say(client, 'no, I meant grade 3')).toContain(eur('pflegegeld', 3, 'en'));
  });
});

describe('guided dialogs answer first', () => {
  test('"Wie lange habe ich Zeit für einen Widerspruch?": one month after receipt, then the offer to work out the date', async () => {
    const client = mainDialogClient(app);
    const acts = await send(client, 'Wie lange habe ich Zeit für einen Widerspruch?');
    const text = acts.map((a) => a.text ?? '').join('\n');
    expect(text).toMatch(/innerhalb eines Monats nach Erhalt/);
    expect(text).not.toMatch(/An welchem Tag kam der Bescheid/);
    expect(buttons(acts)[0]).toBe('Soll ich das Datum ausrechnen?');
    // accepting the offer starts the date dialog
    expect(await say(client, 'Soll ich das Datum ausrechnen?')).toMatch(/An welchem Tag kam der Bescheid/);
  });

  test('"Ab wann gibt es Geld, ab Antrag oder ab Bescheid?": from the month of the application', async () => {
    const client = mainDialogClient(app);
    const acts = await send(client, 'Ab wann gibt es Geld, ab Antrag oder ab Bescheid?');
    const text = acts.map((a) => a.text ?? '').join('\n');
    expect(text).toMatch(/ab dem Monat, in dem der Antrag eingeht/);
    expect(text).not.toMatch(/An welchem Tag/);
    expect(buttons(acts)).toContain('Soll ich das Datum ausrechnen?');
  });

  test('English: "How long do I have to object to the decision?" answers the rule', async () => {
    const client = mainDialogClient(app, 'en');
    const acts = await send(client, 'How long do I have to object to the decision?');
    expect(acts.map((a) => a.text ?? '').join('\n')).toMatch(/within one month/);
  });

  test('with a date the deadline is worked out at once, as before', async () => {
    expect(await say(mainDialogClient(app), 'Der Bescheid kam am 3.11., bis wann kann ich Widerspruch einlegen?')).toMatch(/\d{2}\.\d{2}\.\d{4}|Dezember/);
  });
});

describe('free text in prompts', () => {
  test('the kind-of-help prompt understands place and need together', async () => {
    const client = mainDialogClient(app);
    expect(await say(client, 'Ich suche Hilfe')).toMatch(/Welche Art von Hilfe/);
    const reply = await say(client, 'Er wohnt in Styrum und braucht Unterstützung im Alltag');
    expect(reply).not.toMatch(/Bitte wählen Sie eine Art von Hilfe/);
    expect(reply).toMatch(/Styrum: \d+ Angebot/);
  });

  test('a place alone is kept; only the kind of help is asked again, with the buttons', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Ich suche Hilfe');
    const acts = await send(client, 'Sie wohnt in Saarn');
    expect(acts.map((a) => a.text ?? '').join('\n')).toMatch(/Saarn habe ich mir gemerkt/);
    expect(buttons(acts)).toContain('Tagespflege');
    expect(await say(client, 'Tagespflege')).toMatch(/Tagespflege – Saarn/);
  });

  test('English: someone to do the shopping, in Styrum', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'I am looking for help');
    expect(await say(client, 'She lives in Styrum and needs someone to help with shopping')).toMatch(/Styrum: \d+ offer/);
  });
});

describe('ask only when the answer depends on it', () => {
  test('"Ich wohne in 45468 und suche Beratung": the city-wide counselling without a Stadtteil question', async () => {
    const reply = await say(mainDialogClient(app), 'Ich wohne in 45468 und suche Beratung');
    expect(reply).toMatch(/Pflegeberatung – Ganz Mülheim/);
    expect(reply).not.toMatch(/Welcher Stadtteil|mehrere Stadtteile/);
  });

  test('a place-based service still asks which of the two', async () => {
    expect(await say(mainDialogClient(app), 'Ich wohne in 45468 und suche eine Tagespflege')).not.toMatch(/Tagespflege – Ganz Mülheim/);
  });
});
