// The sentences of a content text (short answer, details), for answers made of some of them
// (bot/conversation/aspects.ts, facets.ts). Pure.

// "bis zum 30. Juni": a date's dot before a month ends no sentence
const SENTENCE_END = /(?<=[.!?])\s+(?=[A-ZÄÖÜ„"(])(?!(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b)/;

export function sentences(text: string): string[] {
  return text.split(SENTENCE_END).map((s) => s.trim()).filter(Boolean);
}
