// Fills answer texts from the dated benefits table: amounts are never typed into prose.
import type { Lang } from './schema';

/** Returns the formatted value of a benefit ("599 €") for a grade, or undefined if it does not apply. */
export type AmountLookup = (id: string, grade: number | undefined) => string | undefined;

const TOKEN = /\{\{\s*(b\.([a-z0-9_]+)(?:\.(grade|[1-5]))?|grade)\s*\}\}/g;

export class MissingValueError extends Error {}

export function fillPlaceholders(text: string, opts: { grade?: number; amount: AmountLookup }): string {
  return text.replace(TOKEN, (_m, whole: string, id?: string, which?: string) => {
    if (whole === 'grade') {
      if (opts.grade === undefined) throw new MissingValueError('grade');
      return String(opts.grade);
    }
    const grade = which === 'grade' ? opts.grade : which ? Number(which) : undefined;
    if (which === 'grade' && grade === undefined) throw new MissingValueError('grade');
    const v = opts.amount(id!, grade);
    if (v === undefined) throw new MissingValueError(`${id}${grade ? `.${grade}` : ''}`);
    return v;
  });
}

export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (lang === 'de') return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${d} ${months[m - 1]} ${y}`;
}
