// When the intent engine is torn between two topics, the answer to the best one is sent and the
// other is offered as the first button ("Oder meinten Sie: …?"): a wrong guess is then one click
// from the right answer, and a right one costs nothing but a button slot. Pure.
import type { IntentScore } from '../services';

/** The other topic is offered when its score is at least this share of the answered one's. Chosen
 *  on the held-out tests of knowledge/nlu (364 messages answered with a topic, 18 of them wrong):
 *  at 0.5 the button shows on 14 answers and offers the right topic for 4 of the wrong ones;
 *  at 0.25: 25 and 5; at 0.75: 6 and 2. README "Understanding (NLU)". */
export const ALTERNATIVE_RATIO = 0.5;

/** The best-ranked topic other than the answered one, if it is close; `isTopic` says which intents
 *  have an answer (system intents such as greetings have none). */
export function closeAlternative(
  ranked: readonly IntentScore[], answered: string, isTopic: (id: string) => boolean, ratio = ALTERNATIVE_RATIO,
): string | undefined {
  const top = ranked.find((x) => x.intent === answered);
  if (!top || top.score <= 0) return undefined;
  const other = ranked.find((x) => x.intent !== answered && isTopic(x.intent));
  return other && other.score >= ratio * top.score ? other.intent : undefined;
}
