// Stories the story re-ranker decides from probability 0.3 on (session 14's calibration: in
// leave-one-file-out cross-validation its first choice beats the hand rules' in every band from 0.3,
// not only from 0.6), and a grade-specific amount of another grade than the told one that it no longer
// takes (feature otherGradeAmount); a close runner-up of its choice is the "Oder meinten Sie" button.
// Real app, real NLU.
import type { App } from '../../bot/app';
import { formatEuro, valueOn } from '../../bot/care/benefits';
import { mainDialogClient, TODAY, testApp } from '../helpers/app';
import { benefitsTable, buttons } from './guidedHelpers';
import { send } from '../helpers/say';

let app: App;
beforeAll(async () => {
  app = await testApp();
}, 120_000);

const reply = async (text: string) => (await send(mainDialogClient(app), text)).map((a) => a.text ?? '').join('\n');

describe('the re-ranker picks the entry that answers the question inside a story', () => {
  test('a pension story asking what a live-in carer costs: the live-in costs (minimum wage), not the nursing home', async () => {
    const all = await reply('Oma ist 91, hat Pflegegrad 4 und eine gute Beamtenpension. Sie will auf keinen Fall ins Heim, deshalb denken wir '
      + 'an eine Frau, die bei ihr einzieht. Was kostet sowas realistisch im Monat?');
    expect(all).toMatch(/Mindestlohn/);
    expect(all).not.toMatch(/^\*\*Pflegeheim/);
  });

  test('a pension story asking whether self-paid home care is tax-deductible: the household-services reduction', async () => {
    const all = await reply('Mein Vater hat Pflegegrad 2 und zahlt den ambulanten Dienst zum Teil selbst, weil die Sachleistung nicht reicht. '
      + 'Er hat eine Betriebsrente und muss Steuern zahlen. Kann er die Kosten absetzen?');
    expect(all).toMatch(/haushaltsnahe|20 ?%/);
  });

  // a guard: passes before this change too, failed with the threshold 0.3 alone (the model took allowance_two_people)
  test('grade 4 told, how much care allowance: the grade 4 amount, not an entry whose amounts are other grades\'', async () => {
    const all = await reply('mein mann hat pflegegrad 4 und ich pflege ihn. wie viel pflegegeld gibts');
    expect(all).toContain(formatEuro(valueOn(benefitsTable, 'pflegegeld', TODAY, 4)!, 'de'));
  });

  test('a choice with a close runner-up offers it as "Oder meinten Sie", with one question mark', async () => {
    const acts = await send(mainDialogClient(app), 'Mein Mann ist Frührentner, ich arbeite nur noch halbtags. Er hat Pflegegrad 4 und '
      + 'ich pflege ihn ganz allein. Gibt es da einen Steuerfreibetrag für mich?');
    const offered = buttons(acts).filter((b) => b.startsWith('Oder meinten Sie'));
    expect(offered).toEqual(['Oder meinten Sie: Wie hoch ist der Pflege-Pauschbetrag?']);
  });
});

describe('who is asking and what the story denies (session 15)', () => {
  // fails on the old model: it was sure of the live-in relief-amount entry on "relief" (no asker feature)
  test('a carer asking for her own tax relief: the carer\'s Pflege-Pauschbetrag', async () => {
    const acts = await send(mainDialogClient(app, 'en'), 'Caring for my husband, grade 5, I do everything for him. Any tax relief for me as his carer?');
    const all = acts.map((a) => a.text ?? '').join('\n');
    expect(all).toMatch(/Pflege-Pauschbetrag/);
    expect(all).not.toMatch(/relief amount/i);
  });
});

describe('a story that denies the intent engine\'s topic (session 15b)', () => {
  // fails on the old code: the classifier's topic was dementia (0.9+), which the denial does not reach
  test('no dementia, a lung disease, which care grade: the grade estimate, not the dementia answer', async () => {
    const acts = await send(mainDialogClient(app, 'en'), 'Dad has no dementia at all, his mind is perfectly clear. He has heart failure and '
      + 'gets out of breath after a few steps. Which care grade might he get?');
    const all = acts.map((a) => a.text ?? '').join('\n');
    expect(all).not.toMatch(/^\*\*Dementia/);
    expect(all).toMatch(/points|self-check/i);
  });

  test('a question that points back at the denial keeps the denied topic\'s reading', async () => {
    const all = await reply('Meine Mutter hat keine Demenz, sagt die Ärztin. Trotzdem vergisst sie ständig den Herd. Bekommt sie dann überhaupt Hilfe bei Demenz?');
    expect(all).toMatch(/Demenz/);
  });
});
