// The thread on the conversations of session 10 (issue 18), against the real app, de and en:
// corrections at the third turn about the first, a sum spent told in the story and asked about
// later, "was übernimmt die Kasse dafür?" after an offer list or a story, free text in the setting
// prompt and another grade after the benefits overview. Amounts come from the dated table.
import type { App } from '../../bot/app';
import { mainDialogClient, testApp } from '../helpers/app';
import { amountOn as v, euro as eur } from './guidedHelpers';
import { say } from '../helpers/say';

let app: App;
beforeAll(async () => {
  app = await testApp();
}, 120_000);


describe('corrections at the third turn', () => {
  test('"ich hab mich vertan, er hat Pflegegrad 3" re-answers the last topic with that grade', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Mein Vater hat Pflegegrad 2. Was bekommt er an Pflegegeld?');
    expect(await say(client, 'und was ist mit der Tagespflege?')).toContain(eur(v('tagespflege', 2)));
    const reply = await say(client, 'Ach, ich hab mich vertan, er hat Pflegegrad 3.');
    expect(reply).toContain(eur(v('tagespflege', 3)));
    expect(reply).not.toContain(eur(v('tagespflege', 2)));
  });

  test('"nein, nicht meine Mutter, mein Vater, und der hat Pflegegrad 2" keeps the setting asked last', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Meine Mutter hat Pflegegrad 4, wie viel Pflegegeld gibt es?');
    await say(client, 'und im Heim?');
    const reply = await say(client, 'nein, nicht meine Mutter, mein Vater, und der hat Pflegegrad 2');
    expect(reply).toContain(eur(v('stationaer', 2)));
  });

  test('English: "wait, she has grade 4" after the nursing-home answer', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'My mum has care grade 3. How much care allowance does she get?');
    expect(await say(client, 'and in a nursing home?')).toContain(eur(v('stationaer', 3), 'en'));
    expect(await say(client, 'wait, she has grade 4')).toContain(eur(v('stationaer', 4), 'en'));
  });
});

describe('a sum spent told before the question', () => {
  test('the story tells 2.000 € used, the next turn asks what is left', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Meine Mutter hat Pflegegrad 3. Wir haben dieses Jahr schon 2.000 Euro für Verhinderungspflege ausgegeben.');
    expect(await say(client, 'Wie viel bleibt uns noch?')).toContain(eur(v('entlastungsbudget') - 2000));
  });

  test('a sum in words: "tausend Euro"', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Wie viel gibt es für Verhinderungspflege und Kurzzeitpflege zusammen?');
    expect(await say(client, 'wir haben schon tausend Euro ausgegeben, was ist noch übrig?')).toContain(eur(v('entlastungsbudget') - 1000));
  });
});

describe('what the insurance pays, after a list or a story', () => {
  test('"Was übernimmt die Kasse dafür?" after day care offers found from the story', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Mein Schwiegervater hat Pflegegrad 2 und wohnt allein in Heißen. Seit kurzem geht er zweimal in der Woche in die Tagespflege.');
    expect(await say(client, 'Was übernimmt die Kasse dafür?')).toContain(eur(v('tagespflege', 2)));
  });

  test('"Was zahlt die Kasse dann?" after the nursing-home answer does not ask the setting', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Mein Vater hat Pflegegrad 4 und wird seit zwei Jahren von meiner Mutter versorgt. Sie ist selbst 80 und schafft es nicht mehr. Wir überlegen jetzt, ob er in ein Pflegeheim zieht.');
    const reply = await say(client, 'Was zahlt die Kasse dann?');
    expect(reply).toContain(eur(v('stationaer', 4)));
    expect(reply).not.toMatch(/Wie wird die Person/);
  });
});

describe('the benefits overview', () => {
  test('free text in the setting prompt: "meine Frau pflegt mich hier zu Hause"', async () => {
    const client = mainDialogClient(app);
    expect(await say(client, 'Was steht mir bei Pflegegrad 3 alles zu?')).toMatch(/Wie wird die Person/);
    expect(await say(client, 'meine Frau pflegt mich hier zu Hause')).toContain(eur(v('pflegegeld', 3)));
  });

  test('English: "my daughter looks after me at home", then "and at grade 5??"', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'What am I entitled to with care grade 2?');
    expect(await say(client, 'my daughter looks after me at home')).toContain(eur(v('pflegegeld', 2), 'en'));
    expect(await say(client, 'and at grade 5??')).toContain(eur(v('pflegegeld', 5), 'en'));
  });
});
