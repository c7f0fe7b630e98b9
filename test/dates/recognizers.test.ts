// What @microsoft/recognizers-text-suite 1.3.1 does with dates, pinned so an upgrade that changes
// it is noticed. It has no German date model: "de-de" runs the English one. These results are why
// bot/nlu/dates.ts parses German (and slashes, and "last Monday") itself.
import * as Recognizers from '@microsoft/recognizers-text-suite';

const REF = new Date(2026, 10, 20, 12); // local noon, Friday 20 November 2026

function first(text: string, culture: string): { type: string; timex: string | undefined } | undefined {
  const r = Recognizers.recognizeDateTime(text, culture, undefined, REF)[0];
  if (!r) return undefined;
  const values = (r.resolution?.values ?? []) as Array<{ timex?: string }>;
  return { type: r.typeName, timex: values[0]?.timex };
}

describe('recognizers-text-suite on dates', () => {
  test('full dotted dates work, also for de-de', () => {
    expect(first('03.11.2026', 'de-de')).toEqual({ type: 'datetimeV2.date', timex: '2026-11-03' });
    expect(first('3.11.26', 'de-de')).toEqual({ type: 'datetimeV2.date', timex: '2026-11-03' });
  });

  test('German without a year or in words: nothing, or the wrong thing', () => {
    expect(first('3.11.', 'de-de')).toBeUndefined();
    expect(first('gestern', 'de-de')).toBeUndefined();
    expect(first('vor zwei Wochen', 'de-de')).toBeUndefined();
    expect(first('letzten Montag', 'de-de')).toBeUndefined();
    // "dritten" is ignored: the whole month comes back as a range
    expect(first('am dritten November', 'de-de')).toEqual({ type: 'datetimeV2.daterange', timex: 'XXXX-11' });
  });

  test('impossible dates are recognised but not resolved', () => {
    const r = Recognizers.recognizeDateTime('31.02.2026', 'de-de', undefined, REF)[0];
    expect((r.resolution?.values as Array<{ value: string }>)[0].value).toBe('not resolved');
  });

  test('slashes are read month first (US)', () => {
    expect(first('05/04/2026', 'en-us')?.timex).toBe('2026-05-04');
  });

  test('"last Monday" on a Friday means the Monday of the previous week', () => {
    expect(first('last Monday', 'en-us')?.timex).toBe('2026-11-09');
  });

  test('English relative dates work', () => {
    expect(first('yesterday', 'en-us')?.timex).toBe('2026-11-19');
    expect(first('two weeks ago', 'en-us')?.timex).toBe('2026-11-06');
    expect(first('on 3 November', 'en-us')?.timex).toBe('XXXX-11-03');
  });
});
