import {
  convertPerDayGroup, convertPerWeekGroup, convertVisitsGroup, gradeForTotal, isAskable, questionOrder,
  rawModuleScore, scoreNba, weightedModuleScore, type NbaAnswers,
} from '../../bot/care/nba';
import { parseNbaCatalogue } from '../../bot/care/nbaSchema';
import { loadNba } from './nbaCatalogue';

const cat = loadNba();

/** every question (criteria and gates) answered with option `pick(scaleLength)` */
function answerAll(pick: (n: number) => number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of cat.modules) {
    for (const c of m.criteria) {
      const len = (id: string) => cat.scales.find((s) => s.id === id)!.options.length;
      if (c.gate) out[c.gate.id] = pick(len(c.gate.scale));
      out[c.id] = pick(len(c.scale));
    }
  }
  return out;
}

describe('catalogue (knowledge/federal/nba.json)', () => {
  test('six modules with the criteria counts of Anlage 1', () => {
    expect(cat.modules.map((m) => m.criteria.length)).toEqual([5, 11, 13, 13, 16, 6]);
    expect(cat.modules.map((m) => m.weight)).toEqual([10, 15, 15, 40, 20, 15]);
    expect(cat.bestOf).toEqual([2, 3]);
  });

  test('point scales rise from independent to dependent, except 4.13 (0 / 6 / 3)', () => {
    for (const s of cat.scales.filter((x) => x.kind === 'points')) {
      const pts = s.options.map((o) => o.points);
      if (s.id === 'tube_feeding') expect(pts).toEqual([0, 6, 3]);
      else expect([...pts].sort((a, b) => a! - b!)).toEqual(pts);
    }
    expect(cat.scales.find((s) => s.id === 'behaviour')!.options.map((o) => o.points)).toEqual([0, 1, 3, 5]);
    expect(cat.scales.find((s) => s.id === 'selfcare_eating')!.options.map((o) => o.points)).toEqual([0, 3, 6, 9]);
    expect(cat.scales.find((s) => s.id === 'selfcare_double')!.options.map((o) => o.points)).toEqual([0, 2, 4, 6]);
  });

  test('frequency scales rise in help per day', () => {
    const perDay = (f: { count: number; per: string }) => f.count / ({ day: 1, week: 7, month: 30 } as Record<string, number>)[f.per];
    for (const s of cat.scales.filter((x) => x.kind === 'frequency')) {
      const v = s.options.map((o) => perDay(o.freq!));
      expect(v[0]).toBe(0);
      for (let i = 1; i < v.length; i++) expect(v[i]).toBeGreaterThan(v[i - 1]);
    }
  });

  test('4.8 eating, 4.9 drinking, 4.10 toilet and 4.13 use their special scales', () => {
    const scaleOf = (id: string) => cat.modules[3].criteria.find((c) => c.id === id)!.scale;
    expect(['4.8', '4.9', '4.10', '4.13'].map(scaleOf)).toEqual(['selfcare_eating', 'selfcare_double', 'selfcare_double', 'tube_feeding']);
    expect(cat.modules[3].criteria.filter((c) => c.gate).map((c) => c.id)).toEqual(['4.11', '4.12']);
  });

  test('the schema rejects a catalogue whose ranges do not fit the items', () => {
    const broken = JSON.parse(JSON.stringify(cat));
    broken.modules[0].ranges[4] = [10, 16];
    expect(() => parseNbaCatalogue(broken)).toThrow(/criteria allow 15/);
    const gap = JSON.parse(JSON.stringify(cat));
    gap.modules[3].ranges[2] = [9, 18];
    expect(() => parseNbaCatalogue(gap)).toThrow(/must start at 8/);
  });
});

describe('Anlage 2: raw → weighted at every range boundary', () => {
  // typed from the law, not from the JSON
  const table: Array<[number, number, number]> = [
    // module, raw, weighted
    [1, 0, 0], [1, 1, 0], [1, 2, 2.5], [1, 3, 2.5], [1, 4, 5], [1, 5, 5], [1, 6, 7.5], [1, 9, 7.5], [1, 10, 10], [1, 15, 10],
    [2, 0, 0], [2, 1, 0], [2, 2, 3.75], [2, 5, 3.75], [2, 6, 7.5], [2, 10, 7.5], [2, 11, 11.25], [2, 16, 11.25], [2, 17, 15], [2, 33, 15],
    [3, 0, 0], [3, 1, 3.75], [3, 2, 3.75], [3, 3, 7.5], [3, 4, 7.5], [3, 5, 11.25], [3, 6, 11.25], [3, 7, 15], [3, 65, 15],
    [4, 0, 0], [4, 2, 0], [4, 3, 10], [4, 7, 10], [4, 8, 20], [4, 18, 20], [4, 19, 30], [4, 36, 30], [4, 37, 40], [4, 54, 40],
    [5, 0, 0], [5, 1, 5], [5, 2, 10], [5, 3, 10], [5, 4, 15], [5, 5, 15], [5, 6, 20], [5, 15, 20],
    [6, 0, 0], [6, 1, 3.75], [6, 3, 3.75], [6, 4, 7.5], [6, 6, 7.5], [6, 7, 11.25], [6, 11, 11.25], [6, 12, 15], [6, 18, 15],
  ];
  test.each(table)('M%i raw %i → %f', (m, raw, want) => {
    expect(weightedModuleScore(cat, m, raw)).toBe(want);
  });

  test.each([[1, 16], [2, 34], [3, 66], [4, 55], [5, 16], [6, 19], [1, -1]])('M%i raw %i is outside Anlage 2', (m, raw) => {
    expect(() => weightedModuleScore(cat, m, raw)).toThrow(RangeError);
  });
});

describe('grade thresholds (§ 15(3))', () => {
  test.each([
    [0, 0], [12.49, 0], [12.5, 1], [26.99, 1], [27, 2], [47.49, 2], [47.5, 3],
    [69.99, 3], [70, 4], [89.99, 4], [90, 5], [100, 5],
  ])('%f points → grade %i', (total, grade) => {
    expect(gradeForTotal(cat, total)).toBe(grade);
  });
});

describe('module 5 conversions (Anlage 1)', () => {
  test.each([[0, 0], [0.99, 0], [1, 1], [2, 1], [3, 1], [3.01, 2], [4, 2], [8, 2], [8.01, 3], [63, 3], [(1 / 7) * 7, 1]])(
    '5.1–5.7: %f per day → %i', (x, want) => { expect(convertPerDayGroup(x)).toBe(want); },
  );
  test.each([[0, 0], [0.14, 0], [1 / 7, 1], [1 / 30 * 4, 0], [1 / 30 * 5, 1], [6 / 7, 1], [0.99, 1], [1, 2], [2.99, 2], [3, 3], [12, 3]])(
    '5.8–5.11: %f per day → %i', (x, want) => { expect(convertPerWeekGroup(x)).toBe(want); },
  );
  test.each([
    [0, 0], [4.29, 0], [4.3, 1], [8.59, 1], [8.6, 2], [4.3 + 4.3, 2], [12.89, 2], [12.9, 3],
    [4.3 + 4.3 + 4.3, 3], [8.6 + 4.3, 3], [59.99, 3], [60, 6], [120, 6],
  ])('5.12–5.15: %f points → %i', (x, want) => { expect(convertVisitsGroup(x)).toBe(want); });
});

describe('rawModuleScore', () => {
  test('module 5: groups converted, then added', () => {
    const a: NbaAnswers = {
      '5.1': 4, // 3 a day
      '5.6': 2, // once a day → per-day sum 4 → 2 points
      '5.8': 1, // once a week → 1 point
      '5.13': 3, // weekly doctor: 4.3
      '5.14': 1, // monthly therapy: 1 → 5.3 → 1 point
      '5.16': 1, // 1 point
    };
    expect(rawModuleScore(cat, 5, a)).toBe(2 + 1 + 1 + 1);
    expect(scoreNba(cat, a).modules[4]).toMatchObject({ raw: 5, weighted: 15 });
  });

  test('module 5: visits summed across criteria, 4.3 × 3 reaches 12.9 exactly', () => {
    expect(rawModuleScore(cat, 5, { '5.13': 4, '5.14': 3 })).toBe(3); // 8.6 + 4.3
    expect(rawModuleScore(cat, 5, { '5.13': 3, '5.14': 3 })).toBe(2); // 8.6
    expect(rawModuleScore(cat, 5, { '5.13': 2, '5.14': 1, '5.15': 1 })).toBe(1); // 2 + 1 + 2 = 5
    expect(rawModuleScore(cat, 5, { '5.12': 5 })).toBe(6); // daily at home: 60
    expect(rawModuleScore(cat, 5, { '5.12': 4 })).toBe(3); // 2 × 8.6 = 17.2
  });

  test('module 5: weekly measures in the per-day group stay below one a day', () => {
    // 7 criteria × once a week = 1 a day → 1 point
    const a = Object.fromEntries(['5.1', '5.2', '5.3', '5.4', '5.5', '5.6', '5.7'].map((id) => [id, 1]));
    expect(rawModuleScore(cat, 5, a)).toBe(1);
    expect(rawModuleScore(cat, 5, { '5.1': 1, '5.2': 1 })).toBe(0);
  });

  test('4.13: partial tube feeding scores more than full', () => {
    expect(rawModuleScore(cat, 4, { '4.13': 0 })).toBe(0);
    expect(rawModuleScore(cat, 4, { '4.13': 1 })).toBe(6); // partial, listed second
    expect(rawModuleScore(cat, 4, { '4.13': 2 })).toBe(3); // full, listed last
  });

  test('4.11/4.12 count only behind a yes at their gate', () => {
    expect(rawModuleScore(cat, 4, { '4.11': 3 })).toBe(0);
    expect(rawModuleScore(cat, 4, { '4.11.gate': 0, '4.11': 3 })).toBe(0);
    expect(rawModuleScore(cat, 4, { '4.11.gate': 1, '4.11': 3 })).toBe(3);
    expect(rawModuleScore(cat, 4, { '4.11.gate': 1, '4.11': 2, '4.12.gate': 1, '4.12': 1 })).toBe(3);
  });

  test('eating, drinking and toilet use their own points', () => {
    expect(rawModuleScore(cat, 4, { '4.8': 1, '4.9': 1, '4.10': 1 })).toBe(3 + 2 + 2);
    expect(rawModuleScore(cat, 4, { '4.8': 3, '4.9': 3, '4.10': 3 })).toBe(9 + 6 + 6);
  });

  test('an option that does not exist is a programming error', () => {
    expect(() => rawModuleScore(cat, 1, { '1.1': 4 })).toThrow(RangeError);
    expect(() => rawModuleScore(cat, 1, { '1.1': 0.5 })).toThrow(RangeError);
  });
});

describe('M2 and M3: only the higher weighted score counts', () => {
  test('M3 higher', () => {
    // M2 raw 6 → 7.5; M3 raw 7 (5 + 1 + 1) → 15
    const r = scoreNba(cat, { '2.1': 3, '2.2': 3, '3.1': 3, '3.2': 1, '3.3': 1 });
    expect(r.modules[1]).toMatchObject({ raw: 6, weighted: 7.5, counted: false });
    expect(r.modules[2]).toMatchObject({ raw: 7, weighted: 15, counted: true });
    expect(r.bestOf).toBe(3);
    expect(r.total).toBe(15);
  });

  test('M2 higher', () => {
    // M2 raw 11 → 11.25; M3 raw 1 → 3.75
    const r = scoreNba(cat, { '2.1': 3, '2.2': 3, '2.3': 3, '2.4': 2, '3.1': 1 });
    expect(r.bestOf).toBe(2);
    expect(r.total).toBe(11.25);
    expect(r.grade).toBe(0);
  });

  test('a tie counts once', () => {
    // both 7.5
    const r = scoreNba(cat, { '2.1': 3, '2.2': 3, '3.1': 2 });
    expect(r.total).toBe(7.5);
    expect(r.modules.filter((m) => m.counted).map((m) => m.id)).toEqual([1, 2, 4, 5, 6]);
  });
});

describe('extremes', () => {
  test('every answer the first option → no grade', () => {
    const r = scoreNba(cat, answerAll(() => 0));
    expect(r.total).toBe(0);
    expect(r.grade).toBe(0);
    expect(r.skipped).toEqual([]);
    expect(r.unanswered).toEqual([]);
    expect(r.drivers).toEqual([]);
    expect(r.next).toEqual({ grade: 1, min: 12.5, missing: 12.5 });
  });

  test('every answer the last option → grade 5 with 100 points', () => {
    const r = scoreNba(cat, answerAll((n) => n - 1));
    expect(r.modules.map((m) => m.raw)).toEqual([15, 33, 65, 51, 15, 18]); // 4.13 full tube feeding = 3, not 6
    expect(r.total).toBe(100);
    expect(r.grade).toBe(5);
    expect(r.next).toBeUndefined();
  });
});

describe('worked examples (computed by hand)', () => {
  test('A: early dementia, lives alone → grade 2', () => {
    /* M1: 1.5 stairs "mostly" 1                       → raw 1  → 0
       M2: 2.3 1, 2.4 2, 2.5 1, 2.6 1, 2.8 1           → raw 6  → 7.5
       M3: 3.2 rarely 1, 3.10 rarely 1                  → raw 2  → 3.75 (M2 counts)
       M4: 4.2 1, 4.4 2                                 → raw 3  → 10
       M5: 5.1 once a day → 1/day → 1; 5.13 monthly 1 → below 4.3 → 0 → raw 1 → 5
       M6: 6.1 1, 6.4 2, 6.6 1                          → raw 4  → 7.5
       total 0 + 7.5 + 10 + 5 + 7.5 = 30 → 27 ≤ 30 < 47.5 → grade 2; 17.5 missing to 47.5 */
    const r = scoreNba(cat, {
      '1.1': 0, '1.2': 0, '1.3': 0, '1.4': 0, '1.5': 1,
      '2.3': 1, '2.4': 2, '2.5': 1, '2.6': 1, '2.8': 1,
      '3.2': 1, '3.10': 1,
      '4.2': 1, '4.4': 2,
      '5.1': 2, '5.13': 1,
      '6.1': 1, '6.4': 2, '6.6': 1,
    });
    expect(r.modules.map((m) => [m.raw, m.weighted])).toEqual([[1, 0], [6, 7.5], [2, 3.75], [3, 10], [1, 5], [4, 7.5]]);
    expect(r.total).toBe(30);
    expect(r.grade).toBe(2);
    expect(r.next).toEqual({ grade: 3, min: 47.5, missing: 17.5 });
    expect(r.drivers).toEqual([{ module: 4, weighted: 10 }, { module: 2, weighted: 7.5 }, { module: 6, weighted: 7.5 }, { module: 5, weighted: 5 }]);
  });

  const strokeAnswers: NbaAnswers = {
    '1.1': 2, '1.2': 1, '1.3': 2, '1.4': 1, '1.5': 3,
    '2.11': 1,
    '3.11': 2,
    '4.1': 1, '4.2': 1, '4.3': 2, '4.4': 3, '4.5': 2, '4.6': 3, '4.7': 2, '4.8': 1, '4.9': 0, '4.10': 2,
    '4.11.gate': 1, '4.11': 2, '4.12.gate': 0, '4.13': 0,
    '5.1': 4, '5.2': 3, '5.6': 3, '5.8': 2, '5.11': 1, '5.13': 2, '5.14': 3, '5.16': 1,
    '6.1': 1, '6.3': 2, '6.4': 1, '6.6': 2,
  };

  test('B: after a stroke, wheelchair → grade 3', () => {
    /* M1: 2 + 1 + 2 + 1 + 3 = 9                        → 7.5
       M2: 2.11 1 → raw 1 → 0;  M3: 3.11 often 3 → raw 3 → 7.5 (M3 counts)
       M4: 4.1 1, 4.2 1, 4.3 2, 4.4 3, 4.5 2, 4.6 3, 4.7 2, 4.8 "mostly" 3, 4.9 0, 4.10 "a lot" 4,
           4.11 (gate yes) 2, 4.12 gate no, 4.13 none → 1+1+2+3+2+3+2+3+0+4+2 = 23 → 19–36 → 30
       M5: per day 3 + 2 + 2 = 7 → 2; per week 2/7 + 1/7 → 1; visits 2 × 1 (monthly doctor)
           + 4.3 (weekly therapy) = 6.3 → 1; 5.16 1 → raw 5 → 15
       M6: 1 + 2 + 1 + 2 = 6 → 7.5
       total 7.5 + 7.5 + 30 + 15 + 7.5 = 67.5 → grade 3; 2.5 missing to 70 */
    const r = scoreNba(cat, strokeAnswers);
    expect(r.modules.map((m) => [m.raw, m.weighted])).toEqual([[9, 7.5], [1, 0], [3, 7.5], [23, 30], [5, 15], [6, 7.5]]);
    expect(r.bestOf).toBe(3);
    expect(r.total).toBe(67.5);
    expect(r.grade).toBe(3);
    expect(r.next).toEqual({ grade: 4, min: 70, missing: 2.5 });
    expect(r.drivers.map((d) => d.module)).toEqual([4, 5, 1, 3, 6]);
    // questions not answered counted 0 and are listed
    expect(r.unanswered).toContain('2.1');
    expect(r.unanswered).not.toContain('4.12'); // gate said no
  });

  test('B with module 5 skipped → 52.5, still grade 3, and the skip is reported', () => {
    // 67.5 − 15 = 52.5
    const r = scoreNba(cat, strokeAnswers, { skipped: [5] });
    expect(r.total).toBe(52.5);
    expect(r.grade).toBe(3);
    expect(r.skipped).toEqual([5]);
    expect(r.modules[4]).toMatchObject({ raw: 0, weighted: 0, skipped: true, unanswered: [] });
  });

  test('C: advanced dementia → exactly 70 = grade 4', () => {
    /* M1: 1.1 1, 1.3 1, 1.4 1, 1.5 2                   → 5  → 5
       M2: 2 + 3 + 3 + 3 + 3 + 3 + 2 + 3 + 1 + 1 + 2 = 26  → 17–33 → 15
       M3: 3.1 daily 5, 3.2 often 3, 3.8 often 3, 3.9 rarely 1 = 12 → 15 (tie: M2 counts)
       M4: 2 + 2 + 2 + 3 + 2 + 2 + 3 + 3 (eating) + 4 (drinking) + 4 (toilet) + 3 (4.11) = 30 → 30
       M5: medication twice a day → 2/day → 1; monthly doctor 1 → 0 → raw 1 → 5
       M6: 3 + 2 + 3 + 3 + 2 + 3 = 16 → 15
       total 5 + 15 + 30 + 5 + 15 = 70 → grade 4 (70 is the threshold) */
    const r = scoreNba(cat, {
      '1.1': 1, '1.2': 0, '1.3': 1, '1.4': 1, '1.5': 2,
      '2.1': 2, '2.2': 3, '2.3': 3, '2.4': 3, '2.5': 3, '2.6': 3, '2.7': 2, '2.8': 3, '2.9': 1, '2.10': 1, '2.11': 2,
      '3.1': 3, '3.2': 2, '3.8': 2, '3.9': 1,
      '4.1': 2, '4.2': 2, '4.3': 2, '4.4': 3, '4.5': 2, '4.6': 2, '4.7': 3, '4.8': 1, '4.9': 2, '4.10': 2,
      '4.11.gate': 1, '4.11': 3, '4.12.gate': 0, '4.13': 0,
      '5.1': 3, '5.13': 1,
      '6.1': 3, '6.2': 2, '6.3': 3, '6.4': 3, '6.5': 2, '6.6': 3,
    });
    expect(r.modules.map((m) => [m.raw, m.weighted])).toEqual([[5, 5], [26, 15], [12, 15], [30, 30], [1, 5], [16, 15]]);
    expect(r.bestOf).toBe(2);
    expect(r.total).toBe(70);
    expect(r.grade).toBe(4);
  });

  test('§ 15(4) special constellation gives grade 5 below 90 points', () => {
    const r = scoreNba(cat, strokeAnswers, { specialConstellation: true });
    expect(r.gradeByPoints).toBe(3);
    expect(r.grade).toBe(5);
    expect(r.next).toBeUndefined();
  });
});

describe('skipping and partial answers', () => {
  test('modules without any answer count 0 and are listed as skipped', () => {
    const r = scoreNba(cat, { '1.1': 3 });
    expect(r.skipped).toEqual([2, 3, 4, 5, 6]);
    expect(r.modules[0]).toMatchObject({ raw: 3, weighted: 2.5, skipped: false, unanswered: ['1.2', '1.3', '1.4', '1.5'] });
    expect(r.total).toBe(2.5);
  });

  test('answers of an explicitly skipped module are ignored', () => {
    expect(scoreNba(cat, { '1.1': 3, '1.2': 3 }, { skipped: [1] }).total).toBe(0);
  });
});

describe('question order', () => {
  test('a gate comes right before its criterion; the criterion only after a yes', () => {
    const ids = questionOrder(cat, 4).map((q) => q.id);
    expect(ids.slice(10, 14)).toEqual(['4.11.gate', '4.11', '4.12.gate', '4.12']);
    expect(isAskable(cat, '4.11', {})).toBe(false);
    expect(isAskable(cat, '4.11', { '4.11.gate': 0 })).toBe(false);
    expect(isAskable(cat, '4.11', { '4.11.gate': 1 })).toBe(true);
    expect(isAskable(cat, '4.11.gate', {})).toBe(true);
    expect(isAskable(cat, '4.10', {})).toBe(true);
  });
});
