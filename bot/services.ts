// What the dialogs need from the rest of the system. Plain interfaces: the NLU, knowledge and offer
// modules know nothing of botbuilder, and tests can pass small real instances.
import type { i18n } from 'i18next';
import type { KnowledgeBase } from './knowledge/kb';
import type { SafetyCheck } from './safety/safety';
import type { Lang } from './knowledge/schema';
import type { AmountLookup } from './knowledge/render';
import type { NbaCatalogue } from './care/nbaSchema';
import type { LettersFile } from './care/letters';
import type { Lexicon } from './nlu/lexicon';
import type { WorkingDays } from './care/deadlines';

export interface IntentScore { intent: string; score: number }
export interface NluResult { lang: Lang; intent: string; score: number; ranked: IntentScore[]; entities: { grade?: number } }
export interface Nlu {
  classify(text: string, lang: Lang): Promise<NluResult>;
  detectLanguage(text: string): Lang | undefined;
  readonly threshold: number;
}

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

export interface Services {
  kb: KnowledgeBase;
  nlu: Nlu;
  safety: SafetyCheck;
  i18n: i18n;
  /** command words of every language (locales/<lng>/commands.json), compiled once */
  words: Lexicon;
  amount: (lang: Lang, today: string) => AmountLookup;
  local: import('./conversation/local').LocalHelp;
  /** the care-grade self-check catalogue (knowledge/federal/nba.json) */
  nba: NbaCatalogue;
  /** letter templates (knowledge/federal/letters.json) */
  letters: LettersFile;
  /** working days and deadlines under the state's public holidays (knowledge/<state>/holidays.json) */
  workingDays: WorkingDays;
  log: Logger;
  retentionDays: number;
  maxMessageChars: number;
  defaultLang: Lang;
  logUserText: boolean;
  /** today's date YYYY-MM-DD (injected so tests and demos are reproducible) */
  today(): string;
  now(): Date;
  /** the staff area's inbox, feedback, callbacks and planning counters (bot/staff/hooks.ts) */
  staff?: import('./staff/hooks').StaffHooks;
}
