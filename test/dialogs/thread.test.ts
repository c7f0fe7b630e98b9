// The conversation keeps its thread (issue 18), against the real app and real NLU: elliptic
// follow-ups, pronouns, aspects of the last answer and corrections resolve against the last topic and
// the story's facts; deadline questions get the rule first and the date dialog as an offer; the
// kind-of-help prompt keeps a place it was told; a city-wide service needs no Stadtteil.
import type { App } from '../../bot/app';
import { formatEuro, valueOn } from '../../bot/care/benefits';
import { mainDialogClient, TODAY, testApp } from '../helpers/app';
import { benefitsTable, buttons } from './guidedHelpers';
import { say, send } from '../helpers/say';

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

  test('English: "From when is the money paid, from the application or from the decision?"', async () => {
    const acts = await send(mainDialogClient(app, 'en'), 'From when is the money paid, from the application or from the decision?');
    const text = acts.map((a) => a.text ?? '').join('\n');
    expect(text).toMatch(/from the month in which the application arrives/);
    expect(text).not.toMatch(/On which day/);
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

  test('English: "I live in 45468 and I am looking for advice": city-wide counselling, no Stadtteil question', async () => {
    const reply = await say(mainDialogClient(app, 'en'), 'I live in 45468 and I am looking for advice');
    expect(reply).toMatch(/Care counselling – All of Mülheim/);
    expect(reply).not.toMatch(/Which district|several districts/i);
  });

  test('a place-based service still asks which of the two', async () => {
    expect(await say(mainDialogClient(app), 'Ich wohne in 45468 und suche eine Tagespflege')).not.toMatch(/Tagespflege – Ganz Mülheim/);
  });
});

describe('"ja" accepts the offered step', () => {
  test('"ja" after the objection rule starts the date dialog; nothing else is offered then', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Wie lange habe ich Zeit für einen Widerspruch?');
    expect(await say(client, 'ja')).toMatch(/An welchem Tag kam der Bescheid/);
  });

  test('"ja bitte" after the start of benefits asks for the day of the application', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Ab wann gibt es das Geld, ab dem Antrag?');
    expect(await say(client, 'ja bitte')).toMatch(/An welchem Tag haben Sie den Antrag gestellt/);
  });

  test('English: "yes please" after "How long do I have to appeal?"', async () => {
    const client = mainDialogClient(app, 'en');
    expect(await say(client, 'How long do I have to appeal?')).toMatch(/within one month/);
    expect(await say(client, 'yes please')).toMatch(/On which day did the decision/);
  });

  test('the offer holds for one answer only: "ja" later is no date question', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Wie lange habe ich Zeit für einen Widerspruch?');
    await say(client, 'Was ist Tagespflege?');
    expect(await say(client, 'ja')).not.toMatch(/An welchem Tag kam der Bescheid/);
  });
});

describe('another benefit in the situation of the last answer', () => {
  test('"Bekommt sie in der Zeit weiter ihr Pflegegeld?" after short-term care: half continues', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Meine Mutter soll für drei Wochen in die Kurzzeitpflege, weil ich operiert werde.');
    const reply = await say(client, 'Bekommt sie in der Zeit weiter ihr Pflegegeld?');
    expect(reply).toMatch(/Hälfte des Pflegegeldes/);
  });

  test('English: "Does he keep getting his care allowance during that time?" after short-term care', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'My father-in-law will go into short-term care for two weeks in March.');
    expect(await say(client, 'Does he keep getting his care allowance during that time?')).toMatch(/half of the care allowance continues/);
  });
});

describe('the story\'s facts are kept and used', () => {
  test('English: "what about day care for her?" after dementia with grade 3: the day-care amount for grade 3', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'My mum has dementia and care grade 3. What help is there?');
    const reply = await say(client, 'what about day care for her?');
    expect(reply).toContain(eur('tagespflege', 3, 'en'));
    expect(reply).not.toMatch(/Which care grade/);
  });

  test('"und wenn sie zu Hause bleibt?" after the nursing home: the Pflegegeld for the grade told', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Was zahlt die Pflegekasse im Heim bei Pflegegrad 2?');
    const reply = await say(client, 'und wenn sie zu Hause bleibt?');
    expect(reply).toMatch(/\*\*Pflegegeld\*\*/);
    expect(reply).toContain(eur('pflegegeld', 2));
  });

  test('a conditional grade for another setting: "Und falls er Pflegegrad 3 bekommt – was zahlt die Kasse dann für die Tagespflege?"', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Mein Onkel hat Pflegegrad 1 und ist viel allein.');
    const reply = await say(client, 'Und falls er bei der nächsten Begutachtung Pflegegrad 3 bekommt – was würde die Kasse dann für die Tagespflege zahlen?');
    expect(reply).toContain(eur('tagespflege', 3));
  });

  test('the combination from the service\'s bill, with the grade of the story', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Meine Mutter hat Pflegegrad 3, ich pflege sie und ab nächsten Monat kommt zusätzlich ein Pflegedienst.');
    const used = valueOn(benefitsTable, 'sachleistung', TODAY, 3)! / 2;
    const reply = await say(client, `Der Dienst rechnet etwa ${used} Euro im Monat ab. Wie viel Pflegegeld bleibt dann?`);
    expect(reply).toContain(formatEuro(Math.round(valueOn(benefitsTable, 'pflegegeld', TODAY, 3)! * 50) / 100, 'de'));
  });

  test('"und bei meinem Vater?" does not take the mother\'s grade: the grade is asked', async () => {
    const client = mainDialogClient(app);
    expect(await say(client, 'Meine Mutter hat Pflegegrad 2. Wie viel Pflegegeld bekommt sie?')).toContain(eur('pflegegeld', 2));
    const reply = await say(client, 'und bei meinem Vater?');
    expect(reply).not.toMatch(/Bei Pflegegrad 2 beträgt/);
    expect(reply).toMatch(/Welchen Pflegegrad/);
  });

  test('a story that tells the grade and asks nothing gets what the grade brings, not the self-check', async () => {
    const client = mainDialogClient(app);
    const reply = await say(client, 'Meine Mutter hat Pflegegrad 3 und wohnt bei mir.');
    expect(reply).toMatch(/Wie wird die Person mit Pflegegrad 3 versorgt/);
    expect(reply).not.toMatch(/Selbsttest/);
    // and the grade stays for the next question
    expect(await say(client, 'Was zahlt die Kasse für die Tagespflege?')).toContain(eur('tagespflege', 3));
  });

  test('the grade prompt takes "meine Mutter hat die 3"', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Wie viel Pflegegeld gibt es?');
    expect(await say(client, 'meine Mutter hat die 3')).toContain(eur('pflegegeld', 3));
  });

  test('"Bis wann muss ich die Rechnungen einreichen?" after respite care: the respite deadline', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Wie viel Geld gibt es im Jahr für Verhinderungspflege?');
    expect(await say(client, 'Bis wann muss ich die Rechnungen einreichen?')).toMatch(/Ende des folgenden Kalenderjahres/);
  });
});
