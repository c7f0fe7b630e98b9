// The answer to one aspect of the last answer ("Does it expire if I don't use it?" after the relief
// amount): the sentences of that answer's text that speak to the aspect, with the answer's next step,
// sources and buttons. Nothing is written here: the sentences are the reviewed content. When no
// sentence speaks to the aspect there is no aspect answer (the router goes on as usual). Pure.
import type { LayeredAnswer } from '../knowledge/kb';
import { foldText } from '../nlu/normalise';
import type { Reply } from '../channels/reply';
import { filledForGrade, followUpActions, footerFor, type AnswerContext } from './answers';
import type { Aspect } from './followUp';
import type { Lexicon } from '../nlu/lexicon';
import { sentences } from './sentences';

export { sentences };

const MAX_SENTENCES = 3;

/** The answer's sentences about the aspect, the short text's first (at most three). */
export function aspectSentences(a: LayeredAnswer, aspect: Exclude<Aspect, 'where'>, ctx: AnswerContext, words: Lexicon): string[] {
  const txt = a[ctx.lang];
  const short = ctx.grade !== undefined && txt.shortWithGrade ? txt.shortWithGrade : txt.short;
  const all = [...sentences(filledForGrade(short, ctx)), ...sentences(filledForGrade(txt.details, ctx))];
  // what a sentence must say to answer the aspect: the lexicon's answer_* lists (folded text); a duty's
  // time ("within 2 weeks it must offer you counselling") does not say how long the procedure takes, so the
  // next candidate (the topic's "25 working days") answers a duration question
  const fits = (f: string) => words.has(`answer_${aspect}`, f) && !(aspect === 'duration' && words.has('duty_deadline', f));
  return [...new Set(all.filter((s) => fits(foldText(s))))].slice(0, MAX_SENTENCES);
}

/** The answer's sentences that name one of `concepts` (read by `conceptsOf`, the concept lexicon):
 *  "Bekommt sie in der Zeit weiter Pflegegeld?" after short-term care → the sentence about the half
 *  care allowance. At most three, the short text's first. */
export type ConceptsOf = (sentence: string) => readonly string[];

export function relatedSentences(a: LayeredAnswer, concepts: readonly string[], ctx: AnswerContext, conceptsOf: ConceptsOf): string[] {
  const txt = a[ctx.lang];
  const short = ctx.grade !== undefined && txt.shortWithGrade ? txt.shortWithGrade : txt.short;
  const all = [...sentences(filledForGrade(short, ctx)), ...sentences(filledForGrade(txt.details, ctx))];
  const wanted = new Set(concepts);
  return [...new Set(all.filter((s) => conceptsOf(s).some((c) => wanted.has(c))))].slice(0, MAX_SENTENCES);
}

/** `lead`: a worked-out sentence put before the answer's own ("Bei Pflegegrad 3 sind das 299,50 €"). */
export function buildRelatedReply(a: LayeredAnswer, concepts: readonly string[], ctx: AnswerContext, conceptsOf: ConceptsOf, lead?: string): Reply | undefined {
  return sentencesReply(a, relatedSentences(a, concepts, ctx, conceptsOf), ctx, lead);
}

/** A worked-out sentence (a budget's remainder) under the answer's title, with its next step, sources
 *  and buttons. */
export function buildLeadReply(a: LayeredAnswer, lead: string, ctx: AnswerContext): Reply {
  return sentencesReply(a, [], ctx, lead)!;
}

export function buildAspectReply(a: LayeredAnswer, aspect: Exclude<Aspect, 'where'>, ctx: AnswerContext, words: Lexicon): Reply | undefined {
  return sentencesReply(a, aspectSentences(a, aspect, ctx, words), ctx);
}

function sentencesReply(a: LayeredAnswer, found: string[], ctx: AnswerContext, lead?: string): Reply | undefined {
  if (!found.length && !lead) return undefined;
  const txt = a[ctx.lang];
  const said = [lead, ...found.slice(0, lead ? MAX_SENTENCES - 1 : MAX_SENTENCES)].filter((x): x is string => !!x).join(' ');
  const parts = [ctx.t('follow_up.aspect', { lng: ctx.lang, title: txt.title }), said, ctx.t('next_step', { lng: ctx.lang, text: filledForGrade(txt.next, ctx) })];
  return { text: parts.join('\n\n'), suggestions: followUpActions(a, ctx, true), footer: footerFor(a, ctx) };
}

/** The aspects whose sentences answer, in order: a who question that asks where it goes ("wo beantrage
 *  ich das?", "who do I send it to?") is answered by a sentence that names the office (answer_office) of
 *  any candidate first, else by the sentences on who applies, as before. */
export function aspectsToTry(aspect: Exclude<Aspect, 'where'>, text: string, words: Lexicon): Exclude<Aspect, 'where'>[] {
  return aspect === 'who' && words.has('asks_office', foldText(text)) ? ['office', 'who'] : [aspect];
}

/** Where to look for the sentences about an aspect, in order: the last answer, its topic's answer,
 *  then the topic's other question entries ("muss ich das zurückzahlen?" after the answer about leave
 *  from work: the entry about the interest-free loan) that a retrieval of the question with the last
 *  answer's title ranked (`ranked`, best first); an entry it did not rank is about something else. */
export function aspectCandidates(last: string, topic: string | undefined, siblings: readonly string[], ranked: readonly string[]): string[] {
  const out = [last];
  if (topic && topic !== last) out.push(topic);
  const sib = new Set(siblings);
  for (const id of ranked.filter((r) => sib.has(r))) if (!out.includes(id)) out.push(id);
  return out;
}

/** the first letters two words must share to count as the same word ("länger" / "längere", "longer") */
const STEM = 5;
/** a word of the clause that more of the answer's sentences name says nothing about one of them */
const MAX_SENTENCES_PER_STEM = 2;

function stems(folded: string): string[] {
  return [...new Set(folded.split(/[^a-z0-9]+/).filter((w) => w.length >= STEM).map((w) => w.slice(0, STEM)))];
}

/** The answer's sentences that speak to a changed condition ("und wenn es länger dauert?" after the
 *  short leave from work: "Für längere Zeiten gibt es die Pflegezeit …"): sentences that share a word
 *  of the clause which at most two of the answer's sentences name (a word every sentence uses, such as
 *  the benefit's name, tells nothing). Best first, at most two; none when no word is that particular. */
export function conditionSentences(a: LayeredAnswer, clause: string, ctx: AnswerContext, conceptsOf?: ConceptsOf): string[] {
  const txt = a[ctx.lang];
  const short = ctx.grade !== undefined && txt.shortWithGrade ? txt.shortWithGrade : txt.short;
  const all = [...new Set([...sentences(filledForGrade(short, ctx)), ...sentences(filledForGrade(txt.details, ctx))])];
  const words = all.map((s) => foldText(s).split(/[^a-z0-9]+/));
  const names = (i: number, stem: string) => words[i].some((w) => w.startsWith(stem));
  // a concept counts like a word ("verheiratet" and "Ehepaare" both name the spouse)
  const sentenceConcepts = all.map((s) => new Set(conceptsOf ? conceptsOf(s) : []));
  const keys = [...stems(foldText(clause)).map((st) => ({ st })), ...(conceptsOf ? conceptsOf(clause) : []).map((c) => ({ c }))];
  const hit = (i: number, k: { st?: string; c?: string }) => (k.st ? names(i, k.st) : sentenceConcepts[i].has(k.c!));
  const particular = keys.filter((k) => {
    const n = all.filter((_, i) => hit(i, k)).length;
    return n > 0 && n <= MAX_SENTENCES_PER_STEM;
  });
  return all
    .map((s, i) => ({ s, i, score: particular.filter((k) => hit(i, k)).length }))
    .filter((x) => x.score > 0)
    .sort((x, y) => y.score - x.score || x.i - y.i)
    .slice(0, 2)
    .map((x) => x.s);
}

export function buildConditionReply(a: LayeredAnswer, clause: string, ctx: AnswerContext, conceptsOf?: ConceptsOf): Reply | undefined {
  return sentencesReply(a, conditionSentences(a, clause, ctx, conceptsOf), ctx);
}
