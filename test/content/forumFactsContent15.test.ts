// The deciding facts of the eighth round of question entries (content15, issue 17): what no entry carried yet —
// a person with advanced dementia who hardly eats (no PEG in severe dementia, palliative care), the Hausnotruf and
// § 35a EStG, opening a relative's mail, contracts signed by a person with dementia, extra leave with a severe
// disability, dental prevention with a care grade, someone who refuses short-term care (cover at home from the same
// annual amount), voting with dementia or a guardianship and podiatry on prescription. Each short answer keeps the rule, condition or figure
// the question turns on, in both languages.
import * as fs from 'fs';
import * as path from 'path';
import { expectWellFormedEntry, questionEntries } from '../helpers/questionEntries';

type Text = { q: string[]; short: string; details: string; next: string };
type Item = { id: string; topic: string; legal: string[]; sources: string[]; reviewed: string; concepts: string[]; followUps: string[]; de: Text; en: Text };
const entry = questionEntries<Item>();
const K = path.join(__dirname, '../../knowledge');

// [entry, pattern the German short must match, pattern the English short must match]
const facts: [string, RegExp, RegExp][] = [
  ['dementia_late_stage_eating', /^Bei schwerer Demenz raten Fachgesellschaften von einer Magensonde \(PEG\) ab[\s\S]*Essen-Anreichen[^.]*mindestens so gut[\s\S]*Mund feucht halten[\s\S]*SAPV/,
    /^In severe dementia, medical societies advise against a feeding tube \(PEG\)[\s\S]*hand feeding[^.]*at least as good[\s\S]*mouth moist[\s\S]*SAPV/],
  ['emergency_call_tax', /^Ein reiner Hausnotruf[^.]*mindert die Steuer nicht[\s\S]*Hilfe in der Wohnung selbst[\s\S]*\{\{b\.haushaltsnahe_anteil\}\}[\s\S]*höchstens \{\{b\.haushaltsnahe_max\}\}/,
    /^A plain home emergency call[^.]*does not reduce tax[\s\S]*help inside the home[\s\S]*\{\{b\.haushaltsnahe_anteil\}\}[\s\S]*at most \{\{b\.haushaltsnahe_max\}\}/],
  ['legal_open_mail', /^Nur mit Befugnis[\s\S]*Briefgeheimnis[\s\S]*Betreuungsgericht ihr diese Aufgabe ausdrücklich übertragen[\s\S]*Vorsorgevollmacht die Post ausdrücklich nennt/,
    /^Only with authority[\s\S]*secrecy of correspondence[\s\S]*guardianship court has expressly given her this task[\s\S]*names mail expressly/],
  ['dementia_contract_validity', /^Die Diagnose allein macht einen Vertrag nicht unwirksam\. Nichtig ist er, wenn die Person beim Abschluss geschäftsunfähig war[\s\S]*beweisen, wer sich darauf beruft[\s\S]*Alltagskäufe[^.]*wirksam/,
    /^The diagnosis alone does not make a contract invalid\. It is void if the person lacked legal capacity when signing[\s\S]*whoever relies on this must prove it[\s\S]*everyday purchases[^.]*valid/],
  ['disability_extra_leave', /^Ja, wer schwerbehindert ist \(Grad der Behinderung ab 50\)[^.]*fünf Arbeitstagen im Jahr bei einer Fünftagewoche[\s\S]*Gleichgestellte[^.]*nicht/,
    /^Yes, whoever is severely disabled \(degree of disability 50 or more\)[^.]*five days of paid extra leave a year with a five-day week[\s\S]*equal status[^.]*do not get it/],
  ['dental_care_grade', /^Wer einen Pflegegrad hat \(1 bis 5\)[^:]*: einmal im Kalenderhalbjahr[\s\S]*Zahnstein[\s\S]*nach Hause oder ins Heim/,
    /^Anyone with a care grade \(1 to 5\)[^:]*: once every calendar half-year[\s\S]*tartar[\s\S]*to the home or the care home/],
  ['respite_refuses_short_term_care', /^Die Vertretung muss nicht im Heim sein: Verhinderungspflege gibt es auch zu Hause[\s\S]*stundenweise[^.]*Jahresbetrag wie die Kurzzeitpflege[\s\S]*vorher gemeinsam an/,
    /^Cover does not have to be in a home: replacement care \(Verhinderungspflege\) is also possible at home[\s\S]*by the hour[^.]*annual amount as short-term care[\s\S]*together first/],
  ['dementia_voting', /^Ja: Eine Demenz oder eine rechtliche Betreuung nimmt niemandem das Wahlrecht[^;]*; den Ausschluss[^.]*seit 2019 nicht mehr[\s\S]*nur, um umzusetzen, was die Person selbst erkennbar will[\s\S]*auch mit Vollmacht[^.]*strafbar/,
    /^Yes: dementia or a legal guardianship takes nobody's right to vote away[^;]*; the exclusion[^.]*abolished in 2019[\s\S]*only to carry out what the person clearly wants themselves[\s\S]*even with a power of attorney[^.]*punishable/],
  ['podiatry_prescription', /^Ja, die Krankenkasse zahlt Podologie, wenn die Ärztin sie verordnet[\s\S]*diabetischen Fußsyndrom und seit Juli 2020 auch bei Nervenschäden[\s\S]*10 Prozent und \{\{b\.zuzahlung_verordnung\}\} je Verordnung[\s\S]*Pflegegrad allein reicht nicht/,
    /^Yes, the health insurer pays for podiatry when the doctor prescribes it[\s\S]*diabetic foot syndrome and, since July 2020, also with nerve damage[\s\S]*10 percent and \{\{b\.zuzahlung_verordnung\}\} per prescription[\s\S]*care grade alone is not enough/],
];

const added = facts.map(([id]) => id);

describe('eighth-round entries (content15) keep the fact the question turns on', () => {
  test.each(facts)('%s', (id, de, en) => {
    expect(entry(id).de.short).toMatch(de);
    expect(entry(id).en.short).toMatch(en);
  });

  test.each(added)('%s has varied variants in both languages, a legal basis, a source, a review date and known concepts', (id) => {
    expectWellFormedEntry(entry(id), '2026-12-07');
  });

  test('the entries of this round are federal and name no state', () => {
    const file = JSON.parse(fs.readFileSync(path.join(K, 'federal/questions/forum8_content15.json'), 'utf8')) as { questions: { id: string }[] };
    expect(file.questions.map((q) => q.id)).toEqual(added);
    for (const id of added) {
      expect(`${entry(id).de.short} ${entry(id).de.details}`).not.toMatch(/Nordrhein-Westfalen|NRW|Mülheim/);
    }
  });

  test('the § 35a share and maximum are the dated rows of the benefits table, never typed figures', () => {
    const table = JSON.parse(fs.readFileSync(path.join(K, 'federal/benefits.json'), 'utf8')) as { benefits: { id: string; values: { value: number }[] }[] };
    expect(table.benefits.find((b) => b.id === 'haushaltsnahe_anteil')?.values.map((v) => v.value)).toEqual([20]);
    expect(table.benefits.find((b) => b.id === 'haushaltsnahe_max')?.values.map((v) => v.value)).toEqual([4000]);
    expect(`${entry('emergency_call_tax').de.short} ${entry('emergency_call_tax').en.short}`).not.toMatch(/4[.,]?000|20 ?(%|Prozent|percent)/);
  });

  test('a plain emergency call is not a household service, but help in the home is (BFH VI R 7/21 and VI R 18/14)', () => {
    // the two rulings decide opposite ways; the answer must keep both sides, not only the happy one
    expect(entry('emergency_call_tax').sources).toEqual(expect.arrayContaining(['q_f8_bfh_hausnotruf_2023', 'q_f8_ebnerstolz_hausnotruf']));
    expect(entry('emergency_call_tax').de.short).toMatch(/Anders, wenn/);
    expect(entry('emergency_call_tax').en.short).toMatch(/It is different when/);
  });
});
