// The deciding facts of the fourth round of forum-question entries (content-e: tax, live-in care, access
// to benefits, disability pass, leave from work): each new or sharpened short answer carries the figure,
// rule or condition the question turns on, in both languages, and the amounts it names come from dated
// rows of the benefits table. Checked on the real content files, not on fixtures.
import * as fs from 'fs';
import * as path from 'path';
import { expectWellFormedEntry, questionEntries } from '../helpers/questionEntries';

const K = path.join(__dirname, '../../knowledge');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(K, file), 'utf8'));

type Text = { q: string[]; short: string; details: string; next: string };
type Item = { id: string; legal: string[]; sources: string[]; reviewed: string; concepts: string[]; de: Text; en: Text };
const entry = questionEntries<Item>();

// [entry, pattern the German short must match, pattern the English short must match]
const newFacts: [string, RegExp, RegExp][] = [
  ['carer_tax_disability_allowance_amounts',
    /GdB von 20 sind es \{\{b\.behinderten_pauschbetrag_20\}\}[\s\S]*bei 100 \{\{b\.behinderten_pauschbetrag_100\}\}[\s\S]*Merkzeichen H oder Bl[^.]*Pflegegrad 4 oder 5[^.]*\{\{b\.behinderten_pauschbetrag_hilflos\}\}/,
    /degree of 20 it is \{\{b\.behinderten_pauschbetrag_20\}\}[\s\S]*at 100 \{\{b\.behinderten_pauschbetrag_100\}\}[\s\S]*mark H or Bl[^.]*care grade 4 or 5[^.]*\{\{b\.behinderten_pauschbetrag_hilflos\}\}/],
  ['carer_tax_35a_after_reasonable_burden',
    /nur einmal[^.]*§ 33 EStG[^.]*\{\{b\.haushaltsnahe_anteil\}\}[^.]*§ 35a[^.]*\{\{b\.haushaltsnahe_max\}\}[\s\S]*zumutbaren Belastung nicht abzieht[^.]*§ 35a aber trotzdem/,
    /only once[^.]*§ 33 EStG[^.]*\{\{b\.haushaltsnahe_anteil\}\}[^.]*§ 35a[^.]*\{\{b\.haushaltsnahe_max\}\}[\s\S]*reasonable own share[^.]*still get the § 35a reduction/],
  ['carer_tax_household_minijob',
    /Minijob im Privathaushalt[^.]*Haushaltsscheck[^.]*\{\{b\.haushaltsnahe_anteil\}\}[^.]*\{\{b\.minijob_haushalt_max\}\} im Jahr[\s\S]*im selben Haushalt lebt[^.]*nicht angestellt/,
    /mini-job in a private household[^.]*household cheque[^.]*\{\{b\.haushaltsnahe_anteil\}\}[^.]*\{\{b\.minijob_haushalt_max\}\} a year[\s\S]*same household[^.]*cannot be employed/],
  ['carer_tax_travel_cost_allowance',
    /\{\{b\.fahrtkosten_pauschale\}\}[^.]*GdB ab 80 oder ab 70 mit Merkzeichen G[^.]*\{\{b\.fahrtkosten_pauschale_hoch\}\}[^.]*aG, Bl, TBl oder H[^.]*Pflegegrad 4 oder 5[\s\S]*zumutbare Belastung/,
    /\{\{b\.fahrtkosten_pauschale\}\}[^.]*80, or 70 with the mark G[^.]*\{\{b\.fahrtkosten_pauschale_hoch\}\}[^.]*aG, Bl, TBl or H[^.]*care grade 4 or 5[\s\S]*reasonable own share/],
  ['live_in_relief_amount',
    /^In der Regel nicht[^.]*\{\{b\.entlastungsbetrag\}\}[^.]*nach Landesrecht anerkannte[^.]*Agenturen[^.]*normalerweise nicht[\s\S]*Ende Juni des Folgejahres/,
    /^Usually not[^.]*\{\{b\.entlastungsbetrag\}\}[^.]*recognised under state law[^.]*agencies[^.]*normally are not[\s\S]*end of June of the following year/],
  ['live_in_in_kind',
    /^Nein[^.]*nur an einen zugelassenen Pflegedienst, nicht an eine Agentur oder die Betreuungskraft[\s\S]*anteilig Pflegegeld[^.]*Kombinationsleistung[\s\S]*\{\{b\.sachleistung\.4\}\}/,
    /^No[^.]*only to an approved care service, not to an agency or the live-in carer[\s\S]*proportional care allowance[^.]*combination benefit[\s\S]*\{\{b\.sachleistung\.4\}\}/],
  ['apply_pre_insurance_abroad',
    /anderen EU-Staats, des EWR oder der Schweiz zählen nach EU-Recht für die 2 Jahre in den letzten 10 Jahren[^.]*Sozialversicherungsabkommen[\s\S]*Sozialamt mit Hilfe zur Pflege/,
    /another EU country, the EEA or Switzerland count under EU law towards the 2 years within the last 10 years[^.]*social security agreement[\s\S]*social welfare office[^.]*Hilfe zur Pflege/],
  ['assessment_decision_overdue',
    /25 Arbeitstagen[^.]*etwa fünf Wochen[\s\S]*jede angefangene Woche Verspätung \{\{b\.verzoegerung\}\}[^.]*schriftlich[\s\S]*rückwirkend ab dem Monat des Antrags/,
    /25 working days[^.]*about five weeks[\s\S]*\{\{b\.verzoegerung\}\} for every started week of delay[^.]*in writing[\s\S]*back to the month of the application/],
  ['disability_pass_mark_h',
    /H steht für hilflos[\s\S]*Nahverkehr kostenlos ohne Eigenanteil[^.]*Kfz-Steuer befreit[^.]*\{\{b\.behinderten_pauschbetrag_hilflos\}\}[\s\S]*\{\{b\.pflege_pauschbetrag\.4\}\}/,
    /H stands for helpless[\s\S]*free on local transport without a token fee[^.]*exempt from vehicle tax[^.]*\{\{b\.behinderten_pauschbetrag_hilflos\}\}[\s\S]*\{\{b\.pflege_pauschbetrag\.4\}\}/],
  ['disability_pass_mark_b',
    /Bus und Bahn regelmäßig Hilfe[\s\S]*Merkzeichen G, aG, Gl oder H[\s\S]*Begleitperson[^.]*kostenlos/,
    /regularly needs help when travelling by bus and train[\s\S]*mark G, aG, Gl or H[\s\S]*companion then travels free/],
  ['disability_pass_parking',
    /blauen EU-Parkausweis[^.]*Merkzeichen aG oder Bl[\s\S]*Merkzeichen G allein reicht dafür nicht[\s\S]*Straßenverkehrsbehörde/,
    /blue EU parking badge[^.]*mark aG or Bl[\s\S]*mark G alone is not enough[\s\S]*road traffic authority/],
  ['disability_pass_gdb_50',
    /ab einem Grad der Behinderung von 50[\s\S]*ab GdB 20[^.]*\{\{b\.behinderten_pauschbetrag_30\}\}[\s\S]*GdB 30 oder 40[^.]*Agentur für Arbeit gleichstellen/,
    /degree of disability of 50[\s\S]*degree of 20[^.]*\{\{b\.behinderten_pauschbetrag_30\}\}[\s\S]*degree of 30 or 40[^.]*equal status from the employment agency/],
  ['work_leave_combined_24_months',
    /zusammen aber höchstens \{\{b\.familienpflegezeit\}\} Monate für denselben Angehörigen[\s\S]*unmittelbar[\s\S]*drei Monate vor[^.]*acht Wochen vorher/,
    /together for at most \{\{b\.familienpflegezeit\}\} months for the same relative[\s\S]*directly[\s\S]*three months before[^.]*eight weeks before/],
  ['carer_tax_pauschbetrag_past_years',
    /nicht zur Steuererklärung verpflichtet[^.]*bis zu vier Jahre rückwirkend[\s\S]*innerhalb eines Monats[^.]*Einspruch/,
    /not obliged to file[^.]*up to four years back[\s\S]*objection \(Einspruch\) within one month/],
  ['work_leave_loan_repayment',
    /gleichen Monatsraten[^.]*innerhalb von 48 Monaten nach ihrem Beginn[\s\S]*besonderer Härte[^.]*stundet[\s\S]*Viertel/,
    /equal monthly instalments[^.]*within 48 months of its start[\s\S]*particular hardship[^.]*defers[\s\S]*quarter/],
];

// Short answers sharpened in this round: they now carry the condition or figure the usual second
// question turns on ("is it tax-free, and do I still get the lump sum", "we are two carers").
const sharpened: [string, RegExp, RegExp][] = [
  ['carer_tax_allowance_tax_free', /steuerfrei[\s\S]*nicht mehr unentgeltlich[^.]*Pflege-Pauschbetrag nicht nutzen/,
    /tax-free[\s\S]*no longer cares unpaid[^.]*cannot use the carer's lump sum/],
  ['carer_tax_pauschbetrag_shared', /je die Hälfte von \{\{b\.pflege_pauschbetrag\.4\}\}[\s\S]*nur die, die unentgeltlich pflegen[^.]*volle Betrag/,
    /each get half of \{\{b\.pflege_pauschbetrag\.4\}\}[\s\S]*Only those who care unpaid[^.]*full amount/],
  ['assessment_points_thresholds', /47,5[^.]*70[^.]*90 Punkten[\s\S]*knapp unter einer Grenze[^.]*innerhalb eines Monats Widerspruch/,
    /47\.5[^.]*70[^.]*90 points[\s\S]*just below a threshold[^.]*objection within one month/],
  ['live_in_costs', /Mindestlohn von \{\{b\.mindestlohn\}\}[^;]*Bereitschaftszeiten/, /minimum wage of \{\{b\.mindestlohn\}\} applies[^;]*on-call time/],
  ['work_leave_dismissal_protection', /12 Wochen[^.]*Freistellung zur Sterbebegleitung[^.]*nicht kündigen/,
    /12 weeks[^.]*leave to accompany a dying relative[^.]*may not dismiss/],
];

const added = newFacts.map(([id]) => id);
type Row = { id: string; law: string; values: { validFrom: string; value?: number; source: string }[] };
const rows = new Map((read('federal/benefits.json').benefits as Row[]).map((r) => [r.id, r]));
const current = (id: string): number | undefined => {
  const r = rows.get(id);
  if (!r) return undefined;
  return [...r.values].sort((a, b) => a.validFrom.localeCompare(b.validFrom)).pop()?.value;
};

describe('content-e entries keep the fact the question turns on', () => {
  test.each(newFacts)('new entry %s', (id, de, en) => {
    expect(entry(id).de.short).toMatch(de);
    expect(entry(id).en.short).toMatch(en);
  });

  test.each(sharpened)('sharpened entry %s', (id, de, en) => {
    expect(entry(id).de.short).toMatch(de);
    expect(entry(id).en.short).toMatch(en);
  });

  test.each(added)('%s has varied variants in both languages, a legal basis, a source, known concepts and this review date', (id) => {
    expectWellFormedEntry(entry(id), '2026-12-06');
  });

  test('the tax amounts these entries name are the statutory figures of the dated table', () => {
    // § 33b Abs. 3 EStG (since 2021), § 33 Abs. 2a EStG, § 35a Abs. 1 EStG
    expect(current('behinderten_pauschbetrag_20')).toBe(384);
    expect(current('behinderten_pauschbetrag_30')).toBe(620);
    expect(current('behinderten_pauschbetrag_40')).toBe(860);
    expect(current('behinderten_pauschbetrag_50')).toBe(1140);
    expect(current('behinderten_pauschbetrag_100')).toBe(2840);
    expect(current('behinderten_pauschbetrag_hilflos')).toBe(7400);
    expect(current('fahrtkosten_pauschale')).toBe(900);
    expect(current('fahrtkosten_pauschale_hoch')).toBe(4500);
    expect(current('minijob_haushalt_max')).toBe(510);
    for (const id of ['behinderten_pauschbetrag_20', 'fahrtkosten_pauschale', 'minijob_haushalt_max']) {
      expect(rows.get(id)!.law).toMatch(/EStG/);
    }
  });

  test('every amount placeholder in the new entries names a row of the benefits table', () => {
    for (const id of added) {
      for (const lang of ['de', 'en'] as const) {
        const t = entry(id)[lang];
        for (const m of `${t.short} ${t.details} ${t.next}`.matchAll(/\{\{b\.([a-z_0-9]+)(?:\.\d)?\}\}/g)) {
          expect(rows.has(m[1])).toBe(true);
        }
      }
    }
  });
});
