// The care-grade self-check: whole conversations through the real MainDialog and the real bot
// (crisis check, lowdb state, restart). The progress rules: test/care/selfCheck.test.ts.
import { buildApp, type App } from '../../bot/app';
import { scoreNba } from '../../bot/care/nba';
import type { NbaCatalogue } from '../../bot/care/nbaSchema';
import { answerQuestion, newProgress, selfCheckQuestions } from '../../bot/care/selfCheck';
import { mainDialogClient, testApp, testConfig } from '../helpers/app';
import { loadNba } from '../care/nbaCatalogue';
import { answerTitles, BotChat, buttons, decodeDataUrl } from './guidedHelpers';
import { say, send } from '../helpers/say';

const cat: NbaCatalogue = loadNba();
const qs = selfCheckQuestions(cat);
const START = 'Ich möchte testen, welchen Pflegegrad ich bekommen könnte';

describe('conversations (MainDialog)', () => {
  let app: App;
  beforeAll(async () => {
    app = await testApp();
  }, 120_000);

  async function started() {
    const client = mainDialogClient(app);
    const intro = await send(client, START);
    expect(buttons(intro)).toEqual(['Test starten', 'Es geht um ein Kind', 'Nur erklären']);
    return client;
  }

  test('always the first button: no care grade, summary as a text file without names', async () => {
    const client = await started();
    const first = await send(client, 'Test starten');
    expect(buttons(first)[0]).toBe('Ja, allein');
    let last = first;
    for (const title of answerTitles(cat, 'first')) last = await send(client, title);
    const text = last.map((a) => a.text).join('\n');
    expect(text).toMatch(/kein Pflegegrad \(0 von 100 Punkten\)/);
    expect(text).toMatch(/Medizinischen Dienst/);
    const file = last.flatMap((a) => a.attachments ?? []).find((a) => a.contentType === 'text/plain');
    expect(file?.name).toBe('Pflegegrad-Selbsttest.txt');
    const content = decodeDataUrl(String(file?.contentUrl));
    expect(content).toMatch(/Positionswechsel im Bett: Ja, allein/);
    expect(content).toMatch(/Schätzung vom 25\. November 2026/);
  });

  test('always the last button: care grade 5, with the benefits of grade 5 as a button', async () => {
    const client = await started();
    await send(client, 'Test starten');
    let last: Awaited<ReturnType<typeof send>> = [];
    for (const title of answerTitles(cat, 'last')) last = await send(client, title);
    expect(last.map((a) => a.text).join('\n')).toMatch(/Pflegegrad 5 \(100 von 100 Punkten\)/);
    expect(buttons(last)).toContain('Leistungen bei Pflegegrad 5');
    const overview = await say(client, 'Leistungen bei Pflegegrad 5');
    expect(overview).toMatch(/Wie wird die Person mit Pflegegrad 5 versorgt/);
  });

  test('a mixed run reports the same grade as the scoring module', async () => {
    const client = await started();
    await send(client, 'Test starten');
    // alternate: module 1, 4 and 6 at the second-worst answer, the rest independent
    const pick = (q: { id: string }, n: number) => (['1', '4', '6'].includes(q.id.split('.')[0]) ? n - 2 : 0);
    let p = newProgress();
    let last = '';
    for (const title of answerTitles(cat, pick)) {
      const q = qs[p.pos];
      p = answerQuestion(cat, p, pick(q, cat.scales.find((s) => s.id === q.scale)!.options.length));
      last = await say(client, title);
    }
    const grade = scoreNba(cat, p.answers).grade;
    expect(last).toMatch(grade > 0 ? new RegExp(`Pflegegrad ${grade} \\(`) : /kein Pflegegrad/);
  });

  test('typed answers: "geht noch allein", "2", "meistens nicht" move on; nonsense asks again', async () => {
    const client = await started();
    await send(client, 'Test starten');
    expect(await say(client, 'geht noch allein')).toMatch(/Frage 2 von 66/);
    expect(await say(client, '2')).toMatch(/Frage 3 von 66/);
    expect(await say(client, 'meistens nicht')).toMatch(/Frage 4 von 66/);
    expect(await say(client, 'blau')).toMatch(/keiner Antwort zuordnen[\s\S]*Frage 4 von 66/);
  });

  test('a district name mid-check does not end the check (only the grade question hands a place on)', async () => {
    const client = await started();
    await send(client, 'Test starten');
    expect(await say(client, 'Saarn')).toMatch(/keiner Antwort zuordnen[\s\S]*Frage 1 von 66/);
    expect(await say(client, 'geht noch allein')).toMatch(/Frage 2 von 66/);
  });

  test('back shows the previous question with the earlier answer; at the first question it says so', async () => {
    const client = await started();
    expect(await say(client, 'Test starten')).toMatch(/Frage 1 von 66/);
    expect(await say(client, 'zurück')).toMatch(/schon die erste Frage[\s\S]*Frage 1 von 66/);
    await say(client, 'Nur mit viel Hilfe');
    const back = await say(client, 'zurück');
    expect(back).toMatch(/Frage 1 von 66/);
    expect(back).toMatch(/Bisherige Antwort: Nur mit viel Hilfe/);
  });

  test('skip a part: the next part starts and the result marks it as skipped', async () => {
    const client = await started();
    await say(client, 'Test starten');
    const next = await say(client, 'Teil überspringen');
    expect(next).toMatch(/Teil 2 von 6/);
    expect(next).toMatch(/Frage 6 von 66/);
    let out = '';
    for (let m = 2; m <= 6; m++) out = await say(client, 'Teil überspringen');
    expect(out).toMatch(/Mobilität: übersprungen/);
    expect(out).toMatch(/kein Pflegegrad/);
  });

  test('pause and resume later at the same question', async () => {
    const client = await started();
    await say(client, 'Test starten');
    await say(client, 'Ja, allein');
    expect(await say(client, 'Pause')).toMatch(/gespeichert/);
    expect(await say(client, 'Selbsttest fortsetzen')).toMatch(/Frage 2 von 66/);
  });

  test('cancel ends the check but keeps the answers: starting again offers to continue', async () => {
    const client = await started();
    await say(client, 'Test starten');
    await say(client, 'Ja, allein');
    await say(client, 'Ja, allein');
    expect(await say(client, 'abbrechen')).toMatch(/abgebrochen/);
    const again = await say(client, START);
    expect(again).toMatch(/bei Frage 3 von 66/);
    expect(await say(client, 'Weitermachen')).toMatch(/Frage 3 von 66/);
  });

  test('a new question mid-check is answered; the check waits and can be resumed', async () => {
    const client = await started();
    await say(client, 'Test starten');
    await say(client, 'Ja, allein');
    const out = await say(client, 'Wie hoch ist das Pflegegeld bei Pflegegrad 2?');
    expect(out).toMatch(/347 €/);
    expect(out).toMatch(/Selbsttest habe ich angehalten/);
    expect(await say(client, 'Selbsttest fortsetzen')).toMatch(/Frage 2 von 66/);
  });

  test('"Meine Daten löschen" mid-check deletes without promising to keep the answers', async () => {
    const client = await started();
    await say(client, 'Test starten');
    await say(client, 'Ja, allein');
    const out = await say(client, 'Meine Daten löschen');
    expect(out).not.toMatch(/bleiben gespeichert/);
  });

  test('help mid-check explains and repeats the question', async () => {
    const client = await started();
    await say(client, 'Test starten');
    const out = await say(client, 'hilfe');
    expect(out).toMatch(/Abbrechen/);
    expect(out).toMatch(/Frage 1 von 66/);
  });

  test('"Nur erklären" gives the explanation; "Es geht um ein Kind" points to counselling', async () => {
    let client = await started();
    expect(await say(client, 'Nur erklären')).toMatch(/12,5 Punkten/);
    client = await started();
    const child = await say(client, 'Es geht um ein Kind');
    expect(child).toMatch(/18 Monate/);
    expect(child).toMatch(/Persönliche Beratung/);
  });

  test('English works the same way', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'I want to test which care level I might receive');
    expect(await say(client, 'Start the check')).toMatch(/Question 1 of 66/);
    expect(await say(client, 'mostly')).toMatch(/Question 2 of 66/);
  });
});

describe('the real bot: emergencies and restarts', () => {
  test('"Meine Mutter ist bewusstlos" mid-check gets 112, and the check continues afterwards', async () => {
    const app = await testApp();
    const chat = new BotChat(app);
    await chat.say(START);
    await chat.say('Test starten');
    expect(await chat.say('Ja, allein')).toMatch(/Frage 2 von 66/);
    expect(await chat.say('Meine Mutter ist bewusstlos')).toMatch(/112/);
    expect(await chat.say('weiter')).toMatch(/Frage 2 von 66/);
    expect(await chat.say('Ja, allein')).toMatch(/Frage 3 von 66/);
  }, 120_000);

  test('resume after a server restart: a new app on the same DATA_DIR continues the check', async () => {
    const config = testConfig();
    const first = await buildApp(config);
    const chat1 = new BotChat(first);
    await chat1.say(START);
    await chat1.say('Test starten');
    await chat1.say('Ja, allein');
    await chat1.say('Meistens allein, mit etwas Hilfe');
    expect(await chat1.say('Nur mit viel Hilfe')).toMatch(/Frage 4 von 66/);

    const second = await buildApp(config);
    const chat2 = new BotChat(second);
    expect(await chat2.say('Ja, allein')).toMatch(/Frage 5 von 66/);
    expect(await chat2.say('zurück')).toMatch(/Frage 4 von 66/);
    expect(await chat2.say('zurück')).toMatch(/Bisherige Antwort: Nur mit viel Hilfe/);
  }, 120_000);
});
