// Whose pension (issue 17, session 17b): "Rente" reads `pension`, the concept of the carer's pension
// entries (Rentenbeiträge for carers). "Ihre Rente reicht jetzt schon nicht" in a story about the home's
// price is the income of the person cared for: the lexicon reads that as `resident_pension` (a
// third-person possessive before the pension), and then the sentence's pension is that person's income.
// A death keeps it a pension (a widow's pension, a pension paid on after death). Pure: concept ids in and out.

export const RESIDENT_PENSION = 'resident_pension';

/** Each sentence's concepts with `pension` read as `income` where the sentence reads `resident_pension`,
 *  unless the message reads a death. The input sets are not changed. */
export function pensionRole(sentences: readonly ReadonlySet<string>[], death: readonly string[] = ['death', 'widow_pension']): Set<string>[] {
  const died = sentences.some((s) => death.some((d) => s.has(d)));
  return sentences.map((s) => {
    if (died || !s.has(RESIDENT_PENSION)) return new Set(s);
    const out = new Set([...s].filter((c) => c !== 'pension' && c !== RESIDENT_PENSION));
    out.add('income');
    return out;
  });
}
