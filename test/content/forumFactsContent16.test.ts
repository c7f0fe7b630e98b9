// The deciding facts of the ninth round of question entries (content16, issue 17, thin areas): complaints about the
// MD assessment (Beschwerdestelle and ombudsperson, § 278 Abs. 3 SGB V; the objection stays the way to change the
// grade), complaints about the Pflegekasse itself (its supervisory authority, § 90 SGB IV; Untätigkeitsklage,
// § 88 SGG), the overview of who takes which complaint, a person with dementia who no longer recognises family or
// asks for someone who has died, and dementia and finding the toilet. Also the Hausnotruf key deposit and the deposit
// paid back after a death, which no short answer said (a reply shows short and next, never details).
import * as fs from 'fs';
import * as path from 'path';
import { expectWellFormedEntry, questionEntries } from '../helpers/questionEntries';
import { createRetriever, type RetrievalEntry } from '../../bot/nlu/retrieve';
import { ConceptsFileSchema } from '../../bot/knowledge/schema';
import { readJsonFile } from '../../bot/knowledge/jsonFile';

type Text = { q: string[]; short: string; details: string; next: string };
type Item = { id: string; topic: string; legal: string[]; sources: string[]; reviewed: string; concepts: string[]; followUps: string[]; de: Text; en: Text };
const entry = questionEntries<Item>();
const K = path.join(__dirname, '../../knowledge');

// [entry, pattern the German short must match, pattern the English short must match]
const facts: [string, RegExp, RegExp][] = [
  ['assessment_complaint_md', /Beschwerdestelle des Medizinischen Dienstes[\s\S]*unabhängigen Ombudsperson[\s\S]*ändert den Bescheid nicht[\s\S]*innerhalb eines Monats[^.]*Widerspruch/,
    /Medical Service's complaints office[\s\S]*independent ombudsperson[\s\S]*does not change the decision[\s\S]*objection[^.]*within one month/],
  ['care_fund_complaint_supervision', /Aufsicht beschweren[\s\S]*Bundesamt für Soziale Sicherung[\s\S]*AOK[^.]*ministerium des Landes[\s\S]*Antrag sechs Monate oder ein Widerspruch drei Monate[\s\S]*Untätigkeitsklage/,
    /supervisory authority[\s\S]*Federal Office for Social Security[\s\S]*AOK[^.]*state's health or social ministry[\s\S]*six months or an objection for three[\s\S]*failure to act/],
  ['dementia_not_recognised', /gehört zur Krankheit und ist keine Ablehnung[\s\S]*Korrigieren Sie nicht immer wieder[\s\S]*Gefühl dahinter[\s\S]*Alzheimer-Telefon/,
    /part of the illness and not a rejection[\s\S]*Do not correct them again and again[\s\S]*feeling behind it[\s\S]*Alzheimer helpline/],
  ['complaint_who_to_turn_to', /^Das hängt davon ab, worüber: beim Heim[^;]*Heimaufsicht und Pflegekasse; beim Pflegedienst[^;]*Pflegekasse; bei der Begutachtung[^;]*Ombudsperson des Medizinischen Dienstes; bei der Pflegekasse ihre Aufsichtsbehörde\.[\s\S]*kostenlose Pflegeberatung/,
    /^It depends on what about: for a care home[^;]*supervisory authority \(Heimaufsicht\) and the care fund; for a care service[^;]*care fund; for the assessment[^;]*ombudsperson; for the care fund its supervisory authority\.[\s\S]*Free care counselling/],
  ['dementia_asks_for_deceased', /erlebt sie die Todesnachricht oft jedes Mal neu[^.]*nicht jedes Mal darauf zu beharren[\s\S]*Gefühl hinter der Frage[\s\S]*einmal in einer ruhigen Situation[^.]*trauern/,
    /experience the news of the death anew each time[^.]*not to insist on it every time[\s\S]*feeling behind the question[\s\S]*once, in a calm moment[^.]*grieve/],
  ['dementia_toilet_orientation', /Licht auf dem Weg in der Nacht[\s\S]*mit einem Bild gekennzeichnete Tür[\s\S]*farbiger Toilettendeckel[\s\S]*festen Zeiten[\s\S]*ärztlich abklären[\s\S]*Inkontinenzmaterial[^.]*auf Rezept/,
    /light along the way at night[\s\S]*door marked with a picture[\s\S]*coloured toilet seat[\s\S]*fixed times[\s\S]*doctor check[\s\S]*incontinence products on prescription/],
];

const added = facts.map(([id]) => id);

describe('ninth-round entries (content16) keep the fact the question turns on', () => {
  test.each(facts)('%s', (id, de, en) => {
    expect(entry(id).de.short).toMatch(de);
    expect(entry(id).en.short).toMatch(en);
  });

  test.each(added)('%s has varied variants in both languages, a legal basis, a source, a review date and known concepts', (id) => {
    expectWellFormedEntry(entry(id), '2026-12-07');
  });

  test('the entries of this round are federal and name no state or city', () => {
    const file = JSON.parse(fs.readFileSync(path.join(K, 'federal/questions/forum9_content16.json'), 'utf8')) as { questions: { id: string }[] };
    expect(file.questions.map((q) => q.id).sort()).toEqual([...added].sort());
    for (const id of added) {
      for (const lng of ['de', 'en'] as const) {
        expect(`${entry(id)[lng].short} ${entry(id)[lng].details} ${entry(id)[lng].next}`).not.toMatch(/Nordrhein-Westfalen|North Rhine|NRW|Mülheim/);
      }
    }
  });

  test('no phone number or address is typed into the new entries (the supervisory authority is found in the fund\'s imprint)', () => {
    for (const id of added) {
      for (const lng of ['de', 'en'] as const) {
        expect(`${entry(id)[lng].short} ${entry(id)[lng].details} ${entry(id)[lng].next}`).not.toMatch(/\d{3,}[ /-]?\d{2,}|Straße|Allee|\b\d{5}\b/);
      }
    }
  });

  test('the overview of who takes complaints leads on to the four specific entries', () => {
    expect(entry('complaint_who_to_turn_to').followUps).toEqual(['home_contract_complaint', 'home_care_contract_complaint', 'assessment_complaint_md', 'care_fund_complaint_supervision']);
  });

  test('a complaint about the assessment is no objection: the MD entry leads on to the objection and the report', () => {
    expect(entry('assessment_complaint_md').followUps).toEqual(expect.arrayContaining(['objection', 'assessment_report_copy']));
    expect(entry('assessment_complaint_md').legal).toEqual(expect.arrayContaining(['§ 278 Abs. 3 SGB V', '§ 84 SGG']));
  });

  test('the Hausnotruf key deposit is in the cost entry\'s short answer, not only in its details', () => {
    expect(entry('emergency_call_costs').de.short).toMatch(/Grundtarif, nicht aber die Hinterlegung eines Wohnungsschlüssels/);
    expect(entry('emergency_call_costs').en.short).toMatch(/basic tariff, but not keeping a key to the flat/);
    expect(entry('emergency_call_costs').de.q.some((q) => /schlüssel/i.test(q))).toBe(true);
    expect(entry('emergency_call_costs').en.q.some((q) => /key/i.test(q))).toBe(true);
  });

  test('a deposit is paid back with its interest after moving out or death, to the heirs after a death (§ 14 WBVG, § 1922 BGB)', () => {
    expect(entry('home_contract_deposit').de.short).toMatch(/Nach dem Auszug oder Tod muss das Heim eine gezahlte Kaution samt Zinsen zurückzahlen[^.]*Erben/);
    expect(entry('home_contract_deposit').en.short).toMatch(/After moving out or death the home must pay back a deposit with its interest[^.]*heirs/);
    expect(entry('home_contract_deposit').sources).toContain('q_biva_wbvg_sicherheit');
  });
});

// The lead, after the merge: three of the new concepts had everyday phrases among their words ("über die
// Pflegekasse", "wer ist zuständig", "fragt nach", "asks for"). Such a phrase read the concept in ordinary questions
// and, through the retrieval index, took a topic's utterances out of its general questions, so "Was ist der
// Entlastungsbetrag?" got the "what may it be spent on" entry instead of the overview. The words now need the
// complaint, the supervisor or the deceased person themselves.
describe('the new concepts are read from what they are about, not from everyday question phrases', () => {
  const dummy: RetrievalEntry[] = [{ id: 'x', kind: 'entry', topic: 'x', concepts: [], de: { q: ['x'], title: 'x' }, en: { q: ['x'], title: 'x' } }];
  const r = createRetriever(dummy, readJsonFile(path.join(K, 'concepts.json'), ConceptsFileSchema));
  test.each([
    ['Kann ich die Haushaltshilfe über die Pflegekasse abrechnen?', 'de', 'care_fund_supervision'],
    ['can I claim it back through the care fund and what about the care fund paying for it?', 'en', 'care_fund_supervision'],
    ['Wer ist zuständig für den Antrag auf Pflegegrad?', 'de', 'complaint_body'],
    ['who is responsible for the application?', 'en', 'complaint_body'],
    ['Sie fragt nach dem Essen und wartet auf den Pflegedienst.', 'de', 'asks_for_deceased'],
    ['she keeps asking for help and is waiting for the nurse', 'en', 'asks_for_deceased'],
  ] as const)('%j does not read %s', (text, lang, concept) => {
    expect(r.concepts(text, lang)).not.toContain(concept);
  });
  test.each([
    ['Gibt es eine Stelle, bei der man sich über die Pflegekasse beschweren kann?', 'de', 'care_fund_supervision'],
    ['Can I complain about the care fund to anyone?', 'en', 'care_fund_supervision'],
    ['Gibt es eine unabhängige Beschwerdestelle?', 'de', 'complaint_body'],
    ['Mama fragt nach ihrem verstorbenen Mann', 'de', 'asks_for_deceased'],
    ['she keeps asking for her late husband', 'en', 'asks_for_deceased'],
  ] as const)('%j reads %s', (text, lang, concept) => {
    expect(r.concepts(text, lang)).toContain(concept);
  });
});
