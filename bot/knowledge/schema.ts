// Schemas for the curated knowledge base (knowledge/). Content is data that city staff review;
// these schemas are the contract between that data and the code. Validated at startup and in CI.
import { z } from 'zod';

export const LANGS = ['de', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A calendar date as every content file writes it. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

/** One public source. Answers and offers refer to sources by id. */
export const SourceSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/),
  title: z.string().min(3),
  url: z.string().url(),
  /** when staff last checked the source says what we claim */
  accessed: isoDate,
});
export const SourcesFileSchema = z.object({ sources: z.array(SourceSchema).min(1) });
export type Source = z.infer<typeof SourceSchema>;

/** A dated value of the benefits table: valid from `validFrom` until the next entry starts. */
const DatedValue = z.object({
  validFrom: isoDate,
  /** per care grade 1..5 (null = not available at that grade) or one value for all grades */
  byGrade: z.tuple([z.number().nullable(), z.number().nullable(), z.number().nullable(), z.number().nullable(), z.number().nullable()]).optional(),
  value: z.number().optional(),
  source: z.string(),
}).refine((v) => (v.byGrade === undefined) !== (v.value === undefined), 'give either byGrade or value');

export const BenefitSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  law: z.string(),
  /** euro per month / per year / per measure / per started week, or a count (days, weeks, percent) */
  unit: z.enum(['eur_month', 'eur_year', 'eur_measure', 'eur_week', 'eur_once', 'days_year', 'weeks_year', 'percent', 'months']),
  label: z.object({ de: z.string(), en: z.string() }),
  values: z.array(DatedValue).min(1),
  /** the benefit no longer exists from this date on (e.g. merged into another) */
  endsOn: isoDate.optional(),
});
export const BenefitsFileSchema = z.object({
  reviewed: isoDate,
  nextScheduledChange: isoDate.optional(),
  benefits: z.array(BenefitSchema).min(1),
});
export type Benefit = z.infer<typeof BenefitSchema>;
export type BenefitsFile = z.infer<typeof BenefitsFileSchema>;

/** Text of an answer in one language. Amounts are never typed: use {{b.ID}} (all grades / single
 *  value), {{b.ID.3}} (grade 3) or {{b.ID.grade}} (the user's grade). */
const AnswerText = z.object({
  title: z.string().min(2),
  /** the short plain first reply, at most three sentences */
  short: z.string().min(10),
  /** optional variant of `short` used when the user's care grade is known ({{b.ID.grade}} allowed) */
  shortWithGrade: z.string().optional(),
  details: z.string().min(10),
  /** the next concrete step */
  next: z.string().min(5),
  /** jargon explained: term → plain explanation */
  glossary: z.record(z.string(), z.string()).optional(),
});

export const AnswerSchema = z.object({
  /** equals the NLU intent that triggers it */
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  legal: z.array(z.string()).min(1),
  sources: z.array(z.string()).min(1),
  reviewed: isoDate,
  /** the answer differs by care grade: the bot asks for the grade if it does not know it */
  usesGrade: z.boolean().default(false),
  /** offer category searched when the user asks for local help on this topic */
  offerCategory: z.string().optional(),
  /** ids of answers offered as follow-up buttons */
  followUps: z.array(z.string()).max(4).default([]),
  de: AnswerText,
  en: AnswerText,
});
export type Answer = z.infer<typeof AnswerSchema>;
/** What a lower layer adds to an answer of a higher layer: its own sentence at the end of `short`
 *  or `details` (a state's law, a city's office), its own `next` step in place of the shared one,
 *  glossary entries, sources and legal bases. So the federal answers stay true in every state and
 *  the shared ones name no city, while a Mülheim reader still gets NRW's Pflegewohngeld and the
 *  city's page. */
const SupplementText = z.object({
  short: z.string().min(10).optional(),
  details: z.string().min(10).optional(),
  next: z.string().min(5).optional(),
  glossary: z.record(z.string(), z.string()).optional(),
});
export const SupplementSchema = z.object({
  answer: z.string().regex(/^[a-z][a-z0-9_]*$/),
  sources: z.array(z.string()).min(1),
  legal: z.array(z.string()).default([]),
  /** when this layer last checked its addition; the answer shows the older of both dates */
  reviewed: isoDate,
  de: SupplementText.optional(),
  en: SupplementText.optional(),
}).refine((x) => (x.de === undefined) === (x.en === undefined), { message: 'a supplement adds text in both languages or in neither', path: ['en'] });
export type Supplement = z.infer<typeof SupplementSchema>;
export const AnswersFileSchema = z.object({
  answers: z.array(AnswerSchema).min(1),
  supplements: z.array(SupplementSchema).default([]),
});
export type AnswersFile = z.infer<typeof AnswersFileSchema>;

/** NLU corpus of one language (node-nlp style, with held-out tests kept apart). */
export const CorpusSchema = z.object({
  name: z.string(),
  locale: z.enum(LANGS),
  data: z.array(z.object({
    intent: z.string().regex(/^[a-z][a-z0-9_]*$/),
    utterances: z.array(z.string().min(1)).min(5),
    /** held out: never trained on; used by eval:nlu and the accuracy gate */
    tests: z.array(z.string().min(1)).min(3),
  })).min(1),
});
export type Corpus = z.infer<typeof CorpusSchema>;

/** Crisis net checked before anything else in every turn. Patterns are case-insensitive regular
 *  expressions over normalised text (lower case, umlauts and ß folded to ae/oe/ue/ss, apostrophes
 *  removed); they are folded the same way when compiled, so "ä" and "ae" in a pattern mean the same. */
const perLang = z.object({ de: z.array(z.string()), en: z.array(z.string()) });
export const FEELINGS = ['overload', 'guilt', 'fear', 'grief'] as const;
// `missing` (session 16c): a person (mostly with dementia) gone missing now needs the police (110) at
// once, not the out-of-hours doctor: its own answer, so its own kind
export const CRISIS_KINDS = ['suicidal', 'medical', 'loss_of_control', 'violence', 'neglect', 'out_of_hours', 'missing'] as const;
/** care questions a clear crisis answer still answers briefly after the numbers (locales crisis_help.*) */
export const CRISIS_HELP_TOPICS = ['relief', 'carer_relief', 'self_neglect', 'carer_away'] as const;
export const SafetySchema = z.object({
  reviewed: isoDate,
  /** chat spelling and frequent typos, whole word → word ("nich" → "nicht", "nimmer" → "nicht mehr") */
  spelling: z.record(z.string(), z.string()).default({}),
  /** key words also recognised with one typo (a letter missing, added, changed or two swapped) */
  fuzzy: z.array(z.string().min(6)).default([]),
  /** sentence markers: a past event, the present ("jetzt"), a hypothetical or prevention question,
   *  and the negation words that cancel a cue right after them */
  markers: z.object({
    history: perLang, present: perLang, hypothetical: perLang, negation: perLang,
    /** someone is dying (palliative care, a hospice): not drinking, pain at night and fear of
     *  thirst belong to dying there, so the classifier alone calls no neglect, loss of control or
     *  out-of-hours crisis in such a message */
    dying: perLang.default({ de: [], en: [] }),
    /** a fear about the future ("I worry he will collapse", "Angst, dass er umkippt"): without a
     *  present marker in the sentence it counts as hypothetical and lends no cue to the rest */
    fear: perLang.default({ de: [], en: [] }),
    /** a symptom told as something that keeps coming ("nachts hat er Atemnot"): in a dying frame and
     *  without a present marker it is the known course of the illness, not an emergency now */
    ongoing: perLang.default({ de: [], en: [] }),
    /** an event far from the people now talking: childhood, decades ago, a news report, a film, a
     *  friend's story. Violence or neglect there is no crisis of this conversation (no line at all);
     *  a death wish there keeps the gentle line, as the past does */
    remote: perLang.default({ de: [], en: [] }),
    /** the message says it asks ahead ("Ich will vorbereitet sein", "just planning ahead"): each of
     *  its sentences counts as hypothetical unless that sentence speaks of the present, also where
     *  the planning is said in another sentence than the emergency it names */
    planning: perLang.default({ de: [], en: [] }),
  })
    .default({
      history: { de: [], en: [] }, present: { de: [], en: [] }, hypothetical: { de: [], en: [] },
      negation: { de: [], en: [] }, dying: { de: [], en: [] }, fear: { de: [], en: [] }, ongoing: { de: [], en: [] }, remote: { de: [], en: [] },
      planning: { de: [], en: [] },
    }),
  categories: z.array(z.object({
    id: z.enum(CRISIS_KINDS),
    /** a clear crisis (the numbers first) */
    patterns: z.object({ de: z.array(z.string()).min(1), en: z.array(z.string()).min(1) }),
    /** a possible crisis (one gentle line beside the answer) */
    possible: perLang.optional(),
    /** phrases that look alike but are not a crisis ("Notruf-Knopf kaufen") */
    exclude: perLang.optional(),
  })),
  /** cue groups combined per sentence by `combos` (first person + wish + an ending; a symptom + now);
   *  a combination lists its rarest cue first: that cue alone decides whether the text is looked at */
  cues: z.array(z.object({ id: z.string().regex(/^[a-z][a-z_]*$/), de: z.array(z.string()).min(1), en: z.array(z.string()).min(1) })).default([]),
  combos: z.array(z.object({
    kind: z.enum(CRISIS_KINDS),
    strength: z.enum(['clear', 'possible']),
    all: z.array(z.string()).min(2),
  })).default([]),
  /** look-alikes of a whole message (bot/safety/messageLookAlikes.ts): a kind is no crisis where all
   *  cues of `all` are found in the message (in any sentences) and none of `unless` */
  messageLookAlikes: z.array(z.object({
    kind: z.enum(CRISIS_KINDS),
    all: z.array(z.string()).min(1),
    unless: z.array(z.string()).optional(),
    notPast: z.boolean().optional(),
  })).default([]),
  /** overload, guilt, fear, grief without a crisis: the answer first acknowledges it (locales feelings.*) */
  feelings: z.array(z.object({ id: z.enum(FEELINGS), de: z.array(z.string()).min(1), en: z.array(z.string()).min(1) })).default([]),
  /** social intents (greeting, thanks, goodbye, cancel, out of scope) answer only short messages
   *  (at most maxWords words) that name no care concept */
  social: z.object({ maxWords: z.number().int().min(1).max(20), care: perLang }).default({ maxWords: 6, care: { de: [], en: [] } }),
  /** a care question inside a clear crisis ("… welche Entlastung gibt es?", a neighbour alone in the
   *  dark): after the crisis numbers, one short answer (locales crisis_help.<id>) for these kinds */
  crisisHelp: z.array(z.object({
    id: z.enum(CRISIS_HELP_TOPICS),
    kinds: z.array(z.enum(CRISIS_KINDS)).min(1),
    de: z.array(z.string()).min(1),
    en: z.array(z.string()).min(1),
  })).default([]),
});
export type Safety = z.infer<typeof SafetySchema>;

/** A question entry: one specific question under a topic, with its own short answer
 *  (knowledge/<layer>/questions/<area>.json; format in knowledge/README.md). `q` holds the ways
 *  people ask it: the retrieval index is built from them. */
const QuestionText = AnswerText.omit({ glossary: true }).extend({
  q: z.array(z.string().min(3)).min(5, 'give at least 5 ways people ask this question'),
  title: z.string().min(2),
  short: z.string().min(10).max(450),
  details: z.string().min(10).max(900),
  next: z.string().min(5).max(300),
});
export const QuestionEntrySchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** the topic answer it belongs to: its fallback, offer category and local help */
  topic: z.string().regex(/^[a-z][a-z0-9_]*$/),
  legal: z.array(z.string().min(2)).min(1),
  sources: z.array(z.string()).min(1),
  reviewed: isoDate,
  /** concept ids of knowledge/concepts.json that this question turns on */
  concepts: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)).default([]),
  followUps: z.array(z.string()).max(4).default([]),
  /** ids of entries merged into this one: buttons, follow-ups and stored conversations that name them
   *  still reach it (knowledge/README.md, "Merging two entries") */
  formerIds: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)).default([]),
  de: QuestionText,
  en: QuestionText,
});
export type QuestionEntry = z.infer<typeof QuestionEntrySchema>;
export const QuestionsFileSchema = z.object({
  /** sources only this file cites; their ids start with q_ */
  sources: z.array(SourceSchema.extend({ id: z.string().regex(/^q_[a-z0-9_-]+$/, 'a question file\'s own source id starts with q_') })).default([]),
  questions: z.array(QuestionEntrySchema).min(1),
});
export type QuestionsFile = z.infer<typeof QuestionsFileSchema>;

/** The care-domain concept lexicon (knowledge/concepts.json): colloquial words and word stems of
 *  both languages → one concept id. A term ending in '*' matches every word that starts with it
 *  ("badumbau*"); other terms match a whole word or, with a space, a phrase. Matching is on folded
 *  text (lower case, ä→ae, ß→ss). */
const ConceptTerm = z.string().min(2).refine((t) => !t.endsWith('*') || t.trim().length >= 4, 'a word start ("umbau*") needs at least three letters before the *');
export const ConceptsFileSchema = z.object({
  reviewed: isoDate,
  concepts: z.array(z.object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/),
    /** other ids that mean this concept (question entries may use them) */
    aliases: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)).default([]),
    /** "context": the concept tells the situation (who is cared for, where, which grade), not what is
     *  asked; naming it does not make a message the specific question of an entry (bot/nlu/retrieve.ts) */
    role: z.enum(['subject', 'context']).optional(),
    de: z.array(ConceptTerm).min(1),
    en: z.array(ConceptTerm).min(1),
  })).min(1),
});
export type ConceptsFile = z.infer<typeof ConceptsFileSchema>;
