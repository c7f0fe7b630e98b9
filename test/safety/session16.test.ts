// Table tests of session 16: hearsay damps the model's death-wish reading (the rules still count
// what someone reports); the writer's own act of harm told with fear of themselves across sentences
// is loss of control, not violence; look-alike idioms of shame and fear; chat forms that drop the
// "-e" ("ich hoff", "sterb") read as the full word; a threat against the person cared for; an asked
// reading that the model finds again in another sentence.
import * as path from 'path';
import { CLASSIFIER_THRESHOLDS } from '../../bot/safety/classifier';
import type { SubwordClassifier } from '../../bot/nlu/subword';
import { loadSafety, loadSafetyClassifier } from '../../bot/safety/load';
import { createSafetyCheck } from '../../bot/safety/safety';

const knowledge = path.join(__dirname, '../../knowledge');
const net = createSafetyCheck(loadSafety(path.join(knowledge, 'safety.json')), loadSafetyClassifier(path.join(knowledge, 'safety-corpus.jsonl')));
const label = (t: string): string => {
  const a = net.assess(t);
  return a ? `${a.kind}/${a.ask ? 'ask' : a.strength}` : 'none';
};

describe('hearsay damps the model, not the rules', () => {
  test.each<[string, string]>([
    // was suicidal/possible from the model alone
    ['Jemand hat mir gesagt, sie bekäme noch gar keinen Pflegegrad.', 'none'],
    // a death wish told by the person cared for, or a family member, stays clear (rules)
    ['Papa sagt, er will nicht mehr leben.', 'suicidal/clear'],
    ['Meine Schwester hat mir gesagt, sie will nicht mehr leben und hat Tabletten gesammelt.', 'suicidal/clear'],
  ])('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });
  test('the hearsay marks the model\'s sentence as damped', () => {
    expect(net.classify('Jemand hat mir gesagt, sie bekäme noch gar keinen Pflegegrad.')?.damped).toBe(true);
  });
});

describe('the carer\'s own act with fear of themselves, across sentences', () => {
  test.each<[string, string]>([
    // was violence/clear: the act alone is a violence pattern in its sentence
    ['hab opa heute wieder angebrüllt und aufs sofa geschubst. ich krieg mich nicht mehr in den griff', 'loss_of_control/clear'],
    // beside a clear medical sign the other sentences do not make a death wish
    ['My wife is sweating and shaking and wont wake up properly, she is diabetic. I do not know where else to turn.', 'medical/clear'],
  ])('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });
});

describe('look-alikes and chat forms', () => {
  test.each<[string, string]>([
    ['Ich wäre am liebsten im Boden versunken, als der Gutachter kam. Was mache ich beim nächsten Termin anders?', 'none'],
    ['Ich sterbe vor Angst vor dem Gutachter. Was fragt der eigentlich?', 'none'],
    // was asked / possible: "sterb" is "sterbe" (a death word in another sentence of an asked reading)
    ['alles is mir egal. ich hoff bloss noch, dass ich bald krank werd und sterb', 'suicidal/clear'],
    ['mir is eh alles egal. soll ich halt sterb, dann is ruhe', 'suicidal/clear'],
  ])('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });
});

describe('loss of control: a first-person threat against the person cared for', () => {
  test.each<[string, string]>([
    // were none / possible
    ['Mir rutscht gleich die Hand aus, er hat schon wieder alles vollgeschmiert.', 'loss_of_control/clear'],
    ['Wenn sie mir noch einmal ins Gesicht greift, hau ich zu. Ich bin so am Ende.', 'loss_of_control/clear'],
    ['noch einmal und ich knall ihm eine, ich kann nicht mehr', 'loss_of_control/clear'],
    ['Ich könnte ihn grad erwürgen, so wütend bin ich', 'loss_of_control/clear'],
    // look-alikes: a bargain, a note on the fridge
    ['Wenn der Rollator nächste Woche im Angebot ist, schlag ich zu. Zahlt die Kasse einen Teil?', 'none'],
    ['Ich klebe ihr eine Notiz an den Kühlschrank, damit sie ihre Tabletten nicht vergisst.', 'none'],
  ])('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });
});

describe('an asked reading with a second sentence the model reads the same way is clear', () => {
  // a stub model: fixed suicidal scores per sentence, so that only the mechanism is tested
  const stub = (scores: Record<string, number>) => ({
    predict: (s: string) => {
      const p = Object.entries(scores).find(([k]) => s.startsWith(k))?.[1] ?? 0;
      return [{ intent: 'suicidal', score: p }, { intent: 'none', score: 1 - p }];
    },
  }) as unknown as SubwordClassifier;
  const data = loadSafety(path.join(knowledge, 'safety.json'));
  // session 19: the asked sentence speaks of someone else; a first-person one outside any care topic is clear
  // on its own now (clearOutsideCareSelf), which would hide the mechanism under test
  const text = 'Sie sitzt abends lange am Fenster und schaut hinaus. Der Garten ist im Winter ganz grau und still.';
  const pastText = 'Sie sitzt abends lange am Fenster und schaut hinaus. Vor zwei Jahren war der Garten im Winter ganz grau und still.';
  test.each<[string, string, number, string]>([
    ['second sentence at the gentle line\'s threshold → clear', text, CLASSIFIER_THRESHOLDS.possible, 'suicidal/clear'],
    ['second sentence below it → still asked', text, CLASSIFIER_THRESHOLDS.possible - 0.05, 'suicidal/ask'],
  ])('%s', (_name, t, second, expected) => {
    const a = createSafetyCheck(data, stub({ 'sie sitzt': 0.95, 'der garten': second })).assess(t);
    expect(a ? `${a.kind}/${a.ask ? 'ask' : a.strength}` : 'none').toBe(expected);
  });
  test('a second sentence damped by the past does not count', () => {
    const a = createSafetyCheck(data, stub({ 'sie sitzt': 0.95, 'vor zwei': 0.9 })).assess(pastText);
    expect(a).toEqual({ kind: 'suicidal', strength: 'possible', ask: true });
  });
});
