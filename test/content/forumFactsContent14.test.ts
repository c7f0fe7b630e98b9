// The deciding facts of the seventh round of question entries (content14, issue 17): the time around and
// after a death (children's hospice, the widow's three full months and the advance, widow's pension basics,
// pension paid after the death, what the care fund needs to know, funeral costs and tax, NRW's burial time
// limits and duty to bury, renouncing an inheritance, the care allowance in inheritance tax), the insurance
// period for children and household help when a parent is ill and children live at home. Each short answer
// keeps the figure, rule or condition the question turns on, in both languages.
import * as fs from 'fs';
import * as path from 'path';
import { expectWellFormedEntry, questionEntries } from '../helpers/questionEntries';

type Text = { q: string[]; short: string; details: string; next: string };
type Item = { id: string; topic: string; legal: string[]; sources: string[]; reviewed: string; concepts: string[]; followUps: string[]; de: Text; en: Text };
const entry = questionEntries<Item>();
const K = path.join(__dirname, '../../knowledge');

// [entry, pattern the German short must match, pattern the English short must match]
const facts: [string, RegExp, RegExp][] = [
  ['hospice_children', /^Nein, ein Kinderhospiz[^.]*schon ab der Diagnose[^.]*bis zu 28 Tage[\s\S]*keinen Eigenanteil[\s\S]*ärztliche Bescheinigung/,
    /^No, a children's hospice[^.]*from the diagnosis on[^.]*up to 28 days[\s\S]*no own share[\s\S]*doctor's certificate/],
  ['after_death_widow_pension_advance', /drei Kalendermonate nach dem Sterbemonat die Rente des Verstorbenen in voller Höhe[\s\S]*Renten Service der Deutschen Post[^.]*innerhalb von 30 Tagen/,
    /pension in full for the three calendar months after the month of death[\s\S]*Renten Service of Deutsche Post[^.]*within 30 days/],
  ['after_death_widow_pension_basics', /große Witwen- oder Witwerrente meist 55 Prozent, die kleine 25 Prozent[^;]*; die kleine gibt es höchstens 24 Monate[\s\S]*ein Jahr bestanden/,
    /large widow's or widower's pension is usually 55 percent and the small one 25 percent[^;]*; the small one is paid for at most 24 months[\s\S]*lasted a year/],
  ['after_death_pension_paid_back', /^Ja, die Rente steht nur bis zum Ende des Sterbemonats zu[\s\S]*unter Vorbehalt[\s\S]*direkt von der Bank zurück/,
    /^Yes, the pension is due only until the end of the month of death[\s\S]*under reservation[\s\S]*directly from the bank/],
  ['after_death_tell_care_fund', /Pflegegeld für den Sterbemonat dürfen Sie behalten[\s\S]*meist nur geliehen[\s\S]*enden mit dem Tod die Rentenbeiträge/,
    /keep the care allowance for the month of death[\s\S]*usually only on loan[\s\S]*pension contributions end with the death/],
  ['apply_pre_insurance_children', /^Nein, ein Kind muss die 2 Jahre nicht selbst erfüllen[^.]*wenn ein Elternteil sie erfüllt[\s\S]*ab dem Monat des Antrags/,
    /^No, a child does not have to meet the 2 years itself[^.]*if a parent meets it[\s\S]*from the month of the application/],
  ['household_help_parent_children', /Haushaltshilfe[^.]*ein Kind unter 12[^.]*für die Dauer von Krankenhaus oder Reha[^.]*bis zu 26 Wochen[\s\S]*Jugendamt[^.]*§ 20 SGB VIII/,
    /household help[^.]*a child under 12[^.]*length of the hospital or rehab stay[^.]*up to 26 weeks[\s\S]*youth welfare office[^.]*§ 20 SGB VIII/],
  ['carer_tax_funeral_costs', /^Nur soweit Erbe und Leistungen wie eine Sterbegeldversicherung die Kosten nicht decken[\s\S]*außergewöhnliche Belastung[\s\S]*unmittelbaren Kosten[\s\S]*\{\{b\.beerdigung_angemessen\}\}/,
    /^Only as far as the estate and payments such as a funeral insurance do not cover the costs[\s\S]*extraordinary burden[\s\S]*direct costs[\s\S]*\{\{b\.beerdigung_angemessen\}\}/],
  ['inheritance_renounce_deadline', /^Sie können ein Erbe innerhalb von sechs Wochen ausschlagen[\s\S]*sechs Monate[\s\S]*Nachlassgericht[\s\S]*haftet nicht für Schulden[^.]*Ersatzanspruch des Sozialamts/,
    /^You can renounce an inheritance within six weeks[\s\S]*six months[\s\S]*probate court[\s\S]*not liable for the deceased's debts[^.]*social welfare office's claim/],
  ['carer_inheritance_tax_allowance', /^Ja, wer den Verstorbenen unentgeltlich oder für zu wenig Geld gepflegt hat[\s\S]*Pflegefreibetrag von bis zu \{\{b\.pflegefreibetrag_erbst\}\}[\s\S]*auch für Kinder[\s\S]*Art, Dauer und Umfang/,
    /^Yes, whoever cared for the deceased without pay or for too little money[\s\S]*care allowance of up to \{\{b\.pflegefreibetrag_erbst\}\}[\s\S]*also applies to children[\s\S]*kind, length and extent/],
  ['burial_deadlines_nrw', /^In Nordrhein-Westfalen[^.]*bis zu 36 Stunden zu Hause bleiben[\s\S]*frühestens 24 Stunden[^.]*innerhalb von zehn Tagen[\s\S]*sechs Wochen/,
    /^In North Rhine-Westphalia[^.]*up to 36 hours[\s\S]*24 hours after death at the earliest[^.]*within ten days[\s\S]*six weeks/],
  ['funeral_duty_nrw', /^In Nordrhein-Westfalen müssen die Angehörigen in dieser Reihenfolge[^:]*: Ehegatte oder Lebenspartner, volljährige Kinder, Eltern[\s\S]*Ordnungsamt[\s\S]*Erben[\s\S]*Sozialamt/,
    /^In North Rhine-Westphalia the relatives must arrange the funeral in this order: spouse or registered partner, adult children, parents[\s\S]*public order office[\s\S]*heirs[\s\S]*social welfare office/],
];

const added = facts.map(([id]) => id);
const nrwAdded = ['burial_deadlines_nrw', 'funeral_duty_nrw'];

describe('seventh-round entries (content14) keep the fact the question turns on', () => {
  test.each(facts)('%s', (id, de, en) => {
    expect(entry(id).de.short).toMatch(de);
    expect(entry(id).en.short).toMatch(en);
  });

  test.each(added)('%s has varied variants in both languages, a legal basis, a source, a review date and known concepts', (id) => {
    expectWellFormedEntry(entry(id), '2026-12-07');
  });

  test('burial law lives in the state layer; the federal entries of this round name no state', () => {
    const nrw = JSON.parse(fs.readFileSync(path.join(K, 'nrw/questions/forum7_nrw_content14.json'), 'utf8')) as { questions: { id: string }[] };
    expect(nrw.questions.map((q) => q.id)).toEqual(nrwAdded);
    for (const id of added.filter((i) => !nrwAdded.includes(i))) {
      expect(`${entry(id).de.short} ${entry(id).de.details}`).not.toMatch(/Nordrhein-Westfalen|NRW/);
    }
  });

  test('the funeral cost limit and the care allowance in inheritance tax are dated amounts of the benefits table, never typed figures', () => {
    const table = JSON.parse(fs.readFileSync(path.join(K, 'federal/benefits.json'), 'utf8')) as { benefits: { id: string; values: { value: number }[] }[] };
    expect(table.benefits.find((b) => b.id === 'beerdigung_angemessen')?.values.map((v) => v.value)).toEqual([7500]);
    expect(table.benefits.find((b) => b.id === 'pflegefreibetrag_erbst')?.values.map((v) => v.value)).toEqual([20000]);
    expect(entry('carer_tax_funeral_costs').de.short).not.toMatch(/7\.?500/);
    expect(entry('carer_inheritance_tax_allowance').de.short).not.toMatch(/20\.?000/);
  });

  test('the widow\'s advance and the pension paid after a death stay separate answers', () => {
    // the advance is for the surviving partner; what was paid for the months after the death goes back
    expect(entry('after_death_pension_paid_back').de.details).toMatch(/Sterbevierteljahr mit einem eigenen Antrag/);
    expect(entry('after_death_widow_pension_advance').followUps).toContain('after_death_pension_paid_back');
  });
});
