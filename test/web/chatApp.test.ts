// scripts/chat.ts with the real app: a piped question, the answer from the benefits table, and the
// --explain lines. "Today" is fixed so the amount does not depend on the date the test runs.
import * as fs from 'fs';
import * as path from 'path';
import { Readable } from 'stream';
import { MemoryStorage } from 'botbuilder';
import { runChat } from '../../scripts/chat';
import { buildApp } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { tempDir } from '../helpers/tmp';

const ROOT = path.join(__dirname, '../..');
// the trained NLU model and the start-up caches shared by the app tests (test/helpers/app.ts): this
// suite is about the terminal chat, and training from scratch in it took minutes on a loaded machine
const NLU_CACHE_DIR = path.join(ROOT, '.cache', 'nlu-test');

describe('with the real app', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = tempDir('pn-chat-');
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('a piped question gets the care allowance for grade 3 from the benefits table, with its source', async () => {
    const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, NLU_CACHE_DIR, LOG_LEVEL: 'silent', TODAY: '2025-06-01' }, ROOT);
    const app = await buildApp(config, { storage: new MemoryStorage() });
    const out: string[] = [];
    await runChat(app, Readable.from(['Wie viel Pflegegeld bei Pflegegrad 3?\n']), (l) => out.push(l), { explain: true, lang: 'de', channelId: 'webchat' });
    const reply = out.slice(out.indexOf('> Wie viel Pflegegeld bei Pflegegrad 3?'));
    expect(reply.join('\n')).toMatch(/599/);
    const intent = reply.find((l) => l.startsWith('  · intent: '));
    expect(intent).toBeDefined();
    expect(reply.some((l) => l.startsWith('  · entities: ') && l.includes('grade=3'))).toBe(true);
    expect(reply.some((l) => l.startsWith('  · source: ') && l.includes('http'))).toBe(true);
    expect(reply).toContain('  · context: – (the message was read on its own)');
  }, 120_000);

  test('--explain names the context a follow-up was resolved against', async () => {
    const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, NLU_CACHE_DIR, LOG_LEVEL: 'silent', TODAY: '2025-06-01' }, ROOT);
    const app = await buildApp(config, { storage: new MemoryStorage() });
    const out: string[] = [];
    await runChat(app, Readable.from(['Pflegegeld bei Pflegegrad 2?\n', 'und bei 4?\n']), (l) => out.push(l), { explain: true, lang: 'de', channelId: 'webchat' });
    const reply = out.slice(out.indexOf('> und bei 4?'));
    expect(reply.join('\n')).toMatch(/800/);
    expect(reply.find((l) => l.startsWith('  · context: '))).toMatch(/elliptic · topic=allowance grade=4/);
  }, 120_000);

  test('--explain names the story\'s grade an answer used, and a related follow-up\'s concepts', async () => {
    const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, NLU_CACHE_DIR, LOG_LEVEL: 'silent', TODAY: '2026-11-25' }, ROOT);
    const app = await buildApp(config, { storage: new MemoryStorage() });
    const out: string[] = [];
    // (a date after July 2025: the respite answer names the joint budget, which starts then)
    const lines = ['Meine Mutter hat Pflegegrad 3 und wohnt bei mir.\n', 'Was zahlt die Kasse für die Tagespflege?\n', 'Kann sie ab nächster Woche in die Kurzzeitpflege?\n', 'Bekommt sie in der Zeit weiter ihr Pflegegeld?\n'];
    await runChat(app, Readable.from(lines), (l) => out.push(l), { explain: true, lang: 'de', channelId: 'webchat' });
    const after = (q: string) => out.slice(out.indexOf(`> ${q}`)).find((l) => l.startsWith('  · context: '));
    expect(after('Was zahlt die Kasse für die Tagespflege?')).toMatch(/story · topic=daycare grade=3 setting=daycare person=mother/);
    expect(after('Bekommt sie in der Zeit weiter ihr Pflegegeld?')).toMatch(/related · concepts=care_allowance topic=respite/);
  }, 120_000);
});
