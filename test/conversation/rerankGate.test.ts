// Which messages the story re-ranker decides (bot/conversation/understand.ts rerankDecides, round 13):
// two told sentences, or one told sentence beside a question that names a subject of its own; an
// elliptic question after one told fact stays with retrieval's reading of the whole message.
import * as path from 'path';
import { rerankDecides } from '../../bot/conversation/understand';
import { loadKnowledgeBase } from '../../bot/knowledge/kb';

const kb = loadKnowledgeBase({ knowledgeDir: path.join(__dirname, '../../knowledge'), state: 'nrw', municipality: 'muelheim' });

describe('the re-ranker decides stories', () => {
  test.each<[string, 'de' | 'en', boolean]>([
    ['Meine Mutter lebt von Grundsicherung. Kann ich die Pflege von der Steuer absetzen?', 'de', true],
    ['My dad came home from hospital last week. Does his care allowance continue in hospital?', 'en', true],
    ['Meine Kinder wollen eine Frau einstellen, die bei mir wohnt. Ist das erlaubt?', 'de', false],
    ['Mama hat Pflegegrad 3. Sie wohnt allein. Ist das erlaubt?', 'de', true],
    ['Wie viel Pflegegeld gibt es bei Pflegegrad 3?', 'de', false],
    // a told care grade alone is a fact, not a competing topic: retrieval reads the question
    ['Meine Mutter hat Pflegegrad 3. Was ist Kurzzeitpflege?', 'de', false],
    ['My mum has care grade 2. What is respite care?', 'en', false],
    // a grade beside a told noun still competes
    ['Meine Mutter hat Pflegegrad 3 und lebt von Grundsicherung. Kann ich die Pflege von der Steuer absetzen?', 'de', true],
  ])('%s → %s', (text, lang, decides) => {
    expect(rerankDecides(kb, text, lang)).toBe(decides);
  });
});
