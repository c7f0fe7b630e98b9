/** Placeholder tokens. They survive node-nlp's tokenizer and stemmers unchanged. */
export const TOKENS = { place: 'zzort', date: 'zzdatum', gradeOne: 'zzgradeins' } as const;
