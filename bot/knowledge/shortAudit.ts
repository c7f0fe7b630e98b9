// The short-answer audit (issue 17): a question entry is often found for the right question, but its
// short answer does not carry the fact the question turns on ("Wie viel …?" without an amount, "Ab
// wann …?" without a point in time, "Wer zahlt …?" without a payer, "Darf ich …?" without Ja/Nein).
// The words for each kind of fact are data (knowledge/short-audit.json); this module only applies
// them. Pure: kb:check reads the files and reports what `auditShortAnswers` returns.
import { z } from 'zod';
import type { Lang, QuestionsFile } from './schema';
import { foldMarks } from '../text/fold';

const Patterns = z.object({ de: z.array(z.string().min(1)).min(1), en: z.array(z.string().min(1)).min(1) }).strict();

export const ShortAuditFileSchema = z.object({
  reviewed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  note: z.string().optional(),
  /** share of an entry's variants (both languages) that must ask a kind before its short is audited */
  minShare: z.number().gt(0).max(1),
  kinds: z.array(z.object({
    id: z.string().regex(/^[a-z_]+$/),
    /** 'error' only for kinds whose findings were all real defects when the rule was made */
    severity: z.enum(['warning', 'error']),
    label: z.string().min(1),
    /** this kind's own share, where the file's is too low (yes/no is asked in passing by many variants) */
    minShare: z.number().gt(0).max(1).optional(),
    /** asked with a question word (wie viel, ab wann, wer …) */
    questionWord: z.boolean().optional(),
    /** not counted when a question word asks something else: "Kann ich wissen, wie viel …?" asks the amount */
    yieldsToQuestionWord: z.boolean().optional(),
    ask: Patterns,
    answer: Patterns,
  }).strict()).min(1),
}).strict();
export type ShortAuditFile = z.infer<typeof ShortAuditFileSchema>;

/** The audit's folding: text/fold's foldMarks (the patterns are written in both languages, so the
 *  ASCII spellings stay: English "does" must not become "dos"). */
export const auditFold = foldMarks;
export interface AuditKind {
  id: string; severity: 'warning' | 'error'; label: string; minShare?: number; questionWord?: boolean; yieldsToQuestionWord?: boolean;
  ask: Record<Lang, RegExp[]>; answer: Record<Lang, RegExp[]> }
export interface ShortAuditRules { minShare: number; kinds: AuditKind[] }

/** Compiles the file's patterns; a pattern that does not compile or is not folded is a problem. */
export function compileShortAudit(file: ShortAuditFile): { rules: ShortAuditRules; problems: { path: PropertyKey[]; message: string }[] } {
  const problems: { path: PropertyKey[]; message: string }[] = [];
  const compile = (list: string[], at: PropertyKey[]): RegExp[] => list.flatMap((p, i) => {
    // patterns meet auditFold-ed text, so a capital letter or an umlaut in them could never match
    if (p.replace(/\\[a-zA-Z]/g, '') !== auditFold(p.replace(/\\[a-zA-Z]/g, ''))) problems.push({ path: [...at, i], message: `pattern "${p}" is not folded (lower case, ss, no umlauts)` });
    try {
      return [new RegExp(p, 'u')];
    } catch (e) {
      problems.push({ path: [...at, i], message: `pattern "${p}" does not compile: ${(e as Error).message}` });
      return [];
    }
  });
  const kinds = file.kinds.map((k, i): AuditKind => ({
    id: k.id, severity: k.severity, label: k.label, minShare: k.minShare, questionWord: k.questionWord, yieldsToQuestionWord: k.yieldsToQuestionWord,
    ask: { de: compile(k.ask.de, ['kinds', i, 'ask', 'de']), en: compile(k.ask.en, ['kinds', i, 'ask', 'en']) },
    answer: { de: compile(k.answer.de, ['kinds', i, 'answer', 'de']), en: compile(k.answer.en, ['kinds', i, 'answer', 'en']) },
  }));
  return { rules: { minShare: file.minShare, kinds }, problems };
}

/** The sentence of a variant that asks: the last one with a question mark (a story asks last), else all of it. */
export function askingPart(variant: string): string {
  const parts = variant.split(/(?<=[.!?])\s+/).map((s) => s.trim()).filter(Boolean);
  const asking = parts.filter((s) => s.endsWith('?'));
  return auditFold(asking.length ? asking[asking.length - 1] : variant).trim();
}

/** The kinds of fact a question variant asks for. */
export function kindsAsked(variant: string, lang: Lang, rules: ShortAuditRules): string[] {
  const text = askingPart(variant);
  const asked = rules.kinds.filter((k) => k.ask[lang].some((re) => re.test(text)));
  const questionWord = asked.some((k) => k.questionWord);
  return asked.filter((k) => !(questionWord && k.yieldsToQuestionWord)).map((k) => k.id);
}

/** Whether a short answer gives a kind of fact (yes/no is judged on its first sentence). */
export function answerGives(kind: AuditKind, short: string, lang: Lang): boolean {
  const text = auditFold(short).trim();
  const first = kind.id === 'yesno' ? text.split(/(?<=[.!?])\s+/)[0] : text;
  return kind.answer[lang].some((re) => re.test(first));
}

export interface ShortFinding {
  entry: string;
  /** index of the entry in its file */
  index: number;
  lang: Lang;
  field: 'short' | 'shortWithGrade';
  kind: string;
  severity: 'warning' | 'error';
  /** variants (both languages) that ask this kind, of all variants */
  asking: number;
  variants: number;
  message: string;
}

/** Every entry whose variants mostly ask a kind of fact that its short answer (de or en) does not give. */
export function auditShortAnswers(file: QuestionsFile, rules: ShortAuditRules): ShortFinding[] {
  const out: ShortFinding[] = [];
  file.questions.forEach((q, index) => {
    const counts = new Map<string, number>();
    let variants = 0;
    for (const lang of ['de', 'en'] as const) {
      for (const v of q[lang].q) {
        variants++;
        for (const id of kindsAsked(v, lang, rules)) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
    for (const kind of rules.kinds) {
      const asking = counts.get(kind.id) ?? 0;
      if (asking < 2 || asking < (kind.minShare ?? rules.minShare) * variants) continue;
      for (const lang of ['de', 'en'] as const) {
        // the bot shows shortWithGrade instead of short when it knows the grade: both must give the fact
        for (const field of ['short', 'shortWithGrade'] as const) {
          const text = q[lang][field];
          if (text === undefined || answerGives(kind, text, lang)) continue;
          out.push({
            entry: q.id, index, lang, field, kind: kind.id, severity: kind.severity, asking, variants,
            message: `${q.id}: ${asking} of ${variants} variants ask for ${kind.label}, but the ${lang === 'de' ? 'German' : 'English'} ${field === 'short' ? 'short answer' : 'shortWithGrade'} does not give it`,
          });
        }
      }
    }
  });
  return out;
}
