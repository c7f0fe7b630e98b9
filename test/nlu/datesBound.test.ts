// Issue 14: the date recognizers grow much faster than their input (17 s for 2,000 characters), so
// they must only ever see short texts; the own rules (linear) see everything.
const seen: string[] = [];
jest.mock('@microsoft/recognizers-text-suite', () => ({
  Culture: { German: 'de-de', English: 'en-us' },
  recognizeDateTime: (text: string) => {
    seen.push(text);
    return [];
  },
}));
import { parseDate, SUITE_MAX_CHARS } from '../../bot/nlu/dates';

test('long texts never reach the recognizers; short ones still do', () => {
  parseDate('a,1 '.repeat(500), 'en', '2026-11-25');
  parseDate('1'.repeat(SUITE_MAX_CHARS + 1), 'de', '2026-11-25');
  expect(seen).toEqual([]);
  // nothing the own rules know: a short text goes on to the recognizers
  parseDate('hmm, no idea really', 'en', '2026-11-25');
  expect(seen).toEqual(['hmm, no idea really']);
});

test('the own rules still find a date anywhere in a long text', () => {
  expect(parseDate(`${'Ich habe eine Frage zur Pflege. '.repeat(60)}Der Bescheid kam am 3.11.2026.`, 'de', '2026-11-25')).toBe('2026-11-03');
});
