// The router: every message that no guided dialog is waiting for starts here. Order: button /
// numbered option → fixed command words → NLU intent (with local-search detection) → "did you
// mean" → full-text search → "not understood" with the topic menu.
import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { ComponentDialog, DialogTurnStatus } from '../bot/sdk/dialogs';
import { parseDate } from '../bot/nlu/dates';
import type { Action } from '../bot/channels/reply';
import type { NluResult, Services } from '../bot/services';
import { buildDetailsReply, buildShortReply, contactLine, followUpActions, withShortAnswers } from '../bot/conversation/answers';
import type { LayeredAnswer } from '../bot/knowledge/kb';
import { classifyTurn, getMemory, turnOf, lastTopicCategory, markUnanswered, restateTurn, sendReply, setThreadUse, threadUse, turnInfo, understandTurn, type DialogDeps, type RouteTarget } from './context';
import { normalise, topicMenu, type Memory } from '../bot/conversation/turn';
import { CALLBACK_DIALOG, CallbackDialog } from './callbackDialog';
import { conversationRefOf } from '../bot/staff/conversation';
import type { Reroute } from './interruptibleDialog';
import { ANSWER_DIALOG, AnswerDialog, answerContext, answerNow, type AnswerOptions } from './answerDialog';
import { FIND_OFFER_DIALOG, FindOfferDialog } from './findOfferDialog';
import { WHOLE_CITY, type FindOfferOptions } from '../bot/conversation/offerSearch';
import { addGuidedDialogs, guidedCommand, routeGuided } from './guidedRoutes';
import { refersBack, storySkipsGuide } from '../bot/conversation/cues';
import { DEADLINE_DIALOG } from './deadlineDialog';
import { closeAlternative } from '../bot/conversation/alternative';
import { afterDecline, carriedAmountTopic, mainClause, readCorrection, resolveFollowUp, situatedQuestion, topicConcepts, topicalConcepts, withAllowanceAlone, type Aspect, type FollowUp } from '../bot/conversation/followUp';
import { combinationShare } from '../bot/conversation/combinationAmount';
import { tg } from './guided';
import { MONEY_CONCEPT_IDS, askedMoneyTopic, describeThread, forgetOnPersonSwitch, rememberFacts, toldGradeAmountTopic, topicForGrade } from '../bot/conversation/thread';
import { slipConcepts } from '../bot/conversation/slipConcepts';
import { aspectCandidates, aspectsToTry, sentences, buildAspectReply, buildConditionReply, buildLeadReply, buildRelatedReply, relatedSentences } from '../bot/conversation/aspects';
import { budgetTopic, halfAllowance, halfAllowanceLine, remainderFromText, remainderLine, spentFromText } from '../bot/conversation/budget';
import { deadlineReading, deadlineRule } from '../bot/conversation/answerFirst';
import {
  bareGradeStatement, commandBeforeNlu, lastSearchCategory, lookUpRoute, offerRoute, openHelpRequest, storySelfCheck, systemRoute, takeOneTurnMemory,
  refusedObjectionEntry, toldGradeMoneyQuestion, toldGradeOverview, withFurtherQuestions,
  guidedFurther,
  type GradeOverview,
} from '../bot/conversation/route';
import { BENEFITS_DIALOG } from './benefitsDialog';
import { combinationText, percentFrom } from '../bot/care/benefitsText';
import { guesses, namesAmount, situatedAnswer, type Understanding } from '../bot/conversation/understand';
import { planAnswers } from '../bot/conversation/multiQuestion';

export const MAIN_DIALOG = 'mainDialog';

/** from this score the intent engine's topic beats reading a short aspect question as a follow-up */
const OTHER_TOPIC_SCORE = 0.5;
/** the next-ranked topic that answers instead of a guessed deadline topic must reach this score */
const GUESS_NEXT_SCORE = 0.15;

/** A topic or question entry about short-term or respite care (the half allowance goes on there). */
function isRespite(kb: Services['kb'], id: string): boolean {
  return (kb.questions.get(id)?.topic ?? id) === budgetTopic('respite');
}

/** the turn was answered without starting a dialog */
const ANSWERED: DialogTurnResult = { status: DialogTurnStatus.complete };
/** a child that hands a message back may do so again only this often in one turn */
const MAX_REROUTES = 3;

/** Begins MainDialog with this child dialog already chosen (the router ran before any dialog context). */
export interface StartChild { start: string; options?: object }

// Not interruptible itself: its children are, and hand the turn back here (reroute → route again).
// No waterfall of its own. One-shot answers (the grade is known or not needed, the place is known)
// are sent without starting a child dialog; child dialogs start only when a question has to be
// asked. When no dialog is waiting, DialogRunner calls routeWithoutDialog: the usual turn then builds
// no dialog context at all.
export class MainDialog extends ComponentDialog {
  private readonly findOffer: FindOfferDialog;

  constructor(private readonly deps: DialogDeps) {
    super(MAIN_DIALOG);
    this.findOffer = new FindOfferDialog(deps);
    this.addDialog(new AnswerDialog(deps));
    this.addDialog(this.findOffer);
    addGuidedDialogs(this, deps);
    this.addDialog(new CallbackDialog(deps));
  }

  private t(dc: RouteTarget, key: string, vars: Record<string, unknown> = {}): string {
    return this.deps.services.i18n.t(key, { lng: turnInfo(dc.context).lang, ...vars });
  }

  protected override async onBeginDialog(innerDc: DialogContext, options?: StartChild): Promise<DialogTurnResult> {
    const first = options?.start ? await innerDc.beginDialog(options.start, options.options) : await this.route(innerDc);
    return this.routeAgain(innerDc, first);
  }

  /** Routes a message while no dialog is waiting, without a dialog context. `begin` is called only
   *  when a child dialog has to start: it creates the dialog context and begins this dialog with that
   *  child (onBeginDialog), so a child that hands the message back is routed there as usual. */
  routeWithoutDialog(context: TurnContext, begin: (start: StartChild) => Promise<DialogTurnResult>): Promise<DialogTurnResult> {
    return this.route({ context, beginDialog: (id, options) => begin({ start: id, options }) });
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    // State stored by an earlier version may name a dialog that is gone (the router's old
    // 'mainSteps' waterfall under a waiting child): drop it, so the child's end comes back here.
    const known = innerDc.stack.filter((i) => this.findDialog(i.id));
    if (known.length < innerDc.stack.length) innerDc.stack.splice(0, innerDc.stack.length, ...known);
    if (!known.length) return this.routeAgain(innerDc, await this.route(innerDc));
    return this.routeAgain(innerDc, await innerDc.continueDialog());
  }

  /** A child dialog left because the user asked something else: answer that in the same turn. */
  private async routeAgain(dc: DialogContext, result: DialogTurnResult): Promise<DialogTurnResult> {
    for (let i = 0; i < MAX_REROUTES && result.status === DialogTurnStatus.complete && (result.result as Reroute | undefined)?.reroute; i += 1) {
      result = await this.route(dc);
    }
    return result;
  }

  /** The answer, sent at once when nothing has to be asked first; otherwise the answer dialog. */
  private async answer(dc: RouteTarget, opts: AnswerOptions): Promise<DialogTurnResult> {
    // a grade-dependent answer without a grade in the message uses the thread's: staff see that
    const mem = await getMemory(this.deps, dc.context);
    if (opts.grade === undefined && mem.grade !== undefined && this.deps.services.kb.entry(opts.answerId)?.usesGrade && !threadUse(dc.context)) {
      setThreadUse(dc.context, { kind: 'story', detail: describeThread({ ...mem, lastTopic: opts.answerId }) });
    }
    // what a grade told later may be about (thread.ts topicForGrade)
    if (this.deps.services.kb.entry(opts.answerId)?.usesGrade) mem.gradeTopic = opts.answerId;
    return (await answerNow(this.deps, dc.context, opts)) ? ANSWERED : dc.beginDialog(ANSWER_DIALOG, opts);
  }

  /** The offers, shown at once when kind of help and place are known; otherwise the offer dialog. */
  private async offers(dc: RouteTarget, opts: FindOfferOptions): Promise<DialogTurnResult> {
    return (await this.findOffer.showNow(dc.context, opts)) ? ANSWERED : dc.beginDialog(FIND_OFFER_DIALOG, opts);
  }

  private async route(dc: RouteTarget): Promise<DialogTurnResult> {
    // "nein, ich meinte die Kurzzeitpflege": the rest is the question (and may itself be a follow-up)
    const corrected = readCorrection(turnInfo(dc.context).text, this.deps.services.words);
    if (corrected) {
      restateTurn(dc.context, corrected);
      setThreadUse(dc.context, { kind: 'correction', detail: '' });
    }
    // "nein danke, wie beantrage ich den?": the offer is declined, the rest is the question
    const declined = corrected ? undefined : afterDecline(turnInfo(dc.context).text, this.deps.services.words);
    if (declined) restateTurn(dc.context, declined);
    const { text, lang } = turnInfo(dc.context);
    const mem = await getMemory(this.deps, dc.context);
    const once = takeOneTurnMemory(mem);
    const alsoAnswered = once.alsoAnswered;
    const cmd = commandBeforeNlu({ text, mem, once, words: this.deps.services.words, staff: !!this.deps.services.staff, feedback: (plain) => this.feedbackWord(dc, plain), menu: this.menu(dc) });
    if (cmd?.accepted) setThreadUse(dc.context, { kind: 'accepted', detail: cmd.accepted });
    if (cmd) return this.command(dc, cmd.command);

    const s = this.deps.services;
    const r = await classifyTurn(s, dc.context);
    s.log.debug({ intent: r.intent, score: Number(r.score.toFixed(3)) }, 'nlu');
    const place = s.local.detectPlace(text);
    const detectedCategory = s.local.detectCategory(text, lang);
    const grade = r.entities.grade;
    if (place.stadtteil) mem.stadtteil = place.stadtteil;
    if (grade) mem.grade = grade;

    // "und Essen auf Rädern?" right after an offer search: same district, new kind of help.
    if (s.words.has('and_also', text.trim()) && mem.category && detectedCategory && mem.stadtteil) {
      return this.offers(dc, { category: detectedCategory, stadtteil: mem.stadtteil });
    }
    const answer = s.kb.answers.get(r.intent);
    // the question entry that answers the message, and what its story tells (bot/conversation/understand.ts)
    const u = understandTurn(s, dc.context, r);
    // "Der Dienst rechnet 900 Euro ab – wie viel Pflegegeld bleibt?": the combination from the amount
    const combined = await this.combinationFromAmount(dc, u, mem);
    if (combined) return combined;
    // "wir haben schon 1.200 € verbraucht – wie viel ist noch übrig?": the remainder of the budget
    const left = await this.budgetLeft(dc, u, mem);
    if (left) return left;
    // "und bei 4?", "Does it expire?": resolved against the thread before the facts join it
    const followed = await this.followUp(dc, r, u, mem, place.stadtteil, !!corrected, alsoAnswered, detectedCategory);
    rememberFacts(mem, u.facts);
    if (followed) return followed;
    // a money topic typed with a slip ("kurzzeitpflgee") names its concept too (slipConcepts.ts)
    const slips = slipConcepts(text, lang, s.kb.concepts, MONEY_CONCEPT_IDS);
    const concepts = slips.length ? [...u.retrieval.concepts, ...slips] : u.retrieval.concepts;
    // a new question: the money topic it names, whatever answers it (thread.ts topicForGrade)
    mem.askedTopic = askedMoneyTopic(concepts, r.ranked);
    // "Meine Oma wohnt allein in Styrum und hat Pflegegrad 2.": a bare statement of the grade that
    // asks for nothing gets that grade's benefits, whatever intent (bot/conversation/route.ts)
    // (not when a money topic is named with a slip: "kurzzeitpflgee nach dem krankenhaus, pflegegrad 2")
    const bare = slips.length ? undefined : bareGradeStatement(u, text, s.words, lang);
    if (bare) return this.gradeStatement(dc, mem, text, bare);
    const offer = offerRoute({ text, words: s.words, r, u, place, detectedCategory, answer, lastCategory: () => lastTopicCategory(s, mem) ?? lastSearchCategory(mem) });
    if (offer?.kind === 'other_city') {
      const lines = [s.i18n.t('offers_dialog.other_city', { lng: lang, place: offer.place, city: s.local.cityName }), ...s.local.finders(lang).map((c) => `• ${contactLine(c)}`)];
      await sendReply(this.deps, dc.context, { text: lines.join('\n') });
      return ANSWERED;
    }
    if (offer?.kind === 'postcode_unknown') {
      await sendReply(this.deps, dc.context, { text: s.i18n.t('offers:postcode_unknown', { lng: lang, postcode: offer.postcode, city: s.local.cityName }) });
      return this.offers(dc, { category: offer.category });
    }
    if (offer) return this.offers(dc, offer.opts);
    // "Ich brauche Unterstützung für meine Mutter": which kind of help, not a guess at a topic
    if (openHelpRequest(text, u, s.words, detectedCategory, place)) return this.offers(dc, { stadtteil: place.stadtteil });
    // A confident question entry answers exactly what was asked; a very confident one also instead of
    // the self-check the intent engine would start for a story that mentions a care grade.
    // "Was kostet das?" right after an answer is about that answer, not a question entry of its own
    const pointsBack = !!mem.lastTopic && refersBack(text, s.words);
    const chosen = u.entry && !pointsBack ? { answerId: u.entry.id, grade, alsoAsked: u.also?.id, alternative: u.alternative?.id } : undefined;
    // "und für den Umbau vom Bad?" after an amount: the named topic's own answer (its amount), the entry one button away
    const carried = chosen && u.entry && mem.lastTopic ? carriedAmountTopic({
      text, words: s.words, lastTopic: mem.lastTopic, lastNamesAmount: namesAmount(s.kb.entry(mem.lastTopic), lang),
      entryTopic: u.entry.topic, entryNamesAmount: namesAmount(s.kb.entry(u.entry.id), lang),
      topicNamesAmount: !!u.entry.topic && s.kb.answers.has(u.entry.topic) && namesAmount(s.kb.entry(u.entry.topic), lang),
    }) : undefined;
    const entry = chosen && carried ? { answerId: carried, grade, alternative: chosen.answerId } : chosen;
    // "… sie hat Pflegegrad 3 … wie viel zahlt die Kasse für die Tagespflege?": the asked topic's amount at the
    // told grade ("wie viel", "was zahlt die Kasse"; a told share is the combination's calculation)
    const asked = (u.retrieval.questions.length ? u.retrieval.questions : [text]).map((q) => q.toLowerCase());
    // the concepts of an asked sentence, read once for both rules below (and only when a rule asks)
    const askedConcepts = new Map<string, string[]>();
    const conceptsOf = (q: string) => askedConcepts.get(q) ?? askedConcepts.set(q, s.kb.retriever.concepts(q, lang)).get(q)!;
    // (the benefits overview reads the told grade and setting itself: "ich mache alles allein … wie viel Pflegegeld?")
    const amountTopic = r.intent === 'benefits_overview' ? undefined : toldGradeAmountTopic({
      grade: u.facts.grade, concepts, ranked: r.ranked, entryTopic: u.entry?.topic,
      otherTopics: asked.some((q) => topicalConcepts(conceptsOf(q)).some((c) => !MONEY_CONCEPT_IDS.has(c))),
      entryNamesAmount: namesAmount(u.entry ? s.kb.entry(u.entry.id) : undefined, lang, u.facts.grade),
      asksAmount: asked.some((q) => s.words.has('asks_amount', q) || s.words.has('asks_fund_pays', q)) && percentFrom(text, s.words) === undefined,
    });
    const amount = amountTopic && s.kb.answers.has(amountTopic) ? { answerId: amountTopic, grade: u.facts.grade } : undefined;
    // "… sie hat jetzt Pflegegrad 3 … Was steht ihr an Geld zu?": the told grade's benefits, not a story entry
    const moneyOverview = amount ? undefined : toldGradeMoneyQuestion(u, asked, s.words, (q) => topicalConcepts(conceptsOf(q), 'setting_only'));
    if (moneyOverview) return this.gradeStatement(dc, mem, text, moneyOverview);
    // (dates and letters keep their guided dialogs: "Antrag am 1. Oktober gestellt" wants the deadline,
    // unless a story's question sentences ask something else: storySkipsGuide)
    const skipGuide = u.story && storySkipsGuide(r.intent, u.retrieval.questions.join(' '), text, !!entry, s.words);
    if (entry && ((u.strong && r.intent === 'selfcheck') || skipGuide)) return this.answer(dc, withFurtherQuestions(amount ?? entry, u));
    // a story that asks something is answered; the self-check is offered, not started
    const story = storySelfCheck(r.intent, u, s.words);
    if (story?.kind === 'overview') return this.gradeStatement(dc, mem, text, story.overview);
    if (story) {
      const offer: Action = { kind: 'command', title: this.t(dc, 'menu.selfcheck'), value: 'selfcheck' };
      // "ja" next turn accepts the offered test
      mem.offered = offer.value;
      return this.answer(dc, { ...withFurtherQuestions({ answerId: story.answerId, grade, alternative: u.alternative?.id }, u), offer });
    }
    const told = toldGradeOverview(r.intent, u, text, s.words, lang);
    if (told) return this.gradeStatement(dc, mem, text, told);
    // (without an entry the intent engine's own topic is answered below anyway, through its guided flow if it has one)
    if (amount && (entry || amount.answerId !== r.intent)) return this.answer(dc, withFurtherQuestions(amount, u));
    // "the care fund turned down my objection too. what now?": the step after the refusal (the social court)
    const refused = entry ? undefined : refusedObjectionEntry(r.intent, text, s.words, u.retrieval.ranked, (id) => s.kb.entry(id)?.[lang]?.short);
    if (refused) return this.answer(dc, withFurtherQuestions({ answerId: refused, grade }, u));
    const guided = skipGuide ? undefined : await routeGuided(dc, this.deps, turnInfo(dc.context), r, grade);
    if (guided) return this.afterGuided(dc, guided.result, guided.atOnce ? guidedFurther(r.intent, u, guided.dialog) : [], mem);
    // (after the guided flows: a share or a date told in the story keeps its calculation)
    // a story's question about what it just told ("… kommt ein Pflegedienst. Fällt das Pflegegeld dann weg?")
    const situated = !u.entry && u.story ? await this.storySituation(dc, u) : undefined;
    if (situated) return this.answer(dc, { answerId: situated, grade });
    // the deadline topic for a story that asks no time is a guess: the next-ranked topic answers;
    // a time question read as the objection topic gets the rule first, like the deadline topic
    const reading = deadlineReading(r.intent, text, s.words, lang);
    if (reading === 'guess' && !entry) {
      const next = r.ranked.find((c) => c.intent !== r.intent && s.kb.answers.has(c.intent) && c.score >= GUESS_NEXT_SCORE);
      if (next) return this.answer(dc, withFurtherQuestions({ answerId: next.intent, grade }, u));
    }
    if (reading) {
      const rule = deadlineRule(text, s.words, r.intent === 'objection');
      const offer: Action = { kind: 'command', title: this.t(dc, 'follow_up.compute_date'), value: `deadline:${rule.kind}` };
      if (await this.aspectAnswer(dc, rule.topic, rule.aspect, mem, offer, u)) return ANSWERED;
      if (entry) return this.answer(dc, entry);
      if (r.intent === 'deadline') return dc.beginDialog(DEADLINE_DIALOG, { text });
    }
    if (entry) return this.answer(dc, withFurtherQuestions(entry, u));
    if (answer) {
      // the topic answers; a second question, or an entry that came close, is one button away
      const alsoAsked = !pointsBack && u.also?.id !== answer.id ? u.also?.id : undefined;
      const alternative = closeAlternative(r.ranked, answer.id, (id) => s.kb.answers.has(id)) ?? (pointsBack ? undefined : u.alternative?.id);
      return this.answer(dc, pointsBack ? { answerId: answer.id, grade, alternative, alsoAsked } : withFurtherQuestions({ answerId: answer.id, grade, alternative, alsoAsked }, u));
    }
    return this.system(dc, r);
  }

  /** A follow-up resolved against the thread (bot/conversation/followUp.ts), answered; undefined when
   *  the message is no follow-up or its aspect is not in the last answer. */
  private async followUp(
    dc: RouteTarget, r: NluResult, u: Understanding, mem: Memory, stadtteil: string | undefined, corrected: boolean, alsoAnswered?: string[],
    namedCategory?: string,
  ): Promise<DialogTurnResult | undefined> {
    const s = this.deps.services;
    const otherTopic = s.kb.answers.has(r.intent) && r.intent !== mem.lastTopic && r.score >= OTHER_TOPIC_SCORE;
    const { text, lang } = turnInfo(dc.context);
    // "Und falls sie Pflegegrad 2 bekommt – wie viel …?": the question's concepts are the main clause's
    const main = mainClause(text);
    // "do we still get the allowance then": "the allowance" alone is the care allowance
    const concepts = withAllowanceAlone(text, main ? s.kb.retriever.concepts(main, lang) : u.retrieval.concepts, s.words);
    const lastConcepts = mem.lastTopic ? topicConcepts(s.kb, mem.lastTopic) : undefined;
    const lastParent = mem.lastTopic ? s.kb.questions.get(mem.lastTopic)?.topic : undefined;
    // the own date rules only: the recognisers' fallback costs milliseconds on every short follow-up
    const namesDate = () => !!parseDate(text, lang, s.today(), { noYear: 'past', useRecognizers: false });
    const fu = resolveFollowUp({ text, facts: u.facts, concepts, thread: mem, words: s.words, otherTopic, corrected, conditional: !!main, lastConcepts, lastParent, namesDate });
    if (!fu) return undefined;
    // what the reply used: the thread with what the follow-up itself changed
    const used = (f: FollowUp) => setThreadUse(dc.context, {
      kind: f.kind,
      detail: f.kind === 'aspect'
        ? `aspect=${f.aspect} ${describeThread(mem)}`
        : f.kind === 'condition'
          ? `condition ${describeThread(mem)}`
        : f.kind === 'related'
          ? `concepts=${f.concepts.join(',')} ${describeThread(mem)}`
          : describeThread({ ...mem, lastTopic: f.topic, grade: f.grade ?? mem.grade, setting: f.setting ?? mem.setting, person: f.person ?? mem.person }),
    });
    if (fu.kind === 'aspect') {
      if (fu.aspect === 'where') {
        // "gibt es hier in der Nähe eine Tagespflege?" after the dementia answer: the kind of help named wins
        const category = namedCategory ?? lastTopicCategory(s, mem);
        if (!category) return undefined;
        used(fu);
        // a city-wide service needs no Stadtteil: it is not asked for
        return this.offers(dc, { category, stadtteil: stadtteil ?? mem.stadtteil ?? (s.local.placeMatters(category) ? undefined : WHOLE_CITY) });
      }
      if (!(await this.aspectAnswer(dc, fu.topic, fu.aspect, mem))) return undefined;
      used(fu);
      return ANSWERED;
    }
    if (fu.kind === 'condition') {
      if (!(await this.conditionAnswer(dc, fu.topic, fu.clause, mem))) return undefined;
      used(fu);
      return ANSWERED;
    }
    if (fu.kind === 'related') {
      // a confident question entry of its own answers better than sentences of the last answer, unless
      // the message points at the last answer's situation outright ("in der Zeit", "while he's there")
      if (u.entry && u.strong && !fu.pointer) return undefined;
      const ctx = answerContext(this.deps, dc.context, mem.grade, mem.stadtteil);
      // the last entry first, then its topic's answer when the entry names none of the concepts
      const conceptsOf = (sentence: string) => s.kb.retriever.concepts(sentence, lang);
      const parentId = s.kb.questions.get(fu.topic)?.topic;
      // then the last answer by grade ("do we still get the allowance then" after day care and "who do we
      // apply to": the application names no allowance, the day care it was about does)
      const a = [s.kb.entry(fu.topic), parentId ? s.kb.entry(parentId) : undefined, mem.gradeTopic ? s.kb.entry(mem.gradeTopic) : undefined]
        .find((x) => !!x && relatedSentences(x, fu.concepts, ctx, conceptsOf).length > 0) ?? s.kb.entry(fu.topic) ?? s.kb.entry(parentId ?? '');
      // "Bekommt sie in der Zeit weiter Pflegegeld?" during respite: half the grade's allowance, worked out
      const half = fu.concepts.includes('care_allowance') && mem.grade !== undefined && isRespite(s.kb, fu.topic) ? halfAllowance(s.kb.benefits, mem.grade, s.today()) : undefined;
      const lead = half && mem.grade !== undefined ? halfAllowanceLine(half, mem.grade, lang, (k, v) => s.i18n.t(k, { lng: lang, ...v })) : undefined;
      const reply = a ? buildRelatedReply(a, fu.concepts, ctx, conceptsOf, lead) : undefined;
      if (!a || !reply) return undefined;
      used(fu);
      mem.lastTopic = a.id;
      await sendReply(this.deps, dc.context, reply);
      return ANSWERED;
    }
    // a new grade after several answers is about the one whose amount depends on it
    const asked = fu.grade !== undefined ? topicForGrade(fu.topic, alsoAnswered, (id) => !!s.kb.entry(id)?.usesGrade, mem.gradeTopic, mem.askedTopic, s.kb.questions.get(fu.topic)?.topic) : fu.topic;
    // a question entry without amounts: a new grade asks its topic's answer
    const q = s.kb.questions.get(asked);
    const topic = q && fu.grade !== undefined && !s.kb.entry(asked)?.usesGrade ? q.topic : asked;
    if (!s.kb.entry(topic)) return undefined;
    // "und bei meinem Vater?": another person's grade, setting and dementia are not the ones told
    forgetOnPersonSwitch(mem, fu.person);
    used(fu);
    return this.answer(dc, { answerId: topic, grade: fu.grade ?? mem.grade });
  }

  /** The entry a story's question answers when read with the sentence before it (followUp.ts
   *  situatedQuestion); undefined when retrieval is not confident of one then either. */
  private async storySituation(dc: RouteTarget, u: Understanding): Promise<string | undefined> {
    const s = this.deps.services;
    const { text, lang } = turnInfo(dc.context);
    const question = u.retrieval.questions[0];
    const query = question ? situatedQuestion(sentences(text), question, s.words) : undefined;
    if (!query) return undefined;
    const id = situatedAnswer(s.kb, query, lang, u.facts, await s.nlu.classify(query, lang));
    if (!id) return undefined;
    setThreadUse(dc.context, { kind: 'story', detail: `situated ${id}` });
    return id;
  }

  /** The short answers of a message's further questions after the guided dialog that answered one of
   *  them (route.ts guidedFurther; the caller passes none when the dialog asks a question first). */
  private async afterGuided(dc: RouteTarget, result: DialogTurnResult, ids: string[], mem: Memory): Promise<DialogTurnResult> {
    if (!ids.length) return result;
    const kb = this.deps.services.kb;
    const more = ids.map((id) => kb.entry(id)).filter((x): x is LayeredAnswer => !!x);
    if (!more.length) return result;
    const ctx = answerContext(this.deps, dc.context, mem.grade, mem.stadtteil);
    // the dialog's buttons move to the last reply (channels show only the last one's)
    // (mem is this turn's memory object: the guided dialog just set its options there)
    const own = (mem.options ?? []).map((o): Action => ({ kind: 'command', title: o.title, value: o.command }));
    const replies = more.map((a) => buildShortReply(a, ctx));
    replies[replies.length - 1].suggestions = own.length ? own : undefined;
    for (const r of replies) await sendReply(this.deps, dc.context, r);
    mem.alsoAnswered = more.map((x) => x.id);
    return result;
  }

  /** The sentences of a topic's answer about one aspect (deadline, cost, expiry …); false when it has none. */
  private async aspectAnswer(dc: RouteTarget, topic: string, aspect: Exclude<Aspect, 'where'>, mem: Memory, offer?: Action, u?: Understanding): Promise<boolean> {
    const kb = this.deps.services.kb;
    const ctx = { ...answerContext(this.deps, dc.context, mem.grade, mem.stadtteil), offer };
    // a question entry that does not speak to the aspect: its topic's answer may, or another entry of
    // that topic (aspectCandidates). A deadline offer stays with the rule's own topic.
    const parent = kb.questions.get(topic)?.topic ?? (kb.answers.has(topic) ? topic : undefined);
    const tried = offer ? [topic, kb.questions.get(topic)?.topic].filter((id): id is string => !!id) : this.aspectSources(dc, topic, parent);
    let a: ReturnType<typeof kb.entry>;
    let reply: ReturnType<typeof buildAspectReply>;
    // the office a who question asks for in every candidate first, then who applies (aspectsToTry)
    for (const asked of aspectsToTry(aspect, turnInfo(dc.context).text, this.deps.services.words)) {
      for (const id of tried) {
        a = kb.entry(id);
        reply = a ? buildAspectReply(a, asked, ctx, this.deps.services.words) : undefined;
        if (reply) break;
      }
      if (reply) break;
    }
    if (!a || !reply) return false;
    mem.lastTopic = a.id;
    // the deadline rule answers the first question of a message that asks more ("…, und wer hilft mir?")
    const first = a;
    const more = u?.parts.length ? planAnswers({ id: a.id }, u.parts).short.map((id) => kb.entry(id)).filter((x): x is LayeredAnswer => !!x && x.id !== first.id) : [];
    mem.alsoAnswered = more.length ? more.map((x) => x.id) : undefined;
    for (const r of withShortAnswers(reply, more, ctx)) await sendReply(this.deps, dc.context, r);
    // "ja" next turn accepts the offered step
    if (offer) mem.offered = offer.value;
    return true;
  }

  /** The sentences of the last answer (or its topic's, or a sibling entry's) that speak to a changed
   *  condition ("und wenn es länger dauert?"); false when none does. */
  private async conditionAnswer(dc: RouteTarget, topic: string, clause: string, mem: Memory): Promise<boolean> {
    const kb = this.deps.services.kb;
    const ctx = answerContext(this.deps, dc.context, mem.grade, mem.stadtteil);
    const parent = kb.questions.get(topic)?.topic ?? (kb.answers.has(topic) ? topic : undefined);
    for (const id of this.aspectSources(dc, topic, parent)) {
      const a = kb.entry(id);
      const reply = a ? buildConditionReply(a, clause, ctx, (x) => this.deps.services.kb.retriever.concepts(x, turnInfo(dc.context).lang)) : undefined;
      if (!a || !reply) continue;
      mem.lastTopic = a.id;
      await sendReply(this.deps, dc.context, reply);
      return true;
    }
    return false;
  }

  /** A statement of the care grade: that grade's benefits by care setting. */
  private gradeStatement(dc: RouteTarget, mem: Memory, text: string, g: GradeOverview): Promise<DialogTurnResult> {
    setThreadUse(dc.context, { kind: 'story', detail: describeThread(mem) });
    return dc.beginDialog(BENEFITS_DIALOG, { grade: g.grade, text, setting: g.setting });
  }

  /** The entries an aspect question may be answered from (bot/conversation/aspects.ts aspectCandidates). */
  private aspectSources(dc: RouteTarget, last: string, parent: string | undefined): string[] {
    const kb = this.deps.services.kb;
    const { text, lang } = turnInfo(dc.context);
    const siblings = parent ? [...kb.questions.values()].filter((q) => q.topic === parent).map((q) => q.id) : [];
    const title = kb.entry(last)?.[lang].title ?? '';
    const ranked = siblings.length ? kb.retriever.retrieve(`${title} ${text}`, lang).ranked.map((c) => c.id) : [];
    return aspectCandidates(last, parent, siblings, ranked);
  }

  /** The Pflegegeld left when the message names the service's monthly bill in euros and the grade is
   *  known (message or thread), in a conversation about home care; undefined otherwise. */
  private async combinationFromAmount(dc: RouteTarget, u: Understanding, mem: Memory): Promise<DialogTurnResult | undefined> {
    const s = this.deps.services;
    const { text, lang } = turnInfo(dc.context);
    const homeCare = ['in_kind', 'combination', 'allowance'].includes(mem.lastTopic ?? '') || u.retrieval.concepts.some((c) => c === 'care_service' || c === 'combination' || c === 'care_allowance');
    if (!homeCare) return undefined;
    const grade = u.facts.grade ?? mem.grade;
    // in a story only its questions count ("den Rest mache ich" tells, it does not ask)
    const asked = u.story ? u.retrieval.questions.join(' ') : text;
    const percent = combinationShare(asked, grade, s.kb.benefits, s.today(), s.words, text);
    if (percent === undefined || grade === undefined) return undefined;
    rememberFacts(mem, u.facts);
    setThreadUse(dc.context, { kind: 'combination', detail: `percent=${percent} ${describeThread({ ...mem, lastTopic: 'combination', grade })}` });
    mem.lastTopic = 'combination';
    const tf = (k: string, v?: Record<string, unknown>) => tg(this.deps, dc.context, k, v);
    const combo = s.kb.entry('combination');
    const suggestions = combo ? followUpActions(combo, answerContext(this.deps, dc.context, grade, mem.stadtteil), true) : undefined;
    await sendReply(this.deps, dc.context, { text: combinationText(s.kb.benefits, grade, percent, s.today(), lang, tf), suggestions });
    return ANSWERED;
  }

  /** The remainder of a budget (respite, relief amount, home adaptation) when the message tells how much
   *  was used and asks what is left (bot/conversation/budget.ts); undefined otherwise. */
  private async budgetLeft(dc: RouteTarget, u: Understanding, mem: Memory): Promise<DialogTurnResult | undefined> {
    const s = this.deps.services;
    const { text, lang } = turnInfo(dc.context);
    const lastTopic = mem.lastTopic ? s.kb.questions.get(mem.lastTopic)?.topic ?? mem.lastTopic : undefined;
    const r = remainderFromText(text, u.retrieval.concepts, lastTopic, s.kb.benefits, s.today(), s.words, mem.spent);
    if (!r) {
      // a story that tells a sum already used: kept for "wie viel bleibt noch?" in a later turn
      const spent = spentFromText(text, u.retrieval.concepts, lastTopic, s.kb.benefits, s.today(), s.words);
      if (spent) mem.spent = spent;
      return undefined;
    }
    mem.spent = { kind: r.kind, used: r.used };
    // the entry that answered (the remainder rule) when it is about this budget, else its topic's answer
    const topic = budgetTopic(r.kind);
    const a = u.entry && s.kb.questions.get(u.entry.id)?.topic === topic ? s.kb.entry(u.entry.id) : s.kb.entry(topic);
    if (!a) return undefined;
    rememberFacts(mem, u.facts);
    setThreadUse(dc.context, { kind: 'budget', detail: `${r.kind} used=${r.used} ${describeThread({ ...mem, lastTopic: a.id })}` });
    mem.lastTopic = a.id;
    const ctx = answerContext(this.deps, dc.context, mem.grade, mem.stadtteil);
    await sendReply(this.deps, dc.context, buildLeadReply(a, remainderLine(r, lang, (k, v) => s.i18n.t(k, { lng: lang, ...v })), ctx));
    return ANSWERED;
  }

  private async system(dc: RouteTarget, r: NluResult): Promise<DialogTurnResult> {
    const s = this.deps.services;
    const { lang, text } = turnInfo(dc.context);
    const send = (txt: string, suggestions?: Action[]) => sendReply(this.deps, dc.context, { text: txt, suggestions });
    const mem = await getMemory(this.deps, dc.context);
    const last = mem.lastTopic ? s.kb.entry(mem.lastTopic) : undefined;
    const route = systemRoute(r, (offTopic) => s.safety.socialOk(text, offTopic), () => !!last && refersBack(text, s.words));
    switch (route.kind) {
      case 'command':
        return this.command(dc, route.command);
      case 'say':
        await send(this.t(dc, route.key), route.menu ? this.menu(dc) : undefined);
        return ANSWERED;
      case 'refers_back':
        await send(this.t(dc, 'refers_back', { title: last![lang].title }), followUpActions(last!, answerContext(this.deps, dc.context, mem.grade, mem.stadtteil), true));
        return ANSWERED;
      case 'out_of_scope':
        markUnanswered(dc.context, 'not_understood');
        await send(this.t(dc, 'out_of_scope'), this.menu(dc));
        return ANSWERED;
      default:
        return this.lookUp(dc, r);
    }
  }

  /** No answer matched well: "did you mean", the full-text search's hits, or "not understood". */
  private async lookUp(dc: RouteTarget, r: NluResult): Promise<DialogTurnResult> {
    const s = this.deps.services;
    const { lang, text } = turnInfo(dc.context);
    // the question entries (or topics) that came closest, when none was confident: an honest "did you mean"
    const near = guesses(understandTurn(s, dc.context, r).retrieval, (id) => !!s.kb.entry(id));
    const found = lookUpRoute(near, r, (id) => s.kb.answers.has(id), () => s.kb.search(text, lang, 3).map((h) => h.id));
    markUnanswered(dc.context, found.key === 'not_understood' ? 'not_understood' : 'low_confidence');
    const suggestions = found.key === 'not_understood' ? this.menu(dc) : found.ids.map((id) => this.answerButton(dc, id));
    await sendReply(this.deps, dc.context, { text: this.t(dc, found.key), suggestions });
    return ANSWERED;
  }

  /** The feedback card's button titles and the words text channels are asked to type. */
  private feedbackWord(dc: RouteTarget, plain: string): 'yes' | 'no' | undefined {
    const n = normalise(plain);
    for (const answer of ['yes', 'no'] as const) {
      if ([`feedback.${answer}`, `feedback.word_${answer}`].some((k) => normalise(this.t(dc, k)) === n)) return answer;
    }
    return undefined;
  }

  private answerButton(dc: RouteTarget, id: string): Action {
    const a = this.deps.services.kb.entry(id)!;
    return { kind: 'command', title: a[turnInfo(dc.context).lang].title, value: `answer:${id}` };
  }

  private menu(dc: RouteTarget): Action[] {
    return topicMenu((key) => this.t(dc, key));
  }

  /** Commands come from buttons and numbered options; they never depend on the NLU. */
  private async command(dc: RouteTarget, cmd: string): Promise<DialogTurnResult> {
    const s = this.deps.services;
    const { lang } = turnInfo(dc.context);
    const mem = await getMemory(this.deps, dc.context);
    const [name, arg, sub, subArg] = cmd.split(':');
    const guided = await guidedCommand(dc, name, arg, sub);
    if (guided) return guided;
    const send = (txt: string, suggestions?: Action[]) => sendReply(this.deps, dc.context, { text: txt, suggestions });
    switch (name) {
      case 'answer':
        if (s.kb.entry(arg)) return this.answer(dc, { answerId: arg });
        break;
      case 'details': {
        const a = s.kb.entry(arg);
        if (a) {
          await sendReply(this.deps, dc.context, buildDetailsReply(a, answerContext(this.deps, dc.context, mem.grade, mem.stadtteil)));
        }
        break;
      }
      case 'offers': {
        if (sub === 'page') return this.offers(dc, { category: arg, stadtteil: mem.stadtteil ?? WHOLE_CITY, page: Number(subArg) || 0 });
        if (sub === 'place') {
          mem.stadtteil = undefined;
          return this.offers(dc, { category: arg });
        }
        return this.offers(dc, { category: arg || undefined });
      }
      case 'place':
        // a district button pressed after the offer dialog ended: search again there
        mem.stadtteil = arg;
        if (mem.category) return this.offers(dc, { category: mem.category, stadtteil: arg });
        return this.offers(dc, { stadtteil: arg });
      case 'grade':
        mem.grade = Number(arg) || undefined;
        if (mem.lastTopic) return this.answer(dc, { answerId: mem.lastTopic, grade: mem.grade ?? 0 });
        await send(this.t(dc, 'menu.intro'), this.menu(dc));
        break;
      case 'why': {
        const where = mem.stadtteil && mem.stadtteil !== WHOLE_CITY ? mem.stadtteil : undefined;
        const r = s.local.search({ category: arg, stadtteil: where, lang, now: s.now(), seed: turnInfo(dc.context).seed, page: 0 });
        await send(`${this.t(dc, 'why_intro')} ${r.why}`);
        break;
      }
      case 'human': {
        const contacts = s.local.people(lang, mem.stadtteil && mem.stadtteil !== WHOLE_CITY ? mem.stadtteil : undefined).slice(0, 5);
        const callback: Action[] = s.staff ? [{ kind: 'command', title: this.t(dc, 'callback_button'), value: 'callback' }] : [];
        await send([this.t(dc, 'human'), ...contacts.map((c) => `• ${contactLine(c)}`), this.t(dc, 'human_after')].join('\n'), callback.length ? callback : undefined);
        break;
      }
      case 'callback':
        if (s.staff) return dc.beginDialog(CALLBACK_DIALOG, {});
        return this.command(dc, 'human');
      case 'feedback': {
        // "feedback:yes:<answer>" / "feedback:no:<answer>": counted for the staff area
        if (!s.staff || !s.kb.answers.has(sub)) break;
        s.staff.feedback(conversationRefOf(dc.context.activity), sub, arg === 'yes', lang);
        if (arg === 'yes') await send(this.t(dc, 'feedback.thanks_yes'));
        else await send(this.t(dc, 'feedback.thanks_no'), [{ kind: 'command', title: this.t(dc, 'callback_button'), value: 'callback' }, ...this.menu(dc)]);
        break;
      }
      case 'privacy':
        await send(this.t(dc, 'privacy', { days: s.retentionDays }));
        break;
      case 'delete':
        // Deleting is never done on a guess: it takes an explicit yes.
        if (arg !== 'confirm') {
          mem.deletePending = true;
          await send(this.t(dc, 'delete_confirm'), [
            { kind: 'command', title: this.t(dc, 'delete_yes'), value: 'delete:confirm' },
            { kind: 'command', title: this.t(dc, 'delete_no'), value: 'menu' },
          ]);
          break;
        }
        turnOf(dc.context).deleteRequested = true;
        await send(this.t(dc, 'delete_done'));
        break;
      case 'cancel':
        await send(this.t(dc, 'cancelled'), this.menu(dc));
        break;
      case 'help':
        await send(this.t(dc, 'help'), this.menu(dc));
        break;
      case 'menu':
      default:
        await send(this.t(dc, 'menu.intro'), this.menu(dc));
    }
    return ANSWERED;
  }
}
