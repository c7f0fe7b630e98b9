// Table tests of the mechanisms behind the session-8 misses and false alarms: words that are
// German and English at once, German ordinal dates, separable verbs, childhood and hospital stays as
// history, money taken in secret, sedation, and the classifier's clear by a cue of its own kind.
import * as path from 'path';
import { loadSafety } from '../../bot/safety/load';
import { createSafetyCheck, sentences } from '../../bot/safety/safety';
import { CLASSIFIER_THRESHOLDS, combine } from '../../bot/safety/classifier';

const rules = createSafetyCheck(loadSafety(path.join(__dirname, '../../knowledge/safety.json')));
const label = (text: string) => {
  const r = rules.assess(text);
  return r ? `${r.kind}/${r.strength}` : 'none';
};

test.each([
  // third-person violence in any inflection, money taken in secret, sedation by a service
  ['my stepdad slaps my nan when she wets herself', 'violence/clear'],
  ['they lock mum in her room at the home every evening', 'violence/clear'],
  ['staff at the home tied my father to his chair with a belt', 'violence/clear'],
  ['der neue freund meiner tante hebt mit ihrer karte heimlich geld ab', 'violence/clear'],
  ['Jemand hat Opas Sparbuch geplündert', 'violence/clear'],
  ['Sie geben Papa im Heim so viele Beruhigungsmittel, dass er nur noch schläft', 'violence/clear'],
  ['Sie lassen meine Mutter nicht mehr raus, die Tür ist immer abgeschlossen', 'violence/clear'],
  // passive death wishes in other inflections, plans with pills
  ['Wenn ich morgen nicht mehr aufwache, wäre das auch okay', 'suicidal/clear'],
  ['ich will einfach nur noch dass alles aufhört', 'suicidal/clear'],
  ['Ich habe die Schlaftabletten gesammelt, für uns beide', 'suicidal/clear'],
  ['i have no strength left to live', 'suicidal/clear'],
  ['Some nights I hope I just do not wake up', 'suicidal/clear'],
  // out of hours: closed pharmacy or surgery in other words
  ['feiertag und die tabletten von mama sind alle, die apotheke hat zu. was mache ich jetzt', 'out_of_hours/clear'],
  ['bank holiday, grans run out of her heart tablets, what now', 'out_of_hours/clear'],
  ['middle of the night and his wound is red hot and swollen, the surgery will not open till monday', 'out_of_hours/clear'],
  // a seizure, and fitting something
  ['Mum has been fitting for five minutes', 'medical/clear'],
  ["We're thinking of fitting a lock inside that only she can open", 'none'],
  // German "im" and "die" are no English "I'm" and "die"
  ['Meine Mutter liegt im Sterben, sie will keine Klinik mehr. Welche Hilfe gibt es für die letzten Wochen zu Hause?', 'none'],
  ['Ich komme nicht mehr in die Badewanne. Bekomme ich Hilfe für eine ebenerdige Dusche?', 'none'],
  // separable verbs and adjectives that look like violence
  ['Der Heimarzt schlägt eine Magensonde vor', 'none'],
  ['Als wir das angesprochen haben, war sie beleidigt', 'none'],
  // violence in childhood is remote (session 12: markers.remote): no crisis line at all
  ['Mein Vater hat mich als Kind oft geschlagen. Muss ich jetzt für sein Heim zahlen?', 'none'],
  ['My father was violent towards us when we were kids. Do I have to pay for his care home?', 'none'],
  // weeks in hospital: the emergency is over
  ['She fell, broke her hip and has now been in hospital for almost three weeks. What happens after?', 'none'],
  // an empty savings account in a cost question is not money taken
  ['Sein Erspartes ist so gut wie weg. Wer zahlt denn den Rest, wenn nichts mehr da ist?', 'none'],
  // a neglected-looking neighbour without a place or service: possible
  ['Mein Nachbar wirkt verwahrlost und der Strom ist abgestellt. Wer berät zu Hause?', 'neglect/possible'],
  ['Im Heim liegt meine Mutter stundenlang in ihren nassen Einlagen', 'neglect/clear'],
])('%s → %s', (text, expected) => {
  expect(label(text)).toBe(expected);
});

test('a German ordinal date does not end a sentence', () => {
  expect(sentences('mein mann ist am 3. märz gestürzt. am 9. dieses monats kam der bescheid')).toEqual(['mein mann ist am 3 märz gestürzt', 'am 9 dieses monats kam der bescheid']);
  expect(sentences('zucker bei 2.1. jetzt zittert er')).toEqual(['zucker bei 2.1', 'jetzt zittert er']);
});

test('a confident sentence is clear with a cue of its own kind, possible without, one step lower when damped', () => {
  const th = CLASSIFIER_THRESHOLDS;
  const kindCue = th.clearWithKindCue!;
  expect(combine(undefined, { kind: 'violence', p: kindCue, cue: false, kindCue: true, damped: false })).toEqual({ kind: 'violence', strength: 'clear' });
  expect(combine(undefined, { kind: 'violence', p: kindCue, cue: false, kindCue: false, damped: false })).toEqual({ kind: 'violence', strength: 'possible' });
  expect(combine(undefined, { kind: 'violence', p: kindCue, cue: false, kindCue: true, damped: true })).toEqual({ kind: 'violence', strength: 'possible' });
  expect(combine(undefined, { kind: 'suicidal', p: th.possible - 0.01, cue: false, kindCue: true, damped: false })).toBeUndefined();
  expect(kindCue).toBeGreaterThanOrEqual(th.possible);
});
