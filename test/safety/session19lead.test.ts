// Table tests of session 19 (lead): loss of control told with the reflexive verb ("kann mich nicht mehr
// beherrschen") or an announced blow ("gleich schlag ich ihn"), and a raised hand in English. The first
// block's rows with "beherrschen", "gleich schlag" and "raised my hand" failed on the data before this step;
// the second guards look-alikes.
import * as path from 'path';
import { loadSafety, loadSafetyClassifier } from '../../bot/safety/load';
import { createSafetyCheck } from '../../bot/safety/safety';

const knowledge = path.join(__dirname, '../../knowledge');
const net = createSafetyCheck(loadSafety(path.join(knowledge, 'safety.json')), loadSafetyClassifier(path.join(knowledge, 'safety-corpus.jsonl')));
const label = (t: string): string => {
  const a = net.assess(t);
  return a ? `${a.kind}/${a.ask ? 'ask' : a.strength}` : 'none';
};

describe('session 19 (lead): loss of control told by the reflexive verb, an announced blow, a raised hand', () => {
  test.each<[string, string]>([
    ['Mein Vater schreit die ganze Nacht. Ich kann mich nicht mehr beherrschen, gleich schlag ich ihn.', 'loss_of_control/clear'],
    ['wenn sie noch einmal ins bett macht dann haue ich zu, ich weiß nicht mehr weiter', 'loss_of_control/clear'],
    ['i was so close to losing it tonight, i actually raised my hand at her', 'loss_of_control/clear'],
    ['Ich kann mich manchmal kaum noch beherrschen, wenn er mich zum zwanzigsten Mal dasselbe fragt. Gibt es Kurse?', 'loss_of_control/possible'],
  ])('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });
});

describe('session 19 (lead): look-alikes stay quiet', () => {
  test.each<string>([
    'Die Nachbarin sagt, ich soll gleich rüberkommen, dann hau ich ab zur Apotheke. Was kostet ein Rollator?',
    'Im Sanitätshaus ist der Rollator im Angebot, gleich schlag ich zu. Zahlt die Kasse den Rest?',
    'Zwei Pflegedienste hat die Beratung genannt, dann schlage ich sie meiner Mutter vor. Welcher ist günstiger?',
    'Mein Vater kann sich beim Essen nicht mehr beherrschen und nimmt zu. Zahlt die Kasse eine Ernährungsberatung?',
    'She raised her hand in the meeting to ask about the care grade. Who decides on it?',
  ])('%s → none', (text) => {
    expect(label(text)).toBe('none');
  });
});
