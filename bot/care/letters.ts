// Schema of knowledge/federal/letters.json: plain letter templates (application for a care grade,
// objection to a decision). The person fills in names and numbers; the bot never asks for them.
import { z } from 'zod';
import { isoDate } from '../knowledge/schema';

/** How the letters dialog starts. */
export interface LettersOptions {
  letter?: string;
  /** the language of the letter itself (the German one is the one to send) */
  letterLang?: string;
}

/** "[Name]", "[Datum des Bescheids]": what the person fills in */
const PLACEHOLDER = /\[[^\]\n]{2,60}\]/;

const LetterText = z.object({
  /** button and heading */
  title: z.string().min(3),
  /** one or two sentences before the letter */
  intro: z.string().min(10),
  /** the letter, one entry per line ("" = empty line) */
  body: z.array(z.string()).min(5),
  /** how to send it, what to keep */
  hints: z.array(z.string().min(5)).min(1),
  /** name of the downloadable text file */
  fileName: z.string().regex(/^[\w.-]+\.txt$/),
});

export const LetterSchema = z.object({
  id: z.enum(['application', 'objection']),
  legal: z.array(z.string()).min(1),
  de: LetterText,
  en: LetterText,
}).superRefine((l, ctx) => {
  for (const lang of ['de', 'en'] as const) {
    if (!l[lang].body.some((line) => PLACEHOLDER.test(line))) {
      ctx.addIssue({ code: 'custom', path: [lang, 'body'], message: 'a template needs [placeholders] for what the person fills in' });
    }
  }
});

export const LettersFileSchema = z.object({
  reviewed: isoDate,
  letters: z.array(LetterSchema).min(1),
}).superRefine((f, ctx) => {
  const ids = f.letters.map((l) => l.id);
  if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['letters'], message: 'duplicate letter id' });
});

export type LetterId = z.infer<typeof LetterSchema>['id'];
export type Letter = z.infer<typeof LetterSchema>;
export type LettersFile = z.infer<typeof LettersFileSchema>;

/** The letter as plain text, lines joined. */
export function letterText(letter: Letter, lang: 'de' | 'en'): string {
  return letter[lang].body.join('\n');
}
