// The callback dialog turn by turn over the real main dialog: English, declining stores nothing,
// "cancel" in the middle leaves without storing, a new question in the consent step is answered.
import { mainDialogClient, shown, testApp } from '../helpers/app';
import type { App } from '../../bot/app';
import type { LowdbStaffRepository } from '../../bot/staff/lowdbRepository';

let app: App;
beforeAll(async () => {
  app = await testApp();
}, 120_000);

const stored = async () => {
  await (app.staffRepo as LowdbStaffRepository).settle();
  return app.staffRepo.listCallbacks();
};

test('English: consent, number, any time, a typed topic, a name', async () => {
  const c = mainDialogClient(app, 'en');
  expect(shown(await c.sendActivity('Please call me back'))).toMatch(/Do you agree\?[\s\S]*Yes, I agree/);
  expect(shown(await c.sendActivity('Yes, I agree'))).toMatch(/Which phone number/);
  expect(shown(await c.sendActivity('+49 208 1234567'))).toMatch(/08:00–10:00, 10:00–12:30[\s\S]*Any time/);
  expect(shown(await c.sendActivity('Any time'))).toMatch(/What would you like to talk about/);
  expect(shown(await c.sendActivity('respite care for my dad'))).toMatch(/optional/);
  expect(shown(await c.sendActivity('Sam'))).toMatch(/\+49 208 1234567, time Any time, topic “respite care for my dad”/);
  expect((await stored()).find((x) => x.phone === '+49 208 1234567')).toMatchObject({ lang: 'en', name: 'Sam', slot: 'Any time', status: 'new' });
});

test('declining stores nothing; cancelling half-way stores nothing', async () => {
  const before = (await stored()).length;
  const a = mainDialogClient(app, 'de');
  await a.sendActivity('Rückruf');
  expect(shown(await a.sendActivity('Nein, lieber nicht'))).toMatch(/nichts gespeichert/);
  const b = mainDialogClient(app, 'de');
  await b.sendActivity('Rückruf');
  await b.sendActivity('Ja, einverstanden');
  await b.sendActivity('0208 111222');
  await b.sendActivity('abbrechen');
  expect((await stored()).length).toBe(before);
});

test('a new question instead of the consent is answered as a question', async () => {
  const c = mainDialogClient(app, 'de');
  await c.sendActivity('Rückruf');
  expect(shown(await c.sendActivity('Wie viel Pflegegeld bei Pflegegrad 3?'))).toMatch(/599/);
});
