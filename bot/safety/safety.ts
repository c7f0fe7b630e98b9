// The crisis check runs before anything else in every turn, also inside a running dialog. It is a
// deterministic pattern match (not the statistical NLU) so that its recall can be tested to 100 %.
import type { Safety } from '../knowledge/schema';

export type CrisisKind = 'suicidal' | 'medical' | 'violence' | 'out_of_hours';

interface Compiled { id: CrisisKind; patterns: RegExp[]; exclude: RegExp[] }

export interface SafetyCheck { check(text: string): CrisisKind | undefined }

/** Lower case, single spaces, typographic quotes folded; umlauts kept (patterns list both forms). */
export function normaliseForSafety(text: string): string {
  return text.toLowerCase().replace(/[’‘`´]/g, "'").replace(/\s+/g, ' ').trim();
}

// JavaScript's \b only knows ASCII letters, so "\bärztlicher" would never match. Patterns are written
// with \b and compiled with a Unicode-aware boundary instead.
const W = '[\\p{L}\\p{N}_]';
const UNICODE_BOUNDARY = `(?:(?<!${W})(?=${W})|(?<=${W})(?!${W}))`;
export function compilePattern(p: string): RegExp {
  return new RegExp(p.replace(/\\b/g, UNICODE_BOUNDARY), 'iu');
}

export function createSafetyCheck(data: Safety): SafetyCheck {
  // Both languages are always checked: a crisis must not be missed because the language guess failed.
  const compiled: Compiled[] = data.categories.map((c) => ({
    id: c.id,
    patterns: [...c.patterns.de, ...c.patterns.en].map(compilePattern),
    exclude: [...(c.exclude?.de ?? []), ...(c.exclude?.en ?? [])].map(compilePattern),
  }));
  const history = [...(data.history?.de ?? []), ...(data.history?.en ?? [])].map((p) => new RegExp(compilePattern(p).source, 'giu'));
  return {
    check(text: string): CrisisKind | undefined {
      const t = normaliseForSafety(text);
      // Suicidal thoughts and violence count whenever they are mentioned; only medical and
      // out-of-hours patterns ignore what is said to lie in the past.
      const present = history.reduce((acc, re) => acc.replace(re, ' '), t);
      if (!t) return undefined;
      // Order in the data file is the priority order (suicidal before medical ...).
      for (const c of compiled) {
        const s = c.id === 'medical' || c.id === 'out_of_hours' ? present : t;
        if (c.patterns.some((re) => re.test(s)) && !c.exclude.some((re) => re.test(s))) return c.id;
      }
      return undefined;
    },
  };
}
