// The one way tests talk to the bot: `send`/`say` through a DialogTestClient (the real MainDialog),
// `sayInProcess` through the real app's in-process turn, and `sayHttp` over HTTP to a running
// server's /api/messages. All build the same channel message and read replies the same way.
import type { Activity } from 'botbuilder';
import type { DialogTestClient } from 'botbuilder-testing';
import type { App } from '../../bot/app';
import { shown } from './app';

/** All activities the bot sent in reply to one message. */
export async function send(client: DialogTestClient, text: string): Promise<Partial<Activity>[]> {
  const out: Partial<Activity>[] = [await client.sendActivity(text)];
  for (let r = client.getNextReply(); r; r = client.getNextReply()) out.push(r);
  return out.filter(Boolean);
}

/** Everything the replies to one message show (text, cards, buttons), one activity after another. */
export async function say(client: DialogTestClient, text: string): Promise<string> {
  return (await send(client, text)).map((a) => shown(a)).join('\n---\n');
}

export interface ChatOptions {
  channelId?: string;
  serviceUrl?: string;
  /** false: the channel takes replies at its serviceUrl instead of in the HTTP answer */
  expectReplies?: boolean;
  botId?: string;
  /** the user's id is this prefix and the conversation id */
  userPrefix?: string;
  locale?: string;
}

let seq = 0;

/** A channel's message activity as the Bot Framework service posts it. */
export function chatMessage(conv: string, text: string, o: ChatOptions = {}): Record<string, unknown> {
  return {
    type: 'message', id: `m${++seq}`, text, channelId: o.channelId ?? 'emulator', serviceUrl: o.serviceUrl ?? 'http://localhost',
    ...(o.expectReplies === false ? {} : { deliveryMode: 'expectReplies' }),
    from: { id: `${o.userPrefix ?? 'user-'}${conv}` }, recipient: { id: o.botId ?? 'bot' }, conversation: { id: conv }, locale: o.locale ?? 'de-DE',
  };
}

type Button = { title: string; value: string };
type ReplyActivity = {
  type: string; text?: string; suggestedActions?: { actions: Button[] }; attachments?: { content?: { title?: string; buttons?: Button[] } }[];
};

export interface Said {
  status: number;
  /** the replies' texts and card titles */
  text: string;
  /** each reply's text with its attachments as JSON */
  full: string;
  buttons: Button[];
  cardButtons: Button[];
}

function readReplies(status: number, activities: ReplyActivity[]): Said {
  const acts = activities.filter((a) => a.type === 'message');
  return {
    status,
    text: acts.map((a) => [a.text ?? '', ...(a.attachments ?? []).map((c) => c.content?.title ?? '')].join('\n')).join('\n'),
    full: acts.map((a) => [a.text ?? '', JSON.stringify(a.attachments ?? [])].join(' ')).join('\n'),
    buttons: acts.flatMap((a) => a.suggestedActions?.actions ?? []),
    cardButtons: acts.flatMap((a) => (a.attachments ?? []).flatMap((c) => c.content?.buttons ?? [])),
  };
}

/** One message to a running server's /api/messages (`base` is its http://host:port). */
export async function sayHttp(base: string, conv: string, text: string, o: ChatOptions = {}): Promise<Said> {
  const res = await fetch(`${base}/api/messages`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(chatMessage(conv, text, { serviceUrl: base, ...o })),
  });
  const body = await res.text();
  return readReplies(res.status, body ? ((JSON.parse(body) as { activities?: ReplyActivity[] }).activities ?? []) : []);
}

/** One message through the app's in-process turn (no HTTP server), as a test channel. */
export async function sayInProcess(app: App, conv: string, text: string, o: ChatOptions = {}): Promise<Said> {
  const r = await app.adapter.runInProcess(chatMessage(conv, text, { channelId: 'test', userPrefix: 'u-', ...o }) as never, (ctx) => app.bot.run(ctx));
  return readReplies(r.status, (r.body as { activities?: ReplyActivity[] }).activities ?? []);
}
