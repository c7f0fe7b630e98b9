// CloudAdapter with Bot Framework authentication when MicrosoftAppId is set, and anonymous local use
// (Emulator, built-in web chat, the eval runner) when it is not.
//
// In-process path: without credentials there is nothing to authenticate, and a request with
// deliveryMode "expectReplies" gets its replies in the HTTP body, so the SDK's per-request clients
// are skipped (it pays for itself: docs/decisions.md, "SDK fast paths"). Such turns run the same
// middleware, bot logic and onTurnError as CloudAdapter's, with the same anonymous identity.
// With MicrosoftAppId set every request takes CloudAdapter's authenticated path.
import type { Activity, ConversationState, InvokeResponse } from 'botbuilder';
import {
  ActivityTypes, BotCallbackHandlerKey, CloudAdapter, TurnContext, ConfigurationBotFrameworkAuthentication, DeliveryModes, StatusCodes,
} from './sdk/botbuilder';
import {
  AuthenticationConstants, BotFrameworkAuthentication, ClaimsIdentity, type AuthenticateRequestResult, type BotFrameworkClient,
  type ConnectorClientOptions, type ConnectorFactory, type UserTokenClient,
} from 'botframework-connector';
import { timeoutHttpClient } from './http/timeoutClient';
import type { Config } from './config';
import type { Services } from './services';
import { conversationRef } from './careBot';
import { LOCAL_DIRECTLINE } from './store/jsonConversationState';

/**
 * Anonymous use builds its authentication object on first use: creating it touches the connector's
 * clients, which the start then need not load (bot/sdk/connector.ts). In-process turns never use it;
 * a posted activity (replies to a serviceUrl, an Emulator) builds it on its first request. Every
 * method of BotFrameworkAuthentication is handed on, so the object behaves as the one it builds.
 */
export class DeferredAuthentication extends BotFrameworkAuthentication {
  private built?: BotFrameworkAuthentication;
  constructor(private readonly build: () => BotFrameworkAuthentication) {
    super();
  }
  /** whether the real object exists yet */
  get isBuilt(): boolean {
    return this.built !== undefined;
  }
  private get auth(): BotFrameworkAuthentication {
    return (this.built ??= this.build());
  }
  authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.auth.authenticateRequest(activity, authHeader);
  }
  authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.auth.authenticateStreamingRequest(authHeader, channelIdHeader);
  }
  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.auth.createConnectorFactory(claimsIdentity);
  }
  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.auth.createUserTokenClient(claimsIdentity);
  }
  override createBotFrameworkClient(): BotFrameworkClient {
    return this.auth.createBotFrameworkClient();
  }
  override getOriginatingAudience(): string {
    return this.auth.getOriginatingAudience();
  }
  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.auth.authenticateChannelRequest(authHeader);
  }
}

export class CareAdapter extends CloudAdapter {
  constructor(auth: BotFrameworkAuthentication, private readonly anonymous: boolean) {
    super(auth);
  }

  /** Whether this activity may skip the connector: no credentials configured and replies expected in the body. */
  canRunInProcess(activity: Partial<Activity>): boolean {
    return this.anonymous && activity.deliveryMode === DeliveryModes.ExpectReplies && activity.type !== ActivityTypes.Invoke;
  }

  /** Runs one turn whose replies come back in the result (status 200, body { activities }). */
  async runInProcess(activity: Activity, logic: (ctx: TurnContext) => Promise<void>): Promise<InvokeResponse> {
    if (!this.canRunInProcess(activity)) throw new Error('runInProcess: only for anonymous expectReplies activities');
    return { status: StatusCodes.OK, body: { activities: await this.turnWithReplies(activity, logic) } };
  }

  /**
   * A turn for a channel that lives in this process (the built-in Direct Line): it has authenticated
   * its user itself and nothing crosses the network, so no Bot Framework token is involved, with or
   * without MicrosoftAppId. Returns the replies.
   */
  runLocalTurn(activity: Activity, logic: (ctx: TurnContext) => Promise<void>): Promise<Partial<Activity>[]> {
    return this.turnWithReplies({ ...activity, deliveryMode: DeliveryModes.ExpectReplies }, logic, true);
  }

  private async turnWithReplies(activity: Activity, logic: (ctx: TurnContext) => Promise<void>, localDirectLine = false): Promise<Partial<Activity>[]> {
    fixActivity(activity);
    const identity = new ClaimsIdentity([], AuthenticationConstants.AnonymousAuthType);
    // no connector client: with expectReplies TurnContext buffers every reply instead of sending it
    const ctx = new TurnContext(this, activity);
    ctx.turnState.set(this.BotIdentityKey, identity);
    ctx.turnState.set(BotCallbackHandlerKey, logic);
    // its state is kept apart from anything /api/messages can name (store/jsonConversationState.ts)
    if (localDirectLine) ctx.turnState.set(LOCAL_DIRECTLINE, true);
    await this.runMiddleware(ctx, logic);
    return ctx.bufferedReplyActivities;
  }
}

/** What CloudAdapter does to a posted activity before its turn (botbuilder's validateAndFixActivity):
 *  timestamps arrive as strings. test/http/sdkInternals.test.ts fails if the SDK starts doing more. */
export function fixActivity(activity: Activity): Activity {
  const raw = activity as Activity & { timestamp?: Date | string; localTimestamp?: Date | string; rawTimestamp?: string; rawLocalTimestamp?: string };
  if (typeof raw.timestamp === 'string') { raw.rawTimestamp = raw.timestamp; raw.timestamp = new Date(raw.timestamp); }
  if (typeof raw.localTimestamp === 'string') { raw.rawLocalTimestamp = raw.localTimestamp; raw.localTimestamp = new Date(raw.localTimestamp); }
  return activity;
}

export function createAdapter(config: Config, services: Services, conversationState: ConversationState): CareAdapter {
  const anonymous = !config.auth.appId;
  const build = (): ConfigurationBotFrameworkAuthentication => new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.auth.appId,
    MicrosoftAppPassword: config.auth.appPassword,
    MicrosoftAppType: config.auth.appType,
    MicrosoftAppTenantId: config.auth.tenantId,
  }, undefined, undefined, undefined,
  // anonymous: replies to the Emulator (allowed hosts only, see http/serviceUrl.ts) with a deadline
  anonymous ? ({ httpClient: timeoutHttpClient(config.serviceUrlTimeoutMs) } as unknown as ConnectorClientOptions) : undefined);
  // with credentials nothing is deferred: every request authenticates with the object built here
  const adapter = new CareAdapter(anonymous ? new DeferredAuthentication(build) : build(), anonymous);
  adapter.onTurnError = async (ctx: TurnContext, error: Error) => {
    // Log where, never what the citizen wrote. Reset the conversation so one error does not repeat.
    services.log.error({ conv: conversationRef(ctx), err: { name: error.name, message: error.message, stack: error.stack } }, 'turn failed');
    try {
      const loc = (ctx.activity.locale ?? '').slice(0, 2);
      await ctx.sendActivity(services.i18n.t('error', { lng: loc === 'en' ? 'en' : loc === 'de' ? 'de' : services.defaultLang }));
      await conversationState.delete(ctx);
    } catch {
      /* the channel may be gone; nothing more to do */
    }
  };
  return adapter;
}
