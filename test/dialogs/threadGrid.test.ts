// The thread on follow-ups written as a grid of kinds (issue 18, session 12), against the real app, de
// and en: a changed condition ("und wenn …") gets the last answer's sentences about it; a short
// statement that corrects a fact of the last answer re-answers it; "does it go up over time?" asks how
// an amount changes; a declined offer keeps the question after it; money "in der Zeit" is the last
// answer's money; a cost question with only a grade asks the last money topic; a fact the last topic
// is about gets its sentences; shares in quarters are worked out. Amounts come from the dated table.
import type { App } from '../../bot/app';
import { mainDialogClient, testApp } from '../helpers/app';
import { say } from '../helpers/say';
import { amountOn as v, euro as eur } from './guidedHelpers';

let app: App;
beforeAll(async () => {
  app = await testApp();
}, 120_000);

describe('a changed condition after an answer', () => {
  test('de: short leave from work, then "und was ist, wenn es länger dauert?": the longer leave', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Mein Vater ist plötzlich pflegebedürftig, darf ich ein paar Tage von der Arbeit wegbleiben?');
    expect(await say(client, 'und was ist, wenn es länger dauert?')).toMatch(/Pflegezeit/);
  });

  test('en: short leave from work, then "and what if it lasts longer?": care leave', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'My father suddenly needs care, may I stay away from work for a few days?');
    expect(await say(client, 'and what if it lasts longer?')).toMatch(/care leave/i);
  });

  test('de: the nursing-home allowance, then "und wenn sie verheiratet ist?": the couples\' savings limit', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Wer bekommt Pflegewohngeld?');
    expect(await say(client, 'und wenn sie verheiratet ist?')).toContain(eur(v('pflegewohngeld_schonvermoegen_paar')));
  });
});

describe('a short statement that corrects a fact of the last answer', () => {
  test('de: the allowance at grade 2, then "sie lebt aber im Pflegeheim": the home amount', async () => {
    const client = mainDialogClient(app);
    expect(await say(client, 'Wie viel Pflegegeld bekommt meine Oma mit Pflegegrad 2?')).toContain(eur(v('pflegegeld', 2)));
    expect(await say(client, 'sie lebt aber im Pflegeheim')).toContain(eur(v('stationaer', 2)));
  });

  test('en: the allowance at grade 2, then "she lives in a care home though": the home amount', async () => {
    const client = mainDialogClient(app, 'en');
    expect(await say(client, 'How much care allowance does my gran get at grade 2?')).toContain(eur(v('pflegegeld', 2), 'en'));
    expect(await say(client, 'she lives in a care home though')).toContain(eur(v('stationaer', 2), 'en'));
  });

  test('en: the allowance, who applies, then "sorry, she actually has grade 4": the allowance at grade 4', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'How much care allowance is there at grade 2?');
    await say(client, 'who applies for it?');
    expect(await say(client, 'sorry, she actually has grade 4')).toContain(eur(v('pflegegeld', 4), 'en'));
  });
});

describe('how an amount changes over time', () => {
  test('de: the supplement in the home, then "wird das später mehr?": the rising shares', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Wie funktioniert der Zuschlag der Pflegekasse zum Eigenanteil im Heim?');
    expect(await say(client, 'wird das später mehr?')).toMatch(/75/);
  });

  test('en: the supplement in the home, then "does that go up over time?": the rising shares', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'How does the care fund supplement towards the own share in a nursing home work?');
    expect(await say(client, 'does that go up over time?')).toMatch(/75/);
  });
});

describe('a declined offer with a question after it', () => {
  // a guard: the German intent engine already answered this one before
  test('de: "nein danke. wie beantragen wir den?" after the self-check offer is answered', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Welcher Pflegegrad könnte für meinen Vater passen?');
    expect(await say(client, 'nein danke. wie beantragen wir den?')).toMatch(/Pflegekasse/);
  });

  test('en: "no thanks. how do we get one?" after the self-check offer is answered', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'Which care grade might my father get?');
    expect(await say(client, 'no thanks. how do we get one?')).toMatch(/care fund/);
  });
});

describe('money during the last answer\'s situation', () => {
  // a guard: "in der Zeit" with "Geld" was answered before too
  test('de: short leave from work, then "gibt es in der Zeit Geld?": the care support pay', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Meine Mutter hatte einen Schlaganfall, darf ich kurzfristig der Arbeit fernbleiben?');
    expect(await say(client, 'gibt es in der Zeit Geld?')).toMatch(/Pflegeunterstützungsgeld/);
  });

  test('en: short leave from work, then "will I be paid in that time?": the care support pay', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'My mother had a stroke, may I stay off work at short notice?');
    expect(await say(client, 'will I be paid in that time?')).toMatch(/care support pay/);
  });
});

describe('a cost question with only a grade after a money topic\'s offers', () => {
  test('de: day care found in Saarn, then "wie viel zahlt die kasse bei grad 3": day care at grade 3', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Ich suche eine Tagespflege für meinen Mann');
    await say(client, 'Saarn');
    expect(await say(client, 'wie viel zahlt die kasse bei grad 3')).toContain(eur(v('tagespflege', 3)));
  });

  test('en: day care found in Styrum, then "how much does the fund pay at grade 3": day care at grade 3', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'I need a day care place for my mother');
    await say(client, 'Styrum');
    expect(await say(client, 'how much does the fund pay at grade 3')).toContain(eur(v('tagespflege', 3), 'en'));
  });
});

describe('a fact the last topic is about', () => {
  test('de: the nursing-home allowance, then savings told: the savings limit', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Wer bekommt Pflegewohngeld?');
    expect(await say(client, 'hat meine mutter da auch anspruch, sie hat 14000 gespart')).toContain(eur(v('pflegewohngeld_schonvermoegen')));
  });
});

describe('a share of the service told in quarters', () => {
  test('de: the combination at grade 3, then "und wenn der Dienst drei Viertel braucht?": a quarter of the allowance', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Mama hat Grad 3, der Pflegedienst braucht etwa die Hälfte. Was bleibt dann vom Pflegegeld?');
    expect(await say(client, 'und wenn der Dienst drei Viertel braucht?')).toContain(eur(v('pflegegeld', 3) * 0.25));
  });

  test('en: the combination at grade 3, then "what if the service takes three quarters?": a quarter of the allowance', async () => {
    const client = mainDialogClient(app, 'en');
    await say(client, 'My mother has care grade 3 and the home-care service uses half of the in-kind budget. How much care allowance is left?');
    expect(await say(client, 'what if the service takes three quarters?')).toContain(eur(v('pflegegeld', 3) * 0.25, 'en'));
  });
});
