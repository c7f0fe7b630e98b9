// Park–Miller PRNG: tiny, seeded, good enough for shuffling. Training and cross-validation folds use
// it so that the same data and seed always give the same model and the same folds.
export function prng(seed: number): () => number {
  let state = seed % 2147483647;
  if (state <= 0) state += 2147483646;
  return () => {
    state = (state * 16807) % 2147483647;
    return (state - 1) / 2147483646;
  };
}
