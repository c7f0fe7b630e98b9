// The deciding facts of the third round of forum-question entries (content-c: money, benefits,
// procedures, homes): each new or sharpened short answer must carry the figure, rule or condition the
// question turns on, in both languages, and the amounts it names must come from dated rows of the
// benefits table. Checked on the real content files, not on fixtures.
import * as fs from 'fs';
import * as path from 'path';
import { questionEntries } from '../helpers/questionEntries';

const K = path.join(__dirname, '../../knowledge');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(K, file), 'utf8'));

type Text = { q: string[]; short: string; details: string; next: string };
type Item = { id: string; legal: string[]; sources: string[]; reviewed: string; de: Text; en: Text };
const entry = questionEntries<Item>();

// [entry, pattern the German short must match, pattern the English short must match]
const newFacts: [string, RegExp, RegExp][] = [
  ['objection_downgrade_old_grade', /aufschiebende Wirkung[^.]*bis zum Widerspruchsbescheid weiter nach dem alten Pflegegrad[\s\S]*Erst eine Klage/,
    /suspensive effect[^.]*keep paying by the old care grade until[\s\S]*Only a lawsuit/],
  ['carer_tax_parents_maintenance', /§ 33a EStG[^.]*\{\{b\.unterhalt_hoechstbetrag\}\} im Jahr[\s\S]*\{\{b\.unterhalt_anrechnungsfrei\}\}/,
    /§ 33a EStG[^.]*\{\{b\.unterhalt_hoechstbetrag\}\} a year[\s\S]*\{\{b\.unterhalt_anrechnungsfrei\}\}/],
  ['aids_gps_tracker_costs', /selbst[\s\S]*Krankenkasse[^.]*im Einzelfall[^.]*Hilfsmittel[\s\S]*Verordnung/,
    /yourself[\s\S]*individual cases the health insurance fund must[^.]*as an aid[\s\S]*prescription/],
  ['apply_pre_insurance_what_counts', /2 Jahre in den letzten 10 Jahren[^.]*Familienversicherung[\s\S]*private Zeit direkt davor angerechnet/,
    /2 years within the last 10 years[^.]*family insurance[\s\S]*private time just before credited/],
  ['disability_pass_companion_admission', /keinen Rechtsanspruch|Einen Rechtsanspruch auf freien Eintritt gibt es nicht[\s\S]*freiwillig/,
    /no legal right to free admission[\s\S]*of their own accord/],
  ['nursing_home_housing_benefit', /Bewohner eines Pflegeheims können Wohngeld[\s\S]*Höchstbetrag der Mietstufe[\s\S]*ab dem Monat des Antrags/,
    /care home residents can also get housing benefit[\s\S]*maximum amount of the local rent level[\s\S]*from the month of the application/],
  ['daycare_nrw_investment_costs', /Investitionskosten[\s\S]*Nordrhein-Westfalen fördert das Land[^.]*je Besuchstag, unabhängig von Einkommen und Vermögen[\s\S]*\{\{b\.entlastungsbetrag\}\}/,
    /Investment costs[\s\S]*North Rhine-Westphalia the state subsidises[^.]*per attendance day, regardless of the guest's income and assets[\s\S]*\{\{b\.entlastungsbetrag\}\}/],
  ['disability_pass_car_tax', /H, Bl oder aG[^.]*ganz von der Kfz-Steuer befreit, mit G oder Gl[^.]*halbiert[^.]*Freifahrt/,
    /H, Bl or aG[^.]*fully exempt from vehicle tax; with G or Gl[^.]*halved[^.]*free local public transport/],
  ['disability_pass_retroactive', /ab dem Monat des Antrags[\s\S]*für frühere Zeit[^.]*besonderes Interesse[\s\S]*letzten vier Jahre/,
    /from the month of the application[\s\S]*earlier periods[^.]*special interest[\s\S]*last four years/],
];

// Short answers sharpened in this round: the plain phrasing or the figure people ask for.
const sharpened: [string, RegExp, RegExp][] = [
  ['allowance_counselling_visit', /einmal im Halbjahr, also alle sechs Monate/, /once every half-year, that is every six months/],
  ['apply_pre_insurance_missing', /Familienversicherung/, /family insurance/],
  ['objection_deadline', /ein Jahr Zeit\. Ist die Frist vorbei, bleibt ein Überprüfungsantrag nach § 44 SGB X/, /If the deadline has passed, a review request under § 44 SGB X remains/],
  ['live_in_minimum_wage', /\{\{b\.mindestlohn\}\} brutto je Stunde/, /\{\{b\.mindestlohn\}\} gross per hour/],
];

describe('content-c entries keep the fact the question turns on', () => {
  test.each([...newFacts, ...sharpened])('%s', (id, de, en) => {
    expect(entry(id).de.short).toMatch(de);
    expect(entry(id).en.short).toMatch(en);
  });

  test.each(newFacts.map(([id]) => [id]))('%s names legal basis, sources, review date and enough variants', (id) => {
    const it = entry(id);
    expect(it.legal.length).toBeGreaterThan(0);
    expect(it.sources.length).toBeGreaterThan(0);
    // written on 2026-12-06; a later review moves the date forward (issue 17 sharpened some of these on 2026-12-07)
    expect(it.reviewed >= '2026-12-06').toBe(true);
    expect(it.de.q.length).toBeGreaterThanOrEqual(6);
    expect(it.en.q.length).toBeGreaterThanOrEqual(5);
  });
});

describe('the amounts of the new answers are dated rows with a known source', () => {
  type Row = { id: string; law: string; values: { validFrom: string; value: number; source: string }[] };
  const rows = read('federal/benefits.json').benefits as Row[];
  const sources = new Set((read('sources.json').sources as { id: string }[]).map((s) => s.id));
  const latest: [string, string, number, RegExp][] = [
    ['unterhalt_hoechstbetrag', '2026-01-01', 12348, /§ 33a/],
    ['unterhalt_anrechnungsfrei', '2024-01-01', 624, /§ 33a/],
    ['unterhalt_vermoegensgrenze', '2023-01-01', 15500, /§ 33a/],
    ['mindestlohn', '2026-01-01', 13.9, /MiLoG/],
  ];
  test.each(latest)('%s', (id, validFrom, value, law) => {
    const row = rows.find((r) => r.id === id);
    expect(row).toBeDefined();
    const last = row!.values[row!.values.length - 1];
    expect(last.validFrom).toBe(validFrom);
    expect(last.value).toBe(value);
    for (const v of row!.values) expect(sources.has(v.source)).toBe(true);
    expect(row!.law).toMatch(law);
  });

  test('the maintenance maximum keeps its earlier years, so a change is not called new', () => {
    const row = rows.find((r) => r.id === 'unterhalt_hoechstbetrag')!;
    expect(row.values.map((v) => [v.validFrom, v.value])).toEqual([
      ['2024-01-01', 11604],
      ['2025-01-01', 12096],
      ['2026-01-01', 12348],
    ]);
  });
});
