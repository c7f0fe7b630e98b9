// createServer() builds the HTTP server without listening, so tests can start it on port 0.
import type * as restify from 'restify';
import { createServer as restifyServer, queryParser } from './sdk/restify';
import { z } from 'zod';
import type { Activity, ActivityHandler } from 'botbuilder';
import type { CareAdapter } from './adapter';
import type { Logger } from './services';
import pino from 'pino';
import { bodyReader } from './http/body';
import { serviceUrlProblem } from './http/serviceUrl';

export interface ServerDeps {
  adapter: CareAdapter;
  bot: ActivityHandler;
  log: Logger;
  /** further routes (web chat, Direct Line) registered by their own modules */
  routes?: ((server: restify.Server) => void)[];
  maxBodyBytes?: number;
  /** anonymous mode: hosts a reply may be sent to (see http/serviceUrl.ts); undefined = the SDK decides */
  serviceUrlHosts?: readonly string[];
}

// The minimum an activity needs before it reaches the SDK; everything else is optional there too.
const ActivityShape = z.object({
  type: z.string().min(1).max(64),
  conversation: z.object({ id: z.string().min(1).max(512) }),
  from: z.object({ id: z.string().min(1).max(512) }).optional(),
  text: z.string().optional(),
  locale: z.string().max(32).optional(),
  // plain channel names only: "#directline" is the built-in Direct Line's internal namespace
  channelId: z.string().max(64).regex(/^[A-Za-z0-9._-]+$/).optional(),
  serviceUrl: z.string().max(2048).optional(),
}).passthrough();

function problem(res: restify.Response, status: number, error: string, message: string): void {
  res.status(status);
  res.json({ error, message });
}

export function createServer(deps: ServerDeps): restify.Server {
  // restify's own logger would write whole requests (Authorization header included) when a response
  // cannot be formatted; it stays silent, and 'after' below logs method, route and status only
  const server = restifyServer({ name: 'pflegenetz', handleUncaughtExceptions: false, log: pino({ level: 'silent' }) as unknown as restify.ServerOptions['log'] });
  server.use(queryParser({ mapParams: false }));
  server.use(bodyReader({ maxBytes: deps.maxBodyBytes ?? 256 * 1024 }));

  server.get('/healthz', async (_req, res) => {
    res.json({ status: 'ok' });
  });

  server.post('/api/messages', async (req, res) => {
    const parsed = ActivityShape.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problem(res, 400, 'BadActivity', `Not a valid Bot Framework activity: ${issue.path.join('.') || 'body'}: ${issue.message}`);
      return;
    }
    if (parsed.data.type === 'message' && !parsed.data.from) {
      problem(res, 400, 'BadActivity', 'A message activity needs "from".');
      return;
    }
    const inProcess = deps.adapter.canRunInProcess(parsed.data as Partial<Activity>);
    if (!inProcess && deps.serviceUrlHosts) {
      // the reply would go to serviceUrl: only to the allowed hosts (checked before any turn runs)
      const why = serviceUrlProblem(parsed.data.serviceUrl, deps.serviceUrlHosts);
      if (why) {
        problem(res, 400, 'BadServiceUrl', why);
        return;
      }
    }
    try {
      if (inProcess) {
        const r = await deps.adapter.runInProcess(req.body as Activity, (ctx) => deps.bot.run(ctx));
        res.status(r.status);
        res.json(r.body);
        return;
      }
      await deps.adapter.process(req, res, (ctx) => deps.bot.run(ctx));
    } catch (err) {
      deps.log.error({ err: { message: (err as Error).message } }, 'request failed');
      if (!res.headersSent) problem(res, 500, 'InternalError', 'The message could not be processed. Please try again.');
    }
  });

  for (const register of deps.routes ?? []) register(server);

  server.on('after', (req: restify.Request, res: restify.Response, route: { path?: unknown } | null) => {
    if (res.statusCode >= 500) deps.log.error({ method: req.method, route: typeof route?.path === 'string' ? route.path : undefined, status: res.statusCode }, 'request failed');
  });

  server.on('restifyError', (_req: restify.Request, _res: restify.Response, err: Error & { statusCode?: number }, cb: () => void) => {
    // bodyParser errors (malformed JSON, too large) keep their 4xx status with a readable message
    if (err.statusCode && err.statusCode < 500) deps.log.warn({ status: err.statusCode, name: err.name }, 'bad request');
    cb();
  });
  return server;
}
