// Guided dialogs answer first: a question about a deadline's rule ("Wie lange habe ich Zeit für
// einen Widerspruch?", "Ab wann gibt es Geld?") gets the rule from the answer it belongs to; working
// out the concrete date is then offered (the deadline dialog), not started. Pure.
import type { Lexicon } from '../nlu/lexicon';
import { foldText } from '../nlu/normalise';
import type { Aspect } from './followUp';

export interface DeadlineRule {
  /** the answer whose sentences state the rule */
  topic: string;
  aspect: Exclude<Aspect, 'where'>;
  /** which date the deadline dialog can work out */
  kind: 'objection' | 'decision';
}

const FROM_WHEN = /\b(ab wann|seit wann|von wann an|ruckwirkend|from when|since when|backdated|retroactive\w*|start paying)\b/;
const OBJECTION = /\b(widerspruch\w*|widersprech\w*|einspruch|bescheid|abgelehnt|ablehnung|objection|object|appeal|refused|rejected|notice)\b/;
const DECISION = /\b(antrag\w*|beantrag\w*|entscheid\w*|bearbeit\w*|application|apply|applied|decision|decide)\b/;

export function deadlineRule(text: string): DeadlineRule {
  const f = foldText(text);
  // "Ab wann gibt es Geld, ab Antrag oder ab Bescheid?": benefits start with the application month
  if (FROM_WHEN.test(f)) return { topic: 'apply', aspect: 'from_when', kind: 'decision' };
  if (OBJECTION.test(f)) return { topic: 'objection', aspect: 'deadline', kind: 'objection' };
  if (DECISION.test(f)) return { topic: 'apply', aspect: 'deadline', kind: 'decision' };
  return { topic: 'objection', aspect: 'deadline', kind: 'objection' };
}

/** What a guided dialog is for, asked in so many words: a date to work out ("Bis wann muss der
 *  Widerspruch da sein?", "Bitte ausrechnen") or the self-check ("Welcher Pflegegrad wäre das?"). */
export type GuideAsk = 'date' | 'selfcheck';

const ASKS_DATE = /\b(bis wann|bis zum wievielten|welches datum|an welchem tag|letzte[rn]? tag|wann (endet|ende|lauft|ist|war) (die|der|meine|unsere)? ?(frist|widerspruchsfrist)|wie lange (habe|hab|haben|hatte|hatten) (ich|wir|man) zeit|wie viel zeit (habe|hab|haben)|frist\w* (berechn|ausrechn)\w*|berechne\w*|ausrechne\w*|ausrechnen|ausgerechnet|until when|by when|what date|which date|last day|how (long|much time) do (i|we|you) have|calculate\w*|work(ed)? out)\b/;
const ASKS_SELFCHECK = /\b(selbsttest|selbstcheck|selbst ?einschatz\w*|welche[nr]? pflegegrad|welchen grad|pflegegrad (einschatz|abschatz|ausrechn)\w*|(bekommt|bekommen|kriegt|kriegen|hat|hatte) (sie|er|man|ich|mein\w* \w+|die \w+|der \w+) (wohl |eigentlich |denn |uberhaupt )*(einen |ein )?pflegegrad|self[- ]?check|self[- ]?test|which (care )?grade|what (care )?grade (would|might|could|will)|(would|will|could) (she|he|i|we|they) (get|qualify for) a (care )?grade)\b/;

/** Which guided dialog the question sentences of a message ask for, if any. A story that only
 *  mentions a date ("am 28. Juli angerufen") or a care grade asks something else: the question
 *  entry or the rule answers it, and working out the date stays a button. */
export function guideAsked(questions: string): GuideAsk | undefined {
  const f = foldText(questions);
  if (ASKS_DATE.test(f)) return 'date';
  if (ASKS_SELFCHECK.test(f)) return 'selfcheck';
  return undefined;
}

/** words that ask about the grade itself: whether it is right, how to estimate or raise it */
const ABOUT_THE_GRADE = /\b(einschatz\w*|selbsttest|selbstcheck|self-?check|estimate\w*|test\w*|check\w*|prufe\w*|herausfind\w*|find out|welche\w*|which|ob|whether|might|would|wurde|konnte|richtig|zu (niedrig|wenig|gering)|hoher\w*|hochstuf\w*|punkt\w*|point\w*|score\w*|too low|higher|upgrade|right grade|correct grade)\b/;
/** a question word anywhere, or a question's first word at a sentence start; English "was" is a verb
 *  ("She was assessed at grade 2"), so an English message is read with the English words only */
const QUESTION_START_DE = /\b(wie|was|welche\w*|wer|wo|wann|warum|wieviel\w*|weshalb)\b|(^|[.!]\s+)(kann|konnen|muss|mussen|ist|sind|gibt|bekommt|bekommen)\b/;
const QUESTION_START_EN = /\b(how|what|which|who|where|when|why)\b|(^|[.!]\s+)(can|could|is|are|do|does|will|should)\b/;

/** A message that tells a care grade asks about the grade itself ("Ist Pflegegrad 2 richtig?",
 *  "what score is needed for grade 3") or asks anything at all; a bare statement ("Meine Mutter
 *  hat Pflegegrad 3 und wohnt bei mir.") does not, and needs no self-check: the grade is known. */
export function asksAboutOrAnything(text: string, lang?: 'de' | 'en'): boolean {
  const f = foldText(text).trim();
  const asks = (lang !== 'en' && QUESTION_START_DE.test(f)) || (lang !== 'de' && QUESTION_START_EN.test(f));
  return /\?/.test(text) || ABOUT_THE_GRADE.test(f) || asks;
}

/** A message that only tells ("Meine Oma wohnt allein in Styrum und hat Pflegegrad 2."): it asks
 *  nothing, searches nothing, wants no letter, names no date or notice and is no request ("ich brauche …"). */
const REQUEST = /\b(brauch\w*|such\w*|hilf\w*|bitte|mochte|wurde gern\w*|need\w*|looking|help|please|want|would like)\b/;
/** a date or a letter from the care fund wants its deadline or objection ("Bescheid vom 3.5.") */
const DATE_LIKE = /\d{1,2}\.\s?\d{1,2}\.|\b(bescheid\w*|widerspruch\w*|notice|decision|objection|appeal)\b/;
export function bareStatement(text: string, words: Lexicon, lang?: 'de' | 'en'): boolean {
  const f = foldText(text).trim();
  if (asksAboutOrAnything(text, lang) || REQUEST.test(f) || DATE_LIKE.test(f)) return false;
  return !words.has('local_search', text) && !words.has('letter_request', text) && !words.has('callback_request', text);
}
