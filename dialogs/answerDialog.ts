// Answers one knowledge-base topic. Grade-dependent answers ask for the care grade first (once per
// conversation) and then give the amount for that grade.
import { TextPrompt, WaterfallDialog, type DialogContext, type PromptValidatorContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { buildAnswerReply, withShortAnswers, type AnswerContext } from '../bot/conversation/answers';
import type { LayeredAnswer } from '../bot/knowledge/kb';
import { parseGradeAnswer } from '../bot/nlu/grade';
import type { Action, Reply } from '../bot/channels/reply';
import { channelProfile } from '../bot/channels/render';
import { getMemory, lastTopicCategory, sendReply, turnInfo, type DialogDeps } from './context';
import { InterruptibleDialog } from './interruptibleDialog';

export const ANSWER_DIALOG = 'answerDialog';
const GRADE_PROMPT = 'gradePrompt';

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
  alsoButtons?: string[];
  /** a guided step offered after the answer (its button comes first) */
  offer?: Action;
}

export class AnswerDialog extends InterruptibleDialog {
  protected override rerouteQuestions = true;

  constructor(deps: DialogDeps) {
    super(ANSWER_DIALOG, deps);
    this.addDialog(new TextPrompt(GRADE_PROMPT, async (pc: PromptValidatorContext<string>) => {
      if (!pc.recognized.succeeded) return false;
      if (parseGradeAnswer(pc.recognized.value ?? '', deps.services.words) !== undefined) return true;
      const { lang } = turnInfo(pc.context);
      if (pc.attemptCount < 3) await pc.context.sendActivity(this.deps.services.i18n.t('grade_reprompt', { lng: lang }));
      return false;
    }));
    this.addDialog(new WaterfallDialog('answerSteps', [this.askGrade.bind(this), this.answer.bind(this)]));
    this.initialDialogId = 'answerSteps';
  }

  /** A place instead of the grade: only for a topic with local help (the main dialog searches it). */
  protected override async reroutesPlaces(dc: DialogContext): Promise<boolean> {
    return lastTopicCategory(this.deps.services, await getMemory(this.deps, dc.context)) !== undefined;
  }

  protected async acceptsInput(_dc: DialogContext, text: string): Promise<boolean> {
    return parseGradeAnswer(text, this.deps.services.words) !== undefined;
  }

  private async askGrade(step: WaterfallStepContext) {
    const opts = step.options as AnswerOptions;
    const a = this.deps.services.kb.entry(opts.answerId);
    if (!a) return step.endDialog();
    const mem = await getMemory(this.deps, step.context);
    const grade = opts.grade ?? mem.grade;
    if (!a.usesGrade || grade !== undefined) return step.next(grade);
    const { lang } = turnInfo(step.context);
    const t = this.deps.services.i18n.t.bind(this.deps.services.i18n);
    const buttons: Action[] = [1, 2, 3, 4, 5].map((g) => ({ kind: 'command', title: t('grade_button', { lng: lang, grade: g }), value: `grade:${g}` }));
    buttons.push({ kind: 'command', title: t('grade_unknown', { lng: lang }), value: 'grade:0' });
    // The general answer (all grades) comes first, so nobody has to answer a question to learn something.
    mem.lastTopic = a.id;
    const general = buildAnswerReply(a, answerContext(this.deps, step.context, undefined, mem.stadtteil), this.deps.services.now(), turnInfo(step.context).seed);
    await sendReply(this.deps, step.context, { text: general.text, footer: general.footer });
    await sendReply(this.deps, step.context, { text: t('ask_grade', { lng: lang }), suggestions: buttons });
    return step.prompt(GRADE_PROMPT, {});
  }

  private async answer(step: WaterfallStepContext) {
    const opts = step.options as AnswerOptions;
    let grade = step.result as number | undefined;
    if (typeof step.result === 'string') grade = parseGradeAnswer(step.result, this.deps.services.words);
    await sendAnswer(this.deps, step.context, this.deps.services.kb.entry(opts.answerId)!, grade, opts);
    return step.endDialog();
  }
}

/** What building an answer needs for this turn: content, texts and amounts in the turn's language. */
export function answerContext(deps: DialogDeps, ctx: TurnContext, grade: number | undefined, stadtteil: string | undefined): AnswerContext {
  const s = deps.services;
  const { lang } = turnInfo(ctx);
  return { kb: s.kb, t: s.i18n.t.bind(s.i18n), lang, amount: s.amount(lang, s.today()), local: s.local, grade, stadtteil };
}

/** The answer for a grade (undefined or 0: for every grade); remembers grade and topic. */
async function sendAnswer(deps: DialogDeps, ctx: TurnContext, a: LayeredAnswer, grade: number | undefined, opts: Pick<AnswerOptions, 'alternative' | 'alsoAsked' | 'alsoButtons' | 'more' | 'offer'>): Promise<void> {
  const mem = await getMemory(deps, ctx);
  if (grade !== undefined && grade > 0) mem.grade = grade;
  mem.lastTopic = a.id;
  const actx: AnswerContext = { ...answerContext(deps, ctx, grade, mem.stadtteil), alternative: opts.alternative, alsoAsked: opts.alsoAsked, alsoButtons: opts.alsoButtons, offer: opts.offer };
  const reply = buildAnswerReply(a, actx, deps.services.now(), turnInfo(ctx).seed);
  if (deps.services.staff) addFeedback(deps, ctx, reply);
  // the message's further questions, each briefly, with the grade the story told
  const more = (opts.more ?? []).map((id) => deps.services.kb.entry(id)).filter((x): x is LayeredAnswer => !!x && x.id !== a.id);
  mem.alsoAnswered = more.length ? more.map((x) => x.id) : undefined;
  for (const r of withShortAnswers(reply, more, actx)) await sendReply(deps, ctx, r);
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
