// The deciding facts of the third round of forum-question entries (content-d, session 10): each new or
// sharpened short answer keeps the rule, figure or contact the question turns on, in both languages.
// Checked on the real content files.
import * as fs from 'fs';
import * as path from 'path';

const K = path.join(__dirname, '../../knowledge');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(K, file), 'utf8'));

type Text = { q: string[]; short: string };
type Item = { id: string; sources: string[]; legal: string[]; concepts: string[]; de: Text; en: Text };
const items = new Map<string, Item>();
for (const f of fs.readdirSync(path.join(K, 'federal', 'questions'))) {
  for (const q of read(`federal/questions/${f}`).questions as Item[]) items.set(q.id, q);
}
const item = (id: string): Item => {
  const it = items.get(id);
  if (!it) throw new Error(`no entry "${id}"`);
  return it;
};

// [entry, pattern the German short must match, pattern the English short must match]
const facts: [string, RegExp, RegExp][] = [
  ['dementia_liability_damage', /haftet[^.]*in der Regel nicht selbst[\s\S]*nicht automatisch[^.]*Aufsichtspflicht[\s\S]*Haftpflichtversicherung[^.]*deliktunfähige/, /usually not liable[\s\S]*not liable automatically[^.]*duty of supervision[\s\S]*liability insurance[^.]*not legally responsible/],
  ['dementia_covert_medication', /^Nein[^.]*nicht heimlich ins Essen[^.]*Zwangsmaßnahme[^.]*Krankenhaus[^.]*Betreuungsgerichts[\s\S]*Bevollmächtigter oder Betreuer/, /^No[^.]*secretly mixed into food[^.]*compulsory medical measure[^.]*hospital[^.]*guardianship court[\s\S]*attorney or legal guardian/],
  ['dementia_stove_fire_safety', /Herdsicherung schaltet den Herd automatisch ab[\s\S]*Pflegekasse[^.]*Wohnungsanpassung[^.]*\{\{b\.wohnumfeld\}\}[^.]*vor dem Einbau[\s\S]*Rauchmelder/, /stove guard switches the cooker off automatically[\s\S]*care fund[^.]*home adaptation[^.]*\{\{b\.wohnumfeld\}\}[^.]*before it is fitted[\s\S]*smoke alarms/],
  ['hospice_stay_duration', /(keine feste Höchstdauer|feste Höchstdauer gibt es nicht)[\s\S]*vier Wochen[^.]*verlängert/, /no fixed maximum[\s\S]*four weeks[^.]*extends/],
  ['family_hospital_pressure', /nicht verpflichtet[\s\S]*Aufgabe des Krankenhauses \(Entlassmanagement\)[\s\S]*bis zu 10 Tage zur Übergangspflege/, /not obliged[\s\S]*hospital's task \(discharge management\)[\s\S]*up to 10 days of transitional care/],
  ['confused_person_found_outside', /ruhig[^.]*bleiben Sie bei ihr[^.]*110[\s\S]*112/, /calmly[^.]*stay with them[^.]*110[\s\S]*112/],
  ['end_of_life_ethics_case_conference', /ethischen Fallbesprechung[^.]*was die Person gewollt hätte[^.]*Angehörige können sie erbitten[\s\S]*Bevollmächtigte oder Betreuer[^.]*medizinisch für sinnvoll[\s\S]*Betreuungsgericht/, /ethics case conference[^.]*what the person would have wanted[^.]*relatives can ask for one[\s\S]*attorney or guardian[^.]*medically indicated[\s\S]*guardianship court/],
  ['home_care_contract_provider_terminates', /nicht zur Unzeit[^.]*anderweitig sichern[^.]*wichtigen Grund \(§ 627 BGB\)[\s\S]*Schaden ersetzen[\s\S]*Pflegeberatung/, /not at a bad moment[^.]*arrange care elsewhere[^.]*important reason \(§ 627 BGB\)[\s\S]*pay for the damage[\s\S]*care counselling/],
  ['work_leave_not_close_relative', /^Nein[^.]*nur für nahe Angehörige[^.]*Tante, Onkel, Pflegeeltern[\s\S]*freiwillig[\s\S]*10 Stunden pro Woche[^.]*Rentenbeiträge/i, /^No[^.]*only[^.]*close relatives[^.]*aunts, uncles, foster parents[\s\S]*voluntarily[\s\S]*10 hours a week[^.]*pension contributions/],
  ['end_of_life_dying_at_home', /SAPV\) verordnen[^.]*rund um die Uhr[^.]*Krankenkasse zahlt[\s\S]*Hospizdienst[^.]*kostenlos[\s\S]*fünf Arbeitstagen/, /\(SAPV\)[^.]*round the clock[^.]*health insurer pays[\s\S]*hospice service[^.]*free of charge[\s\S]*five working days/],
  ['carer_rehab_repeat_rejected', /frühestens vier Jahre nach der letzten[^.]*medizinischen Gründen dringend[\s\S]*innerhalb eines Monats[^.]*Widerspruch/, /at the earliest four years after the last one[^.]*urgently needed for medical reasons[\s\S]*object within one month/],
  ['loneliness_in_nursing_home', /Anspruch auf zusätzliche Betreuung und Aktivierung[^.]*Pflegekasse[\s\S]*Entlastungsbetrag gibt es dort aber nicht/, /right to additional support and activities[^.]*care fund[\s\S]*relief amount, however, is not available there/],
  // sharpened in this round: the loan is named where people ask "can I, and what do we live on"
  ['work_leave_end_of_life', /\{\{b\.sterbebegleitung\}\} Monate[\s\S]*zinsloses Darlehen[^.]*BAFzA|BAFzA[^.]*zinsloses Darlehen/, /\{\{b\.sterbebegleitung\}\} months[\s\S]*BAFzA[^.]*interest-free loan/],
  ['work_leave_pflegezeit', /mehr als 15 Beschäftigten[\s\S]*zinsloses Darlehen des BAFzA/, /more than 15 staff[\s\S]*interest-free loan from the BAFzA/],
  ['work_leave_familienpflegezeit', /mehr als 25 Beschäftigten[\s\S]*zinsloses Darlehen des BAFzA/, /more than 25 staff[\s\S]*interest-free loan from the BAFzA/],
  ['short_term_care_no_place', /Krankenhaus[^.]*bis zu 10 Tage zur Übergangspflege/, /hospital[^.]*up to 10 days of transitional care/],
  ['work_leave_close_relatives', /Tante, Onkel, Pflegeeltern[^.]*zählen nicht dazu/, /Aunts, uncles, foster parents[^.]*do not count/],
];

const added = ['dementia_liability_damage', 'dementia_covert_medication', 'dementia_stove_fire_safety', 'hospice_stay_duration',
  'family_hospital_pressure', 'confused_person_found_outside', 'end_of_life_ethics_case_conference',
  'home_care_contract_provider_terminates', 'work_leave_not_close_relative', 'end_of_life_dying_at_home',
  'carer_rehab_repeat_rejected', 'loneliness_in_nursing_home'];

describe('third-round forum entries keep the fact the question turns on', () => {
  test.each(facts)('%s', (id, de, en) => {
    expect(item(id).de.short).toMatch(de);
    expect(item(id).en.short).toMatch(en);
  });

  test.each(added)('%s has varied variants in both languages, a legal basis, a source and a known concept', (id) => {
    const it = item(id);
    expect(new Set(it.de.q.map((q) => q.toLowerCase())).size).toBeGreaterThanOrEqual(6);
    expect(new Set(it.en.q.map((q) => q.toLowerCase())).size).toBeGreaterThanOrEqual(5);
    expect(it.legal.length).toBeGreaterThan(0);
    expect(it.sources.length).toBeGreaterThan(0);
    const known = new Set((read('concepts.json').concepts as { id: string }[]).map((c) => c.id));
    for (const c of it.concepts) expect(known.has(c)).toBe(true);
  });

  test('the sharpened leave entries cite the loan law', () => {
    for (const id of ['work_leave_end_of_life', 'work_leave_pflegezeit', 'work_leave_familienpflegezeit']) {
      expect(item(id).legal).toContain('§ 3 FPfZG');
    }
  });
});
