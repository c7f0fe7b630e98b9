// Every question entry and topic answer renders in both languages with the amounts of today's table:
// a placeholder the table cannot fill ({{b.sachleistung}} without a grade) made the bot answer
// "something went wrong" instead of the answer.
import * as path from 'path';
import { loadKnowledgeBase } from '../../bot/knowledge/kb';
import { fillPlaceholders } from '../../bot/knowledge/render';
import { amountLookup } from '../../bot/app';

const K = path.join(__dirname, '../../knowledge');
const TODAY = '2026-12-06';

describe('answers render with the dated table', () => {
  const kb = loadKnowledgeBase({ knowledgeDir: K, state: 'nrw', municipality: 'muelheim' });
  const items = [...kb.questions.values(), ...[...kb.answers.values()]];

  test.each(['de', 'en'] as const)('%s: short, details and next of every entry fill without a grade; shortWithGrade fills at grade 3', (lang) => {
    const amount = amountLookup(kb.benefits, lang, TODAY);
    const failed: string[] = [];
    for (const a of items) {
      const t = a[lang];
      for (const [field, text] of [['short', t.short], ['details', t.details], ['next', t.next]] as const) {
        try {
          fillPlaceholders(text, { amount });
        } catch (err) {
          failed.push(`${a.id}.${field}: ${(err as Error).message}`);
        }
      }
      if (t.shortWithGrade) {
        try {
          fillPlaceholders(t.shortWithGrade, { amount, grade: 3 });
        } catch (err) {
          failed.push(`${a.id}.shortWithGrade: ${(err as Error).message}`);
        }
      }
    }
    expect(items.length).toBeGreaterThan(300);
    expect(failed).toEqual([]);
  });
});
