// Who to call when no offer fits or someone wants a person: the city's neutral counselling,
// the office responsible for the Stadtteil first, then city-wide ones; old entries last.
import type { Contact, Finder, MunicipalityFile } from './schema';

export function counsellingContacts(m: MunicipalityFile, usage: 'fallback' | 'talk_to_person', stadtteil?: string): Contact[] {
  const score = (c: Contact): number => {
    // Lower is better: responsible for the Stadtteil, then city-wide, then other districts.
    const place = c.servesStadtteile.length === 0 ? 1 : stadtteil && c.servesStadtteile.includes(stadtteil) ? 0 : 2;
    const doubtful = c.flags.includes('old') || c.flags.includes('conflict') ? 1 : 0;
    return place * 2 + doubtful;
  };
  return m.contacts
    .filter((c) => c.usage.includes(usage) && c.phone !== null)
    .filter((c) => !stadtteil || c.servesStadtteile.length === 0 || c.servesStadtteile.includes(stadtteil))
    .map((c, i) => ({ c, i, s: score(c) }))
    .sort((a, b) => a.s - b.s || a.i - b.i)
    .map((x) => x.c);
}

export function finders(m: MunicipalityFile): Finder[] {
  return [...m.finders];
}
