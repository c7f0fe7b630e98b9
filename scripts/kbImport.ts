// npm run kb:import -- offers.csv [--dry-run] [--city muelheim] [--knowledge knowledge]
// Imports a city's offer spreadsheet (CSV) into knowledge/<city>/offers.json. Nothing is written
// unless every row is valid and the result passes the same checks as the bot's start-up.
import * as fs from 'fs';
import * as path from 'path';
import { ContentError, readJsonFile } from '../bot/knowledge/jsonFile';
import { crossCheckPack } from '../bot/offers/crossCheck';
import { importOffersCsv } from '../bot/offers/import';
import { packFiles } from '../bot/offers/load';
import {
  CategoriesFileSchema, MunicipalityFileSchema, OffersFileSchema, RegionsFileSchema, type Offer, type OffersFile,
} from '../bot/offers/schema';

const USAGE = 'usage: npm run kb:import -- FILE.csv [--dry-run] [--city ID] [--knowledge DIR]';

interface Args { file?: string; dryRun: boolean; city: string; knowledge: string }

function parseArgs(argv: string[]): Args | string {
  const a: Args = { dryRun: false, city: 'muelheim', knowledge: 'knowledge' };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i];
    if (v === '--dry-run') a.dryRun = true;
    else if (v === '--city' || v === '--knowledge') {
      const next = argv[++i];
      if (!next) return `${v} needs a value`;
      if (v === '--city') a.city = next;
      else a.knowledge = next;
    } else if (v.startsWith('--')) return `unknown option ${v}`;
    else if (!a.file) a.file = v;
    else return `only one file can be imported at a time (got ${a.file} and ${v})`;
  }
  return a.file ? a : 'no CSV file given';
}

function list(ids: string[], max = 12): string {
  if (!ids.length) return '';
  const shown = ids.slice(0, max).join(', ');
  return ids.length > max ? ` (${shown}, … ${ids.length - max} more)` : ` (${shown})`;
}

/** Returns the process exit code; `out` receives the report line by line. */
export function runKbImport(argv: string[], out: (line: string) => void, cwd = process.cwd()): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    out(`kb:import: ${args}`);
    out(USAGE);
    return 2;
  }
  const cityDir = path.resolve(cwd, args.knowledge, args.city);
  const files = packFiles(cityDir);
  const csvPath = path.resolve(cwd, args.file!);
  try {
    const categories = readJsonFile(files.categories, CategoriesFileSchema);
    const regions = readJsonFile(files.regions, RegionsFileSchema);
    const municipality = readJsonFile(files.municipality, MunicipalityFileSchema);
    const existing: Offer[] = fs.existsSync(files.offers) ? readJsonFile(files.offers, OffersFileSchema).offers : [];
    let text: string;
    try {
      text = fs.readFileSync(csvPath, 'utf8');
    } catch (err) {
      out(`kb:import: cannot read ${args.file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      return 2;
    }

    const result = importOffersCsv(text, { regions, categories, existing });
    if (!result.ok) {
      out(`kb:import: ${args.file} has ${result.errors.length} problem(s); nothing was written.`);
      for (const e of result.errors) out(`  line ${e.line}${e.column ? ` [${e.column}]` : ''}: ${e.message}`);
      return 1;
    }

    const next: OffersFile = { city: regions.city, offers: result.offers };
    const problems = crossCheckPack({ regions, offers: next, municipality, categories }, files).filter((i) => i.severity === 'error');
    if (problems.length) {
      out(`kb:import: the imported offers do not pass the checks; nothing was written.`);
      for (const p of problems) {
        const offer = p.path[0] === 'offers' && typeof p.path[1] === 'number' ? next.offers[p.path[1]] : undefined;
        out(`  ${offer ? `offer ${offer.id}` : path.basename(p.file)} ${p.path.slice(offer ? 2 : 0).join('.')} [${p.code}]: ${p.message}`);
      }
      return 1;
    }

    const d = result.diff;
    out(`${args.dryRun ? 'Dry run – nothing written. ' : ''}${args.file} (separator "${result.delimiter === '\t' ? 'tab' : result.delimiter}"):`);
    out(`  added:     ${d.added.length}${list(d.added)}`);
    out(`  changed:   ${d.changed.length}${list(d.changed)}`);
    out(`  unchanged: ${d.unchanged.length}`);
    if (d.notInFile.length) out(`  kept, not in the file: ${d.notInFile.length}${list(d.notInFile)} – remove them in offers.json if they no longer exist`);
    if (!args.dryRun) {
      const tmp = `${files.offers}.tmp`;
      fs.writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`, 'utf8');
      fs.renameSync(tmp, files.offers);
      out(`Written: ${path.relative(cwd, files.offers) || files.offers} (${next.offers.length} offers). Run npm run kb:check next.`);
    }
    return 0;
  } catch (err) {
    if (err instanceof ContentError) {
      out(`kb:import: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

if (require.main === module) {
  process.exitCode = runKbImport(process.argv.slice(2), (line) => console.log(line));
}
