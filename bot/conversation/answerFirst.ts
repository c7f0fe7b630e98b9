// Guided dialogs answer first: a question about a deadline's rule ("Wie lange habe ich Zeit für
// einen Widerspruch?", "Ab wann gibt es Geld?") gets the rule from the answer it belongs to; working
// out the concrete date is then offered (the deadline dialog), not started. Pure; the words are
// data (locales/<lng>/commands.json), matched against folded text.
import { foldText } from '../nlu/normalise';
import { aspectOf, type Aspect } from './followUp';
import type { Lexicon } from '../nlu/lexicon';

export interface DeadlineRule {
  /** the answer whose sentences state the rule */
  topic: string;
  aspect: Exclude<Aspect, 'where'>;
  /** which date the deadline dialog can work out */
  kind: 'objection' | 'decision';
}

/** the question entry about how long the care fund may take to decide (its rule: 25 working days) */
const DECISION_TIME_ENTRY = 'assessment_decision_time';

/** `objection`: the intent engine read the message as the objection topic, so the time rule asked is the objection's */
export function deadlineRule(text: string, words: Lexicon, objection = false): DeadlineRule {
  if (objection) return { topic: 'objection', aspect: 'deadline', kind: 'objection' };
  const f = foldText(text);
  // "Ab wann gibt es Geld, ab Antrag oder ab Bescheid?": benefits start with the application month
  if (words.has('rule_from_when', f)) return { topic: 'apply', aspect: 'from_when', kind: 'decision' };
  // "Wie lange dauert es bis zum Bescheid?": the wait for the decision on the application; what is left
  // once the awaited notice is taken out names the area ("… nach dem Widerspruch bis zum Bescheid": the objection)
  const awaited = words.exec('awaits_decision', f);
  if (awaited && words.has('aspect_duration', f) && !words.has('rule_objection', f.replace(awaited[0], ' '))) {
    return { topic: DECISION_TIME_ENTRY, aspect: 'duration', kind: 'decision' };
  }
  if (words.has('rule_objection', f)) return { topic: 'objection', aspect: 'deadline', kind: 'objection' };
  if (words.has('rule_decision', f)) return { topic: 'apply', aspect: 'deadline', kind: 'decision' };
  return { topic: 'objection', aspect: 'deadline', kind: 'objection' };
}

const TIME_ASPECTS: ReadonlySet<Aspect> = new Set(['deadline', 'from_when', 'duration']);

/** Whether a message asks for a time rule at all: how long, by when, from when, a date or a notice.
 *  Stories often carry times that ask nothing ("seit drei Jahren", "zwei Wochen Pause"), and the
 *  intent engine then guesses the deadline topic. */
export function asksForTime(text: string, words: Lexicon): boolean {
  const f = foldText(text);
  const aspect = aspectOf(text, words);
  return (!!aspect && TIME_ASPECTS.has(aspect)) || words.has('rule_from_when', f) || words.has('asks_date', f)
    || words.has('awaits_decision', f) || DATE_LIKE.test(f) || words.has('statement_notice', f);
}

/** How the intent engine's deadline or objection topic is to be taken: `rule` answers the time rule
 *  first and offers the date ("Wie lange habe ich Zeit für einen Widerspruch?" read as the objection
 *  topic, after a story about a refusal); `guess` is a deadline topic for a message that asks nothing
 *  and names no time rule ("Ich pflege meine Frau seit drei Jahren und bräuchte mal zwei Wochen Pause"),
 *  which the next-ranked topic answers better; undefined leaves the intent as it is. */
export function deadlineReading(intent: string, text: string, words: Lexicon, lang?: 'de' | 'en'): 'rule' | 'guess' | undefined {
  if (intent === 'deadline') return !asksForTime(text, words) && !asksAboutOrAnything(text, words, lang) ? 'guess' : 'rule';
  if (intent === 'objection') {
    const f = foldText(text);
    return words.has('asks_date', f) || aspectOf(text, words) === 'deadline' ? 'rule' : undefined;
  }
  return undefined;
}

/** What a guided dialog is for, asked in so many words: a date to work out ("Bis wann muss der
 *  Widerspruch da sein?", "Bitte ausrechnen") or the self-check ("Welcher Pflegegrad wäre das?"). */
export type GuideAsk = 'date' | 'selfcheck';

/** Which guided dialog the question sentences of a message ask for, if any. A story that only
 *  mentions a date ("am 28. Juli angerufen") or a care grade asks something else: the question
 *  entry or the rule answers it, and working out the date stays a button. */
export function guideAsked(questions: string, words: Lexicon): GuideAsk | undefined {
  const f = foldText(questions);
  if (words.has('asks_date', f)) return 'date';
  if (words.has('asks_selfcheck', f)) return 'selfcheck';
  return undefined;
}

/** A message that tells a care grade asks about the grade itself ("Ist Pflegegrad 2 richtig?",
 *  "what score is needed for grade 3") or asks anything at all; a bare statement ("Meine Mutter
 *  hat Pflegegrad 3 und wohnt bei mir.") does not, and needs no self-check: the grade is known.
 *  With a language, question words are read in that language only: English "was" is a verb
 *  ("She was assessed at grade 2"). */
export function asksAboutOrAnything(text: string, words: Lexicon, lang?: 'de' | 'en'): boolean {
  const f = foldText(text).trim();
  const asks = (list: 'question_word' | 'question_lead'): boolean =>
    lang && words.languages.includes(lang) ? words.hasIn(lang, list, f) : words.has(list, f);
  return /\?/.test(text) || words.has('about_the_grade', f) || asks('question_word') || asks('question_lead');
}

/** A message that only tells ("Meine Oma wohnt allein in Styrum und hat Pflegegrad 2."): it asks
 *  nothing, searches nothing, wants no letter, names no date or notice and is no request ("ich brauche …"). */
/** a date wants its deadline or objection ("vom 3.5."); the notice words are the list statement_notice */
const DATE_LIKE = /\d{1,2}\.\s?\d{1,2}\./;
export function bareStatement(text: string, words: Lexicon, lang?: 'de' | 'en'): boolean {
  const f = foldText(text).trim();
  if (asksAboutOrAnything(text, words, lang) || words.has('statement_request', f) || DATE_LIKE.test(f) || words.has('statement_notice', f)) return false;
  return !words.has('local_search', text) && !words.has('letter_request', text) && !words.has('callback_request', text);
}
