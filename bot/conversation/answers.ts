// Builds the reply for a knowledge answer: short plain answer first, then the next step, then who
// helps locally, buttons for likely next questions and the "Stand · Quelle" line. Pure.
import type { TFunction } from 'i18next';
import type { LayeredAnswer, KnowledgeBase } from '../knowledge/kb';
import type { Lang } from '../knowledge/schema';
import { fillSentences, MissingValueError, type AmountLookup } from '../knowledge/render';
import type { Action, Provenance, Reply } from '../channels/reply';
import { buildProvenance } from './provenance';
import type { Contact, LocalHelp } from './local';
import { composeSentences, type FacetPick } from './facets';
import { sentences } from './sentences';

export interface AnswerContext {
  kb: KnowledgeBase;
  t: TFunction;
  lang: Lang;
  amount: AmountLookup;
  local: LocalHelp;
  grade?: number;
  stadtteil?: string;
  /** answer id offered first because the intent engine found it almost as likely */
  alternative?: string;
  /** entry that answers another question of the same message ("Auch gefragt: …"), offered first */
  alsoAsked?: string;
  /** further entries of the same message offered as buttons when unsure (bot/conversation/multiQuestion.ts) */
  alsoButtons?: readonly string[];
  /** a guided step offered after the answer ("Soll ich das Datum ausrechnen?"), the first button */
  offer?: Action;
  /** the details sentences that answer the other parts of a two-part question (bot/conversation/facets.ts) */
  facets?: FacetPick;
  /** the same for the further answers of the message, by entry id */
  moreFacets?: Readonly<Record<string, FacetPick>>;
}

// The footer depends only on the answer and the language (its date, sources and legal basis are
// content), so it is built once per knowledge base, answer and language. A knowledge base is loaded
// together with the one i18next instance whose t every AnswerContext carries (bot/app.ts).
const footers = new WeakMap<KnowledgeBase, Map<string, Provenance>>();

export function footerFor(a: LayeredAnswer, ctx: Pick<AnswerContext, 'kb' | 't' | 'lang'>): Provenance {
  let byAnswer = footers.get(ctx.kb);
  if (!byAnswer) footers.set(ctx.kb, (byAnswer = new Map()));
  const key = `${ctx.lang}\u0000${a.id}`;
  let footer = byAnswer.get(key);
  if (footer === undefined) {
    const sources = a.sources.map((id) => ({ title: ctx.kb.sources.get(id)?.title ?? id, url: ctx.kb.sources.get(id)?.url }));
    footer = buildProvenance({ reviewed: a.reviewed, sources, legal: a.legal }, ctx.t, ctx.lang);
    byAnswer.set(key, footer);
  }
  return footer;
}

export function contactLine(c: Contact): string {
  return [c.name, c.phone, c.email, c.website].filter(Boolean).join(' · ');
}

/** The button for the close runner-up of an uncertain guess (bot/conversation/alternative.ts):
 *  "Oder meinten Sie: …?", leading to that answer. */
export function alternativeAction(alt: LayeredAnswer, ctx: Pick<AnswerContext, 't' | 'lang'>): Action {
  // the button adds its own "?": an entry title that is a question would end in "??"
  const title = alt[ctx.lang].title.replace(/\?\s*$/, '');
  return { kind: 'command', title: ctx.t('alternative_button', { lng: ctx.lang, title }), value: `answer:${alt.id}` };
}

export function followUpActions(a: LayeredAnswer, ctx: AnswerContext, withDetails: boolean): Action[] {
  const out: Action[] = ctx.offer ? [ctx.offer] : [];
  // the other question of the same message comes first: it was asked, not guessed
  const also = ctx.alsoAsked !== undefined && ctx.alsoAsked !== a.id ? ctx.kb.entry(ctx.alsoAsked) : undefined;
  if (also) out.push({ kind: 'command', title: ctx.t('also_asked_button', { lng: ctx.lang, title: also[ctx.lang].title }), value: `answer:${also.id}` });
  for (const id of ctx.alsoButtons ?? []) {
    const more = id !== a.id && id !== also?.id ? ctx.kb.entry(id) : undefined;
    if (more) out.push({ kind: 'command', title: ctx.t('also_asked_button', { lng: ctx.lang, title: more[ctx.lang].title }), value: `answer:${more.id}` });
  }
  if (withDetails) out.push({ kind: 'command', title: ctx.t('details', { lng: ctx.lang }), value: `details:${a.id}` });
  // the close runner-up of an uncertain guess comes before the rest
  const alt = ctx.alternative !== undefined && ctx.alternative !== a.id ? ctx.kb.entry(ctx.alternative) : undefined;
  if (alt) out.push(alternativeAction(alt, ctx));
  if (a.offerCategory) out.push({ kind: 'command', title: ctx.t('local_button', { lng: ctx.lang }), value: `offers:${a.offerCategory}` });
  // a question entry's topic overview is always one click away
  const topic = ctx.kb.questions.get(a.id)?.topic;
  const more = topic && !a.followUps.includes(topic) ? [...a.followUps, topic] : a.followUps;
  for (const id of more) {
    if (id === alt?.id || id === also?.id) continue;
    const f = ctx.kb.entry(id);
    if (f) out.push({ kind: 'command', title: f[ctx.lang].title, value: `answer:${id}` });
  }
  return out.slice(0, 5);
}

/** Local help lines: up to two offers of the answer's category, else the city's counselling. */
export function localHelpLines(a: LayeredAnswer, ctx: AnswerContext, now: Date, seed: string): string[] {
  const lines: string[] = [];
  if (a.offerCategory) {
    for (const o of ctx.local.reachable({ category: a.offerCategory, stadtteil: ctx.stadtteil, lang: ctx.lang, now, seed }, 2)) {
      lines.push(`• ${contactLine({ name: o.name, phone: o.phone, website: o.phone ? undefined : o.website, email: o.phone || o.website ? undefined : o.email })}`);
    }
  }
  // A phone number the person can call always comes with a local-help answer.
  if (!lines.some((l) => /\d{3}/.test(l))) {
    const c = ctx.local.counselling(ctx.lang, ctx.stadtteil)[0];
    if (c) lines.push(`• ${ctx.t('counselling_fallback', { lng: ctx.lang, contact: contactLine(c) })}`);
  }
  return lines;
}

/** The short answer, for the grade told where the entry has a text for it ("bei Pflegegrad 3 sind das 599 €"). */
export function shortText(a: LayeredAnswer, ctx: AnswerContext): string {
  const txt = a[ctx.lang];
  const fill = (s: string) => fillSentences(s, { grade: ctx.grade, amount: ctx.amount });
  let first = fill(txt.short);
  if (ctx.grade !== undefined && txt.shortWithGrade) {
    try {
      first = fill(txt.shortWithGrade);
    } catch (err) {
      // The benefit does not exist at this grade (e.g. no Pflegegeld at grade 1): say so plainly.
      if (!(err instanceof MissingValueError)) throw err;
      first = `${first} ${ctx.t(ctx.grade === 0 ? 'grade_none' : 'not_at_grade', { lng: ctx.lang, grade: ctx.grade })}`;
    }
  }
  return first;
}

/** The short answer with the details sentences that answer the other parts of a two-part question
 *  (at most three sentences); the short answer alone when the pick was made for another text. */
export function facetText(a: LayeredAnswer, ctx: AnswerContext): string {
  const first = shortText(a, ctx);
  const pick = ctx.facets;
  if (!pick?.added.length) return first;
  const txt = a[ctx.lang];
  const withGrade = ctx.grade !== undefined && !!txt.shortWithGrade;
  const short = sentences(first);
  // a grade told later than the pick, or a "not at this grade" line: the pick's indices would not fit
  if (withGrade !== !!pick.withGrade || short.length !== sentences(withGrade ? txt.shortWithGrade! : txt.short).length) return first;
  return composeSentences(short, sentences(txt.details).map((s) => filledForGrade(s, ctx)), pick).join(' ');
}

/** Fills amounts for the known grade where the text allows it, else for all grades (a sentence picked
 *  from the details for an aspect or a facet of the question). */
export function filledForGrade(text: string, ctx: Pick<AnswerContext, 'grade' | 'amount'>): string {
  try {
    return fillSentences(text, { grade: ctx.grade, amount: ctx.amount });
  } catch (err) {
    if (!(err instanceof MissingValueError)) throw err;
    return fillSentences(text, { amount: ctx.amount });
  }
}

export function buildAnswerReply(a: LayeredAnswer, ctx: AnswerContext, now: Date, seed: string): Reply {
  const txt = a[ctx.lang];
  const fill = (s: string) => fillSentences(s, { grade: ctx.grade, amount: ctx.amount });
  const parts = [`**${txt.title}**`, facetText(a, ctx), ctx.t('next_step', { lng: ctx.lang, text: fill(txt.next) })];
  const local = localHelpLines(a, ctx, now, seed);
  if (local.length) parts.push(`${ctx.t('local_help', { lng: ctx.lang })}\n${local.join('\n')}`);
  return { text: parts.join('\n\n'), suggestions: followUpActions(a, ctx, true), footer: footerFor(a, ctx) };
}

/** Another question of the same message, answered briefly beside the first answer: its title and
 *  short answer (for the story's grade) with its own sources; its details are a button. One asked
 *  before the first answer's question comes before it and is introduced as such, not as "also asked". */
export function buildShortReply(a: LayeredAnswer, ctx: AnswerContext, before = false): Reply {
  const intro = ctx.t(before ? 'earlier_answer' : 'also_answer', { lng: ctx.lang, title: a[ctx.lang].title });
  return { text: [intro, facetText(a, { ...ctx, facets: ctx.moreFacets?.[a.id] })].join('\n\n'), footer: footerFor(a, ctx) };
}

/** The first answer and the short answers of the message's further questions, in the order asked (those
 *  in `before` were asked before the first answer's question): the buttons move to the last reply
 *  (channels show only the last one's), the further answers' details first. */
export function withShortAnswers(first: Reply, more: readonly LayeredAnswer[], ctx: AnswerContext, before: readonly string[] = []): Reply[] {
  if (!more.length) return [first];
  const earlier = more.filter((a) => before.includes(a.id));
  const replies: Reply[] = [
    ...earlier.map((a) => buildShortReply(a, ctx, true)),
    { ...first, suggestions: undefined },
    ...more.filter((a) => !before.includes(a.id)).map((a) => buildShortReply(a, ctx)),
  ];
  const detailsOf = (id: string, title: string): Action => ({ kind: 'command', title: ctx.t('details_of', { lng: ctx.lang, title }), value: `details:${id}` });
  // with several answers a plain "Mehr dazu" would not say which one
  const own = (first.suggestions ?? []).map((x) => {
    const id = x.kind === 'command' && x.value.startsWith('details:') ? x.value.slice('details:'.length) : undefined;
    const a = id === undefined ? undefined : ctx.kb.entry(id);
    return a ? detailsOf(a.id, a[ctx.lang].title) : x;
  });
  // an offered guided step ("Soll ich das Datum ausrechnen?") stays the first button
  const offered = ctx.offer && own[0]?.value === ctx.offer.value ? own.splice(0, 1) : [];
  replies[replies.length - 1].suggestions = [...offered, ...more.map((a) => detailsOf(a.id, a[ctx.lang].title)), ...own].slice(0, 5);
  return replies;
}

export function buildDetailsReply(a: LayeredAnswer, ctx: AnswerContext): Reply {
  const txt = a[ctx.lang];
  // details are written for all grades, so the grade is not filled in here
  const fill = (s: string) => fillSentences(s, { amount: ctx.amount });
  const parts = [`**${txt.title}**`, fill(txt.details)];
  const gloss = Object.entries(txt.glossary ?? {});
  if (gloss.length) parts.push(`${ctx.t('glossary_intro', { lng: ctx.lang })}\n${gloss.map(([k, v]) => `• ${k}: ${v}`).join('\n')}`);
  return { text: parts.join('\n\n'), suggestions: followUpActions(a, ctx, false), footer: footerFor(a, ctx) };
}
