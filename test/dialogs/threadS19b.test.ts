// The thread in session 19b (issue 18), against the real app: "she lives in our house and my husband and i do
// all the caring. is that what we get?" after the care allowance at grade 3 tells that the family cares, with a
// last sentence that only asks what they get: the care allowance at the thread's grade, not housing benefit in a
// care home. Amounts come from the dated table.
import type { App } from '../../bot/app';
import { mainDialogClient, testApp } from '../helpers/app';
import { say } from '../helpers/say';
import { amountOn as v, euro as eur } from './guidedHelpers';

let app: App;
beforeAll(async () => {
  app = await testApp();
}, 120_000);

describe('the family cares, told with "what do we get?"', () => {
  test('en: a story and "is that what we get?" after the care allowance: the care allowance at grade 3', async () => {
    const client = mainDialogClient(app, 'en');
    expect(await say(client, 'whats the care allowance for grade 3')).toContain(eur(v('pflegegeld', 3), 'en'));
    const reply = await say(client, 'she lives in our house and my husband and i do all the caring. is that what we get?');
    expect(reply).toContain(eur(v('pflegegeld', 3), 'en'));
    expect(reply).not.toMatch(/Wohngeld|housing benefit/i);
  });

  test('de: "ich pflege ihn selbst. was bekommt er jetzt?" after the service benefit at grade 2: the care allowance', async () => {
    const client = mainDialogClient(app);
    expect(await say(client, 'wie viel pflegesachleistung gibt es bei pflegegrad 2')).toContain(eur(v('sachleistung', 2), 'de'));
    const reply = await say(client, 'er wohnt bei uns im haus und ich pflege ihn selbst. was bekommt er jetzt?');
    expect(reply).toContain(eur(v('pflegegeld', 2), 'de'));
  });
});
