// The lean NLP.js loader (bot/nlu/nlpjs.ts) is node-nlp's classifier: same training, same
// classifications, interchangeable models.
import * as path from 'path';
import { NlpManager } from 'node-nlp';
import { readJsonFile } from '../../bot/knowledge/jsonFile';
import { CorpusSchema } from '../../bot/knowledge/schema';
import { createNlp, NLP_SETTINGS, withoutGuesserSentences } from '../../bot/nlu/nlpjs';

const corpus = readJsonFile(path.join(__dirname, '../../knowledge/nlu/de.json'), CorpusSchema);
// a quick but real model: the first 6 utterances of every intent; tests from the held-out sentences
const docs = corpus.data.flatMap((d) => d.utterances.slice(0, 6).map((u) => ({ text: u, intent: d.intent })));
const tests = corpus.data.flatMap((d) => d.tests.slice(0, 2));

async function trainBoth() {
  const manager = new NlpManager({ languages: ['de'], ...NLP_SETTINGS });
  const lean = createNlp(['de']);
  for (const d of docs) {
    manager.addDocument('de', d.text, d.intent);
    lean.addDocument('de', d.text, d.intent);
  }
  await manager.train();
  await lean.train();
  return { manager, lean };
}

const ranking = (r: { classifications?: { intent: string; score: number }[] }) => (r.classifications ?? []).map((c) => [c.intent, Number(c.score.toFixed(12))]);

test('same training gives the same classifications as NlpManager', async () => {
  const { manager, lean } = await trainBoth();
  expect(tests.length).toBeGreaterThan(20);
  for (const t of tests) {
    const a = ranking(await manager.classify('de', t));
    expect(a.length).toBeGreaterThan(1);
    expect([t, ranking(await lean.classify('de', t))]).toEqual([t, a]);
  }
}, 60_000);

test('a model exported by NlpManager imports into the lean loader and classifies the same', async () => {
  const { manager } = await trainBoth();
  const lean = createNlp(['de']);
  lean.import(manager.export(true));
  for (const t of tests.slice(0, 10)) expect(ranking(await lean.classify('de', t))).toEqual(ranking(await manager.classify('de', t)));
}, 60_000);

test('a model loaded without the guesser\'s sentences classifies the same when the language is named', async () => {
  const { lean: trained } = await trainBoth();
  const model = JSON.parse(trained.export(true)) as { nluManager: { extraSentences: unknown[] } };
  expect(model.nluManager.extraSentences.length).toBe(docs.length);
  const stripped = withoutGuesserSentences(model) as typeof model;
  expect(stripped.nluManager.extraSentences).toEqual([]);
  expect(model.nluManager.extraSentences.length).toBe(docs.length); // the input is not changed
  const full = createNlp(['de', 'en']);
  full.import(model);
  const lean = createNlp(['de', 'en']);
  lean.import(stripped);
  for (const t of tests) expect([t, ranking(await lean.classify('de', t))]).toEqual([t, ranking(await full.classify('de', t))]);
}, 60_000);

test('withoutGuesserSentences leaves anything that is not an NLP.js export as it is', () => {
  for (const v of [{}, [], { nluManager: {} }, { nluManager: { extraSentences: 'no' } }]) expect(withoutGuesserSentences(v)).toBe(v);
});
