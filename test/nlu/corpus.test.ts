import * as path from 'node:path';
import { loadCorpora } from '../../bot/nlu/corpora';
import { ALL_INTENTS } from '../../bot/nlu/intents';
import { foldText } from '../../bot/nlu/normalise';

const corpora = loadCorpora(path.join(__dirname, '..', '..', 'knowledge', 'nlu'));
const key = (s: string): string => foldText(s).replace(/[^\p{L}\d]+/gu, ' ').trim();

describe('NLU corpora (knowledge/nlu)', () => {
  it('has one corpus per language', () => {
    expect(corpora.map((c) => c.locale).sort()).toEqual(['de', 'en']);
  });

  describe.each(corpora.map((c) => [c.locale, c] as const))('%s', (_lang, corpus) => {
    it('has exactly the intents the bot knows', () => {
      expect(corpus.data.map((d) => d.intent).sort()).toEqual([...ALL_INTENTS].sort());
    });

    it('has at least 12 training utterances and 5 held-out tests per intent', () => {
      for (const d of corpus.data) {
        expect({ intent: d.intent, ok: d.utterances.length >= 12 && d.tests.length >= 5 }).toEqual({ intent: d.intent, ok: true });
      }
      const oos = corpus.data.find((d) => d.intent === 'out_of_scope');
      expect(oos?.utterances.length).toBeGreaterThanOrEqual(40);
    });

    it('never trains on a held-out test (compared after folding case, umlauts and punctuation)', () => {
      const training = new Set(corpus.data.flatMap((d) => d.utterances.map(key)));
      const leaked = corpus.data.flatMap((d) => d.tests.filter((t) => training.has(key(t))));
      expect(leaked).toEqual([]);
    });

    it('has no utterance under two intents', () => {
      const owner = new Map<string, string>();
      const clashes: string[] = [];
      for (const d of corpus.data) {
        for (const u of d.utterances) {
          const k = key(u);
          const prev = owner.get(k);
          if (prev && prev !== d.intent) clashes.push(`${u} (${prev} / ${d.intent})`);
          owner.set(k, d.intent);
        }
      }
      expect(clashes).toEqual([]);
    });
  });
});
