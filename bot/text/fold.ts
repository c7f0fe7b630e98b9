// The one text folding: every comparison of words from data with words a person typed (intents,
// question entries, places, kinds of help, follow-ups) folds both sides with `fold`, so "Mülheim",
// "Muelheim" and "Mulheim" meet wherever they are compared. Same input, same output.
import { messageTextMemo } from '../memo';

// A turn folds the same message, sentences and words again and again (retrieval, the lexicon's word
// lists, follow-ups, aspects): ~3 % of a turn's CPU in session 18's profile, two Unicode normalisations
// each time. The last results are kept; bounded (at the limit it starts again empty), only for texts of a
// message's length (at most ~1 MB kept), and emptied by "delete my data" (bot/memo.ts messageTextMemo).
const KEPT = 1024;
const KEPT_LENGTH = 500;
const kept = messageTextMemo(foldOnce, KEPT);

/** Lower case, ß→ss, diacritics removed (ä→a); the ASCII spellings stay. For word lists written in
 *  German and English alike, where folding "ae"/"oe"/"ue" would turn English "does" into "dos". */
export function foldMarks(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/ß/g, 'ss').normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** `foldMarks` and the ASCII spellings folded the same way (ae→a, oe→o, ue→u). "ue" after a, e or q
 *  stays ("neue", "Dauer", "Quelle"). */
export function fold(text: string): string {
  return text.length > KEPT_LENGTH ? foldOnce(text) : kept(text);
}

function foldOnce(text: string): string {
  return foldMarks(text)
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/(?<![aeq])ue/g, 'u');
}

/** The spelled-out variant for the German number and date word tables (bot/nlu/numbers.ts,
 *  dates.ts, care/nbaAnswer.ts), which are written "fuenf", "zwoelf", "maerz": ä/ö/ü/ß become
 *  ae/oe/ue/ss. Kept apart because those tables and their tests use that spelling. */
export function foldSpelledOut(s: string): string {
  return s.toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFKC');
}
