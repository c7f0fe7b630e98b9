// Table tests of session 14b's rules: violence by withholding (food, drink, medicine, the phone
// taken or kept from the person on purpose), a passive death wish with a participle ("hoping I
// never wake up"), bruises explained by a blood thinner named first, and "I do not recognise myself"
// / "that is not who I am" after an act of harm as loss of control.
import * as path from 'path';
import { loadSafety } from '../../bot/safety/load';
import { createSafetyCheck } from '../../bot/safety/safety';

const knowledge = path.join(__dirname, '../../knowledge');
const rules = createSafetyCheck(loadSafety(path.join(knowledge, 'safety.json')));
const label = (text: string): string => {
  const r = rules.assess(text);
  return r ? `${r.kind}/${r.strength}` : 'none';
};

test.each([
  // withholding on purpose is violence, told in the third person
  ['Meine Schwägerin nimmt Opa abends das Essen weg, wenn er nicht gehorcht', 'violence/clear'],
  ['Der Betreuer lässt meine Tante zur Strafe nichts trinken', 'violence/clear'],
  ['Sie versteckt seine Herztabletten, damit er still ist', 'violence/clear'],
  ['my uncle keeps hiding grandma\'s insulin from her', 'violence/clear'],
  ['her son refuses to let her eat until she signs the papers', 'violence/clear'],
  // the same words without anyone withholding anything
  ['Wie bekomme ich Mama dazu, mehr zu trinken? Sie vergisst es ständig', 'none'],
  ['Papa versteckt dauernd sein Portemonnaie und findet es dann nicht mehr', 'none'],
  ['Does the care insurance pay for a pill dispenser so dad does not miss his meds?', 'none'],
])('withholding: %s → %s', (text, expected) => {
  expect(label(text)).toBe(expected);
});

test.each([
  ['most nights i go to bed hoping i dont wake up again', 'suicidal/clear'],
  ['ive been wishing i do not wake up tomorrow', 'suicidal/clear'],
  ['Mum is hoping she can wake up without pain after the operation', 'none'],
])('passive wish: %s → %s', (text, expected) => {
  expect(label(text)).toBe(expected);
});

test.each([
  // bruises that a blood thinner explains are a medication question, not a sign of harm
  ['Seit Opa Marcumar nimmt, hat er ständig Hämatome an den Armen. Ist das normal?', 'none'],
  ['Her anticoagulant was changed last week and now she has bruises everywhere', 'none'],
  // bruises with a person who causes them stay violence
  ['Seit die neue Pflegerin da ist, hat Oma blaue Flecken und weint, wenn sie kommt', 'violence/clear'],
])('bruises: %s → %s', (text, expected) => {
  expect(label(text)).toBe(expected);
});

test.each([
  ['hab papa vorhin angeschrien und geschubst, ich erkenn mich nicht mehr', 'loss_of_control/clear'],
  ['I shouted at mum and shoved her chair. That is not who I am.', 'loss_of_control/clear'],
  ['Ich erkenne mich im Spiegel kaum wieder, so müde bin ich. Gibt es eine Kur für pflegende Angehörige?', 'none'],
])('loss of control: %s → %s', (text, expected) => {
  expect(label(text)).toBe(expected);
});
