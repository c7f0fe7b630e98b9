import { boundedMemo } from '../../bot/memo';

test('each key is computed once while it is kept', () => {
  const calls: string[] = [];
  const upper = boundedMemo((k) => { calls.push(k); return k.toUpperCase(); }, 10);
  expect([upper('a'), upper('b'), upper('a'), upper('a')]).toEqual(['A', 'B', 'A', 'A']);
  expect(calls).toEqual(['a', 'b']);
});

test('at the bound the memo starts again empty: results stay right, memory stays bounded', () => {
  const calls: string[] = [];
  const length = boundedMemo((k) => { calls.push(k); return k.length; }, 3);
  for (const k of ['a', 'bb', 'ccc']) length(k);
  expect(length('dddd')).toBe(4); // fourth key: the three before are dropped
  expect(length('a')).toBe(1);
  expect(calls).toEqual(['a', 'bb', 'ccc', 'dddd', 'a']);
  expect(length('dddd')).toBe(4);
  expect(calls).toHaveLength(5);
});
