// A small Direct Line v3 service inside the bot's own server, for local and on-premise use without
// Azure. The client side speaks Direct Line v3 (REST + polling; no websocket stream). The bot side is
// the real Bot Framework pipeline: each user activity runs as a turn in this process with
// deliveryMode "expectReplies" (`runTurn`, CareAdapter.runLocalTurn), and the replies go straight
// into the conversation. No HTTP round trip to itself and no connector endpoints to protect, and it
// works whether or not /api/messages demands Bot Framework tokens (the Direct Line token already
// identifies the user).
import type * as restify from 'restify';
import { z } from 'zod';
import type { Logger } from '../services';
import { randomId, type Conversation, type DirectLineStore, type DlAccount, type DlActivity, type TokenGrant } from './store';

export const DIRECTLINE_PATH = '/v3/directline';
export const CHANNEL_ID = 'webchat';
export const BOT_ACCOUNT: DlAccount = { id: 'pflegenetz-bot', role: 'bot' };

export interface DirectLineDeps {
  store: DirectLineStore;
  log: Logger;
  /** largest activity a client may post, in bytes (default 64 KB) */
  maxActivityBytes?: number;
  /** refuses a new conversation for this caller (rate limit); default: never */
  limitNewConversation?: (req: restify.Request) => boolean;
  /** the caller's address for the per-address cap of live conversations (default: none) */
  addressOf?: (req: restify.Request) => string;
  /** runs one turn in this process and returns the bot's replies (CareAdapter.runLocalTurn) */
  runTurn: (activity: DlActivity) => Promise<Array<Record<string, unknown>>>;
}

export interface DirectLineService {
  /** resolves when every activity delivered so far has been answered by the bot */
  idle(): Promise<void>;
  /** a message from the bot that no turn asked for (a callback confirmation); false when the conversation is gone */
  post(conversationId: string, activity: Record<string, unknown>): boolean;
}

/** turns waiting for the bot per conversation; more is a client flooding, not a person typing */
const MAX_PENDING_TURNS = 10;
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/;
const CLIENT_TYPES = new Set(['message', 'event', 'typing', 'messageReaction']);

const StartBody = z.object({
  user: z.object({ id: z.string().max(64).optional(), name: z.string().max(256).optional() }).passthrough().optional(),
  locale: z.string().max(35).regex(LOCALE).optional(),
}).passthrough();

const ClientActivity = z.object({
  type: z.string().min(1).max(64),
  text: z.string().optional(),
  locale: z.string().max(35).regex(LOCALE).optional(),
  from: z.object({ id: z.string().max(256).optional(), name: z.string().max(256).optional() }).passthrough().optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
}).passthrough();


type Fail = { status: number; code: string; message: string };

function fail(res: restify.Response, f: Fail): void {
  res.status(f.status);
  res.json({ error: { code: f.code, message: f.message } });
}

function bodyBytes(req: restify.Request): number {
  const raw = (req as restify.Request & { rawBody?: unknown }).rawBody;
  if (typeof raw === 'string') return Buffer.byteLength(raw);
  if (Buffer.isBuffer(raw)) return raw.length;
  const len = Number(req.header('content-length'));
  return Number.isFinite(len) ? len : Buffer.byteLength(JSON.stringify(req.body ?? ''));
}

function param(req: restify.Request, name: string): string {
  const v = String((req.params as Record<string, unknown>)[name] ?? '');
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

function conversationView(c: Conversation, g: TokenGrant, now: number) {
  // no streamUrl: this service offers polling only, and clients must not try a websocket
  return { conversationId: c.id, token: g.token, expires_in: Math.max(0, Math.round((g.expiresAt - now) / 1000)) };
}

export function registerDirectLine(server: restify.Server, deps: DirectLineDeps): DirectLineService {
  const { store, log } = deps;
  const maxBytes = deps.maxActivityBytes ?? 64 * 1024;
  const queues = new Map<string, { tail: Promise<void>; pending: number }>();

  /** Replies of the bot become activities of the conversation, sent by the bot to its user. */
  function asBotActivity(c: Conversation, raw: Record<string, unknown>): DlActivity {
    const { serviceUrl: _s, id: _id, ...rest } = raw as DlActivity;
    void [_s, _id];
    return {
      ...rest,
      timestamp: new Date().toISOString(),
      channelId: CHANNEL_ID,
      conversation: { id: c.id },
      from: { ...BOT_ACCOUNT, ...(rest.from ?? {}), role: 'bot' },
      recipient: c.user,
    };
  }

  /** Types a channel never shows: the adapter handles them itself. */
  const NOT_SHOWN = new Set(['delay', 'invokeResponse', 'trace']);

  async function runLocal(c: Conversation, activity: DlActivity): Promise<void> {
    try {
      const replies = await deps.runTurn({ ...activity, deliveryMode: 'expectReplies' });
      for (const r of replies) {
        if (typeof r.type === 'string' && !NOT_SHOWN.has(r.type) && store.get(c.id)) store.append(c, asBotActivity(c, r));
      }
    } catch (err) {
      log.warn({ err: { name: (err as Error).name, message: (err as Error).message } }, 'directline: the turn failed');
    }
  }

  /** One turn at a time per conversation, in order, so state is never written by two turns at once. */
  function deliver(c: Conversation, activity: DlActivity): void {
    const full: DlActivity = { ...activity, channelId: CHANNEL_ID, conversation: { id: c.id }, recipient: BOT_ACCOUNT };
    const q = queues.get(c.id) ?? { tail: Promise.resolve(), pending: 0 };
    q.pending += 1;
    q.tail = q.tail.then(() => runLocal(c, full)).then(() => {
      q.pending -= 1;
      if (!q.pending) queues.delete(c.id);
    });
    queues.set(c.id, q);
  }

  const busy = (c: Conversation) => (queues.get(c.id)?.pending ?? 0) >= MAX_PENDING_TURNS;

  function start(c: Conversation): void {
    if (c.started) return;
    c.started = true;
    deliver(c, {
      type: 'conversationUpdate',
      id: randomId(12),
      timestamp: new Date().toISOString(),
      from: c.user,
      membersAdded: [{ id: c.user.id, role: 'user' }],
      ...(c.locale ? { locale: c.locale } : {}),
    });
  }

  function grantOf(req: restify.Request): TokenGrant | Fail {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.header('authorization') ?? '');
    if (!m) return { status: 401, code: 'MissingToken', message: 'Send the token as "Authorization: Bearer TOKEN".' };
    const g = store.grant(m[1]);
    if (!g) return { status: 403, code: 'TokenExpired', message: 'The token is unknown or has expired.' };
    return g;
  }

  /**
   * Token first, then the conversation. Another conversation's id gets 403 whether it exists or
   * not (no oracle for ids); only the token's own conversation can be "not found" (it has ended).
   */
  function authorize(req: restify.Request, conversationId?: string): { grant: TokenGrant; conversation: Conversation } | Fail {
    const g = grantOf(req);
    if ('status' in g) return g;
    if (conversationId !== undefined && conversationId !== g.conversationId) return { status: 403, code: 'Forbidden', message: 'The token is not valid for this conversation.' };
    const c = store.get(g.conversationId);
    if (!c) return { status: 404, code: 'ConversationNotFound', message: 'This conversation does not exist or has ended.' };
    return { grant: g, conversation: c };
  }

  function newConversation(req: restify.Request, res: restify.Response): { conversation: Conversation; grant: TokenGrant } | undefined {
    if (deps.limitNewConversation?.(req)) {
      fail(res, { status: 429, code: 'TooManyRequests', message: 'Too many new conversations from this address. Please wait a minute.' });
      return undefined;
    }
    const address = deps.addressOf?.(req) ?? '';
    const created = store.create(address);
    if (!created) {
      res.header('Retry-After', '60');
      const perAddress = store.refusal(address) === 'address';
      fail(res, perAddress
        ? { status: 429, code: 'TooManyRequests', message: 'Too many open conversations from this address. Please end one or wait a few minutes.' }
        : { status: 429, code: 'TooManyConversations', message: 'The chat is very busy right now. Please try again in a minute.' });
      return undefined;
    }
    return created;
  }

  const D = DIRECTLINE_PATH;

  server.post(`${D}/tokens/generate`, async (req, res) => {
    const created = newConversation(req, res);
    if (!created) return;
    res.json(conversationView(created.conversation, created.grant, Date.now()));
  });

  server.post(`${D}/tokens/refresh`, async (req, res) => {
    const a = authorize(req);
    if ('status' in a) return fail(res, a);
    res.json(conversationView(a.conversation, store.issue(a.conversation), Date.now()));
  });

  server.post(`${D}/conversations`, async (req, res) => {
    const a = authorize(req);
    if ('status' in a) return fail(res, a);
    const parsed = StartBody.safeParse(req.body && typeof req.body === 'object' ? req.body : {});
    if (!parsed.success) return fail(res, { status: 400, code: 'BadArgument', message: `Invalid start request: ${parsed.error.issues[0].path.join('.')}` });
    const c = a.conversation;
    const isNew = !c.started;
    if (isNew && parsed.data.locale) c.locale = parsed.data.locale;
    start(c);
    res.status(isNew ? 201 : 200);
    res.json(conversationView(c, a.grant, Date.now()));
  });

  server.get(`${D}/conversations/:conversationId`, async (req, res) => {
    const a = authorize(req, param(req, 'conversationId'));
    if ('status' in a) return fail(res, a);
    start(a.conversation);
    res.json(conversationView(a.conversation, a.grant, Date.now()));
  });

  // Not part of Direct Line v3: lets "new conversation" forget the old transcript right away.
  server.del(`${D}/conversations/:conversationId`, async (req, res) => {
    const a = authorize(req, param(req, 'conversationId'));
    if ('status' in a) return fail(res, a);
    store.remove(a.conversation.id);
    res.status(204);
    res.end();
  });

  server.get(`${D}/conversations/:conversationId/activities`, async (req, res) => {
    const a = authorize(req, param(req, 'conversationId'));
    if ('status' in a) return fail(res, a);
    const w = (req.query as Record<string, unknown> | undefined)?.watermark;
    res.json(store.after(a.conversation, typeof w === 'string' ? w : undefined));
  });

  server.post(`${D}/conversations/:conversationId/activities`, async (req, res) => {
    const a = authorize(req, param(req, 'conversationId'));
    if ('status' in a) return fail(res, a);
    if (bodyBytes(req) > maxBytes) return fail(res, { status: 413, code: 'MessageSizeTooBig', message: `An activity may be at most ${maxBytes} bytes.` });
    if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) {
      return fail(res, { status: 400, code: 'BadArgument', message: 'Send one activity as a JSON object (Content-Type: application/json).' });
    }
    const parsed = ClientActivity.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail(res, { status: 400, code: 'BadArgument', message: `Invalid activity: ${issue.path.join('.') || 'body'}: ${issue.message}` });
    }
    if (!CLIENT_TYPES.has(parsed.data.type)) {
      return fail(res, { status: 400, code: 'BadArgument', message: `Activity type "${parsed.data.type}" cannot be sent by a client.` });
    }
    const c = a.conversation;
    if (busy(c)) {
      res.header('Retry-After', '5');
      return fail(res, { status: 429, code: 'TooManyRequests', message: 'Please wait for the answer before sending more.' });
    }
    start(c);
    // Fields that only the service sets are replaced; everything else (channelData with
    // clientActivityID, entities, value, attachments) is kept so the client recognises its echo.
    const { id: _id, serviceUrl: _s, recipient: _r, conversation: _c, channelId: _ch, replyToId: _rt, ...rest } = parsed.data;
    void [_id, _s, _r, _c, _ch, _rt];
    const stored = store.append(c, {
      ...rest,
      type: parsed.data.type,
      timestamp: new Date().toISOString(),
      channelId: CHANNEL_ID,
      conversation: { id: c.id },
      from: { ...(parsed.data.from?.name ? { name: parsed.data.from.name } : {}), id: c.user.id, role: 'user' },
    });
    deliver(c, stored);
    res.json({ id: stored.id });
  });

  return {
    async idle() {
      while (queues.size) await Promise.all([...queues.values()].map((q) => q.tail));
    },
    post(conversationId, activity) {
      const c = store.get(conversationId);
      if (!c) return false;
      store.append(c, asBotActivity(c, activity));
      return true;
    },
  };
}
