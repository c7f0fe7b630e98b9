// A learned second look at retrieval's best candidates (issue 17, eighth pass): retrieval scores each
// entry by how much of the *message* it shares; the re-ranker weighs, for its top-k, what tells the
// entry that answers the *question* from its neighbours – the score on the question sentences alone,
// which concepts the question names and which only the story, whether the entry's short answer has
// the figure or deadline the question word asks for, the intent engine's topic. A listwise softmax
// (linear) model over these features, trained by scripts/rerankTrain.ts on labels that the dev cases'
// expectations give (scripts/rerankData.ts); its weights are data (knowledge/rerank.json), validated
// at start-up. Pure: no botbuilder, no I/O except `loadRerankModel`.
import { z } from 'zod';
import { readJsonFile } from '../knowledge/jsonFile';
import type { Asker } from './asker';
import type { ScoreParts } from './retrieve';

/** One candidate as the re-ranker sees it. `fallback` is the "no entry" choice: the intent engine's
 *  topic answers (what the bot says when no entry is confident). */
export interface RerankCandidate {
  id: string;
  kind: 'entry' | 'fallback';
  /** the entry's topic; for the fallback the intent */
  topic: string;
  /** retrieval's score for the whole message (0 when it was not a candidate) */
  score: number;
  parts: ScoreParts;
  /** retrieval's score on the question sentences alone (equal to `score` when the message is one question) */
  qScore: number;
  qVariant: number;
  /** the entry's concepts (canonical ids) */
  concepts: readonly string[];
  /** title and short answer in the message's language (placeholders kept: `{{b.…}}` is an amount) */
  title: string;
  short: string;
  /** the entry is about given care grades (and the message's grade is one of them) */
  gradeSpecific: boolean;
  /** the entry names a care setting other than the story's */
  otherSetting: boolean;
  /** the entry is about the carer's own situation (asker.ts carerSubject) */
  carer?: boolean;
}

export interface RerankInput {
  candidates: RerankCandidate[];
  /** concepts the question sentences name, and those only the story names */
  questionConcepts: ReadonlySet<string>;
  storyConcepts: ReadonlySet<string>;
  /** concepts of the told sentence right before the first question, that the question does not name:
   *  "Jetzt soll sie in die Tagespflege. Wie viel zahlt die Kasse dafür?" asks about that sentence's
   *  subject, while nouns earlier in the story are background */
  leadConcepts?: ReadonlySet<string>;
  /** concepts the story names only where it denies them ("keine Demenz", "Einen Pflegedienst haben wir
   *  nicht"): retrieval.deniedConcepts */
  deniedConcepts?: ReadonlySet<string>;
  /** who the question asks for (bot/nlu/asker.ts): the carer herself, or the person cared for */
  asker?: Asker;
  /** the care grade the message tells, if any */
  grade?: number;
  /** the question sentences' text (what kind of answer is asked for) */
  question: string;
  intent: string;
  intentScore: number;
  story: boolean;
  /** what retrieval's own rules decided (an entry id, or the intent when no entry): the re-ranker
   *  corrects that decision, it does not start from nothing */
  chosen: string;
}

// What a question asks for, read from its question words; and whether an answer text has it.
const ASK: Record<string, RegExp> = {
  amount: /\b(wie ?viel|wieviel|wie hoch|welche[rnms]? betrag|how much|how high|what amount)\b/i,
  time: /\b(bis wann|ab wann|wann|wie lange|wie schnell|frist|how long|when|how soon|deadline)\b/i,
  who: /\b(wer|an wen|wen|zust[äa]ndig|who|whom|responsible)\b/i,
  may: /\b(darf|d[üu]rfen|erlaubt|zul[äa]ssig|rechtens|may|allowed|entitled|legal)\b/i,
  where: /\b(wo|wohin|bei welcher|where)\b/i,
};
const HAS: Record<string, RegExp> = {
  amount: /\{\{b\.|\d\s?(€|euro|%|prozent|percent)|€\s?\d/i,
  time: /\d+\s*(tag|woche|monat|jahr|stunde|day|week|month|year|hour)|\bfrist|\bdeadline|\binnerhalb|\bwithin|\bspätestens|\bat the latest/i,
  who: /\b(zust[äa]ndig|responsible|pflegekasse|sozialamt|krankenkasse|care fund|social welfare office|health insurer|betreuungsgericht|court)\b/i,
  may: /\b(darf|d[üu]rfen|nicht erlaubt|zul[äa]ssig|unzul[äa]ssig|may|must not|allowed|not allowed)\b/i,
  where: /\b(bei der|beim|an die|an das|online|formular|form|office|amt|stelle)\b/i,
};
const KINDS = Object.keys(ASK);

/** the grades whose amounts a short answer names (`{{b.sachleistung.3}}` → 3) */
const AMOUNT_GRADE = /\{\{b\.[\w.]*?\.([1-5])\}\}/g;
function amountGrades(short: string): number[] {
  return [...short.matchAll(AMOUNT_GRADE)].map((m) => Number(m[1]));
}

/** the answer kinds a text asks for ("wie viel" → amount) */
export function asks(text: string): Set<string> {
  return new Set(KINDS.filter((k) => ASK[k].test(text)));
}

export const FEATURES = [
  'score', 'gap', 'invRank', 'qScore', 'qGap', 'qInvRank', 'variant', 'qVariant', 'words', 'grams', 'concepts', 'prior',
  'chosen', 'fallback', 'fallbackIntentScore', 'intentAgrees', 'conceptsInQuestion', 'conceptsOnlyInStory', 'questionCovered',
  'askAnswered', 'askUnanswered', 'titleAsksSame', 'gradeSpecific', 'otherSetting', 'storyQGap',
  'conceptsInLead', 'storyOnlySupport', 'otherGradeAmount', 'deniedConcept', 'askerCarer',
] as const;
export type FeatureName = (typeof FEATURES)[number];

/** whether the message (question or story) reads one of an entry's concepts; an entry without concepts
 *  keeps its support (nothing to check it against) */
export function readsOwnConcept(concepts: readonly string[], input: Pick<RerankInput, 'questionConcepts' | 'storyConcepts'>): boolean {
  return !concepts.length || concepts.some((k) => input.questionConcepts.has(k) || input.storyConcepts.has(k));
}

const share = (a: readonly string[], b: ReadonlySet<string>) => (a.length ? a.filter((x) => b.has(x)).length / a.length : 0);

/** The feature vectors of a message's candidates, in FEATURES order. */
export function features(input: RerankInput): number[][] {
  const c = input.candidates;
  const best = Math.max(0, ...c.map((x) => x.score));
  const qBest = Math.max(0, ...c.map((x) => x.qScore));
  const byQ = [...c].sort((a, b) => b.qScore - a.qScore);
  const asked = asks(input.question);
  const qc = [...input.questionConcepts];
  return c.map((x, i) => {
    const entry = x.kind === 'entry' ? 1 : 0;
    const answerKinds = entry ? KINDS.filter((k) => HAS[k].test(x.short)) : [];
    const titleKinds = entry ? asks(x.title) : new Set<string>();
    const askedList = [...asked];
    const answered = askedList.filter((k) => answerKinds.includes(k)).length;
    const f: Record<FeatureName, number> = {
      score: x.score,
      gap: x.score - best,
      invRank: 1 / (i + 1),
      qScore: x.qScore,
      qGap: x.qScore - qBest,
      qInvRank: 1 / (byQ.indexOf(x) + 1),
      variant: x.parts.variant,
      qVariant: x.qVariant,
      words: x.parts.words,
      grams: x.parts.grams,
      concepts: x.parts.concepts,
      prior: x.parts.prior,
      chosen: x.id === input.chosen ? 1 : 0,
      fallback: 1 - entry,
      fallbackIntentScore: entry ? 0 : input.intentScore,
      intentAgrees: entry && x.topic === input.intent ? 1 : 0,
      conceptsInQuestion: entry ? share(x.concepts, input.questionConcepts) : 0,
      conceptsOnlyInStory: entry ? share(x.concepts, input.storyConcepts) : 0,
      questionCovered: entry && qc.length ? qc.filter((k) => x.concepts.includes(k)).length / qc.length : 0,
      askAnswered: askedList.length ? answered / askedList.length : 0,
      askUnanswered: entry && askedList.length && !answered ? 1 : 0,
      // a title asking the same kind ("Wer ist zuständig?" for "An wen kann ich mich wenden?") is support
      // only when the message reads one of the entry's concepts: a generic question word alone let a new
      // overview entry win stories about something else (session 16b)
      titleAsksSame: entry && askedList.some((k) => titleKinds.has(k)) && readsOwnConcept(x.concepts, input) ? 1 : 0,
      gradeSpecific: x.gradeSpecific ? 1 : 0,
      otherSetting: x.otherSetting ? 1 : 0,
      storyQGap: input.story ? x.qScore - qBest : 0,
      conceptsInLead: entry && input.leadConcepts ? share(x.concepts, input.leadConcepts) : 0,
      // the question names concepts of its own and the entry shares none of them, only the story's
      storyOnlySupport: entry && qc.length && !x.concepts.some((k) => input.questionConcepts.has(k))
        && x.concepts.some((k) => input.storyConcepts.has(k)) ? 1 : 0,
      // a grade is told and the entry's amounts are another grade's only: an example, not the told
      // grade's figure ("bei Pflegegrad 3 bis zu …" for a grade 2 story asking how much)
      otherGradeAmount: entry && input.grade !== undefined && amountGrades(x.short).length > 0
        && !amountGrades(x.short).includes(input.grade) ? 1 : 0,
      // the entry's own concept is one the story says is NOT the case ("Einen Pflegedienst haben wir
      // nicht" → the combination entry)
      deniedConcept: entry && input.deniedConcepts?.size && x.concepts.some((k) => input.deniedConcepts!.has(k)) ? 1 : 0,
      // the carer asks for herself and the entry is about the carer (a feature for the reverse,
      // asked for the person cared for, learnt a weight of the wrong sign and moved nothing: left out)
      askerCarer: entry && input.asker === 'self' && x.carer ? 1 : 0,
    };
    return FEATURES.map((n) => f[n]);
  });
}

export interface RerankModel {
  features: FeatureName[];
  weights: number[];
  /** the re-ranker's choice answers when its probability reaches this; below, retrieval's own decision stands */
  sure: number;
  /** the messages it decides: stories (a question with sentences around it) or every message */
  scope: 'story' | 'all';
  /** how it was trained (k, data, CV figures): for the reader, not used */
  trained: Record<string, unknown>;
}

export const RerankModelSchema = z.object({
  features: z.array(z.enum(FEATURES)),
  weights: z.array(z.number().finite()),
  sure: z.number().min(0).max(1),
  scope: z.enum(['story', 'all']),
  trained: z.record(z.string(), z.unknown()).default({}),
}).superRefine((m, ctx) => {
  if (m.features.join() !== FEATURES.join()) {
    ctx.addIssue({ code: 'custom', path: ['features'], message: `the features must be exactly ${FEATURES.join(', ')} (retrain: node dist/scripts/rerankTrain.js)` });
  }
  if (m.weights.length !== m.features.length) {
    ctx.addIssue({ code: 'custom', path: ['weights'], message: `${m.weights.length} weights for ${m.features.length} features` });
  }
});

/** Reads and validates the weights file: a broken file stops the start with file, line and field. */
export function loadRerankModel(file: string): RerankModel {
  return readJsonFile(file, RerankModelSchema) as RerankModel;
}

export interface Reranked {
  /** candidate index → softmax probability, in the input order */
  probs: number[];
  /** index of the best candidate */
  best: number;
  /** the features that added most to the best candidate's lead over the runner-up (staff explanation) */
  why: { feature: FeatureName; value: number; lead: number }[];
}

export function linear(w: readonly number[], x: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i] * x[i];
  return s;
}

export function softmax(z: readonly number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** Scores a message's candidates with the model. */
export function rerank(model: Pick<RerankModel, 'weights'>, input: RerankInput): Reranked | undefined {
  if (!input.candidates.length) return undefined;
  const xs = features(input);
  const probs = softmax(xs.map((x) => linear(model.weights, x)));
  let best = 0;
  probs.forEach((p, i) => { if (p > probs[best]) best = i; });
  let second = -1;
  probs.forEach((p, i) => { if (i !== best && (second < 0 || p > probs[second])) second = i; });
  const why = second < 0 ? [] : FEATURES
    .map((feature, k) => ({ feature, value: xs[best][k], lead: model.weights[k] * (xs[best][k] - xs[second][k]) }))
    .filter((d) => Math.abs(d.lead) > 1e-9)
    .sort((a, b) => b.lead - a.lead)
    .slice(0, 3);
  return { probs, best, why };
}

/** A decided choice's runner-up is offered as "Oder meinten Sie: …" when it trails by less than this.
 *  Session 14, leave-one-file-out CV at sure 0.3: of 37 replacing choices that lead by less than 0.3, 9
 *  were wrong and the runner-up answered 3 of them; from a lead of 0.3 on it answered 3 of 64. */
export const RUNNER_UP_LEAD = 0.3;

/** The index of the best candidate's close runner-up, if any. */
export function closeRunnerUp(r: Pick<Reranked, 'probs' | 'best'>, maxLead = RUNNER_UP_LEAD): number | undefined {
  let second = -1;
  r.probs.forEach((p, i) => { if (i !== r.best && (second < 0 || p > r.probs[second])) second = i; });
  return second >= 0 && r.probs[r.best] - r.probs[second] < maxLead ? second : undefined;
}

/** One training message: its candidates' feature vectors and which of them pass (at least one). */
export interface TrainCase { x: number[][]; y: boolean[] }

/** Listwise softmax regression: the loss is −log of the probability mass on a message's passing
 *  candidates (any one of them is a right answer), minimised by full-batch Adam from zero weights
 *  with L2: the same data give the same weights (no random draws). */
/** `start`/`learn`: begin from these weights and move only the features at these indexes (a new
 *  feature learnt on top of a kept model, which leaves every message it does not fire on as it was) */
export function train(cases: readonly TrainCase[], opts: { l2?: number; rate?: number; epochs?: number; start?: readonly number[]; learn?: ReadonlySet<number> } = {}): number[] {
  const l2 = opts.l2 ?? 0.001;
  const rate = opts.rate ?? 0.05;
  const epochs = opts.epochs ?? 300;
  const d = FEATURES.length;
  const w = opts.start ? [...opts.start] : new Array<number>(d).fill(0);
  const m = new Array<number>(d).fill(0);
  const v = new Array<number>(d).fill(0);
  const usable = cases.filter((c) => c.y.some(Boolean) && c.x.length > 1);
  if (!usable.length) return w;
  for (let e = 1; e <= epochs; e++) {
    const g = new Array<number>(d).fill(0);
    for (const c of usable) {
      const p = softmax(c.x.map((x) => linear(w, x)));
      let mass = 0;
      p.forEach((pi, i) => { if (c.y[i]) mass += pi; });
      c.x.forEach((x, i) => {
        const diff = p[i] - (c.y[i] ? p[i] / mass : 0);
        if (diff) for (let k = 0; k < d; k++) g[k] += diff * x[k];
      });
    }
    for (let k = 0; k < d; k++) {
      if (opts.learn && !opts.learn.has(k)) continue;
      const gk = g[k] / usable.length + l2 * w[k];
      m[k] = 0.9 * m[k] + 0.1 * gk;
      v[k] = 0.999 * v[k] + 0.001 * gk * gk;
      w[k] -= (rate * (m[k] / (1 - 0.9 ** e))) / (Math.sqrt(v[k] / (1 - 0.999 ** e)) + 1e-8);
    }
  }
  return w;
}
