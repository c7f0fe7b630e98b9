// The start skips parsing the offers' opening hours (and so loading the opening_hours library, ~80 ms)
// when exactly these values passed the check before (bot/offers/load.ts, hoursCheckKey): a changed
// value, above all one that does not parse, is checked again and refused with file and line; a
// missing or broken marker only means checking again.
import * as fs from 'fs';
import * as path from 'path';
import { ContentError } from '../../bot/knowledge/jsonFile';
import * as hoursModule from '../../bot/offers/hours';
import { loadMunicipalityPack } from '../../bot/offers/load';
import { copyGoodTree, editJson } from './fixtures';

const markers = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^hours-check-[0-9a-f]{16}\.json$/.test(f)) : []);

let dir: string;
let spy: jest.SpyInstance;
beforeEach(() => {
  dir = copyGoodTree();
  spy = jest.spyOn(hoursModule, 'checkOpeningHours');
});
afterEach(() => {
  spy.mockRestore();
  fs.rmSync(dir, { recursive: true, force: true });
});

const city = () => path.join(dir, 'teststadt');
const cache = () => path.join(dir, 'cache');

test('the first load parses the hours and leaves a marker; the next load of the same values parses none and loads the same pack', () => {
  const first = loadMunicipalityPack(city(), { cacheDir: cache() });
  expect(spy).toHaveBeenCalledTimes(2);
  expect(markers(cache())).toHaveLength(1);
  const second = loadMunicipalityPack(city(), { cacheDir: cache() });
  expect(spy).toHaveBeenCalledTimes(2);
  expect(second).toEqual(first);
  expect(second).toEqual(loadMunicipalityPack(city()));
});

test('a value that does not parse is still refused with file and line when the intact values have a marker', () => {
  loadMunicipalityPack(city(), { cacheDir: cache() });
  editJson(path.join(city(), 'offers.json'), (d) => {
    d.offers.find((o: { openingHours: string | null }) => o.openingHours).openingHours = 'Mo-Fr 08:00-';
  });
  let error: unknown;
  try {
    loadMunicipalityPack(city(), { cacheDir: cache() });
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(ContentError);
  expect((error as ContentError).message).toMatch(/offers\.json:\d+: offers\.\d+\.openingHours: opening_hours does not parse/);
  // no marker for the broken values: the one of the intact values stays the only one
  expect(markers(cache())).toHaveLength(1);
});

test('a broken or foreign marker file only means checking again', () => {
  loadMunicipalityPack(city(), { cacheDir: cache() });
  const [m] = markers(cache());
  for (const content of ['{"format":1,', JSON.stringify({ format: 1, key: 'other', problems: 0 }), '']) {
    fs.writeFileSync(path.join(cache(), m), content);
    spy.mockClear();
    loadMunicipalityPack(city(), { cacheDir: cache() });
    expect(spy).toHaveBeenCalledTimes(2);
  }
});

test('without a cache folder every load parses the hours and writes nothing', () => {
  loadMunicipalityPack(city());
  loadMunicipalityPack(city());
  expect(spy).toHaveBeenCalledTimes(4);
  expect(markers(cache())).toHaveLength(0);
});
