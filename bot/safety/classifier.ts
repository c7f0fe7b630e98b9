// The crisis net's third layer: a subword logistic regression (words, pairs, character 3–5-grams)
// trained at start-up on knowledge/safety-corpus.jsonl (the train part of the eval corpus; kinds
// and `none`). The patterns overfit the wording they were written for; character n-grams carry
// over to phrasings nobody wrote a pattern for. The classifier speaks only where the rules found
// nothing, and a negation, past or hypothetical marker in its sentence damps it.
// Thresholds: 5-fold cross-validation on the train part only (docs/safety.md).
import { z } from 'zod';
import { CRISIS_KINDS } from '../knowledge/schema';
import { SubwordClassifier } from '../nlu/subword';
import type { Assessment, CrisisKind } from './safety';

export const SafetyCorpusRowSchema = z.object({
  id: z.string().min(1),
  lang: z.enum(['de', 'en']),
  label: z.enum([...CRISIS_KINDS, 'none']),
  text: z.string().min(1),
}).strict();
export type SafetyCorpusRow = z.infer<typeof SafetyCorpusRowSchema>;

/** Rows of a JSONL file, each checked; the first bad line throws with its number. */
export function parseSafetyCorpus(text: string, file = 'safety-corpus.jsonl'): SafetyCorpusRow[] {
  const rows: SafetyCorpusRow[] = [];
  text.split('\n').forEach((raw, i) => {
    const l = raw.trim();
    if (!l) return;
    let json: unknown;
    try { json = JSON.parse(l); } catch (e) { throw new Error(`${file}:${i + 1}: ${(e as Error).message}`, { cause: e }); }
    const r = SafetyCorpusRowSchema.safeParse(json);
    if (!r.success) throw new Error(`${file}:${i + 1}: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    rows.push(r.data);
  });
  const ids = new Set<string>();
  for (const r of rows) {
    if (ids.has(r.id)) throw new Error(`${file}: id ${r.id} twice`);
    ids.add(r.id);
  }
  return rows;
}

/** Chosen by 5-fold cross-validation on the train part (classifier alone: none → clear ≤ 3 %,
 *  gentle line on negatives ≤ 5 %; npm run cv:safety). With a rule cue (first person, now, a
 *  sudden symptom) a lower probability suffices for "clear" than without one. */
// clearAlone (session 11): most held-out suicidal misses were a confident classifier without a
// cue of its kind (veiled wording: "switch off my own life"); at 0.97 it caught 3 more of 36 with no
// new false alarm there, while at 0.95 first-person care questions ("I would like to take over the
// guardianship myself") became clear crises (docs/safety.md)
// clearWithKindCue 0.8 → 0.7 (session 12): 5-fold CV on the train part (1 869 rows, classifier
// alone) caught 939 instead of 917 of 1 270 clear crises for one more false alarm (2 of 599); a cue
// that names the crisis itself (an act of harm, nobody reachable, a neglect sign) carries the rest.
// clearAlone.suicidal 0.97 → 0.99: on the same CV 0.97 caught 8 more of 1 270 crises for 4 more
// false alarms of 599, and after the retraining "I would like to take over the guardianship
// myself" scored 0.97 again (eval:cases real-own2-content-b)
// clearOutsideCareSelf (session 19): askOutsideCare asked even where the writer speaks of themselves and the
// message holds no care question at all ("ich glaub ich verabschiede mich bald aus diesem leben"): there the
// question "are you thinking of ending your life?" only delays the numbers. At askOutsideCare's own 0.9 with
// the first-person cue, chosen on dev-s18c and the corpus dev part (0.9: corpus dev +1 over 0.95 and 0.97, the
// same false alarms); a third-person or care-question message keeps the asked band (docs/safety.md)
// askOutsideCare (session 15): a confident suicidal sentence without a cue of its kind, in a message
// that names no care topic (cue `care_topic`: Pflegegrad, Antrag, Heim, job, a question for an
// offer …) and no dying frame, is asked about directly: clear there caught 4 more held-out crises but
// also made one more own-check negative a crisis (docs/safety.md); asking does not raise risk and
// still answers the care question. With a rule's possible of the same kind it is clear (two signals).
export const CLASSIFIER_THRESHOLDS: Thresholds = {
  possible: 0.7, clearWithCue: 0.9, clearWithKindCue: 0.7, clearAlone: { suicidal: 0.99 }, askOutsideCare: { suicidal: 0.9 },
  askBesideCare: { suicidal: 0.95 },
  clearOutsideCareSelf: { suicidal: 0.9 },
};
export interface Thresholds {
  possible: number;
  clearWithCue: number;
  /** clear with a cue that names the crisis of that very kind (KIND_STRONG_CUES); absent: never */
  clearWithKindCue?: number;
  /** clear without a rule cue; absent: never */
  clear?: number;
  /** clear without a cue, for single kinds only (absent: never) */
  clearAlone?: Partial<Record<string, number>>;
  /** without a cue and outside any care topic: asked about directly, and clear with a rule's possible
   *  of the same kind (single kinds; absent: never) */
  askOutsideCare?: Partial<Record<string, number>>;
  /** as askOutsideCare, where the care topic stands only in another sentence and the model's sentence
   *  is first person (absent: never) */
  askBesideCare?: Partial<Record<string, number>>;
  /** session 19: clear where the model's sentence is first person, in a message with no care topic at all
   *  (nor in another sentence) and undamped (single kinds; absent: never) */
  clearOutsideCareSelf?: Partial<Record<string, number>>;
}
/** Rule cues (knowledge/safety.json) that let a confident classifier say "clear": first person,
 *  now/acute, a sudden symptom. */
export const CLEAR_CUES = ['self', 'acute', 'sudden', 'symptom', 'now_or_ask'];
/** Kinds whose general cues are too common in care questions: "ich"/"me" is in nearly every message,
 *  so a confident suicidal sentence needs a cue of its own kind (an ending, hopelessness, giving
 *  things away, pills) to be clear ("Ich bin nicht mehr gut zu Fuß" scored 0.96). */
export const KIND_CLEAR_CUES: Partial<Record<string, readonly string[]>> = {
  suicidal: ['ending', 'hopeless', 'giveaway', 'no_need', 'pills', 'self_take', 'death_word', 'means', 'farewell'],
  // neglect is told about someone else, rarely with "ich" or "jetzt": a sign of neglect or "nobody"
  // in the sentence is its cue ("Im Heim liegt meine Mutter stundenlang in ihren nassen Einlagen")
  neglect: ['acute', 'sudden', 'symptom', 'now_or_ask', 'neglect_sign', 'nobody', 'no_supply', 'no_food', 'unkempt'],
  // out of hours is help missing now: pain at night or a weekly doctor's visit is in many care
  // stories (a palliative one scored 0.96 with "nachts" and "Schmerzen"); only nobody reachable or
  // someone stuck makes a confident sentence clear, otherwise it gets the gentle line with 116 117;
  // session 13: so do the carer taken to hospital, the person left alone now, or a need that cannot
  // wait for the service that did not come (5-fold CV on the train part unchanged)
  out_of_hours: ['unreachable', 'stuck', 'carer_away', 'left_alone', 'needs_now'],
  // "jetzt" and "ich" are in most care questions: a confident violence sentence without an act of
  // harm, money taken or sedation ("Sie hat jetzt Pflegegrad 3") became a clear crisis; it now gets
  // the gentle line. Loss of control keeps the general cues: requiring its own cue cost 2 of 15
  // held-out crises (docs/safety.md)
  violence: ['harm', 'money_take', 'money_plunder', 'sedative', 'sedative_excess'],
  // "ich" alone made "sie ist glaub ich in Grad drei eingestuft" a call for 112 (the subword "grad"
  // of fever sentences scored 0.93): a medical sentence needs its own sign, a sudden onset or "now"
  medical: ['acute', 'sudden', 'symptom', 'now_or_ask', 'fall', 'injury', 'sugar_sign', 'fever', 'confusion'],
};
/** Cue pairs that, together in one confident sentence, make it clear as well (all of a pair must be
 *  there). Out of hours: an acute problem at a closed time is the crisis itself ("Sonntagabend, der
 *  Katheter ist verstopft"), even where nobody says that the line rings out; either alone is a
 *  circumstance of many care stories. A dying frame still silences the kind (DYING_DAMPED_KINDS). */
export const KIND_CLEAR_CUE_PAIRS: Partial<Record<string, ReadonlyArray<readonly string[]>>> = {
  out_of_hours: [['closed_time', 'acute']],
};
/** Cues that name the crisis of the kind itself, not only a circumstance (a night, a weekend, money,
 *  "verwirrt" are in half of all care stories; with them, real-style stories became clear crises): a word of dying or ending
 *  life for a suicidal sentence, an act of harm or money taken for violence, a sign of neglect. A
 *  confident sentence with one of these (clearWithKindCue) is clear: third-person reports ("Die
 *  Betreuerin hat sich von Omas Konto … überwiesen") carry no "ich", "jetzt" or symptom. */
export const KIND_STRONG_CUES: Partial<Record<string, readonly string[]>> = {
  // goodbye behaviour (letters, a will, affairs in order) names the ending without a word of dying
  suicidal: ['death_word', 'means', 'farewell'],
  violence: ['harm'],
  // a person living alone without electricity, heating or food neglects themselves
  neglect: ['neglect_sign', 'no_supply', 'no_food', 'unkempt'],
  medical: ['symptom', 'injury', 'sugar_sign'],
  loss_of_control: ['harm', 'self_fear'],
  // an acute need with nobody to reach now (the service did not come, the line rings out): the
  // time of day is only a circumstance, the missing help is the crisis
  // the one who cares taken to hospital is the missing help itself, as the line that rings out
  out_of_hours: ['unreachable', 'carer_away'],
};
/** Rule cues that name a crisis sign: negated ("nicht gestürzt", "not confused") they damp the
 *  classifier, as a negated crisis pattern does. */
export const DENIABLE_CUES = ['ending', 'symptom', 'fall', 'injury', 'confusion', 'neglect_sign', 'fever', 'sugar_sign', 'harm'];

/** The classifier's view of a message: its most crisis-like sentence. */
export interface SentenceScore {
  kind: CrisisKind;
  /** probability of `kind` */
  p: number;
  /** a CLEAR_CUES cue in that sentence */
  cue: boolean;
  /** a KIND_STRONG_CUES cue of that kind in that sentence */
  kindCue?: boolean;
  /** a negation, past or hypothetical marker in that sentence */
  damped: boolean;
  /** the message names a care topic (cue `care_topic`) or someone dying; undefined where not read */
  careTopic?: boolean;
  /** the care topic stands only in another sentence, and the model's sentence is first person (session 15b) */
  careElsewhere?: boolean;
  /** the model's sentence speaks of the writer (cue `self`: "ich", "I") in a message that tells no dementia
   *  care story (cue `dementia`; session 19) */
  self?: boolean;
}

/** the classifier alone is confident enough for its kind in a message without a care topic */
const outsideCare = (clf: SentenceScore, th: Thresholds): boolean =>
  th.askOutsideCare?.[clf.kind] !== undefined && clf.careTopic === false && !clf.damped && clf.p >= th.askOutsideCare[clf.kind]!
  && (!clf.careElsewhere || (th.askBesideCare?.[clf.kind] !== undefined && clf.p >= th.askBesideCare[clf.kind]!));

/** the writer speaks of themselves in a message that names no care topic anywhere, undamped, at least as
 *  confident as `th` asks for the kind (session 19) */
const selfOutsideCare = (clf: SentenceScore, th: Partial<Record<string, number>> | undefined): boolean =>
  th?.[clf.kind] !== undefined && !!clf.self && clf.careTopic === false && !clf.careElsewhere && !clf.damped && clf.p >= th[clf.kind]!;

/** Rules first: whatever they found stands (a "possible" pattern was written as possible on
 *  purpose). Where they found nothing, the classifier says possible at moderate confidence and
 *  clear only with a cue; a marker takes one step off (clear → possible, possible → nothing). */
export function combine(rule: Assessment | undefined, clf: SentenceScore | undefined, th = CLASSIFIER_THRESHOLDS): Assessment | undefined {
  if (rule || !clf) return rule;
  let s: 'clear' | 'possible' | undefined;
  if ((clf.cue && clf.p >= th.clearWithCue) || (clf.kindCue && th.clearWithKindCue !== undefined && clf.p >= th.clearWithKindCue)
    || (th.clear !== undefined && clf.p >= th.clear)
    || (th.clearAlone?.[clf.kind] !== undefined && clf.p >= th.clearAlone[clf.kind]!) || selfOutsideCare(clf, th.clearOutsideCareSelf)) s = 'clear';
  else if (outsideCare(clf, th)) return { kind: clf.kind, strength: 'possible', ask: true };
  else if (clf.p >= th.possible) s = 'possible';
  if (s && clf.damped) s = s === 'clear' ? 'possible' : undefined;
  return s && { kind: clf.kind, strength: s };
}

/** A rule's "possible" becomes clear when the classifier, for the same kind, is as confident as a
 *  kind cue asks (clearWithKindCue) in a sentence that also holds a cue naming that crisis itself
 *  (KIND_STRONG_CUES) and no marker damps it: "Ich mag nicht mehr. Ich will einfach nur weg, für
 *  immer." is possible by its pattern alone, but the model and "für immer" both say the wish is
 *  there (session 14; at clearWithCue 0.9 one old dev row fewer, the same false alarms). */
export function upgradePossible(rule: Assessment | undefined, clf: SentenceScore | undefined, th = CLASSIFIER_THRESHOLDS): Assessment | undefined {
  if (rule?.strength !== 'possible' || !clf || clf.kind !== rule.kind || clf.damped) return rule;
  // session 15: or as confident as askOutsideCare in a message without a care topic
  if ((!clf.kindCue || clf.p < (th.clearWithKindCue ?? 1)) && !outsideCare(clf, th)) return rule;
  return { kind: rule.kind, strength: 'clear' };
}

/** Kinds whose signs also belong to dying (not drinking, pain at night, restlessness, fear of
 *  thirst): in a message about someone who is dying (`markers.dying`) the classifier says nothing
 *  for them; "Papa liegt im Sterben und trinkt nicht mehr, leidet er Durst?" is a palliative
 *  question, not neglect. The rules still decide on their own patterns. */
export const DYING_DAMPED_KINDS: readonly string[] = ['neglect', 'loss_of_control', 'out_of_hours'];

/** Same settings as the NLU (DEFAULT_SUBWORD_SETTINGS); texts normalised as the net normalises. */
export function trainCrisisClassifier(rows: readonly SafetyCorpusRow[], normalise: (t: string) => string): SubwordClassifier {
  return SubwordClassifier.train(rows.map((r) => ({ text: normalise(r.text), intent: r.label })));
}
