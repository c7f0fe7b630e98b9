import * as fs from 'fs';
import * as path from 'path';
import { importOffersCsv, isOldSource, parseSourceDate, type ImportContext } from '../../bot/offers/import';
import type { Offer } from '../../bot/offers/schema';
import { CSV_DIR, realCategories, realPack, realRegions, testPack } from './fixtures';

const pack = testPack();
const ctx = (existing: Offer[] = []): ImportContext => ({ regions: pack.regions, categories: pack.categories, existing });
const csv = (name: string) => fs.readFileSync(path.join(CSV_DIR, name), 'utf8');

describe('importOffersCsv: valid files', () => {
  test('semicolon file as in the research list', () => {
    const r = importOffersCsv(csv('good-semicolon.csv'), ctx());
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.delimiter).toBe(';');
    expect(r.diff).toEqual({ added: r.offers.map((o) => o.id), changed: [], unchanged: [], notInFile: [] });
    const [tp, treff, advice] = r.offers;
    expect(tp).toMatchObject({
      id: 'test-tagespflege-nordhof-fake',
      categories: ['day_care'],
      kind: 'professional',
      address: { street: 'Teststraße 11', postcode: '00101', stadtteil: 'nordheim', areaText: 'Nordheim' },
      phones: ['030 23125 001'],
      openingHours: 'Mo-Fr 08:00-16:00',
      hoursKind: 'opening',
      hoursNote: 'Mo-Fr 8-16 Uhr',
      languages: ['de', 'tr'],
      languagesNote: 'Stand 2026',
      servesStadtteile: [],
      verified: { date: '2026-10-01', precision: 'month', basis: 'source', note: null },
      flags: [],
      coordinates: null,
      stepFree: null,
      costNote: null,
      notes: null,
    });
    expect(treff).toMatchObject({
      provider: null,
      categories: ['meeting_place'],
      kind: 'volunteer',
      address: { stadtteil: 'westend' },
      email: 'treff@example.org',
      website: 'https://example.org/treff',
      openingHours: 'Tu[3] 18:00+',
      hoursKind: 'meeting',
      verified: { date: null, precision: null, basis: 'source' },
      flags: ['old', 'undated'],
    });
    expect(advice).toMatchObject({
      kind: 'mixed',
      address: { stadtteil: null, areaText: 'Nordhof; Mittelstadt' },
      servesStadtteile: ['nordheim', 'mittelstadt'],
      phones: ['030 23125 020', '030 23125 021'],
      verified: { date: '2026-09-15', precision: 'day' },
      flags: ['conflict'],
    });
  });

  test('comma file with BOM, German column names, CRLF and a quoted line break', () => {
    const r = importOffersCsv(csv('good-comma-bom.csv'), ctx());
    expect(r.errors).toEqual([]);
    expect(r.delimiter).toBe(',');
    const [pd, tg] = r.offers;
    expect(pd).toMatchObject({
      categories: ['home_care'],
      email: 'pflege@example.org',
      openingHours: 'We 09:30-12:30; Th 14:00-18:00',
      hoursKind: 'phone',
      notes: 'first line\nsecond line, with a comma and "quotes"',
      verified: { date: '2026-11-01', precision: 'day' },
    });
    expect(tg).toMatchObject({
      categories: ['day_care'], // German label "Tagespflege"
      kind: 'volunteer', // "ehrenamtlich"
      address: { stadtteil: 'suedfeld', postcode: '00102' },
      verified: { date: '2026-01-01', precision: 'year' },
      flags: ['verify'],
    });
  });
});

describe('importOffersCsv: problems are reported per line, nothing is returned as ok', () => {
  test('bad rows', () => {
    const r = importOffersCsv(csv('bad-rows.csv'), ctx());
    expect(r.ok).toBe(false);
    const got = r.errors.map((e) => [e.line, e.column ?? null]);
    expect(got).toEqual([
      [4, 'category'],
      [5, 'phone'],
      [6, 'source_date'],
      [7, 'stadtteil'],
      [8, 'name'],
      [9, 'volunteer_or_professional'],
      [10, 'source_url'],
      [11, null],
    ]);
    expect(r.errors[0].message).toContain('hairdresser');
    expect(r.errors[7].message).toContain('has 2 fields');
  });

  test('bad header', () => {
    const r = importOffersCsv(csv('bad-header.csv'), ctx());
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => e.message)).toEqual([
      'unknown column "colour" (see knowledge/README.md)',
      'required column "volunteer_or_professional" is missing',
      'required column "source_date" is missing',
    ]);
  });

  test('the same id twice', () => {
    const text = 'name;category;volunteer_or_professional;source_url;source_date\nTEST A (fake);day care;volunteer;https://example.org/1;2026\nTEST A (fake);day care;volunteer;https://example.org/2;2026\n';
    const r = importOffersCsv(text, ctx());
    expect(r.errors).toEqual([{ line: 3, column: 'id', message: 'id "test-a-fake" is already used on line 2 (give one of them an id column value)' }]);
  });

  test('empty file', () => {
    expect(importOffersCsv('', ctx()).errors).toEqual([{ line: 1, message: 'the file is empty' }]);
  });
});

describe('re-import keeps staff work and reports the difference', () => {
  const first = importOffersCsv(csv('good-semicolon.csv'), ctx()).offers;

  test('same file again: unchanged', () => {
    const r = importOffersCsv(csv('good-semicolon.csv'), ctx(first));
    expect(r.diff).toEqual({ added: [], changed: [], unchanged: first.map((o) => o.id), notInFile: [] });
  });

  test('fields the sheet does not carry are kept; a staff check is not overwritten by an older source', () => {
    const edited = first.map((o, i) => (i === 0
      ? { ...o, coordinates: { lat: 50.01, lon: 8.0 }, stepFree: true, costNote: 'invented note', verified: { date: '2026-11-20', precision: 'day' as const, basis: 'staff' as const, note: 'called' } }
      : o));
    const r = importOffersCsv(csv('good-semicolon.csv'), ctx(edited));
    expect(r.diff.unchanged).toHaveLength(3);
    expect(r.offers[0]).toMatchObject({ coordinates: { lat: 50.01, lon: 8.0 }, stepFree: true, costNote: 'invented note', verified: { basis: 'staff', date: '2026-11-20' } });
  });

  test('a changed value and an offer missing from the file', () => {
    const extra: Offer = { ...first[0], id: 'test-only-in-json' };
    const changed = first.map((o, i) => (i === 1 ? { ...o, email: 'old@example.org' } : o));
    const r = importOffersCsv(csv('good-semicolon.csv'), ctx([...changed, extra]));
    expect(r.diff.changed).toEqual([first[1].id]);
    expect(r.diff.notInFile).toEqual(['test-only-in-json']);
    expect(r.offers.map((o) => o.id)).toContain('test-only-in-json');
  });
});

test.each([
  ['undated', { date: null, precision: null }],
  ['', { date: null, precision: null }],
  ['2024-07', { date: '2024-07-01', precision: 'month' }],
  ['2024-07-15', { date: '2024-07-15', precision: 'day' }],
  ['15.7.2024', { date: '2024-07-15', precision: 'day' }],
  ['2024', { date: '2024-01-01', precision: 'year' }],
  ['2024-13', undefined],
  ['31.02.2026', undefined],
  ['soon', undefined],
])('parseSourceDate(%j)', (raw, expected) => expect(parseSourceDate(raw)).toEqual(expected));

test.each([
  ['2012-09-21', null, true],
  ['2015-06-01', null, true],
  ['2016-08-26', null, false],
  [null, 'WAZ undated (ca. 2012): new building', true],
  [null, 'WAZ undated (ca. 2019): 10-year anniversary; opened 2009', false],
  [null, 'WAZ ca. Sept 2022 (10 years since Oct 2012)', false],
  [null, null, false],
])('isOldSource(%j, %j) = %j', (date, notes, expected) => expect(isOldSource(date, notes)).toBe(expected));

describe('the research list (shared/domain/muelheim/offers.csv)', () => {
  const research = path.join(__dirname, '..', '..', '..', 'shared', 'domain', 'muelheim', 'offers.csv');
  const available = fs.existsSync(research);
  (available ? test : test.skip)('imports all 59 rows; offers.json is exactly its import', () => {
    const real = realPack();
    const text = fs.readFileSync(research, 'utf8');
    const fresh = importOffersCsv(text, { regions: realRegions(), categories: realCategories(), existing: [] });
    expect(fresh.errors).toEqual([]);
    expect(fresh.offers).toHaveLength(59);
    const again = importOffersCsv(text, { regions: real.regions, categories: real.categories, existing: real.offers });
    expect(again.diff).toMatchObject({ added: [], changed: [], notInFile: [] });
    expect(again.diff.unchanged).toHaveLength(59);
  });
});
