// The router's decisions, without botbuilder: which command a message is before any NLU, where a
// classified message goes (offer search, an overview for a told grade, a guided dialog, small talk,
// "did you mean"), and which guided dialog a button starts. dialogs/mainDialog.ts reads the turn,
// calls these, and carries out what they return (send, start a dialog); dialogs/guidedRoutes.ts maps
// a guided start to its dialog.
import type { Lexicon, WordList } from '../nlu/lexicon';
import { askingSentences } from '../nlu/message';
import { foldText } from '../nlu/normalise';
import type { NluResult } from '../services';
import type { CareSetting } from '../care/benefits';
import { SETTINGS, asksRestOfShare, percentFrom, type BenefitsOptions } from '../care/benefitsText';
import { deadlineKind, type DeadlineOptions } from '../care/deadlineText';
import type { LettersOptions } from '../care/letters';
import type { SelfCheckOptions } from '../care/selfCheck';
import { asksAboutOrAnything, bareStatement } from './answerFirst';
import { aspectOf, namesMoreThanPeople, topicalConcepts } from './followUp';
import { asksForOffers, placeNamed, type PlaceMatch } from './local';
import { planAnswers } from './multiQuestion';
import type { FacetPick } from './facets';
import { WHOLE_CITY, type FindOfferOptions } from './offerSearch';
import { matchOption, normalise, type Memory } from './turn';
import type { Action } from '../channels/reply';
import type { Understanding } from './understand';

/** intents that answer small talk, never a care question */
const SOCIAL_INTENTS = new Set(['greeting', 'cancel', 'thanks', 'goodbye', 'out_of_scope']);
const SYSTEM_INTENTS = new Set(['greeting', 'help', 'cancel', 'thanks', 'goodbye', 'human', 'privacy', 'delete_data', 'out_of_scope', 'None']);
/** typed commands (locales/<lng>/commands.json), the same words the guided dialogs leave or help on */
const COMMAND_WORDS: [WordList, string][] = [['menu', 'menu'], ['menu_outside_dialog', 'menu'], ['cancel', 'cancel'], ['help', 'help']];
/** below this the NLU's ranking says nothing useful (calibrated with the held-out lists) */
const MIN_CANDIDATE_SCORE = 0.05;

/** What holds for exactly one answer: a pending "delete my data?", a step the last answer offered
 *  ("Soll ich das Datum ausrechnen?"), the further answers of a message with several questions. */
export interface OneTurnMemory { deletePending?: boolean; offered?: string; alsoAnswered?: string[] }

/** Takes what holds for one answer out of the memory (it is gone whatever this message is). */
export function takeOneTurnMemory(mem: Memory): OneTurnMemory {
  const once = { deletePending: mem.deletePending, offered: mem.offered, alsoAnswered: mem.alsoAnswered };
  mem.deletePending = false;
  mem.offered = undefined;
  mem.alsoAnswered = undefined;
  return once;
}

export interface CommandInput {
  text: string;
  mem: Memory;
  once: OneTurnMemory;
  words: Lexicon;
  /** the staff area runs: feedback and call-backs are taken */
  staff: boolean;
  /** "ja"/"nein" under an answer (the feedback card's titles or the words text channels type) */
  feedback: (plain: string) => 'yes' | 'no' | undefined;
  /** the topic menu's buttons (welcome, "Menü"): a title typed without the menu on screen does what the button does */
  menu?: readonly Action[];
}

/** The command a message is before any NLU: a button or numbered option, "ja" to a pending
 *  question or offered step, a command word; `accepted` names the offered step taken. */
export function commandBeforeNlu(x: CommandInput): { command: string; accepted?: string } | undefined {
  const { text, mem, once, words } = x;
  const option = matchOption(mem, text);
  if (option) return { command: option };
  const plain = text.trim().replace(/[.!]+$/, '');
  if (once.deletePending && words.has('yes', plain)) return { command: 'delete:confirm' };
  if (once.offered && words.has('accept', plain)) return { command: once.offered, accepted: once.offered };
  const word = COMMAND_WORDS.find(([list]) => words.has(list, plain));
  if (word) return { command: word[1] };
  const title = menuByTitle(x.menu, text);
  if (title) return { command: title };
  if (words.has('more', plain) && mem.lastTopic) return { command: `details:${mem.lastTopic}` };
  // a call-back wish, not a story sentence that tells of a call ("the staff call me because …")
  if (x.staff && words.has('callback_request', plain) && askingSentences(text).some((s) => words.has('callback_request', s))) return { command: 'callback' };
  const helped = x.feedback(plain);
  if (helped !== undefined && mem.lastTopic && x.staff) return { command: `feedback:${helped}:${mem.lastTopic}` };
  return undefined;
}

/** "Leistungen und Geld" typed long after the welcome: the topic menu's command with that title
 *  (case, spaces and a final dot ignored), as if the button were still on screen. */
export function menuByTitle(menu: readonly Action[] | undefined, text: string): string | undefined {
  const n = normalise(text.trim());
  return menu?.find((a) => a.kind === 'command' && normalise(a.title) === n)?.value;
}

/** The kind of help of the offers shown in the last reply (its "Anderer Stadtteil" button says so). */
export function lastSearchCategory(mem: Memory): string | undefined {
  return mem.category && mem.options?.some((o) => o.command === `offers:${mem.category}:place`) ? mem.category : undefined;
}

export interface OfferInput {
  text: string;
  words: Lexicon;
  r: NluResult;
  u: Understanding;
  place: PlaceMatch;
  detectedCategory?: string;
  /** the kind of help of the topic's answer the intent engine found */
  answer?: { offerCategory?: string };
  /** the kind of help of the last answer or offer search, when this message only names a place */
  lastCategory: () => string | undefined;
}

export type OfferRoute =
  | { kind: 'other_city'; place: string }
  | { kind: 'postcode_unknown'; postcode: string; category?: string }
  | { kind: 'offers'; opts: FindOfferOptions };

/** Whether the message is an offer search, and for what and where. */
export function offerRoute(x: OfferInput): OfferRoute | undefined {
  const { text, words, r, u, place, detectedCategory, answer } = x;
  // a story that merely names a Stadtteil is not an offer search; one that asks for offers is
  // (a story that asks where to find help and something else gets the answer: its "Hilfe vor Ort"
  // lines name local help, an offer list would leave the question unanswered)
  const offerRequest = asksForOffers(u.story ? u.retrieval.questions.join(' ') : text, u.story, words)
    && !(u.story && (u.entry || (answer && r.intent !== 'find_offer')));
  const wantsLocal = offerRequest && (!!place.stadtteil || place.candidates.length > 0 || !!place.unknownPostcode || !!place.wholeCity || !!place.otherPlace || words.has('local_search', text));
  // "Saarn", "Ich wohne in Heißen" right after an answer (or instead of the grade it asked for):
  // that topic's local help there; "Altstadt II" right after offers of a kind of help: the same kind there
  const lastCategory = (r.intent === 'None' || r.intent === 'find_offer') && placeNamed(place) ? x.lastCategory() : undefined;
  const findOffer = r.intent === 'find_offer' && (offerRequest || !u.entry);
  if (!(findOffer || (wantsLocal && (answer?.offerCategory || (r.intent === 'None' && (detectedCategory || lastCategory)))))) return undefined;
  const category = detectedCategory ?? answer?.offerCategory ?? lastCategory;
  // another city: no invented offers, the national finders instead
  if (place.otherPlace) return { kind: 'other_city', place: place.otherPlace };
  if (place.unknownPostcode && place.postcode) return { kind: 'postcode_unknown', postcode: place.postcode, category };
  return { kind: 'offers', opts: { category, stadtteil: place.stadtteil ?? (place.wholeCity ? WHOLE_CITY : undefined), candidates: place.candidates, postcode: place.postcode } };
}

/** a help request longer than this tells more than "I need help": its words decide */
const HELP_REQUEST_MAX_WORDS = 10;

/** "Ich brauche Unterstützung für meine Mutter", "I need some help": a request for help that names no
 *  kind of help, topic, grade or place other than a Stadtteil and asks no question. Any answer would be
 *  a guess at a topic: the kind-of-help question is asked instead (the offer search without a category),
 *  and its prompt reads a need in free text. */
export function openHelpRequest(text: string, u: Understanding, words: Lexicon, detectedCategory: string | undefined, place: PlaceMatch): boolean {
  if (!words.has('help_request', text) || /\?/.test(text) || text.trim().split(/\s+/).length > HELP_REQUEST_MAX_WORDS) return false;
  if (detectedCategory || u.facts.grade !== undefined || (placeNamed(place) && !place.stadtteil)) return false;
  return !namesMoreThanPeople(u.retrieval.concepts);
}

/** What a story does that the intent engine took for the self-check but whose question sentences ask
 *  something ("Welcher Pflegegrad käme in Frage, und wo beantragen wir den?", "Was steht ihr an Geld
 *  zu?"): the test starts only when asked for by name. A grade the story tells is known, so a money
 *  question gets that grade's overview; otherwise the answer (the entry, else the self-check topic's
 *  explanation) with the test as a button. */
export type StorySelfCheck = { kind: 'overview'; overview: GradeOverview } | { kind: 'answer'; answerId: string };

export function storySelfCheck(intent: string, u: Understanding, words: Lexicon): StorySelfCheck | undefined {
  const questions = u.retrieval.questions.join(' ');
  if (intent !== 'selfcheck' || !u.story || !questions.trim() || words.has('asks_test', questions)) return undefined;
  const told = overviewOf(u);
  if (told && !words.has('about_the_grade', questions) && !words.has('asks_selfcheck', questions)) return { kind: 'overview', overview: told };
  return { kind: 'answer', answerId: u.entry?.id ?? 'selfcheck' };
}

/** The benefits overview for a told grade, with the story's setting where it decides the overview
 *  ("zu Hause" can mean relatives or a service). */
export interface GradeOverview { grade: number; setting?: CareSetting }

function overviewOf(u: Understanding): GradeOverview | undefined {
  if (u.facts.grade === undefined) return undefined;
  const setting = u.facts.setting === 'nursing_home' ? 'nursing_home' : u.facts.setting === 'daycare' ? 'day_care' : undefined;
  return { grade: u.facts.grade, setting };
}

/** A story that tells the grade and asks nothing needs no self-check (it estimates a grade the
 *  person already has): what that grade brings, by care setting ("Mein Mann hat Pflegegrad 3 und
 *  ich pflege ihn": no application either, the grade is there). */
export function toldGradeOverview(
  intent: string, u: Understanding, text: string, words: Lexicon, lang?: 'de' | 'en',
): GradeOverview | undefined {
  // "… und wir wollen einen höheren beantragen": a statement that still asks about applying
  const statesGrade = intent === 'selfcheck' || (intent === 'apply' && !u.entry && !words.has('apply_request', text));
  if (!statesGrade || asksAboutOrAnything(text, words, lang)) return undefined;
  return overviewOf(u);
}

/** A told grade with a question that asks what money there is at all and names no topic ("Sie hat jetzt
 *  Pflegegrad 3. Ich mache den Rest selbst. Was steht ihr an Geld zu?", "What money can she get?"): that
 *  grade's benefits by care setting, not an entry that only shares the story's words (the assessment by
 *  phone, the carer's pension). `questions`: the question sentences (the whole text when none);
 *  `topical`: the concepts of a sentence that name a topic ("Gibt es für einen Umbau Geld?" asks the
 *  grant, not the overview). Undefined without a grade of 2 or more, without such a question or with a topic named. */
export function toldGradeMoneyQuestion(
  u: Understanding, questions: readonly string[], words: Lexicon, topical: (q: string) => readonly string[],
): GradeOverview | undefined {
  // grade 1 has an answer of its own that says what it brings (the relief amount, no allowance)
  if (u.facts.grade === undefined || u.facts.grade < 2) return undefined;
  if (!questions.some((q) => words.has('asks_money_generic', q))) return undefined;
  if (questions.some((q) => topical(q).length)) return undefined;
  return overviewOf(u);
}

/** a message without a person this long is a sentence that tells, not a query of keywords */
export const STATEMENT_MIN_WORDS = 6;

/** "Meine Oma wohnt allein in Styrum und hat Pflegegrad 2.": a bare statement of the grade that asks
 *  for nothing (no question, no search, no application) gets that grade's benefits, whatever the
 *  intent; one that names a topic ("Meine Mutter hat Demenz und Pflegegrad 2.") gets that topic's
 *  answer, and "pflegegeld pflegegrad 3" (no person, few words) is a query. */
export function bareGradeStatement(u: Understanding, text: string, words: Lexicon, lang?: 'de' | 'en'): GradeOverview | undefined {
  const told = u.facts.person !== undefined || text.trim().split(/\s+/).length >= STATEMENT_MIN_WORDS;
  if (u.facts.grade === undefined || !told) return undefined;
  if (!bareStatement(text, words, lang) || words.has('apply_request', text)) return undefined;
  if (topicalConcepts(u.retrieval.concepts, 'setting_only').length) return undefined;
  return overviewOf(u);
}

/** Several questions in one message: the further ones that another entry answers, briefly after
 *  the first answer or as buttons (bot/conversation/multiQuestion.ts); they replace the single
 *  "Auch gefragt" button of a message that asks one thing per sentence. */
export interface FurtherQuestions {
  answerId: string; alsoAsked?: string; alsoButtons?: string[]; more?: string[]; moreBefore?: string[];
  /** the parts of a two-part question the answer stands for: its details sentences that answer them (facets.ts) */
  facets?: FacetPick;
  /** the same for the further answers (`more`), by entry id */
  moreFacets?: Record<string, FacetPick>;
}

export function withFurtherQuestions<T extends FurtherQuestions>(opts: T, u: Understanding): T {
  if (!u.parts.length) {
    const facets = u.facetPick?.(opts.answerId, []);
    return facets ? { ...opts, facets } : opts;
  }
  const plan = planAnswers({ id: opts.answerId }, u.parts);
  // a part the answer's own topic matched ("wie bereite ich mich vor?" under the entry on being present
  // at the assessment) is still the answer's part: the topic's general short answer seldom speaks to it
  const ownTopic = u.entry?.id === opts.answerId ? u.entry.topic : undefined;
  const facets = u.facetPick?.(opts.answerId, plan.short.filter((id) => id !== ownTopic));
  const moreFacets = Object.fromEntries(plan.short.map((id) => [id, u.facetPick?.(id, [], true)]).filter((x): x is [string, FacetPick] => !!x[1]));
  return {
    ...opts, alsoAsked: plan.buttons[0], alsoButtons: plan.buttons.slice(1), more: plan.short, moreBefore: plan.before,
    ...(facets ? { facets } : {}), ...(Object.keys(moreFacets).length ? { moreFacets } : {}),
  };
}

/** A guided dialog (the deadline calculator, the combination worked out, a grade's overview) answers
 *  one question of a message that asks several; the others still get their short answers after it
 *  ("Wie lange haben wir Zeit für den Widerspruch? Und muss der schriftlich sein?", "How much allowance
 *  is left, and is it taxed?"). The dialog stands for its intent's topic, as an answer with that id
 *  would (planAnswers: a part matching it adds nothing); empty when the message asks one thing. The
 *  buttons of unsure parts are not offered: the dialog's own buttons close its reply. */
export function guidedFurther(intent: string, u: Pick<Understanding, 'parts'>, dialog?: GuidedStart['dialog']): string[] {
  if (u.parts.length < 2) return [];
  // a share of the Sachleistung worked out is the combination, whichever benefit the intent named
  const topic = dialog === 'benefits' && (intent === 'in_kind' || intent === 'allowance') ? 'combination' : intent;
  return planAnswers({ id: topic }, u.parts).short;
}

/** What the router does with small talk, system intents and a message it could not place. */
export type SystemRoute =
  | { kind: 'say'; key: string; menu?: boolean }
  | { kind: 'command'; command: string }
  | { kind: 'refers_back' }
  | { kind: 'out_of_scope' }
  | { kind: 'look_up' };

export function systemRoute(r: NluResult, socialOk: (offTopic: boolean) => boolean, refersToLast: () => boolean): SystemRoute {
  // Greeting, thanks, goodbye, cancel and "out of scope" are for short social messages: a text
  // with care content or distress ("Danke, aber Papa ist seit gestern so verwirrt") is looked up.
  const offTopic = r.intent === 'None' && r.ranked[0]?.intent === 'out_of_scope';
  const social = SOCIAL_INTENTS.has(r.intent) || offTopic;
  if (social && !socialOk(offTopic || r.intent === 'out_of_scope')) return { kind: 'look_up' };
  switch (r.intent) {
    case 'greeting': return { kind: 'say', key: 'welcome', menu: true };
    case 'cancel': return { kind: 'say', key: 'nothing_to_cancel', menu: true };
    case 'thanks': return { kind: 'say', key: 'thanks' };
    case 'goodbye': return { kind: 'say', key: 'goodbye' };
    case 'help': case 'human': case 'privacy': return { kind: 'command', command: r.intent };
    case 'delete_data': return { kind: 'command', command: 'delete' };
    default:
      // "Was kostet das?" right after an answer is about that answer, not off-topic: the ways on from it
      if (refersToLast()) return { kind: 'refers_back' };
      // a care question the NLU took for off-topic is what staff most need to see
      if (r.ranked[0]?.intent === 'out_of_scope') return { kind: 'out_of_scope' };
      return { kind: 'look_up' };
  }
}

/** No answer matched well: close candidates ("Meinten Sie …?"), then the full-text search, then
 *  "not understood" with the menu. */
export type LookUp = { key: 'did_you_mean' | 'search_hits'; ids: string[] } | { key: 'not_understood' };

export function lookUpRoute(near: string[], r: NluResult, isAnswer: (id: string) => boolean, search: () => string[]): LookUp {
  if (near.length) return { key: 'did_you_mean', ids: near };
  const top = r.ranked[0]?.score ?? 0;
  const close = r.ranked.filter((x) => !SYSTEM_INTENTS.has(x.intent) && isAnswer(x.intent) && top >= MIN_CANDIDATE_SCORE && x.score >= top * 0.5).slice(0, 3);
  if (close.length >= 2) return { key: 'did_you_mean', ids: close.map((x) => x.intent) };
  const hits = search();
  return hits.length ? { key: 'search_hits', ids: hits } : { key: 'not_understood' };
}

/** A guided dialog to start, with its options. */
export type GuidedStart =
  | { dialog: 'selfcheck'; options: SelfCheckOptions }
  | { dialog: 'benefits'; options: BenefitsOptions }
  | { dialog: 'deadline'; options: DeadlineOptions }
  | { dialog: 'letters'; options: LettersOptions };

export interface GuidedInput {
  r: NluResult;
  text: string;
  words: Lexicon;
  grade?: number;
  /** whether the message names a date (parsed only where a date matters: it can cost milliseconds) */
  hasDate: () => boolean;
  /** a topic the intent engine found almost as likely as the self-check */
  alternative: () => string | undefined;
}

/** The guided dialog this message starts, or undefined when it is not one of theirs. */
export function guidedRoute(x: GuidedInput): GuidedStart | undefined {
  const { r, text, words, grade, hasDate } = x;
  // "Was hat sich zum 1. Januar geändert?" has no intent of its own
  if (words.has('changes_question', text) && (['None', 'out_of_scope', 'benefits_overview'].includes(r.intent) || hasDate())) {
    return { dialog: 'benefits', options: { show: 'changes', text, grade } };
  }
  switch (r.intent) {
    case 'selfcheck':
      return { dialog: 'selfcheck', options: { alternative: x.alternative() } };
    case 'benefits_overview':
      return { dialog: 'benefits', options: { grade, text } };
    case 'deadline':
      // with a date: work out the deadline; a question that names no deadline gets the step-by-step
      // guide; one about a named deadline without a date gets the rule first (the router answers it)
      return hasDate() || !deadlineKind(text, words) || words.has('compute', text) ? { dialog: 'deadline', options: { text } } : undefined;
    case 'combination':
      // "the service uses 60 % of the Sachleistung": compute the Pflegegeld left
      return percentFrom(text, words) !== undefined ? { dialog: 'benefits', options: { grade, text } } : undefined;
    case 'in_kind':
    case 'allowance':
      // "der Dienst rechnet sechzig Prozent der Sachleistung ab – wie viel Pflegegeld bekomme ich noch?":
      // a share and a question for what is left is the combination, whichever benefit it names
      return asksRestOfShare(text, text, words) ? { dialog: 'benefits', options: { grade, text } } : undefined;
    case 'apply':
    case 'objection':
      if (words.has('letter_request', text)) return { dialog: 'letters', options: { letter: r.intent === 'apply' ? 'application' : 'objection' } };
      // "Antrag am 1. Oktober gestellt", "Bescheid kam am 3.11.": compute the deadline
      if ((words.has('application_made', text) || words.has('notice_received', text)) && hasDate()) return { dialog: 'deadline', options: { text } };
      return undefined;
    default:
      return undefined;
  }
}

/** Whether a guided start answers in its first reply (a deadline with its kind and date, a grade's
 *  overview or the combination for a told grade, the changes) rather than asking a question first: only
 *  then may further answers follow it (after a prompt they would stand between its question and the reply). */
export function answersAtOnce(start: GuidedStart, x: Pick<GuidedInput, 'text' | 'words' | 'hasDate'>): boolean {
  switch (start.dialog) {
    case 'deadline': return !!start.options.kind || (!!deadlineKind(x.text, x.words) && x.hasDate());
    case 'benefits': return start.options.grade !== undefined || start.options.show === 'changes';
    default: return false;
  }
}

/** The guided dialog a button's command starts ("overview:3", "letter:objection", …). */
export function guidedCommandRoute(name: string, arg?: string, sub?: string): GuidedStart | undefined {
  switch (name) {
    case 'selfcheck':
      return { dialog: 'selfcheck', options: { resume: arg === 'resume', restart: arg === 'restart' } };
    case 'money':
      return { dialog: 'benefits', options: {} };
    case 'overview': {
      const g = Number(arg);
      const setting = SETTINGS.includes(sub as CareSetting) ? (sub as CareSetting) : undefined;
      return { dialog: 'benefits', options: { grade: Number.isInteger(g) && g >= 0 && g <= 5 && arg ? g : undefined, setting } };
    }
    case 'changes':
      return { dialog: 'benefits', options: { show: 'changes' } };
    case 'deadline':
      return { dialog: 'deadline', options: { kind: arg === 'objection' || arg === 'decision' ? arg : undefined } };
    case 'guide':
      return { dialog: 'deadline', options: {} };
    case 'letter':
      return { dialog: 'letters', options: { letter: arg, letterLang: sub } };
    default:
      return undefined;
  }
}

/** "the care fund turned down my objection too. what now?" read as the objection topic with no entry chosen:
 *  the objection was refused, so the best-ranked entry of that topic whose short answer names the step after a
 *  refusal (answer_refused: the social court, a lawsuit) answers, not how to object. `ranked`: retrieval's
 *  candidates, best first; `short`: an entry's short answer. Undefined when none does. */
export function refusedObjectionEntry(
  intent: string, text: string, words: Lexicon, ranked: readonly { id: string; kind: string; topic: string }[], short: (id: string) => string | undefined,
): string | undefined {
  if (intent !== 'objection' || aspectOf(text, words) !== 'refused') return undefined;
  const fits = (id: string) => { const t = short(id); return !!t && words.has('answer_refused', foldText(t)); };
  return ranked.find((c) => c.kind === 'entry' && c.topic === intent && fits(c.id))?.id;
}
