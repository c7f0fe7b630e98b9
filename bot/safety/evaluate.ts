// Scores the crisis net on labelled phrasings (test/safety/corpus.jsonl and the held-out set):
// recall per kind and strength, kind accuracy, false alarms (none → clear) and the gentle-line rate
// on negatives. Pure: the script eval:safety reads the files and prints.
import type { Assessment, CrisisKind } from './safety';

export type Label = CrisisKind | 'none';
export interface Phrasing {
  id: string;
  lang: 'de' | 'en';
  text: string;
  kind: Label;
  strength: 'clear' | 'possible' | 'none';
  method: string;
  split?: 'train' | 'dev';
}

export interface Miss { id: string; text: string; expected: string; got: string }
export interface Score {
  total: number;
  /** clear crises answered as clear (the numbers first), per kind and over all */
  clear: Record<string, { n: number; hit: number }>;
  /** possible crises that got at least the gentle line (possible or clear) */
  possible: Record<string, { n: number; hit: number }>;
  /** crises (clear or possible) that were caught with the right kind */
  kindRight: number;
  kindTotal: number;
  /** clear crises that were not answered as clear but asked about directly (Assessment.ask): a band
   *  of its own, never counted as clear */
  askedClear: number;
  negatives: number;
  falseAlarms: number;
  /** negatives asked about directly (a subset of gentleOnNegatives) */
  askedOnNegatives: number;
  gentleOnNegatives: number;
  misses: Miss[];
}

const bump = (r: Record<string, { n: number; hit: number }>, k: string, hit: boolean): void => {
  const e = (r[k] ??= { n: 0, hit: 0 });
  e.n += 1;
  if (hit) e.hit += 1;
};

export function parseJsonl(text: string, file = 'input'): Phrasing[] {
  return text.split('\n').map((l, i) => [l.trim(), i] as const).filter(([l]) => l).map(([l, i]) => {
    try {
      return JSON.parse(l) as Phrasing;
    } catch (e) {
      throw new Error(`${file}:${i + 1}: ${(e as Error).message}`, { cause: e });
    }
  });
}

export function score(rows: readonly Phrasing[], assess: (text: string) => Assessment | undefined): Score {
  const s: Score = { total: rows.length, clear: {}, possible: {}, kindRight: 0, kindTotal: 0, askedClear: 0, negatives: 0, falseAlarms: 0, askedOnNegatives: 0, gentleOnNegatives: 0, misses: [] };
  for (const r of rows) {
    const got = assess(r.text);
    const gotLabel = got ? `${got.kind}/${got.ask ? 'asked' : got.strength}` : 'none';
    if (r.kind === 'none' || r.strength === 'none') {
      s.negatives += 1;
      if (got?.strength === 'clear') s.falseAlarms += 1;
      if (got?.strength === 'possible') s.gentleOnNegatives += 1;
      if (got?.ask) s.askedOnNegatives += 1;
      if (got) s.misses.push({ id: r.id, text: r.text, expected: 'none', got: gotLabel });
      continue;
    }
    const expected = `${r.kind}/${r.strength}`;
    if (r.strength === 'clear') {
      const hit = got?.strength === 'clear';
      bump(s.clear, r.kind, hit);
      bump(s.clear, 'all', hit);
      if (!hit && got?.ask) s.askedClear += 1;
      if (!hit) s.misses.push({ id: r.id, text: r.text, expected, got: gotLabel });
      else if (got.kind !== r.kind) s.misses.push({ id: r.id, text: r.text, expected, got: gotLabel });
    } else {
      const hit = !!got;
      bump(s.possible, r.kind, hit);
      bump(s.possible, 'all', hit);
      if (!hit) s.misses.push({ id: r.id, text: r.text, expected, got: gotLabel });
    }
    if (got) {
      s.kindTotal += 1;
      if (got.kind === r.kind) s.kindRight += 1;
    }
  }
  return s;
}

const pct = (hit: number, n: number): string => (n ? `${((100 * hit) / n).toFixed(1)}% (${hit}/${n})` : '–');

/** Lines of a report. `showTexts` false: misses by id and labels only (held-out data). */
export function formatScore(name: string, s: Score, showTexts: boolean): string[] {
  const out = [`=== ${name}: ${s.total} phrasings`];
  out.push('clear crises answered as clear (numbers first):');
  for (const [k, v] of Object.entries(s.clear).sort()) out.push(`  ${k.padEnd(16)} ${pct(v.hit, v.n)}`);
  const clearN = s.clear.all?.n ?? 0;
  out.push(`clear crises asked about directly (not counted as clear): ${pct(s.askedClear, clearN)}; clear or asked: ${pct((s.clear.all?.hit ?? 0) + s.askedClear, clearN)}`);
  out.push('possible crises given at least the gentle line:');
  for (const [k, v] of Object.entries(s.possible).sort()) out.push(`  ${k.padEnd(16)} ${pct(v.hit, v.n)}`);
  out.push(`kind accuracy of caught crises: ${pct(s.kindRight, s.kindTotal)}`);
  out.push(`false alarms (none → clear): ${pct(s.falseAlarms, s.negatives)}`);
  out.push(`gentle line on negatives (none → possible): ${pct(s.gentleOnNegatives, s.negatives)}, of them asked directly: ${pct(s.askedOnNegatives, s.negatives)}`);
  out.push(`misses and wrong kinds: ${s.misses.length}`);
  for (const m of s.misses) out.push(showTexts ? `  ${m.id} ${m.expected} → ${m.got}: ${m.text}` : `  ${m.id} ${m.expected} → ${m.got}`);
  return out;
}
