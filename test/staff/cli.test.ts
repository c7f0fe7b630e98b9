// `npm run staff`: accounts (password never an argument) and export-training into a copy of the
// corpora, with a gate that passes or fails. The real gate (kb:check + held-out test) runs as child
// processes in a checkout: its command list is checked against package.json and the test files, and
// the gate runner itself runs real child processes that pass or fail.
import * as fs from 'fs';
import * as path from 'path';
import { LowdbStaffRepository } from '../../bot/staff/lowdbRepository';
import { defaultGate, exportTraining, GATE_STEPS, refuseWhileBotRuns, runStaffCli, type Gate } from '../../scripts/staff';
import { verifyPassword } from '../../bot/staff/auth';
import { tempDir } from '../helpers/tmp';

const ROOT = path.join(__dirname, '../..');
let dir: string;
let nluDir: string;
let repo: LowdbStaffRepository;
const out: string[] = [];
const pass: Gate = async () => ({ ok: true, step: 'all', output: '' });
const fail: Gate = async () => ({ ok: false, step: 'held-out gate', output: 'de accuracy 0.90 < 0.93' });

beforeEach(async () => {
  dir = tempDir('pn-cli-');
  nluDir = path.join(dir, 'nlu');
  fs.mkdirSync(nluDir);
  for (const l of ['de', 'en']) fs.copyFileSync(path.join(ROOT, 'knowledge/nlu', `${l}.json`), path.join(nluDir, `${l}.json`));
  repo = await LowdbStaffRepository.open(path.join(dir, 'staff'));
  out.length = 0;
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const io = (gate: Gate = pass, password = 'a-long-password-1') => ({ out: (l: string) => out.push(l), password: async () => password, gate, nluDir });

test('add, list, passwd, remove', async () => {
  expect(await runStaffCli(['add', 'anna', '--role', 'editor'], repo, io())).toBe(0);
  expect(await runStaffCli(['add', 'anna', '--role', 'editor'], repo, io())).toBe(1);
  expect(await runStaffCli(['add', 'bob', '--role', 'root'], repo, io())).toBe(2);
  await expect(runStaffCli(['add', 'bob', '--role', 'admin'], repo, io(pass, 'short'))).rejects.toThrow(/at least 12 characters/);
  out.length = 0;
  expect(await runStaffCli(['list'], repo, io())).toBe(0);
  expect(out).toEqual([expect.stringMatching(/^anna\teditor\tcreated \d{4}-\d\d-\d\d$/)]);
  expect(await runStaffCli(['passwd', 'anna'], repo, io(pass, 'another-password-2'))).toBe(0);
  expect(await verifyPassword('another-password-2', (await repo.getUser('anna'))!.hash)).toBe(true);
  expect(await runStaffCli(['remove', 'anna'], repo, io())).toBe(0);
  expect(await repo.listUsers()).toEqual([]);
  await repo.settle();
  expect(fs.readFileSync(repo.file, 'utf8')).not.toMatch(/a-long-password-1|another-password-2/);
});

async function queue(text: string, intent: string, status: 'queued' | 'approved', lang: 'de' | 'en' = 'de') {
  await repo.addTraining({ id: `${text}-${status}`, inboxId: 'i', lang, text, intent, status, createdAt: 'x', by: 'anna' });
}
const utterances = (lang: string, intent: string): string[] =>
  (JSON.parse(fs.readFileSync(path.join(nluDir, `${lang}.json`), 'utf8')) as { data: { intent: string; utterances: string[] }[] }).data.find((d) => d.intent === intent)!.utterances;

test('export-training writes the approved phrasings (not the queued ones) and marks them exported', async () => {
  await queue('wie komme ich an das pflegegeld ran', 'allowance', 'approved');
  await queue('how do I get the care allowance paid', 'allowance', 'approved', 'en');
  await queue('noch nicht geprüft', 'allowance', 'queued');
  const r = await exportTraining(repo, nluDir, pass, (l) => out.push(l));
  expect(r).toEqual({ ok: true, added: { de: 1, en: 1 } });
  expect(utterances('de', 'allowance')).toContain('wie komme ich an das pflegegeld ran');
  expect(utterances('de', 'allowance')).not.toContain('noch nicht geprüft');
  expect(utterances('en', 'allowance')).toContain('how do I get the care allowance paid');
  expect((await repo.listTraining()).map((t) => t.status).sort()).toEqual(['exported', 'exported', 'queued']);
  // a second export adds nothing
  expect((await exportTraining(repo, nluDir, pass, () => undefined)).added).toEqual({});
});

test('export-training is refused when the gate fails: files unchanged, queue unchanged', async () => {
  const before = fs.readFileSync(path.join(nluDir, 'de.json'), 'utf8');
  await queue('wie komme ich an das pflegegeld ran', 'allowance', 'approved');
  expect(await runStaffCli(['export-training'], repo, io(fail))).toBe(1);
  expect(fs.readFileSync(path.join(nluDir, 'de.json'), 'utf8')).toBe(before);
  expect((await repo.listTraining())[0].status).toBe('approved');
  expect(out.join('\n')).toMatch(/REFUSED – held-out gate failed/);
});

test('the gate runs kb:check and the held-out accuracy test of this checkout', () => {
  const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  expect(GATE_STEPS.map(([name]) => name)).toEqual(['kb:check', 'held-out gate']);
  const [kb, heldout] = GATE_STEPS;
  expect(kb.slice(1)).toEqual(['npm', ['run', '--silent', 'kb:check']]);
  expect(scripts['kb:check']).toMatch(/kbCheck/);
  expect(heldout[1]).toBe('npx');
  expect(heldout[2][0]).toBe('jest');
  const files = heldout[2].filter((a) => a.endsWith('.test.ts'));
  expect(files).toContain('test/nlu/heldout.test.ts');
  for (const f of files) expect([f, fs.existsSync(path.join(ROOT, f))]).toEqual([f, true]);
});

test('the gate runner stops at the first failing step and reports its output', async () => {
  const node = process.execPath;
  const ok = await defaultGate(dir, [['first', node, ['-e', 'process.exit(0)']], ['second', node, ['-e', 'process.exit(0)']]])();
  expect(ok).toEqual({ ok: true, step: 'all', output: '' });
  const marker = path.join(dir, 'third-ran');
  const failed = await defaultGate(dir, [
    ['first', node, ['-e', 'process.exit(0)']],
    ['second', node, ['-e', 'console.log("de accuracy 0.80 below the floor"); process.exit(1)']],
    ['third', node, ['-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, '')`]],
  ])();
  expect(failed).toMatchObject({ ok: false, step: 'second' });
  expect(failed.output).toMatch(/below the floor/);
  expect(fs.existsSync(marker)).toBe(false);
});

test('commands that write the store refuse while a bot runs on the same DATA_DIR (it would overwrite them); list does not', () => {
  fs.mkdirSync(path.join(dir, 'state'));
  expect(refuseWhileBotRuns(dir, 'add')).toBeUndefined();
  // the bot's lock names another live process: the parent of this test process
  fs.writeFileSync(path.join(dir, 'state', 'owner.lock'), `${process.ppid}\n`);
  for (const cmd of ['add', 'passwd', 'remove', 'export-training']) expect([cmd, refuseWhileBotRuns(dir, cmd)]).toEqual([cmd, expect.stringMatching(/is running .*Stop it/)]);
  expect(refuseWhileBotRuns(dir, 'list')).toBeUndefined();
  // a lock left by a bot that has ended
  expect(refuseWhileBotRuns(dir, 'add', () => false)).toBeUndefined();
});
