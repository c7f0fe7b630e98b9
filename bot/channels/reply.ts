// The channel-neutral shape of what the bot says. Dialogs build Replies; bot/channels/render.ts turns
// them into Bot Framework activities for what each channel can show.

/** command = a bot action (sent back as the button's title); call = phone; url = web link */
export interface Action {
  title: string;
  kind: 'command' | 'call' | 'url';
  /** command string ("answer:relief"), phone number as written, or URL */
  value: string;
}

export interface Card {
  title: string;
  subtitle?: string;
  lines: string[];
  actions: Action[];
}

export interface Reply {
  text: string;
  cards?: Card[];
  /** likely next questions; shown as buttons or numbered options */
  suggestions?: Action[];
  /** the compact "Stand · Quelle · Rechtsgrundlage" line */
  footer?: string;
}

/** "0208 455-5058" → "+492084555058" (German numbers; service numbers like 116 117 stay national). */
export function phoneToE164(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.startsWith('+')) return digits;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  if (digits.startsWith('0')) return `+49${digits.slice(1)}`;
  return digits;
}
