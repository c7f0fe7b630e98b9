// Look-alikes of a whole message (session 17b). A category's `exclude` is read per sentence, but some
// stories only turn out to be no crisis of a kind in another sentence: a walk-out told in one sentence
// and "found" in the next ("Opa ist heute aus dem Heim weggelaufen. Die Polizei hat ihn gefunden."),
// or a person with dementia who hits out at the carer while the carer asks how to cope (the care
// answer on challenging behaviour, not the violence numbers: the person cared for is not the victim).
// A rule names cue ids (knowledge/safety.json `messageLookAlikes`); it rules its kind out when every
// cue of `all` is found somewhere in the message and none of `unless`. Pure: the caller says which
// cues the message holds.
import type { CrisisKind } from './safety';

export interface MessageLookAlike {
  kind: CrisisKind;
  /** cue ids that must all be found in the message (in any sentences) */
  all: readonly string[];
  /** cue ids of which none may be found (the writer's fear, the carer's own act …) */
  unless?: readonly string[];
  /** the cues of `all` count only in sentences that do not speak of the past alone
   *  ("Letztes Mal hat die Polizei sie gefunden" says nothing about today's search) */
  notPast?: boolean;
}

/** the kinds that the message rules out; `has(id, notPast)` says whether the message holds cue `id`
 *  (with `notPast`: in a sentence that does not speak of the past alone) */
export function ruledOutKinds(rules: readonly MessageLookAlike[], has: (id: string, notPast: boolean) => boolean, only?: CrisisKind): Set<CrisisKind> {
  const out = new Set<CrisisKind>();
  for (const r of rules) {
    if ((only && r.kind !== only) || out.has(r.kind)) continue;
    if (r.all.every((id) => has(id, !!r.notPast)) && !(r.unless ?? []).some((id) => has(id, false))) out.add(r.kind);
  }
  return out;
}
