// German vs English for short chat messages. Function words decide; German nouns and umlauts only
// tip the balance, because English speakers here use German terms ("What is Verhinderungspflege?",
// "counselling in Mülheim"). Returns undefined when the evidence is thin, so the caller keeps the
// language of the conversation.

const DE_WORDS = new Set([
  'der', 'des', 'dem', 'den', 'und', 'ist', 'ich', 'nicht', 'ein', 'eine', 'einen', 'einem', 'einer',
  'wie', 'wo', 'wer', 'wann', 'warum', 'wieso', 'welche', 'welcher', 'welches', 'bei', 'beim', 'mit', 'für',
  'fuer', 'von', 'vom', 'zu', 'zum', 'zur', 'auf', 'im', 'ins', 'mein', 'meine', 'meinem', 'meiner',
  'meinen', 'sie', 'er', 'es', 'wir', 'ihr', 'uns', 'auch', 'noch', 'nur', 'kann', 'können', 'koennen',
  'muss', 'müssen', 'muessen', 'gibt', 'habe', 'haben', 'hat', 'sind', 'wird', 'werden', 'oder', 'aber',
  'kein', 'keine', 'hallo', 'danke', 'bitte', 'tschüss', 'tschüs', 'guten', 'morgen', 'abend', 'ja',
  'nein', 'mir', 'mich', 'dich', 'du', 'sich', 'wenn', 'dann', 'schon', 'über', 'nach', 'um', 'bekomme',
  'bekommt', 'brauche', 'braucht', 'möchte', 'moechte', 'zahlt', 'gibt', 'alles', 'viel', 'wieviel',
  'moin', 'servus', 'grüß', 'gruss', 'vielen', 'dank', 'wiedersehen', 'hilfe', 'mutter', 'vater', 'frau', 'mann',
  'pflegen', 'pflege', 'kasse', 'geld', 'suche', 'wohin', 'weil', 'dass', 'daß', 'sehr', 'gut', 'mal',
  'was', 'ab', 'bis', 'seit', 'sein', 'seine', 'ihre', 'ihren', 'unsere', 'unser', 'dieser', 'diese',
]);

const EN_WORDS = new Set([
  'the', 'a', 'and', 'is', 'are', 'i', "i'm", 'im', 'you', 'my', 'your', 'what', "what's", 'where',
  'who', 'how', 'when', 'why', 'which', 'can', 'could', 'do', 'does', 'did', "don't", "can't", 'have',
  'has', 'to', 'for', 'of', 'with', 'on', 'at', 'it', "it's", 'this', 'that', 'there', 'here', 'please',
  'thanks', 'thank', 'hello', 'bye', 'goodbye', 'mother', 'father', 'mum', 'mom', 'dad', 'care', 'get',
  'need', 'want', 'would', 'should', 'not', 'pay', 'pays', 'much', 'many', 'help', 'me', 'we', 'our',
  'be', 'if', 'from', 'about', 'any', 'some', 'there', 'they', 'their', 'his', 'her', 'him', 'she',
  'he', 'money', 'grade', 'level', 'home', 'looking', 'find', 'near', 'yes', 'no', 'morning', 'evening',
  'good', 'after', 'by', 'or', 'but', 'just', 'still', 'also', 'insurance', 'nursing', 'allowance',
]);

// Words both languages use ("die", "am", "an", "will", "bin", "so", "in") are in neither list;
// "was" and "hat" count as German because that reading dominates in this bot's domain.

const GERMAN_MORPHOLOGY = /(pflege|ung|keit|heit|schaft|geld|kasse|stelle|dienst|antrag)$|^(pflege|kurzzeit|verhinderung|entlastung)/;

/** 'de' | 'en' when the text says so clearly enough, otherwise undefined. */
export function detectLanguage(text: string): 'de' | 'en' | undefined {
  const lower = text.normalize('NFC').toLowerCase();
  const tokens = lower.split(/[^\p{L}']+/u).map((t) => t.replace(/^'+|'+$/g, '')).filter(Boolean);
  let de = 0;
  let en = 0;
  let morph = 0;
  for (const t of tokens) {
    const isDe = DE_WORDS.has(t);
    const isEn = EN_WORDS.has(t);
    if (isDe && !isEn) de += 1;
    else if (isEn && !isDe) en += 1;
    else if (!isDe && !isEn && t.length >= 6 && GERMAN_MORPHOLOGY.test(t)) morph += 1;
  }
  // Nouns are weak evidence (loan words), at most one point together.
  de += Math.min(1, morph * 0.5);
  if (/[äöüß]/.test(lower)) de += 0.5;
  if (de - en >= 1) return 'de';
  if (en - de >= 1) return 'en';
  return undefined;
}

// Frequent function words of other languages people in a German city write in. Used only to say
// "I answer in German and English" instead of guessing an answer to a text the bot cannot read.
const OTHER_WORDS = new Set([
  // es
  'el', 'los', 'las', 'para', 'por', 'que', 'mi', 'mis', 'es', 'una', 'cómo', 'como', 'puedo', 'ayuda', 'con', 'del', 'en', 'madre', 'padre', 'casa', 'necesito', 'hola',
  // fr
  'le', 'les', 'je', 'une', 'est', 'pour', 'avec', 'mon', 'ma', 'mes', 'du', 'des', 'bonjour', 'aide', 'comment', 'où', 'cherche', 'merci', 'suis',
  // it
  'il', 'gli', 'della', 'per', 'sono', 'ciao', 'aiuto', 'mia', 'mio',
  // tr
  've', 'bir', 'için', 'nasıl', 'nasil', 'annem', 'babam', 'yardım', 'yardim', 'bakım', 'bakim', 'merhaba', 'ne', 'mi', 'ben',
  // pl
  'jak', 'się', 'sie', 'moja', 'mama', 'pomoc', 'dla', 'nie', 'jest', 'dzień', 'dobry',
]);

/** true when the text is clearly in a language other than German or English. */
export function looksForeign(text: string): boolean {
  const lower = text.normalize('NFC').toLowerCase();
  if (/[¿¡ñçşğı]/.test(lower)) return true;
  const tokens = lower.split(/[^\p{L}']+/u).filter(Boolean);
  let other = 0;
  let known = 0;
  for (const t of tokens) {
    if (OTHER_WORDS.has(t) && !DE_WORDS.has(t) && !EN_WORDS.has(t)) other += 1;
    else if (DE_WORDS.has(t) || EN_WORDS.has(t)) known += 1;
  }
  return other >= 2 && other > known;
}
