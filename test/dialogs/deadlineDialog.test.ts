// Application / objection guide: the letter templates and conversations (the deadline rules:
// test/care/deadlineText.test.ts).
import * as path from 'path';
import type { App } from '../../bot/app';
import { LettersFileSchema } from '../../bot/care/letters';
import { readJsonFile } from '../../bot/knowledge/jsonFile';
import { mainDialogClient, ROOT, testApp } from '../helpers/app';
import { buttons, decodeDataUrl } from './guidedHelpers';
import { say, send } from '../helpers/say';


describe('letters.json', () => {
  const file = readJsonFile(path.join(ROOT, 'knowledge', 'federal', 'letters.json'), LettersFileSchema);
  test('both templates exist in both languages, with placeholders and without any real-looking name or number', () => {
    expect(file.letters.map((l) => l.id).sort()).toEqual(['application', 'objection']);
    for (const l of file.letters) {
      for (const lang of ['de', 'en'] as const) {
        const body = l[lang].body.join('\n');
        expect(body).toMatch(/\[[^\]]+\]/);
        expect(body).not.toMatch(/\d{3,}/);
      }
    }
  });

  test('a template without placeholders is rejected', () => {
    const broken = structuredClone(file);
    broken.letters[0].de.body = broken.letters[0].de.body.map((x) => x.replace(/\[[^\]]*\]/g, 'X'));
    expect(LettersFileSchema.safeParse(broken).success).toBe(false);
  });
});

describe('conversations', () => {
  let app: App;
  beforeAll(async () => {
    app = await testApp();
  }, 120_000);

  test('"Bescheid kam am 3.11." → the last day for the objection', async () => {
    const out = await say(mainDialogClient(app), 'Bis wann muss ich Widerspruch einlegen? Der Bescheid kam am 3.11.');
    expect(out).toMatch(/spätestens am Donnerstag, 3\. Dezember 2026/);
    expect(out).toMatch(/noch 8 Tage/);
    expect(out).toMatch(/Vorlage: Widerspruch/);
  });

  test('"Antrag am 1. Oktober gestellt" → decision deadline and the payment so far; then the notice date', async () => {
    const client = mainDialogClient(app);
    const out = await say(client, 'Antrag am 1. Oktober gestellt');
    expect(out).toMatch(/spätestens am Donnerstag, 5\. November 2026 entscheiden/);
    expect(out).toMatch(/3 angefangene Wochen × 70 € = 210 €/);
    const later = await say(client, 'Bescheid kam am 20.11.');
    expect(later).toMatch(/zu spät: 15 Tage nach Fristende/);
    expect(later).toMatch(/Montag, 21\. Dezember 2026/); // 20 Dec is a Sunday
  });

  test('the guide step by step, then a date, then what it was', async () => {
    const client = mainDialogClient(app);
    const guide = await send(client, 'Wann muss die Kasse entscheiden?');
    const text = guide.map((a) => a.text).join('\n');
    expect(text).toMatch(/25 Arbeitstagen/);
    expect(text).toMatch(/70 € für jede angefangene Woche/);
    expect(text).toMatch(/innerhalb eines Monats/);
    expect(buttons(guide)).toEqual(['Frist für den Widerspruch', 'Frist für die Entscheidung', 'Vorlage: Antrag', 'Vorlage: Widerspruch']);
    expect(await say(client, 'gestern')).toMatch(/Was ist am Dienstag, 24\. November 2026 passiert/);
    expect(await say(client, 'Der Bescheid kam an')).toMatch(/spätestens am Donnerstag, 24\. Dezember 2026/);
  });

  test('asked for a date, an impossible one is asked again', async () => {
    const client = mainDialogClient(app);
    expect(await say(client, 'Frist für den Widerspruch berechnen')).toMatch(/An welchem Tag kam der Bescheid/);
    expect(await say(client, '31.02.')).toMatch(/nicht verstanden/);
    expect(await say(client, 'am 2. November')).toMatch(/Mittwoch, 2\. Dezember 2026/);
  });

  test('letter buttons at the end of the guide: the template as text and as a file, no names asked', async () => {
    const client = mainDialogClient(app);
    await say(client, 'Wann muss die Kasse entscheiden?');
    const acts = await send(client, 'Vorlage: Widerspruch');
    const text = acts.map((a) => a.text).join('\n');
    expect(text).toMatch(/\[Vor- und Nachname der pflegebedürftigen Person\]/);
    expect(text).toMatch(/frage nicht nach Namen/);
    const file = acts.flatMap((a) => a.attachments ?? []).find((a) => a.contentType === 'text/plain');
    expect(decodeDataUrl(String(file?.contentUrl))).toMatch(/hiermit lege ich Widerspruch/);
    expect(buttons(acts)).toContain('Widerspruchsfrist berechnen');
  });

  test('"Musterbrief Antrag Pflegegrad" gives the application template', async () => {
    expect(await say(mainDialogClient(app), 'Musterbrief Antrag Pflegegrad')).toMatch(/hiermit beantrage ich Leistungen der Pflegeversicherung/);
  });

  test('English: template in English with a German version button', async () => {
    const client = mainDialogClient(app, 'en');
    const acts = await send(client, 'template for an objection to the care fund');
    expect(acts.map((a) => a.text).join()).toMatch(/I hereby object/);
    expect(buttons(acts)).toContain('German version');
    expect(await say(client, 'German version')).toMatch(/hiermit lege ich Widerspruch/);
  });
});
