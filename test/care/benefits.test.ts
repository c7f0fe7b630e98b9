import * as fs from 'fs';
import * as path from 'path';
import { BenefitsFileSchema, type BenefitsFile } from '../../bot/knowledge/schema';
import {
  BENEFIT_RULES, benefitsOverview, changesOn, combination, formatEuro, lastChange, valueOn,
} from '../../bot/care/benefits';

const table: BenefitsFile = BenefitsFileSchema.parse(
  JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'benefits.fixture.json'), 'utf8')),
);

describe('valueOn', () => {
  test.each([
    // id, date, grade, expected
    ['pflegegeld', '2024-12-31', 3, 573],
    ['pflegegeld', '2025-01-01', 3, 599],
    ['pflegegeld', '2026-11-25', 5, 990],
    ['pflegegeld', '2025-06-30', 2, 347],
    ['pflegegeld', '2025-01-01', 1, null], // not at grade 1
    ['pflegegeld', '2023-12-31', 3, null], // before the first entry
    ['pflegegeld', '2025-01-01', undefined, null], // per-grade value needs a grade
    ['pflegegeld', '2025-01-01', 0, null], // no care grade
    ['pflegegeld', '2025-01-01', 6, null],
    ['stationaer', '2025-01-01', 1, 131],
    ['stationaer', '2024-06-01', 1, 125],
    ['entlastungsbetrag', '2024-12-31', undefined, 125],
    ['entlastungsbetrag', '2025-01-01', undefined, 131],
    ['entlastungsbetrag', '2025-01-01', 4, 131], // single value for every grade
    ['entlastungsbetrag', '2025-01-01', 0, null],
    ['verhinderungspflege', '2025-06-30', 2, 1685],
    ['verhinderungspflege', '2025-07-01', 2, null], // endsOn is the first day without it
    ['entlastungsbudget', '2025-06-30', 2, null],
    ['entlastungsbudget', '2025-07-01', 2, 3539],
    ['entlastungsbudget', '2025-07-01', 1, 3539], // the table has one value; BENEFIT_RULES knows "from grade 2"
    ['hausnotruf', '2025-03-01', undefined, 25.5],
    ['unknown_id', '2025-03-01', 2, null],
  ] as Array<[string, string, number | undefined, number | null]>)('%s on %s, grade %s → %s', (id, date, grade, want) => {
    expect(valueOn(table, id, date, grade)).toBe(want);
  });
});

describe('formatEuro', () => {
  test.each([
    [1497, 'de', '1.497 €'],
    [1497, 'en', '€1,497'],
    [25.5, 'de', '25,50 €'],
    [25.5, 'en', '€25.50'],
    [318.4, 'de', '318,40 €'],
    [42, 'de', '42 €'],
    [0, 'de', '0 €'],
    [16720, 'de', '16.720 €'],
    [1234567.891, 'de', '1.234.567,89 €'],
    [1234567.891, 'en', '€1,234,567.89'],
    [999.999, 'de', '1.000 €'], // rounds to whole cents first
    [-70, 'de', '-70 €'],
  ] as Array<[number, 'de' | 'en', string]>)('%s (%s) → %s', (n, lang, want) => {
    expect(formatEuro(n, lang)).toBe(want);
  });

  test('no-break space on request', () => {
    expect(formatEuro(131, 'de', { nbsp: true })).toBe('131\u00a0€');
  });
});

describe('changesOn / lastChange', () => {
  test('1 January 2025: the increases, not the unchanged or later entries', () => {
    const ch = changesOn(table, '2025-01-01');
    const byId = Object.fromEntries(ch.map((c) => [c.id, c]));
    expect(Object.keys(byId).sort()).toEqual(
      ['entlastungsbetrag', 'hausnotruf', 'pflegegeld', 'pflegehilfsmittel', 'sachleistung', 'stationaer', 'tagespflege', 'verhinderungspflege', 'wohnumfeld'],
    );
    expect(byId.pflegegeld).toEqual({ id: 'pflegegeld', kind: 'changed', old: [null, 332, 573, 765, 947], new: [null, 347, 599, 800, 990] });
    expect(byId.entlastungsbetrag).toEqual({ id: 'entlastungsbetrag', kind: 'changed', old: 125, new: 131 });
    expect(byId.tagespflege).toMatchObject({ kind: 'new', old: null }); // first entry in the table
  });

  test('1 July 2025: the joint budget starts, respite care ends', () => {
    expect(changesOn(table, '2025-07-01')).toEqual([
      { id: 'entlastungsbudget', kind: 'new', old: null, new: 3539 },
      { id: 'verhinderungspflege', kind: 'ended', old: [null, 1685, 1685, 1685, 1685], new: null },
    ]);
  });

  test('an entry confirming unchanged amounts is no change', () => {
    expect(changesOn(table, '2026-01-01')).toEqual([]);
  });

  test('a day without entries has no changes', () => {
    expect(changesOn(table, '2025-03-15')).toEqual([]);
  });

  test.each([
    ['2026-11-25', '2025-07-01'], // 2026-01-01 changed nothing
    ['2025-06-30', '2025-01-01'],
    ['2025-07-01', '2025-07-01'],
    ['2024-05-01', '2024-01-01'],
  ])('last change as of %s is %s', (today, want) => {
    expect(lastChange(table, today)?.date).toBe(want);
  });

  test('no change before the table starts', () => {
    expect(lastChange(table, '2023-01-01')).toBeUndefined();
  });
});

describe('benefitsOverview', () => {
  const ids = (grade: number, setting: 'relatives' | 'home_care' | 'day_care' | 'nursing_home', date: string) =>
    benefitsOverview(table, { grade, setting, date }).map((e) => e.id);

  test('grade 3, cared for by relatives, 2026', () => {
    const list = benefitsOverview(table, { grade: 3, setting: 'relatives', date: '2026-11-25' });
    expect(list[0]).toEqual({ id: 'pflegegeld', amount: 599, period: 'month', needsApplication: true, where: 'pflegekasse' });
    expect(list.map((e) => e.id)).toEqual(['pflegegeld', 'entlastungsbetrag', 'entlastungsbudget', 'pflegehilfsmittel', 'wohnumfeld', 'hausnotruf']);
    expect(list.find((e) => e.id === 'entlastungsbetrag')).toMatchObject({ amount: 131, needsApplication: false });
    expect(list.find((e) => e.id === 'entlastungsbudget')).toMatchObject({ amount: 3539, period: 'year' });
    expect(list.find((e) => e.id === 'wohnumfeld')).toMatchObject({ amount: 4180, period: 'measure' });
  });

  test('grade 1 at home: no Pflegegeld, no budget, but the relief amount', () => {
    expect(ids(1, 'relatives', '2026-11-25')).toEqual(['entlastungsbetrag', 'pflegehilfsmittel', 'wohnumfeld', 'hausnotruf']);
  });

  test('home-care service uses Sachleistung', () => {
    const list = benefitsOverview(table, { grade: 4, setting: 'home_care', date: '2026-11-25' });
    expect(list[0]).toMatchObject({ id: 'sachleistung', amount: 1859 });
    expect(list.map((e) => e.id)).not.toContain('pflegegeld');
  });

  test('day care comes on top of Pflegegeld', () => {
    expect(ids(2, 'day_care', '2026-11-25').slice(0, 2)).toEqual(['pflegegeld', 'tagespflege']);
  });

  test('nursing home: the home amount only, grade 1 included', () => {
    expect(benefitsOverview(table, { grade: 1, setting: 'nursing_home', date: '2026-11-25' }))
      .toEqual([{ id: 'stationaer', amount: 131, period: 'month', needsApplication: true, where: 'pflegekasse' }]);
  });

  test('before 1 July 2025 respite care instead of the joint budget', () => {
    expect(ids(2, 'relatives', '2025-03-01')).toContain('verhinderungspflege');
    expect(ids(2, 'relatives', '2025-03-01')).not.toContain('entlastungsbudget');
    expect(ids(2, 'relatives', '2025-07-01')).not.toContain('verhinderungspflege');
  });

  test('rule ids are unique', () => {
    expect(new Set(BENEFIT_RULES.map((r) => r.id)).size).toBe(BENEFIT_RULES.length);
  });
});

describe('combination (§ 38)', () => {
  test.each([
    [3, 0.6, '2026-11-25', 239.6], // 40 % of 599
    [3, 0, '2026-11-25', 599],
    [3, 1, '2026-11-25', 0],
    [2, 0.5, '2026-11-25', 173.5], // half of 347
    [5, 0.25, '2026-11-25', 742.5], // 75 % of 990
    [4, 1 / 3, '2026-11-25', 533.33], // two thirds of 800, rounded to cents
    [3, 0.6, '2024-06-01', 229.2], // 40 % of 573
    [1, 0.5, '2026-11-25', null], // no Pflegegeld at grade 1
  ] as Array<[number, number, string, number | null]>)('grade %s, %s used, %s → %s', (grade, share, date, want) => {
    expect(combination(table, grade, share, date)).toBe(want);
  });

  test.each([-0.1, 1.01, Number.NaN])('share %s is rejected', (share) => {
    expect(() => combination(table, 3, share, '2026-11-25')).toThrow(RangeError);
  });
});
