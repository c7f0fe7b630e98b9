// Reading a whole message: its sentences, and which of them ask something. Real messages tell a
// story first ("Meine Mutter ist im Heim in Dümpten …") and ask at the end; the question sentences
// decide what to answer, the story only shapes it. Pure; German and English.

import { messageTextMemo } from '../memo';
import { foldText } from './normalise';
import { refersBack } from './negation';

export interface Sentence {
  text: string;
  /** asks something: a question mark, a question word at its start, "ich möchte wissen", "bitte erklären" */
  question: boolean;
}

// Starts of questions without a question mark ("wie beantrage ich das", "darf das heim das").
const QUESTION_START_DE = /^(und |aber |also |nun |jetzt |ach |hallo,? |ok,? )?(wie|was|wer|wo|wann|warum|wieso|weshalb|woher|wohin|womit|wofür|wofur|wovon|worauf|welche[rsmn]?|wieviel|wie ?viel|kann|können|konnen|darf|dürfen|durfen|muss|müssen|mussen|soll|sollen|sollte|gibt|gilt|bekomme|bekommt|bekommen|kriege|kriegt|steht|stehen|zahlt|zahlen|übernimmt|ubernimmt|hat|habe|haben|ist|sind|wird|werden|besteht|lohnt|reicht|brauche|braucht|zählt|zahlt|geht|klappt|stimmt|macht|lässt|lasst|hilft|wäre|ware|würde|wurde|könnte|konnte|dürfte|durfte|müsste|musste|verfällt|verfallt|endet|fällt|fallt)\b/i;
const QUESTION_START_EN = /^(and |but |so |now |hi,? |ok,? )?(how|what|who|where|when|why|which|whose|whom|can|could|may|might|must|should|shall|will|would|do|does|did|is|are|was|were|has|have|had|am)\b/i;
// "Ich möchte wissen, ob …", "Meine Frage:", "bitte erklären Sie", "I'd like to know", "tell me";
// a question told as a statement: "weiß nicht, ob wir das beantragen können", "not sure if I have to"
const ASKS = /\b(ich (möchte|mochte|würde|wurde) (gern |gerne )?wissen|ich frage mich|ich wüsste gern|meine frage|frage ist|weiß jemand|weiss jemand|wer weiß|wer weiss|bitte (erklären|erklaren|sagen)|erklären sie|erklaren sie|sagen sie mir|können sie mir|konnen sie mir|was muss ich|was kann ich|(weiß|weiss) nicht,? ob|nicht sicher,? ob|i('d| would) like to know|i wonder|not sure (if|whether)|(don't|do not) know (if|whether)|my question|does anyone know|please (explain|tell)|tell me|can you (tell|explain))\b/i;

// a care grade's number ("Pflegegrad 3", "grade 3", "PG 3"): no ordinal
const GRADE_BEFORE = /(grad|grade|level|pg)\s*\d$/i;
// lower-case words that start a sentence and follow no ordinal ("… 85. she can't …", "… 3. ich pflege …")
const STARTS_SENTENCE = /^\s+(i|we|he|she|they|my|our|can|could|how|what|does|do|am|will|would|should|ich|wir|er|mein|meine|unser|unsere|wie|was|kann|können|konnen|gibt|bekomme|darf|muss)\b/;

// A turn reads the same message into sentences several times (retrieval, the re-ranker's input, the
// story's questions, follow-ups): the last splits are kept and handed out as copies. Bounded: at the
// limit it starts again empty.
const kept = messageTextMemo<readonly string[]>(splitOnce, 64);

/** Splits at sentence ends (. ! ? and line breaks), keeping abbreviations and dates together. */
export function splitSentences(text: string): string[] {
  return kept(text).slice();
}

function splitOnce(text: string): string[] {
  const protectedText = text
    .replace(/\b(z|d|u|o)\.\s?(B|h|a|ä)\./gi, '$1\u2024 $2\u2024')
    .replace(/(\d{1,2})\.(?=\s+(Januar|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez)\b)/g, '$1\u2024')
    .replace(/\b(z|d|u|bzw|ca|Nr|Abs|S|Dr|St|ggf|evtl|usw|bspw|inkl|zzgl|e\.g|i\.e|etc|vs|Mr|Mrs|Ms|Jan|Feb|Mär|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Nov|Dez)\./gi, '$1\u2024')
    .replace(/(\d)\.(?=\s?\d)/g, '$1\u2024')
    // a number's full stop before a lower-case word is an ordinal ("am 3. juni", "im 2. stock"), unless
    // the number is a care grade ("pflegegrad 3. wir …", "grade 3. am i …") or the word starts a sentence
    .replace(/(\d)\.(?=\s+[a-zäöüß])/g, (m, d: string, at: number, all: string) => (
      GRADE_BEFORE.test(all.slice(Math.max(0, at - 16), at + 1)) || STARTS_SENTENCE.test(all.slice(at + 2)) ? m : `${d}\u2024`));
  return protectedText
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.replace(/\u2024/g, '.').trim())
    .filter((s) => /[\p{L}\d]/u.test(s));
}

export function isQuestion(sentence: string): boolean {
  const s = sentence.trim();
  if (s.includes('?') || ASKS.test(s)) return true;
  // a question word first and no full stop: "wie beantrage ich das", "darf das Heim das"
  const start = s.replace(/^["'»«(]+/, '');
  return !/[.!]$/.test(s) && (QUESTION_START_DE.test(start) || QUESTION_START_EN.test(start));
}

export function readSentences(text: string): Sentence[] {
  return splitSentences(text).map((t) => ({ text: t, question: isQuestion(t) }));
}

// A request said as a statement: "Ich brauche Hilfe beim Antrag.", "Wir suchen einen Platz in der
// Tagespflege.", "I need someone for the nights."
const REQUEST = /\b(ich brauche|wir brauchen|ich benötige|ich benotige|wir benötigen|wir benotigen|ich suche|wir suchen|ich hätte gern|ich hatte gern|ich bitte um|bitte (helfen|um)|hilfe (bei|beim|mit|für|fur)|i need|we need|i('m| am) looking for|we('re| are) looking for|i('d| would) like|please help|help with)\b/i;

/** The question sentences of a message; without any, the sentences that ask for something as a
 *  statement ("Ich brauche Hilfe beim Antrag."), else the last sentence (people often end with their
 *  request). */
export function questionSentences(sentences: Sentence[]): Sentence[] {
  const q = sentences.filter((s) => s.question);
  if (q.length) return q;
  const requests = sentences.filter((s) => REQUEST.test(s.text));
  return requests.length ? requests : sentences.slice(-1);
}

// a wish said as such ("bitte", "please", "ich möchte", "I want") or a sentence opening with an imperative ("Ruf mich an", "Call me")
const WISH = /\b(bitte|please|ich (möchte|mochte|will|hätte gern|hatte gern)|wir (möchten|mochten|wollen)|i('d| would) like|i want|we want)\b/i;
const IMPERATIVE_START = /^(ruf|rufen sie|call|phone|ring)\b/i;

/** The sentences of a message that ask or wish for something: a question, a request, a wish, an
 *  imperative, and the last sentence (where people put their request); a message of one sentence is
 *  that sentence. The other sentences of a story only tell what happened ("the staff call me because
 *  she gets upset", "die Kasse wollte zurückrufen"): a command word in them is no command. */
export function askingSentences(text: string): string[] {
  const all = readSentences(text);
  return all
    .filter((s, i) => i === all.length - 1 || s.question || REQUEST.test(s.text) || WISH.test(s.text) || IMPERATIVE_START.test(s.text))
    .map((s) => s.text);
}

// a question that points back with a pronominal adverb or preposition + pronoun ("Wie viel zahlt die Kasse
// dafür?", "how much do we get for it?"): what it is about was said in the sentence before
const POINTS_BACK = /(^|[^\p{L}])(dafür|dafuer|dazu|davon|darauf|dabei|darüber|darueber|dagegen|daran|for (it|that|this|them)|about (it|that|this)|with (it|that)|against (it|that)|towards (it|that))(?![\p{L}])/iu;

// a pointer in the second part of a question points at its first part ("Zahlt das nicht die Kasse, und was
// braucht sie dafür?"): only the first part can point back at the story
const firstPart = (q: string) => q.split(/,\s*(und|oder|and|or)\b/i)[0];

// a short question whose object is only a pronoun or an indefinite ("Bekommt er trotzdem einen?", "Steht ihr das
// zu?", "Does she still get one?") is elliptic (negation.ts `refersBack`): its subject is in the sentence before.
// Only the message's last question: a question after it names the subject ("Darf er das noch? Und hat er … Anspruch
// auf einen Pflegegrad?"), and pointing would pull the whole message to the first one.
const elliptic = (sentences: readonly Sentence[], i: number) =>
  refersBack(foldText(sentences[i].text)) && !sentences.slice(i + 1).some((s) => s.question);

/** The story sentences a question points back to: the sentence right before a question that says
 *  "dafür", "davon", "for it" … or is elliptic ("Bekommt er trotzdem einen?") (and, by `saysNothing`,
 *  names no subject of its own); those nouns are what the question asks about (issue 17). */
export function pointedSentences(sentences: readonly Sentence[], saysNothing: (i: number) => boolean = () => true): Set<Sentence> {
  const out = new Set<Sentence>();
  sentences.forEach((s, i) => {
    const before = sentences[i - 1];
    if (s.question && before && !before.question && (POINTS_BACK.test(firstPart(s.text)) || elliptic(sentences, i)) && saysNothing(i)) out.add(before);
  });
  return out;
}
