// The deciding facts of the forum-question entries (content-b): each short answer must carry the
// figure, deadline or condition the question turns on, in both languages, so that a later edit
// cannot quietly drop it. Checked on the real content files, not on fixtures.
import * as fs from 'fs';
import * as path from 'path';

const K = path.join(__dirname, '../../knowledge');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(K, file), 'utf8'));

type Text = { short: string; details: string; next: string };
type Item = { id: string; legal: string[]; de: Text; en: Text };
const items = new Map<string, Item>();
for (const a of read('federal/answers.json').answers as Item[]) items.set(a.id, a);
for (const layer of ['federal', 'nrw']) {
  for (const f of fs.readdirSync(path.join(K, layer, 'questions'))) {
    for (const q of read(`${layer}/questions/${f}`).questions as Item[]) items.set(q.id, q);
  }
}
const short = (id: string, lang: 'de' | 'en'): string => {
  const it = items.get(id);
  if (!it) throw new Error(`no answer or entry "${id}"`);
  return it[lang].short;
};

// [entry, pattern the German short must match, pattern the English short must match]
const facts: [string, RegExp, RegExp][] = [
  ['dementia_doorstep_contract', /14 Tagen[\s\S]*12 Monate und 14 Tage/, /14 days[\s\S]*12 months and 14 days/],
  ['dementia_bed_rails_restraint', /Betreuungsgericht genehmigen[\s\S]*§ 1831 Abs\. 4 BGB/, /guardianship court must approve[\s\S]*§ 1831\(4\) BGB/],
  ['dementia_door_alarm_locking', /zu Hause[^.]*nicht vorgeschrieben, wohl aber im Heim/, /not required at home[^.]*but it is in a care home/],
  ['dementia_gps_tracker', /Zustimmung/, /consent/],
  ['home_nursing_copayment', /10 Prozent[^.]*ersten 28 Tage[^.]*\{\{b\.zuzahlung_verordnung\}\}/, /10 percent[^.]*first 28 days[^.]*\{\{b\.zuzahlung_verordnung\}\}/],
  ['home_nursing_relative_in_household', /nur, soweit eine Person im Haushalt sie nicht leisten kann/, /only to the extent that no one in the household can provide it/],
  ['legal_feeding_tube', /Patientenverfügung[\s\S]*mutmaßliche Wille/, /living will[\s\S]*presumed will/],
  ['legal_doctor_family_disagree', /nur entscheiden, wenn[^.]*nicht einig/, /only has to decide if[^.]*disagree/],
  ['legal_volunteer_guardian_allowance', /Ende Juni des folgenden Jahres/, /30 June of the following year/],
  ['legal_urgent_guardianship', /höchstens sechs Monate[^.]*bis zu ein Jahr/, /six months at most[^.]*up to a year/],
  ['legal_guardian_flat_notice', /Genehmigung des Betreuungsgerichts/, /approval from the guardianship court/],
  ['carer_no_duty_to_care', /Nein, kein Gesetz verpflichtet[\s\S]*\{\{b\.elternunterhalt_grenze\}\}/, /No, no law obliges[\s\S]*\{\{b\.elternunterhalt_grenze\}\}/],
  ['carer_estranged_parent', /Betreuer wird nur, wer sich dazu bereit erklärt/, /only someone who agrees can be appointed/],
  ['work_leave_close_relatives', /Tante, Onkel[^.]*zählen nicht/, /Aunts, uncles[^.]*do not count/],
  ['work_leave_relative_in_nursing_home', /nur, wenn Sie den Angehörigen zu Hause pflegen/, /only available if you care for the relative in a home setting/],
  ['work_leave_early_end', /vier Wochen danach/, /four weeks later/],
  ['work_leave_holiday_reduction', /um ein Zwölftel[\s\S]*keine Kürzung/, /by one twelfth[\s\S]*no reduction/],
  ['work_leave', /unbezahlt[^.]*zinsloses Darlehen/, /unpaid[^.]*interest-free loan/],
  ['live_in_legal_models', /Mindestlohn und Arbeitszeitgesetz/, /Minimum wage and working time law/],
  ['legal_without_power_of_attorney', /nicht aber bei Geld/, /not for money/],
  ['disability_pass_mark_g', /Beides zugleich geht bei G nicht/, /you cannot have both/],
  ['end_of_life_death_at_home', /116 117[\s\S]*112/, /116 117[\s\S]*112/],
];

describe('forum entries keep the fact the question turns on', () => {
  test.each(facts)('%s', (id, de, en) => {
    expect(short(id, 'de')).toMatch(de);
    expect(short(id, 'en')).toMatch(en);
  });
});
