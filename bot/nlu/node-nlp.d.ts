// The small part of node-nlp 4.x this project uses (the package ships no type declarations).
declare module 'node-nlp' {
  export interface NlpClassification {
    intent: string;
    score: number;
  }
  export interface NlpClassifyResult {
    locale: string;
    utterance: string;
    classifications: NlpClassification[];
    intent: string;
    score: number;
  }
  export class NlpManager {
    constructor(settings?: Record<string, unknown>);
    addLanguage(locales: string | string[]): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    classify(locale: string, utterance: string, settings?: Record<string, unknown>): Promise<NlpClassifyResult>;
    process(locale: string, utterance: string): Promise<NlpClassifyResult>;
    export(minified?: boolean): string;
    import(data: string | object): void;
  }
}

// The NLP.js v4 modules inside node-nlp, as bot/nlu/nlpjs.ts uses them (no type declarations shipped).
declare module '@nlpjs/core' {
  export interface Container {
    registerConfiguration(tag: string, configuration: Record<string, unknown>, overwrite?: boolean): void;
    use(plugin: unknown): void;
  }
  export function containerBootstrap(): Container;
}
declare module '@nlpjs/nlp' {
  export class Nlp {
    constructor(settings?: Record<string, unknown>);
  }
}
declare module '@nlpjs/lang-de' {
  export const LangDe: unknown;
  export class StemmerDe { stemWord(word: string): string }
}
declare module '@nlpjs/lang-en' {
  export const LangEn: unknown;
  export class StemmerEn { stemWord(word: string): string }
}
