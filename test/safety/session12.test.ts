// Session 12's mechanisms, table-tested on the rules alone (the classifier has its own tests):
// violence told from childhood or from the news is no crisis of this conversation, while the same
// act now stays clear; an end-of-life decision on tube feeding silences neglect's possible signs;
// a permission question about locking in is no act; metaphors and plans of an ending, nobody to
// look after the person now, and the sign families of self-neglect are cues.
import * as path from 'path';
import { loadSafety, loadSafetyClassifier } from '../../bot/safety/load';
import { createSafetyCheck, type Assessment } from '../../bot/safety/safety';
import { crisisHelpReply } from '../../bot/safety/crisisReply';
import { CLASSIFIER_THRESHOLDS, KIND_CLEAR_CUE_PAIRS } from '../../bot/safety/classifier';

const data = loadSafety(path.join(__dirname, '../../knowledge/safety.json'));
const rules = createSafetyCheck(data);
const label = (a: Assessment | undefined) => (a ? `${a.kind}/${a.strength}` : 'none');

describe('remote events (childhood, news, a report) are no violence crisis; the present act is', () => {
  test.each([
    ['Mein Vater hat uns als Kinder geschlagen. Muss ich ihn jetzt pflegen?', 'none'],
    ['my father hit us as children, must i care for him now?', 'none'],
    ['Ich habe gelesen, dass in einem Heim Bewohner misshandelt wurden. Wie kann man das verhindern?', 'none'],
    ['I read about a carer who abused residents, how are homes checked?', 'none'],
    // the same act today, or childhood and today in one sentence
    ['Mein Vater schlägt meine Mutter.', 'violence/clear'],
    ['Er hat uns als Kinder geschlagen und jetzt schlägt er meine Mutter.', 'violence/clear'],
    // a death wish told from long ago keeps the gentle line (suicidal: remote → possible)
    ['Als Kind wollte ich mich umbringen. Welche Hilfe gibt es für pflegende Angehörige?', 'suicidal/possible'],
  ])('%s → %s', (text, want) => {
    expect(label(rules.assess(text))).toBe(want);
  });
});

describe('an end-of-life decision on tube feeding: not eating is the illness, neglect in a home is not', () => {
  test.each([
    ['Meine Mutter hat fortgeschrittene Demenz und isst fast nichts mehr. Im Heim wird eine Magensonde vorgeschlagen, ihre Patientenverfügung lehnt das ab. Wer entscheidet?', 'none'],
    ['Dad barely eats now. The doctors suggest a feeding tube but his living will refuses it. Who decides?', 'none'],
    // without the decision the bare sign keeps its gentle line
    ['Meine Mutter isst fast nichts mehr.', 'neglect/possible'],
    // a clear neglect pattern stands also in that frame
    ['Im Heim wird eine Magensonde vorgeschlagen, aber meine Mutter liegt seit Stunden in ihrem Urin.', 'neglect/clear'],
  ])('%s → %s', (text, want) => {
    expect(label(rules.assess(text))).toBe(want);
  });
});

describe('permission questions, plans and metaphors, nobody there, self-neglect signs', () => {
  test.each([
    ['Darf ich meinen Vater in der Wohnung einschließen, wenn ich kurz einkaufen gehe?', 'none'],
    ['Can we lock mum in her room at night so she does not wander?', 'none'],
    ['Meine Schwester schließt Papa jeden Tag in seinem Zimmer ein.', 'violence/clear'],
    ['Ich will den letzten Weg gehen, ich habe keine Kraft mehr.', 'suicidal/clear'],
    ['Wir gehen zusammen zur Pflegeberatung.', 'none'],
    ['its midnight, she is on the floor and i cant reach anyone', 'out_of_hours/clear'],
    ['my brother is threatening mum today', 'violence/clear'],
    ['The old man opposite lives on his own, there is a foul smell from his flat. Who can I turn to?', 'neglect/clear'],
    ['Die Nachbarin wohnt allein, man hat ihr den Strom abgedreht. Wohin kann ich mich wenden?', 'neglect/clear'],
    ['A foul smell in the kitchen, the bin needs emptying.', 'none'],
  ])('%s → %s', (text, want) => {
    expect(label(rules.assess(text))).toBe(want);
  });
});

test('the whole net: nobody there to look after the person tonight is a kind cue of out of hours', () => {
  const net = createSafetyCheck(data, loadSafetyClassifier(path.join(__dirname, '../../knowledge/safety-corpus.jsonl')));
  const score = net.classify('Es ist Sonntagabend, ich muss sofort ins Krankenhaus und niemand kann auf meinen Mann mit Demenz aufpassen.');
  expect(score?.kindCue).toBe(true);
  expect(label(net.assess('Es ist Sonntagabend, ich muss sofort ins Krankenhaus und niemand kann auf meinen Mann mit Demenz aufpassen.'))).toBe('out_of_hours/clear');
});

test('thresholds: a kind cue makes a sentence clear from the gentle line\'s threshold on; out of hours pairs an acute problem with a closed time', () => {
  expect(CLASSIFIER_THRESHOLDS.clearWithKindCue).toBe(CLASSIFIER_THRESHOLDS.possible);
  expect(KIND_CLEAR_CUE_PAIRS.out_of_hours).toEqual([['closed_time', 'acute']]);
});

test('the self-neglect help lists at most three reachable contacts after its text', () => {
  const c = (name: string, phone?: string) => ({ name, phone });
  expect(crisisHelpReply('Hilfe.', [c('A', '0208 1'), c('B'), c('C', '0208 3'), c('D', '0208 4'), c('E', '0208 5')]))
    .toBe('Hilfe.\n• A · 0208 1\n• C · 0208 3\n• D · 0208 4');
  expect(crisisHelpReply('Help.', [])).toBe('Help.');
});
