// The thread in session 18 (issue 18), against the real app, de and en: "und wie lange am stück?" /
// "how many weeks" after respite care is how long it may be used; a told grade with "Was steht ihm an Geld
// zu?" / "what is he entitled to?" is that grade's benefits, not an entry that shares the story's words;
// "und für den Umbau vom Bad?" / "and for a stairlift?" after an amount is the conversion grant's amount.
// Amounts come from the dated table.
import type { App } from '../../bot/app';
import { mainDialogClient, testApp } from '../helpers/app';
import { say } from '../helpers/say';
import { amountOn as v, euro as eur } from './guidedHelpers';

let app: App;
beforeAll(async () => {
  app = await testApp();
}, 120_000);

describe('how long a benefit may be used', () => {
  test('de: "und wie lange am stück?" after respite care: the weeks per year, not the application steps', async () => {
    const client = mainDialogClient(app);
    expect(await say(client, 'verhinderungspflge mama grad 2 wieviel im jahr')).toMatch(/Verhinderungspflege/);
    const reply = await say(client, 'und wie lange am stück?');
    expect(reply).toMatch(/8 Wochen/);
    expect(reply).not.toMatch(/Schritt für Schritt/);
  });

  test('en: "how many weeks" after respite care: the weeks per year, not the out-of-scope line', async () => {
    const client = mainDialogClient(app, 'en');
    expect(await say(client, 'respit care grade 3 how much')).toMatch(/respite/i);
    const reply = await say(client, 'how many weeks');
    expect(reply).toMatch(/8 weeks/);
  });
});

describe('a told grade and "what money is there?"', () => {
  test('de: a story with the assessment, family care and "Was steht ihm an Geld zu?": the care allowance at that grade', async () => {
    const client = mainDialogClient(app);
    const reply = await say(client, 'Mein Vater wohnt seit dem Winter bei uns. Die Gutachterin war im Sommer da, er hat jetzt Pflegegrad 2. Ich gehe arbeiten und mache den Rest selbst. Was steht ihm an Geld zu?');
    expect(reply).toContain(eur(v('pflegegeld', 2)));
    expect(reply).not.toMatch(/Telefon oder per Video/);
  });

  test('en: a story with the assessment, family care and "what money can she get?": the care allowance at that grade', async () => {
    const client = mainDialogClient(app, 'en');
    const reply = await say(client, 'My mum is 81 and lives with us. The assessor came in spring and she got care grade 3. I work part time and we do the rest ourselves. What money can she get?');
    expect(reply).toContain(eur(v('pflegegeld', 3), 'en'));
  });
});

describe('"und für X?" after an amount', () => {
  test('de: "und für den Umbau vom Bad?" after short-term care: the conversion grant, not the landlord\'s consent', async () => {
    const client = mainDialogClient(app);
    expect(await say(client, 'was zahlt die kasse für kurzzeitpflege bei pflegegrad 3')).toContain(eur(v('entlastungsbudget')));
    const reply = await say(client, 'und für den umbau vom bad?');
    expect(reply).toContain(eur(v('wohnumfeld')));
  });

  test('en: "and for a stairlift?" after short-term care: the conversion grant (passes on the old code too: retrieval already takes the topic)', async () => {
    const client = mainDialogClient(app, 'en');
    expect(await say(client, 'what does the care fund pay for short-term care at grade 3')).toContain(eur(v('entlastungsbudget'), 'en'));
    const reply = await say(client, 'and for a stairlift?');
    expect(reply).toContain(eur(v('wohnumfeld'), 'en'));
  });
});
