// Session 15b (content15b, issue 17): what a benefit pays for, what is left to pay and how to prepare the
// assessment were facts the topics only had in their details, which a question about them never showed. The short
// answers now carry them, in both languages, and the concept lexicon reads "not insured long enough" and "will aber
// nicht" (refusing short-term care). Checked on the real content files, not on fixtures.
import * as fs from 'fs';
import * as path from 'path';
import { questionEntries } from '../helpers/questionEntries';
import { createRetriever, type RetrievalEntry } from '../../bot/nlu/retrieve';
import { ConceptsFileSchema } from '../../bot/knowledge/schema';
import { readJsonFile } from '../../bot/knowledge/jsonFile';

const K = path.join(__dirname, '../../knowledge');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(K, file), 'utf8'));

type Text = { short: string; shortWithGrade?: string; details: string };
type Item = { id: string; legal: string[]; sources: string[]; de: Text; en: Text };
const answers = new Map((read('federal/answers.json').answers as Item[]).map((a) => [a.id, a]));
const entry = questionEntries<Item>();
/** A topic answer or a question entry by id; an unknown id throws. */
const item = (id: string): Item => answers.get(id) ?? entry(id);

// [answer or entry, pattern the German short must match, pattern the English short must match]
const facts: [string, RegExp, RegExp][] = [
  // how to prepare the assessment: diary, reports and medication plan, someone who knows the person present
  ['assessment', /Pflegetagebuch[\s\S]*Arztberichte[^.]*Medikamentenplan[\s\S]*vertraute Person beim Termin dabei/,
    /care diary[\s\S]*doctors' reports[^.]*medication plan[\s\S]*trusted person is present/],
  // own shares: day care (meals, investment costs), a care service (above the in-kind amount), a care home
  ['daycare', /Verpflegung und Investitionskosten zahlen Sie selbst/, /Meals and investment costs you pay yourself/],
  ['in_kind', /Was darüber hinausgeht, zahlen Sie selbst/, /Anything above this amount you pay yourself/],
  ['nursing_home', /Eigenanteil für die Pflege, Unterkunft, Verpflegung und Investitionskosten/, /own share for care \(EEE\), accommodation, meals and investment costs/],
  // what a benefit pays for
  ['relief_what_for', /Tages- oder Nachtpflege, Kurzzeitpflege[\s\S]*anerkannte Angebote[\s\S]*Ab Pflegegrad 2 zahlt er nicht die Hilfe des Pflegedienstes bei der Selbstversorgung/,
    /day or night care, short-term care[\s\S]*recognised under state law[\s\S]*From grade 2 it does not pay a care service's help with self-care/],
  ['allowance', /entscheidet selbst, wofür sie das Geld einsetzt/, /decides how to use the money/],
  ['respite', /In der Kurzzeitpflege zahlen Sie Unterkunft und Verpflegung selbst/, /In short-term care you pay for board and lodging yourself/],
];

describe('short answers name what a benefit pays for, what is left to pay and how to prepare (content15b)', () => {
  test.each(facts)('%s', (id, de, en) => {
    expect(item(id).de.short).toMatch(de);
    expect(item(id).en.short).toMatch(en);
  });

  test.each([['daycare'], ['in_kind'], ['allowance']])('%s says it also when the care grade is known', (id) => {
    const [de, en] = facts.find(([x]) => x === id)!.slice(1) as RegExp[];
    expect(item(id).de.shortWithGrade).toMatch(de);
    expect(item(id).en.shortWithGrade).toMatch(en);
  });

  test('a moved sentence is not repeated in the details', () => {
    expect(item('daycare').de.details).not.toMatch(/Verpflegung und Investitionskosten zahlen Sie selbst/);
    expect(item('relief_what_for').de.details).not.toMatch(/Selbstversorgung/);
    expect(item('assessment').de.details).not.toMatch(/Medikamentenplan/);
    expect(item('allowance').de.details).not.toMatch(/entscheidet selbst/);
  });

  test('the preparation advice has a public source and the self-care rule its norm', () => {
    expect(item('assessment').sources).toContain('tk_begutachtung_vorbereiten');
    const src = (read('sources.json').sources as { id: string; url: string }[]).find((s) => s.id === 'tk_begutachtung_vorbereiten');
    expect(src?.url).toMatch(/^https:\/\/www\.tk\.de\//);
    expect(item('relief_what_for').legal.join(' ')).toMatch(/§ 45b Abs\. 1 SGB XI/);
  });
});

describe('the concept lexicon reads the insurance period and a refusal of short-term care (content15b)', () => {
  const dummy: RetrievalEntry[] = [{ id: 'x', kind: 'entry', topic: 'x', concepts: [], de: { q: ['x'], title: 'x' }, en: { q: ['x'], title: 'x' } }];
  const r = createRetriever(dummy, readJsonFile(path.join(K, 'concepts.json'), ConceptsFileSchema));
  test.each([
    ['Hat er nicht lange genug eingezahlt für Pflegegeld?', 'de', 'insurance_period'],
    ['er war viele Jahre gar nicht versichert', 'de', 'insurance_period'],
    ['has she paid into the insurance long enough?', 'en', 'insurance_period'],
    ['he has been paying in for a year', 'en', 'insurance_period'],
    ['Papa soll in die Kurzzeitpflege, will aber nicht', 'de', 'refusing_care'],
    ['sie will da aber nicht hin', 'de', 'refusing_care'],
    ["dad won't go to short-term care", 'en', 'refusing_care'],
  ] as const)('%j → %s', (text, lang, concept) => {
    expect(r.concepts(text, lang)).toContain(concept);
  });
});
