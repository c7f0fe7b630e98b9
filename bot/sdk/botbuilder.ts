// The botbuilder values the bot uses, without the package's index. The index also loads skills,
// Teams, SharePoint, the inspection middleware and the file transcript store, which this bot never
// uses: 55–80 ms CPU of every start with the code cache (docs/turn-cost-2026-12.md, session 17).
// They are the same objects (botbuilder's index re-exports botbuilder-core). Types may still come
// from 'botbuilder' (erased at build); values come from here.
// The connector's index is answered by a facade before botbuilder-core loads (./connector).
import './connector';
export {
  ActionTypes, ActivityHandler, ActivityTypes, BotCallbackHandlerKey, CardFactory, ConfigurationBotFrameworkAuthentication,
  ConversationState, DeliveryModes, MemoryStorage, StatusCodes, TestAdapter, TurnContext, UserState,
} from 'botbuilder-core';
export { CloudAdapter } from 'botbuilder/lib/cloudAdapter';
