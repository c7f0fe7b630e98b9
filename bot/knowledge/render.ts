// Fills answer texts from the dated benefits table: amounts are never typed into prose.
import type { Lang } from './schema';

/** Returns the formatted value of a benefit ("599 €") for a grade, or undefined if it does not apply. */
export type AmountLookup = (id: string, grade: number | undefined) => string | undefined;

const TOKEN = /\{\{\s*(b\.([a-z0-9_]+)(?:\.(grade|[1-5]))?|grade)\s*\}\}/g;

export class MissingValueError extends Error {
  /** the value is missing for the date, not for a grade: the benefit did not exist yet (or no more) */
  readonly undated: boolean;
  constructor(key: string, undated = false) {
    super(key);
    this.undated = undated;
  }
}

export function fillPlaceholders(text: string, opts: { grade?: number; amount: AmountLookup }): string {
  return text.replace(TOKEN, (_m, whole: string, id?: string, which?: string) => {
    if (whole === 'grade') {
      if (opts.grade === undefined) throw new MissingValueError('grade');
      return String(opts.grade);
    }
    const grade = which === 'grade' ? opts.grade : which ? Number(which) : undefined;
    if (which === 'grade' && grade === undefined) throw new MissingValueError('grade');
    const v = opts.amount(id!, grade);
    if (v === undefined) throw new MissingValueError(`${id}${grade ? `.${grade}` : ''}`, grade === undefined);
    return v;
  });
}

// a sentence ends at . ! ? before a capital letter or a quote ("bis 30. Juni" does not end one)
const SENTENCE_END = /(?<=[.!?])\s+(?=[A-ZÄÖÜ„"(])/;

/** fillPlaceholders for texts of several sentences: a sentence naming an amount the dated table holds
 *  no value for on that date is left out, so the rest still answers (the joint respite budget before
 *  it began on 2025-07-01). A missing grade, or an amount missing only at that grade, still throws:
 *  the caller says "not at this grade" then. */
export function fillSentences(text: string, opts: { grade?: number; amount: AmountLookup }): string {
  try {
    return fillPlaceholders(text, opts);
  } catch (err) {
    if (!(err instanceof MissingValueError) || !err.undated) throw err;
  }
  const kept: string[] = [];
  for (const sentence of text.split(SENTENCE_END)) {
    try {
      kept.push(fillPlaceholders(sentence, opts));
    } catch (err) {
      if (!(err instanceof MissingValueError) || !err.undated) throw err;
    }
  }
  return kept.join(' ');
}

export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (lang === 'de') return `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${d} ${months[m - 1]} ${y}`;
}
