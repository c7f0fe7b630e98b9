// Who stands in for the carer (issue 17, session 17b): in a story about a substitute ("Meine Tochter
// übernimmt die Pflege … Verhinderungspflege", "my sister offered to come … stepping in for me") the
// daughter, sister or cousin named is the relative who stands in, which is what the respite entry for
// relatives carries (`relatives`: how much a relative gets). Outside such a story a daughter is only
// who is who. Pure: concept ids in, concept ids out.

/** concepts that name a family member who may stand in (not the spouse or a parent: in these stories
 *  they are mostly the one cared for) */
export const KIN_CONCEPTS: readonly string[] = ['children', 'siblings', 'distant_relative', 'in_law'];

/** Each sentence's concepts, with `relatives` added where a kin concept is read, when some sentence of
 *  the message reads the substitute concept. The input sets are not changed. */
export function kinStandsIn(
  sentences: readonly ReadonlySet<string>[], substitute = 'respite', kin: readonly string[] = KIN_CONCEPTS, relatives = 'relatives',
): Set<string>[] {
  const about = sentences.some((s) => s.has(substitute));
  return sentences.map((s) => (about && kin.some((k) => s.has(k)) && !s.has(relatives) ? new Set([...s, relatives]) : new Set(s)));
}
