// Table tests of session 16c: a person (mostly with dementia) missing now is its own clear crisis,
// `missing` (the answer names the police, 110, first — not the out-of-hours doctor). Past walk-outs,
// walk-outs told as a habit, prevention and "what if" questions, missing someone emotionally, a
// deceased person ("I miss her"), lost objects and a carer who is away stay quiet for this kind.
import * as path from 'path';
import { loadSafety, loadSafetyClassifier } from '../../bot/safety/load';
import { createSafetyCheck } from '../../bot/safety/safety';

const knowledge = path.join(__dirname, '../../knowledge');
const net = createSafetyCheck(loadSafety(path.join(knowledge, 'safety.json')), loadSafetyClassifier(path.join(knowledge, 'safety-corpus.jsonl')));
const label = (t: string): string => {
  const a = net.assess(t);
  return a ? `${a.kind}/${a.ask ? 'ask' : a.strength}` : 'none';
};

describe('session 16c: a person missing now', () => {
  test.each<[string]>([
    ['Mein Schwiegervater ist seit drei Stunden weg, er hat Alzheimer.'],
    ['mein mann mit demenz ist seit 3 stunden nicht zurück vom einkaufen'],
    ['Papa ist nicht auffindbar, wir suchen ihn seit einer Stunde.'],
    ['Oma kommt vom Friedhof nicht zurück und geht nicht ans Handy.'],
    ['Er ist aus dem Haus gegangen und ist seitdem verschwunden, er hat Demenz.'],
    ['Meine Mutter ist aus der Tagespflege verschwunden, finden wir sie nirgends?'],
    ['we cant find mum anywhere shes got dementia'],
    ['my grandad with alzheimers has gone missing'],
    ['My wife has been missing since this morning, she has dementia and no phone.'],
    ['Dad has not come home from his walk and it is dark already.'],
    ['nobody knows where she is, she left the care home an hour ago'],
    ['Opa ist heute Nachmittag aus dem Heim weggelaufen und wir finden ihn nicht.'],
    ['Opa ist heute aus dem Heim weggelaufen, die Pfleger suchen überall.'],
    ['Mama ist schon seit zwei Stunden verschwunden, sie hat Demenz.'],
    ['Opa ist seit 14 Uhr weg und hat Demenz.'],
    ['Meine Frau ist heute früh spazieren gegangen und bis jetzt nicht wiedergekommen. Sie hat Demenz.'],
    ['Wir suchen seit Stunden nach Papa, er hat Alzheimer.'],
    ['Wir haben Oma im Einkaufszentrum aus den Augen verloren und finden sie nicht.'],
    ['The care home just called, mum is not in her room and they cannot find her.'],
    ['Dad left the house this morning and hasnt been seen since. He has dementia.'],
    ['my nan wandered out of the house and we have been looking for 2 hours'],
    ['Grandpa is lost somewhere in town, he has dementia and doesnt know his address'],
  ])('%s → missing/clear', (text) => {
    expect(label(text)).toBe('missing/clear');
  });
  test.each([
    'Opa war gestern drei Stunden weg, wie verhindere ich das?',
    'Opa ist schon zweimal weggelaufen, was kann ich tun?',
    'Was tun, wenn Mama mit Demenz wegläuft?',
    'Wie kann ich verhindern, dass Oma nachts verschwindet? Sie hat Hinlauftendenz.',
    'Gibt es GPS-Tracker für Menschen mit Demenz, die weglaufen?',
    'Ich vermisse meine Mutter so sehr, seit sie im Heim ist.',
    'I miss her so much, she died last month.',
    'My dad is missing his old friends since he moved into the home.',
    'Der Pflegegradbescheid ist verschwunden, wie bekomme ich eine Kopie?',
    'Meine Brille ist seit zwei Stunden weg, ich finde sie nirgends.',
    'The carer has not come back to us about the care plan.',
    'My dad has gone missing twice this year, how can I stop it?',
    'Mein Mann ist seit drei Wochen weg auf Kur, wer hilft mir?',
    'Opa hat schon wieder seinen Schlüssel und seine Brille verloren, wir finden sie nirgends.',
    'Ich finde sie nicht mehr so fit wie früher, braucht sie einen höheren Pflegegrad?',
    'Wir finden sie nicht mehr belastbar.',
    'I cannot find her insurance card, what do I do?',
    'I have been looking for hours for the right form.',
    'The new carer has not been seen since Monday, the agency does not answer.',
    'Ich suche seit Wochen nach einer Haushaltshilfe für meine Mutter.',
    'Last week dad wandered off from the day centre. They found him at the station. Should we change centres?',
    'Meine Mutter ist seit dem Umzug ins Heim wie verschwunden, sie redet kaum noch.',
    'Dad has gone missing from the waiting list for the care home, who do I call?',
    'Seit 2 Stunden suchen wir den Pflegegradbescheid.',
    'Er ist seit einer Stunde weg beim Arzt, kann ich solange Verhinderungspflege nutzen?',
  ])('no missing alarm: %s', (text) => {
    expect(net.assess(text)?.kind === 'missing' && net.assess(text)?.strength === 'clear').toBe(false);
    expect(net.assess(text)?.strength).not.toBe('clear');
  });
  test('a carer who is away is not a missing person (the neglect around it still counts)', () => {
    expect(label('Die Pflegerin ist seit zwei Stunden weg und Mama liegt nass im Bett.')).toBe('neglect/clear');
  });
});
