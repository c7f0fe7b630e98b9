// Light stemmers for the subword model's stem features. They only have to map inflected forms of
// one word onto the same key consistently (training and classifying use the same function), not
// produce dictionary forms. Input: folded words (lower case, umlauts already folded, ß → ss).

/** German: CISTEM (Weissweiler & Fraser 2017), case-insensitive variant. */
export function stemGerman(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word.length >= 6 && word.startsWith('ge') ? word.slice(2) : word;
  // digraphs become single symbols so that suffix stripping does not cut into them
  w = w.replace(/sch/g, '$').replace(/ei/g, '%').replace(/ie/g, '&').replace(/(.)\1/g, '$1*');
  while (w.length > 3) {
    if (w.length > 5 && /(?:e[mr]|nd)$/.test(w)) { w = w.slice(0, -2); continue; }
    if (/[esnt]$/.test(w)) { w = w.slice(0, -1); continue; }
    break;
  }
  return w.replace(/(.)\*/g, '$1$1').replace(/&/g, 'ie').replace(/%/g, 'ei').replace(/\$/g, 'sch');
}

/** English: plural, -ing, -ed and (in longer words) -ly endings (an S-stemmer with the commonest verb endings). */
export function stemEnglish(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (/ie[sd]$/.test(w) && w.length > 4) return `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 6 && w.endsWith('ly')) w = w.slice(0, -2);
  // "stopp(ed)", "runn(ing)": undouble the final consonant
  if (w.length > 3 && /([^aeiouls])\1$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

export type StemLang = 'de' | 'en' | 'none';

export function stemmerFor(lang: StemLang): ((word: string) => string) | undefined {
  if (lang === 'de') return stemGerman;
  if (lang === 'en') return stemEnglish;
  return undefined;
}
