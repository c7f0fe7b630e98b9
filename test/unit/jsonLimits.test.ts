import { deeperThan, jsonLimitBreach, safeStringify } from '../../bot/http/jsonLimits';

const limits = { maxDepth: 4, maxString: 10 };

test.each([
  ['{"a":[1,{"b":2}]}', undefined],
  ['[[[[1]]]]', undefined],
  ['[[[[[1]]]]]', 'nesting deeper than 4 levels'],
  ['{"a":"[[[[[[[[["}', undefined], // brackets inside strings do not count
  ['{"a":"0123456789"}', undefined],
  ['{"a":"01234567890"}', 'a string longer than 10 characters'],
  ['{"0123456789x":1}', 'a string longer than 10 characters'],
  ['{"a":"\\"\\"\\"\\""}', undefined], // escaped quotes do not end the string
  ['{"a":"unterminated 0123456789', 'a string longer than 10 characters'],
])('%s', (text, breach) => {
  expect(jsonLimitBreach(text, limits)).toBe(breach);
});

test('a 1 MB document is scanned in one pass (no recursion, no stack)', () => {
  expect(jsonLimitBreach('['.repeat(1_000_000), { maxDepth: 32, maxString: 10 })).toMatch(/nesting/);
});

test('deeperThan walks without recursion; safeStringify never throws', () => {
  let deep: unknown = 1;
  for (let i = 0; i < 100_000; i++) deep = [deep];
  expect(deeperThan(deep, 32)).toBe(true);
  expect(deeperThan({ a: [{ b: 1 }] }, 3)).toBe(false);
  expect(safeStringify(deep)).toBeUndefined();
  const cyclic: Record<string, unknown> = {};
  cyclic.me = cyclic;
  expect(safeStringify(cyclic)).toBeUndefined();
  expect(safeStringify({ a: 1 })).toBe('{"a":1}');
});
