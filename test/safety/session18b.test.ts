// Table tests of session 18b: medical, violence, neglect and out of hours told by new methods — by the
// person in need in dictated lines, by outsiders and staff, in non-native or colloquial English and in
// dialect — and the care questions on the same subjects that must stay quiet. Each clear row failed on
// the data before this session (none, possible or another kind).
import * as path from 'path';
import { loadSafety, loadSafetyClassifier } from '../../bot/safety/load';
import { createSafetyCheck } from '../../bot/safety/safety';

const knowledge = path.join(__dirname, '../../knowledge');
const net = createSafetyCheck(loadSafety(path.join(knowledge, 'safety.json')), loadSafetyClassifier(path.join(knowledge, 'safety-corpus.jsonl')));
const label = (t: string): string => {
  const a = net.assess(t);
  return a ? `${a.kind}/${a.ask ? 'ask' : a.strength}` : 'none';
};

describe('session 18b: crises told by the person, outsiders and staff are clear', () => {
  test.each<[string, string]>([
    // the person themselves after a fall, first person and without punctuation
    ['bin in der küche gestürzt komme nicht mehr hoch bitte hilfe', 'medical/clear'],
    // non-native English: a face that hangs on one side "since one hour"
    ['My wife since one hour she cannot speak right and her mouth is hanging down on one side.', 'medical/clear'],
    // colloquial British: the chest "feels tight"
    ["Grandad's chest feels tight and he wants me to stop fussing", 'medical/clear'],
    // an access to the money and the savings gone, told of the person
    ['Seit ihr Bruder ihr Konto verwaltet, ist ihr Erspartes fast weg und sie traut sich nicht zu fragen.', 'violence/clear'],
    // Upper German slap idiom and a red cheek
    ['der pfleger hat der oma a gscheuert, jetzt hat sie eine rote wange', 'violence/clear'],
    // staff: residents not repositioned for days
    ['Residents on the ward have not been repositioned for two days.', 'neglect/clear'],
    // the relative who supposedly looks in on him, and a sign
    ['Der Sohn, der angeblich nach ihm schaut, war seit Wochen nicht da, und der alte Herr ist abgemagert.', 'neglect/clear'],
    // out of hours as a practical need
    ['der pflegedienst kommt heute nacht nicht und papa braucht um 22 uhr sein insulin', 'out_of_hours/clear'],
    ['meine betreuerin kommt erst montag wieder und ich hab keine tabletten mehr im haus', 'out_of_hours/clear'],
    ['Our live-in carer packed her bags and left this morning and mum cannot get out of bed on her own.', 'out_of_hours/clear'],
  ])('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });
});

describe('session 18b: care questions on the same subjects stay quiet', () => {
  test.each<[string]>([
    ['Meine Mutter ist letztes Jahr gestürzt und kommt seitdem die Treppe schlecht hoch. Welche Hilfsmittel gibt es?'],
    ['Unsere Pflegerin kommt erst Montag wieder. Kann ich Verhinderungspflege für das Wochenende beantragen?'],
    ['Our carer left this morning for her two-week holiday, as planned. How do we apply for respite?'],
    // bruises beside a blood thinner, in either order (was violence/clear)
    ['Oma hat Blutergüsse, weil sie Blutverdünner nimmt. Ist das normal?'],
    ["My dad bruises easily since he's on warfarin. Should I worry?"],
    ['Wie lagert man Bewohner richtig um, damit kein Dekubitus entsteht?'],
  ])('%s → none', (text) => {
    expect(label(text)).toBe('none');
  });
});
