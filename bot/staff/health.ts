// Content health for editors: every answer, question entry and offer with its review date, oldest first, and
// whether it is older than the city pack's staleAfterDays (the same rule kb:check warns with); the
// amounts of the dated benefits table with the value in force today and the next change. Pure.
import type { KnowledgeBase } from '../knowledge/kb';
import type { BenefitsFile } from '../knowledge/schema';
import type { Offer } from '../offers/schema';

export interface HealthRow { kind: 'answer' | 'question' | 'offer'; id: string; title: string; reviewed: string | null; ageDays: number | null; stale: boolean; where: string }
export interface AmountRow {
  id: string; label: string; law: string; unit: string;
  current: { validFrom: string; values: (number | null)[] } | null;
  next: { validFrom: string; values: (number | null)[] } | null;
}
export interface ContentHealth {
  today: string; staleAfterDays: number; rows: HealthRow[]; amounts: AmountRow[]; nextScheduledChange: string | null; benefitsReviewed: string;
}

const DAY = 86_400_000;
function age(date: string | null, today: string): number | null {
  return date ? Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / DAY) : null;
}

type Dated = { validFrom: string; byGrade?: (number | null)[]; value?: number | null };
function valuesOf(v: Dated): (number | null)[] {
  if (Array.isArray(v.byGrade)) return v.byGrade;
  return [v.value ?? null];
}

export function amountRows(table: BenefitsFile, today: string): AmountRow[] {
  return table.benefits.map((b) => {
    const values = [...(b.values as unknown as Dated[])].sort((x, y) => x.validFrom.localeCompare(y.validFrom));
    const current = [...values].reverse().find((v) => v.validFrom <= today) ?? null;
    const next = values.find((v) => v.validFrom > today) ?? null;
    return {
      id: b.id, label: b.label.de, law: b.law, unit: b.unit,
      current: current && { validFrom: current.validFrom, values: valuesOf(current) },
      next: next && { validFrom: next.validFrom, values: valuesOf(next) },
    };
  });
}

export function contentHealth(kb: KnowledgeBase, offers: readonly Offer[], staleAfterDays: number, today: string): ContentHealth {
  const rows: HealthRow[] = [];
  for (const a of kb.answers.values()) {
    const d = age(a.reviewed, today);
    rows.push({ kind: 'answer', id: a.id, title: a.de.title, reviewed: a.reviewed, ageDays: d, stale: d !== null && d > staleAfterDays, where: a.layer });
  }
  for (const q of kb.questions.values()) {
    const d = age(q.reviewed, today);
    rows.push({ kind: 'question', id: q.id, title: q.de.title, reviewed: q.reviewed, ageDays: d, stale: d !== null && d > staleAfterDays, where: q.layer });
  }
  for (const o of offers) {
    const d = age(o.verified.date, today);
    // an undated offer cannot be trusted to be current: it counts as stale
    rows.push({ kind: 'offer', id: o.id, title: o.name, reviewed: o.verified.date, ageDays: d, stale: d === null || d > staleAfterDays, where: o.address?.areaText ?? '' });
  }
  rows.sort((a, b) => (a.reviewed ?? '').localeCompare(b.reviewed ?? '') || a.id.localeCompare(b.id));
  return {
    today, staleAfterDays, rows, amounts: amountRows(kb.benefits, today),
    nextScheduledChange: kb.benefits.nextScheduledChange ?? null, benefitsReviewed: kb.benefits.reviewed,
  };
}
