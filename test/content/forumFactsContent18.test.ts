// Session 18 (content18): the exhausted family carer who will not accept help (new entry), the exception
// that turns the Pflege-Pauschbetrag answer (Pflegegeld only managed for the person cared for), and short
// answers rewritten so that their first words answer the question asked. Checked on the real content files.
import { expectWellFormedEntry, questionEntries } from '../helpers/questionEntries';

type Text = { q: string[]; title: string; short: string; details: string; next: string };
type Item = { id: string; topic: string; legal: string[]; sources: string[]; reviewed: string; concepts: string[]; de: Text; en: Text };
const entry = questionEntries<Item>();

// [entry, pattern the German short must match, pattern the English short must match]
const facts: [string, RegExp, RegExp][] = [
  // new entry: help that asks little of the carer, with the numbers and places it rests on
  ['carer_exhausted_refuses_help',
    /^Zwingen können Sie sie nicht[\s\S]*Pflegetelefon[^.]*030 20179131[^.]*anonym[\s\S]*pflegen-und-leben\.de[\s\S]*Pflegeberatung[^.]*Auszeiten[\s\S]*Hausärztin/,
    /^You cannot force her[\s\S]*phone line \(030 20179131[^.]*anonymous[\s\S]*pflegen-und-leben\.de[\s\S]*Care counselling[^.]*breaks[\s\S]*GP/],
  // the exception that turns the answer is in the short, not only in the details
  ['carer_tax_pauschbetrag_pflegegeld',
    /^Nein[\s\S]*verliert den Pflege-Pauschbetrag[\s\S]*Anders ist es, wenn Sie das Pflegegeld nur für die gepflegte Person verwalten und nachweislich für deren Ausgaben einsetzen[^.]*Eltern eines Kindes mit Behinderung/,
    /^No[\s\S]*loses the carer's lump sum[\s\S]*different if you only manage the care allowance for the person cared for and can show it is spent on their needs[^.]*parents of a disabled child/],
  // rewritten: the first words answer the question (yes / the figure / no notice period / not a relative)
  ['carer_tax_pauschbetrag_past_years', /^Ja, wenn Sie nicht zur Steuererklärung verpflichtet sind/, /^Yes, if you are not obliged to file a tax return/],
  ['objection_review_request_back_pay', /^Höchstens vier Jahre:[\s\S]*keine Frist/, /^At most four years:[\s\S]*no deadline/],
  ['home_care_contract_notice', /^Ohne Frist:[^.]*jederzeit/, /^Without any notice period:[^.]*at any time/],
  ['housing_assisted_living_provider_notice', /^Meist nicht:/, /^Usually not:/],
  ['allowance_who_can_care', /^Verwandt muss die Pflegeperson nicht sein:/, /^The carer need not be a relative:/],
];

describe('session 18 content entries answer the question in their first words', () => {
  test.each(facts)('%s', (id, de, en) => {
    expect(entry(id).de.short).toMatch(de);
    expect(entry(id).en.short).toMatch(en);
  });

  test('the new entry has varied variants in both languages, a legal basis, a source, a review date and known concepts', () => {
    expectWellFormedEntry(entry('carer_exhausted_refuses_help'), '2026-12-07');
  });

  test('the new entry is about the carer refusing help, not the person cared for refusing care', () => {
    const it = entry('carer_exhausted_refuses_help');
    expect(it.topic).toBe('carer_support');
    expect(it.de.title).toMatch(/pflegende Angehörige[^.]*keine Hilfe annimmt/);
    // the parents' own refusal keeps its entry
    expect(entry('carer_parent_refuses_help').id).toBe('carer_parent_refuses_help');
  });
});
