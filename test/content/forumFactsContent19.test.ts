// Session 19 (content19): short answers that say the fact asked (issue 17, real questions in the weak topics).
// Checked on the real content files.
import { questionEntries } from '../helpers/questionEntries';

type Text = { q: string[]; title: string; short: string; details: string; next: string };
type Item = { id: string; topic: string; legal: string[]; sources: string[]; reviewed: string; concepts: string[]; de: Text; en: Text };
const entry = questionEntries<Item>();

// [entry, pattern the German short must match, pattern the English short must match]
const facts: [string, RegExp, RegExp][] = [
  // "can he still sign a power of attorney with the diagnosis?": the short names legal capacity and that a diagnosis alone does not rule it out
  ['dementia_first_steps',
    /Vorsorgevollmacht[^.]*geschäftsfähig[^.]*Diagnose allein schließt das nicht aus/,
    /power of attorney[^.]*legal capacity[^.]*diagnosis alone does not rule that out/],
];

describe('session 19 content entries say the fact asked in their short answer', () => {
  test.each(facts)('%s', (id, de, en) => {
    expect(entry(id).de.short).toMatch(de);
    expect(entry(id).en.short).toMatch(en);
  });
});
