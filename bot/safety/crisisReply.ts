// The short help a clear crisis answer still gives after its numbers (careBot, step 1). Pure: the
// dialog sends what this returns.
import { contactLine } from '../conversation/answers';
import type { Contact } from '../conversation/local';

/** How many of the city's counselling contacts follow the self-neglect help: the district offices
 *  of the senior advice come first (LocalHelp.people), one per part of the city. */
export const SELF_NEGLECT_CONTACTS = 3;

/** The curated help text; for self-neglect followed by the municipality pack's sourced counselling
 *  contacts (phone numbers from knowledge/<city>/municipality.json, never from the locales). */
export function crisisHelpReply(text: string, contacts: readonly Contact[]): string {
  const reachable = contacts.filter((c) => c.phone).slice(0, SELF_NEGLECT_CONTACTS);
  return [text, ...reachable.map((c) => `• ${contactLine(c)}`)].join('\n');
}
