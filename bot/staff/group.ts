// Groups inbox items whose wording is alike, so staff see "12× how do I get a wheelchair" once
// instead of twelve lines. Similarity: Jaccard overlap of word stems (lower case, first 6 letters,
// short function words left out); greedy, in order of arrival, against each group's first item. Pure.
import type { InboxItem } from './repository';

const STOP = new Set([
  'ich', 'mein', 'meine', 'meiner', 'meinen', 'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'und', 'oder', 'ist', 'sind',
  'wie', 'was', 'wer', 'wo', 'wann', 'kann', 'man', 'für', 'fuer', 'mit', 'bei', 'von', 'zu', 'auf', 'an', 'in', 'im', 'es', 'sie', 'er', 'wir', 'hat', 'habe',
  'the', 'a', 'an', 'and', 'or', 'is', 'are', 'how', 'what', 'who', 'where', 'when', 'can', 'i', 'my', 'for', 'with', 'of', 'to', 'on', 'in', 'it', 'do', 'does',
]);

export function stems(text: string): Set<string> {
  const words = text.toLowerCase().normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((w) => !STOP.has(w) && !/^\d+$/.test(w) && w.length > 1).map((w) => w.slice(0, 6)));
}

export function similarity(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 1;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  return shared / (a.size + b.size - shared);
}

export interface InboxGroup {
  /** the id of the group's first item; actions on the group apply to all its open items */
  id: string;
  text: string;
  count: number;
  itemIds: string[];
  langs: string[];
  reasons: Record<string, number>;
  lastAt: string;
  /** intents the NLU guessed for the items, most frequent first */
  intents: string[];
}

export const SIMILAR = 0.5;

export function groupInbox(items: readonly InboxItem[], threshold = SIMILAR): InboxGroup[] {
  const groups: { head: Set<string>; lang: string; items: InboxItem[] }[] = [];
  for (const item of [...items].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    const s = stems(item.text);
    const g = groups.find((x) => x.lang === item.lang && similarity(x.head, s) >= threshold);
    if (g) g.items.push(item);
    else groups.push({ head: s, lang: item.lang, items: [item] });
  }
  return groups
    .map(({ items: its }) => {
      const reasons: Record<string, number> = {};
      const intents = new Map<string, number>();
      for (const i of its) {
        reasons[i.reason] = (reasons[i.reason] ?? 0) + 1;
        if (i.intent && i.intent !== 'None') intents.set(i.intent, (intents.get(i.intent) ?? 0) + 1);
      }
      return {
        id: its[0].id,
        text: its[0].text,
        count: its.length,
        itemIds: its.map((i) => i.id),
        langs: [...new Set(its.map((i) => i.lang))],
        reasons,
        lastAt: its[its.length - 1].createdAt,
        intents: [...intents.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k),
      };
    })
    .sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt));
}
