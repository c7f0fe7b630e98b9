// "Please call me back": explicit consent first, then phone number, a time within the counselling
// office's phone hours (from the city pack), the topic and, if the person wishes, a name. The request
// goes to the staff area (bot/staff); nothing of it is logged. The citizen learns in this chat when
// staff mark it called or done: at once where the channel can be reached (bot/staff/notices.ts),
// otherwise with their next message (CareBot).
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { Dialog } from '../bot/sdk/dialogs';
import type { TurnContext } from 'botbuilder';
import { conversationRefOf } from '../bot/staff/conversation';
import { replyRefOf } from '../bot/staff/notices';
import { LOCAL_DIRECTLINE } from '../bot/store/jsonConversationState';
import { sendReply, type DialogDeps } from './context';
import { parsePhone } from '../bot/nlu/phone';
import { GuidedDialog, GuidedFlow, chosenOption, command } from './guided';

export const CALLBACK_DIALOG = 'callbackDialog';
const FLOW = 'callbackFlow';

type Phase = 'consent' | 'phone' | 'slot' | 'topic' | 'name';
interface FlowState { phase: Phase; phone?: string; slot?: string; topic?: string }

class CallbackFlow extends GuidedFlow<FlowState> {
  constructor(deps: DialogDeps) {
    super(FLOW, deps);
  }

  private slots(): string[] {
    return this.deps.services.staff?.callbackSlots() ?? [];
  }

  protected async start(dc: DialogContext, state: FlowState): Promise<DialogTurnResult> {
    if (!this.deps.services.staff) return dc.endDialog();
    state.phase = 'consent';
    await this.ask(dc.context, state);
    return Dialog.EndOfTurn;
  }

  protected async ask(ctx: TurnContext, state: FlowState): Promise<void> {
    const t = (k: string, v: Record<string, unknown> = {}) => this.t(ctx, `callback.${k}`, v);
    switch (state.phase) {
      case 'consent':
        await sendReply(this.deps, ctx, {
          text: t('consent', { days: this.deps.services.staff?.callbackDeleteDays ?? 14 }),
          suggestions: [command(t('consent_yes'), 'callback:yes'), command(t('consent_no'), 'callback:no')],
        });
        return;
      case 'phone':
        await sendReply(this.deps, ctx, { text: t('phone') });
        return;
      case 'slot': {
        const slots = this.slots();
        await sendReply(this.deps, ctx, { text: `${t('slot')} ${slots.join(', ')}`, suggestions: [...slots.map((s) => command(s, `callback:slot:${s}`)), command(t('slot_any'), 'callback:slot:any')] });
        return;
      }
      case 'topic': {
        const mem = await this.memory(ctx);
        const last = mem.lastTopic ? this.deps.services.kb.answers.get(mem.lastTopic) : undefined;
        const lang = this.lang(ctx);
        const options = [...(last ? [command(last[lang].title, `callback:topic:${last.id}`)] : []), command(t('topic_general'), 'callback:topic:general')];
        await sendReply(this.deps, ctx, { text: t('topic'), suggestions: options });
        return;
      }
      case 'name':
        await sendReply(this.deps, ctx, { text: t('name'), suggestions: [command(t('name_skip'), 'callback:noname')] });
    }
  }

  async accepts(dc: DialogContext, state: FlowState, text: string): Promise<boolean> {
    const own = chosenOption(await this.memory(dc.context), dc.context, text);
    if (own?.startsWith('callback:')) return true;
    // free text is an answer in the steps that take one; a new question in the others leaves the flow
    return state.phase === 'phone' || state.phase === 'topic' || state.phase === 'name';
  }

  protected async handle(dc: DialogContext, state: FlowState, text: string): Promise<DialogTurnResult> {
    const ctx = dc.context;
    const own = chosenOption(await this.memory(ctx), ctx, text);
    const t = (k: string, v: Record<string, unknown> = {}) => this.t(ctx, `callback.${k}`, v);
    const lang = this.lang(ctx);
    switch (state.phase) {
      case 'consent':
        if (own === 'callback:yes') {
          state.phase = 'phone';
          break;
        }
        if (own === 'callback:no') {
          await sendReply(this.deps, ctx, { text: t('declined') });
          return dc.endDialog();
        }
        return this.reroute(dc);
      case 'phone': {
        const phone = parsePhone(text);
        if (!phone) {
          await sendReply(this.deps, ctx, { text: t('phone_invalid') });
          return Dialog.EndOfTurn;
        }
        state.phone = phone;
        state.phase = this.slots().length ? 'slot' : 'topic';
        break;
      }
      case 'slot': {
        const slot = own?.startsWith('callback:slot:') ? own.slice('callback:slot:'.length) : undefined;
        if (!slot || (slot !== 'any' && !this.slots().includes(slot))) {
          await sendReply(this.deps, ctx, { text: t('slot_invalid') });
          await this.ask(ctx, state);
          return Dialog.EndOfTurn;
        }
        state.slot = slot === 'any' ? t('slot_any') : slot;
        state.phase = 'topic';
        break;
      }
      case 'topic': {
        const id = own?.startsWith('callback:topic:') ? own.slice('callback:topic:'.length) : undefined;
        const answer = id ? this.deps.services.kb.answers.get(id) : undefined;
        state.topic = answer ? answer[lang].title : id === 'general' ? t('topic_general') : text.trim().slice(0, 200);
        state.phase = 'name';
        break;
      }
      case 'name': {
        const name = own === 'callback:noname' ? undefined : text.trim().slice(0, 80) || undefined;
        const saved = await this.deps.services.staff!.requestCallback({
          conv: conversationRefOf(ctx.activity), lang, phone: state.phone!, slot: state.slot ?? '–', topic: state.topic ?? '', name,
          reply: replyRefOf(ctx.activity, !!ctx.turnState.get(LOCAL_DIRECTLINE)),
        });
        await sendReply(this.deps, ctx, { text: t('done', { phone: saved.phone, slot: saved.slot, topic: saved.topic }) });
        return dc.endDialog();
      }
    }
    await this.ask(ctx, state);
    return Dialog.EndOfTurn;
  }
}

export class CallbackDialog extends GuidedDialog<FlowState> {
  constructor(deps: DialogDeps) {
    super(CALLBACK_DIALOG, deps, new CallbackFlow(deps));
  }
}
