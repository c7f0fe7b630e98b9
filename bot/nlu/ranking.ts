/** A ranking of every candidate that is sorted only as far as it is read. The re-ranker's input reads the
 *  first dozen that fit and looks a handful up by id; sorting all few hundred candidates for that was a
 *  quarter of retrieval's scoring time. Order: best score first, ties in the candidates' order — exactly
 *  what the stable `list.sort((a, b) => b.score - a.score)` gives. */
export interface Ranking<T> {
  /** `all().filter(keep).slice(0, k)`, sorting only as far as needed */
  first(keep: (x: T) => boolean, k: number): T[];
  /** the candidate with this id wherever it ranks (the last one with it, as a map built over the list) */
  get(id: string): T | undefined;
  /** every candidate, best first (read-only: the ranking keeps it) */
  all(): readonly T[];
}

/** the candidates of a ranking by position: `count` scores, each one's object made only when it is read
 *  (the same object each time), and the last position with an id (-1: none) */
export interface Positions<T> {
  count: number;
  score: ArrayLike<number>;
  at(pos: number): T;
  find(id: string): number;
}

export function lazyRanking<T extends { id: string; score: number }>(list: readonly T[]): Ranking<T> {
  let byId: Map<string, number> | undefined;
  return rankPositions({
    count: list.length, score: list.map((x) => x.score), at: (pos) => list[pos],
    find: (id) => {
      if (!byId) byId = new Map(list.map((x, pos) => [x.id, pos]));
      return byId.get(id) ?? -1;
    },
  });
}

export function rankPositions<T>(c: Positions<T>): Ranking<T> {
  const n = c.count;
  const s = c.score;
  const get = (id: string) => {
    const pos = c.find(id);
    return pos < 0 ? undefined : c.at(pos);
  };
  // a NaN or infinite score makes the sort's comparator answer NaN (read as a tie) or Infinity − Infinity:
  // no order a heap could repeat, so such a list is sorted as before
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(s[i])) continue;
    const order = Array.from({ length: n }, (_, pos) => pos).sort((a, b) => s[b] - s[a]);
    const sorted = order.map((pos) => c.at(pos));
    return { first: (keep, k) => take(sorted, keep, k, () => false), get, all: () => sorted };
  }
  // a binary heap of positions: better = higher score, then earlier (a strict total order)
  const heap = new Int32Array(n);
  for (let i = 0; i < n; i++) heap[i] = i;
  const better = (a: number, b: number) => s[a] > s[b] || (s[a] === s[b] && a < b);
  const down = (from: number, size: number) => {
    let i = from;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) return;
      const m = l + 1 < size && better(heap[l + 1], heap[l]) ? l + 1 : l;
      if (!better(heap[m], heap[i])) return;
      const t = heap[i];
      heap[i] = heap[m];
      heap[m] = t;
      i = m;
    }
  };
  let size = n;
  for (let i = (n >> 1) - 1; i >= 0; i--) down(i, size);
  const sorted: T[] = [];
  /** one more candidate into the sorted prefix; false when all are there */
  const next = () => {
    if (size === 0) return false;
    sorted.push(c.at(heap[0]));
    heap[0] = heap[--size];
    down(0, size);
    return true;
  };
  return {
    first: (keep, k) => take(sorted, keep, k, next),
    get,
    all: () => {
      while (next());
      return sorted;
    },
  };
}

function take<T>(sorted: T[], keep: (x: T) => boolean, k: number, next: () => boolean): T[] {
  const out: T[] = [];
  for (let i = 0; out.length < k; i++) {
    if (i >= sorted.length && !next()) break;
    if (keep(sorted[i])) out.push(sorted[i]);
  }
  return out;
}
