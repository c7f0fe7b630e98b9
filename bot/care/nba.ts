// Care-grade self-check: scoring exactly as § 15 SGB XI with Anlagen 1 and 2. The catalogue
// (knowledge/federal/nba.json) holds items, scales, ranges and thresholds; the rules that are
// law rather than data — module 5 conversions, only the higher of M2/M3 counts — are here.
import type { NbaCatalogue, NbaCriterion, NbaFrequency, NbaModule, NbaScale } from './nbaSchema';

/** Criterion id ("4.8") or gate id ("4.11.gate") → index of the chosen option in its scale. */
export type NbaAnswers = Readonly<Record<string, number>>;

export type CareGrade = 0 | 1 | 2 | 3 | 4 | 5;

export interface NbaScoreOptions {
  /** modules the user chose to skip; they count 0 */
  skipped?: readonly number[];
  /** § 15(4) special constellation confirmed by a professional: grade 5 even below 90 points */
  specialConstellation?: boolean;
}

export interface NbaModuleResult {
  id: number;
  raw: number;
  weighted: number;
  /** severity 0..4 (Anlage 2 range) */
  range: number;
  skipped: boolean;
  /** false for the lower of M2/M3, which does not enter the total */
  counted: boolean;
  /** criteria (and gates) of a non-skipped module without an answer; they counted 0 */
  unanswered: string[];
}

export interface NbaResult {
  modules: NbaModuleResult[];
  /** weighted total, 0..100 */
  total: number;
  /** grade by points alone */
  gradeByPoints: CareGrade;
  /** grade after § 15(4) */
  grade: CareGrade;
  specialConstellation: boolean;
  /** which of M2/M3 counted */
  bestOf: number;
  /** modules that counted 0 because they were skipped or not answered at all */
  skipped: number[];
  unanswered: string[];
  /** counted modules with points, largest contribution first */
  drivers: Array<{ module: number; weighted: number }>;
  /** the next grade up and the weighted points still missing (none at grade 5) */
  next?: { grade: CareGrade; min: number; missing: number };
}

// Totals are sums of quarter points (2.5, 3.75, …) and module 5 sums of tenths; rounding
// away binary noise keeps boundaries like 4.3 × 3 = 12.9 exact.
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

export function findModule(cat: NbaCatalogue, id: number): NbaModule {
  const m = cat.modules.find((x) => x.id === id);
  if (!m) throw new RangeError(`no module ${id}`);
  return m;
}

export function findScale(cat: NbaCatalogue, id: string): NbaScale {
  const s = cat.scales.find((x) => x.id === id);
  if (!s) throw new RangeError(`no scale ${id}`);
  return s;
}

export function findCriterion(cat: NbaCatalogue, id: string): NbaCriterion {
  for (const m of cat.modules) {
    const c = m.criteria.find((x) => x.id === id);
    if (c) return c;
  }
  throw new RangeError(`no criterion ${id}`);
}

function option(scale: NbaScale, index: number, key: string) {
  if (!Number.isInteger(index) || index < 0 || index >= scale.options.length) {
    throw new RangeError(`answer ${key}: option ${index} does not exist on scale ${scale.id}`);
  }
  return scale.options[index];
}

/** Gate answered yes? (true also for criteria without a gate) */
function gateOpen(cat: NbaCatalogue, c: NbaCriterion, answers: NbaAnswers): boolean {
  if (!c.gate) return true;
  const a = answers[c.gate.id];
  if (a === undefined) return false;
  return option(findScale(cat, c.gate.scale), a, c.gate.id).gate === true;
}

/** Count per day as Anlage 1 converts it: weekly ÷ 7, monthly ÷ 30. */
export function perDay(f: NbaFrequency): number {
  return f.per === 'day' ? f.count : f.per === 'week' ? f.count / 7 : f.count / 30;
}

/** 5.1–5.7: summed measures per day → points. None or less than once a day 0; 1–3 → 1;
 *  more than 3 up to 8 → 2; more than 8 → 3. */
export function convertPerDayGroup(sumPerDay: number): 0 | 1 | 2 | 3 {
  const x = round6(sumPerDay);
  if (x < 1) return 0;
  if (x <= 3) return 1;
  if (x <= 8) return 2;
  return 3;
}

/** 5.8–5.11: summed measures per day → points. Less than once a week 0; once to several times a
 *  week (below daily) 1; once to below three times a day 2; three times a day or more 3. */
export function convertPerWeekGroup(sumPerDay: number): 0 | 1 | 2 | 3 {
  const perWeek = round6(sumPerDay * 7);
  const x = round6(sumPerDay);
  if (perWeek < 1) return 0;
  if (x < 1) return 1;
  if (x < 3) return 2;
  return 3;
}

/** 5.12–5.15: summed visit points (daily ×60; weekly ×8.6 or ×4.3; monthly ×2 or ×1) →
 *  0 below 4.3; 1 below 8.6; 2 below 12.9; 3 below 60; 6 from 60. */
export function convertVisitsGroup(sum: number): 0 | 1 | 2 | 3 | 6 {
  const x = round6(sum);
  if (x < 4.3) return 0;
  if (x < 8.6) return 1;
  if (x < 12.9) return 2;
  if (x < 60) return 3;
  return 6;
}

/** Raw points of one criterion on a points scale (gate closed or no answer → 0). */
export function criterionPoints(cat: NbaCatalogue, c: NbaCriterion, answers: NbaAnswers): number {
  const a = answers[c.id];
  if (a === undefined || !gateOpen(cat, c, answers)) return 0;
  const o = option(findScale(cat, c.scale), a, c.id);
  return o.points ?? 0;
}

/** Sum of raw points of a module (Anlage 1), module 5 with its group conversions. */
export function rawModuleScore(cat: NbaCatalogue, moduleId: number, answers: NbaAnswers): number {
  const m = findModule(cat, moduleId);
  let raw = 0;
  let perDaySum = 0;
  let perWeekSum = 0;
  let visits = 0;
  const groups = new Set<string>();
  for (const c of m.criteria) {
    if (!c.m5Group) {
      raw += criterionPoints(cat, c, answers);
      continue;
    }
    groups.add(c.m5Group);
    const a = answers[c.id];
    if (a === undefined) continue;
    const f = option(findScale(cat, c.scale), a, c.id).freq;
    if (!f || f.count === 0) continue;
    if (c.m5Group === 'per_day') perDaySum += perDay(f);
    else if (c.m5Group === 'per_week') perWeekSum += perDay(f);
    else {
      const pts = c.pointsPer?.[f.per];
      if (pts === undefined) throw new RangeError(`criterion ${c.id}: no points per ${f.per}`);
      visits += f.count * pts;
    }
  }
  if (groups.has('per_day')) raw += convertPerDayGroup(perDaySum);
  if (groups.has('per_week')) raw += convertPerWeekGroup(perWeekSum);
  if (groups.has('visits')) raw += convertVisitsGroup(visits);
  return raw;
}

/** Severity range 0..4 of a raw sum (Anlage 2). */
export function moduleRange(cat: NbaCatalogue, moduleId: number, raw: number): number {
  const m = findModule(cat, moduleId);
  const k = m.ranges.findIndex(([from, to]) => raw >= from && raw <= to);
  if (k < 0) throw new RangeError(`module ${moduleId}: raw score ${raw} outside Anlage 2`);
  return k;
}

/** Weighted points of a raw sum (Anlage 2). */
export function weightedModuleScore(cat: NbaCatalogue, moduleId: number, raw: number): number {
  return findModule(cat, moduleId).weighted[moduleRange(cat, moduleId, raw)];
}

/** Grade for a weighted total (§ 15(3)): below the first threshold → 0 (no grade). */
export function gradeForTotal(cat: NbaCatalogue, total: number): CareGrade {
  let g: CareGrade = 0;
  for (const t of cat.grades) if (total >= t.min) g = t.grade as CareGrade;
  return g;
}

function answeredAny(cat: NbaCatalogue, m: NbaModule, answers: NbaAnswers): boolean {
  return m.criteria.some((c) => answers[c.id] !== undefined || (c.gate && answers[c.gate.id] !== undefined));
}

/** Full self-check result. */
export function scoreNba(cat: NbaCatalogue, answers: NbaAnswers, opts: NbaScoreOptions = {}): NbaResult {
  const skippedSet = new Set(opts.skipped ?? []);
  const modules: NbaModuleResult[] = cat.modules.map((m) => {
    const skipped = skippedSet.has(m.id) || !answeredAny(cat, m, answers);
    const raw = skipped ? 0 : rawModuleScore(cat, m.id, answers);
    const unanswered: string[] = [];
    if (!skipped) {
      for (const c of m.criteria) {
        if (c.gate && answers[c.gate.id] === undefined) unanswered.push(c.gate.id);
        if (answers[c.id] === undefined && gateOpen(cat, c, answers)) unanswered.push(c.id);
      }
    }
    const range = moduleRange(cat, m.id, raw);
    return { id: m.id, raw, weighted: m.weighted[range], range, skipped, counted: true, unanswered };
  });
  const [a, b] = cat.bestOf;
  const ma = modules.find((x) => x.id === a)!;
  const mb = modules.find((x) => x.id === b)!;
  // the higher weighted score counts; on a tie the first one stands for both
  const best = mb.weighted > ma.weighted ? mb : ma;
  (best === ma ? mb : ma).counted = false;
  const total = round6(modules.filter((x) => x.counted).reduce((s, x) => s + x.weighted, 0));
  const gradeByPoints = gradeForTotal(cat, total);
  const special = opts.specialConstellation === true;
  const grade: CareGrade = special ? 5 : gradeByPoints;
  const drivers = modules
    .filter((x) => x.counted && x.weighted > 0)
    .sort((x, y) => y.weighted - x.weighted || x.id - y.id)
    .map((x) => ({ module: x.id, weighted: x.weighted }));
  const nextThreshold = cat.grades.find((t) => t.grade === grade + 1);
  return {
    modules,
    total,
    gradeByPoints,
    grade,
    specialConstellation: special,
    bestOf: best.id,
    skipped: modules.filter((x) => x.skipped).map((x) => x.id),
    unanswered: modules.flatMap((x) => x.unanswered),
    drivers,
    next: nextThreshold && grade < 5
      ? { grade: nextThreshold.grade as CareGrade, min: nextThreshold.min, missing: round6(nextThreshold.min - total) }
      : undefined,
  };
}

/** All questions of a module in asking order: a gate comes right before its criterion. */
export function questionOrder(cat: NbaCatalogue, moduleId: number): Array<{ id: string; scale: string; gateOf?: string }> {
  const out: Array<{ id: string; scale: string; gateOf?: string }> = [];
  for (const c of findModule(cat, moduleId).criteria) {
    if (c.gate) out.push({ id: c.gate.id, scale: c.gate.scale, gateOf: c.id });
    out.push({ id: c.id, scale: c.scale });
  }
  return out;
}

/** Should this question be asked, given the answers so far? A criterion behind a gate only
 *  after the gate was answered yes — otherwise it would not count anyway. */
export function isAskable(cat: NbaCatalogue, questionId: string, answers: NbaAnswers): boolean {
  if (/\.gate$/.test(questionId)) return true;
  return gateOpen(cat, findCriterion(cat, questionId), answers);
}
