// Pure readings of a message's shape that decide where the router sends it; the words come from
// the lexicon (locales/<lng>/commands.json), so they are data and the same in every dialog.
import type { Lexicon } from '../nlu/lexicon';
import { guideAsked } from './answerFirst';
import { aspectOf } from './followUp';
import { asksRestOfShare } from '../care/benefitsText';
import { deadlineKind } from '../care/deadlineText';

/** A short question points back at the last answer only if it is at most this long. */
const MAX_FOLLOW_UP_WORDS = 6;

/** "Was kostet das?", "Ist das kostenlos?", "who pays for it?": a short question whose last two
 *  words point back at the topic just answered ("das Wetter morgen" does not: there "das" is an
 *  article, and it is not among the last two words) */
export function refersBack(text: string, words: Lexicon): boolean {
  const w = text.trim().replace(/[?!.\s]+$/, '').split(/\s+/);
  return w.length <= MAX_FOLLOW_UP_WORDS && w.slice(-2).some((x) => words.has('refers_back', x));
}

/** "Wie viel Pflegegeld bei Pflegegrad 3?": a question of its own, not just an answer to a prompt */
export function isFullQuestion(text: string, words: Lexicon): boolean {
  const count = text.trim().split(/\s+/).length;
  return count >= 4 && (/\?\s*$/.test(text) || words.has('question_start', text.trim()));
}

/** a question typed into a prompt is about the prompt's subject only if it is this short */
const PROMPT_QUESTION_MAX_WORDS = 10;

/** "kostet das was?", "was kostet das denn ungefähr", "wer zahlt das" typed into the place prompt: a
 *  short question about an aspect of what is being searched for (its cost, who applies, a deadline),
 *  not a place. A where-question ("wo ist das?") is still an attempt at the place. The caller checks
 *  that no place or kind of help was named. */
export function asksInPrompt(text: string, words: Lexicon): boolean {
  const t = text.trim();
  if (!t || t.split(/\s+/).length > PROMPT_QUESTION_MAX_WORDS) return false;
  const aspect = aspectOf(t, words);
  return aspect !== undefined && aspect !== 'where';
}

/** A story is answered from its question sentences: a date or a care grade told in the story does
 *  not start the deadline calculator or the self-check unless the question asks for it (a date, the
 *  grade to expect, a letter, what changed). With a question entry the entry answers; without one a
 *  deadline, application or objection story gets its rule or topic answer, the calculation a button. */
export function storySkipsGuide(intent: string, questions: string, text: string, hasEntry: boolean, words: Lexicon): boolean {
  if (words.has('changes_question', questions) || words.has('letter_request', text)) return false;
  // a told share and a question for what is left asks for the calculation, not an entry about the rule
  if (asksRestOfShare(questions, text, words)) return false;
  const asked = guideAsked(questions, words);
  // a date asked for a deadline the calculator does not know (it knows the objection's and the decision's:
  // "Bis wann muss ich die Rechnungen der Verhinderungspflege einreichen?") is the entry's rule, not the
  // calculator's step-by-step guide; "ausrechnen" still asks for the calculator
  if (asked === 'date' && hasEntry && !deadlineKind(text, words) && !words.has('compute', questions)) return true;
  if (asked) return false;
  return hasEntry || ['deadline', 'apply', 'objection'].includes(intent);
}
