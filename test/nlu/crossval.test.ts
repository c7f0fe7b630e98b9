import { stratifiedFolds } from '../../bot/nlu/crossval';

describe('stratifiedFolds', () => {
  const labels = ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'c', 'c', 'c', 'c', 'c', 'c', 'c'];

  it.each([2, 3, 5])('k=%d: every fold within one item of the others, each label spread evenly', (k) => {
    const folds = stratifiedFolds(labels, k, 1);
    expect(folds).toHaveLength(labels.length);
    const sizes = Array.from({ length: k }, (_, f) => folds.filter((x) => x === f).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    for (const label of ['a', 'b', 'c']) {
      const per = Array.from({ length: k }, (_, f) => folds.filter((x, i) => x === f && labels[i] === label).length);
      expect(Math.max(...per) - Math.min(...per)).toBeLessThanOrEqual(1);
    }
  });

  it('is deterministic per seed and shuffles differently for another seed', () => {
    expect(stratifiedFolds(labels, 3, 7)).toEqual(stratifiedFolds(labels, 3, 7));
    const many = Array.from({ length: 40 }, (_, i) => `l${i % 2}`);
    expect(stratifiedFolds(many, 4, 7)).not.toEqual(stratifiedFolds(many, 4, 8));
  });

  it('rejects k < 2', () => {
    expect(() => stratifiedFolds(labels, 1, 1)).toThrow(/k must be/);
  });
});
