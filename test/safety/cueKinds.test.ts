// Table tests of session 9's mechanisms (rules only): acute + nobody reachable now, who harms whom,
// the means of a suicide and the wider word field of ending, a carer's fear of their own hands,
// idioms of dying, fiction and news, and a past clause or sentence that lends no cue to the rest.
import * as path from 'path';
import { loadSafety } from '../../bot/safety/load';
import { createSafetyCheck } from '../../bot/safety/safety';

const rules = createSafetyCheck(loadSafety(path.join(__dirname, '../../knowledge/safety.json')));
const label = (text: string) => {
  const r = rules.assess(text);
  return r ? `${r.kind}/${r.strength}` : 'none';
};

test.each([
  // acute need + nobody to reach now, with or without a time of day
  ['Papa hat hohes Fieber und beim Hausarzt läuft nur das Band', 'out_of_hours/clear'],
  ['mum is vomiting and the district nurse line just rings out', 'out_of_hours/clear'],
  ['Sonntag, sein Katheter ist rausgerutscht und er wimmert vor Schmerzen', 'out_of_hours/clear'],
  ['Unser Hausarzt hat Urlaub, wer verschreibt solange die Dauermedikation?', 'none'],
  // an agent, an act of harm, a victim
  ['Der Pfleger zerrt den Bewohner aus dem Bett und beschimpft ihn', 'violence/clear'],
  ['the care worker pinched my grandad and calls him names', 'violence/clear'],
  ['Die Tochter der Nachbarin bindet ihre Mutter nachts am Stuhl fest', 'violence/clear'],
  ['my nephew keeps helping himself to grans savings', 'violence/clear'],
  ['Mein Bruder verwaltet das Konto unserer Mutter mit einer Vollmacht. Muss er Belege aufheben?', 'none'],
  // the means of a suicide, said by the writer or about the person cared for
  ['ich habe heute einen Abschiedsbrief an meine Kinder geschrieben', 'suicidal/clear'],
  ['Opa hat gesagt, er springt vom Dach, wenn er ins Heim muss', 'suicidal/clear'],
  ['I looked up the lethal dose of her tablets for myself', 'suicidal/clear'],
  ['Wir wohnen im dritten Stock, gibt es Zuschüsse für einen Treppenlift?', 'none'],
  // a carer afraid of their own hands
  ['Ich erkenne mich nicht wieder, ich habe meinen Mann angeschrien und gepackt', 'loss_of_control/clear'],
  ['I snapped and shook her, I am scared of what I might do', 'loss_of_control/clear'],
  // idioms of dying, fiction and news
  ['Ich sterbe vor Langeweile in der Warteschleife', 'none'],
  ['The paperwork is killing me, who can help with the form?', 'none'],
  // fiction is remote (session 12): no line at all
  ['Im Krimi hat der Pfleger die alte Frau eingesperrt. Gibt es echte Kontrollen?', 'none'],
  // a past clause or sentence lends no cue to the present
  ['Die Pflegerin hat meine Oma früher angeschrien, wir haben gewechselt und jetzt ist alles gut', 'violence/possible'],
  ['Mein Vater hat mich als Kind oft geschlagen. Jetzt ist er im Heim. Muss ich zahlen?', 'none'],
])('%s → %s', (text, expected) => {
  expect(label(text)).toBe(expected);
});
