// Answers one knowledge-base topic. Grade-dependent answers ask for the care grade first (once per
// conversation) and then give the amount for that grade.
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { Dialog } from '../bot/sdk/dialogs';
import type { TurnContext } from 'botbuilder';
import { buildAnswerReply, withShortAnswers, type AnswerContext } from '../bot/conversation/answers';
import type { LayeredAnswer } from '../bot/knowledge/kb';
import type { FacetPick } from '../bot/conversation/facets';
import { parseGradeAnswer } from '../bot/nlu/grade';
import type { Action, Reply } from '../bot/channels/reply';
import { channelProfile } from '../bot/channels/render';
import { getMemory, lastTopicCategory, sendReply, turnInfo, type DialogDeps } from './context';
import { GuidedDialog, GuidedFlow } from './guided';

export const ANSWER_DIALOG = 'answerDialog';
const FLOW = 'answerFlow';
/** a wrong answer to the grade question is met with a hint this often, then quietly */
const GRADE_HINTS = 2;

export interface AnswerOptions {
  answerId: string;
  grade?: number;
  /** a topic the intent engine found almost as likely: offered as the first button */
  alternative?: string;
  /** the entry answering another question of the same message: offered as "Auch gefragt: …" */
  alsoAsked?: string;
  /** further questions of the same message: entries answered briefly after this one, and entries
   *  offered as buttons (bot/conversation/multiQuestion.ts) */
  more?: string[];
  /** of `more`, those asked before the question this answer is for: shown before it */
  moreBefore?: string[];
  alsoButtons?: string[];
  /** a guided step offered after the answer (its button comes first) */
  offer?: Action;
  /** the details sentences that answer the other parts of a two-part question (bot/conversation/facets.ts) */
  facets?: FacetPick;
  /** the same for the further answers (`more`), by entry id */
  moreFacets?: Record<string, FacetPick>;
}

interface FlowState { phase: 'grade'; opts: AnswerOptions; attempts: number }

class AnswerFlow extends GuidedFlow<FlowState> {
  constructor(deps: DialogDeps) {
    super(FLOW, deps);
  }

  protected async start(dc: DialogContext, state: FlowState, opts: AnswerOptions): Promise<DialogTurnResult> {
    const ctx = dc.context;
    const a = this.deps.services.kb.entry(opts.answerId);
    if (!a) return dc.endDialog();
    const mem = await this.memory(ctx);
    const grade = opts.grade ?? mem.grade;
    if (!a.usesGrade || grade !== undefined) {
      await sendAnswer(this.deps, ctx, a, grade, opts);
      return dc.endDialog();
    }
    const lang = this.lang(ctx);
    const t = this.deps.services.i18n.t.bind(this.deps.services.i18n);
    const buttons: Action[] = [1, 2, 3, 4, 5].map((g) => ({ kind: 'command', title: t('grade_button', { lng: lang, grade: g }), value: `grade:${g}` }));
    buttons.push({ kind: 'command', title: t('grade_unknown', { lng: lang }), value: 'grade:0' });
    // The general answer (all grades) comes first, so nobody has to answer a question to learn something.
    mem.lastTopic = a.id;
    const general = buildAnswerReply(a, answerContext(this.deps, ctx, undefined, mem.stadtteil), this.deps.services.now(), turnInfo(ctx).seed);
    await sendReply(this.deps, ctx, { text: general.text, footer: general.footer });
    await sendReply(this.deps, ctx, { text: t('ask_grade', { lng: lang }), suggestions: buttons });
    Object.assign(state, { phase: 'grade', opts, attempts: 0 });
    return Dialog.EndOfTurn;
  }

  /** The question and its buttons came with the general answer; after "Hilfe" they stay where they are. */
  protected async ask(): Promise<void> {}

  async accepts(_dc: DialogContext, _state: FlowState, text: string): Promise<boolean> {
    return parseGradeAnswer(text, this.deps.services.words) !== undefined;
  }

  protected async handle(dc: DialogContext, state: FlowState, text: string): Promise<DialogTurnResult> {
    const ctx = dc.context;
    const grade = parseGradeAnswer(text, this.deps.services.words);
    if (grade === undefined) {
      state.attempts += 1;
      if (state.attempts <= GRADE_HINTS) await ctx.sendActivity(this.deps.services.i18n.t('grade_reprompt', { lng: this.lang(ctx) }));
      return Dialog.EndOfTurn;
    }
    const a = this.deps.services.kb.entry(state.opts.answerId);
    if (a) await sendAnswer(this.deps, ctx, a, grade, state.opts);
    return dc.endDialog();
  }
}

export class AnswerDialog extends GuidedDialog<FlowState> {
  protected override rerouteQuestions = true;

  constructor(deps: DialogDeps) {
    super(ANSWER_DIALOG, deps, new AnswerFlow(deps));
  }

  /** A place instead of the grade: only for a topic with local help (the main dialog searches it). */
  protected override async reroutesPlaces(dc: DialogContext): Promise<boolean> {
    return lastTopicCategory(this.deps.services, await getMemory(this.deps, dc.context)) !== undefined;
  }
}

/** What building an answer needs for this turn: content, texts and amounts in the turn's language. */
export function answerContext(deps: DialogDeps, ctx: TurnContext, grade: number | undefined, stadtteil: string | undefined): AnswerContext {
  const s = deps.services;
  const { lang } = turnInfo(ctx);
  return { kb: s.kb, t: s.i18n.t.bind(s.i18n), lang, amount: s.amount(lang, s.today()), local: s.local, grade, stadtteil };
}

/** The answer for a grade (undefined or 0: for every grade); remembers grade and topic. */
async function sendAnswer(deps: DialogDeps, ctx: TurnContext, a: LayeredAnswer, grade: number | undefined, opts: Pick<AnswerOptions, 'alternative' | 'alsoAsked' | 'alsoButtons' | 'more' | 'moreBefore' | 'offer' | 'facets' | 'moreFacets'>): Promise<void> {
  const mem = await getMemory(deps, ctx);
  if (grade !== undefined && grade > 0) mem.grade = grade;
  mem.lastTopic = a.id;
  const actx: AnswerContext = {
    ...answerContext(deps, ctx, grade, mem.stadtteil), alternative: opts.alternative, alsoAsked: opts.alsoAsked, alsoButtons: opts.alsoButtons, offer: opts.offer,
    facets: opts.facets, moreFacets: opts.moreFacets,
  };
  const reply = buildAnswerReply(a, actx, deps.services.now(), turnInfo(ctx).seed);
  if (deps.services.staff) addFeedback(deps, ctx, reply);
  // the message's further questions, each briefly, with the grade the story told
  const more = (opts.more ?? []).map((id) => deps.services.kb.entry(id)).filter((x): x is LayeredAnswer => !!x && x.id !== a.id);
  mem.alsoAnswered = more.length ? more.map((x) => x.id) : undefined;
  for (const r of withShortAnswers(reply, more, actx, opts.moreBefore)) await sendReply(deps, ctx, r);
}

/** "Hat das geholfen? Ja / Nein" under an answer, counted per entry for the staff area. The ways on
 *  (at most five buttons) stay as they are: rich channels get the question as a small card with its
 *  two buttons, text channels a line naming the two words to type. The router recognises both. */
function addFeedback(deps: DialogDeps, ctx: TurnContext, reply: Reply): void {
  const t = (k: string) => deps.services.i18n.t(k, { lng: turnInfo(ctx).lang });
  if (channelProfile(ctx.activity.channelId) === 'rich') {
    reply.cards = [...(reply.cards ?? []), {
      title: t('feedback.question'),
      lines: [],
      actions: [{ kind: 'command', title: t('feedback.yes'), value: 'feedback:yes' }, { kind: 'command', title: t('feedback.no'), value: 'feedback:no' }],
    }];
  } else {
    reply.footer = [reply.footer, t('feedback.text_prompt')].filter(Boolean).join('\n\n');
  }
}

/** Sends the answer when nothing has to be asked first (the topic needs no grade, or the grade is
 *  known) and says so; false: the answer dialog has to ask for the grade. The router calls this
 *  before starting the dialog, so most answers cost no dialog at all. */
export async function answerNow(deps: DialogDeps, ctx: TurnContext, opts: AnswerOptions): Promise<boolean> {
  const a = deps.services.kb.entry(opts.answerId);
  if (!a) return true;
  const grade = opts.grade ?? (await getMemory(deps, ctx)).grade;
  if (a.usesGrade && grade === undefined) return false;
  await sendAnswer(deps, ctx, a, grade, opts);
  return true;
}
