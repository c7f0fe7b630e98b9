// Session 11's mechanisms, table-tested: a very confident suicidal sentence is clear without a cue of
// its own kind; in a message about someone dying the classifier calls no neglect, loss of
// control or out-of-hours crisis; someone living alone with a sign of self-neglect and a question
// whom to turn to is a clear neglect crisis; a carer who lost control and asks for help gets relief.
import * as path from 'path';
import { loadSafety, loadSafetyClassifier } from '../../bot/safety/load';
import { createSafetyCheck, type Assessment } from '../../bot/safety/safety';
import { combine, type SentenceScore } from '../../bot/safety/classifier';

const data = loadSafety(path.join(__dirname, '../../knowledge/safety.json'));
const rules = createSafetyCheck(data);
const label = (a: Assessment | undefined) => (a ? `${a.kind}/${a.strength}` : 'none');

const score = (kind: SentenceScore['kind'], p: number, more: Partial<SentenceScore> = {}): SentenceScore => ({ kind, p, cue: false, damped: false, ...more });

describe('combine: a confident suicidal sentence is clear without a cue, other kinds are not', () => {
  test.each<[SentenceScore, string]>([
    [score('suicidal', 0.99), 'suicidal/clear'],
    [score('suicidal', 0.93), 'suicidal/possible'],
    [score('suicidal', 0.99, { damped: true }), 'suicidal/possible'],
    [score('violence', 0.99), 'violence/possible'],
    [score('out_of_hours', 0.99), 'out_of_hours/possible'],
  ])('%j → %s', (clf, want) => {
    expect(label(combine(undefined, clf))).toBe(want);
  });
});

describe('rules: self-neglect asked about, other people\'s stories, decades ago', () => {
  test.each([
    // someone alone + one sign of self-neglect + whom to turn to
    ['die alte dame unter uns lebt allein, seit tagen ist bei ihr kein licht, an wen kann ich mich wenden?', 'neglect/clear'],
    ['my neighbour lives alone and there is a strange smell from her flat, who should i contact?', 'neglect/clear'],
    // the same sign without the question, or the question without someone alone: no clear crisis
    ['bei uns im haus riecht es streng aus dem keller, an wen kann ich mich wenden?', 'none'],
    // another person's story and a weight loss that is being looked after
    ['eine kollegin hat erzählt, dass ihr vater im heim vernachlässigt wurde. worauf achte ich bei der heimwahl?', 'none'],
    ['opa hat im heim etwas abgenommen, die pflegekräfte wiegen ihn jetzt jede woche', 'none'],
    // decades ago is remote (session 12): violence then is no crisis line of today
    ['mein vater hat mich vor dreißig jahren geschlagen, jetzt braucht er pflege', 'none'],
  ])('%s → %s', (text, want) => {
    expect(label(rules.assess(text))).toBe(want);
  });
});

describe('after a clear crisis: relief for a carer who asks for help, never for a suicidal message', () => {
  test.each<[string, 'loss_of_control' | 'suicidal', string | undefined]>([
    ['ich habe meine mutter zu fest gepackt, mit wem kann ich darüber reden?', 'loss_of_control', 'carer_relief'],
    ['i shook my dad hard tonight, who can i talk to?', 'loss_of_control', 'carer_relief'],
    // asked for relief by name: the answer to that question comes first
    ['ich habe meine mutter zu fest gepackt, welche entlastung gibt es?', 'loss_of_control', 'relief'],
    // no question: the numbers only
    ['ich habe meine mutter heute zu fest gepackt', 'loss_of_control', undefined],
    ['ich will nicht mehr leben, mit wem kann ich reden?', 'suicidal', undefined],
  ])('%s', (text, kind, want) => {
    expect(rules.helpAfterCrisis(text, kind)).toBe(want);
  });
});

describe('the whole net: someone dying who no longer drinks is no crisis', () => {
  const net = createSafetyCheck(data, loadSafetyClassifier(path.join(__dirname, '../../knowledge/safety-corpus.jsonl')));
  test.each([
    ['Mein Vater liegt im Sterben und trinkt seit zwei Tagen nichts mehr. Ich habe solche Angst, er leidet Durst. Was kann ich tun?', 'none'],
    ['My father is dying at home and has stopped drinking. I am afraid he is suffering from thirst. What can we do?', 'none'],
    // the rules still decide: violence against a dying person stays a clear crisis
    ['Meine Mutter liegt im Sterben und die Pflegerin hat sie heute geschlagen.', 'violence/clear'],
  ])('%s → %s', (text, want) => {
    expect(label(net.assess(text))).toBe(want);
  });
});
