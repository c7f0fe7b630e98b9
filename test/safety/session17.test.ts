// Table tests of session 17: a care act or an office's "no" damps the model's death-wish reading
// (the person cared for as the object of a care act, an institution as the subject of a refusal);
// a sentence that also names the crisis itself or all at once keeps its reading; a threat told as an
// idiom ("dann knallts", "sonst vergess ich mich", "I'm gonna smack her") is the carer losing control.
// An asked reading whose sentence takes the person cared for along ("dass ich ihn mitnehme") is clear.
import * as path from 'path';
import { loadSafety, loadSafetyClassifier } from '../../bot/safety/load';
import { createSafetyCheck } from '../../bot/safety/safety';

const knowledge = path.join(__dirname, '../../knowledge');
const net = createSafetyCheck(loadSafety(path.join(knowledge, 'safety.json')), loadSafetyClassifier(path.join(knowledge, 'safety-corpus.jsonl')));
const label = (t: string): string => {
  const a = net.assess(t);
  return a ? `${a.kind}/${a.ask ? 'ask' : a.strength}` : 'none';
};

describe('a care act or an office\'s refusal damps the model\'s death-wish reading', () => {
  test.each<[string, string]>([
    // each was suicidal/possible from the model alone (the gentle line under a care question)
    ['Ich habe Papa heute seine Tabletten gegeben und ihn gewaschen. Bekommen wir mehr Pflegegeld?', 'none'],
    ['Die Kasse hat den Antrag abgelehnt. Und wenn die dann nochmal nein sagen?', 'none'],
    ['I gave mum her tablets and washed her. Can we get more carer\'s allowance?', 'none'],
  ])('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });
  test.each<string>([
    'Ich habe Papa heute seine Tabletten gegeben und ihn gewaschen.',
    'I gave dad his tablets this morning and he has been sleepy since.',
    'The council refused the grant for the stairlift.',
  ])('the model\'s sentence is damped: %s', (text) => {
    const v = net.classify(text);
    if (v?.kind === 'suicidal') expect(v.damped).toBe(true);
  });
  test.each<[string, string]>([
    // a wish of the writer, a means or all at once still count (rules or undamped model)
    ['Ich habe Mama ihre Tabletten gegeben. Ich will nicht mehr leben.', 'suicidal/clear'],
    ['Ich habe Mama alle ihre Schlaftabletten auf einmal gegeben, damit endlich Ruhe ist.', 'suicidal/clear'],
  ])('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });
});

describe('a threat told as an idiom, first person, aimed at the person cared for', () => {
  test.each<[string, string]>([
    // each was none or the model's suicidal/possible
    ['Wenn sie noch einmal nach mir tritt, dann knallts.', 'loss_of_control/clear'],
    ['Er soll aufhören mich zu kratzen, sonst vergess ich mich.', 'loss_of_control/clear'],
    ['Hör auf zu spucken, sonst schlag ich zu.', 'loss_of_control/clear'],
    ['Wenn der Opa noch einmal den Teller runterwirft, kriegt er eine geklebt.', 'loss_of_control/clear'],
    ['If she bites me again tonight I\'m gonna smack her.', 'loss_of_control/clear'],
    // look-alikes: a bargain, forgetting oneself in care
    ['Wenn der Rollator im Angebot ist, dann schlag ich zu.', 'none'],
    ['Bei der ganzen Pflege vergesse ich mich selbst. Gibt es Kurse für Angehörige?', 'none'],
  ])('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });
});

describe('an asked reading that takes the person cared for along is clear', () => {
  test.each<[string, string]>([
    // each was suicidal/ask (the model alone, no cue of its kind)
    ['Ich habe mir überlegt, dass ich meinen Mann mitnehme, wenn ich gehe.', 'suicidal/clear'],
    ['Ich bin so müde. Wenn ich gehe, nehme ich sie mit, damit sie nicht allein ist.', 'suicidal/clear'],
    // a trip to the doctor is no plan: session 17 kept it below the asked band (still the gentle line);
    // session 17c reads taking the person along to an everyday place as a care act, so no line at all
    ['Wenn ich zum Arzt gehe, nehme ich Mama mit. Geht das mit dem Rollstuhl im Bus?', 'none'],
    ['We want to go together on holiday with dad one last time. Is there respite cover?', 'none'],
  ])('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });
});
