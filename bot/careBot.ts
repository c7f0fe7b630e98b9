// The Bot Framework edge: every message is checked for a crisis first, then validated, then handed
// to the dialogs. State is saved at the end of each turn (or deleted on request).
import type { ConversationState, InvokeResponse, Storage, StatePropertyAccessor, TurnContext, UserState } from 'botbuilder';
import { ActivityHandler, ActivityTypes } from './sdk/botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { DialogRunner } from '../dialogs/runner';
import { conversationRefOf, isStaffExplain } from './staff/conversation';
import type { Lang } from './knowledge/schema';
import type { Services } from './services';
import { MainDialog } from '../dialogs/mainDialog';
import { getMemory, sendReply, setTurnInfo, turnNlu, turnOf, unansweredOf } from '../dialogs/context';
import { topicMenu, type Memory } from './conversation/turn';
import { looksForeign } from './nlu/detect';
import { readSentences } from './nlu/message';
import { crisisHelpReply } from './safety/crisisReply';
import { forgetMessageTexts } from './memo';
import type { Assessment } from './safety/safety';

/** intents that are not a care topic: not counted in the planning report */
const NOT_TOPICS = new Set(['greeting', 'help', 'cancel', 'thanks', 'goodbye', 'privacy', 'delete_data', 'out_of_scope', 'None']);

export interface CareBotDeps {
  services: Services;
  storage: Storage;
  conversationState: ConversationState;
  userState: UserState;
  dialogState: StatePropertyAccessor<DialogState>;
  memory: StatePropertyAccessor<Memory>;
  dialog: MainDialog;
}

/** no letter and no digit, but at least one pictograph ("👍🙂") */
export function isEmojiOnly(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text) && /\p{Extended_Pictographic}/u.test(text);
}
/** scripts the bot cannot answer in: a clear message beats a wrong guess */
const OTHER_SCRIPT = /[\p{Script=Arabic}\p{Script=Cyrillic}\p{Script=Han}\p{Script=Hebrew}\p{Script=Greek}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** a short hash, so logs (and the staff inbox) can follow a conversation without exposing channel ids */
export function conversationRef(ctx: TurnContext): string {
  return conversationRefOf(ctx.activity);
}

export class CareBot extends ActivityHandler {
  private readonly runner: DialogRunner;

  constructor(private readonly deps: CareBotDeps) {
    super();
    this.runner = new DialogRunner(deps.dialog, deps.dialogState);
    this.onMembersAdded(async (ctx, next) => {
      const botId = ctx.activity.recipient?.id;
      if ((ctx.activity.membersAdded ?? []).some((m) => m.id !== botId)) await this.welcome(ctx);
      await next();
    });
  }

  private localeLang(ctx: TurnContext): Lang | 'other' | undefined {
    const loc = (ctx.activity.locale ?? '').toLowerCase().slice(0, 2);
    if (!loc) return undefined;
    return loc === 'de' || loc === 'en' ? loc : 'other';
  }

  private async welcome(ctx: TurnContext): Promise<void> {
    const { services } = this.deps;
    const l = this.localeLang(ctx);
    const lang: Lang = l === 'de' || l === 'en' ? l : services.defaultLang;
    setTurnInfo(ctx, { lang, text: '', seed: `${conversationRef(ctx)}:${services.today()}` });
    const t = (k: string) => services.i18n.t(k, { lng: lang });
    await sendReply(this.deps, ctx, { text: t('welcome'), suggestions: topicMenu(t) });
  }

  private async handleMessage(ctx: TurnContext): Promise<void> {
    const { services, memory } = this.deps;
    const started = Date.now();
    const full = typeof ctx.activity.text === 'string' ? ctx.activity.text : '';
    // No pattern ever sees more than maxMessageChars characters, so no input can make a turn slow
    // (docs/hostile.md). A longer message is answered "too long", but its first and its last
    // maxMessageChars characters still go through the crisis check: someone in crisis who pastes a
    // long text must get the crisis answer, not a request to shorten it.
    const max = services.maxMessageChars;
    const tooLong = full.trim().length > max;
    const raw = tooLong ? full.slice(0, max) : full;
    const text = raw.trim();
    const mem = await getMemory({ services, memory }, ctx);
    const locale = this.localeLang(ctx);
    const remembered = mem.lang;
    const detected = text ? services.nlu.detectLanguage(text.slice(0, 500)) : undefined;
    const known = remembered ?? (locale === 'de' || locale === 'en' ? locale : undefined);
    // A district name or a button title ("Altstadt I") says nothing about the language: short
    // texts keep the language the conversation already has.
    const shortText = text.split(/\s+/).filter(Boolean).length < 3;
    const lang: Lang = (known && shortText ? known : detected ?? known) ?? services.defaultLang;
    mem.lang = lang;
    setTurnInfo(ctx, { lang, text, seed: `${conversationRef(ctx)}:${services.today()}` });
    const t = (k: string, o: Record<string, unknown> = {}) => services.i18n.t(k, { lng: lang, ...o });

    // 1. Safety first, before any other check. A clear crisis gets the numbers and nothing else; a
    // possible one gets the usual answer and one gentle line after it. A too-long message is checked
    // on its first and its last maxMessageChars characters (the stronger finding counts).
    const head = services.safety.assess(raw);
    const tail = tooLong && head?.strength !== 'clear' ? services.safety.assess(full.slice(-max)) : undefined;
    const found = tail && (!head || tail.strength === 'clear') ? tail : head;
    // The last reply asked directly whether the writer thinks of ending their life (holds for one
    // message): "ja" is a clear crisis, "nein" is thanked and the care thread stays as it was.
    const asked = mem.crisisAsked;
    mem.crisisAsked = undefined;
    const answer = asked && !found ? this.askedAnswer(text) : undefined;
    if (answer === 'no') {
      await ctx.sendActivity(t('crisis_ask_no'));
      return;
    }
    const crisis: Assessment | undefined = answer === 'yes' ? { kind: 'suicidal', strength: 'clear' } : found;
    if (crisis?.strength === 'clear') {
      services.log.warn({ conv: conversationRef(ctx), crisis: crisis.kind }, 'crisis message answered');
      await ctx.sendActivity(t(`crisis.${crisis.kind}`));
      // the numbers stay first; a care question the message also asks (relief for a carer at the
      // limit, help for someone living alone in neglect) gets one short curated answer after them
      const help = services.safety.helpAfterCrisis(crisis === tail ? full.slice(-max) : raw, crisis.kind);
      if (help) await ctx.sendActivity(crisisHelpReply(t(`crisis_help.${help}`), help === 'self_neglect' ? services.local.people(lang) : []));
      await ctx.sendActivity(t('crisis_after'));
      return;
    }
    // 2. What cannot be a question.
    if (!text) {
      await ctx.sendActivity(t(ctx.activity.attachments?.length ? 'attachment' : 'empty'));
      return;
    }
    if (tooLong) {
      await ctx.sendActivity(t('too_long', { length: full.trim().length }));
      if (crisis) await ctx.sendActivity(t(`crisis_gentle.${crisis.kind}`));
      return;
    }
    if (isEmojiOnly(text)) {
      await ctx.sendActivity(t('emoji_only'));
      return;
    }
    if ((!detected && (locale === 'other' || OTHER_SCRIPT.test(text)) && !/^\d+$/.test(text)) || looksForeign(text)) {
      await ctx.sendActivity(services.i18n.t('unsupported_language', { lng: services.defaultLang }));
      return;
    }
    // 3. Overload, guilt, fear or grief: acknowledged first, in one curated sentence, with the
    // carers' help beside it (the gentle line of a possible crisis names its own help instead).
    // A message that also asks something gets the one sentence, then its answer; the carers' help
    // follows the answer, so the acknowledgement never stands in for it (issue 17).
    // A possible death wish the model reads strongly, outside any care topic: one direct, kind
    // question with the numbers first (asking does not raise risk), then still the care answer.
    const ask = crisis?.ask && !tooLong;
    if (ask) {
      mem.crisisAsked = true;
      services.log.info({ conv: conversationRef(ctx), askedCrisis: crisis.kind }, 'crisis question asked');
      await ctx.sendActivity(t(`crisis_ask.${crisis.kind}`));
    }
    const feeling = services.safety.feeling(text);
    const asks = !!feeling && !crisis && readSentences(text).some((x) => x.question);
    if (feeling) await ctx.sendActivity(crisis || asks ? t(`feelings.${feeling}`) : `${t(`feelings.${feeling}`)} ${t('feelings_help')}`);
    // 4. The dialogs.
    await this.runner.run(ctx);
    if (asks) await ctx.sendActivity(t('feelings_help'));
    if (crisis && !ask) {
      services.log.info({ conv: conversationRef(ctx), possibleCrisis: crisis.kind }, 'gentle line added');
      await ctx.sendActivity(t(`crisis_gentle.${crisis.kind}`));
    }
    await this.tellStaff(ctx, lang, text, mem);
    services.log.info({ conv: conversationRef(ctx), ms: Date.now() - started, ...(services.logUserText ? { text } : {}) }, 'turn');
  }

  /** "ja" or "nein" to the direct question about a death wish (locales/<lng>/commands.json); else undefined */
  private askedAnswer(text: string): 'yes' | 'no' | undefined {
    const plain = text.trim().toLowerCase().replace(/[.!]+$/, '');
    const words = this.deps.services.words;
    return words.has('crisis_no', plain) ? 'no' : words.has('crisis_yes', plain) ? 'yes' : undefined;
  }

  /** The staff area learns what was asked (redacted) when it went unanswered, and counts the topic;
   *  the citizen learns of a callback that staff have marked since their last message. */
  private async tellStaff(ctx: TurnContext, lang: Lang, text: string, mem: Memory): Promise<void> {
    const staff = this.deps.services.staff;
    if (!staff || isStaffExplain(ctx.activity)) return;
    const conv = conversationRef(ctx);
    const r = turnNlu(ctx);
    const topic = r && !NOT_TOPICS.has(r.intent) && r.score >= this.deps.services.nlu.threshold ? r.intent : undefined;
    staff.turn({ conv, lang, text: r ? text : '', intent: r?.intent, score: r?.score, stadtteil: mem.stadtteil, unanswered: unansweredOf(ctx), topic });
    for (const status of await staff.takeNotices(conv)) {
      await ctx.sendActivity(this.deps.services.i18n.t(`callback_notice.${status}`, { lng: lang }));
    }
  }

  // The bot offers no invoke operations (no Action.Execute cards, sign-in or search), so every
  // invoke is a request it cannot serve: 400, not the SDK's 501, since a 5xx tells monitoring the
  // server failed (found by the fuzz run of test/hostile/fuzz.slow.ts).
  protected override async onInvokeActivity(): Promise<InvokeResponse> {
    return { status: 400, body: { error: 'UnsupportedInvoke', message: 'This bot does not handle invoke activities.' } };
  }

  override async run(ctx: TurnContext): Promise<void> {
    // Messages skip ActivityHandler's event chain, which adds nothing for them (docs/decisions.md,
    // "SDK fast paths"); other activities take it.
    if (ctx.activity?.type === ActivityTypes.Message) await this.handleMessage(ctx);
    else await super.run(ctx);
    if (turnOf(ctx).deleteRequested) {
      await this.deleteData(ctx);
      return;
    }
    if (ctx.activity.type === ActivityTypes.Message || ctx.activity.type === ActivityTypes.ConversationUpdate) {
      await this.deps.conversationState.saveChanges(ctx, false);
      await this.deps.userState.saveChanges(ctx, false);
    }
  }

  /** Removes everything stored for this conversation and this user. */
  async deleteData(ctx: TurnContext): Promise<void> {
    const keys = [this.deps.conversationState.getStorageKey(ctx), this.deps.userState.getStorageKey(ctx)].filter((k): k is string => !!k);
    await this.deps.conversationState.clear(ctx);
    await this.deps.userState.clear(ctx);
    await this.deps.storage.delete(keys);
    await this.deps.services.staff?.forget(conversationRef(ctx));
    // texts of this conversation kept in memory for speed (the folding and sentence memos)
    forgetMessageTexts();
  }
}
