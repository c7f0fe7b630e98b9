import * as fs from 'fs';
import * as path from 'path';
import { ContentError } from '../../bot/knowledge/jsonFile';
import { crossCheckPack } from '../../bot/offers/crossCheck';
import { loadMunicipalityPack, packFiles } from '../../bot/offers/load';
import { copyGoodTree, editJson, KNOWLEDGE, realPack } from './fixtures';

test('the real Mülheim pack loads and has no cross-reference errors', () => {
  const pack = realPack();
  expect(pack.offers).toHaveLength(59);
  expect(pack.regions.stadtteile.map((s) => s.id).sort()).toEqual(
    ['altstadt_1', 'altstadt_2', 'broich', 'duempten', 'heissen', 'menden_holthausen', 'saarn', 'speldorf', 'styrum']);
  expect(pack.regions.postcodes.map((p) => p.code)).toEqual(['45468', '45470', '45472', '45473', '45475', '45476', '45478', '45479', '45481']);
  const files = packFiles(path.join(KNOWLEDGE, 'muelheim'));
  const issues = crossCheckPack({ regions: pack.regions, offers: { city: 'muelheim', offers: pack.offers }, municipality: pack.municipality, categories: pack.categories }, files);
  expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
});

describe('loadMunicipalityPack names file, line and field of a problem', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyGoodTree();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const loadError = (): ContentError => {
    try {
      loadMunicipalityPack(path.join(dir, 'teststadt'));
    } catch (err) {
      return err as ContentError;
    }
    throw new Error('expected the load to fail');
  };

  test('JSON syntax error: file and line', () => {
    const file = path.join(dir, 'teststadt', 'offers.json');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('"tp-mitte-a"'));
    lines[at] = lines[at].replace(/,$/, ''); // drop a comma
    fs.writeFileSync(file, lines.join('\n'));
    const err = loadError();
    expect(err).toBeInstanceOf(ContentError);
    expect(err.file).toBe(file);
    expect(err.line).toBe(at + 2); // the parser stops at the next line
    expect(err.message).toContain('not valid JSON');
  });

  test('schema error: file, line and field path', () => {
    const file = path.join(dir, 'teststadt', 'offers.json');
    editJson(file, (d) => {
      d.offers[3].kind = 'commercial';
    });
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const err = loadError();
    expect(err.file).toBe(file);
    expect(err.message).toContain('offers.3.kind');
    expect(lines[err.line! - 1]).toContain('"kind": "commercial"');
  });

  test.each(['../federal', 'nrw', 'N'])('a state code that is no short code (%s) is refused: it names the state folder', (state) => {
    const file = path.join(dir, 'teststadt', 'municipality.json');
    editJson(file, (d) => { d.state = state; });
    const err = loadError();
    expect(err.file).toBe(file);
    expect(err.message).toContain('state');
  });

  test('cross-reference error: unknown category, with its line', () => {
    const file = path.join(dir, 'teststadt', 'offers.json');
    editJson(file, (d) => {
      d.offers[5].categories = ['hairdresser'];
    });
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const err = loadError();
    expect(err.message).toMatch(/offers\.5\.categories\.0: unknown category "hairdresser"/);
    expect(lines[err.line! - 1]).toContain('"hairdresser"');
  });

  test('regions error: unknown neighbour id', () => {
    const file = path.join(dir, 'teststadt', 'regions.json');
    editJson(file, (d) => {
      d.stadtteile[0].neighbours.push('atlantis');
    });
    const err = loadError();
    expect(err.file).toBe(file);
    expect(err.message).toContain('stadtteile.0.neighbours.2: unknown Stadtteil id "atlantis"');
  });

  test('missing categories file', () => {
    fs.rmSync(path.join(dir, 'offer-categories.json'));
    expect(loadError().message).toContain('cannot be read');
  });
});
