// Content cross-references: every intent of the corpora is handled, every answer links to real
// offer categories, and the knowledge base loads exactly as the bot loads it.
import * as path from 'path';
import { loadKnowledgeBase, SEARCH_WORDS } from '../../bot/knowledge/kb';
import { readJsonFile } from '../../bot/knowledge/jsonFile';
import { CorpusSchema } from '../../bot/knowledge/schema';
import { loadMunicipalityPack } from '../../bot/offers/load';
import { FUNCTION_INTENTS, QUESTION_TOPICS, TOPIC_INTENTS } from '../../bot/nlu/intents';

const K = path.join(__dirname, '../../knowledge');
const kb = loadKnowledgeBase({ knowledgeDir: K, state: 'nrw', municipality: 'muelheim' });
const pack = loadMunicipalityPack(path.join(K, 'muelheim'));
const corpora = ['de', 'en'].map((l) => readJsonFile(path.join(K, 'nlu', `${l}.json`), CorpusSchema));

test('both corpora have the same intents: all topic and function intents, nothing else', () => {
  const expected = [...TOPIC_INTENTS, ...FUNCTION_INTENTS].sort();
  for (const c of corpora) expect(c.data.map((d) => d.intent).sort()).toEqual(expected);
});

test('every topic intent has an answer and every answer is a topic intent or a question topic', () => {
  expect([...kb.answers.keys()].sort()).toEqual([...TOPIC_INTENTS, ...QUESTION_TOPICS].sort());
});

test('a topic without an intent is reached through question entries of its own', () => {
  const topics = new Set([...kb.questions.values()].map((q) => q.topic));
  for (const t of QUESTION_TOPICS) expect([t, topics.has(t)]).toEqual([t, true]);
});

test('offer categories named by answers exist in the municipality pack', () => {
  const ids = new Set(pack.categories.categories.map((c) => c.id));
  for (const a of kb.answers.values()) if (a.offerCategory) expect([a.id, ids.has(a.offerCategory)]).toEqual([a.id, true]);
});

test('the full-text search finds answers despite typos', () => {
  expect(kb.search('Entlastungsbetrg', 'de')[0]?.id).toBe('relief');
  expect(kb.search('Verhinderungspflge', 'de').map((h) => h.id)).toContain('respite');
  expect(kb.search('wheelchair accessible bathroom conversion grant', 'en').length).toBeGreaterThan(0);
});

test('the search reads a message\'s distinct words: repeating them changes nothing, and a long message is cut', () => {
  const once = kb.search('Entlastungsbetrag Verhinderungspflege', 'de');
  expect(kb.search('Entlastungsbetrag Verhinderungspflege '.repeat(60), 'de')).toEqual(once);
  // words after the first SEARCH_WORDS distinct ones are not read
  const filler = Array.from({ length: SEARCH_WORDS }, (_, i) => `wort${String.fromCharCode(97 + (i % 26))}${i}`).join(' ');
  expect(kb.search(`${filler} Entlastungsbetrag`, 'de').map((h) => h.id)).not.toContain('relief');
  expect(kb.search(`Entlastungsbetrag ${filler}`, 'de').map((h) => h.id)).toContain('relief');
});
