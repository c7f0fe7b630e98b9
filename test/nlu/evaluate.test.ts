import { accuracyAtThreshold, summarise, type EvalItem } from '../../bot/nlu/evaluate';

const item = (expected: string, got: string, rawIntent = got, rawScore = 0.9): EvalItem => ({ text: '', expected, got, rawIntent, rawScore });

describe('summarise', () => {
  const items = [
    item('a', 'a'), item('a', 'a'), item('a', 'b'),
    item('b', 'b'), item('b', 'out_of_scope', 'b', 0.1),
    item('out_of_scope', 'out_of_scope', 'out_of_scope'),
  ];
  const r = summarise('de', items);

  it('computes accuracy, precision and recall', () => {
    expect(r.total).toBe(6);
    expect(r.correct).toBe(4);
    expect(r.accuracy).toBeCloseTo(4 / 6);
    expect(r.perIntent.a).toMatchObject({ support: 3, tp: 2, fp: 0, fn: 1, precision: 1 });
    expect(r.perIntent.a.recall).toBeCloseTo(2 / 3);
    expect(r.perIntent.b).toMatchObject({ support: 2, tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5 });
  });

  it('lists confusions, most frequent first', () => {
    expect(r.confusions).toEqual([
      { expected: 'a', got: 'b', count: 1 },
      { expected: 'b', got: 'out_of_scope', count: 1 },
    ]);
  });
});

describe('accuracyAtThreshold', () => {
  it('maps low scores and out_of_scope to the none label', () => {
    const items = [item('a', 'a', 'a', 0.9), item('b', 'b', 'b', 0.3), item('out_of_scope', 'x', 'c', 0.2)];
    expect(accuracyAtThreshold(items, 0)).toBeCloseTo(2 / 3);
    expect(accuracyAtThreshold(items, 0.25)).toBeCloseTo(1);
    expect(accuracyAtThreshold(items, 0.5)).toBeCloseTo(2 / 3);
  });
});
