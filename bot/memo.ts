// A function with its results kept per key. The keys can come from what people type (words of a
// message), so the memo is bounded: at `max` entries it starts again empty, which costs a few
// recomputations and keeps memory flat. Used where the same small inputs come back every turn.
export function boundedMemo<V>(fn: (key: string) => V, max: number): (key: string) => V {
  const kept = new Map<string, V>();
  return (key) => {
    let v = kept.get(key);
    if (v === undefined) {
      v = fn(key);
      if (kept.size >= max) kept.clear();
      kept.set(key, v);
    }
    return v;
  };
}
