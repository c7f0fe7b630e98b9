// Finds local offers by kind of help and district. Missing pieces are asked for with buttons and
// remembered for the rest of the conversation ("und Essen auf Rädern?" keeps the district).
import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { Dialog } from '../bot/sdk/dialogs';
import type { Action, Card, Reply } from '../bot/channels/reply';
import type { OfferView } from '../bot/conversation/local';
import { contactLine } from '../bot/conversation/answers';
import { getMemory, sendReply, turnInfo, type DialogDeps } from './context';
import { matchOption, normalise } from '../bot/conversation/turn';
import { GuidedDialog, GuidedFlow } from './guided';

export const FIND_OFFER_DIALOG = 'findOfferDialog';
const FLOW = 'findOfferFlow';
/** a reply that is no kind of help or place is met with a hint this often, then quietly */
const HINTS = 2;
/** stands for "the whole city" in memory */
export const WHOLE_CITY = '*';

export interface FindOfferOptions { category?: string; stadtteil?: string; page?: number; text?: string; candidates?: string[]; postcode?: string }

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
    const stadtteil = opts.stadtteil ?? mem.stadtteil;
    if (stadtteil) return this.show(dc, opts, stadtteil);
    // a city-wide service is the same in every Stadtteil: a postcode of two of them needs no question
    if (opts.category && !this.deps.services.local.placeMatters(opts.category) && (opts.candidates?.length ?? 0) > 1) return this.show(dc, opts, WHOLE_CITY);
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

  private wholeCityWordSet?: Set<string>;

  /** "egal", "anywhere"…: the answers that mean the whole city, in every language of the bot (a
   *  German conversation may still answer "anywhere") */
  private wholeCityWords(): Set<string> {
    if (!this.wholeCityWordSet) {
      const { i18n } = this.deps.services;
      const supported = i18n.options.supportedLngs || [];
      const lists = supported.filter((lng) => lng !== 'cimode').map((lng) => i18n.t('offers_dialog.whole_city_words', { lng, returnObjects: true }) as unknown);
      this.wholeCityWordSet = new Set(lists.flatMap((l) => (Array.isArray(l) ? l.map((w) => normalise(String(w))) : [])));
    }
    return this.wholeCityWordSet;
  }

  private tc(ctx: DialogContext['context'], key: string, vars: Record<string, unknown> = {}): string {
    return this.deps.services.i18n.t(key, { lng: turnInfo(ctx).lang, ...vars });
  }

  private categoryFrom(ctx: DialogContext['context'], text: string): string | undefined {
    const { lang } = turnInfo(ctx);
    const local = this.deps.services.local;
    const n = normalise(text);
    const byLabel = local.categories(lang).find((c) => normalise(c.label) === n);
    return byLabel?.id ?? local.detectCategory(text, lang);
  }

  private placeFrom(ctx: DialogContext['context'], text: string): { stadtteil?: string; candidates: string[]; postcode?: string } {
    const n = normalise(text);
    if (this.wholeCityWords().has(n) || normalise(this.tc(ctx, 'offers_dialog.whole_city')) === n) return { stadtteil: WHOLE_CITY, candidates: [] };
    const local = this.deps.services.local;
    const byName = local.stadtteile().find((s) => normalise(s.name) === n);
    if (byName) return { stadtteil: byName.id, candidates: [] };
    const found = local.detectPlace(text);
    // "in ganz Mülheim", "Mülheim": nothing but the city (from its data pack); a question that
    // merely mentions the city is not an answer here
    return found.wholeCityOnly ? { stadtteil: WHOLE_CITY, candidates: [] } : found;
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

  private async askPlace(ctx: DialogContext['context'], ids: string[], postcode?: string, category?: string): Promise<void> {
    const local = this.deps.services.local;
    const buttons: Action[] = ids.map((id) => ({ kind: 'command', title: local.stadtteilName(id), value: `place:${id}` }));
    buttons.push({ kind: 'command', title: this.tc(ctx, 'offers_dialog.whole_city'), value: `place:${WHOLE_CITY}` });
    const { lang } = turnInfo(ctx);
    const text = postcode && ids.length > 1 && ids.length < local.stadtteile().length
      ? this.tc(ctx, 'offers_dialog.place_ambiguous', { postcode })
      : ids.length > 1 && ids.length < local.stadtteile().length
      ? this.tc(ctx, 'offers_dialog.place_candidates')
      : this.tc(ctx, 'offers_dialog.ask_place', { category: category ? local.categoryLabel(category, lang) : '' });
    await sendReply(this.deps, ctx, { text, suggestions: buttons });
  }

  private async sendResults(ctx: TurnContext, category: string, stadtteil: string | undefined, page: number): Promise<void> {
    const mem = await getMemory(this.deps, ctx);
    mem.category = category;
    mem.stadtteil = stadtteil;
    await sendReply(this.deps, ctx, this.results(ctx, category, stadtteil, page));
  }

  /** Shows the offers when kind of help and place are both known (from the options or, for the
   *  place, from memory) and says so; false: the dialog has to ask. The router calls this before
   *  starting the dialog, so a complete search costs no dialog at all. */
  async showNow(ctx: TurnContext, opts: FindOfferOptions): Promise<boolean> {
    let stadtteil = opts.stadtteil ?? (await getMemory(this.deps, ctx)).stadtteil;
    // a city-wide service is the same in every Stadtteil: a postcode of two of them needs no question
    if (!stadtteil && opts.category && (opts.candidates?.length ?? 0) > 1 && !this.deps.services.local.placeMatters(opts.category)) stadtteil = WHOLE_CITY;
    if (!opts.category || !stadtteil) return false;
    await this.sendResults(ctx, opts.category, stadtteil, opts.page ?? 0);
    return true;
  }

  results(ctx: DialogContext['context'], category: string, stadtteil: string | undefined, page: number): Reply {
    const s = this.deps.services;
    const { lang, seed } = turnInfo(ctx);
    const local = s.local;
    const where = !stadtteil || stadtteil === WHOLE_CITY ? undefined : stadtteil;
    const r = local.search({ category, stadtteil: where, lang, now: s.now(), seed, page });
    const catLabel = local.categoryLabel(category, lang);
    const place = where ? local.stadtteilName(where) : this.tc(ctx, 'offers_dialog.whole_city');
    const suggestions: Action[] = [];
    if (!r.offers.length) {
      // Honest: nothing invented; the city's counselling and the national finders instead.
      const contacts = [...local.counselling(lang, where).slice(0, 2), ...local.finders(lang)];
      const text = [this.tc(ctx, page > 0 ? 'offers_dialog.no_more' : 'offers_dialog.none', { category: catLabel, place }), ...contacts.map((c) => `• ${contactLine(c)}`)].join('\n');
      suggestions.push({ kind: 'command', title: this.tc(ctx, 'offers_dialog.other_place'), value: `offers:${category}:place` });
      suggestions.push({ kind: 'command', title: this.tc(ctx, 'offers_dialog.other_category'), value: 'offers' });
      return { text, suggestions };
    }
    const head = page === 0
      ? this.tc(ctx, 'offers_dialog.results', { category: catLabel, place, count: r.total })
      : this.tc(ctx, 'offers_dialog.results_more', { from: page * 3 + 1, to: page * 3 + r.offers.length, count: r.total });
    const lines = [head];
    if (r.nearbyNotice) lines.push(r.nearbyNotice);
    const cards = r.offers.map((o) => this.card(ctx, o));
    if (!r.offers.some((o) => o.phone)) {
      const c = local.counselling(lang, where)[0];
      if (c) lines.push(s.i18n.t('counselling_fallback', { lng: lang, contact: contactLine(c) }));
    }
    if (page + 1 < r.pages) suggestions.push({ kind: 'command', title: this.tc(ctx, 'offers_dialog.more'), value: `offers:${category}:page:${page + 1}` });
    suggestions.push({ kind: 'command', title: this.tc(ctx, 'offers_dialog.why'), value: `why:${category}` });
    suggestions.push({ kind: 'command', title: this.tc(ctx, 'offers_dialog.other_place'), value: `offers:${category}:place` });
    suggestions.push({ kind: 'command', title: this.tc(ctx, 'offers_dialog.other_category'), value: 'offers' });
    return { text: lines.join('\n\n'), cards, suggestions };
  }

  private card(ctx: DialogContext['context'], o: OfferView): Card {
    const actions: Action[] = [];
    if (o.phone) actions.push({ kind: 'call', title: `${this.tc(ctx, 'offers_dialog.call')}: ${o.phone}`, value: o.phone });
    if (o.website) actions.push({ kind: 'url', title: this.tc(ctx, 'offers_dialog.website'), value: o.website });
    if (o.mapUrl) actions.push({ kind: 'url', title: this.tc(ctx, 'offers_dialog.map'), value: o.mapUrl });
    const lines = [o.what, o.address, o.phone ? `☎ ${o.phone}` : undefined, o.email ? `✉ ${o.email}` : undefined, o.hours, o.nearbyNote, o.staleNote].filter((x): x is string => !!x);
    return { title: o.name, subtitle: o.provider, lines, actions };
  }
}

export class FindOfferDialog extends GuidedDialog<FlowState> {
  protected override rerouteQuestions = true;
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
