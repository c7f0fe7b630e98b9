// Loads knowledge/<city>/ (regions, offers, municipality) plus knowledge/offer-categories.json.
// Any broken file stops the start with "file:line: field.path: problem" so staff can fix it.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { markerPassed, writeCacheFile } from '../cacheFile';
import { ContentError, lineOfPath, readJsonFile } from '../knowledge/jsonFile';
import type { PlaceLexicon } from '../nlu/places';
import { crossCheckPack, type Issue, type PackFiles } from './crossCheck';
import { hoursContextOf } from './hours';
import { placeLexicon } from './regions';
import {
  CategoriesFileSchema, MunicipalityFileSchema, OffersFileSchema, RegionsFileSchema, type MunicipalityFile, type MunicipalityPack, type OffersFile,
} from './schema';

export interface LoadOptions {
  /** default: ../offer-categories.json next to the city folder */
  categoriesFile?: string;
  /** where a marker records that the offers' opening hours passed the check (see hoursCheckKey);
   *  without it they are parsed at every load */
  cacheDir?: string;
}

export function packFiles(dir: string, opts: LoadOptions = {}): PackFiles {
  return {
    regions: path.join(dir, 'regions.json'),
    offers: path.join(dir, 'offers.json'),
    municipality: path.join(dir, 'municipality.json'),
    categories: opts.categoriesFile ?? path.join(dir, '..', 'offer-categories.json'),
  };
}

/** Attach line numbers to issues that point into JSON files. */
export function withLines(issues: Issue[]): Issue[] {
  const texts = new Map<string, string>();
  return issues.map((i) => {
    if (i.line !== undefined) return i;
    let text = texts.get(i.file);
    if (text === undefined) {
      try {
        text = fs.readFileSync(i.file, 'utf8');
      } catch {
        text = '';
      }
      texts.set(i.file, text);
    }
    return text ? { ...i, line: lineOfPath(text, i.path) } : i;
  });
}

export function loadMunicipalityPack(dir: string, opts: LoadOptions = {}): MunicipalityPack {
  const files = packFiles(dir, opts);
  const categories = readJsonFile(files.categories, CategoriesFileSchema);
  const regions = readJsonFile(files.regions, RegionsFileSchema);
  const offers = readJsonFile(files.offers, OffersFileSchema);
  const municipality = readJsonFile(files.municipality, MunicipalityFileSchema);
  const key = opts.cacheDir ? hoursCheckKey(offers, municipality) : undefined;
  const marker = opts.cacheDir && key ? path.join(opts.cacheDir, `${HOURS_PREFIX}${key.slice(0, 16)}.json`) : undefined;
  const hoursChecked = !!marker && markerPassed(marker, HOURS_FORMAT, key!);
  const errors = withLines(crossCheckPack({ regions, offers, municipality, categories }, files, { hoursChecked }).filter((i) => i.severity === 'error'));
  if (errors.length) {
    const first = errors[0];
    const more = errors.length > 1 ? ` (+${errors.length - 1} more problems; run npm run kb:check)` : '';
    throw new ContentError(first.file, first.line, `${first.path.join('.')}: ${first.message}${more}`);
  }
  if (marker && !hoursChecked) {
    writeCacheFile(opts.cacheDir!, marker, HOURS_PREFIX, JSON.stringify({ format: HOURS_FORMAT, key, problems: 0 }), () => undefined);
  }
  return { dir, regions, offers: offers.offers, municipality, categories };
}

const HOURS_PREFIX = 'hours-check-';
const HOURS_FORMAT = 1;

/** sha256 over every offer's opening hours, the city's hours context, the checking code, the
 *  opening_hours version and the Node version: the library (~80 ms to load) and the parses are
 *  skipped only for exactly the values that passed before, so any edit is checked again. */
export function hoursCheckKey(offers: OffersFile, municipality: MunicipalityFile): string {
  const h = createHash('sha256').update(`${HOURS_FORMAT}\u0000${process.version}\u0000`);
  h.update(JSON.stringify([hoursContextOf(municipality), offers.offers.map((o) => o.openingHours)]));
  h.update('\u0000').update(fs.readFileSync(require.resolve('./hours'), 'utf8'));
  h.update('\u0000').update(fs.readFileSync(require.resolve('opening_hours/package.json'), 'utf8'));
  return h.digest('hex');
}

/** The place words of a city folder for the intent engine (see placeLexicon), without loading its
 *  offers: for the NLU tools and benchmarks, which train the same model the bot does. */
export function loadPlaceLexicon(dir: string): PlaceLexicon {
  const files = packFiles(dir);
  return placeLexicon(readJsonFile(files.regions, RegionsFileSchema), readJsonFile(files.municipality, MunicipalityFileSchema));
}
