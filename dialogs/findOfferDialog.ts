// Finds local offers by kind of help and district. Missing pieces are asked for with buttons and
// remembered for the rest of the conversation ("und Essen auf Rädern?" keeps the district).
import { topicForCategory } from '../bot/conversation/thread';
import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { Dialog } from '../bot/sdk/dialogs';
import type { Action, Reply } from '../bot/channels/reply';
import { contactLine } from '../bot/conversation/answers';
import {
  WHOLE_CITY, categoryFrom, knownPlace, offerResults, placeFrom, placeQuestionKey, wholeCityWords, type FindOfferOptions, type PlaceAnswer,
} from '../bot/conversation/offerSearch';
import { getMemory, sendReply, turnInfo, type DialogDeps } from './context';
import { matchOption, normalise } from '../bot/conversation/turn';
import { asksInPrompt } from '../bot/conversation/cues';
import { GuidedDialog, GuidedFlow } from './guided';

export const FIND_OFFER_DIALOG = 'findOfferDialog';
const FLOW = 'findOfferFlow';
/** a reply that is no kind of help or place is met with a hint this often, then quietly */
const HINTS = 2;

interface FlowState { phase: 'category' | 'place'; opts: FindOfferOptions; attempts: number }

class FindOfferFlow extends GuidedFlow<FlowState> {
  constructor(deps: DialogDeps) {
    super(FLOW, deps);
  }

  protected async start(dc: DialogContext, state: FlowState, opts: FindOfferOptions): Promise<DialogTurnResult> {
    // (the known kind of help is read as the first answer, as a reply would be)
    if (opts.category) return this.toPlace(dc, state, opts, opts.category);
    const ctx = dc.context;
    const buttons = this.categoryButtons(ctx);
    // If the kind of help is not on the list, the city's counselling is named right away.
    const c = this.deps.services.local.counselling(turnInfo(ctx).lang, (await getMemory(this.deps, ctx)).stadtteil)[0];
    const text = [this.tc(ctx, 'offers_dialog.ask_category'), c ? this.tc(ctx, 'offers_dialog.not_listed', { contact: contactLine(c) }) : ''].filter(Boolean).join('\n\n');
    await sendReply(this.deps, ctx, { text, suggestions: buttons });
    Object.assign(state, { phase: 'category', opts, attempts: 0 });
    return Dialog.EndOfTurn;
  }

  /** The questions and their buttons are on screen already; after "Hilfe" they stay where they are. */
  protected async ask(): Promise<void> {}

  async accepts(dc: DialogContext, _state: FlowState, text: string): Promise<boolean> {
    const p = this.placeFrom(dc.context, text);
    return !!this.categoryFrom(dc.context, text) || !!p.stadtteil || p.candidates.length > 0;
  }

  protected async handle(dc: DialogContext, state: FlowState, text: string): Promise<DialogTurnResult> {
    const ctx = dc.context;
    if (state.phase === 'category') {
      if (this.categoryFrom(ctx, text)) return this.toPlace(dc, state, state.opts, text);
      // "Er wohnt in Styrum": the place is kept, and only the kind of help is asked again
      const place = await this.keepPlace(ctx, text);
      state.attempts += 1;
      if (state.attempts <= HINTS) {
        const key = place ? 'offers_dialog.category_place_noted' : 'offers_dialog.category_reprompt';
        await sendReply(this.deps, ctx, { text: this.tc(ctx, key, { place }), suggestions: this.categoryButtons(ctx) });
      }
      return Dialog.EndOfTurn;
    }
    const place = this.placeFrom(ctx, text);
    if (place.stadtteil) {
      const cmd = matchOption(await getMemory(this.deps, ctx), text);
      return this.show(dc, state.opts, cmd?.startsWith('place:') ? cmd.slice(6) : place.stadtteil);
    }
    state.attempts += 1;
    if (place.candidates.length > 1) await this.askPlace(ctx, place.candidates, place.postcode);
    else if (state.attempts <= HINTS) await ctx.sendActivity(this.tc(ctx, 'offers_dialog.place_reprompt'));
    return Dialog.EndOfTurn;
  }

  /** The kind of help is known (from the options or the answer `text`): the place next, unless known. */
  private async toPlace(dc: DialogContext, state: FlowState, opts: FindOfferOptions, text?: string): Promise<DialogTurnResult> {
    const ctx = dc.context;
    if (text !== undefined && !opts.category) opts.category = this.categoryFrom(ctx, text);
    const mem = await getMemory(this.deps, ctx);
    mem.category = opts.category;
    // the kind of help may come with the place: "Er wohnt in Styrum und braucht Unterstützung im Alltag"
    if (text !== undefined) await this.keepPlace(ctx, text);
    const stadtteil = knownPlace(this.deps.services.local, opts, mem.stadtteil);
    if (stadtteil) return this.show(dc, opts, stadtteil);
    // the kind of help is the thread's topic now: "kostet das was?" instead of a place asks about it
    if (opts.category) mem.lastTopic = topicForCategory(opts.category, this.deps.services.kb.answers.values()) ?? mem.lastTopic;
    // a postcode or name that fits several districts: ask which one, offering only those
    const ids = opts.candidates && opts.candidates.length > 1 ? opts.candidates : this.deps.services.local.stadtteile().map((s) => s.id);
    await this.askPlace(ctx, ids, opts.candidates && opts.candidates.length > 1 ? opts.postcode : undefined, opts.category);
    Object.assign(state, { phase: 'place', opts, attempts: 0 });
    return Dialog.EndOfTurn;
  }

  private async show(dc: DialogContext, opts: FindOfferOptions, stadtteil: string | undefined): Promise<DialogTurnResult> {
    await this.sendResults(dc.context, opts.category!, stadtteil, opts.page ?? 0);
    return dc.endDialog();
  }

  private wholeCity?: Set<string>;

  private tc(ctx: TurnContext, key: string, vars: Record<string, unknown> = {}): string {
    return this.deps.services.i18n.t(key, { lng: turnInfo(ctx).lang, ...vars });
  }

  private categoryFrom(ctx: TurnContext, text: string): string | undefined {
    return categoryFrom(this.deps.services.local, turnInfo(ctx).lang, text);
  }

  private placeFrom(ctx: TurnContext, text: string): PlaceAnswer {
    this.wholeCity ??= wholeCityWords(this.deps.services.i18n);
    return placeFrom(this.deps.services.local, text, (n) => this.wholeCity!.has(n) || normalise(this.tc(ctx, 'offers_dialog.whole_city')) === n);
  }

  private categoryButtons(ctx: TurnContext): Action[] {
    return this.deps.services.local.categories(turnInfo(ctx).lang).map((c) => ({ kind: 'command', title: c.label, value: `offers:${c.id}` }));
  }

  /** A Stadtteil named in a reply to another question is remembered (and named back), so it is not
   *  asked for again. */
  private async keepPlace(ctx: TurnContext, text: string): Promise<string | undefined> {
    const found = this.deps.services.local.detectPlace(text);
    if (!found.stadtteil) return undefined;
    (await getMemory(this.deps, ctx)).stadtteil = found.stadtteil;
    return this.deps.services.local.stadtteilName(found.stadtteil);
  }

  private async askPlace(ctx: TurnContext, ids: string[], postcode?: string, category?: string): Promise<void> {
    const local = this.deps.services.local;
    const buttons: Action[] = ids.map((id) => ({ kind: 'command', title: local.stadtteilName(id), value: `place:${id}` }));
    buttons.push({ kind: 'command', title: this.tc(ctx, 'offers_dialog.whole_city'), value: `place:${WHOLE_CITY}` });
    const text = this.tc(ctx, placeQuestionKey(ids, local.stadtteile().length, postcode), { postcode, category: category ? local.categoryLabel(category, turnInfo(ctx).lang) : '' });
    await sendReply(this.deps, ctx, { text, suggestions: buttons });
  }

  private async sendResults(ctx: TurnContext, category: string, stadtteil: string | undefined, page: number): Promise<void> {
    const mem = await getMemory(this.deps, ctx);
    mem.category = category;
    mem.stadtteil = stadtteil;
    // "Was übernimmt die Kasse dafür?" after the list is about the topic of that kind of help
    mem.lastTopic = topicForCategory(category, this.deps.services.kb.answers.values()) ?? mem.lastTopic;
    await sendReply(this.deps, ctx, this.results(ctx, category, stadtteil, page));
  }

  /** Shows the offers when kind of help and place are both known (from the options or, for the
   *  place, from memory) and says so; false: the dialog has to ask. The router calls this before
   *  starting the dialog, so a complete search costs no dialog at all. */
  async showNow(ctx: TurnContext, opts: FindOfferOptions): Promise<boolean> {
    const stadtteil = knownPlace(this.deps.services.local, opts, (await getMemory(this.deps, ctx)).stadtteil);
    if (!opts.category || !stadtteil) return false;
    await this.sendResults(ctx, opts.category, stadtteil, opts.page ?? 0);
    return true;
  }

  results(ctx: TurnContext, category: string, stadtteil: string | undefined, page: number): Reply {
    const { lang, seed } = turnInfo(ctx);
    return offerResults(this.deps.services.local, (k, v) => this.tc(ctx, k, v), { category, stadtteil, page, lang, seed, now: this.deps.services.now() });
  }
}

export class FindOfferDialog extends GuidedDialog<FlowState> {
  protected override rerouteQuestions = true;

  /** a question about the kind of help instead of a place ("kostet das was?"): the main dialog answers it */
  protected override async reroutesFollowUp(dc: DialogContext, text: string): Promise<boolean> {
    return dc.activeDialog?.state?.phase === 'place' && asksInPrompt(text, this.deps.services.words);
  }
  private readonly offers: FindOfferFlow;

  constructor(deps: DialogDeps) {
    const flow = new FindOfferFlow(deps);
    super(FIND_OFFER_DIALOG, deps, flow);
    this.offers = flow;
  }

  /** Shows the offers when kind of help and place are both known; false: the dialog has to ask. */
  showNow(ctx: TurnContext, opts: FindOfferOptions): Promise<boolean> {
    return this.offers.showNow(ctx, opts);
  }

  results(ctx: TurnContext, category: string, stadtteil: string | undefined, page: number): Reply {
    return this.offers.results(ctx, category, stadtteil, page);
  }
}
