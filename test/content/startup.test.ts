// A broken content file stops the bot at startup with the file and the line — not a stack trace.
import * as fs from 'fs';
import * as path from 'path';
import { buildApp } from '../../bot/app';
import { testConfig, ROOT } from '../helpers/app';
import { tempDir } from '../helpers/tmp';

function brokenCopy(rel: string, edit: (text: string) => string): string {
  const dir = tempDir('pn-kb-');
  fs.cpSync(path.join(ROOT, 'knowledge'), dir, { recursive: true });
  const file = path.join(dir, rel);
  fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));
  return dir;
}

test.each([
  ['a JSON syntax error in answers', 'federal/answers.json', (t: string) => t.replace('"legal"', '"legal" "'), /federal\/answers\.json:\d+: not valid JSON/],
  ['a schema error in the benefits table', 'federal/benefits.json', (t: string) => t.replace('"eur_month"', '"euro per moon"'), /federal\/benefits\.json:\d+: benefits\.\d+\.unit/],
  ['an unknown source in an answer', 'nrw/answers.json', (t: string) => t.replace(/"sources": \[\s*"/, '"sources": ["no-such-source", "'), /nrw\/answers\.json:\d+: answer "\w+" cites unknown source "no-such-source"/],
  ['a broken offers file', 'muelheim/offers.json', (t: string) => t.replace('"kind": "professional"', '"kind": "commercial"'), /muelheim\/offers\.json.*\d+/],
])('%s', async (_name, rel, edit, message) => {
  const dir = brokenCopy(rel, edit);
  await expect(buildApp(testConfig({ KNOWLEDGE_DIR: dir }))).rejects.toThrow(message);
});

test('the real content loads', async () => {
  const app = await buildApp(testConfig());
  expect(app.services.kb.answers.size).toBeGreaterThanOrEqual(30);
}, 60_000);
