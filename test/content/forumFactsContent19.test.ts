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
  // discharge questions come with several facets: who plans (Entlassmanagement, Sozialdienst), what the hospital may
  // prescribe, and the fallback when nothing can be arranged (Übergangspflege up to 10 days); each short names its neighbours
  ['discharge_entlassmanagement',
    /^Das Krankenhaus muss[^.]*Entlassmanagement[^.]*Sozialdienst[\s\S]*7 Tage[\s\S]*bis zu 10 Tage zur Übergangspflege/,
    /^The hospital must[^.]*discharge management[^.]*social service[\s\S]*7 days[\s\S]*up to 10 days of transitional care/],
  ['discharge_transitional_care', /^Ja, für bis zu 10 Tage[^.]*Entlassmanagement[^.]*Sozialdienst/, /^Yes, for up to 10 days[^.]*discharge management[^.]*social service/],
  ['discharge_home_help_nursing', /Krankenhaus im Entlassmanagement für die ersten 7 Tage/, /hospital can prescribe the first 7 days as part of discharge management/],
  ['discharge_not_organised', /Anschlussversorgung[^.]*\(Entlassmanagement\)[\s\S]*bis zu 10 Tage/, /follow-up care[^.]*\(discharge management\)[\s\S]*up to 10 days/],
];

describe('session 19 content entries say the fact asked in their short answer', () => {
  test.each(facts)('%s', (id, de, en) => {
    expect(entry(id).de.short).toMatch(de);
    expect(entry(id).en.short).toMatch(en);
  });
});
