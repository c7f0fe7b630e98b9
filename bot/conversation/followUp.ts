// Resolving a follow-up against the conversation's thread (bot/conversation/thread.ts):
//  - corrections:  "nein, ich meinte die Kurzzeitpflege" → the rest is the question;
//  - elliptic:     "und bei 4?", "und im Heim?", "what about grade 3?" → the last topic again, with
//                  the new grade or setting (a setting may lead to that setting's money topic);
//  - pronouns:     "Und was zahlt die Kasse dafür bei Pflegegrad 4?" → the last topic, with the grade;
//  - aspects:      "Does it expire if I don't use it?", "Ab wann?", "Wer stellt den Antrag dafür?" →
//                  that aspect (expiry, start, deadline, cost, who, where) of the last answer.
// A message that names a topic of its own ("Wer zahlt das Pflegeheim?") is no follow-up. Pure; the
// router calls resolveFollowUp once per message.
import { extractGrade } from '../nlu/grade';
import { percentFrom } from '../care/benefitsText';
import { foldText } from '../nlu/normalise';
import type { Lexicon } from '../nlu/lexicon';
import type { CareSettingFact, MessageFacts, PersonFact } from '../nlu/facts';
import { GRADE_MONEY_TOPIC_IDS, MONEY_TOPIC_IDS, askedMoneyTopic, topicForSetting, type ConversationThread } from './thread';

export type Aspect = 'expiry' | 'from_when' | 'duration' | 'change' | 'deadline' | 'repay' | 'visit' | 'refused' | 'consequence' | 'several' | 'use' | 'eligible' | 'billing' | 'own_share' | 'cost' | 'form' | 'who' | 'where'
  /** no reading of its own: a who question that asks for the office it goes to (aspects.ts aspectsToTry) */
  | 'office';

export type FollowUp =
  | { kind: 'elliptic' | 'pronoun'; topic: string; grade?: number; setting?: CareSettingFact; person?: PersonFact }
  | { kind: 'aspect'; topic: string; aspect: Aspect }
  /** a changed condition ("und wenn es länger dauert?"): the last answer's sentences that speak to
   *  `clause` (aspects.ts conditionSentences) */
  | { kind: 'condition'; topic: string; clause: string }
  /** a question about another benefit in the last answer's situation ("Bekommt sie in der Zeit weiter
   *  Pflegegeld?" after short-term care): the last answer's sentences that name it */
  | { kind: 'related'; topic: string; concepts: string[]; pointer?: boolean };

export interface FollowUpInput {
  text: string;
  /** what the message tells (bot/nlu/facts.ts) */
  facts: MessageFacts;
  /** concepts the message names (retrieval's concept lexicon) */
  concepts: readonly string[];
  thread: ConversationThread;
  /** the command words, with the aspect word lists (locales/<lng>/commands.json) */
  words: Lexicon;
  /** the intent engine is confident of another topic than the last one */
  otherTopic?: boolean;
  /** the text is what remains of a correction ("nein, ich meinte Pflegegrad 3" → "Pflegegrad 3") */
  corrected?: boolean;
  /** concepts the last answer's topic is about (its question entries' concepts): naming one of them
   *  ("Rechnungen einreichen" after respite care) asks about that answer, not a new topic */
  lastConcepts?: ReadonlySet<string>;
  /** the message opened with a conditional clause; `concepts` are then its main clause's */
  conditional?: boolean;
  /** the topic of the last answer when that was a question entry ("Bleibt das Pflegegeld, wenn ein
   *  Pflegedienst dazukommt?" → combination) */
  lastParent?: string;
  /** the message names a date ("Der Bescheid kam am 10. März"): a told fact for a calculation, not for
   *  the last answer's sentences; a function so that the date recogniser (a few ms) runs only for a
   *  message that could otherwise be read as a fact about the last topic */
  namesDate?: () => boolean;
}

/** The topic a follow-up naming a care setting asks about: for a money topic that setting's money
 *  topic (thread.ts); otherwise a setting with a topic of its own is asked about itself. */
function settingTopic(last: string, setting: CareSettingFact | undefined): string {
  const t = topicForSetting(last, setting);
  if (t !== last || !setting) return t;
  const own = SETTING_OWN_TOPIC[setting];
  return own && !MONEY_TOPIC_IDS.has(last) ? own : last;
}

// Concepts that do not make a topic of their own: they ask about an aspect ("Antrag", "Frist",
// "Rechnung") or describe the situation, which the facts carry ("im Heim", "Demenz", "Pflegegrad").
// ("costs" is the lexicon's id for bills and paying; "invoice" is kept for older callers)
const GENERIC_CONCEPTS = new Set(['grade', 'application', 'invoice', 'costs', 'deadline', 'counselling']);
const SITUATION_CONCEPTS = new Set(['nursing_home', 'daycare', 'home_care', 'hospital', 'dementia']);
/** concepts a story's people and roles name ("mein Mann", "ich pflege"): the facts carry them */
const STORY_CONCEPTS = new Set(['spouse', 'carer', 'siblings']);
/** people the facts do not carry ("meine Tante", "my uncle"): with a grade told they are the person the
 *  grade is about ("und bei meiner Tante, die hat Grad 5"), not a topic (leave for distant relatives) */
const KIN_CONCEPTS = new Set(['distant_relative']);
/** Whether a message's concepts name more than its people ("für meine Mutter"): a topic, a setting, dementia, a grade. */
export function namesMoreThanPeople(concepts: readonly string[]): boolean {
  return concepts.some((c) => !STORY_CONCEPTS.has(c));
}
/** The concepts of a message that name a topic of its own: not the aspect words, not the story's
 *  people and, unless `situation` counts, not the care setting or dementia. */
export function topicalConcepts(concepts: readonly string[], situation: 'setting_only' | 'all' = 'all'): string[] {
  return concepts.filter((c) => !GENERIC_CONCEPTS.has(c) && !STORY_CONCEPTS.has(c)
    && !(SITUATION_CONCEPTS.has(c) && (situation === 'all' || c !== 'dementia')));
}
/** the money topic of care at home by a service */
const SERVICE_TOPIC = 'in_kind';
const ALLOWANCE_TOPIC = 'allowance';
/** the setting's own topic: "what about day care for her?" after the dementia answer asks about day care */
const SETTING_OWN_TOPIC: Partial<Record<CareSettingFact, string>> = { daycare: 'daycare', nursing_home: 'nursing_home' };

const RELATED_MAX_WORDS = 16;
/** a conditional clause before the question ("Und falls sie Pflegegrad 2 bekommt – wie viel …?"):
 *  it tells a fact, the question is the main clause */
const CONDITIONAL = /^\s*(?:und|and|aber|but)?\s*(?:falls|wenn|sollte|if|once|in case)\b([^,–—-]{3,120})\s*[,–—-]+\s*(.{6,})$/i;

/** concepts the words of an aspect question can name by themselves */
// ("does it run out?" names the used-up budget, "do I get paid in that time?" the paid-in insurance period)
// (a visit "zu uns nach Hause" names the house and the dementia wish to go home: the visit says it)
const ASPECT_CONCEPTS: Partial<Record<Aspect, string[]>> = { expiry: ['assets', 'used_up'], cost: ['income', 'insurance_period'], visit: ['house', 'wants_home'] };

const ELLIPTIC_MAX_WORDS = 8;
/** a statement that corrects the grade and asks nothing */
const CORRECTION_MAX_WORDS = 12;
/** "das", "es", "this", "that": pointers only where no noun follows (checked on the raw text) */
const WEAK_POINTER_DE = /\b(das|es|dies|dieses)\b(?!\s+[A-ZÄÖÜ])/;
const WEAK_POINTER_EN = /\b(this|that)\b\s*(\?|$|is\b|does\b|will\b|can\b|cost|expire|apply|mean)/i;
const FOLLOW_UP_MAX_WORDS = 14;
const ASPECT_MAX_WORDS = 10;
const SHORT_ASPECT_WORDS = 8;

// What a question asks about: the lexicon's aspect_* word lists (locales/<lng>/commands.json), checked
// in this order: "Wer zahlt dafür?" asks about cost, not who; "how long does it take" is a duration
// before "how long do I have" is a deadline; "zurückzahlen" is repaying before "zahlen" is cost.
// "Wie rechnet man das ab?" asks how it is billed or claimed, before "zahlen" would make it a cost question;
// "Was passiert, wenn wir das nicht bezahlen?" asks what follows, not what it costs.
// "wird das mit der Zeit mehr?" asks how it changes, before "mehr" could read as an amount.
// "gibts dann mehr Geld, wenn beide einen Pflegegrad haben?" asks about several people before the cost;
// "muss man da was selber zahlen?" asks what the family pays, not what the fund pays.
// "muss ich das schriftlich beantragen?" asks the form, before "beantragen" would make it who applies.
// "wofür darf man das Geld ausgeben?" asks what a benefit may be spent on, before "Geld" makes it a cost
// question ("save it for next year" stays expiry, checked first).
// "muss da jemand zu uns nach Hause kommen?" asks about the assessor's home visit, before "wer kommt" is who.
// "und wenn die nochmal nein sagen?" asks what comes after a second refusal, before "was ist, wenn …" reads
// as a consequence.
export const ASPECT_ORDER: readonly Exclude<Aspect, 'office'>[] = ['expiry', 'from_when', 'duration', 'change', 'deadline', 'repay', 'visit', 'refused', 'consequence', 'several', 'use', 'eligible', 'billing', 'own_share', 'cost', 'form', 'who', 'where'];
/** aspects a very short question asks about the last answer even when the intent engine is sure of another topic */
const SHORT_ASPECTS: ReadonlySet<Aspect> = new Set(['who', 'form', 'deadline', 'from_when', 'duration', 'change', 'repay', 'refused', 'billing', 'consequence', 'use', 'eligible', 'expiry', 'visit']);

/** "nein, ich meinte die Kurzzeitpflege" → "die Kurzzeitpflege"; undefined when it is no correction. */
// "sorry, grade 2 not 3", "Entschuldigung, Pflegegrad 4, nicht 3": the part before "nicht/not" is meant
const APOLOGY = /^\s*(?:sorry|entschuldigung|verzeihung|pardon|oops|ups|korrektur|correction)\b[\s,.!:-]*(.*)$/i;
const CONTRAST = /^(.{2,}?)[\s,]+(?:nicht|not|statt|anstatt|instead of|rather than)\s+[^,.;?!]{1,30}[.!]?$/i;
/** without an apology only a short message whose contrast follows a comma ("Mein Vater, nicht meine
 *  Mutter"; "Ich will nicht ins Heim" is a negation) */
const CONTRAST_COMMA = /^[^,]{2,},\s*(?:nicht|not|statt|anstatt|instead of|rather than)\s/i;
const CONTRAST_MAX_WORDS = 6;

/** "nein, nicht meine Mutter, mein Vater, …": what follows the rejected part is meant */
// (the rejected part may be a lone grade: "nein, nicht 2, papa hat grad 4")
const NO_NOT = /^\s*(?:nein|nee|ne|no|nope)[\s,.!-]+(?:nicht|not)\s+[^,.;?!]{1,30},\s*(.{2,})$/i;

/** `lexicon` adds the correction openings of the lexicon (correction_lead: "Moment,", "ich hab mich
 *  vertan", "my mistake"): what follows them is meant, up to a contrast ("…, nicht 2"). */
export function readCorrection(text: string, lexicon?: Lexicon): string | undefined {
  const lead = lexicon?.exec('correction_lead', text.trim().toLowerCase());
  if (lead) {
    const rest = text.trim().slice(lead[0].length).replace(/^[\s,.:;!-]+/, '');
    const meant = CONTRAST.exec(rest)?.[1] ?? rest;
    const cleaned = meant.trim().replace(/[,:\s]+$/, '');
    if (cleaned.length >= 2) return readCorrection(cleaned) ?? cleaned;
  }
  const noNot = NO_NOT.exec(text);
  if (noNot) return noNot[1].trim();
  const apology = APOLOGY.exec(text);
  const contrast = CONTRAST.exec(apology ? apology[1] : text);
  if (contrast && (apology || (words(text) <= CONTRAST_MAX_WORDS && CONTRAST_COMMA.test(text)))) return contrast[1].trim().replace(/[,:\s]+$/, '');
  // (the apology words too: "ups, ich meinte grad 3" was read on its own, as deleting the data)
  const m = /^\s*(?:(?:nein|ne|nee|no|sorry|entschuldigung|verzeihung|pardon|oh|ups|oops|hoppla|whoops)\b[\s,.!-]*)?(?:ich meinte?|ich meine|gemeint war|i meant|i mean|meant)\b[\s,:]*(?:eigentlich\s+|actually\s+)?(.+)$/i.exec(text);
  if (!m) return undefined;
  const rest = m[1].trim().replace(/^[,:\s]+/, '');
  return rest.length >= 2 ? rest : undefined;
}

/** A statement that corrects a fact of the last answer: a correcting word ("nee", "aber", "actually",
 *  "tho") and no question; the caller checks that it names nothing but facts. */
function correctsFacts(text: string, folded: string, words: Lexicon): boolean {
  return !text.includes('?') && !words.has('question_start', folded) && words.has('fact_correction', folded);
}

const CONDITION_MAX_WORDS = 12;
/** "und wenn es länger dauert" → "es länger dauert"; undefined when the message opens no condition. */
export function conditionClause(folded: string, words: Lexicon): string | undefined {
  const lead = words.exec('condition_lead', folded.trim());
  if (!lead) return undefined;
  const rest = folded.trim().slice(lead[0].length).replace(/^[\s,]+/, '').replace(/[?!.\s]+$/, '');
  return rest.length >= 3 ? rest : undefined;
}

/** "nein danke, wie beantrage ich den?" → "wie beantrage ich den?": what follows a declined offer is
 *  the question; undefined when nothing of at least two words follows. */
export function afterDecline(text: string, words: Lexicon): string | undefined {
  // matched on the lower-cased text (folding may shorten it), so the lead's length cuts the raw text
  const lead = words.exec('decline_lead', text.trim().toLowerCase());
  if (!lead) return undefined;
  const rest = text.trim().slice(lead[0].length).replace(/^[\s,.;:!-]+/, '').trim();
  return words_(rest) >= 2 ? rest : undefined;
}
const words_ = (t: string): number => t.split(/\s+/).filter(Boolean).length;

/** The main clause after a conditional one, whose concepts are the question's; undefined when none. */
export function mainClause(text: string): string | undefined {
  return CONDITIONAL.exec(text)?.[2].trim();
}

const MAX_FILLERS = 4;
/** The folded text without filler particles ("darf ich den Antrag eigentlich für sie stellen" → "darf
 *  ich den antrag fur sie stellen"): the aspect words are phrases, and a particle inside one hid it. */
export function withoutFillers(text: string, words: Lexicon): string {
  let t = foldText(text);
  // at most a few particles: each pass cuts the first one left
  for (let i = 0; i < MAX_FILLERS; i += 1) {
    const m = words.exec('filler', t);
    if (!m) break;
    t = `${t.slice(0, m.index)} ${t.slice(m.index + m[0].length)}`.replace(/\s+/g, ' ').trim();
  }
  return t;
}
/** The aspect a question asks about; a particle inside the aspect's phrase does not hide it. */
export function aspectOf(text: string, words: Lexicon): Aspect | undefined {
  const plain = ASPECT_ORDER.find((a) => words.has(`aspect_${a}`, text));
  if (plain || !words.has('filler', foldText(text))) return plain;
  const bare = withoutFillers(text, words);
  return ASPECT_ORDER.find((a) => words.has(`aspect_${a}`, bare));
}

function words(text: string): number {
  return text.trim().split(/\s+/).filter(Boolean).length;
}

/** The message points back at what was said ("dafür", "Ist das …", "does it …"). */
export function pointsBack(text: string, words: Lexicon): boolean {
  return words.has('strong_pointer', foldText(text)) || WEAK_POINTER_DE.test(text.replace(/^\s*Das\b/, 'das')) || WEAK_POINTER_EN.test(text);
}

/** The grade of an elliptic follow-up: "und bei 4?" counts a lone number, "what about grade 3?" the usual forms. */
function ellipticGrade(folded: string, facts: MessageFacts, words: Lexicon): number | undefined {
  if (facts.grade !== undefined) return facts.grade;
  const lead = words.exec('elliptic_lead', folded);
  const rest = (lead ? folded.slice(lead[0].length) : folded).replace(/\b(bei|mit|fur|for|at|with|in|den|dem|der|die)\b/g, ' ').replace(/[?!.]/g, ' ').trim();
  return rest ? extractGrade(rest, { expectGrade: true }) : undefined;
}

/** concepts the words of a move home name ("nach Hause" reads as the house and as the dementia wish
 *  to go home): the setting says it */
const MOVE_CONCEPTS = ['house', 'wants_home'];

/** the last topic, or the topic of the last entry, when it is one of `topics` */
const lastOrParentIn = (topics: ReadonlySet<string>, last: string, parent: string | undefined): string | undefined =>
  topics.has(last) ? last : parent && topics.has(parent) ? parent : undefined;

/** the words of an elliptic question that carries the last one over to another topic ("und für den Umbau vom Bad?") */
const CARRIED_MAX_WORDS = 7;
/** "und für den Umbau vom Bad?" right after an amount ("Was zahlt die Kasse für Kurzzeitpflege?"): the short
 *  elliptic question carries the last question (what is paid) over to the topic it names, so that topic's own
 *  answer with its amount answers, not a question entry of that topic that only shares a word (the landlord's
 *  consent to the conversion). `entry`: the question entry retrieval chose, its topic and whether each names an
 *  amount. Undefined when the last answer named no amount, the message asks an aspect of its own ("und wer
 *  stellt den Antrag?"), is longer than an elliptic question, or the entry already names an amount. */
export function carriedAmountTopic(input: {
  text: string; words: Lexicon; lastNamesAmount: boolean; lastTopic?: string;
  entryTopic?: string; entryNamesAmount: boolean; topicNamesAmount: boolean;
}): string | undefined {
  const { text, words: lex } = input;
  if (!input.lastNamesAmount || !input.entryTopic || input.entryNamesAmount || !input.topicNamesAmount) return undefined;
  if (input.entryTopic === input.lastTopic || words(text) > CARRIED_MAX_WORDS) return undefined;
  const folded = foldText(text).trim();
  if (!lex.exec('elliptic_lead', folded) || aspectOf(text, lex)) return undefined;
  return input.entryTopic;
}

/** The message without a last sentence that only asks what one gets ("is that what we get?", "was bekommt sie
 *  jetzt?"); the whole message when it has none (pure). */
export function statementBeforeWhatWeGet(text: string, lex: FollowUpInput['words']): string {
  const m = /^(.*[.!,;:])\s*([^.!,;:?]+)\?*\s*$/su.exec(text.trim());
  if (!m || !m[1].trim() || !lex.has('asks_what_get', foldText(m[2]).trim())) return text;
  return m[1];
}

export function resolveFollowUp(input: FollowUpInput): FollowUp | undefined {
  const { text, thread } = input;
  const last = thread.lastTopic;
  if (!last || !text.trim()) return undefined;
  const folded = foldText(text).trim();
  // the aspect the message's words ask for, read once: most rules below test it
  const textAspect = aspectOf(text, input.words);
  // "und wenn er wieder zu uns nach Hause zieht?", "what if she moves in with us?": care at home
  // (someone else coming to the home is a visit, not a move: "muss da jemand zu uns nach Hause kommen")
  const movesHome = (!input.facts.setting || input.facts.setting === 'home') && textAspect !== 'visit' ? input.words.has('moves_home', folded) : false;
  const facts: MessageFacts = movesHome ? { ...input.facts, setting: 'home' } : input.facts;
  // particles add no content: "darf ich den Antrag eigentlich für sie stellen oder muss sie das unbedingt
  // selber machen" is as long a follow-up as it is without them
  const n = words(withoutFillers(text, input.words));
  // the words that ask for an aspect may name a concept themselves ("save it up" → assets): with a
  // word that points back, they do not make a topic of their own
  const asked = pointsBack(text, input.words) || input.words.has('situation_pointer', folded) ? textAspect : undefined;
  const explained = new Set(asked ? ASPECT_CONCEPTS[asked] ?? [] : []);
  // "und muss da jemand zu uns nach Hause kommen": a visit needs no pointer, its words name the home
  if (textAspect === 'visit') for (const c of ASPECT_CONCEPTS.visit ?? []) explained.add(c);
  // "zu Hause" can read as the property concept ("Haus"): the setting fact already says it
  if (facts.setting === 'home') explained.add('house');
  if (movesHome) for (const c of MOVE_CONCEPTS) explained.add(c);
  // "she lives in our house and i do all the caring": the family caring names the home, "house" is no property topic
  const familyCares = input.words.has('family_cares', folded);
  if (familyCares && facts.setting !== 'nursing_home') explained.add('house');
  if (facts.grade !== undefined) for (const c of KIN_CONCEPTS) explained.add(c);
  // "und zuhause mit Pflegedienst?" after a money topic: the home-care service is a setting of its own,
  // the service benefit (in_kind), not a topic
  // "und …", "and …": read once, several rules below ask it
  const leads = input.words.has('elliptic_lead', folded);
  const elliptic = leads && n <= ELLIPTIC_MAX_WORDS;
  const service = elliptic && MONEY_TOPIC_IDS.has(last) && input.concepts.includes('care_service') && facts.setting !== 'nursing_home' && facts.setting !== 'daycare';
  if (service) explained.add('care_service');
  const own = input.concepts.filter((c) => !GENERIC_CONCEPTS.has(c) && !SITUATION_CONCEPTS.has(c) && !STORY_CONCEPTS.has(c) && !explained.has(c));
  // "nein, ich meinte die Tagespflege", "no sorry i meant day care, not the home" after a money answer:
  // the correction changes the topic, not the grade; the money topic it names is asked at the thread's grade
  // (the concepts, not the facts: "no" before "day care" denies the setting fact, not the concept)
  // (an entry of a money topic counts as that topic: "what does the fund pay in a care home" is answered by one)
  const moneyLast = lastOrParentIn(MONEY_TOPIC_IDS, last, input.lastParent);
  if (moneyLast && !text.includes('?') && n <= CORRECTION_MAX_WORDS && input.words.has('meant_topic', folded)) {
    const meant = askedMoneyTopic(input.concepts);
    if (meant && meant !== moneyLast) return { kind: 'elliptic', topic: meant, grade: facts.grade, person: facts.person };
  }
  // "und wenn wir das Geld lieber selber wollen?", "what if we'd rather have the money ourselves" after the
  // service's amount: the family's own money is the care allowance (at the thread's grade), not the service again
  if (moneyLast === SERVICE_TOPIC && n <= FOLLOW_UP_MAX_WORDS && input.words.has('cash_instead', folded)) {
    return { kind: 'elliptic', topic: ALLOWANCE_TOPIC, grade: facts.grade, person: facts.person };
  }
  // "he lives with us and i look after him", "er wohnt bei uns, ich pflege ihn selbst" after a money answer: a
  // statement that tells the family cares is the family's money, the care allowance at the thread's grade
  // ("lives with us" alone pulled to live-in care); a home or day care named, or another topic, is not
  // ("… i do all the caring. is that what we get?": a last sentence that only asks what the family gets asks
  // nothing else, the statement before it is read)
  const told = statementBeforeWhatWeGet(text, input.words);
  if (moneyLast && !told.includes('?') && !input.words.has('question_start', foldText(told).trim())
    && words(withoutFillers(told, input.words)) <= FOLLOW_UP_MAX_WORDS
    && familyCares && facts.setting !== 'nursing_home' && facts.setting !== 'daycare'
    && !topicalConcepts(own).length) {
    // "my husband and i do all the caring": the husband is a carer, not another person cared for (that would
    // start a new person's thread without the grade)
    const person = input.words.has('carers_named', folded) ? undefined : facts.person;
    return { kind: 'elliptic', topic: ALLOWANCE_TOPIC, grade: facts.grade, setting: facts.setting, person };
  }
  if (own.length) {
    // another benefit in the last answer's situation: "Bekommt sie in der Zeit weiter Pflegegeld?"
    // ("kriegen wir in der Zeit trotzdem Pflegegeld?": "in der Zeit" asks about the benefit in that situation
    // without a word for the effect)
    const during = input.words.has('situation_pointer', folded);
    const situation = during || pointsBack(text, input.words) || input.words.has('situation_then', folded);
    if (n <= RELATED_MAX_WORDS && (during || (input.words.has('effect', folded) && (situation || input.concepts.some((c) => SITUATION_CONCEPTS.has(c)))))) {
      // "in der Zeit", "while he's in the care home": it points at the last answer's situation outright
      return during ? { kind: 'related', topic: last, concepts: own, pointer: true } : { kind: 'related', topic: last, concepts: own };
    }
    // only what the last answer's topic is about: still a question about that answer (an aspect below)
    if (!input.lastConcepts || own.some((c) => !input.lastConcepts!.has(c))) return undefined;
  }

  // a correction that only names a grade or setting is elliptic too ("no, I meant grade 3"), and so is
  // a short statement that corrects what the last answer assumed ("die wohnt aber im Heim", "sorry she
  // is grade 2 actually"): it tells facts and asks nothing
  // (dementia alone is no such correction: "sie hat aber Demenz" asks about dementia)
  const correcting = correctsFacts(text, folded, input.words) && (facts.grade !== undefined || !!facts.setting || !!facts.person);
  // "und wenn meine Eltern beide einen Pflegegrad haben" names a person, but asks about the two
  // together (the several aspect below), not about another person alone
  const several = textAspect === 'several';
  // a statement that corrects the grade may tell a little more ("ach quatsch, die Oma hat doch Grad 2 seit
  // dem Sommer"): it asks nothing and names nothing else (checked above), so the last question is meant
  const maxWords = correcting && facts.grade !== undefined ? CORRECTION_MAX_WORDS : ELLIPTIC_MAX_WORDS;
  if ((leads || input.corrected || correcting) && n <= maxWords && !several) {
    const grade = ellipticGrade(folded, facts, input.words);
    if (grade !== undefined || facts.setting || facts.person || facts.dementia || service) {
      return { kind: 'elliptic', topic: service ? SERVICE_TOPIC : settingTopic(last, facts.setting), grade, setting: facts.setting, person: facts.person };
    }
  }
  // "und wenn er wieder zu uns nach Hause zieht und ich ihn selbst pflege?", "what if he moves into a care
  // home?" after a money answer: a changed setting in a longer conditional asks that setting's money topic
  // (it names nothing else: "und wenn sie ins Heim kommt, was wird aus dem Pflegegeld?" asks the allowance)
  const condition = leads || input.conditional;
  const moved = moneyLast && facts.setting ? settingTopic(moneyLast, facts.setting) : undefined;
  if (condition && !own.length && moved && moved !== moneyLast && n <= FOLLOW_UP_MAX_WORDS && !several) {
    return { kind: 'elliptic', topic: moved, grade: facts.grade, setting: facts.setting, person: facts.person };
  }
  // "Und falls sie Pflegegrad 2 bekommt – wie viel würde die Kasse dann für die Tagespflege zahlen?":
  // the cost of a setting with its own topic, for the grade the message names
  const settingOwn = facts.setting ? SETTING_OWN_TOPIC[facts.setting] : undefined;
  if (settingOwn && facts.grade !== undefined && textAspect === 'cost' && condition) {
    return { kind: 'elliptic', topic: settingOwn, grade: facts.grade, setting: facts.setting, person: facts.person };
  }
  // "und wenn es länger dauert?", "and if it takes longer?": a changed condition without a topic of its
  // own is read against the last answer's sentences (an aspect word asks that aspect instead)
  // (a share told in words, "und wenn der Dienst nur ein Viertel braucht", is the combination's calculation)
  const clause = n <= CONDITION_MAX_WORDS && !input.otherTopic && !textAspect && percentFrom(text, input.words) === undefined
    ? conditionClause(folded, input.words) : undefined;
  if (clause) return { kind: 'condition', topic: last, clause };
  // "krieg ich in der Zeit Geld?", "do I get paid in that time?": the situation pointer points back too
  const pointer = pointsBack(text, input.words) || input.words.has('situation_pointer', folded);
  // "und wie viel darf der Dienst maximal abrechnen?" after an entry about a money topic by grade: the
  // amount is that topic's answer, at the grade the thread knows (or the message names)
  const moneyTopic = lastOrParentIn(GRADE_MONEY_TOPIC_IDS, last, input.lastParent);
  if (moneyTopic && !facts.setting && !input.otherTopic && n <= ASPECT_MAX_WORDS && input.words.has('asks_amount', folded)
    && (pointer || leads || input.words.has('situation_then', folded))) {
    return { kind: 'pronoun', topic: moneyTopic, grade: facts.grade };
  }
  // "Gibt es so einen Dienst bei uns in der Nähe?": where, at the place the thread knows
  const here = n <= ASPECT_MAX_WORDS && !input.otherTopic && input.words.has('place_pointer', folded) && textAspect === 'where';
  if (here) return { kind: 'aspect', topic: last, aspect: 'where' };
  if (pointer && n <= FOLLOW_UP_MAX_WORDS) {
    if (facts.grade !== undefined || facts.setting) {
      return { kind: 'pronoun', topic: settingTopic(last, facts.setting), grade: facts.grade, setting: facts.setting };
    }
    const aspect = facts.stadtteil ? 'where' : textAspect;
    // "Was übernimmt die Kasse davon?" after a money topic: its answer is the amount, so it is answered again
    if (aspect === 'cost' && GRADE_MONEY_TOPIC_IDS.has(last) && n <= SHORT_ASPECT_WORDS) return { kind: 'pronoun', topic: last };
    if (aspect) return { kind: 'aspect', topic: last, aspect };
    return undefined;
  }
  // "how much does the fund pay at grade 2?" after the day-care amount (or its offers): a cost question
  // with a grade and no topic of its own asks the last money topic at that grade
  if (GRADE_MONEY_TOPIC_IDS.has(last) && facts.grade !== undefined && !facts.setting && n <= FOLLOW_UP_MAX_WORDS
    && textAspect === 'cost' && !topicalConcepts(input.concepts).length) {
    return { kind: 'pronoun', topic: last, grade: facts.grade };
  }
  // "Was zahlt die Kasse dann?": "dann" points at the last money answer's situation
  if (n <= SHORT_ASPECT_WORDS && GRADE_MONEY_TOPIC_IDS.has(last) && input.words.has('situation_then', folded) && textAspect === 'cost'
    && !input.otherTopic) {
    return { kind: 'pronoun', topic: last };
  }
  // "Ab wann?", "Bis wann?": a short aspect question without a topic of its own, unless
  // the intent engine is sure of another topic; a very short question about who applies, a deadline
  // or the start is still read as about the last answer ("Wer stellt den Antrag?")
  // (several people is said in a longer sentence: "what if both of my parents live there and both have a grade")
  const aspect = n <= (several ? FOLLOW_UP_MAX_WORDS : ASPECT_MAX_WORDS) ? textAspect : undefined;
  // "hat mein Vater da Anspruch, er hat 20000 gespart" after the nursing-home allowance: a fact the last
  // topic is about (its own concepts, checked above), no aspect and no other topic the intent engine is
  // sure of: the last answer's sentences that name it
  if (!aspect && own.length && !input.otherTopic && n <= RELATED_MAX_WORDS && !input.namesDate?.()) return { kind: 'related', topic: last, concepts: own };
  if (!aspect || aspect === 'where') return undefined;
  if (input.concepts.some((c) => SITUATION_CONCEPTS.has(c)) || facts.setting) return undefined;
  // several people is answered only by a sentence of the last answer that speaks of them (or none):
  // the intent engine's guess at another topic does not decide it
  // (nor of a visit: "will someone come to the house to look at her?" reads as live-in care, and only an
  // answer that names the assessor's visit answers it, else the message is read on its own)
  if (input.otherTopic && !several && aspect !== 'visit' && !(n <= SHORT_ASPECT_WORDS && SHORT_ASPECTS.has(aspect))) return undefined;
  if (aspect === 'cost' && n > 4) return undefined;
  return { kind: 'aspect', topic: last, aspect };
}

/** "do we still get the allowance then": in a follow-up that names no topic of its own, "the allowance"
 *  alone (a determiner right before it, lexicon `allowance_alone`) is the care allowance; "the tax
 *  allowance", "rent allowance" are other concepts of the lexicon and keep their reading. */
export function withAllowanceAlone(text: string, concepts: readonly string[], words: Lexicon): string[] {
  if (concepts.includes(CARE_ALLOWANCE) || topicalConcepts(concepts).length || !words.has('allowance_alone', foldText(text))) return [...concepts];
  return [...concepts, CARE_ALLOWANCE];
}
const CARE_ALLOWANCE = 'care_allowance';

/** A story's question that points at what the story just told ("… soll jetzt morgens ein Pflegedienst
 *  kommen. Fällt das Pflegegeld dann komplett weg?"): with "dann"/"then", "in der Zeit" or a word that
 *  asks how a benefit is affected, it is read with the last clause of the sentence before it, the
 *  situation it asks about.
 *  `sentences` are the message's sentences in order; undefined when the question is first or points at nothing. */
export function situatedQuestion(sentences: readonly string[], question: string, lexicon: Lexicon): string | undefined {
  const i = sentences.findIndex((x) => x.trim() === question.trim());
  if (i < 1) return undefined;
  const f = foldText(question);
  const points = lexicon.has('situation_then', f) || lexicon.has('situation_pointer', f) || lexicon.has('effect', f);
  if (!points) return undefined;
  // the situation is the last clause of that sentence: "Weil ich wieder mehr arbeiten muss, soll jetzt …
  // ein Pflegedienst kommen" tells a reason first, and its words would pull to another topic
  const clauses = sentences[i - 1].split(/,\s*/);
  const last = clauses[clauses.length - 1];
  const situation = words(last) >= MIN_SITUATION_WORDS ? last : sentences[i - 1];
  return `${situation} ${sentences[i]}`;
}
const MIN_SITUATION_WORDS = 4;

interface QuestionsOf { questions: ReadonlyMap<string, { topic: string; concepts: readonly string[] }> }
const topicConceptsCache = new WeakMap<object, Map<string, ReadonlySet<string>>>();

/** The concepts of a topic's question entries (for a question entry: of its topic's), computed once
 *  per knowledge base. */
export function topicConcepts(kb: QuestionsOf, answerId: string): ReadonlySet<string> {
  let byTopic = topicConceptsCache.get(kb);
  if (!byTopic) {
    const sets = new Map<string, Set<string>>();
    for (const q of kb.questions.values()) {
      const set = sets.get(q.topic) ?? new Set<string>();
      for (const c of q.concepts) set.add(c);
      sets.set(q.topic, set);
    }
    byTopic = sets;
    topicConceptsCache.set(kb, byTopic);
  }
  const topic = kb.questions.get(answerId)?.topic ?? answerId;
  return byTopic.get(topic) ?? new Set();
}
