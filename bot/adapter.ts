// CloudAdapter with Bot Framework authentication when MicrosoftAppId is set, and anonymous local use
// (Emulator, built-in web chat, the eval runner) when it is not.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConversationState, type TurnContext } from 'botbuilder';
import type { Config } from './config';
import type { Services } from './services';
import { conversationRef } from './careBot';

export function createAdapter(config: Config, services: Services, conversationState: ConversationState): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.auth.appId,
    MicrosoftAppPassword: config.auth.appPassword,
    MicrosoftAppType: config.auth.appType,
    MicrosoftAppTenantId: config.auth.tenantId,
  });
  const adapter = new CloudAdapter(auth);
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
