// A function with its results kept per key. The keys can come from what people type (words of a
// message), so the memo is bounded: at `max` entries it starts again empty, which costs a few
// recomputations and keeps memory flat. Used where the same small inputs come back every turn.
export function boundedMemo<V>(fn: (key: string) => V, max: number): (key: string) => V {
  return memoIn(new Map<string, V>(), fn, max);
}

function memoIn<V>(kept: Map<string, V>, fn: (key: string) => V, max: number): (key: string) => V {
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

// Memos keyed by whole message texts or their sentences hold what people wrote (health data, GDPR Art. 9).
// They are never written or logged, but "delete my data" also empties them (careBot.deleteData), so no
// text of a deleted conversation stays in memory until the memo happens to start again. They are shared by
// all conversations: emptying them only costs a few recomputations.
const messageMemos: Array<Map<string, unknown>> = [];

/** `boundedMemo` for keys that are message texts: emptied by `forgetMessageTexts`. */
export function messageTextMemo<V>(fn: (text: string) => V, max: number): (text: string) => V {
  const kept = new Map<string, V>();
  messageMemos.push(kept);
  return memoIn(kept, fn, max);
}

/** Empties every memo of message texts ("delete my data"). */
export function forgetMessageTexts(): void {
  for (const kept of messageMemos) kept.clear();
}

/** How many message texts the memos hold now (tests: none after "delete my data"). */
export function messageTextsKept(): number {
  return messageMemos.reduce((n, kept) => n + kept.size, 0);
}
