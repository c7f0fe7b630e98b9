import { boundedMemo, forgetMessageTexts, messageTextMemo, messageTextsKept } from '../../bot/memo';
import { fold } from '../../bot/text/fold';
import { splitSentences } from '../../bot/nlu/message';

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

test('memos of message texts are emptied by "delete my data" (forgetMessageTexts), and give the same results after', () => {
  const calls: string[] = [];
  const words = messageTextMemo((t) => { calls.push(t); return t.split(' ').length; }, 10);
  expect(words('meine Mutter hat Pflegegrad 3')).toBe(5);
  expect(words('meine Mutter hat Pflegegrad 3')).toBe(5);
  expect(calls).toHaveLength(1);
  // the folding and sentence memos hold what a person wrote
  const text = 'Meine Mutter wohnt in Dümpten. Wie viel Pflegegeld gibt es?';
  const folded = fold(text);
  const split = splitSentences(text);
  expect(messageTextsKept()).toBeGreaterThanOrEqual(3);
  forgetMessageTexts();
  expect(messageTextsKept()).toBe(0);
  expect(words('meine Mutter hat Pflegegrad 3')).toBe(5);
  expect(calls).toHaveLength(2);
  expect(fold(text)).toBe(folded);
  expect(splitSentences(text)).toEqual(split);
});
