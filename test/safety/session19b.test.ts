// Table tests of session 19 (crisis19b): medical, violence, neglect and out of hours told by their
// situation — an onset told as "seitdem" or "ist N Minuten her", the carer gone since today, nobody
// coming until tomorrow, money missing from a purse — and the possible band: sedation, bank
// statements withheld, restraint nobody agreed to, drinking little, a service that often does not come.
// Each row failed on the data before this session; the last block guards the look-alikes.
import * as path from 'path';
import { loadSafety, loadSafetyClassifier } from '../../bot/safety/load';
import { createSafetyCheck } from '../../bot/safety/safety';

const knowledge = path.join(__dirname, '../../knowledge');
const net = createSafetyCheck(loadSafety(path.join(knowledge, 'safety.json')), loadSafetyClassifier(path.join(knowledge, 'safety-corpus.jsonl')));
const label = (t: string): string => {
  const a = net.assess(t);
  return a ? `${a.kind}/${a.ask ? 'ask' : a.strength}` : 'none';
};

describe('session 19b: crises and possible crises told by their situation', () => {
  test.each<[string, string]>([
    ['Oma redet seitdem ganz undeutlich, das ist jetzt fünfzehn Minuten her.', 'medical/clear'],
    ['Die Betreuerin ist seit heute Mittag weg und Opa ist allein, er kann nicht aufstehen.', 'out_of_hours/clear'],
    ['Mama ist allein, keiner kommt bis morgen früh, und sie kann nicht aufs Klo.', 'out_of_hours/clear'],
    ['Seit die Haushaltshilfe kommt, fehlen aus seiner Geldbörse immer wieder kleine Beträge.', 'violence/clear'],
    ['Der Betreuer will mir keine Kontoauszüge zeigen, obwohl es um Papas Geld geht.', 'violence/possible'],
    ['Im Heim machen sie bei meinem Vater das Bettgitter hoch, gefragt hat uns niemand.', 'violence/possible'],
    ['The care home keeps my mum\'s bed rails up all night and nobody asked us.', 'violence/possible'],
    ['Meine Mutter trinkt seit einer Woche viel zu wenig, wie kann ich helfen?', 'neglect/possible'],
    ['Der Pflegedienst kommt in letzter Zeit oft gar nicht, das ärgert uns sehr.', 'neglect/possible'],
    ['My nan drinks very little these days, any tips?', 'neglect/possible'],
    // "Haut und Knochen" is skin, not the verb "haut" (hits): neglect, not violence
    ['Opa lebt im Heim und ist in einem Monat nur noch Haut und Knochen, keiner dort merkt es.', 'neglect/clear'],
    // someone holds the person's bank card and the account is empty
    ['Mein Neffe hat Opas EC-Karte und sein Konto ist leer, Opa traut sich nicht, etwas zu sagen.', 'violence/clear'],
    // nobody comes tonight, told with the time first, and a need that cannot wait
    ['Ich bin völlig erschöpft, heute Nacht kommt keiner und Mama kann nicht allein aufstehen.', 'out_of_hours/clear'],
  ])('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });
});

describe('session 19b: care questions on the same subjects stay quiet', () => {
  test.each<[string]>([
    ['Mein Mann ist Diabetiker. Was soll er essen, wenn der Zucker mal absackt und er zittert?'],
    ['My grandad bruises easily because of his age, the GP says it is nothing. Can we get a care grade?'],
    // look-alikes of the new patterns (held before as well)
    ['Die Betreuerin ist seit Montag weg, sie hat Urlaub. Wie beantrage ich Verhinderungspflege?'],
    ['Wie beantrage ich ein Bettgitter für meinen Vater?'],
    ['Wie viel sollte meine Mutter am Tag trinken?'],
    ['Meine Tochter hat Papas Bankkarte, weil sie für ihn einkauft. Ist das erlaubt?'],
    ['Welche Creme hilft, wenn die Haut von Oma so trocken ist?'],
  ])('%s → none', (text) => {
    expect(label(text)).toBe('none');
  });
});

describe('session 19b: fear told with an intensifier gets the acknowledgement', () => {
  test.each<[string, string | undefined]>([
    ['Ich habe solche Angst, dass ich bei der Pflege etwas falsch mache. Gibt es Pflegekurse?', 'fear'],
    ['I am so scared I will get her medication wrong.', 'fear'],
    ['Ich habe keine Angst vor der Pflege, nur eine Frage zum Pflegegrad.', undefined],
  ])('%s → %s', (text, expected) => {
    expect(net.feeling(text)).toBe(expected);
  });
});
