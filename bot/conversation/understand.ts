// One message, understood: the intent engine's topic, the question entry that answers it (if one
// does), a second question's entry, and what the story tells (grade, setting, person, dementia,
// Stadtteil). The router acts on `choice`; `chat --explain` shows all of it. Pure.
import type { KnowledgeBase, LayeredQuestion } from '../knowledge/kb';
import type { Lang } from '../knowledge/schema';
import { extractFacts, factConcepts, type MessageFacts } from '../nlu/facts';
import type { Retrieval } from '../nlu/retrieve';
import { readSentences } from '../nlu/message';
import type { NluResult } from '../services';

export interface Understanding {
  retrieval: Retrieval;
  facts: MessageFacts;
  /** the entry to answer with, when retrieval is confident */
  entry?: LayeredQuestion;
  /** a second question of the message that another entry answers ("Auch gefragt: …") */
  also?: LayeredQuestion;
  /** the entry beats a guided dialog the intent engine would start (selfcheck, benefits overview …) */
  strong: boolean;
  /** the message tells a story (several sentences or many words) rather than asking briefly */
  story: boolean;
}

/** From this score an entry is answered even where the intent engine would start a guided dialog. */
export const STRONG_ENTRY = 0.45;
/** a message with more words than this, or more than one sentence, is a story */
export const STORY_WORDS = 14;

export function isStory(text: string): boolean {
  return readSentences(text).length > 1 || text.trim().split(/\s+/).length > STORY_WORDS;
}

export function understand(kb: KnowledgeBase, nlu: NluResult, text: string, lang: Lang, detectStadtteil?: (text: string) => string | undefined): Understanding {
  const facts = extractFacts(text, { detectStadtteil });
  const topicScores = new Map(nlu.ranked.map((x) => [x.intent, x.score]));
  const retrieval = kb.retriever.retrieve(text, lang, { topicScores, contextConcepts: factConcepts(facts) });
  const entry = retrieval.entry ? kb.questions.get(retrieval.entry.id) : undefined;
  const also = retrieval.also ? kb.questions.get(retrieval.also.id) : undefined;
  return {
    retrieval, facts, entry,
    also: also && entry && also.id !== entry.id ? also : undefined,
    strong: !!retrieval.entry && retrieval.entry.score >= STRONG_ENTRY,
    story: isStory(text),
  };
}
