// Table tests: a story starts a guided dialog only when its question sentences ask for one
// (bot/conversation/answerFirst.ts guideAsked, bot/conversation/cues.ts storySkipsGuide).
import { guideAsked, type GuideAsk } from '../../bot/conversation/answerFirst';
import { storySkipsGuide } from '../../bot/conversation/cues';
import { loadLexicon } from '../../bot/nlu/lexicon';
import { ROOT } from '../helpers/app';
import * as path from 'path';

const words = loadLexicon(path.join(ROOT, 'locales'));

describe('guideAsked', () => {
  test.each<[string, GuideAsk | undefined]>([
    // a date to work out
    ['Bis wann muss der Widerspruch bei der Kasse sein?', 'date'],
    ['Wie lange habe ich Zeit, um mich zu wehren?', 'date'],
    ['Können Sie mir das Datum ausrechnen?', 'date'],
    ['Wann endet die Frist?', 'date'],
    ['By when do I have to send the objection?', 'date'],
    ['How long do we have to appeal?', 'date'],
    ['Can you work out the last day for me?', 'date'],
    // the self-check
    ['Welchen Pflegegrad bekommt sie wohl?', 'selfcheck'],
    ['Bekommt mein Vater überhaupt einen Pflegegrad?', 'selfcheck'],
    ['Gibt es einen Selbsttest?', 'selfcheck'],
    ['Which grade would he get?', 'selfcheck'],
    // something else: the story's date or grade is context
    ['Bekommt er das Geld dann erst ab September oder schon ab Juli?', undefined],
    ['Müssen wir die einhalten?', undefined],
    ['Kann man das bei der Steuer absetzen?', undefined],
    ['Is it gone now, or can we still use it?', undefined],
    ['Wie schnell muss die Pflegekasse jemanden schicken?', undefined],
  ])('%s → %s', (q, want) => {
    expect(guideAsked(q, words)).toBe(want);
  });
});

describe('storySkipsGuide', () => {
  test.each<[string, string, string, boolean, boolean]>([
    // an entry answers the question of a story that only tells a date
    ['deadline', 'Müssen wir die einhalten?', 'Im Vertrag steht eine Frist von vier Wochen. Müssen wir die einhalten?', true, true],
    // no entry: a deadline story gets the rule, not the calculator
    ['deadline', 'Bekommt er das Geld ab Juli?', 'Am 28. Juli beantragt. Bekommt er das Geld ab Juli?', false, true],
    // the question asks for the date: the calculator
    ['deadline', 'Bis wann muss der Widerspruch da sein?', 'Der Bescheid kam am 3. März. Bis wann muss der Widerspruch da sein?', true, false],
    // a date asked for a deadline the calculator does not know: the entry's rule answers (no entry: the guide)
    ['deadline', 'Bis wann muss ich sie einreichen?', 'Die Rechnungen der Kurzzeitpflege vom Frühjahr liegen noch hier. Bis wann muss ich sie einreichen?', true, true],
    ['deadline', 'By when do I have to send them in?', 'I still have the respite care invoices from May. By when do I have to send them in?', true, true],
    ['deadline', 'Bis wann muss ich sie einreichen?', 'Die Rechnungen der Kurzzeitpflege vom Frühjahr liegen noch hier. Bis wann muss ich sie einreichen?', false, false],
    // … but a calculation asked in so many words still starts the calculator
    ['deadline', 'Können Sie mir das ausrechnen?', 'Die Rechnungen der Kurzzeitpflege vom Frühjahr liegen noch hier. Können Sie mir das ausrechnen?', true, false],
    // a letter or what changed keeps its guided dialog
    ['objection', 'Haben Sie eine Vorlage?', 'Der Bescheid kam gestern. Haben Sie eine Vorlage?', true, false],
    ['None', 'Was hat sich geändert?', 'Ich pflege seit 2020. Was hat sich geändert?', true, false],
    // the self-check without an entry stays
    ['selfcheck', 'Stimmt das?', 'Sie hat Pflegegrad 3. Stimmt das?', false, false],
    ['selfcheck', 'Welchen Pflegegrad bekommt sie wohl?', 'Sie kann nicht mehr allein duschen. Welchen Pflegegrad bekommt sie wohl?', true, false],
    // a told share and "what is left": the calculation, even when an entry about the rule was found
    ['in_kind', 'Wie viel Pflegegeld bleibt uns dann?', 'Grad 3, der Pflegedienst verbraucht ungefähr ein Drittel. Wie viel Pflegegeld bleibt uns dann?', true, false],
    ['allowance', 'How much allowance is left?', 'Grade 2, the service bills seventy percent. How much allowance is left?', true, false],
    // a share without a question for the rest is context: the entry answers
    ['in_kind', 'Darf der Dienst das so abrechnen?', 'Der Pflegedienst rechnet 60 Prozent ab. Darf der Dienst das so abrechnen?', true, true],
  ])('%s | %s | %s | entry: %s → %s', (intent, questions, text, hasEntry, want) => {
    expect(storySkipsGuide(intent, questions, text, hasEntry, words)).toBe(want);
  });
});
