// The SDK's own floor for `npm run bench`: the stock Bot Framework echo bot (CloudAdapter +
// ActivityHandler + ConversationState on MemoryStorage) behind restify, as the samples build it.
// With `--lean`, the same echo bot behind this project's server (bot/server.ts: activity validation,
// CareAdapter's in-process path), so the bench shows what the transport costs on the bot's own path.
// Anonymous (no app id) and on 127.0.0.1 only. Port from PORT; prints one JSON line when listening.
import * as restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage } from 'botbuilder';
import { CareAdapter } from '../../bot/adapter';
import { createServer } from '../../bot/server';
import type { Logger } from '../../bot/services';

class EchoBot extends ActivityHandler {
  constructor(private readonly state: ConversationState) {
    super();
    // a turn counter keeps the state read/write in the loop, as any stateful bot has it
    const turns = state.createProperty<number>('turns');
    this.onMessage(async (ctx, next) => {
      await turns.set(ctx, (await turns.get(ctx, 0)) + 1);
      await ctx.sendActivity(ctx.activity.text ?? '');
      await next();
    });
  }

  override async run(ctx: Parameters<ActivityHandler['run']>[0]): Promise<void> {
    await super.run(ctx);
    await this.state.saveChanges(ctx, false);
  }
}

const bot = new EchoBot(new ConversationState(new MemoryStorage()));
const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };
let server: restify.Server;
if (process.argv.includes('--lean')) {
  server = createServer({ adapter: new CareAdapter(new ConfigurationBotFrameworkAuthentication({}), true), bot, log: quiet });
} else {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  server = restify.createServer({ name: 'echo-bot' });
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.get('/healthz', async (_req, res) => {
    res.json({ status: 'ok' });
  });
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (ctx) => bot.run(ctx));
  });
}
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(JSON.stringify({ listening: server.address().port }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
