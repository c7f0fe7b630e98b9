// Table tests of session 16b (data only, knowledge/safety.json): violence told by humiliation or
// punishment, bed rails or belts without an order; neglect told by a weight loss in numbers or a sore
// gone black; medical signs in other words (bluish lips, breathing fast and shallow, "bekommt nicht
// genug Luft", fever told as "glüht" or 39,4 beside confusion told as "durcheinander"); out-of-hours
// need told by its cause (the one who cares taken to hospital with words between verb and place, a
// live-in carer who left today, a day care closed today, "wer passt heute Nacht auf ihn auf").
// Look-alikes stay quiet: legal questions about bed rails, prevention and "what if" questions, and a
// person with dementia who went missing (no out-of-hours alarm: that answer names 116 117, a missing
// person needs the police; left open, docs/safety.md session 16b).
import * as path from 'path';
import { loadSafety, loadSafetyClassifier } from '../../bot/safety/load';
import { createSafetyCheck } from '../../bot/safety/safety';

const knowledge = path.join(__dirname, '../../knowledge');
const net = createSafetyCheck(loadSafety(path.join(knowledge, 'safety.json')), loadSafetyClassifier(path.join(knowledge, 'safety-corpus.jsonl')));
const label = (t: string): string => {
  const a = net.assess(t);
  return a ? `${a.kind}/${a.ask ? 'ask' : a.strength}` : 'none';
};

describe('session 16b: crises told by their signs', () => {
  test.each<[string, string]>([
    ['the night aide calls my gran a stupid old cow and leaves her without her call bell as punishment', 'violence/clear'],
    ['Die Pflegerin verspottet Oma vor allen anderen und lässt sie zur Strafe im Flur sitzen.', 'violence/clear'],
    ['Im Heim ist bei Mama jede Nacht das Bettgitter oben, ohne richterliche Genehmigung, und sie kommt nicht allein raus.', 'violence/clear'],
    ['the home puts the bed rails up on dad every night with no court order and he cries to get out', 'violence/clear'],
    ['Im Heim ist die Wunde an Papas Ferse schwarz geworden und keiner vom Personal hat es gemerkt.', 'neglect/clear'],
    ['my grandad\'s lips have turned bluish and he says he can\'t get any air', 'medical/clear'],
    ['dad says he can\'t get enough air and his breathing is fast and shallow', 'medical/clear'],
    ['Oma glüht richtig und ist seit dem Mittag völlig durcheinander.', 'medical/clear'],
    ['grandpa has been disoriented all afternoon and is burning up', 'medical/clear'],
    ['Meine Frau, die Opa pflegt, wurde heute Abend mit Verdacht auf Schlaganfall in die Klinik gebracht, und Opa ist allein zu Hause.', 'out_of_hours/clear'],
    ['Unsere Betreuungskraft ist heute ohne Ankündigung abgereist, und Opa kann nicht allein aufstehen.', 'out_of_hours/clear'],
    ['Die Tagespflege hat heute wegen Krankheit geschlossen und ich kann meine Mutter nicht allein lassen, es ist kurz vor sieben.', 'out_of_hours/clear'],
    ['Im Heim liegt Oma nur noch im Bett, die Pfleger drehen sie nie um.', 'neglect/clear'],
    ['grandad has lost a huge amount of weight in the home and his dinner goes back untouched', 'neglect/clear'],
    ['Mein Bruder pflegt Oma angeblich, aber sie liegt im nassen Bett und hat seit gestern nichts getrunken.', 'neglect/clear'],
    ['my cousin is supposed to be looking after grandad, but every time I visit he is dehydrated and unwashed', 'neglect/clear'],
  ])('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });
  test.each([
    'Dürfen Pflegeheime Bettgitter ohne richterliche Genehmigung hochziehen?',
    'Is it legal for a care home to use bed rails without a court order?',
    'Mama hat in der Reha drei Kilo abgenommen, worauf muss ich beim Essen achten?',
    'How can I tell if my father\'s breathing is too shallow at night?',
    'Was mache ich, wenn Oma nicht genug Luft bekommt?',
    'Wie erkenne ich hohes Fieber bei älteren Menschen?',
    'My daughter is burning up with excitement about visiting grandma.',
    'Die Pflegerin hat Papa früher als Strafe das Fernsehen verboten, als er Kind war.',
    'Mein Vater mit Demenz ist letzte Woche weggelaufen, die Polizei hat ihn zum Glück gefunden. Wie kann ich die Haustür sichern?',
    'Mama hat Demenz und ist schon zweimal weggelaufen. Gibt es GPS-Uhren, die die Kasse bezahlt?',
    'What should I do if my husband with dementia goes missing?',
    'My dad has dementia and keeps wandering at night, how do we stop him getting out?',
    'Meine Mutter wurde letzte Woche mit einer Lungenentzündung ins Krankenhaus gebracht. Wer bezahlt die Kurzzeitpflege danach?',
    'My mum went missing from the care home for two hours yesterday but was found safe, can I complain?',
    'My mum with dementia went missing for 3 hours yesterday. What should I do if it happens again, when do I call the police?',
    'Unsere Betreuungskraft fährt im Dezember vier Wochen nach Hause. Wer pflegt Mama dann?',
    'Wie oft sollte man bettlägerige Menschen umlagern, damit kein Druckgeschwür entsteht?',
    'Mein Bruder soll sich eigentlich um Mama kümmern, aber er wohnt 200 km weg. Wie kann ich ihn entlasten?',
    'Mama wird von ihrem Sohn gepflegt, aber sie hat jetzt einen Dekubitus. Welche Matratze zahlt die Kasse?',
    'My sister is supposed to look after dad this weekend, but she is ill. Who can step in?',
  ])('no alarm: %s', (text) => {
    expect(net.assess(text)?.strength).not.toBe('clear');
  });
});
