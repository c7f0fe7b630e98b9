// Table tests of session 13's mechanisms (rules only): help missing right now — the one who cares is
// taken to hospital and the person is alone, the service that was due does not come and the person
// cannot manage without it; passive wishes and plans in other words (a prayer to be taken, a
// resolve, following the person cared for into death, pills hoarded); money and sedation by others.
import * as fs from 'fs';
import * as path from 'path';
import { parseJsonl, score } from '../../bot/safety/evaluate';
import { loadSafety, loadSafetyClassifier } from '../../bot/safety/load';
import { createSafetyCheck } from '../../bot/safety/safety';

const rules = createSafetyCheck(loadSafety(path.join(__dirname, '../../knowledge/safety.json')));
const label = (text: string): string => {
  const r = rules.assess(text);
  return r ? `${r.kind}/${r.strength}` : 'none';
};

test.each([
  // the carer is taken away and the person cared for is alone now
  ['Ich muss heute Abend noch in die Klinik und mein Vater bleibt dann ganz allein zu Hause', 'out_of_hours/clear'],
  ['mich haben sie mit dem rettungswagen mitgenommen, mama ist allein daheim', 'out_of_hours/clear'],
  ['I have to go into hospital tonight and my dad cannot be left alone', 'out_of_hours/clear'],
  ['my sister was rushed to hospital this evening and gran is home alone', 'out_of_hours/clear'],
  // the help that was due does not come and the person cannot manage without it
  ['Die Nachtwache hat abgesagt und Opa ist bettlägerig', 'out_of_hours/clear'],
  ['the carer called in sick and mum cannot get to the toilet on her own', 'out_of_hours/clear'],
  ['Die Praxis hat erst Montag wieder auf und er braucht sein Insulin', 'out_of_hours/clear'],
  // … asked ahead, or told as the past: no crisis now
  ['Was passiert, wenn ich mal ins Krankenhaus muss und Mama allein zu Hause ist?', 'none'],
  ['If I ever have to go to hospital, who looks after my husband? He cannot be left alone.', 'none'],
  ['Mein Vater ist bettlägerig. Welche Hilfsmittel zahlt die Pflegekasse?', 'none'],
  ['Die Tagespflege hat erst Montag wieder auf. Wie melde ich ihn dort an?', 'none'],
  // who looks after the person now, asked from the hospital; the same asked ahead is planning
  ['Ich liege seit heute früh in der Notaufnahme, wer schaut heute nach Papa?', 'out_of_hours/clear'],
  ['they are admitting me tonight, who will check on mum', 'out_of_hours/clear'],
  ['If I have to go to hospital, who will look after mum?', 'none'],
  ['What happens if my carer is in hospital and mum is home alone?', 'none'],
])('%s → %s', (text, expected) => {
  expect(label(text)).toBe(expected);
});

test.each([
  // a prayer or a resolve is a wish; following the person cared for; pills put aside
  ['Ich bete jeden Abend, dass der liebe Gott mich im Schlaf holt', 'suicidal/clear'],
  ['wenn er stirbt komme ich ihm nach, das steht fest', 'suicidal/clear'],
  ['Mein Mann hat seine Schlaftabletten gesammelt, sagt er', 'suicidal/clear'],
  ['My mother said she has been hoarding her sleeping pills', 'suicidal/clear'],
  ['I pray every night that I will not see the morning', 'suicidal/clear'],
  // the same words without a wish to die
  ['Ich bete jeden Abend für meine Mutter, dass sie wieder gesund wird', 'none'],
  ['Wir gehen beide zusammen zur Beratung, das steht fest', 'none'],
  ['Wo kann ich abgelaufene Tabletten entsorgen, die ich gesammelt habe?', 'none'],
])('%s → %s', (text, expected) => {
  expect(label(text)).toBe(expected);
});

test.each([
  // money and sedation by others
  ['my nephew has been transferring her savings into his own account', 'violence/clear'],
  ['They keep giving him drops before bed and now he drools and sleeps until noon', 'violence/clear'],
  ['I pinned my dad down on the sofa, I scared myself', 'loss_of_control/clear'],
  ['Can I transfer my own savings into my own account online?', 'none'],
])('%s → %s', (text, expected) => {
  expect(label(text)).toBe(expected);
});

describe('the classifier layer: the carer taken away is a cue of its own kind for out of hours', () => {
  const knowledge = path.join(__dirname, '../../knowledge');
  const net = createSafetyCheck(loadSafety(path.join(knowledge, 'safety.json')), loadSafetyClassifier(path.join(knowledge, 'safety-corpus.jsonl')));
  test('a confident out-of-hours sentence with the carer in hospital needs no "nobody answers"', () => {
    // kindCue lets clearWithKindCue (0.7) decide; before, only "unreachable" counted
    expect(net.classify('Ich liege seit heute früh in der Notaufnahme, wer schaut heute nach Papa?')).toMatchObject({ kind: 'out_of_hours', kindCue: true, damped: false });
  });
});

describe('the session-13 dev phrasings (s13t…, never trained on): a floor a bit under what the net reaches', () => {
  const knowledge = path.join(__dirname, '../../knowledge');
  const net = createSafetyCheck(loadSafety(path.join(knowledge, 'safety.json')), loadSafetyClassifier(path.join(knowledge, 'safety-corpus.jsonl')));
  const rows = parseJsonl(fs.readFileSync(path.join(__dirname, 'corpus.jsonl'), 'utf8')).filter((r) => r.id.startsWith('s13t'));
  test('clear recall ≥ 78 % (41/50 at the end of the session), at most one false alarm', () => {
    const s = score(rows, net.assess);
    expect(s.clear.all.hit / s.clear.all.n).toBeGreaterThanOrEqual(0.78);
    expect(s.falseAlarms).toBeLessThanOrEqual(1);
  });
});
