// The deciding facts of the sixth round of forum-question entries (content13, issue 17): freedom-restricting
// measures (court approval, its time limit, milder means, the spouse's six weeks, what a power of attorney must
// name, a locked unit), money taken from people with dementia (fake police calls, a relative misusing a power
// of attorney, unwanted contracts, strangers at the door, the court's consent reservation), a neighbour's flat
// full of rubbish, travel with a disability (train, travel token, flights, a holiday with care, parking
// abroad), a family carer's own health (rehab co-payment and pay, a psychotherapy appointment, BAföG for a
// student who cares), missed days at day care and who pays when it is too dear, single rooms in NRW homes, and
// the couple answer that now says whether the partner may move in. Each short answer keeps the figure, rule or
// condition the question turns on, in both languages.
import * as fs from 'fs';
import * as path from 'path';
import { expectWellFormedEntry, questionEntries } from '../helpers/questionEntries';

type Text = { q: string[]; short: string; details: string; next: string };
type Item = { id: string; topic: string; legal: string[]; sources: string[]; reviewed: string; concepts: string[]; de: Text; en: Text };
const entry = questionEntries<Item>();

// [entry, pattern the German short must match, pattern the English short must match]
const facts: [string, RegExp, RegExp][] = [
  ['restraint_court_approval_how', /^Im Heim[^.]*Genehmigung des Betreuungsgerichts, auch mit Vollmacht[\s\S]*ärztlichen Zeugnis[\s\S]*persönlich an[^.]*Verfahrenspfleger/,
    /^In a home[^.]*guardianship court's approval, even with a power of attorney[\s\S]*doctor's certificate[\s\S]*in person[^.]*procedural representative/],
  ['restraint_approval_duration', /^Nicht für immer: [^.]*spätestens nach einem Jahr[^.]*höchstens zwei Jahren[\s\S]*Verlängerung[\s\S]*sofort enden/,
    /^Not forever: [^.]*one year at the latest[^.]*at most two years[\s\S]*extension[\s\S]*stop at once/],
  ['restraint_alternatives', /Niedrigbett[^.]*Matte[^.]*Sensormatte[^.]*besser als ein Bettgitter[\s\S]*Werdenfelser Weg/,
    /low bed[^.]*mat[^.]*sensor mat[^.]*better than bed rails[\s\S]*Werdenfelser Weg/],
  ['scam_fake_police_calls', /nie mit der Nummer 110 an und verlangt niemals Geld[\s\S]*auflegen und selbst die 110 wählen/,
    /never call from the number 110 and never ask for money[\s\S]*hang up and dial 110 yourself/],
  ['financial_abuse_by_relative', /Betreuungsgericht[^:]*: [^.]*Kontrollbetreuer[^.]*Rechenschaft[\s\S]*Untreue[^.]*Anzeige bei der Polizei/,
    /guardianship court[^:]*: [^.]*supervisory guardian[^.]*accounts[\s\S]*breach of trust[^.]*report it to the police/],
  ['unwanted_contracts_consumer_advice', /binnen 14 Tagen ohne Begründung widerrufen[\s\S]*nicht mehr geschäftsfähig[^.]*unwirksam[\s\S]*Verbraucherzentrale/,
    /cancelled within 14 days without giving a reason[\s\S]*no longer legally capable[^.]*void[\s\S]*consumer advice centre/],
  ['travel_train_boarding_help', /Mobilitätsservice-Zentrale[^.]*kostenlos[^.]*bis 20 Uhr am Vortag[\s\S]*Merkzeichen B[^.]*auch im ICE und IC kostenlos[^.]*normale Fahrkarte[\s\S]*zwei Sitz/,
    /mobility service centre[^.]*by 8 pm the day before[\s\S]*mark B[^.]*free on ICE and IC[^.]*normal ticket[\s\S]*two seats/],
  ['disability_pass_token_which_trains', /S-Bahn, RB, RE und IRE, in der zweiten Klasse[\s\S]*In ICE, IC und EC gilt die Wertmarke nicht/,
    /S-Bahn, RB, RE and IRE, in second class[\s\S]*not valid on ICE, IC and EC/],
  ['travel_flight_assistance', /kostenlos; melden Sie sie mindestens 48 Stunden vor Abflug[\s\S]*Merkzeichen B gilt nur für Bus und Bahn[^.]*jede Fluggesellschaft selbst/,
    /free of charge[^;]*; request it at least 48 hours before departure[\s\S]*Mark B applies only to buses and trains[^.]*up to each airline/],
  ['carer_rehab_copayment', /\{\{b\.zuzahlung_stationaer_tag\}\} je Kalendertag[^;]*; drei Wochen sind 21 Tage[\s\S]*2 Prozent[^.]*1 Prozent[^.]*befreit/,
    /\{\{b\.zuzahlung_stationaer_tag\}\} per calendar day[^;]*; three weeks are 21 days[\s\S]*2 percent[^.]*1 percent[^.]*exempt/],
  ['carer_psychotherapy_appointment', /116 117[\s\S]*psychotherapeutische Sprechstunde, in der Regel innerhalb von vier Wochen[\s\S]*030 20179131/,
    /116 117[\s\S]*psychotherapy consultation[^.]*within four weeks[\s\S]*030 20179131/],
  ['daycare_absence_sick_days', /nur für Tage, an denen die Person wirklich in der Tagespflege war; für Fehltage zahlt sie nichts, auch das Sozialamt nicht[\s\S]*regelt Ihr Vertrag/,
    /only for days the person actually spent at day care; for missed days it pays nothing, nor does the social welfare office[\s\S]*set by your contract/],
  ['nursing_home_single_room_nrw', /Nordrhein-Westfalen[^.]*seit August 2018 mindestens 80 Prozent Einzelzimmer[^.]*neu gebaute nur Einzelzimmer[\s\S]*Paare/,
    /North Rhine-Westphalia[^.]*at least 80 percent single rooms since August 2018[^.]*new homes only single rooms[\s\S]*couples/],
  ['restraint_spouse_decides', /^Ja, aber nur kurz: [^.]*Ehepartner[^.]*höchstens sechs Wochen[\s\S]*Betreuungsgericht muss sie trotzdem genehmigen/,
    /^Yes, but only briefly: [^.]*spouse[^.]*at most six weeks[\s\S]*guardianship court must still approve/],
  ['legal_poa_must_name_restraint', /^Nur wenn die Vollmacht es ausdrücklich und schriftlich nennt[\s\S]*allgemeine Vollmacht reicht nicht[\s\S]*Betreuungsgericht zustimmen/,
    /^Only if it says so expressly and in writing[\s\S]*general power of attorney is not enough[\s\S]*guardianship court must approve/],
  ['legal_consent_reservation', /zusätzlich zu einer Betreuung[^:]*: [^.]*nur mit Zustimmung des Betreuers[\s\S]*erheblichen Gefahr[^.]*nie gegen den freien Willen/,
    /on top of a guardianship: [^.]*only with the guardian's consent[\s\S]*serious danger[^.]*never against their free will/],
  ['doorstep_fake_officials', /^Niemand muss Unbekannte in die Wohnung lassen[\s\S]*Dienstausweis[^.]*selbst herausgesuchten Nummer[\s\S]*110/,
    /^Nobody has to let strangers into the flat[\s\S]*ID card[^.]*number you look up yourself[\s\S]*110/],
  ['nursing_home_closed_ward', /ist das eine Unterbringung: nur erlaubt bei erheblicher Selbstgefährdung[^.]*vorheriger Genehmigung des Betreuungsgerichts[\s\S]*Vollmacht die Unterbringung ausdrücklich nennt[\s\S]*höchstens ein Jahr[^.]*zwei Jahre/,
    /that is a placement: [^.]*seriously endanger themselves[^.]*approves it in advance[\s\S]*names placement expressly[\s\S]*at most one year[^.]*two years/],
  ['carer_rehab_work_pay', /^Ja, als Arbeitnehmerin bekommen Sie[^.]*Lohn weiter[^.]*bis zu sechs Wochen[\s\S]*nicht auf Ihren Urlaub angerechnet/,
    /^Yes, as an employee you keep your pay[^.]*up to six weeks[\s\S]*may not be counted against your annual leave/],
  ['daycare_social_assistance', /^Ja, reichen Einkommen und Vermögen nicht, zahlt das Sozialamt ab Pflegegrad 2 als Hilfe zur Pflege auch die Tagespflege[\s\S]*Entlastungsbetrag[\s\S]*frühestens ab dem Tag/,
    /^Yes, if income and savings are not enough, the social welfare office pays for day care from care grade 2[\s\S]*relief amount[\s\S]*at the earliest on the day/],
  ['travel_holiday_with_care', /^Ja, auch im Urlaub zahlt die Pflegekasse: [^.]*Pflegesachleistung[^.]*ab Pflegegrad 2[^.]*Kurzzeit- oder Verhinderungspflege[\s\S]*Urlaub in Deutschland[\s\S]*Pflegegeld läuft weiter/,
    /^Yes, the care fund pays on holiday too: [^.]*care in kind[^.]*from care grade 2[^.]*short-term or respite care[\s\S]*holiday in Germany[\s\S]*care allowance continues/],
  ['disability_pass_parking_abroad', /blaue EU-Parkausweis gilt in allen Staaten der Europäischen Union[\s\S]*regelt jedes Land selbst[\s\S]*orange Parkausweis gilt nur in Deutschland/,
    /blue EU parking card is valid in all countries of the European Union[\s\S]*up to each country[\s\S]*orange parking badge is valid only in Germany/],
  ['young_carer_student_bafoeg', /^Ja, pflegen Sie zu Hause einen nahen Angehörigen mit mindestens Pflegegrad 3, wird BAföG über die Förderungshöchstdauer hinaus[\s\S]*Antrag auf Weiterförderung/,
    /^Yes, if you care at home for a close relative with at least care grade 3, BAföG continues beyond the maximum funding period[\s\S]*continued funding/],
  ['neighbour_hoarding_flat', /^Zuerst ist der Vermieter zuständig[\s\S]*nur ausnahmsweise[^;]*Seuchengefahr; Gestank und Ungeziefer allein reichen meist nicht[\s\S]*Sozialpsychiatrische Dienst[^.]*Betreuungsgericht/,
    /^The landlord comes first[\s\S]*only exceptionally[^;]*risk of infection; smell and vermin alone are usually not enough[\s\S]*social psychiatric service[^.]*guardianship court/],
  // sharpened: a partner without a care grade asks whether she may move in, not only who pays
  ['nursing_home_couple', /ohne Pflegegrad bekommt von der Pflegekasse nichts; ob er mit einziehen darf, entscheidet das Heim, einen Anspruch gibt es nicht/,
    /without a care grade gets nothing from the care fund; whether they may move in is up to the home, there is no right to it/],
];

const added = ['restraint_court_approval_how', 'restraint_approval_duration', 'restraint_alternatives', 'scam_fake_police_calls',
  'financial_abuse_by_relative', 'unwanted_contracts_consumer_advice', 'travel_train_boarding_help', 'disability_pass_token_which_trains',
  'travel_flight_assistance', 'carer_rehab_copayment', 'carer_psychotherapy_appointment', 'daycare_absence_sick_days',
  'nursing_home_single_room_nrw', 'restraint_spouse_decides', 'legal_poa_must_name_restraint', 'legal_consent_reservation',
  'doorstep_fake_officials', 'nursing_home_closed_ward', 'carer_rehab_work_pay', 'daycare_social_assistance',
  'travel_holiday_with_care', 'disability_pass_parking_abroad', 'young_carer_student_bafoeg',
  'neighbour_hoarding_flat'];

describe('sixth-round forum entries (content13) keep the fact the question turns on', () => {
  test.each(facts)('%s', (id, de, en) => {
    expect(entry(id).de.short).toMatch(de);
    expect(entry(id).en.short).toMatch(en);
  });

  test.each(added)('%s has varied variants in both languages, a legal basis, a source, a review date and known concepts', (id) => {
    expectWellFormedEntry(entry(id), '2026-12-07');
  });

  test('the single-room quota lives in the state layer; the federal entries of this round name no state', () => {
    const nrw = JSON.parse(fs.readFileSync(path.join(__dirname, '../../knowledge/nrw/questions/forum6_nrw_content13.json'), 'utf8')) as { questions: { id: string }[] };
    expect(nrw.questions.map((q) => q.id)).toEqual(['nursing_home_single_room_nrw']);
    for (const id of added.filter((i) => i !== 'nursing_home_single_room_nrw')) {
      expect(`${entry(id).de.short} ${entry(id).de.details}`).not.toMatch(/Nordrhein-Westfalen|NRW/);
    }
  });

  test('the rehab co-payment is the dated per-day amount of the benefits table, never a typed figure', () => {
    const table = JSON.parse(fs.readFileSync(path.join(__dirname, '../../knowledge/federal/benefits.json'), 'utf8')) as { benefits: { id: string }[] };
    expect(table.benefits.some((b) => b.id === 'zuzahlung_stationaer_tag')).toBe(true);
    expect(entry('carer_rehab_copayment').de.short).not.toMatch(/10 (€|Euro)/);
  });

  test('court approval in a home and milder means stay separate answers: approval is the last resort', () => {
    expect(entry('restraint_alternatives').de.details).toMatch(/nur genehmigen, wenn mildere Mittel wie diese nicht reichen/);
    expect(entry('restraint_court_approval_how').de.details).toMatch(/nur wenn mildere Mittel nicht reichen/);
  });
});
