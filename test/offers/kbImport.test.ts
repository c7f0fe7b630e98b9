import * as fs from 'fs';
import * as path from 'path';
import { checkKnowledge } from '../../bot/knowledge/check';
import { runKbImport } from '../../scripts/kbImport';
import { copyGoodTree, CSV_DIR } from './fixtures';

describe('kb:import command', () => {
  let root: string;
  let offersFile: string;
  let before: string;
  const run = (...args: string[]) => {
    const out: string[] = [];
    const code = runKbImport([...args, '--knowledge', root, '--city', 'teststadt'], (l) => out.push(l));
    return { code, text: out.join('\n') };
  };
  beforeEach(() => {
    root = copyGoodTree();
    offersFile = path.join(root, 'teststadt', 'offers.json');
    before = fs.readFileSync(offersFile, 'utf8');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  test('--dry-run shows the counts and writes nothing', () => {
    const r = run(path.join(CSV_DIR, 'good-semicolon.csv'), '--dry-run');
    expect(r.code).toBe(0);
    expect(r.text).toContain('Dry run – nothing written');
    expect(r.text).toMatch(/added: {5}3 \(test-tagespflege-nordhof-fake, /);
    expect(r.text).toMatch(/kept, not in the file: 12/);
    expect(fs.readFileSync(offersFile, 'utf8')).toBe(before);
  });

  test('a valid file is written and passes kb:check', () => {
    const r = run(path.join(CSV_DIR, 'good-comma-bom.csv'));
    expect(r.code).toBe(0);
    const written = JSON.parse(fs.readFileSync(offersFile, 'utf8'));
    expect(written.offers).toHaveLength(14);
    expect(checkKnowledge(root, { now: new Date('2026-11-25T12:00:00Z') }).errors).toBe(0);
    // importing the same file again changes nothing
    const again = run(path.join(CSV_DIR, 'good-comma-bom.csv'), '--dry-run');
    expect(again.text).toMatch(/changed: {3}0/);
    expect(again.text).toMatch(/unchanged: 2/);
  });

  test('row errors: reported with line numbers, nothing written', () => {
    const r = run(path.join(CSV_DIR, 'bad-rows.csv'));
    expect(r.code).toBe(1);
    expect(r.text).toContain('nothing was written');
    expect(r.text).toContain('line 4 [category]: unknown category "hairdresser"');
    expect(r.text).toContain('line 11: has 2 fields');
    expect(fs.readFileSync(offersFile, 'utf8')).toBe(before);
  });

  test('rows that clash with existing offers: nothing written', () => {
    const csv = path.join(root, 'clash.csv');
    fs.writeFileSync(csv, 'name;category;stadtteil;street;volunteer_or_professional;source_url;source_date\nTEST Tagespflege Nordheim (fake);day care;Nordheim;Teststraße 1;professional;https://example.org/x;2026\n');
    const r = run(csv);
    expect(r.code).toBe(1);
    expect(r.text).toContain('duplicate');
    expect(fs.readFileSync(offersFile, 'utf8')).toBe(before);
  });

  test('usage errors', () => {
    expect(run().code).toBe(2);
    expect(run('a.csv', 'b.csv').code).toBe(2);
    expect(run(path.join(root, 'missing.csv')).code).toBe(2);
    expect(run(path.join(CSV_DIR, 'good-semicolon.csv'), '--colour').code).toBe(2);
  });
});
