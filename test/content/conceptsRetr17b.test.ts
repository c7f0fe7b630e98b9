// Concept gaps of issue 17 named for retr17b (docs/retrieval.md, "Session 17b"): respite told without the
// word (someone stands in, the carer wants to get away), a move into another home ("umziehen" read no
// concept; the move entry carries `move`, an alias of home_adaptation), and in-laws as the relative who
// stands in, and the pension of the person cared for (not the carer's). Each row is read by the real concept lexicon; the look-alikes must not be.
import * as path from 'path';
import { createRetriever, type RetrievalEntry } from '../../bot/nlu/retrieve';
import { ConceptsFileSchema } from '../../bot/knowledge/schema';
import { readJsonFile } from '../../bot/knowledge/jsonFile';

const K = path.join(__dirname, '../../knowledge');
const dummy: RetrievalEntry[] = [{ id: 'x', kind: 'entry', topic: 'x', concepts: [], de: { q: ['x'], title: 'x' }, en: { q: ['x'], title: 'x' } }];
const r = createRetriever(dummy, readJsonFile(path.join(K, 'concepts.json'), ConceptsFileSchema));

describe('respite told without the word', () => {
  test.each([
    ['Meine Cousine könnte solange bei Mama einspringen.', 'de'],
    ['Meine Schwester springt ein, wenn ich krank bin.', 'de'],
    ['Wer kann für mich einspringen, wenn ich zur Kur muss?', 'de'],
    ['my wife and I would like to get away for a few days', 'en'],
    ['my brother could stand in while I am in hospital', 'en'],
    ['will the fund pay her for stepping in for me?', 'en'],
  ] as const)('%j reads respite', (text, lang) => {
    expect(r.concepts(text, lang)).toContain('respite');
  });
  test.each([
    ['Ich brauche dringend eine Pause, ich kann nicht mehr.', 'de'],
    ['i need a break, i am exhausted', 'en'],
  ] as const)('%j does not (a break is the carer\'s strain, carer_support)', (text, lang) => {
    expect(r.concepts(text, lang)).not.toContain('respite');
  });
});

describe('a move into another home reads the move concept', () => {
  test.each([
    ['Er könnte nächste Woche in das neue Heim umziehen.', 'de'],
    ['Sie ist letzten Monat in ein anderes Heim umgezogen.', 'de'],
  ] as const)('%j', (text, lang) => {
    expect(r.concepts(text, lang)).toContain('home_adaptation');
  });
});

// (written with hyphens, "daughter-in-law" is read as its words: daughter → children, kin as well)
describe('in-laws are read as kin', () => {
  test.each([
    ['Mein Schwiegersohn übernimmt die Pflege.', 'de'],
    ['Meine Schwägerin springt ein.', 'de'],
    ['my son in law offered to help', 'en'],
  ] as const)('%j', (text, lang) => {
    expect(r.concepts(text, lang)).toContain('in_law');
  });
});

describe('the pension of the person cared for reads resident_pension', () => {
  test.each([
    ['Ihre Rente reicht jetzt schon nicht.', 'de'],
    ['Seine Rente ist zu klein für das Heim.', 'de'],
    ['her pension does not cover the home', 'en'],
  ] as const)('%j', (text, lang) => {
    expect(r.concepts(text, lang)).toContain('resident_pension');
  });
  test.each([
    ['Bekomme ich Rentenpunkte für die Pflege?', 'de'],
    ['does caring count towards my pension?', 'en'],
  ] as const)('%j does not (the carer\'s own pension)', (text, lang) => {
    expect(r.concepts(text, lang)).not.toContain('resident_pension');
  });
});
