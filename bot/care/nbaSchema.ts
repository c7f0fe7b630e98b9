// Schema of knowledge/federal/nba.json: the assessment instrument of § 15 SGB XI (Anlagen 1 and 2)
// as data — modules, criteria, answer scales, Anlage 2 ranges, grade thresholds. The scoring
// rules that are law rather than data (module 5 conversions, max of M2/M3) live in nba.ts.
import { z } from 'zod';
import { isoDate } from '../knowledge/schema';

const LangText = z.object({ de: z.string().min(1), en: z.string().min(1) });

/** How often a measure is needed, as entered: count per day / week / month. */
export const FrequencySchema = z.object({
  count: z.number().min(0),
  per: z.enum(['day', 'week', 'month']),
});

export const NbaOptionSchema = z.object({
  de: z.string().min(1),
  en: z.string().min(1),
  /** raw points (Anlage 1) — scales of kind 'points' */
  points: z.number().min(0).optional(),
  /** representative frequency of help — scales of kind 'frequency' (module 5) */
  freq: FrequencySchema.optional(),
  /** answer to a gate question — scales of kind 'gate' */
  gate: z.boolean().optional(),
});

export const NbaScaleSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  kind: z.enum(['points', 'frequency', 'gate']),
  /** "1".."n" typed alone picks the option at that position (off where digits are counts) */
  positionDigits: z.boolean(),
  /** ordered from most independent / "never" to least independent */
  options: z.array(NbaOptionSchema).min(2),
  /** free-text answers per option (same order as options), matched after normalisation */
  synonyms: z.object({ de: z.array(z.array(z.string().min(1))), en: z.array(z.array(z.string().min(1))) }),
}).superRefine((s, ctx) => {
  s.options.forEach((o, i) => {
    const want = s.kind === 'points' ? o.points : s.kind === 'frequency' ? o.freq : o.gate;
    if (want === undefined) ctx.addIssue({ code: 'custom', message: `scale ${s.id}: option ${i} lacks the field for kind ${s.kind}` });
  });
  for (const lang of ['de', 'en'] as const) {
    if (s.synonyms[lang].length !== s.options.length) {
      ctx.addIssue({ code: 'custom', message: `scale ${s.id}: synonyms.${lang} needs one list per option` });
    }
  }
});

export const NbaCriterionSchema = z.object({
  /** number in Anlage 1, e.g. "4.13" */
  id: z.string().regex(/^[1-6]\.\d{1,2}$/),
  scale: z.string(),
  /** official name of the criterion (de) and its translation */
  title: LangText,
  /** the plain question as one would ask a relative */
  question: LangText,
  hint: LangText.optional(),
  /** asked first; the criterion scores only if the gate answer is true (4.11, 4.12) */
  gate: z.object({ id: z.string().regex(/^[1-6]\.\d{1,2}\.[a-z]+$/), scale: z.string(), question: LangText }).optional(),
  /** module 5 frequency groups: 5.1–5.7 per_day, 5.8–5.11 per_week, 5.12–5.15 visits */
  m5Group: z.enum(['per_day', 'per_week', 'visits']).optional(),
  /** visits group: points per occurrence per day / week / month (Anlage 1, module 5) */
  pointsPer: z.object({ day: z.number().optional(), week: z.number().optional(), month: z.number().optional() }).optional(),
});

export const NbaModuleSchema = z.object({
  id: z.number().int().min(1).max(6),
  /** weight in percent (§ 15(2)) */
  weight: z.number().positive(),
  title: LangText,
  /** one plain sentence for the user: what this part is about */
  explain: LangText,
  /** Anlage 2: raw-point ranges [from, to] for severity 0..4 */
  ranges: z.array(z.tuple([z.number(), z.number()])).length(5),
  /** Anlage 2: weighted points for severity 0..4 */
  weighted: z.array(z.number()).length(5),
  criteria: z.array(NbaCriterionSchema).min(1),
});

export const NbaCatalogueSchema = z.object({
  reviewed: isoDate,
  legal: z.array(z.string()).min(1),
  sources: z.array(z.object({ title: z.string(), url: z.string().url() })).min(1),
  /** developer notes: simplifications made for the self-check */
  notes: z.array(z.string()),
  /** only the higher weighted score of these two modules counts (§ 15(3)) */
  bestOf: z.tuple([z.number(), z.number()]),
  /** lowest weighted total for each grade (§ 15(3)) */
  grades: z.array(z.object({ grade: z.number().int().min(1).max(5), min: z.number() })).length(5),
  scales: z.array(NbaScaleSchema).min(1),
  modules: z.array(NbaModuleSchema).length(6),
}).superRefine((c, ctx) => {
  const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
  const scales = new Map(c.scales.map((s) => [s.id, s]));
  if (scales.size !== c.scales.length) issue('duplicate scale id');
  const ids = new Set<string>();
  c.modules.forEach((m, i) => {
    if (m.id !== i + 1) issue(`modules must be in order 1..6 (found ${m.id} at ${i})`);
    let from = 0;
    m.ranges.forEach(([a, b], k) => {
      if (a !== from || b < a) issue(`module ${m.id}: range ${k} must start at ${from} and not be empty`);
      from = b + 1;
    });
    for (let k = 1; k < 5; k++) if (!(m.weighted[k] > m.weighted[k - 1])) issue(`module ${m.id}: weighted points must rise`);
    let maxRaw = 0;
    const groups = new Set<string>();
    for (const cr of m.criteria) {
      if (ids.has(cr.id)) issue(`duplicate criterion ${cr.id}`);
      ids.add(cr.id);
      if (!cr.id.startsWith(`${m.id}.`)) issue(`criterion ${cr.id} is not in module ${m.id}`);
      const s = scales.get(cr.scale);
      if (!s) { issue(`criterion ${cr.id}: unknown scale ${cr.scale}`); continue; }
      if (cr.gate) {
        const g = scales.get(cr.gate.scale);
        if (!g || g.kind !== 'gate') issue(`criterion ${cr.id}: gate scale must be of kind gate`);
      }
      if (s.kind === 'gate') issue(`criterion ${cr.id}: a gate scale cannot score`);
      if (s.kind === 'frequency') {
        if (m.id !== 5 || !cr.m5Group) { issue(`criterion ${cr.id}: frequency scales belong to module 5 groups`); continue; }
        groups.add(cr.m5Group);
        if (cr.m5Group === 'visits') {
          for (const o of s.options) {
            if (o.freq && o.freq.count > 0 && cr.pointsPer?.[o.freq.per] === undefined) {
              issue(`criterion ${cr.id}: no points per ${o.freq.per}`);
            }
          }
        }
      } else {
        if (cr.m5Group) issue(`criterion ${cr.id}: m5Group needs a frequency scale`);
        maxRaw += Math.max(...s.options.map((o) => o.points ?? 0));
      }
    }
    // module 5 group maxima after conversion (Anlage 1): 3 + 3 + 6
    if (groups.has('per_day')) maxRaw += 3;
    if (groups.has('per_week')) maxRaw += 3;
    if (groups.has('visits')) maxRaw += 6;
    if (m.ranges[4][1] !== maxRaw) issue(`module ${m.id}: last range ends at ${m.ranges[4][1]}, criteria allow ${maxRaw}`);
  });
  const weights = c.modules.reduce((s, m) => s + m.weight, 0);
  // the two bestOf modules share one weight
  const shared = c.modules.find((m) => m.id === c.bestOf[1])?.weight ?? 0;
  if (weights - shared !== 100) issue(`weights must add up to 100 % (M${c.bestOf[0]}/M${c.bestOf[1]} counted once)`);
  for (let k = 0; k < 5; k++) {
    if (c.grades[k].grade !== k + 1) issue('grades must be listed 1..5');
    if (k > 0 && !(c.grades[k].min > c.grades[k - 1].min)) issue('grade thresholds must rise');
  }
});

export type NbaFrequency = z.infer<typeof FrequencySchema>;
export type NbaOption = z.infer<typeof NbaOptionSchema>;
export type NbaScale = z.infer<typeof NbaScaleSchema>;
export type NbaCriterion = z.infer<typeof NbaCriterionSchema>;
export type NbaModule = z.infer<typeof NbaModuleSchema>;
export type NbaCatalogue = z.infer<typeof NbaCatalogueSchema>;

/** Validates the parsed JSON of knowledge/federal/nba.json (throws a ZodError on problems). */
export function parseNbaCatalogue(data: unknown): NbaCatalogue {
  return NbaCatalogueSchema.parse(data);
}
