// Paths and loaders shared by the offer tests. The real Mülheim pack is read where the test is
// about the real content; everything else uses the invented "Teststadt" under test/fixtures.
import * as fs from 'fs';
import * as path from 'path';
import { readJsonFile } from '../../bot/knowledge/jsonFile';
import { loadMunicipalityPack } from '../../bot/offers/load';
import { CategoriesFileSchema, RegionsFileSchema, type MunicipalityPack } from '../../bot/offers/schema';
import { tempDir } from '../helpers/tmp';

export const ROOT = path.join(__dirname, '..', '..');
export const KNOWLEDGE = path.join(ROOT, 'knowledge');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'offers');
export const GOOD_TREE = path.join(FIXTURES, 'knowledge-good');
export const CSV_DIR = path.join(FIXTURES, 'csv');

export const realRegions = () => readJsonFile(path.join(KNOWLEDGE, 'muelheim', 'regions.json'), RegionsFileSchema);
export const realCategories = () => readJsonFile(path.join(KNOWLEDGE, 'offer-categories.json'), CategoriesFileSchema);
export const realPack = (): MunicipalityPack => loadMunicipalityPack(path.join(KNOWLEDGE, 'muelheim'));
export const testPack = (): MunicipalityPack => loadMunicipalityPack(path.join(GOOD_TREE, 'teststadt'));

/** A fresh copy of the valid fixture tree in a temp folder, to break on purpose. */
export function copyGoodTree(): string {
  const dir = tempDir('pflegenetz-kb-');
  fs.cpSync(GOOD_TREE, dir, { recursive: true });
  return dir;
}

/** Edit a JSON file in place through a callback. */
export function editJson(file: string, edit: (data: any) => void): void {
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  edit(data);
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}

/** Berlin wall-clock time as an instant, independent of the machine's zone. */
export function berlin(iso: string): Date {
  // Winter (CET, +01:00) or summer (CEST, +02:00) offset for the given local date.
  const probe = new Date(`${iso}Z`);
  const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', timeZoneName: 'shortOffset' }).formatToParts(probe);
  const off = local.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+1';
  const hours = Number(off.replace('GMT', '') || '0');
  return new Date(probe.getTime() - hours * 3_600_000);
}
