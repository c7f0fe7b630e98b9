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

// Respite stories that went to a carer-tax or insurance entry: the right entries carry variants in people's words
// (a relative's lost pay or travel, a few hours every week, a paid neighbour, the carer's own operation, no free place).
const storyVariants: [string, RegExp, RegExp][] = [
  ['respite_relatives_amount', /Verdienstausfall/, /lost earnings/],
  ['respite_relatives_amount', /Fahrtkosten/, /travel costs/],
  ['respite_hourly', /(pro|jede) Woche[^?]*Pflegegeld/i, /every week[^?]*care allowance/],
  ['respite_who_can_stand_in', /Nachbarin[^?]*gezahlt[^?]*Erstattet/, /paid her[^?]*money back/],
  ['carer_sudden_own_illness', /operiert[^?]*Krankenhaus/, /hospital for an operation/],
  ['short_term_care_no_place', /Kurzzeitpflege hat abgesagt/, /short-term care home I called is full/],
];

describe('session 19 respite entries have story variants for the questions they answer', () => {
  test.each(storyVariants)('%s %s', (id, de, en) => {
    expect(entry(id).de.q.some((q) => de.test(q))).toBe(true);
    expect(entry(id).en.q.some((q) => en.test(q))).toBe(true);
  });
});
