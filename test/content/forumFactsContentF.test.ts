// The deciding facts of the fourth round of forum-question entries (content-f: living together, dementia
// at night, refusal, end of life, the carer's own situation): each new or sharpened short answer keeps the
// rule, condition or contact the question turns on, in both languages. Checked on the real content files.
import { expectWellFormedEntry, questionEntries } from '../helpers/questionEntries';

type Text = { q: string[]; short: string; details: string; next: string };
type Item = { id: string; topic: string; legal: string[]; sources: string[]; reviewed: string; concepts: string[]; de: Text; en: Text };
const entry = questionEntries<Item>();

// [entry, pattern the German short must match, pattern the English short must match]
const facts: [string, RegExp, RegExp][] = [
  // new entries
  ['housing_assisted_living_more_care', /beide[^.]*bleiben[^.]*Wohnen zu Hause[^.]*Pflegegeld oder Pflegesachleistung[\s\S]*erst nötig, wenn[^.]*nicht mehr gesichert/,
    /both can usually stay[^.]*living at home[^.]*care allowance or in-kind benefits[\s\S]*only needed when[^.]*can no longer be secured/],
  ['housing_assisted_living_provider_notice', /normalen Mietvertrag[^.]*kein Kündigungsgrund[\s\S]*gekoppelt[^.]*nur schriftlich aus wichtigem Grund[^.]*Anpassung abgelehnt oder vorab gesondert ausgeschlossen/,
    /ordinary tenancy[^.]*no reason for notice[\s\S]*tied in one contract[^.]*written notice for an important reason[^.]*adjustment was refused or excluded in advance/],
  ['dementia_bed_rails_home', /^Nein[^.]*Genehmigung des Betreuungsgerichts[^.]*zu Hause[^.]*nicht vorgeschrieben[^.]*Heim[\s\S]*Zustimmung der Person[^.]*Bevollmächtigten oder Betreuers[\s\S]*Niedrigbett[^.]*Sensormatte/,
    /^No[^.]*court approval[^.]*not required at home[^.]*care home[\s\S]*consent[^.]*attorney or legal guardian[\s\S]*low bed[^.]*sensor mat/],
  ['dementia_refuses_care_service', /Zwingen dürfen Sie niemanden[^.]*Hilfe ablehnen[^.]*nicht mit Gewalt[\s\S]*dieselbe Person[\s\S]*Hausärztin/,
    /may not force anyone[^.]*refuse help[^.]*not push care through by force[\s\S]*same carer[\s\S]*GP/],
  ['end_of_life_grief_guilt', /Zweifel[^.]*sehr häufig[^.]*Mundpflege[\s\S]*Hospizdienste[^.]*Trauer[^.]*kostenlos[\s\S]*Pflegetelefon unter 030 20179131/,
    /doubts are very common[^.]*mouth care[\s\S]*hospice services[^.]*bereavement[^.]*free[\s\S]*Pflegetelefon, 030 20179131/],
  ['carer_young_carer_worried_parent', /Nummer gegen Kummer unter 116 111[^.]*Pausentaste[\s\S]*Pflegeberatung[^.]*Verhinderungs- oder Kurzzeitpflege[^.]*Entlastungsbetrag[\s\S]*030 20179131/,
    /Nummer gegen Kummer on 116 111[^.]*Pausentaste[\s\S]*care counselling[^.]*respite or short-term care[^.]*relief amount[\s\S]*030 20179131/],
  // sharpened short answers
  ['legal_doctor_family_disagree', /^Geschwister[^:]*ohne Vollmacht haben kein Entscheidungsrecht[\s\S]*Bevollmächtigte oder Betreuer mit dem Arzt nach dem Willen der Person[\s\S]*Betreuungsgericht muss nur entscheiden, wenn Vertreter und Arzt sich nicht einig/,
    /^Siblings[^:]*without a power of attorney have no right to decide[\s\S]*attorney or guardian decides with the doctor according to the person's will[\s\S]*guardianship court only has to decide if representative and doctor disagree/],
  ['legal_feeding_tube', /Patientenverfügung, die zur Lage passt, ist für Ärzte und Vertreter verbindlich, auch wenn die Ärztin die Sonde für sinnvoll hält[\s\S]*mutmaßliche Wille/,
    /living will that fits the situation binds doctors and representatives, even if the doctor thinks the tube is useful[\s\S]*presumed will/],
  ['carer_estranged_parent', /weder pflegen[^.]*Betreuer wird nur, wer sich dazu bereit erklärt[\s\S]*\{\{b\.elternunterhalt_grenze\}\}[^.]*ganz entfallen[^.]*misshandelt[^.]*\(§ 1611 BGB\)[\s\S]*Kontaktabbruch reicht dafür meist nicht/,
    /do not have to provide[^.]*only someone who agrees can be appointed[\s\S]*\{\{b\.elternunterhalt_grenze\}\}[^.]*lapse entirely[^.]*abused you[^.]*\(§ 1611 BGB\)[\s\S]*break in contact usually is not enough/],
  ['carer_young_carers', /Pausentaste[^.]*Nummer gegen Kummer unter 116 111/, /Pausentaste[^.]*Nummer gegen Kummer on 116 111/],
  ['dementia_door_alarm_locking', /einzuschließen[^.]*Zustimmung[^.]*Bevollmächtigten oder Betreuers[^.]*Betreuungsgerichts[^.]*zu Hause[^.]*nicht vorgeschrieben, wohl aber im Heim[\s\S]*Feuer oder Sturz[\s\S]*Türalarm oder Sensor[^.]*erlaubt/,
    /Locking someone in[^.]*consent[^.]*attorney or legal guardian[^.]*court approval is not required at home[^.]*but it is in a care home[\s\S]*fire or a fall[\s\S]*door alarm or sensor[^.]*allowed/],
  ['carer_burnout', /Pflegetelefon des Bundes unter 030 20179131/, /Pflegetelefon\) on 030 20179131/],
  ['housing_shared_flat_residents_pay', /\{\{b\.wohngruppenzuschlag\}\}[\s\S]*Sozialamt Hilfe zur Pflege auch in der WG[\s\S]*nur, wenn die WG unverhältnismäßig teurer und das Heim zumutbar/,
    /\{\{b\.wohngruppenzuschlag\}\}[\s\S]*care assistance in the flat too[\s\S]*only point to a care home if the flat costs disproportionately more and the home is reasonable/],
  ['daycare_night_care', /\{\{b\.tagespflege\.2\}\} bis \{\{b\.tagespflege\.5\}\}[\s\S]*nachts zu Hause[^.]*Verhinderungspflege stundenweise/,
    /\{\{b\.tagespflege\.2\}\} to \{\{b\.tagespflege\.5\}\}[\s\S]*at home at night[^.]*respite care[^.]*by the hour/],
];

const added = ['housing_assisted_living_more_care', 'housing_assisted_living_provider_notice', 'dementia_bed_rails_home',
  'dementia_refuses_care_service', 'end_of_life_grief_guilt', 'carer_young_carer_worried_parent'];

describe('fourth-round forum entries (content-f) keep the fact the question turns on', () => {
  test.each(facts)('%s', (id, de, en) => {
    expect(entry(id).de.short).toMatch(de);
    expect(entry(id).en.short).toMatch(en);
  });

  test.each(added)('%s has varied variants in both languages, a legal basis, a source, a review date and known concepts', (id) => {
    expectWellFormedEntry(entry(id), '2026-12-06');
  });

  test('the estranged-parent answer cites the forfeiture rule and the hardship clause', () => {
    expect(entry('carer_estranged_parent').legal).toEqual(expect.arrayContaining(['§ 1611 BGB', '§ 94 Abs. 3 SGB XII']));
  });

  test('bed rails at home and in a home stay two answers that say opposite things about the court', () => {
    expect(entry('dementia_bed_rails_home').de.short).toMatch(/nicht vorgeschrieben/);
    expect(entry('dementia_bed_rails_restraint').de.short).toMatch(/Betreuungsgericht genehmigen/);
  });
});
