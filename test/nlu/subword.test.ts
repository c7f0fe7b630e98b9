import { contextOf, SubwordClassifier, subwordFeatures, type ContextFeatures } from '../../bot/nlu/subword';

const docs = [
  { text: 'wie hoch ist das pflegegeld', intent: 'allowance' },
  { text: 'pflegegeld bei pflegegrad zwei', intent: 'allowance' },
  { text: 'geld fur die pflege von angehorigen', intent: 'allowance' },
  { text: 'was ist tagespflege', intent: 'daycare' },
  { text: 'tagespflege kosten', intent: 'daycare' },
  { text: 'betreuung tagsuber in einer einrichtung', intent: 'daycare' },
  { text: 'wie wird das wetter', intent: 'out_of_scope' },
  { text: 'rezept fur kuchen', intent: 'out_of_scope' },
];

describe('subwordFeatures', () => {
  it('has words, word pairs and character n-grams, placeholders whole', () => {
    const f = subwordFeatures('tagespflege in zzort', 3, 4);
    expect(f.get('w:tagespflege')).toBe(1);
    expect(f.get('b:in_zzort')).toBe(1);
    expect(f.get('c:_ta')).toBe(1);
    expect(f.get('c:ege_')).toBe(1);
    expect([...f.keys()].some((k) => k.startsWith('c:') && k.includes('zz'))).toBe(false);
  });
});

describe('SubwordClassifier', () => {
  it('learns the training data and generalises to typos', () => {
    const m = SubwordClassifier.train(docs);
    expect(m.predict('tagespflege kosten')[0].intent).toBe('daycare');
    expect(m.predict('tagesplege')[0].intent).toBe('daycare');
    expect(m.predict('pflegegelt')[0].intent).toBe('allowance');
    const p = m.predict('wetter');
    expect(p[0].intent).toBe('out_of_scope');
    expect(p.reduce((s, c) => s + c.score, 0)).toBeCloseTo(1);
  });

  it('is deterministic and survives a JSON round trip', () => {
    const a = SubwordClassifier.train(docs);
    const b = SubwordClassifier.train(docs);
    expect(b.predict('pflegegeld tagespflege')).toEqual(a.predict('pflegegeld tagespflege'));
    const c = SubwordClassifier.fromJSON(JSON.parse(JSON.stringify(a.toJSON())));
    const pa = a.predict('pflegegeld tagespflege');
    const pc = c.predict('pflegegeld tagespflege');
    expect(pc.map((x) => x.intent)).toEqual(pa.map((x) => x.intent));
    pc.forEach((x, i) => expect(x.score).toBeCloseTo(pa[i].score, 5));
  });

  it('rejects an inconsistent model', () => {
    const json = SubwordClassifier.train(docs).toJSON();
    expect(() => SubwordClassifier.fromJSON({ ...json, bias: [0] })).toThrow(/inconsistent/);
  });
});

describe('subwordFeatures: stems', () => {
  it('adds a stem feature per word when given a stemmer, none for placeholders', () => {
    const f = subwordFeatures('pflegen zzort', 3, 4, (w) => w.slice(0, 3));
    expect(f.get('s:pfl')).toBe(1);
    expect([...f.keys()].filter((k) => k.startsWith('s:'))).toEqual(['s:pfl']);
    expect([...subwordFeatures('pflegen', 3, 4).keys()].some((k) => k.startsWith('s:'))).toBe(false);
  });
});

describe('SubwordClassifier: settings', () => {
  it('uses stems so that an unseen inflection finds its intent', () => {
    const m = SubwordClassifier.train(docs, { stem: 'de' });
    expect(m.toJSON().features).toContain('s:pfleg');
    expect(m.predict('pflegen')[0].intent).toBe('allowance');
  });

  it('folds the feature-group weights into the stored idf', () => {
    const plain = SubwordClassifier.train(docs, { wordWeight: 1 }).toJSON();
    const heavy = SubwordClassifier.train(docs, { wordWeight: 3 }).toJSON();
    const idf = (json: typeof plain, f: string): number => {
      const buf = Buffer.from(json.idf, 'base64');
      return new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4)[json.features.indexOf(f)];
    };
    expect(idf(heavy, 'w:tagespflege')).toBeCloseTo(3 * idf(plain, 'w:tagespflege'), 4);
    expect(idf(heavy, 'c:_ta')).toBeCloseTo(idf(plain, 'c:_ta'), 5);
  });
});

describe('SubwordClassifier: cached word features', () => {
  it('classify the same as the feature strings of the whole text', () => {
    const m = SubwordClassifier.train(docs, { stem: 'de' });
    const direct = (text: string) => {
      // the reference path: every feature string of the text, looked up one by one
      const internals = m as unknown as {
        vectorise(c: Map<string, number>): unknown; probabilities(x: unknown): Float64Array;
        settings: { minN: number; maxN: number; skipWeight: number; firstWeight: number }; stemmer?: (w: string) => string;
      };
      const { minN, maxN } = internals.settings;
      return internals.probabilities(internals.vectorise(subwordFeatures(text, minN, maxN, internals.stemmer, contextOf(internals.settings))));
    };
    const texts = ['wie hoch ist das pflegegeld', 'tagespflege kosten kosten', 'pflegen tagesplege xyz', 'geld geld geld', 'unbekannt', ''];
    for (let round = 0; round < 2; round++) { // the second round runs from the cache
      for (const t of texts) {
        const viaCache = m.predict(t);
        const ref = direct(t);
        for (const { intent, score } of viaCache) expect(Math.abs(score - ref[m.intents.indexOf(intent)])).toBeLessThan(1e-9);
      }
    }
  });
});

describe('subwordFeatures: context features (skip pairs, first word)', () => {
  it.each<[string, ContextFeatures, string[], string[]]>([
    ['both', { skip: true, first: true }, ['k:wie_ist', 'k:hoch_das', 'f:wi'], []],
    ['first word only', { first: true }, ['f:wi'], ['k:wie_ist']],
    ['none (the features of one word alone)', {}, [], ['k:wie_ist', 'f:wi']],
  ])('%s', (_name, context, present, absent) => {
    const f = subwordFeatures('wie hoch ist das', 3, 4, (w) => w.slice(0, 2), context);
    for (const k of present) expect(f.get(k)).toBe(1);
    for (const k of absent) expect(f.has(k)).toBe(false);
    expect([...f.keys()].filter((k) => k.startsWith('f:'))).toHaveLength(context.first === true ? 1 : 0);
  });

  it('the first word of a message counts, whatever follows', () => {
    const m = SubwordClassifier.train(docs, { stem: 'de' });
    expect(m.toJSON().features).toContain('f:wie');
    expect(m.toJSON().features.some((f) => f.startsWith('k:'))).toBe(false);
  });
});

describe('SubwordClassifier: feature dropout', () => {
  it('changes the trained model, deterministically', () => {
    const predict = (featureDropout: number) => SubwordClassifier.train(docs, { featureDropout }).predict('pflegegeld tagespflege');
    expect(predict(0.3)).toEqual(predict(0.3));
    expect(predict(0.3)).not.toEqual(predict(0));
  });
});
