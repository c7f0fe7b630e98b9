// The thread on chat-style conversations (issue 18, session 11), against the real app, de and en:
// a story that asks no time is no deadline question; a time question read as the objection topic gets
// the rule and the offer, accepted with its verb; a grade told after an answer that does not depend on
// it goes back to the last money answer; "wo beantrage ich das?" asks who and where to apply, not for
// offers; a kind of help named in a where-question wins over the last topic; what happens if something
// is not done; "wie viel … maximal" after a money question entry; a story's question about what it
// has just told. Amounts come from the dated table.
import type { App } from '../../bot/app';
import { mainDialogClient, testApp } from '../helpers/app';
import { say } from '../helpers/say';
import { amountOn as v, euro as eur } from './guidedHelpers';

let app: App;
beforeAll(async () => {
  app = await testApp();
}, 120_000);

describe('a story that asks no time is no deadline question', () => {
  test('de: a carer who needs a break gets no objection deadline', async () => {
    const client = mainDialogClient(app);
    const reply = await say(client, 'Ich pflege meine Frau seit drei Jahren (Pflegegrad 3) und bräuchte mal zwei Wochen Pause.');
    expect(reply).not.toContain('innerhalb eines Monats');
    expect(reply).not.toContain('An welchem Tag');
  });

  // a guard: the English intent engine did not read this story as a deadline before either
  test('en: the same story in English', async () => {
    const client = mainDialogClient(app, 'en');
    const reply = await say(client, 'I have been looking after my husband for four years (grade 2) and could do with three weeks off.');
    expect(reply).not.toContain('Objecting to a decision');
    expect(reply).not.toContain('On which day');
  });
});

describe('a time question read as the objection topic', () => {
  test('de: the rule with the date as a button; "ja, bitte berechnen" asks the day', async () => {
    const client = mainDialogClient(app);
    const reply = await say(client, 'Die Pflegekasse hat die Höherstufung meines Vaters abgelehnt. Wie lange habe ich Zeit, dagegen vorzugehen?');
    expect(reply).toMatch(/Monat/);
    expect(reply).toContain('Soll ich das Datum ausrechnen?');
    expect(await say(client, 'ja, bitte berechnen')).toContain('An welchem Tag');
  });

  test('en: the rule with the date as a button; "yes please work it out" asks the day', async () => {
    const client = mainDialogClient(app, 'en');
    const reply = await say(client, "The care fund turned down my father's higher grade. How long do I have to object?");
    expect(reply).toMatch(/month/);
    expect(await say(client, 'yes please work it out')).toContain('On which day');
  });
});

describe('a grade told after an answer that does not depend on it', () => {
  test('en: "who applies for it?", then another person with grade 4: the allowance at grade 4', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'How much care allowance does my mum get at grade 3?');
    await say(client, 'who applies for it?');
    const reply = await say(client, 'hold on, it is for my dad, he has grade 4');
    expect(reply).toContain(eur(v('pflegegeld', 4), 'en'));
  });

  test('de: "wer stellt den Antrag?", then "Moment, … Pflegegrad 4": das Pflegegeld bei 4', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Wie viel Pflegegeld bekommt meine Mutter bei Pflegegrad 3?');
    await say(client, 'und wer muss den Antrag stellen?');
    const reply = await say(client, 'Moment, es geht um meinen Vater, der hat Pflegegrad 4');
    expect(reply).toContain(eur(v('pflegegeld', 4)));
  });
});

describe('where to apply is no search for offers', () => {
  test('de: "wo beantrage ich das?" after the bathroom grant names the care fund', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Mein Vater in Dümpten hat Pflegegrad 2 und schafft die Treppe zum Bad nicht mehr. Wir wollen einen Treppenlift einbauen lassen.');
    const reply = await say(client, 'wo beantrage ich das?');
    expect(reply).toContain('Pflegekasse');
    expect(reply).not.toMatch(/Angebot\(e\)/);
  });

  test('en: "where do I apply for it?" names the care fund', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'My dad in Dümpten has grade 2 and cannot manage the stairs to the bathroom. We want a stairlift fitted.');
    const reply = await say(client, 'where do I apply for it?');
    expect(reply).toMatch(/care fund/);
    expect(reply).not.toMatch(/offer\(s\)/);
  });
});

describe('a kind of help named in a where-question', () => {
  test('de: day care near the dementia story, then what the fund pays for it', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Meine Tante hat Demenz und Pflegegrad 3, sie lebt allein in Styrum.');
    const list = await say(client, 'gibt es bei ihr in der Nähe eine Tagespflege?');
    expect(list).toMatch(/Tagespflege/);
    expect(list).not.toMatch(/^Demenz –/m);
    expect(await say(client, 'und was übernimmt die Kasse dafür?')).toContain(eur(v('tagespflege', 3)));
  });

  test('en: day care near her after the dementia story', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'My aunt has dementia and grade 3, she lives alone in Styrum.');
    const list = await say(client, 'are there day care places close to her?');
    expect(list).not.toMatch(/^Dementia –/m);
    expect(await say(client, 'and what does the fund pay for it?')).toContain(eur(v('tagespflege', 3), 'en'));
  });
});

describe('what happens if something is not done', () => {
  test('de: the counselling visit left out: the allowance may be cut', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Wir bekommen Pflegegeld und sollen jetzt einen Beratungseinsatz nachweisen.');
    expect(await say(client, 'und was passiert, wenn wir den nicht machen?')).toMatch(/kürz|entz/);
  });

  test('en: the counselling visit left out: the allowance may be cut', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'We get care allowance and now have to prove a counselling visit.');
    expect(await say(client, "what happens if we skip it?")).toMatch(/reduce|cut|withdraw/);
  });
});

describe('how much at most, after a money question entry', () => {
  test('de: the service budget at the story\'s grade', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Meine Schwiegermutter hat Pflegegrad 2 und ab Januar kommt ein Pflegedienst. Bleibt das Pflegegeld dann?');
    expect(await say(client, 'und wie viel darf der Dienst höchstens abrechnen?')).toContain(eur(v('sachleistung', 2)));
  });

  // a guard: the English intent engine took this to the in-kind answer before as well
  test('en: the service budget at the story\'s grade', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'My mother-in-law has grade 2 and a care service starts in January. Does the care allowance continue?');
    expect(await say(client, 'and how much can the service bill at most?')).toContain(eur(v('sachleistung', 2), 'en'));
  });
});

describe("a story's question about what it has just told", () => {
  test('de: a service starts, "Bekommen wir dann noch Pflegegeld?" gets the combination', async () => {
    const client = mainDialogClient(app);
    const reply = await say(client, 'Mein Opa hat Pflegegrad 3 und wohnt im Haus meiner Eltern in Dümpten. Meine Mutter hat ihn bisher allein versorgt, dafür gab es Pflegegeld. Weil sie jetzt selbst krank ist, übernimmt ab nächster Woche ein ambulanter Dienst die Morgenpflege. Bekommen wir dann überhaupt noch Pflegegeld?');
    // the answer's title: about the service and the allowance together, not the allowance alone
    expect(reply.split('\n')[0]).toMatch(/Pflegedienst|Kombination/);
  });

  // a guard: the English retrieval found the entry for this story before as well
  test('en: a service starts, "do we still get any allowance then?" gets the combination', async () => {
    const client = mainDialogClient(app, 'en');
    const reply = await say(client, "My grandad has grade 3 and lives in my parents' house. My mother has looked after him alone so far and gets care allowance for it. Because she is ill herself now, a home care service will take over the mornings from next week. Do we still get any allowance then?");
    expect(reply.split('\n')[0]).toMatch(/care service|combination/i);
  });
});
