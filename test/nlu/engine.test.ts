import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Corpus } from '../../bot/knowledge/schema';
import { combine, createNluEngine, modelKey, DEFAULT_SETTINGS } from '../../bot/nlu/engine';
import { foldText, replaceEntities, Vocabulary } from '../../bot/nlu/normalise';
import { tempDir } from '../helpers/tmp';

// A small corpus keeps these tests fast; the real corpora are exercised in heldout.test.ts.
function corpus(): Corpus {
  return {
    name: 'test',
    locale: 'de',
    data: [
      { intent: 'allowance', utterances: ['Wie hoch ist das Pflegegeld?', 'Pflegegeld bei Pflegegrad 2', 'Wann wird das Pflegegeld gezahlt?', 'Geld für pflegende Angehörige', 'Bekomme ich Pflegegeld, wenn ich meine Mutter pflege?'], tests: ['pflegegeld wie viel', 'pflegegelt grad 3', 'gibt es geld wenn ich pflege'] },
      { intent: 'daycare', utterances: ['Was ist Tagespflege?', 'Tagespflege Kosten', 'Betreuung tagsüber in einer Einrichtung', 'Was zahlt die Kasse für die Tagespflege?', 'Nachtpflege'], tests: ['tagespflege was kostet das', 'tagsüber betreut werden', 'tagespflge'] },
      { intent: 'find_offer', utterances: ['Tagespflege in Saarn', 'Angebote in meiner Nähe', 'Pflegedienst in Dümpten', 'Wer hilft in Styrum beim Einkaufen?', 'Anbieter in Broich'], tests: ['angebote in heißen', 'tagespflege in styrum', 'was gibt es in der nähe'] },
      { intent: 'greeting', utterances: ['Hallo', 'Guten Tag', 'Guten Morgen', 'Moin', 'Servus'], tests: ['hallo zusammen', 'guten abend', 'moin moin'] },
      { intent: 'out_of_scope', utterances: ['Wie wird das Wetter?', 'Wer hat das Spiel gewonnen?', 'Rezept für Kuchen', 'Mein Auto ist kaputt', 'Erzähl einen Witz'], tests: ['wetter morgen', 'fußball ergebnis', 'pizza bestellen'] },
    ],
  };
}

const freshDir = (): string => tempDir('nlu-test-');

async function create(c: Corpus, cacheDir: string, logs: string[]) {
  return createNluEngine({ corpora: [c], cacheDir, log: (m) => logs.push(m) });
}

describe('createNluEngine: model cache', () => {
  it('trains once, then loads the cached model with the same results', async () => {
    const dir = freshDir();
    const first: string[] = [];
    const e1 = await create(corpus(), dir, first);
    expect(first.some((m) => m.includes('cache miss'))).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.bin'))).toHaveLength(1);

    const second: string[] = [];
    const e2 = await create(corpus(), dir, second);
    expect(second.some((m) => m.includes('cache hit'))).toBe(true);
    expect(second.some((m) => m.includes('cache miss'))).toBe(false);
    for (const text of ['Wie hoch ist das Pflegegeld bei Pflegegrad 3?', 'tagespflege kosten', 'hallo']) {
      expect(await e2.classify(text, 'de')).toEqual(await e1.classify(text, 'de'));
    }
  });

  it('retrains when a training utterance changes, but not when only held-out tests change', async () => {
    const dir = freshDir();
    await create(corpus(), dir, []);

    const testsOnly = corpus();
    testsOnly.data[0].tests.push('noch ein test');
    const logsA: string[] = [];
    await create(testsOnly, dir, logsA);
    expect(logsA.some((m) => m.includes('cache hit'))).toBe(true);

    const changed = corpus();
    changed.data[0].utterances.push('Pflegegeld für die Familie');
    const logsB: string[] = [];
    await create(changed, dir, logsB);
    expect(logsB.some((m) => m.includes('cache miss'))).toBe(true);
    // the stale model file is replaced, not piled up
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.bin'))).toHaveLength(1);
  });

  it('recovers from a corrupt cache file by retraining (and says so)', async () => {
    const dir = freshDir();
    await create(corpus(), dir, []);
    const [file] = fs.readdirSync(dir).filter((f) => f.endsWith('.bin'));
    fs.writeFileSync(path.join(dir, file), '{"format":1,"key":"x","mod');
    const logs: string[] = [];
    const engine = await create(corpus(), dir, logs);
    expect(logs.some((m) => m.includes('unreadable'))).toBe(true);
    expect(logs.some((m) => m.includes('cache miss'))).toBe(true);
    expect((await engine.classify('Wie hoch ist das Pflegegeld?', 'de')).intent).toBe('allowance');
    const again: string[] = [];
    await create(corpus(), dir, again);
    expect(again.some((m) => m.includes('cache hit'))).toBe(true);
  });

  // the cache file: uint32 header length, JSON header, zero bytes to a multiple of 4, float32 tables
  const cacheFile = (dir: string) => path.join(dir, fs.readdirSync(dir).filter((f) => f.endsWith('.bin'))[0]);
  function readHeader(file: string): { header: Record<string, unknown>; tables: Buffer } {
    const buf = fs.readFileSync(file);
    const n = buf.readUInt32LE(0);
    return { header: JSON.parse(buf.toString('utf8', 4, 4 + n)) as Record<string, unknown>, tables: buf.subarray((4 + n + 3) & ~3) };
  }
  function writeHeader(file: string, header: Record<string, unknown>, tables: Buffer): void {
    const json = Buffer.from(JSON.stringify(header));
    const head = Buffer.alloc((4 + json.length + 3) & ~3);
    head.writeUInt32LE(json.length, 0);
    json.copy(head, 4);
    fs.writeFileSync(file, Buffer.concat([head, tables]));
  }
  const probes = ['Wie hoch ist das Pflegegeld bei Pflegegrad 3?', 'tagespflege kosten', 'hallo', 'pflegegelt tagespflge', 'wetter in saarn'];

  it('keeps the vocabulary in the cache as the corpus makes it', async () => {
    const dir = freshDir();
    await create(corpus(), dir, []);
    const { header } = readHeader(cacheFile(dir));
    const built = new Vocabulary(corpus().data.flatMap((d) => d.utterances).map((u) => replaceEntities(foldText(u))));
    expect((header.vocabulary as { counts: { de: unknown } }).counts.de).toEqual(built.toCounts());
  });

  it.each([
    ['cut short (tables missing)', (file: string) => fs.writeFileSync(file, fs.readFileSync(file).subarray(0, fs.statSync(file).size - 100))],
    ['cut inside its header', (file: string) => fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 50))],
    ['empty', (file: string) => fs.writeFileSync(file, '')],
    ['a table pointing outside the file', (file: string) => {
      const { header, tables } = readHeader(file);
      (header.subword as { de: { weightsAt: number[] } }).de.weightsAt = [0, 1e9];
      writeHeader(file, header, tables);
    }],
  ])('a cache file %s retrains (and says so)', async (_name, breakIt) => {
    const dir = freshDir();
    const e1 = await create(corpus(), dir, []);
    breakIt(cacheFile(dir));
    const logs: string[] = [];
    const e2 = await create(corpus(), dir, logs);
    expect(logs.some((m) => m.includes('unreadable'))).toBe(true);
    expect(logs.some((m) => m.includes('cache miss'))).toBe(true);
    for (const text of probes) expect(await e2.classify(text, 'de')).toEqual(await e1.classify(text, 'de'));
  });

  it.each([
    ['from other normalisation code', (v: { code: string }) => { v.code = 'f'.repeat(64); }],
    ['broken', (v: { counts: { de: unknown } }) => { v.counts.de = [['pflegegeld', -1]]; }],
  ])('a cached vocabulary %s is built again while the model is used', async (_name, breakIt) => {
    const dir = freshDir();
    const e1 = await create(corpus(), dir, []);
    const file = cacheFile(dir);
    const { header, tables } = readHeader(file);
    breakIt(header.vocabulary as never);
    writeHeader(file, header, tables);
    const logs: string[] = [];
    const e2 = await create(corpus(), dir, logs);
    expect(logs.some((m) => m.includes('cache hit'))).toBe(true);
    for (const text of probes) expect(await e2.classify(text, 'de')).toEqual(await e1.classify(text, 'de'));
  });

  it('a cache of the old JSON format beside it is removed once the new file is written', async () => {
    const dir = freshDir();
    const first = await create(corpus(), dir, []);
    const bin = cacheFile(dir);
    const old = bin.replace(/\.bin$/, '.json');
    fs.writeFileSync(old, '{"format":1}');
    fs.rmSync(bin);
    const logs: string[] = [];
    const again = await create(corpus(), dir, logs);
    expect(logs.some((m) => m.includes('cache miss'))).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([path.basename(bin)]);
    for (const text of probes) expect(await again.classify(text, 'de')).toEqual(await first.classify(text, 'de'));
  });

  it('writes nothing with cache: false', async () => {
    const dir = freshDir();
    await createNluEngine({ corpora: [corpus()], cacheDir: dir, cache: false });
    expect(fs.readdirSync(dir)).toHaveLength(0);
  });

  it('keys the model by content and settings', () => {
    const a = modelKey([corpus()], DEFAULT_SETTINGS);
    expect(modelKey([corpus()], DEFAULT_SETTINGS)).toBe(a);
    expect(modelKey([corpus()], { ...DEFAULT_SETTINGS, spelling: false })).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keys the model by the place words too: another city pack trains another model', () => {
    const lex = (places: string[]) => ({ places, placesAfterCue: [], cues: [], postcodes: [], cityNames: ['Musterstadt'] });
    const a = modelKey([corpus()], DEFAULT_SETTINGS, lex(['Nordviertel']));
    expect(modelKey([corpus()], DEFAULT_SETTINGS, lex(['Nordviertel']))).toBe(a);
    expect(modelKey([corpus()], DEFAULT_SETTINGS, lex(['Südviertel']))).not.toBe(a);
    expect(modelKey([corpus()], DEFAULT_SETTINGS)).not.toBe(a);
  });
});

describe('createNluEngine: results', () => {
  let engine: Awaited<ReturnType<typeof createNluEngine>>;
  beforeAll(async () => {
    engine = await createNluEngine({ corpora: [corpus()], cacheDir: freshDir(), cache: false });
  });

  it('classifies, ranks at most five intents and extracts the grade', async () => {
    const r = await engine.classify('Wie viel Pflegegeld gibt es bei PG 3?', 'de');
    expect(r.intent).toBe('allowance');
    expect(r.lang).toBe('de');
    expect(r.entities).toEqual({ grade: 3 });
    expect(r.ranked.length).toBeLessThanOrEqual(5);
    expect(r.ranked[0]).toEqual({ intent: 'allowance', score: r.score });
    expect(r.score).toBeGreaterThanOrEqual(engine.threshold);
  });

  it('repairs typos', async () => {
    expect((await engine.classify('pflegegelt', 'de')).intent).toBe('allowance');
  });

  it('answers None for out-of-scope and empty input', async () => {
    const oos = await engine.classify('Wie wird das Wetter morgen?', 'de');
    expect(oos.intent).toBe('None');
    expect(oos.ranked[0].intent).toBe('out_of_scope');
    expect((await engine.classify('   ', 'de')).intent).toBe('None');
  });

  it('applies the threshold', async () => {
    const strict = await createNluEngine({ corpora: [corpus()], cacheDir: freshDir(), cache: false, threshold: 1.01 });
    const r = await strict.classify('Wie hoch ist das Pflegegeld?', 'de');
    expect(r.intent).toBe('None');
    expect(r.ranked[0].intent).toBe('allowance');
  });

  it('rejects a language it has no corpus for', async () => {
    await expect(engine.classify('hello', 'en')).rejects.toThrow(/no corpus/);
  });

  it('exposes intents, threshold and language detection', () => {
    expect(engine.intents).toEqual(['allowance', 'daycare', 'find_offer', 'greeting', 'out_of_scope']);
    expect(engine.detectLanguage('What is Verhinderungspflege?')).toBe('en');
  });
});

describe('nodeNlpSkipAbove: node-nlp is asked only when the subword model is unsure', () => {
  const texts = ['Wie viel Pflegegeld gibt es?', 'Tagespflege in Speldorf', 'pflegegelt', 'Wie wird das Wetter?', 'Hallo'];
  const ranking = async (settings: Record<string, unknown>) => {
    const e = await createNluEngine({ corpora: [corpus()], cacheDir: freshDir(), cache: false, settings });
    return Promise.all(texts.map(async (t) => (await e.classify(t, 'de')).ranked.map((c) => [c.intent, Number(c.score.toFixed(9))])));
  };
  it('0: never asked, the same as the subword model alone; 1: always asked, the full ensemble', async () => {
    expect(await ranking({ nodeNlpSkipAbove: 0 })).toEqual(await ranking({ classifier: 'subword' }));
    const always = await ranking({ nodeNlpSkipAbove: 1 });
    expect(always).not.toEqual(await ranking({ classifier: 'subword' }));
    expect(await ranking({ nodeNlpSkipAbove: 1.01 })).toEqual(always);
  });
});

describe('combine', () => {
  it('multiplies the two distributions and renormalises', () => {
    const nlp = [{ intent: 'a', score: 0.9 }, { intent: 'b', score: 0.1 }];
    const sub = [{ intent: 'b', score: 0.6 }, { intent: 'a', score: 0.4 }];
    const out = combine(nlp, sub, { classifier: 'ensemble', nodeNlpWeight: 1 });
    expect(out[0].intent).toBe('a');
    expect(out.reduce((s, c) => s + c.score, 0)).toBeCloseTo(1);
    expect(combine(nlp, sub, { classifier: 'ensemble', nodeNlpWeight: 0 })[0].intent).toBe('b');
    expect(combine(nlp, sub, { classifier: 'nodenlp', nodeNlpWeight: 0.2 })[0].intent).toBe('a');
    expect(combine(nlp, sub, { classifier: 'subword', nodeNlpWeight: 0.2 })[0].intent).toBe('b');
  });

  it("counts node-nlp's None as out_of_scope", () => {
    const out = combine([{ intent: 'None', score: 1 }], [{ intent: 'out_of_scope', score: 0.5 }, { intent: 'a', score: 0.5 }], { classifier: 'ensemble', nodeNlpWeight: 1 });
    expect(out[0].intent).toBe('out_of_scope');
  });
});
