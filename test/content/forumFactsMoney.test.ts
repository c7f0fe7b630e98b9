// The deciding facts of the forum-question entries on money and procedures (content-a, second round):
// each short answer must carry the figure, deadline or condition the question turns on, in both
// languages, and the amounts it names must come from dated rows of the benefits table. Checked on the
// real content files, not on fixtures.
import * as fs from 'fs';
import * as path from 'path';
import { questionEntries } from '../helpers/questionEntries';

const K = path.join(__dirname, '../../knowledge');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(K, file), 'utf8'));

type Text = { short: string; shortWithGrade?: string; details: string; next: string };
type Item = { id: string; legal: string[]; sources: string[]; de: Text; en: Text };
const entry = questionEntries<Item>();

// [entry, pattern the German short must match, pattern the English short must match]
const facts: [string, RegExp, RegExp][] = [
  ['short_term_care_no_place', /\{\{b\.entlastungsbudget\}\} für Verhinderungspflege[\s\S]*andere[nr]? geeignete[nr]? Einrichtung/,
    /\{\{b\.entlastungsbudget\}\} for respite care[\s\S]*another suitable facility/],
  ['home_adaptation_already_done', /Bundessozialgericht schließt ein schon fertiger Umbau den Zuschuss[\s\S]*nicht aus/,
    /Federal Social Court[^.]*already been finished does not rule out/],
  ['disability_pass_free_travel_token', /\{\{b\.wertmarke_jahr\}\}[^.]*\{\{b\.wertmarke_halbjahr\}\}[\s\S]*Kostenlos[^.]*„H“ oder „Bl“/,
    /\{\{b\.wertmarke_jahr\}\}[^.]*\{\{b\.wertmarke_halbjahr\}\}[\s\S]*free with "H" or "Bl"/],
  ['assessment_fast_care_leave', /Pflegezeit[^.]*innerhalb von 10 Arbeitstagen/, /care leave[^.]*within 10 working days/],
  ['nursing_home_couple', /für jede Person getrennt[\s\S]*ohne Pflegegrad bekommt von der Pflegekasse nichts/,
    /for each person separately[\s\S]*without a care grade gets nothing from the care fund/],
  ['transport_companion_free', /Begleitperson kostenlos mit[^.]*Fernzügen der Deutschen Bahn/, /companion travels free[^.]*long-distance trains/],
  ['meals_on_wheels_costs', /Mahlzeiten nicht, auch nicht über den Entlastungsbetrag/, /does not reimburse meals, not from the relief amount either/],
];

describe('money and procedure entries keep the fact the question turns on', () => {
  test.each(facts)('%s', (id, de, en) => {
    expect(entry(id).de.short).toMatch(de);
    expect(entry(id).en.short).toMatch(en);
  });

  test('each of these entries names its legal basis and at least one source', () => {
    for (const [id] of facts) {
      expect(entry(id).legal.length).toBeGreaterThan(0);
      expect(entry(id).sources.length).toBeGreaterThan(0);
    }
  });

  test('day care names the amount of the grade told, in both languages', () => {
    const it = entry('daycare_on_top');
    expect(it.de.shortWithGrade).toMatch(/Pflegegrad \{\{grade\}\}[^.]*\{\{b\.tagespflege\.grade\}\}/);
    expect(it.en.shortWithGrade).toMatch(/care grade \{\{grade\}\}[^.]*\{\{b\.tagespflege\.grade\}\}/);
  });
});

describe('the Wertmarke amounts are dated rows with a source', () => {
  type Row = { id: string; law: string; values: { validFrom: string; value: number; source: string }[] };
  const rows = read('federal/benefits.json').benefits as Row[];
  const sources = new Set((read('sources.json').sources as { id: string }[]).map((s) => s.id));
  test.each([['wertmarke_jahr', 104], ['wertmarke_halbjahr', 53]] as [string, number][])('%s', (id, value) => {
    const row = rows.find((r) => r.id === id);
    expect(row).toBeDefined();
    const latest = row!.values[row!.values.length - 1];
    expect(latest).toEqual({ validFrom: '2025-01-01', value, source: 'gegenhartz_wertmarke' });
    expect(sources.has(latest.source)).toBe(true);
    expect(row!.law).toMatch(/§ 228/);
  });
});
