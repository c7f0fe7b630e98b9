import { heapWarning } from '../../bot/heap';

const MB = 1e6;
test.each([
  [80 * MB, 256 * MB, undefined],
  [153 * MB, 256 * MB, undefined],
  [160 * MB, 256 * MB, { usedMb: 160, limitMb: 256 }],
  [300 * MB, 256 * MB, { usedMb: 300, limitMb: 256 }],
  [10 * MB, 0, undefined],
])('used %d of %d → %p', (used, limit, expected) => {
  expect(heapWarning({ used_heap_size: used, heap_size_limit: limit })).toEqual(expected);
});
