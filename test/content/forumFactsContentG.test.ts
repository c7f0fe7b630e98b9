// The deciding facts of the fifth round of forum-question entries (content-g: parking badges and blindness,
// sedating medication in dementia, who decides without papers, the spouse left at home, neighbours, and
// short answers sharpened to answer in the question's own terms): each new or sharpened short answer keeps
// the figure, rule or condition the question turns on, in both languages. Checked on the real content files.
import * as fs from 'fs';
import * as path from 'path';
import { expectWellFormedEntry, questionEntries } from '../helpers/questionEntries';

type Text = { q: string[]; short: string; details: string; next: string };
type Item = { id: string; topic: string; legal: string[]; sources: string[]; reviewed: string; concepts: string[]; de: Text; en: Text };
const entry = questionEntries<Item>();

// [entry, pattern the German short must match, pattern the English short must match]
const facts: [string, RegExp, RegExp][] = [
  // new entries
  ['disability_pass_orange_parking', /G und B und GdB mindestens 80[^.]*\(oder 70 plus 50[\s\S]*Morbus Crohn[^.]*GdB 60[^.]*Stoma ab GdB 70[\s\S]*nicht auf Behindertenparkplätzen/,
    /G and B with a degree of at least 80[^.]*\(or 70 plus 50[\s\S]*Crohn's[^.]*degree 60[^.]*double stoma from degree 70[\s\S]*not in disabled bays/],
  ['disability_pass_orange_parking_nrw', /nur im Land gilt[^:]*: für Merkzeichen G mit GdB mindestens 70[^.]*aG knapp verfehlt[\s\S]*wenn B fehlt[\s\S]*Behindertenparkplätze[^.]*tabu[\s\S]*Straßenverkehrsbehörde/,
    /valid only in the state[^:]*: for mark G with a degree of at least 70[^.]*aG was narrowly missed[\s\S]*when B is missing[\s\S]*not allow parking in disabled bays[\s\S]*road traffic authority/],
  ['disability_pass_mark_bl_benefits', /höchstens zwei Prozent[\s\S]*blauen Parkausweis[^.]*kostenloser Wertmarke[^.]*Kfz-Steuer[^.]*\{\{b\.behinderten_pauschbetrag_hilflos\}\}/,
    /at most two percent[\s\S]*blue badge[^.]*free travel token[^.]*car tax[^.]*\{\{b\.behinderten_pauschbetrag_hilflos\}\}/],
  ['disability_pass_mark_tbl', /taubblind[^.]*GdB von mindestens 70[^.]*Sehen mit einem GdB von 100[\s\S]*ganz vom Rundfunkbeitrag befreit[^.]*\{\{b\.behinderten_pauschbetrag_hilflos\}\}/,
    /deafblind[^.]*at least 70[^.]*sight with a degree of 100[\s\S]*fully exempt from the broadcasting fee[^.]*\{\{b\.behinderten_pauschbetrag_hilflos\}\}/],
  ['blind_allowance_nrw', /^Ja[^.]*unabhängig von Einkommen und Vermögen[\s\S]*Ab 60 Jahren[^.]*\{\{b\.blindengeld_nrw_60\}\}[\s\S]*LVR[^.]*LWL[^.]*ab dem Monat des Antrags/,
    /^Yes[^.]*regardless of income and savings[\s\S]*From age 60[^.]*\{\{b\.blindengeld_nrw_60\}\}[\s\S]*LVR[^.]*LWL[^.]*from the month of the application/],
  ['blind_allowance_nrw_care_grade', /^Ja, das darf[^:]*: [^.]*ab Pflegegrad 2[^.]*gekürzt[\s\S]*Pflegeleistungen selbst werden nicht gekürzt[\s\S]*höchstens um die Hälfte/,
    /^Yes, the Landschaftsverband may[^:]*: [^.]*from care grade 2[^.]*cut[\s\S]*care benefits themselves are not cut[\s\S]*at most half/],
  ['dementia_sedatives_at_home', /^Zu Hause[^.]*keine Genehmigung des Betreuungsgerichts[^;]*; die gilt nur in Heim[\s\S]*Zustimmen muss aber die Person[^.]*Bevollmächtigter oder Betreuer[\s\S]*Heimlich/,
    /^At home[^.]*no approval from the guardianship court[^;]*; that is only required in a care home[\s\S]*the person must consent[^.]*attorney or legal guardian[\s\S]*secretly/],
  ['dementia_sedatives_care_home', /^Nein, ohne Einwilligung darf das Heim das nicht[\s\S]*Bevollmächtigten oder Betreuers[\s\S]*freiheitsentziehende Maßnahme[^.]*Betreuungsgericht genehmigen, auch bei einer Vorsorgevollmacht/,
    /^No, the home may not do that without consent[\s\S]*attorney or legal guardian[\s\S]*depriving liberty[^.]*guardianship court must approve[^.]*even with a power of attorney/],
  ['dementia_sedatives_risks', /verdoppeln sie etwa das Risiko für Stürze[\s\S]*der Ärztin melden/, /roughly double the risk of falls[\s\S]*to the doctor/],
  ['legal_no_directive_no_representative', /^Im Notfall[^.]*mutmaßlichen Willen[^;]*; Angehörige[^.]*entscheiden aber nicht[\s\S]*Ehepartner[^.]*bis zu sechs Monate[^.]*\(§ 1358 BGB\)[\s\S]*Betreuungsgericht einen Betreuer[^.]*vorläufig/,
    /^In an emergency[^.]*presumably want[^;]*; relatives[^.]*do not decide[\s\S]*spouse[^.]*up to six months[^.]*\(§ 1358 BGB\)[\s\S]*guardianship court appoints a legal guardian, provisionally/],
  ['legal_spouse_representation_ends', /spätestens sechs Monate[^.]*nicht verlängern[\s\S]*Betreuungsgericht eine Betreuung[\s\S]*selbst als Betreuer vorschlagen/,
    /at the latest six months[^.]*cannot be extended[\s\S]*guardianship court must set up a legal guardianship[\s\S]*propose yourself as guardian/],
  ['legal_unmarried_partner_decisions', /^Nein, ohne Vollmacht dürfen unverheiratete Partner nicht entscheiden[^:]*: [^.]*nur für Ehepartner[\s\S]*Betreuung anregen[^.]*selbst als Betreuerin vorschlagen[\s\S]*einstweiliger Anordnung/,
    /^No, without a power of attorney unmarried partners may not decide[^:]*: [^.]*only to spouses[\s\S]*propose yourself as guardian[\s\S]*interim order/],
  ['spouse_at_home_housing_benefit', /^Ja[^:]*Wohngeld beantragen: [^.]*dauerhaft im Heim[^.]*nicht mehr zum Haushalt[\s\S]*ab dem Monat des Antrags[^.]*nicht neben Grundsicherung/,
    /^Yes[^:]*housing benefit \(Wohngeld\): [^.]*permanently in a home[^.]*no longer counts as part of the household[\s\S]*from the month of application[^.]*not alongside basic income support/],
  ['neighbour_door_not_answered', /Klingeln, klopfen und anrufen[\s\S]*112 oder 110[^.]*Feuerwehr und Polizei öffnen die Wohnung[\s\S]*sofort 112/,
    /Ring, knock and call[\s\S]*112 or 110[^.]*fire brigade and police open the flat[\s\S]*112 at once/],
  ['self_neglect_cannot_force', /^Nein, zwingen kann man niemanden, der seinen Willen frei bilden kann[\s\S]*nicht einmal ein Betreuer[\s\S]*Genehmigung des Gerichts/,
    /^No, nobody can force a person who can form their will freely[\s\S]*not even a legal guardian[\s\S]*court approval/],
  // sharpened: yes/no answered in the question's own verb (carer_no_duty_to_care and live_in_relief_amount
  // already did, in the wording earlier rounds' tests check)
  ['home_contract_notice_provider', /^Nein, das Heim darf nicht einfach kündigen, nur aus wichtigem Grund[\s\S]*Pflegebedarf, den es nicht fachgerecht decken kann, wenn eine angebotene Vertragsanpassung abgelehnt/,
    /^No, the home cannot simply give notice, only for an important reason[\s\S]*higher care need the home cannot meet properly when an offered contract adjustment was refused/],
  ['legal_patientenverfuegung', /^Ja, Ärzte und Vertreter müssen sich an eine Patientenverfügung halten, wenn sie die konkrete Behandlungssituation trifft/,
    /^Yes, doctors and representatives must follow an advance directive[^;]*; it is binding/],
  ['transport_companion_free', /^Nein, als Begleitperson brauchen Sie keine Fahrkarte: [^.]*Merkzeichen „B“/, /^No, as the companion you need no ticket with mark "B"/],
  ['work_leave_dismissal_protection', /^Ja, Sie sind geschützt: Ihr Arbeitgeber darf Ihnen[^.]*nicht kündigen/, /^Yes, you are protected: [^.]*your employer may not dismiss you/],
  ['carer_tax_allowance_tax_free', /^Ja, Pflegegeld ist steuerfrei und muss nicht versteuert werden[\s\S]*weiter[\s\S]*\{\{b\.pflegegeld\.3\}\}/,
    /^Yes, care allowance \(Pflegegeld\) is tax-free and need not be taxed[\s\S]*passes it on[\s\S]*\{\{b\.pflegegeld\.3\}\}/],
  ['social_assistance_spouse_at_home', /^Nein, ausziehen muss der Partner zu Hause nicht[\s\S]*\{\{b\.schonvermoegen_sozialhilfe\}\}[^.]*\{\{b\.schonvermoegen_sozialhilfe_paar\}\}[\s\S]*Lebensunterhalt und die Miete/,
    /^No, the spouse at home does not have to move out[\s\S]*\{\{b\.schonvermoegen_sozialhilfe\}\}[^.]*\{\{b\.schonvermoegen_sozialhilfe_paar\}\}[\s\S]*living costs and rent/],
  // sharpened: the figure per grade, not one example
  ['carer_tax_pauschbetrag_pflegegeld', /^Nein[\s\S]*\{\{b\.pflege_pauschbetrag\.2\}\}[^)]*\{\{b\.pflege_pauschbetrag\.3\}\}[^)]*\{\{b\.pflege_pauschbetrag\.4\}\}[\s\S]*steuerfrei/,
    /^No[\s\S]*\{\{b\.pflege_pauschbetrag\.2\}\}[^)]*\{\{b\.pflege_pauschbetrag\.3\}\}[^)]*\{\{b\.pflege_pauschbetrag\.4\}\}[\s\S]*tax-free/],
  ['carer_tax_pauschbetrag_spouse', /\{\{b\.pflege_pauschbetrag\.2\}\}[^.]*Pflegegrad 2[^.]*\{\{b\.pflege_pauschbetrag\.3\}\}[^.]*\{\{b\.pflege_pauschbetrag\.4\}\}[^.]*4 oder 5/,
    /\{\{b\.pflege_pauschbetrag\.2\}\}[^.]*grade 2[^.]*\{\{b\.pflege_pauschbetrag\.3\}\}[^.]*\{\{b\.pflege_pauschbetrag\.4\}\}[^.]*4 or 5/],
  ['carer_tax_pauschbetrag_not_living_together', /\{\{b\.pflege_pauschbetrag\.2\}\}[^.]*Pflegegrad 2[^.]*\{\{b\.pflege_pauschbetrag\.3\}\}[^.]*\{\{b\.pflege_pauschbetrag\.4\}\}/,
    /\{\{b\.pflege_pauschbetrag\.2\}\}[^.]*grade 2[^.]*\{\{b\.pflege_pauschbetrag\.3\}\}[^.]*\{\{b\.pflege_pauschbetrag\.4\}\}/],
  ['carer_tax_pauschbetrag_with_care_service', /\{\{b\.pflege_pauschbetrag\.2\}\}[^)]*\{\{b\.pflege_pauschbetrag\.4\}\}[\s\S]*zehn Prozent/,
    /\{\{b\.pflege_pauschbetrag\.2\}\}[^)]*\{\{b\.pflege_pauschbetrag\.4\}\}[\s\S]*ten percent/],
  // sharpened: the rule plus what follows or who pays
  ['disability_pass_parking', /blauen EU-Parkausweis[\s\S]*G allein reicht dafür nicht[^.]*orangen Parkausweis[^.]*nicht umfasst/, /blue EU parking badge[\s\S]*G alone is not enough[^.]*orange badge[^.]*does not cover these bays/],
  ['legal_spouse_emergency_representation', /höchstens sechs Monate[^.]*danach braucht es eine gerichtliche Betreuung/, /at most six months[^.]*after that a court-appointed guardianship is needed/],
  ['carer_rehab_care_for_relative', /mit in Ihre Vorsorge- oder Reha-Einrichtung[\s\S]*nicht mitkommen[^.]*Kurzzeitpflege[^.]*Verhinderungspflege[^.]*\{\{b\.entlastungsbudget\}\}/,
    /admitted to your preventive or rehab clinic[\s\S]*cannot come along[^.]*short-term care[^.]*respite care[^.]*\{\{b\.entlastungsbudget\}\}/],
  ['emergency_call_costs', /\{\{b\.hausnotruf\}\}[\s\S]*Grundtarif[\s\S]*Zusatzleistungen[^.]*Sturz- oder Türsensoren, zahlen Sie selbst/,
    /\{\{b\.hausnotruf\}\}[\s\S]*basic tariff[\s\S]*extras such as fall or door sensors, you pay yourself/],
  ['legal_without_power_of_attorney', /im Notfall behandeln Ärzte nach seinem mutmaßlichen Willen[\s\S]*Betreuungsgericht[\s\S]*sechs Monate/,
    /in an emergency doctors treat according to the person's presumed will[\s\S]*guardianship court[\s\S]*six months/],
];

const added = ['disability_pass_orange_parking', 'disability_pass_orange_parking_nrw', 'disability_pass_mark_bl_benefits',
  'disability_pass_mark_tbl', 'blind_allowance_nrw', 'blind_allowance_nrw_care_grade', 'dementia_sedatives_at_home',
  'dementia_sedatives_care_home', 'dementia_sedatives_risks', 'legal_no_directive_no_representative',
  'legal_spouse_representation_ends', 'legal_unmarried_partner_decisions', 'spouse_at_home_housing_benefit',
  'neighbour_door_not_answered', 'self_neglect_cannot_force'];

describe('fifth-round forum entries (content-g) keep the fact the question turns on', () => {
  test.each(facts)('%s', (id, de, en) => {
    expect(entry(id).de.short).toMatch(de);
    expect(entry(id).en.short).toMatch(en);
  });

  test.each(added)('%s has varied variants in both languages, a legal basis, a source, a review date and known concepts', (id) => {
    expectWellFormedEntry(entry(id), '2026-12-06');
  });

  test('the NRW-only badge and the blind allowance live in the state layer, the federal entries name no state', () => {
    const nrw = JSON.parse(fs.readFileSync(path.join(__dirname, '../../knowledge/nrw/questions/forum5_nrw_content-g.json'), 'utf8')) as { questions: { id: string }[] };
    expect(nrw.questions.map((q) => q.id).sort()).toEqual(['blind_allowance_nrw', 'blind_allowance_nrw_care_grade', 'disability_pass_orange_parking_nrw']);
    for (const id of ['disability_pass_orange_parking', 'disability_pass_mark_bl_benefits', 'disability_pass_mark_tbl']) {
      expect(`${entry(id).de.short} ${entry(id).de.details}`).not.toMatch(/Nordrhein-Westfalen|NRW/);
    }
  });

  test('the blind allowance from 60 is a dated amount in the benefits table, with its source', () => {
    const table = JSON.parse(fs.readFileSync(path.join(__dirname, '../../knowledge/federal/benefits.json'), 'utf8')) as
      { benefits: { id: string; values: { validFrom: string; value?: number; source: string }[] }[] };
    const row = table.benefits.find((b) => b.id === 'blindengeld_nrw_60');
    expect(row?.values).toEqual([{ validFrom: '2024-07-01', value: 473, source: 'lvr_blindengeld' }]);
  });

  test('sedatives at home and in a home stay two answers that say opposite things about the court', () => {
    expect(entry('dementia_sedatives_at_home').de.short).toMatch(/keine Genehmigung des Betreuungsgerichts/);
    expect(entry('dementia_sedatives_care_home').de.short).toMatch(/muss zusätzlich das Betreuungsgericht genehmigen/);
  });
});
