// Many literal phrases found in one pass, with exactly the matches of the regex `\b(p1|p2|…)\b` and the
// flag g (alternatives tried in the given order at each position, the scan going on after each match).
// That one alternation tried all ~570 of the concept lexicon's phrases at every position of a text:
// ~0.1 ms a text, and a turn reads several texts (session 18 profile, docs/turn-cost-2026-12.md). Only
// a phrase that starts with the character at a position can match there, so each first character gets
// its own sticky regex of its phrases, in the same order. Pure, no imports.

export interface PhraseHit {
  /** where the phrase starts in the text */
  index: number;
  phrase: string;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `phrases`: non-empty literal strings, in the order the alternation would try them */
export function phraseScanner(phrases: readonly string[]): (text: string) => PhraseHit[] {
  const byFirst = new Map<number, string[]>();
  for (const p of phrases) {
    if (!p) throw new Error('phraseScanner: empty phrase');
    const list = byFirst.get(p.charCodeAt(0));
    if (list) list.push(p);
    else byFirst.set(p.charCodeAt(0), [p]);
  }
  const sticky = new Map<number, RegExp>();
  for (const [c, list] of byFirst) sticky.set(c, new RegExp(`\\b(${list.map(escape).join('|')})\\b`, 'y'));
  return (text) => {
    const out: PhraseHit[] = [];
    for (let at = 0; at < text.length;) {
      const re = sticky.get(text.charCodeAt(at));
      if (re) {
        re.lastIndex = at;
        const m = re.exec(text);
        if (m) {
          out.push({ index: at, phrase: m[1] });
          at += m[0].length;
          continue;
        }
      }
      at++;
    }
    return out;
  };
}
