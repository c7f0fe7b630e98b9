// One rendering layer: the same Reply becomes hero cards and buttons where the channel shows them
// well, and plain text with numbered options and plain links where it does not.
import type { Activity, Attachment, CardAction } from 'botbuilder';
import { ActionTypes, CardFactory } from '../sdk/botbuilder';
import { phoneToE164, type Action, type Card, type Provenance, type Reply } from './reply';

export type ChannelProfile = 'rich' | 'text' | 'sms';

const RICH = new Set(['webchat', 'directline', 'emulator', 'msteams', 'test', 'skype', 'slack', 'webex', 'omnichannel']);
const SMS = new Set(['sms', 'twilio-sms']);

export function channelProfile(channelId: string | undefined): ChannelProfile {
  const id = (channelId ?? '').toLowerCase();
  if (RICH.has(id)) return 'rich';
  if (SMS.has(id)) return 'sms';
  // telegram, facebook, whatsapp, line, kik, email and unknown connectors: text is safest
  return 'text';
}

/** Channels that show suggested actions (quick replies) reliably. */
function supportsSuggestedActions(channelId: string): boolean {
  return ['webchat', 'directline', 'emulator', 'test', 'telegram', 'facebook', 'line', 'kik', 'whatsapp'].includes(channelId.toLowerCase());
}

function cardAction(a: Action, channelId: string): CardAction {
  if (a.kind === 'call') {
    // Teams has no "call" action; a tel: link works there and in most clients.
    const tel = `tel:${phoneToE164(a.value)}`;
    return channelId === 'msteams'
      ? { type: ActionTypes.OpenUrl, title: a.title, value: tel }
      : { type: ActionTypes.Call, title: a.title, value: tel };
  }
  if (a.kind === 'url') return { type: ActionTypes.OpenUrl, title: a.title, value: a.value };
  return { type: ActionTypes.ImBack, title: a.title, value: a.title };
}

function cardAsText(card: Card, index: number): string {
  const lines = [`${index}. ${card.title}${card.subtitle ? ` – ${card.subtitle}` : ''}`, ...card.lines.map((l) => `   ${l}`)];
  for (const a of card.actions) {
    if (a.kind === 'command' || card.lines.some((l) => l.includes(a.value))) continue;
    lines.push(a.kind === 'call' ? `   ☎ ${a.value}` : `   ${a.title}: ${a.value}`);
  }
  return lines.join('\n');
}

/** Provenance as one compact button ("Stand 11/2026 · Quellen (3)") that opens the full list in
 *  place (Adaptive Card Action.ShowCard: no round trip, nothing for the bot to remember). */
export function provenanceCard(p: Provenance): Attachment {
  const linkText = (text: string) => text.replace(/[[\]]/g, '');
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    version: '1.3',
    body: [],
    actions: [{
      type: 'Action.ShowCard',
      title: p.short,
      card: {
        type: 'AdaptiveCard',
        version: '1.3',
        body: p.details.map((d) => ({ type: 'TextBlock', wrap: true, spacing: 'Small', text: d.url ? `[${linkText(d.text)}](${d.url})` : d.text })),
      },
    }],
  });
}

export function markdownBreaks(text: string): string {
  return text.replace(/([^\n])\n(?!\n)/g, '$1  \n');
}

export function renderReply(reply: Reply, channelId: string): Partial<Activity> {
  const profile = channelProfile(channelId);
  const suggestions = reply.suggestions ?? [];
  if (profile === 'rich') {
    const activity: Partial<Activity> = {
      type: 'message',
      // Markdown joins single line breaks; a hard break keeps list lines ("• …") apart.
      text: markdownBreaks(typeof reply.footer === 'string' ? `${reply.text}\n\n_${reply.footer}_` : reply.text),
      textFormat: 'markdown',
    };
    const attachments = (reply.cards ?? []).map((c) =>
      CardFactory.heroCard(c.title, c.lines.join('\n\n'), undefined, c.actions.map((a) => cardAction(a, channelId)), { subtitle: c.subtitle }),
    );
    // an answer's sources come after its cards, as one short line that opens the full list
    if (reply.footer && typeof reply.footer !== 'string') attachments.push(provenanceCard(reply.footer));
    if (attachments.length) {
      activity.attachments = attachments;
      activity.attachmentLayout = 'list';
    }
    if (suggestions.length) activity.suggestedActions = { to: [], actions: suggestions.map((a) => cardAction(a, channelId)) };
    return activity;
  }
  // Text channels: cards become numbered blocks, links and phone numbers are written out, and the
  // options are numbered so "2" is a valid answer.
  const parts = [reply.text];
  reply.cards?.forEach((c, i) => parts.push(cardAsText(c, i + 1)));
  const commands = suggestions.filter((a) => a.kind === 'command');
  if (commands.length) parts.push(commands.map((a, i) => `(${i + 1}) ${a.title}`).join('\n'));
  for (const a of suggestions.filter((x) => x.kind !== 'command')) parts.push(`${a.title}: ${a.value}`);
  if (reply.footer) parts.push(typeof reply.footer === 'string' ? reply.footer : reply.footer.line);
  const activity: Partial<Activity> = { type: 'message', text: parts.join('\n\n'), textFormat: 'plain' };
  if (profile === 'text' && commands.length && supportsSuggestedActions(channelId)) {
    activity.suggestedActions = { to: [], actions: commands.slice(0, 10).map((a) => cardAction(a, channelId)) };
  }
  return activity;
}
