// A question with two parts is answered in both (issue 17, session 15, bot/conversation/facets.ts):
// the entry's short answer answers one part, the details sentence that answers the other is added,
// at most three sentences, then the next step.
import type { App } from '../../bot/app';
import { mainDialogClient, testApp } from '../helpers/app';
import { send } from '../helpers/say';

let app: App;
beforeAll(async () => {
  app = await testApp();
}, 120_000);

const answerOf = (text: string) => text.split(/\n\n(?:Nächster Schritt|Next step)/)[0];

describe('a question with two parts gets the sentence for each part', () => {
  test('de: may we pay the neighbour, and what must she do: the neighbour sentence of the relief answer', async () => {
    const acts = await send(mainDialogClient(app), 'Eine Nachbarin geht für meinen Vater (Pflegegrad 3) einkaufen. Dürfen wir ihr das aus dem Entlastungsbetrag bezahlen, und was muss sie dafür tun?');
    const first = answerOf(acts[0].text ?? '');
    expect(first).toMatch(/Nachbarschaftshilfe kann so bezahlt werden/);
    // still at most three sentences before the next step
    expect(first.split('\n\n').slice(1).join(' ').split(/(?<=[.!?])\s+(?=[A-ZÄÖÜ])/).length).toBeLessThanOrEqual(3);
  });

  test('en: allowed to stay off work, and how to arrange it: the sentence about telling the employer', async () => {
    const acts = await send(mainDialogClient(app, 'en'), 'I work for a small company with ten people and my mother just had a bad fall. Am I still allowed to take a few days off, and how do I arrange it?');
    const first = answerOf(acts[0].text ?? '');
    expect(first).toMatch(/10 working days/);
    expect(first).toMatch(/tell your employer/);
  });

  test('en: a further answer of the message gets the sentence for its part too', async () => {
    const acts = await send(mainDialogClient(app, 'en'), 'Our neighbour does the shopping for my dad, he has care grade 2. Are we allowed to pay her from the relief amount, and how much can we spend a month?');
    const all = acts.map((a) => a.text ?? '').join('\n');
    expect(all).toMatch(/Neighbourhood help can also be paid this way/);
    expect(all).toMatch(/131/);
  });

  test('one question that asks one thing keeps the short answer as it is', async () => {
    const acts = await send(mainDialogClient(app), 'Wie viel Entlastungsbetrag gibt es im Monat?');
    expect(answerOf(acts[0].text ?? '')).not.toMatch(/Nachbarschaftshilfe kann so bezahlt werden/);
  });
});
