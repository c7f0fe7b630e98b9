// Session 10's rule mechanisms, table-tested on the rules alone: goodbye behaviour as a suicidal
// cue, a person living alone without supply, food or order (self-neglect), the look-alikes that
// share their words, and which care question a clear crisis answers after its numbers.
import * as path from 'path';
import { loadSafety } from '../../bot/safety/load';
import { createSafetyCheck } from '../../bot/safety/safety';

const rules = createSafetyCheck(loadSafety(path.join(__dirname, '../../knowledge/safety.json')));
const label = (text: string) => {
  const r = rules.assess(text);
  return r ? `${r.kind}/${r.strength}` : 'none';
};

test.each([
  // goodbye behaviour + an ending / no need / a word of dying
  ['ich hab mich von allen verabschiedet und brauch das alles ja nicht mehr', 'suicidal/clear'],
  ['i put my affairs in order and i wont be needing any of it much longer', 'suicidal/clear'],
  ['ich habe mein testament gemacht, bald bin ich nicht mehr da', 'suicidal/clear'],
  // goodbye words alone are no crisis: moving, a will for the inheritance
  ['wir haben uns von allen nachbarn verabschiedet, weil mama ins heim zieht', 'none'],
  ['how do i update my will when dad moves into a home?', 'none'],
  // alone + no supply / disorder + confusion, no food or nobody opening
  ['meine nachbarin lebt allein, hat keinen strom und nichts zu essen', 'neglect/clear'],
  // confused speech is read as a medical sign first: clear as well
  ['meine nachbarin lebt allein, hat keinen strom und redet wirr', 'medical/clear'],
  ['the old man next door has no heating and nothing in the fridge', 'neglect/clear'],
  ['aus der wohnung der alten dame riecht es furchtbar und sie macht nicht mehr auf', 'neglect/clear'],
  // one sign alone, or a supply problem without a person alone, is no crisis
  ['wir hatten gestern keinen strom, läuft das pflegebett mit akku?', 'none'],
  ['unsere nachbarin lebt allein, kann sie essen auf rädern bekommen?', 'none'],
  // look-alikes of a wish to disappear or end
  ['i wish i could disappear for a weekend, is there short-term care?', 'none'],
  ['ich mach schluss mit der vollzeitstelle, um papa zu pflegen', 'none'],
  ['mama möchte eine patientenverfügung, damit sie nicht künstlich am leben gehalten wird', 'none'],
])('%s → %s', (text, expected) => {
  expect(label(text)).toBe(expected);
});

test.each<[string, string, string | undefined]>([
  ['Ich habe Papa zu fest gepackt. Welche Entlastung gibt es?', 'loss_of_control', 'relief'],
  ['I grabbed dad too hard. Is there respite care?', 'loss_of_control', 'relief'],
  ['Ich kann nicht mehr und will nicht mehr leben. Gibt es Kurzzeitpflege?', 'suicidal', 'relief'],
  // relief is no answer to a medical emergency: the numbers only
  ['Er ist gestürzt und blutet. Gibt es Kurzzeitpflege?', 'medical', undefined],
  ['Meine Nachbarin lebt allein und hat keinen Strom.', 'neglect', 'self_neglect'],
  // a neighbour in a care home is no one living alone
  ['Im Heim liegt Mama stundenlang in ihrem Kot.', 'neglect', undefined],
  // the help of one kind is not given for another
  ['Meine Nachbarin lebt allein.', 'violence', undefined],
  // a negated wish for relief asks for none
  ['Ich habe ihn geschlagen, ich brauche keine Entlastung, nur Rat.', 'loss_of_control', undefined],
])('helpAfterCrisis(%s, %s) = %s', (text, kind, help) => {
  expect(rules.helpAfterCrisis(text, kind as never)).toBe(help);
});
