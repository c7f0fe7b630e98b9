// Stemmers for the subword model's stem features: NLP.js's Snowball stemmers for German and English
// (the language packs bot/nlu/nlpjs.ts loads anyway). They only have to map inflected forms of one
// word onto the same key consistently; training and classifying use the same function. Input:
// folded words (lower case, umlauts folded, ß → ss). Numbers and placeholders stay as they are.
import { StemmerDe } from '@nlpjs/lang-de';
import { StemmerEn } from '@nlpjs/lang-en';

export type StemLang = 'de' | 'en' | 'none';

interface Stemmer { stemWord(word: string): string }

export function stemmerFor(lang: StemLang): ((word: string) => string) | undefined {
  if (lang === 'none') return undefined;
  const s: Stemmer = lang === 'de' ? new StemmerDe() : new StemmerEn();
  return (word) => (word.length <= 3 || /\d/.test(word) || word.startsWith('zz') ? word : s.stemWord(word));
}
