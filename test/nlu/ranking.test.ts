import { lazyRanking } from '../../bot/nlu/ranking';
import { prng } from '../../bot/nlu/prng';

// The re-ranker's input reads a ranking of every candidate only as far as its first few (session 18b):
// the lazy ranking must give exactly the stable sort's order, ties in the list's order.
type C = { id: string; score: number; tag?: number };
const stable = (list: C[]) => [...list].sort((a, b) => b.score - a.score);
const ids = (list: readonly C[]) => list.map((x) => x.id);

describe('lazyRanking', () => {
  it.each([
    ['empty', [], []],
    ['one', [{ id: 'a', score: 0.2 }], ['a']],
    ['ties keep the list order', [{ id: 'a', score: 0.5 }, { id: 'b', score: 0.7 }, { id: 'c', score: 0.5 }, { id: 'd', score: 0.7 }], ['b', 'd', 'a', 'c']],
    ['negative and zero', [{ id: 'a', score: -0 }, { id: 'b', score: 0 }, { id: 'c', score: -1 }], ['a', 'b', 'c']],
    ['a NaN score falls back to the sort', [{ id: 'a', score: 0.1 }, { id: 'b', score: NaN }, { id: 'c', score: 0.3 }], ids(stable([{ id: 'a', score: 0.1 }, { id: 'b', score: NaN }, { id: 'c', score: 0.3 }]))],
  ] as [string, C[], string[]][])('%s', (_, list, want) => {
    expect(ids(lazyRanking(list).all())).toEqual(want);
  });

  it('first(keep, k) is all().filter(keep).slice(0, k), read in any order, on random lists with many ties', () => {
    const rnd = prng(1818);
    for (let round = 0; round < 300; round++) {
      const n = Math.floor(rnd() * 60);
      // few distinct scores: many ties
      const list: C[] = Array.from({ length: n }, (_, i) => ({ id: `e${i % 40}`, score: Math.floor(rnd() * 8) / 8, tag: Math.floor(rnd() * 3) }));
      const want = stable(list);
      const keep = (x: C) => x.tag !== 0;
      const r = lazyRanking(list);
      const k1 = Math.floor(rnd() * 10);
      const k2 = Math.floor(rnd() * 30);
      expect(r.first(keep, k1)).toEqual(want.filter(keep).slice(0, k1));
      expect(r.first(() => true, k2)).toEqual(want.slice(0, k2));
      expect(r.first(keep, k1)).toEqual(want.filter(keep).slice(0, k1));
      // get: the last candidate with the id, as a map built over the list
      for (const x of list) expect(r.get(x.id)).toBe([...list].reverse().find((y) => y.id === x.id));
      expect(r.get('none')).toBeUndefined();
      expect(r.all()).toEqual(want);
      expect(r.first(keep, 100)).toEqual(want.filter(keep));
    }
  });
});
