// Loads knowledge/<city>/ (regions, offers, municipality) plus knowledge/offer-categories.json.
// Any broken file stops the start with "file:line: field.path: problem" so staff can fix it.
import * as fs from 'fs';
import * as path from 'path';
import { ContentError, lineOfPath, readJsonFile } from '../knowledge/jsonFile';
import type { PlaceLexicon } from '../nlu/places';
import { crossCheckPack, type Issue, type PackFiles } from './crossCheck';
import { placeLexicon } from './regions';
import {
  CategoriesFileSchema, MunicipalityFileSchema, OffersFileSchema, RegionsFileSchema, type MunicipalityPack,
} from './schema';

export interface LoadOptions {
  /** default: ../offer-categories.json next to the city folder */
  categoriesFile?: string;
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
  const errors = withLines(crossCheckPack({ regions, offers, municipality, categories }, files).filter((i) => i.severity === 'error'));
  if (errors.length) {
    const first = errors[0];
    const more = errors.length > 1 ? ` (+${errors.length - 1} more problems; run npm run kb:check)` : '';
    throw new ContentError(first.file, first.line, `${first.path.join('.')}: ${first.message}${more}`);
  }
  return { dir, regions, offers: offers.offers, municipality, categories };
}

/** The place words of a city folder for the intent engine (see placeLexicon), without loading its
 *  offers: for the NLU tools and benchmarks, which train the same model the bot does. */
export function loadPlaceLexicon(dir: string): PlaceLexicon {
  const files = packFiles(dir);
  return placeLexicon(readJsonFile(files.regions, RegionsFileSchema), readJsonFile(files.municipality, MunicipalityFileSchema));
}
