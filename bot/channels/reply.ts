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
  /** where the facts come from: a plain line ("Vorlage, Stand … · Rechtsgrundlage …"), or an
   *  answer's provenance, shown short with the full list one tap away */
  footer?: string | Provenance;
}

/** An answer's provenance in the words of its language (built by bot/conversation/provenance.ts). */
export interface Provenance {
  /** "Stand 11/2026 · Quellen (3)": what a card shows, as the button that opens the full list */
  short: string;
  /** the full list: every source (linked where it has an address), the legal basis, the review date */
  details: { text: string; url?: string }[];
  /** text channels have no button: one line with the date, the legal basis and the sources' sites */
  line: string;
}

/** "0208 455-5058" → "+492084555058" (German numbers; service numbers like 116 117 stay national). */
export function phoneToE164(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.startsWith('+')) return digits;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  if (digits.startsWith('0')) return `+49${digits.slice(1)}`;
  return digits;
}
