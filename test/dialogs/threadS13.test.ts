// The thread in session 13 (issue 18), against the real app, de and en: several people who need care
// get the last answer's sentence about several people; a share written as words or thirds is worked
// out; a relative with a grade ("und bei meinem Onkel, der hat Pflegegrad 4") is an elliptic question;
// "und daheim mit Pflegedienst" after a money topic is the service benefit; a question typed
// into the place prompt is answered about the kind of help searched for; "bis wann kann ich den noch
// nutzen?" asks when the relief amount lapses. Amounts come from the dated table.
import type { App } from '../../bot/app';
import { mainDialogClient, testApp } from '../helpers/app';
import { say } from '../helpers/say';
import { amountOn as v, euro as eur } from './guidedHelpers';

let app: App;
beforeAll(async () => {
  app = await testApp();
}, 120_000);

describe('several people who need care', () => {
  test('de: a stairlift grant, then "die beiden haben jeweils einen Pflegegrad": the amount for several', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Wir möchten einen Treppenlift einbauen lassen, zahlt die Pflegekasse da etwas?');
    expect(await say(client, 'die beiden haben jeweils einen pflegegrad, bekommen wir dann mehr?')).toMatch(/mehrere Pflegebedürftige/);
  });

  test('en: a stairlift grant, then "my grandparents both have a care grade": the amount for several', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'Is there a grant for a stairlift?');
    expect(await say(client, 'my grandparents both have a care grade, does that change anything?')).toMatch(/several people/);
  });
});

describe('a share written as words or thirds', () => {
  test('de: "ein Drittel der Sachleistung" at grade 3: two thirds of the allowance are left', async () => {
    const client = mainDialogClient(app);
    const reply = await say(client, 'Mein Vater hat Pflegegrad 3, der Pflegedienst nutzt ein Drittel der Sachleistung. Wie viel Pflegegeld bleibt übrig?');
    expect(reply).toContain(eur(Math.round(v('pflegegeld', 3) * 200 / 3) / 100));
  });

  test('en: "seventy percent" at grade 2: 30 % of the allowance is left', async () => {
    const client = mainDialogClient(app, 'en');
    const reply = await say(client, 'Grade 2: the care service bills seventy percent of the home-care benefit. How much care allowance is left?');
    expect(reply).toContain(eur(Math.round(v('pflegegeld', 2) * 30) / 100, 'en'));
  });
});

describe('a relative with a grade', () => {
  test('de: the allowance, then "und bei meinem Onkel, der hat Pflegegrad 4": the allowance at grade 4', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Wie viel Pflegegeld gibt es bei Pflegegrad 3?');
    expect(await say(client, 'und bei meinem Onkel, der hat Pflegegrad 4')).toContain(eur(v('pflegegeld', 4)));
  });

  test('en: the allowance, then "and for my aunt, she has grade 4": the allowance at grade 4', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'How much care allowance is there at grade 3?');
    expect(await say(client, 'and for my aunt, she has grade 4')).toContain(eur(v('pflegegeld', 4), 'en'));
  });
});

describe('a home-care service after a money topic', () => {
  test('de: day care at grade 4, then "und daheim mit pflegedienst": the service benefit at grade 4', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Was zahlt die Kasse für die Tagespflege bei Pflegegrad 4?');
    expect(await say(client, 'und daheim mit pflegedienst')).toContain(eur(v('sachleistung', 4)));
  });

  // (a guard: the English intent engine already answered this one on the branch point)
  test('en: day care at grade 4, then "and with a care service instead?": the service benefit at grade 4', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'What does the fund pay for day care at grade 4?');
    expect(await say(client, 'and with a care service instead?')).toContain(eur(v('sachleistung', 4), 'en'));
  });
});

describe('a question typed into the place prompt', () => {
  test('de: day care searched, then "was kostet sowas?" instead of a place: day care\'s cost', async () => {
    const client = mainDialogClient(app);
    expect(await say(client, 'Ich suche eine Tagespflege für meine Mutter')).toMatch(/Stadtteil/);
    const reply = await say(client, 'was kostet sowas?');
    expect(reply).toMatch(/Tagespflege/);
    expect(reply).not.toMatch(/Stadtteil|Ort kenne ich/);
  });

  test('en: day care searched, then "how much does it cost?" instead of a place: day care\'s cost', async () => {
    const client = mainDialogClient(app, 'en');
    expect(await say(client, 'I am looking for day care for my mother')).toMatch(/district/);
    const reply = await say(client, 'how much does it cost?');
    expect(reply).toMatch(/day care/i);
    expect(reply).not.toMatch(/district|do not know this place/);
  });
});

describe('until when the relief amount can be used', () => {
  test('de: the relief amount, then "bis wann kann ich den noch nutzen?": the carry-over to 30 June', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Was ist der Entlastungsbetrag?');
    expect(await say(client, 'bis wann kann ich den noch nutzen?')).toMatch(/30\. Juni/);
  });

  test('en: the relief amount, then "until when can we still use it?": the carry-over to 30 June', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'What is the relief amount?');
    expect(await say(client, 'until when can we still use it?')).toMatch(/30 June/);
  });
});

describe('what the family pays itself', () => {
  test('de: day care at grade 3, then "und was zahlen wir da selber?": meals and investment costs', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Wie viel zahlt die Kasse für Tagespflege bei Pflegegrad 3?');
    expect(await say(client, 'muss man da dann noch was selber bezahlen?')).toMatch(/Verpflegung/);
  });

  test('en: short-term care, then "is there anything we pay ourselves there?": board and lodging are paid by the family', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'What does the care fund pay for short-term care?');
    expect(await say(client, 'is there anything we have to pay for ourselves there?')).toMatch(/board/);
  });
});

describe('a grade dispute told as a statement', () => {
  test('de: "die Kasse hat nur Pflegegrad 2 gegeben, wir wollten 3": the objection, not the overview', async () => {
    const client = mainDialogClient(app);
    const reply = await say(client, 'die Kasse hat meinem Vater nur Pflegegrad 2 gegeben, wir wollten eigentlich 3');
    expect(reply).toMatch(/Widerspruch/);
    expect(reply).not.toMatch(/Wie wird die Person/);
  });

  test('en: "they only gave mum grade 2, we expected 3": the objection, not the overview', async () => {
    const client = mainDialogClient(app, 'en');
    const reply = await say(client, 'the fund only gave mum grade 2, we expected 3');
    expect(reply).toMatch(/objection/i);
    expect(reply).not.toMatch(/How is the person/);
  });
});
