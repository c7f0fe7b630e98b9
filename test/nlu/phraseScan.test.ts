import * as fs from 'node:fs';
import * as path from 'node:path';
import { foldText } from '../../bot/nlu/normalise';
import { phraseScanner } from '../../bot/text/phraseScan';

// The scanner replaced one big alternation (bot/nlu/retrieve.ts, session 18): it must find exactly what
// that regex finds, hit for hit, in the same order.
function alternation(phrases: string[]): (text: string) => { index: number; phrase: string }[] {
  const re = new RegExp(`\\b(${phrases.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'g');
  return (text) => [...text.matchAll(re)].map((m) => ({ index: m.index ?? 0, phrase: m[1] }));
}

const ROOT = path.resolve(__dirname, '..', '..');

describe('phraseScanner', () => {
  it.each([
    // the earlier alternative wins at a position, as in the alternation (here the longer one)
    [['pflege zu hause', 'pflege zu'], 'wir machen pflege zu hause', [{ index: 11, phrase: 'pflege zu hause' }]],
    // when the earlier one fails at its end boundary, the next one is tried
    [['pflege zu hause', 'pflege zu'], 'pflege zu hausen', [{ index: 0, phrase: 'pflege zu' }]],
    // order as given: a shorter phrase first takes the position
    [['pflege zu', 'pflege zu hause'], 'pflege zu hause', [{ index: 0, phrase: 'pflege zu' }]],
    // no match inside a word; the scan goes on after a match, so overlapping phrases do not both count
    [['ab und zu', 'zu hause'], 'grab und zu hause, ab und zu hause', [{ index: 9, phrase: 'zu hause' }, { index: 19, phrase: 'ab und zu' }]],
    // regex characters are literal; \b is the regex's (a phrase that opens with "(" needs a word character before it)
    [['a.b c', '(x) y'], 'axb c a.b c (x) y z(x) y', [{ index: 6, phrase: 'a.b c' }, { index: 19, phrase: '(x) y' }]],
    [['tag pflege'], '', []],
  ])('%j in %j', (phrases, text, hits) => {
    expect(phraseScanner(phrases)(text)).toEqual(hits);
    expect(alternation(phrases)(text)).toEqual(hits);
  });

  it('refuses an empty phrase (the alternation would match nothing everywhere)', () => {
    expect(() => phraseScanner(['a b', ''])).toThrow(/empty/);
  });

  it('finds what the alternation finds with the concept lexicon over the NLU utterances', () => {
    const lexicon = JSON.parse(fs.readFileSync(path.join(ROOT, 'knowledge', 'concepts.json'), 'utf8')) as { concepts: Record<'de' | 'en', string[]>[] };
    for (const lang of ['de', 'en'] as const) {
      const phrases = [...new Set(lexicon.concepts.flatMap((c) => c[lang].map((t) => foldText(t.trim())))
        .filter((t) => !t.endsWith('*') && /\s/.test(t)))].sort((a, b) => b.length - a.length);
      expect(phrases.length).toBeGreaterThan(100);
      const nlu = JSON.parse(fs.readFileSync(path.join(ROOT, 'knowledge', 'nlu', `${lang}.json`), 'utf8')) as { data: { utterances: string[] }[] };
      const texts = nlu.data.flatMap((d) => d.utterances).map(foldText);
      const scan = phraseScanner(phrases);
      const re = alternation(phrases);
      let hits = 0;
      for (const t of texts) {
        const want = re(t);
        hits += want.length;
        expect(scan(t)).toEqual(want);
      }
      expect(hits).toBeGreaterThan(50);
    }
  });
});
