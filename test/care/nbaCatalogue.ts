// Loads knowledge/federal/nba.json for the tests (validated by the schema).
import * as fs from 'fs';
import * as path from 'path';
import { parseNbaCatalogue, type NbaCatalogue } from '../../bot/care/nbaSchema';

export const NBA_PATH = path.join(__dirname, '..', '..', 'knowledge', 'federal', 'nba.json');

export function loadNba(): NbaCatalogue {
  return parseNbaCatalogue(JSON.parse(fs.readFileSync(NBA_PATH, 'utf8')));
}
