// node-nlp's classifier without node-nlp's loader. node-nlp 4 is a thin wrapper (NlpManager) around
// the NLP.js v4 modules (@nlpjs/nlp and friends) that also loads all 40 language packs and two
// entity extractors: ~100 MB of memory and ~0.5 s of startup for the two languages this bot speaks
// (measured: require('node-nlp') 113 MB RSS, these four modules 11 MB). This builds the same Nlp
// object NlpManager builds, with the same settings and only LangDe and LangEn; test/nlu/nlpjs.test.ts
// checks that both give identical classifications and that their models are interchangeable.
import { containerBootstrap } from '@nlpjs/core';
import { Nlp } from '@nlpjs/nlp';
import { LangDe } from '@nlpjs/lang-de';
import { LangEn } from '@nlpjs/lang-en';
import type { NlpClassification } from 'node-nlp';

export interface NlpjsModel {
  addDocument(locale: string, utterance: string, intent: string): void;
  train(): Promise<unknown>;
  classify(locale: string, utterance: string): Promise<{ classifications?: NlpClassification[] }>;
  export(minified?: boolean): string;
  import(data: string | object): void;
}

/** Settings as NlpManager received them in this project: our own threshold, raw ranking, no extras. */
export const NLP_SETTINGS = {
  autoSave: false,
  autoLoad: false,
  threshold: 0,
  calculateSentiment: false,
  forceNER: false,
  nlu: { log: false },
} as const;

export function createNlp(langs: readonly string[]): NlpjsModel {
  const container = containerBootstrap();
  // as NlpManager registers it: the entity placeholder syntax %name%
  container.registerConfiguration('ner', { entityPreffix: '%', entitySuffix: '%' });
  container.use(LangDe);
  container.use(LangEn);
  return new Nlp({ languages: [...langs], ...NLP_SETTINGS, container }) as unknown as NlpjsModel;
}

/**
 * An exported model without the copy of its training sentences that NLP.js keeps for its language
 * guesser. Importing a model replays every sentence into the guesser's trigram tables (~40 % of the
 * model's load at start), and the guesser never runs here: every classify names its language.
 */
export function withoutGuesserSentences(model: object): object {
  const m = model as { nluManager?: { extraSentences?: unknown } };
  if (!m.nluManager || !Array.isArray(m.nluManager.extraSentences)) return model;
  return { ...m, nluManager: { ...m.nluManager, extraSentences: [] } };
}
