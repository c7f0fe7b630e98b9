// One message, understood: the intent engine's topic, the question entry that answers it (if one
// does), a second question's entry, and what the story tells (grade, setting, person, dementia,
// Stadtteil). The router acts on `choice`; `chat --explain` shows all of it. Pure.
import type { KnowledgeBase, LayeredAnswer, LayeredQuestion } from '../knowledge/kb';
import type { Lang } from '../knowledge/schema';
import { askerOf, carerSubject } from '../nlu/asker';
import { deniedTopics, topicCores, withoutDeniedTopics } from '../nlu/deniedTopic';
import { opensBack } from '../nlu/negation';
import { extractFacts, factConcepts, otherSettingConcepts, type MessageFacts } from '../nlu/facts';
import type { Candidate, Retrieval } from '../nlu/retrieve';
import { questionSentences, readSentences } from '../nlu/message';
import { foldMarks } from '../text/fold';
import { closeRunnerUp, rerank, type Reranked, type RerankCandidate, type RerankInput } from '../nlu/rerank';
import type { NluResult } from '../services';
import { BUTTON_FLOOR, MAX_PARTS, aspectMatch, splitQuestions, type AskedPart, type PartMatch } from './multiQuestion';
import { aspectOf } from './followUp';
import { foldText } from '../nlu/normalise';
import { facetPickFor, type FacetPick } from './facets';
import type { Lexicon, WordList } from '../nlu/lexicon';

export interface Understanding {
  retrieval: Retrieval;
  facts: MessageFacts;
  /** the entry to answer with, when retrieval is confident */
  entry?: LayeredQuestion;
  /** a second question of the message that another entry or topic answers ("Auch gefragt: …") */
  also?: LayeredAnswer;
  /** a close runner-up offered as "Oder meinten Sie …?" (a near tie between entries, or an entry
   *  just behind the topic's general question) */
  alternative?: LayeredAnswer;
  /** the entry beats a guided dialog the intent engine would start (selfcheck, benefits overview …) */
  strong: boolean;
  /** the message tells a story (several sentences or many words) rather than asking briefly */
  story: boolean;
  /** a message of several questions: what each one matched, in the order asked (empty for one question) */
  parts: (PartMatch | undefined)[];
  /** the re-ranker's look at retrieval's top-k (when the knowledge base has a model): its candidates,
   *  their probabilities, and whether its choice replaced retrieval's decision */
  rerank?: { input: RerankInput; result: Reranked; decided: boolean };
  /** a question with two parts ("Bekomme ich den trotzdem, und wie viel wäre das?"): the details
   *  sentences of an answer that answer the parts its short answer does not (bot/conversation/facets.ts);
   *  `skip` are entries that answer some parts on their own (those parts are theirs) */
  facetPick?: (answerId: string, skip: readonly string[], onlyOwn?: boolean) => FacetPick | undefined;
}

/** From this score a topic's general question answers a further question of the message on its own. */
export const TOPIC_SURE = 0.5;
/** candidates this close to a further question's best are as good an answer to it (wider when the
 *  match itself is unsure) */
export const PART_NEAR = 0.05;
export const PART_NEAR_UNSURE = 0.2;
/** an entry behind a guided topic alone answers a part from this score, this far ahead of the answerable topics */
export const PART_ENTRY_SURE = 0.4;
export const PART_MARGIN = 0.05;
/** a neighbour covers clearly more of a part's concepts from this much more concept overlap */
export const NEXT_CONCEPTS = 0.1;

/** What one further question of a message matched, read with the message's story (its sentences that
 *  ask nothing) around it; undefined when nothing came close. */
function matchPart(
  kb: KnowledgeBase, query: string, story: readonly string[], lang: Lang, facts: MessageFacts, topicScores: ReadonlyMap<string, number>,
): PartMatch | undefined {
  const r = kb.retriever.retrieve([...story, query].join('\n'), lang, { topicScores, contextConcepts: factConcepts(facts), otherSetting: otherSettingConcepts(facts) });
  const answerable = r.ranked.filter((c) => (c.kind === 'topic' ? kb.answers.has(c.id) : fitsGrade(kb.questions.get(c.id), facts.grade)));
  const near = (best: number, spread = PART_NEAR) => answerable.filter((c) => c.score >= best - spread).map((c) => c.id);
  const entry = r.entry;
  const read = query;
  // an entry as close that covers clearly more of the concepts read (the part's own words weigh most)
  const next = (best: Candidate) => answerable.find((c) => c !== best && c.kind === 'entry' && c.score >= best.score - PART_NEAR
    && c.parts.concepts >= best.parts.concepts + NEXT_CONCEPTS)?.id;
  if (entry && answerable.includes(entry)) {
    return { id: entry.id, topic: entry.topic, score: entry.score, confident: true, near: [entry.id, ...near(entry.score).filter((id) => id !== entry.id)], rule: 'entry', read, next: next(entry) };
  }
  const top = answerable[0];
  if (!top) return undefined;
  // only a topic that has no answer text of its own (a guided dialog: the deadline calculator) led the
  // entry, which leads every topic that can answer: the entry answers ("… and will the money only come
  // from the decision?" read under a deadline story)
  const before = r.ranked.slice(0, r.ranked.indexOf(top));
  const topic = answerable.find((c) => c.kind === 'topic');
  if (top.kind === 'entry' && before.length && before.every((c) => c.kind === 'topic' && !kb.answers.has(c.id))
    && top.score >= PART_ENTRY_SURE && top.score >= (topic?.score ?? 0) + PART_MARGIN) {
    return { id: top.id, topic: top.topic, score: top.score, confident: true, near: near(top.score), rule: 'entry', read, next: next(top) };
  }
  // the part's best entry and its own topic's overview tie: sure of the topic, unsure of the entry, the
  // overview answers ("… and is there any money from the care fund for this?" after the landlord entry)
  if (top.kind === 'entry' && topic?.id === top.topic && topic.score >= TOPIC_SURE && topic.score >= top.score - PART_MARGIN) {
    return { id: topic.id, score: topic.score, confident: true, near: near(topic.score), rule: 'topic', read, next: next(topic) };
  }
  const confident = top.kind === 'topic' && top.score >= TOPIC_SURE && top === r.ranked[0];
  return {
    id: top.id, topic: top.kind === 'entry' ? top.topic : undefined, score: top.score, confident,
    near: near(top.score, confident ? PART_NEAR : PART_NEAR_UNSURE), rule: confident ? 'topic' : 'best', read, next: next(top),
  };
}

/** A further part that asks an aspect of the subject the first part is about (multiQuestion.ts
 *  aspectMatch): the subject is the first part's topic, the candidates every entry read for the part
 *  with its story (all of them: the aspect's entry is often not among retrieval's five best). */
function askedAspects(
  kb: KnowledgeBase, asked: readonly AskedPart[], parts: (PartMatch | undefined)[], answered: readonly string[],
  lang: Lang, facts: MessageFacts, topicScores: ReadonlyMap<string, number>, words: Lexicon,
): void {
  const first = parts[0];
  const subject = first ? first.topic ?? (kb.answers.has(first.id) ? first.id : undefined) : undefined;
  if (!subject) return;
  const speaks = (aspect: string) => (id: string) => {
    const t = kb.entry(id)?.[lang];
    return !!t && words.has(`answer_${aspect}` as WordList, foldText(t.short));
  };
  asked.forEach((p, i) => {
    const aspect = i > 0 ? aspectOf(p.text, words) : undefined;
    if (!aspect || aspect === 'where' || aspect === 'cost' || !parts[i] || parts[i]!.rule === 'amount') return;
    const shown = new Set([...answered, ...parts.slice(0, i).map((m) => m?.id)].filter((x): x is string => !!x));
    const ranked = () => kb.retriever.rankAll(p.query, lang, {
      topicScores, contextConcepts: factConcepts(facts), otherSetting: otherSettingConcepts(facts),
    }).filter((c) => fitsGrade(kb.questions.get(c.id), facts.grade));
    const found = aspectMatch(parts[i], subject, shown, ranked, speaks(aspect));
    if (found) parts[i] = found;
  });
}

/** The answer names an amount from the dated table (in its short answer or its text for a told
 *  grade); with a grade told, the amount at that grade ("bei Pflegegrad 3 … {{b.x.3}}"). */
export function namesAmount(a: LayeredAnswer | undefined, lang: Lang, grade?: number): boolean {
  const t = a?.[lang];
  if (!t) return false;
  if (t.shortWithGrade?.includes('{{b.')) return true;
  return grade === undefined ? t.short.includes('{{b.') : amountOfGrade(grade).test(t.short);
}

// one pattern per grade, built once: a story's further question tests every ranked entry with it
const amountPatterns = new Map<number, RegExp>();
function amountOfGrade(grade: number): RegExp {
  let re = amountPatterns.get(grade);
  if (!re) amountPatterns.set(grade, (re = new RegExp(`\\{\\{b\\.[\\w.]*\\.${grade}\\}\\}`)));
  return re;
}

/** concepts an amount question names without naming its subject ("what does the fund pay", "bei Pflegegrad 2") */
const AMOUNT_WORDS = new Set(['costs', 'grade']);
const conceptWeights = new WeakMap<KnowledgeBase, Map<string, number>>();
/** How telling a concept is: log of the entries over the entries that declare it (a rare one says more). */
function conceptWeight(kb: KnowledgeBase, concept: string): number {
  let w = conceptWeights.get(kb);
  if (!w) {
    const df = new Map<string, number>();
    for (const q of kb.questions.values()) for (const c of q.concepts) df.set(c, (df.get(c) ?? 0) + 1);
    w = new Map([...df].map(([c, n]) => [c, Math.log((kb.questions.size + 1) / n)]));
    conceptWeights.set(kb, w);
  }
  return w.get(concept) ?? 0;
}

/** From this score the best answer that names an amount answers an amount question of a story. */
export const AMOUNT_FLOOR = 0.3;
/** amount answers this close to the best are a tie that the first question's topic decides */
export const AMOUNT_SPREAD = 0.12;

/** "wie viel wäre das bei ihr?": an amount question is answered by the answer that names an amount
 *  and fits the story best; among near ties the one of the first question's topic ("Wie viel
 *  übernimmt die Kasse bei Pflegegrad 2?" after a question on day care: the day-care amount). */
function matchAmount(
  kb: KnowledgeBase, query: string, story: readonly string[], lang: Lang, facts: MessageFacts, topicScores: ReadonlyMap<string, number>,
  firstTopics: ReadonlySet<string>, subject: readonly string[] = [],
): PartMatch | undefined {
  const ranked = kb.retriever.rankAll([...story, query].join('\n'), lang, { topicScores, contextConcepts: factConcepts(facts), otherSetting: otherSettingConcepts(facts) });
  const amounts = ranked.filter((c) => namesAmount(kb.entry(c.id), lang, facts.grade) && (c.kind === 'topic' ? kb.answers.has(c.id) : fitsGrade(kb.questions.get(c.id), facts.grade)));
  const best = amounts[0];
  if (!best || best.score < AMOUNT_FLOOR) return undefined;
  const ties = amounts.filter((c) => c.score >= best.score - AMOUNT_SPREAD && (firstTopics.has(c.id) || firstTopics.has(c.topic)));
  // "Bekomme ich den Pflege-Pauschbetrag trotzdem, und wie viel wäre das?": of the tied amounts, the one
  // sharing the rarest concepts with the entry the question before matched (the tax allowance, not the
  // tax-free Pflegegeld that every story about passed-on Pflegegeld also names)
  const shared = (c: Candidate) => (kb.questions.get(c.id)?.concepts ?? [])
    .filter((x) => subject.includes(x)).reduce((sum, x) => sum + conceptWeight(kb, x), 0);
  const pick = ties.reduce<Candidate | undefined>((a, c) => (!a || shared(c) > shared(a) + 1e-9 ? c : a), undefined) ?? best;
  const near = amounts.filter((c) => c !== pick && c.score >= pick.score - PART_NEAR).map((c) => c.id);
  return { id: pick.id, topic: pick.kind === 'entry' ? pick.topic : undefined, score: pick.score, confident: true, near: [pick.id, ...near], rule: 'amount', read: query };
}

/** Nothing answered with confidence: retrieval candidates from this score on are offered as "Meinten
 *  Sie …?" buttons, those within GUESS_SPREAD of the best, rather than a confident wrong answer. */
export const GUESS_FLOOR = 0.25;
export const GUESS_SPREAD = 0.1;

/** The entries or topics to offer when the message was not answered: at least two, at most `max`. */
export function guesses(r: Retrieval, answerable: (id: string) => boolean, max = 3): string[] {
  const c = r.ranked.filter((x) => answerable(x.id));
  const top = c[0]?.score ?? 0;
  if (top < GUESS_FLOOR) return [];
  const near = c.filter((x) => x.score >= top - GUESS_SPREAD).slice(0, max).map((x) => x.id);
  return near.length >= 2 ? near : [];
}

/** From this score an entry is answered even where the intent engine would start a guided dialog. */
export const STRONG_ENTRY = 0.45;
/** a message with more words than this, or more than one sentence, is a story */
export const STORY_WORDS = 14;

export function isStory(text: string): boolean {
  return readSentences(text).length > 1 || text.trim().split(/\s+/).length > STORY_WORDS;
}

/** The care grades an entry is about, read from its German title ("… bei Pflegegrad 1?", "… mit
 *  Pflegegrad 4 oder 5 …"); empty for entries that hold for every grade. */
export function entryGrades(entry: LayeredAnswer): number[] {
  return [...gradesOf(entry)];
}

function readGrades(title: string): readonly number[] {
  const m = /Pflegegrad(?:en)?\s*([1-5])(?:\s*(?:oder|und|bis|–|-)\s*([1-5]))?/.exec(title);
  if (!m) return [];
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

// An entry's grades, read once per title: a story's re-ranking asks this of every ranked entry.
const gradesMemo = new WeakMap<LayeredAnswer, { title: string; grades: readonly number[] }>();
function gradesOf(entry: LayeredAnswer): readonly number[] {
  const title = entry.de.title;
  let m = gradesMemo.get(entry);
  if (m?.title !== title) gradesMemo.set(entry, (m = { title, grades: readGrades(title) }));
  return m.grades;
}

/** A grade-specific entry answers only a message that names one of its grades: "Was zahlt die
 *  Kasse im Heim bei Pflegegrad 3?" must not get the entry about grade 1. */
export function fitsGrade(entry: LayeredAnswer | undefined, grade: number | undefined): boolean {
  if (!entry) return false;
  const grades = gradesOf(entry);
  return !grades.length || (grade !== undefined && grades.includes(grade));
}

/** candidates the re-ranker looks at: retrieval's best entries for the whole message, and the
 *  question sentences' best few that the whole reading put further down */
export const RERANK_K = 12;
export const RERANK_Q = 3;

const canonicalMemo = new WeakMap<KnowledgeBase, Map<string, string>>();
function canonicalConcepts(kb: KnowledgeBase): Map<string, string> {
  let m = canonicalMemo.get(kb);
  if (!m) {
    m = new Map<string, string>();
    for (const c of kb.concepts?.concepts ?? []) {
      m.set(c.id, c.id);
      for (const a of c.aliases) m.set(a, c.id);
    }
    canonicalMemo.set(kb, m);
  }
  return m;
}

/** The messages the story re-ranker decides: a question with at least two told sentences around it,
 *  or with one told sentence when the question names a subject of its own ("Meine Mutter bekommt
 *  Grundsicherung. Kann ich die Pflege von der Steuer absetzen?": the told noun competes with the
 *  question's). An elliptic question after one told fact ("… wohnt bei mir. Ist das erlaubt?") is one
 *  question with its context, which retrieval reads as a whole (round 13: the model lost such a case). */
export function rerankDecides(kb: KnowledgeBase, text: string, lang: Lang): boolean {
  const sentences = readSentences(text);
  const asked = questionSentences(sentences);
  const told = sentences.length - asked.length;
  if (told >= 2) return true;
  const question = asked.map((x) => x.text).join('\n');
  if (told !== 1 || kb.retriever.concepts(question, lang).length === 0) return false;
  // "… she has grade 3. is that covered even if family does it?": a question that opens by pointing
  // back is elliptic too, whatever it names after that (session 15b: the model took the tax entry)
  if (opensBack(foldMarks(question))) return false;
  // only a told noun competes: a told care grade alone ("Meine Mutter hat Pflegegrad 3. Was ist
  // Kurzzeitpflege?") is a fact that shapes the answer, and the model picked the no-grade entry there
  const toldSentence = sentences.filter((x) => !asked.includes(x)).map((x) => x.text).join('\n');
  return kb.retriever.concepts(toldSentence, lang).some((c) => !FACT_CONCEPTS.has(c));
}

/** How sure the re-ranker must be of an entry when the alternative is the topic's overview (retrieval found
 *  no entry): a story asks one thing, and the overview answers none of it (session 18). */
export const SURE_OVER_TOPIC = 0.2;
/** … and ahead of every other choice by this much: a near tie of two entries is no choice */
export const LEAD_OVER_TOPIC = 0.05;

/** The re-ranker's entry answers in place of the topic's overview when it ranks first at `SURE_OVER_TOPIC`
 *  or more, `LEAD_OVER_TOPIC` ahead of the next choice (the model's `sure` is for overriding an entry
 *  retrieval was confident of). */
export function overTopic(entry: LayeredQuestion | undefined, pick: RerankCandidate, result: Reranked, text: string): boolean {
  // a story that only tells ("This year we already paid 1,000 euros for a stand-in.") asks nothing the
  // overview leaves out: the rule is for a sentence that asks
  if (entry || pick.kind !== 'entry' || !readSentences(text).some((x) => x.question)) return false;
  const best = result.probs[result.best];
  const next = Math.max(0, ...result.probs.filter((_, i) => i !== result.best));
  return best >= SURE_OVER_TOPIC && best - next >= LEAD_OVER_TOPIC;
}

/** Concepts a told sentence states as a fact of the situation rather than as a topic of its own. */
const FACT_CONCEPTS: ReadonlySet<string> = new Set(['grade']);

const NO_PARTS = { words: 0, variant: 0, grams: 0, concepts: 0, prior: 0 };

/** What the re-ranker reads for a message: retrieval's top-k entries (those that fit the told grade)
 *  and the intent's topic as the "no entry" choice, each scored on the whole message and on its
 *  question sentences alone. */
export function rerankInput(kb: KnowledgeBase, nlu: NluResult, text: string, lang: Lang, facts: MessageFacts, chosen: string): RerankInput {
  const topicScores = new Map(nlu.ranked.map((x) => [x.intent, x.score]));
  const opts = { topicScores, contextConcepts: factConcepts(facts), otherSetting: otherSettingConcepts(facts) };
  const sentences = readSentences(text);
  const asked = questionSentences(sentences);
  const question = asked.map((x) => x.text).join('\n');
  const story = asked.length < sentences.length;
  // both rankings hold every entry, sorted only as far as the first few that fit are read; the chosen ones
  // and the intent's topic are looked up by id
  const wholeBy = kb.retriever.rank(text, lang, opts);
  const qBy = story ? kb.retriever.rank(question, lang, opts) : wholeBy;
  const fits = (c: Candidate) => c.kind === 'entry' && fitsGrade(kb.questions.get(c.id), facts.grade);
  const ids = [...wholeBy.first(fits, RERANK_K), ...qBy.first(fits, RERANK_Q)].map((c) => c.id);
  const canonical = canonicalConcepts(kb);
  const other = new Set(otherSettingConcepts(facts));
  const candidates: RerankCandidate[] = [...new Set(ids)].map((id) => {
    const q = kb.questions.get(id)!;
    const w = wholeBy.get(id);
    const qc = qBy.get(id);
    const concepts = [...new Set(q.concepts.map((c) => canonical.get(c) ?? c))];
    return {
      id, kind: 'entry', topic: q.topic, score: w?.score ?? 0, parts: w?.parts ?? NO_PARTS, qScore: qc?.score ?? 0, qVariant: qc?.parts.variant ?? 0,
      concepts, title: q[lang].title, short: q[lang].short, gradeSpecific: gradesOf(q).length > 0,
      otherSetting: concepts.some((c) => other.has(c)), carer: carerSubject(q.topic, concepts),
    };
  });
  candidates.sort((a, b) => b.score - a.score);
  const wt = wholeBy.get(nlu.intent);
  const qt = qBy.get(nlu.intent);
  candidates.push({
    id: nlu.intent, kind: 'fallback', topic: nlu.intent, score: wt?.score ?? 0, parts: wt?.parts ?? NO_PARTS, qScore: qt?.score ?? 0, qVariant: qt?.parts.variant ?? 0,
    concepts: [], title: '', short: '', gradeSpecific: false, otherSetting: false,
  });
  const questionConcepts = new Set(kb.retriever.concepts(question, lang).map((c) => canonical.get(c) ?? c));
  const storyConcepts = new Set(sentences.filter((x) => !asked.includes(x)).flatMap((x) => kb.retriever.concepts(x.text, lang))
    .map((c) => canonical.get(c) ?? c).filter((c) => !questionConcepts.has(c)));
  const first = sentences.indexOf(asked[0]);
  const lead = story && first > 0 && !sentences[first - 1].question ? sentences[first - 1].text : '';
  const leadConcepts = new Set(lead ? kb.retriever.concepts(lead, lang).map((c) => canonical.get(c) ?? c).filter((c) => !questionConcepts.has(c)) : []);
  const deniedConcepts = story ? storyDenials(kb, text, lang, questionConcepts) : new Set<string>();
  const asker = askerOf(foldMarks(question));
  return {
    candidates, questionConcepts, storyConcepts, leadConcepts, deniedConcepts, asker,
    grade: facts.grade, question, intent: nlu.intent, intentScore: nlu.score, story, chosen,
  };
}

/** Concepts the story only denies and the question does not name itself (canonical ids). */
function storyDenials(kb: KnowledgeBase, text: string, lang: Lang, questionConcepts: ReadonlySet<string>): Set<string> {
  const canonical = canonicalConcepts(kb);
  return new Set(kb.retriever.deniedConcepts(text, lang).map((c) => canonical.get(c) ?? c).filter((c) => !questionConcepts.has(c)));
}

const coresMemo = new WeakMap<KnowledgeBase, Map<string, ReadonlySet<string>>>();

/** The intent engine's reading with the topics a story denies taken out ("no dementia, but … which
 *  care grade?": not the dementia topic; bot/nlu/deniedTopic.ts). Unchanged for a message that is no
 *  story or denies nothing, and when a question points back at the denial ("Stimmt das?"). */
export function respectDenials<R extends NluResult>(kb: KnowledgeBase, nlu: R, text: string, lang: Lang): R {
  const sentences = readSentences(text);
  const asked = questionSentences(sentences);
  if (!asked.length || asked.length === sentences.length) return nlu;
  const canonical = canonicalConcepts(kb);
  const questionConcepts = new Set(kb.retriever.concepts(asked.map((x) => x.text).join('\n'), lang).map((c) => canonical.get(c) ?? c));
  const denied = storyDenials(kb, text, lang, questionConcepts);
  if (!denied.size) return nlu;
  let cores = coresMemo.get(kb);
  if (!cores) coresMemo.set(kb, (cores = topicCores(kb.questions.values(), (c) => canonical.get(c) ?? c)));
  return withoutDeniedTopics(nlu, deniedTopics(denied, cores));
}

export function understand(
  kb: KnowledgeBase, nlu: NluResult, text: string, lang: Lang, detectStadtteil?: (text: string) => string | undefined, words?: Lexicon,
): Understanding {
  const facts = extractFacts(text, { detectStadtteil });
  const topicScores = new Map(nlu.ranked.map((x) => [x.intent, x.score]));
  const retrieval = kb.retriever.retrieve(text, lang, {
    topicScores, contextConcepts: factConcepts(facts), otherSetting: otherSettingConcepts(facts), accept: (id) => fitsGrade(kb.questions.get(id), facts.grade),
  });
  const found = retrieval.entry ? kb.questions.get(retrieval.entry.id) : undefined;
  let entry = fitsGrade(found, facts.grade) ? found : undefined;
  // the re-ranker's choice answers when it is sure of it (an entry, or no entry: the topic answers)
  let reranked: Understanding['rerank'];
  // (a model for stories only is not asked about a single question: it costs two full rankings)
  if (kb.reranker && (kb.reranker.scope === 'all' || rerankDecides(kb, text, lang))) {
    const input = rerankInput(kb, nlu, text, lang, facts, entry?.id ?? nlu.intent);
    const result = rerank(kb.reranker, input);
    if (result) {
      const pick = input.candidates[result.best];
      // an entry about what the story denies is no choice, however sure the model is of it: the
      // deniedConcept weight is learnt on few such stories and other features outweigh it
      const denied = pick.kind === 'entry' && pick.concepts.some((c) => input.deniedConcepts?.has(c));
      const sure = result.probs[result.best] >= kb.reranker.sure || overTopic(entry, pick, result, text);
      const decided = sure && pick.id !== (entry?.id ?? nlu.intent) && !denied;
      if (decided) entry = pick.kind === 'entry' ? kb.questions.get(pick.id) : undefined;
      reranked = { input, result, decided };
    }
  }
  const alsoFound = retrieval.also ? kb.entry(retrieval.also.id) : undefined;
  const also = fitsGrade(alsoFound, facts.grade) ? alsoFound : undefined;
  // a choice of the re-ranker with a close runner-up: that entry is the "Oder meinten Sie" button
  const close = reranked?.decided ? closeRunnerUp(reranked.result) : undefined;
  const runnerUp = close !== undefined && reranked!.input.candidates[close].kind === 'entry' ? reranked!.input.candidates[close].id : undefined;
  const altId = runnerUp ?? retrieval.alternative?.id;
  const altFound = altId ? kb.questions.get(altId) : undefined;
  const alternative = fitsGrade(altFound, facts.grade) && altFound?.id !== entry?.id ? altFound : undefined;
  const asked = splitQuestions(text).slice(0, MAX_PARTS);
  const story = asked.length > 1 ? readSentences(text).filter((x) => !x.question).map((x) => x.text) : [];
  // the topics the first answer is about: an amount question's near tie goes to them
  const firstTopics = new Set([entry?.topic, nlu.intent].filter((x): x is string => !!x));
  const readPart = (p: (typeof asked)[number], i: number): PartMatch | undefined => {
    const alone = matchPart(kb, p.query, story, lang, facts, topicScores);
    // a further part that asks "wie viel" and was not answered by an amount of its own ("wie viel wäre
    // das bei ihr?"): the amount of what the story and the first part are about
    // ("how much does the fund pay there?" names no subject: what "there" is, the first part says)
    const elliptic = !kb.retriever.concepts(p.text, lang).some((c) => !AMOUNT_WORDS.has(c));
    if (i > 0 && p.amount && (elliptic || !(alone?.confident && namesAmount(kb.entry(alone.id), lang, facts.grade)))) {
      // what "das" is: the entry the nearest question before this one matched
      const before = parts.slice(0, i).reverse().find((m) => m && kb.questions.has(m.id));
      const subject = before ? kb.questions.get(before.id)!.concepts : entry?.concepts;
      const amount = matchAmount(kb, p.query, [...story, ...p.around], lang, facts, topicScores, firstTopics, subject);
      if (amount) return amount;
    }
    // a part that says too little on its own ("wovon soll ich leben?") is read with the rest of its sentence;
    // one that retrieval answers on its own keeps that answer (the rest would pull it to the first question's topic)
    if (alone && (alone.confident || alone.score >= BUTTON_FLOOR)) return alone;
    const withRest = matchPart(kb, p.query, [...story, ...p.around], lang, facts, topicScores);
    return withRest ? { ...withRest, read: [...p.around, p.query].join(' ') } : alone;
  };
  const parts: (PartMatch | undefined)[] = [];
  if (asked.length > 1) {
    asked.forEach((p, i) => {
      const m = readPart(p, i);
      if (i === 0 && m) firstTopics.add(m.topic ?? m.id);
      parts.push(m);
    });
    if (words) askedAspects(kb, asked, parts, [entry?.id ?? nlu.intent], lang, facts, topicScores, words);
  }
  const facetPick = (answerId: string, skip: readonly string[], onlyOwn = false): FacetPick | undefined => {
    const a = kb.entry(answerId);
    // onlyOwn: a further answer of the message speaks only for the parts that matched it
    const own = asked.filter((_, i) => (onlyOwn ? parts[i]?.id === answerId : !(parts[i] && skip.includes(parts[i]!.id))));
    const around = readSentences(text).filter((x) => !x.question).map((x) => x.text);
    if (!a || !words) return undefined;
    return facetPickFor(a, lang, own.map((p) => p.text), around, words, facts.grade, (s) => kb.retriever.concepts(s, lang), asked.length);
  };
  return {
    parts, rerank: reranked, facetPick,
    retrieval, facts, entry, alternative,
    also: also && also.id !== entry?.id ? also : undefined,
    strong: !!entry && (reranked?.decided ? reranked.input.candidates[reranked.result.best].score : retrieval.entry?.score ?? 0) >= STRONG_ENTRY,
    story: isStory(text),
  };
}

/** From this intent score the topic answers a situated story question when no entry is confident. */
export const SITUATED_TOPIC_SCORE = 0.5;

/** The entry or topic a story's question answers when read with the situation before it
 *  (followUp.ts situatedQuestion): a confident entry, else the topic the intent engine is sure of for
 *  those two sentences alone, so the rest of the story's words no longer pull; undefined otherwise. */
export function situatedAnswer(kb: KnowledgeBase, query: string, lang: Lang, facts: MessageFacts, nlu: NluResult): string | undefined {
  const topicScores = new Map(nlu.ranked.map((x) => [x.intent, x.score]));
  const r = kb.retriever.retrieve(query, lang, { topicScores, contextConcepts: factConcepts(facts), otherSetting: otherSettingConcepts(facts) });
  if (r.entry && kb.entry(r.entry.id)) return r.entry.id;
  return nlu.score >= SITUATED_TOPIC_SCORE && kb.answers.has(nlu.intent) ? nlu.intent : undefined;
}
