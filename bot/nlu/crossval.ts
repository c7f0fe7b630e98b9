// Stratified k-fold assignment for choosing engine settings on training data only
// (scripts/benchNlu.ts --cv). Deterministic: the same items and seed give the same folds.

import { prng } from './prng';

/** Fold number (0..k-1) per item: each label's items are shuffled and dealt round-robin, the
 *  dealing continuing across labels so that the folds stay within one item of each other in size. */
export function stratifiedFolds(labels: string[], k: number, seed: number): number[] {
  if (k < 2) throw new Error('stratifiedFolds: k must be at least 2');
  const rnd = prng(seed);
  const byLabel = new Map<string, number[]>();
  labels.forEach((label, i) => {
    const list = byLabel.get(label) ?? [];
    list.push(i);
    byLabel.set(label, list);
  });
  const fold = new Array<number>(labels.length).fill(0);
  let dealt = 0;
  for (const idx of byLabel.values()) {
    for (let i = idx.length - 1; i > 0; i -= 1) {
      const j = Math.floor(rnd() * (i + 1));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    for (const n of idx) fold[n] = dealt++ % k;
  }
  return fold;
}
