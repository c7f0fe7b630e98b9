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
