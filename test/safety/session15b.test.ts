// Table tests of session 15b: a first-person death wish beside a care question in another sentence
// is asked about (askBesideCare), a care question whose own sentence holds the words keeps the
// gentle line; violence told by its signs with a person as cause (money vanishing since someone has
// access, something given to keep someone quiet or not prescribed); out-of-hours need told by its
// cause (the one who cares taken to hospital, nobody to go to the person tonight, a line that only
// rings or gives the mailbox, a carer off sick with nobody sent).
import * as path from 'path';
import { CLASSIFIER_THRESHOLDS, combine, upgradePossible, type SentenceScore } from '../../bot/safety/classifier';
import { loadSafety, loadSafetyClassifier } from '../../bot/safety/load';
import { createSafetyCheck, type Assessment } from '../../bot/safety/safety';

const th = CLASSIFIER_THRESHOLDS;
const beside = th.askBesideCare!.suicidal!;
const view = (o: Partial<SentenceScore>): SentenceScore => ({ kind: 'suicidal', p: beside, cue: false, damped: false, careTopic: false, careElsewhere: true, ...o });

describe('combine: the asked band beside a care question', () => {
  test.each<[string, Partial<SentenceScore>, Assessment | undefined]>([
    ['first person, care topic in another sentence, ≥ askBesideCare → asked', {}, { kind: 'suicidal', strength: 'possible', ask: true }],
    ['below askBesideCare (though above askOutsideCare) → the gentle line', { p: beside - 0.01 }, { kind: 'suicidal', strength: 'possible' }],
    ['the care topic in the model\'s sentence itself → the gentle line', { careTopic: true, careElsewhere: undefined }, { kind: 'suicidal', strength: 'possible' }],
    ['damped → nothing', { damped: true }, undefined],
  ])('%s', (_name, o, expected) => {
    expect(combine(undefined, view(o))).toEqual(expected);
  });
  test('askBesideCare is stricter than askOutsideCare', () => {
    expect(beside).toBeGreaterThan(th.askOutsideCare!.suicidal!);
  });
  test('a rule\'s possible with the reading beside a care question is clear; below the band it stays possible', () => {
    const rule: Assessment = { kind: 'suicidal', strength: 'possible' };
    expect(upgradePossible(rule, view({}))).toEqual({ kind: 'suicidal', strength: 'clear' });
    expect(upgradePossible(rule, view({ p: beside - 0.01 }))).toEqual(rule);
  });
});

describe('the net on whole messages', () => {
  const knowledge = path.join(__dirname, '../../knowledge');
  const net = createSafetyCheck(loadSafety(path.join(knowledge, 'safety.json')), loadSafetyClassifier(path.join(knowledge, 'safety-corpus.jsonl')));
  const label = (t: string): string => {
    const a = net.assess(t);
    return a ? `${a.kind}/${a.ask ? 'ask' : a.strength}` : 'none';
  };
  test.each<[string, boolean | undefined]>([
    // first-person sentence, the care topic only in the next one
    ['Ich frag mich immer öfter, wozu ich eigentlich noch da bin. Bekomme ich eigentlich Pflegegeld für Mama?', true],
    // the care topic in the model's own sentence
    ['Ich frag mich, wozu ich im Heim noch da bin.', undefined],
  ])('careElsewhere of %s', (text, elsewhere) => {
    expect(net.classify(text)?.careElsewhere).toBe(elsewhere);
  });
  test.each<[string, string]>([
    ['Von Opas Konto verschwindet seit Monaten Geld, seit die neue Haushaltshilfe seine Karte hat.', 'violence/clear'],
    ['money keeps disappearing from dad\'s account since his nephew took over his banking', 'violence/clear'],
    ['Eine Pflegerin hat mir gesagt, dass man ihm abends was gibt, damit er Ruhe gibt, obwohl der Arzt nichts verordnet hat.', 'violence/clear'],
    ['the home is giving mum something to knock her out in the evenings, she is not prescribed anything', 'violence/clear'],
    ['my gran is terrified of one of the carers at her home and begs us not to leave', 'violence/clear'],
    ['My sister who does all of dad\'s care was rushed to hospital an hour ago. Dad can\'t get out of bed by himself. Who can go to him tonight?', 'out_of_hours/clear'],
    ['the out of hours number just rings and rings and dad is in terrible pain', 'out_of_hours/clear'],
    ['Am Pfingstsonntag geht beim Pflegedienst nur die Mailbox ran und Papas Wunde blutet durch den Verband.', 'out_of_hours/clear'],
    ['Mein Mann liegt seit heute Nachmittag selbst im Krankenhaus, und seine Mutter, die er pflegt, ist allein zu Hause und dement.', 'out_of_hours/clear'],
    ['the night carer phoned in sick and the agency has nobody to send, mum needs turning every two hours', 'out_of_hours/clear'],
  ])('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });
  test.each([
    'Mama hat ihr Portemonnaie verlegt und das Geld ist weg, meine Schwester sucht.',
    'Wo ist das Geld für die Kurzzeitpflege hin? Die Kasse hat es nicht überwiesen.',
    'Was gibt es für Hilfen, wenn er den ganzen Tag allein ist?',
    'Der Arzt hat ihr etwas gegen die Schmerzen verschrieben, sie schläft jetzt besser.',
    'My mum is terrified of the dentist, how do I get her to go?',
    'Die Pflegerin hat sich krank gemeldet, bekommen wir für die Woche eine Vertretung?',
    'The night carer called in sick last month, can we claim the hours back?',
  ])('no alarm: %s', (text) => {
    expect(net.assess(text)?.strength).not.toBe('clear');
  });
});
