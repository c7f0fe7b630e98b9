// The conversation's thread: the few facts a follow-up question is resolved against — the topic or
// question entry answered last, the care grade, where the person is cared for, who it is, dementia,
// the Stadtteil. They come from the story ("Meine Mutter mit Demenz, Pflegegrad 3, lebt in Saarn")
// as well as from answers to the bot's prompts. This is health data: nothing else is kept (no
// names, no text), and it goes with the rest of the memory on "delete my data" and by retention.
// Pure.
import type { CareSettingFact, MessageFacts, PersonFact } from '../nlu/facts';
import type { Spent } from './budget';

export interface ConversationThread {
  /** the topic or question entry answered last (an id of the knowledge base) */
  lastTopic?: string;
  grade?: number;
  /** the Stadtteil id, or '*' for the whole city */
  stadtteil?: string;
  setting?: CareSettingFact;
  person?: PersonFact;
  dementia?: boolean;
  /** a sum the story told as already used of a budget ("schon 2.000 € für Verhinderungspflege
   *  ausgegeben"): a number and the budget's kind, no text; a later "wie viel bleibt noch?" uses it */
  spent?: Spent;
  /** the last answer whose amount depends on the grade (an id): a grade told after an answer that does
   *  not depend on it ("who applies for it?" → "no wait, it's for my father, he has grade 5") is about it */
  gradeTopic?: string;
  /** the money topic the last new question named when another answer may have answered it ("Verhinderungspflege
   *  bei Pflegegrad 1?" → the grade-1 overview): a corrected grade ("ach nee, sie hat Grad 2") re-asks it */
  askedTopic?: string;
}

export type ThreadField = 'grade' | 'stadtteil' | 'setting' | 'person' | 'dementia';

/** Takes over what a message tells; returns the fields that changed. A later fact replaces an earlier
 *  one ("und im Heim?" after "zu Hause"), a missing one never erases what is known. */
export function rememberFacts(thread: ConversationThread, facts: MessageFacts): ThreadField[] {
  const changed: ThreadField[] = [];
  const set = <K extends ThreadField>(k: K, v: ConversationThread[K] | undefined): void => {
    if (v === undefined || thread[k] === v) return;
    thread[k] = v;
    changed.push(k);
  };
  if (facts.grade !== undefined && facts.grade > 0) set('grade', facts.grade);
  set('stadtteil', facts.stadtteil);
  // a hospital stay is a passing situation, not where the person is cared for
  if (facts.setting && facts.setting !== 'hospital') set('setting', facts.setting);
  set('person', facts.person);
  if (facts.dementia) set('dementia', true);
  return changed;
}

/** "und bei meinem Vater?", "nein, ich meinte meinen Mann": the question is about another person, so
 *  the grade, setting and dementia told so far belong to someone else and are forgotten (the message's
 *  own facts join afterwards). Returns whether the person changed. */
export function forgetOnPersonSwitch(thread: ConversationThread, person: PersonFact | undefined): boolean {
  if (!person || person === thread.person) return false;
  thread.grade = undefined;
  thread.setting = undefined;
  thread.dementia = undefined;
  thread.spent = undefined;
  return true;
}

// Topics about what the care insurance pays in one care setting. A follow-up that names another
// setting ("und im Heim?") means the same question for that setting, i.e. that setting's topic.
export const MONEY_TOPIC_IDS: ReadonlySet<string> = new Set(['allowance', 'in_kind', 'combination', 'daycare', 'nursing_home', 'respite', 'relief']);
/** money topics whose answer is an amount by grade: a cost question about them is answered by the amount */
export const GRADE_MONEY_TOPIC_IDS: ReadonlySet<string> = new Set(['allowance', 'in_kind', 'combination', 'daycare', 'nursing_home']);

/** The topic an offer search for a kind of help stands for ("Tagespflege in Heißen" → day care), so
 *  that "Was übernimmt die Kasse dafür?" after the list is about it: the money topic among the
 *  answers that name that kind of help, else the only one; undefined when none or several. */
export function topicForCategory(category: string, answers: Iterable<{ id: string; offerCategory?: string }>): string | undefined {
  const ids = [...answers].filter((a) => a.offerCategory === category).map((a) => a.id);
  const money = ids.filter((id) => GRADE_MONEY_TOPIC_IDS.has(id));
  return money.length === 1 ? money[0] : ids.length === 1 ? ids[0] : undefined;
}
const SETTING_TOPIC: Partial<Record<CareSettingFact, string>> = { nursing_home: 'nursing_home', daycare: 'daycare' };

/** The topic a follow-up about another care setting leads to: the setting's own money topic when the
 *  last topic was about money, otherwise the last topic itself. */
export function topicForSetting(lastTopic: string, setting: CareSettingFact | undefined): string {
  if (!setting || !MONEY_TOPIC_IDS.has(lastTopic)) return lastTopic;
  if (setting === 'home') return lastTopic === 'nursing_home' || lastTopic === 'daycare' ? 'allowance' : lastTopic;
  return SETTING_TOPIC[setting] ?? lastTopic;
}

/** "und bei 5?" after an answer to several questions: the grade is about the answer whose amount
 *  depends on it (the Pflegegeld, not who gets the relief amount). The last topic when it depends on
 *  the grade itself, or when none of the further answers does. */
export function topicForGrade(
  last: string, alsoAnswered: readonly string[] | undefined, usesGrade: (id: string) => boolean, gradeTopic?: string, askedTopic?: string, parent?: string,
): string {
  if (usesGrade(last)) return last;
  const also = alsoAnswered?.find(usesGrade);
  if (also) return also;
  // a question entry of a topic by grade: the caller answers that topic
  if (parent && usesGrade(parent)) return last;
  // the question's own money topic is newer than an earlier answer's (gradeTopic): the last answer was
  // given to that question and did not depend on the grade
  return askedTopic ?? (gradeTopic && usesGrade(gradeTopic) ? gradeTopic : last);
}

// The money topic a concept of a question names ("Tagespflege", "Kurzzeitpflege"): a grade told later
// asks that topic again. Only topics whose answer changes with the grade or has a grade rule (respite
// from grade 2); the relief amount is the same for every grade.
const CONCEPT_MONEY_TOPIC: Readonly<Record<string, string>> = {
  daycare: 'daycare', nursing_home: 'nursing_home', care_service: 'in_kind', care_allowance: 'allowance',
  combination: 'combination', respite: 'respite', short_term_care: 'respite',
};
const MONEY_TOPICS_ASKED: ReadonlySet<string> = new Set(Object.values(CONCEPT_MONEY_TOPIC));
/** the concepts that name a money topic (a typo'd one is read by slipConcepts.ts) */
export const MONEY_CONCEPT_IDS: ReadonlySet<string> = new Set(Object.keys(CONCEPT_MONEY_TOPIC));
/** an intent engine's money topic counts when the concepts name none ("verhinderungspfelge bei pflegegrad
 *  1?": the typo hides the concept, the engine still ranks respite second) */
const ASKED_INTENT_SCORE = 0.3;
/** The one money topic a new question's concepts name; else the intent engine's best money topic with a
 *  fair score (`ranked`, best first); undefined when none or several. */
export function askedMoneyTopic(concepts: readonly string[], ranked: readonly { intent: string; score: number }[] = []): string | undefined {
  const topics = new Set(concepts.map((c) => CONCEPT_MONEY_TOPIC[c]).filter((t): t is string => !!t));
  if (topics.size) return topics.size === 1 ? [...topics][0] : undefined;
  return ranked.find((x) => MONEY_TOPICS_ASKED.has(x.intent) && x.score >= ASKED_INTENT_SCORE)?.intent;
}

/** A new question that tells a grade and asks an amount ("Mein Opa hat Pflegegrad 3, ein Pflegedienst kommt.
 *  Wie viel übernimmt die Kasse dafür?"): the money topic it asks about answers, with its amount at that
 *  grade, instead of an entry of another topic that only shares the story's words (the assessment, the
 *  pension): the topic its concepts name, else the intent engine's. Undefined when the question names a
 *  topic of another kind (`otherTopics`: "Welche Hilfsmittel bezahlt die Kasse?", "Wie viel Vermögen ist
 *  geschützt?"), the grade is 1 (most money topics start at 2), no amount is asked, or the chosen entry
 *  already names an amount at the grade or belongs to the topic asked ("Wem steht das Pflegegeld zu?"). */
export function toldGradeAmountTopic(input: {
  grade: number | undefined; asksAmount: boolean; concepts: readonly string[]; ranked?: readonly { intent: string; score: number }[];
  otherTopics: boolean; entryNamesAmount: boolean; entryTopic?: string;
}): string | undefined {
  if (input.grade === undefined || input.grade < 2 || !input.asksAmount || input.entryNamesAmount || input.otherTopics) return undefined;
  const topic = askedMoneyTopic(input.concepts, input.ranked);
  return topic && topic !== input.entryTopic ? topic : undefined;
}

/** The benefits overview's setting the thread already knows: a nursing home or day care told in the
 *  story is not asked again ("Was zahlt die Kasse dann?" after "ob er ins Heim zieht"); "at home"
 *  may be family or a service, so it is still asked. */
export function overviewSettingOf(setting: CareSettingFact | undefined): 'nursing_home' | 'day_care' | undefined {
  return setting === 'nursing_home' ? 'nursing_home' : setting === 'daycare' ? 'day_care' : undefined;
}

const OVERVIEW_TOPIC: Record<string, string> = { relatives: 'allowance', home_care: 'in_kind', day_care: 'daycare', nursing_home: 'nursing_home' };
/** The money topic a benefits overview for a setting stands for: "und bei 5?", "was übernimmt die
 *  Kasse davon?" after the overview resolve against it. */
export function overviewTopic(setting: string): string | undefined {
  return OVERVIEW_TOPIC[setting];
}

/** One line for staff (`chat --explain`): which context a reply used. */
export function describeThread(thread: ConversationThread): string {
  const parts: string[] = [];
  if (thread.lastTopic) parts.push(`topic=${thread.lastTopic}`);
  if (thread.grade !== undefined) parts.push(`grade=${thread.grade}`);
  if (thread.setting) parts.push(`setting=${thread.setting}`);
  if (thread.person) parts.push(`person=${thread.person}`);
  if (thread.dementia) parts.push('dementia');
  if (thread.stadtteil) parts.push(`stadtteil=${thread.stadtteil}`);
  if (thread.spent) parts.push(`spent=${thread.spent.kind}:${thread.spent.used}`);
  return parts.join(' ') || '(empty)';
}
