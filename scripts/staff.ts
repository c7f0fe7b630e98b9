// `npm run staff -- <command>`: staff accounts and the training export, on the staff store in DATA_DIR.
//   add <user> --role counsellor|editor|admin   (password from stdin or a hidden prompt, never an argument)
//   passwd <user>                               (new password the same way; ends the user's sessions)
//   list | remove <user>
//   export-training                             (editor: reviewed inbox phrasings → knowledge/nlu/<lang>.json,
//                                                then kb:check and the held-out gate; refused and undone on failure)
// Every command but list refuses to run while a bot runs on the same DATA_DIR (refuseWhileBotRuns).
import * as fs from 'fs';
import * as path from 'path';
import * as readline from 'readline';
import { spawnSync } from 'child_process';
import { loadConfig } from '../bot/config';
import { LowdbStaffRepository } from '../bot/staff/lowdbRepository';
import { isRole, setAccount } from '../bot/staff/auth';
import type { StaffRepository, TrainingExample } from '../bot/staff/repository';

export interface GateResult { ok: boolean; step: string; output: string }
export type Gate = () => Promise<GateResult>;

export type GateStep = [name: string, command: string, args: string[]];

/** kb:check, then the held-out accuracy test (floors in test/nlu/heldout.test.ts) and the corpus checks. */
export const GATE_STEPS: readonly GateStep[] = [
  ['kb:check', 'npm', ['run', '--silent', 'kb:check']],
  ['held-out gate', 'npx', ['jest', 'test/nlu/heldout.test.ts', 'test/nlu/corpus.test.ts', '--maxWorkers=1']],
];

/** Runs the steps in a checkout, in order; the first that fails stops the export. */
export function defaultGate(root: string, steps: readonly GateStep[] = GATE_STEPS): Gate {
  return async () => {
    for (const [step, cmd, args] of steps) {
      const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8' });
      if (r.status !== 0) return { ok: false, step, output: `${r.stdout ?? ''}${r.stderr ?? ''}`.slice(-4000) };
    }
    return { ok: true, step: 'all', output: '' };
  };
}

interface Corpus { data: { intent: string; utterances: string[]; tests?: string[] }[] }

/**
 * Writes the approved examples into the corpora, runs the gate, and on failure puts the files back
 * as they were and leaves the queue unchanged. Returns what was added per language.
 */
export async function exportTraining(
  repo: StaffRepository, nluDir: string, gate: Gate, log: (l: string) => void,
): Promise<{ ok: boolean; added: Record<string, number> }> {
  const approved = (await repo.listTraining()).filter((t) => t.status === 'approved');
  const added: Record<string, number> = {};
  if (!approved.length) {
    log('export-training: no reviewed examples in the queue.');
    return { ok: true, added };
  }
  const originals = new Map<string, string>();
  const exported: TrainingExample[] = [];
  for (const lang of [...new Set(approved.map((t) => t.lang))]) {
    const file = path.join(nluDir, `${lang}.json`);
    const text = fs.readFileSync(file, 'utf8');
    originals.set(file, text);
    const corpus = JSON.parse(text) as Corpus;
    for (const t of approved.filter((x) => x.lang === lang)) {
      const intent = corpus.data.find((d) => d.intent === t.intent);
      if (!intent) {
        log(`  skipped (${lang}): no intent ${t.intent} in ${path.basename(file)}`);
        continue;
      }
      const seen = new Set([...intent.utterances, ...(intent.tests ?? [])].map((u) => u.toLowerCase()));
      if (!seen.has(t.text.toLowerCase())) {
        intent.utterances.push(t.text);
        added[lang] = (added[lang] ?? 0) + 1;
      }
      exported.push(t);
    }
    fs.writeFileSync(file, `${JSON.stringify(corpus, null, 2)}\n`);
  }
  log(`export-training: added ${Object.entries(added).map(([l, n]) => `${n} (${l})`).join(', ') || 'nothing new'}; running the checks …`);
  const r = await gate();
  if (!r.ok) {
    for (const [file, text] of originals) fs.writeFileSync(file, text);
    log(`export-training: REFUSED – ${r.step} failed; the corpus files are unchanged and the examples stay in the queue.`);
    log(r.output);
    return { ok: false, added: {} };
  }
  for (const t of exported) await repo.updateTraining({ ...t, status: 'exported' });
  log('export-training: done. Review the diff of knowledge/nlu and commit it.');
  return { ok: true, added };
}

async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    // piped: the first line of stdin (e.g. from a password manager), never a command-line argument
    const rl = readline.createInterface({ input: process.stdin, terminal: false });
    for await (const line of rl) {
      rl.close();
      return line.replace(/\r$/, '');
    }
    throw new Error('no password on stdin');
  }
  const ask = (q: string) => new Promise<string>((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void };
    let asked = false;
    // echo nothing while the password is typed
    out._writeToOutput = (s: string) => { if (!asked) { process.stdout.write(s); asked = true; } };
    rl.question(q, (answer) => { rl.close(); process.stdout.write('\n'); resolve(answer); });
  });
  const a = await ask(prompt);
  const b = await ask('Repeat the password: ');
  if (a !== b) throw new Error('the passwords differ');
  return a;
}

export async function runStaffCli(
  argv: string[],
  repo: StaffRepository,
  io: { out: (l: string) => void; password: (prompt: string) => Promise<string>; gate: Gate; nluDir: string },
): Promise<number> {
  const [cmd, user, ...rest] = argv;
  const flag = (name: string) => { const i = rest.indexOf(name); return i >= 0 ? rest[i + 1] : undefined; };
  switch (cmd) {
    case 'add': {
      const role = flag('--role') ?? '';
      if (!user || !isRole(role)) { io.out('usage: npm run staff -- add <user> --role counsellor|editor|admin'); return 2; }
      if (await repo.getUser(user)) { io.out(`staff: ${user} exists already (use passwd to change the password)`); return 1; }
      await setAccount(repo, user, role, await io.password(`Password for ${user}: `));
      io.out(`staff: added ${user} (${role})`);
      return 0;
    }
    case 'passwd': {
      const existing = user ? await repo.getUser(user) : undefined;
      if (!existing) { io.out(`staff: no user ${user ?? ''}`); return 1; }
      await setAccount(repo, existing.username, existing.role, await io.password(`New password for ${existing.username}: `));
      io.out(`staff: password of ${existing.username} changed; their sessions have ended`);
      return 0;
    }
    case 'remove': {
      if (!user || !(await repo.removeUser(user))) { io.out(`staff: no user ${user ?? ''}`); return 1; }
      io.out(`staff: removed ${user}`);
      return 0;
    }
    case 'list': {
      for (const u of await repo.listUsers()) io.out(`${u.username}\t${u.role}\tcreated ${u.createdAt.slice(0, 10)}${u.lockedUntil ? `\tlocked until ${u.lockedUntil}` : ''}`);
      return 0;
    }
    case 'export-training': {
      const r = await exportTraining(repo, io.nluDir, io.gate, io.out);
      return r.ok ? 0 : 1;
    }
    default:
      io.out('usage: npm run staff -- add <user> --role ROLE | passwd <user> | remove <user> | list | export-training');
      return 2;
  }
}

/** commands that write the staff store (list only reads it) */
const WRITING = new Set(['add', 'passwd', 'remove', 'export-training']);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Why a writing command must not run now, or undefined. A running bot holds the staff store in memory
 * and writes all of it back with its next change (a planning counter per question), which would
 * silently undo an account made here. The bot names itself in DATA_DIR/state/owner.lock.
 */
export function refuseWhileBotRuns(dataDir: string, cmd: string | undefined, isAlive: (pid: number) => boolean = alive): string | undefined {
  if (!cmd || !WRITING.has(cmd)) return undefined;
  const lock = path.join(dataDir, 'state', 'owner.lock');
  const owner = fs.existsSync(lock) ? Number(fs.readFileSync(lock, 'utf8').trim()) : NaN;
  if (!Number.isInteger(owner) || owner <= 0 || owner === process.pid || !isAlive(owner)) return undefined;
  return `staff: the bot (process ${owner}) is running on ${dataDir}. Stop it, run this command, then start it again: `
    + 'the running bot keeps the staff store in memory and would overwrite the change.';
}

async function main(): Promise<void> {
  const config = loadConfig();
  const root = path.resolve(__dirname, '..', '..');
  const refusal = refuseWhileBotRuns(config.dataDir, process.argv[2]);
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
  const repo = await LowdbStaffRepository.open(path.join(config.dataDir, 'staff'));
  const code = await runStaffCli(process.argv.slice(2), repo, {
    out: (l) => process.stdout.write(`${l}\n`),
    password: readPassword,
    gate: defaultGate(root),
    nluDir: path.join(config.knowledgeDir, 'nlu'),
  });
  await repo.settle();
  process.exit(code);
}

if (require.main === module) {
  main().catch((err: Error) => {
    console.error(`staff: ${err.message}`);
    process.exit(1);
  });
}
