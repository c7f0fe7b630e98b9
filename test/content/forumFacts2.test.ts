// The deciding facts of the second round of forum-question entries (content-b, session 9): each short
// answer keeps the figure, deadline, condition or contact the question turns on, in both languages,
// and the sharpened entries keep what was added to them. Checked on the real content files.
import * as fs from 'fs';
import * as path from 'path';

const K = path.join(__dirname, '../../knowledge');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(K, file), 'utf8'));

type Text = { q: string[]; short: string };
type Item = { id: string; sources: string[]; legal: string[]; de: Text; en: Text };
const items = new Map<string, Item>();
for (const a of read('federal/answers.json').answers as Item[]) items.set(a.id, a);
for (const f of fs.readdirSync(path.join(K, 'federal', 'questions'))) {
  for (const q of read(`federal/questions/${f}`).questions as (Item & { formerIds?: string[] })[]) {
    items.set(q.id, q);
    // an entry merged into another is checked on the entry it was merged into (content17)
    for (const id of q.formerIds ?? []) items.set(id, q);
  }
}
const item = (id: string): Item => {
  const it = items.get(id);
  if (!it) throw new Error(`no answer or entry "${id}"`);
  return it;
};

// [entry, pattern the German short must match, pattern the English short must match]
const facts: [string, RegExp, RegExp][] = [
  ['rehab_geriatric', /Muster 61[\s\S]*Krankenkasse[\s\S]*Ab 70 Jahren[\s\S]*\{\{b\.zuzahlung_stationaer_tag\}\}/, /Muster 61[\s\S]*health insurer[\s\S]*age 70[\s\S]*\{\{b\.zuzahlung_stationaer_tag\}\}/],
  ['rehab_after_hospital', /Sozialdienst[\s\S]*14 Tage nach der Entlassung[\s\S]*28 Tage/, /social service[\s\S]*14 days after discharge[\s\S]*28 days/],
  ['end_of_life_thirst_mouth_care', /trockener Mund[^.]*Mundpflege, nicht eine Infusion/, /dry mouth[^.]*mouth care helps[^.]*not a drip/],
  ['work_leave_notice_periods', /10 Arbeitstage[^.]*schriftlich[^.]*8 Wochen[\s\S]*keine Frist[\s\S]*verliert sie nicht/, /10 working days[^.]*8 weeks[\s\S]*no notice period[\s\S]*do not lose it/],
  ['social_outings_companion', /\{\{b\.entlastungsbetrag\}\}[^.]*anerkannten[\s\S]*Pflegegrad 2[^.]*Verhinderungspflege[\s\S]*Merkzeichen B/, /\{\{b\.entlastungsbetrag\}\}[^.]*approved[\s\S]*grade 2[^.]*Verhinderungspflege[\s\S]*mark B/],
  ['nursing_home_couple_together', /Einen Anspruch darauf gibt es nicht[^.]*entscheidet das Heim[\s\S]*nur für den Partner mit Pflegegrad/, /There is no right to it[^.]*the home decides[\s\S]*only pays for the partner with a care grade/],
  ['legal_replace_professional_guardian', /Berufsbetreuer entlassen, wenn[^.]*ehrenamtlich/, /dismiss a professional guardian if[^.]*volunteer/],
  ['loneliness_phone_line', /0800 4 70 80 90, täglich von 8 bis 22 Uhr, kostenlos/, /0800 4 70 80 90, daily from 8 am to 10 pm, free of charge/],
  ['discharge_transport_home', /Krankenkasse[^.]*medizinischen Gründen[\s\S]*Genehmigung[^.]*nicht[\s\S]*10 Prozent[^.]*\{\{b\.zuzahlung_min\}\}[^.]*\{\{b\.zuzahlung_max\}\}/, /health insurer[^.]*medically necessary[\s\S]*do not need the insurer's approval[\s\S]*10 percent[^.]*\{\{b\.zuzahlung_min\}\}[^.]*\{\{b\.zuzahlung_max\}\}/],
  ['hospice_vs_palliative_ward', /Palliativstation gehört zum Krankenhaus[\s\S]*\{\{b\.zuzahlung_stationaer_tag\}\}[\s\S]*ohne feste Zeitgrenze[^.]*keinen Eigenanteil/, /palliative ward is part of a hospital[\s\S]*\{\{b\.zuzahlung_stationaer_tag\}\}[\s\S]*without a fixed time limit[^.]*no own share/],
  ['respite_no_short_term_place', /anderen geeigneten Einrichtung[\s\S]*Verhinderungspflege ab Pflegegrad 2[\s\S]*Übergangspflege[^.]*10 Tage/, /another suitable facility[\s\S]*Verhinderungspflege\) from care grade 2[\s\S]*transitional care[^.]*10 days/],
  ['family_who_decides_nursing_home', /selbst, solange sie ihren Willen bilden können[\s\S]*Vorsorgevollmacht[\s\S]*Wünschen der Person[\s\S]*Geschwister haben[^.]*kein Entscheidungsrecht/, /decides for themselves as long as[\s\S]*power of attorney[\s\S]*person's wishes[\s\S]*Siblings have no right to decide/],
  ['legal_guardian_visit_ban', /wenn die betreute Person das selbst wünscht oder[^.]*konkrete, erhebliche Gefahr[\s\S]*Betreuungsgericht/, /only if the person wishes it themselves or[^.]*concrete, serious danger[\s\S]*guardianship court/],
  // sharpened in this round
  ['carer_rehab_kur', /ambulante Angebote vorher nicht[\s\S]*mit in dieselbe Einrichtung/, /outpatient options need not be tried first[\s\S]*come along to the same facility/],
  ['hospice_sapv', /rund um die Uhr erreichbar[\s\S]*zahlen nichts/, /round the clock[\s\S]*costs the insured person nothing/],
  ['hospital_discharge', /kein Platz[^.]*bis zu 10 Tage zur Übergangspflege/, /no place[^.]*up to 10 days as transitional care/],
  ['discharge_transitional_care', /bis zu 10 Tage[\s\S]*\{\{b\.zuzahlung_stationaer_tag\}\} je Tag[^.]*28 Tage/, /up to 10 days[\s\S]*\{\{b\.zuzahlung_stationaer_tag\}\} per day[^.]*28 days/],
];

const added = ['rehab_geriatric', 'rehab_after_hospital', 'end_of_life_thirst_mouth_care', 'work_leave_notice_periods',
  'social_outings_companion', 'nursing_home_couple_together', 'legal_replace_professional_guardian', 'loneliness_phone_line',
  'discharge_transport_home', 'hospice_vs_palliative_ward', 'respite_no_short_term_place', 'family_who_decides_nursing_home', 'legal_guardian_visit_ban'];

describe('second-round forum entries keep the fact the question turns on', () => {
  test.each(facts)('%s', (id, de, en) => {
    expect(item(id).de.short).toMatch(de);
    expect(item(id).en.short).toMatch(en);
  });

  test.each(added)('%s has varied variants in both languages, a legal basis and a source', (id) => {
    const it = item(id);
    expect(new Set(it.de.q.map((q) => q.toLowerCase())).size).toBeGreaterThanOrEqual(6);
    expect(new Set(it.en.q.map((q) => q.toLowerCase())).size).toBeGreaterThanOrEqual(5);
    expect(it.legal.length).toBeGreaterThan(0);
    expect(it.sources.length).toBeGreaterThan(0);
  });

  test('the daily co-payment the new entries name is a dated row of the benefits table', () => {
    const rows = read('federal/benefits.json').benefits as { id: string; law: string; values: { validFrom: string; value: number; source: string }[] }[];
    const row = rows.find((b) => b.id === 'zuzahlung_stationaer_tag');
    expect(row).toBeDefined();
    expect(row!.law).toBe('§ 61 Satz 2 SGB V');
    expect(row!.values).toEqual([{ validFrom: '2004-01-01', value: 10, source: 'sgb5' }]);
  });
});
