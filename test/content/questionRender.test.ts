// Every question entry and topic answer renders in both languages with the amounts of today's table:
// a placeholder the table cannot fill ({{b.sachleistung}} without a grade) made the bot answer
// "something went wrong" instead of the answer.
import * as path from 'path';
import { loadKnowledgeBase } from '../../bot/knowledge/kb';
import { fillPlaceholders, fillSentences, MissingValueError } from '../../bot/knowledge/render';
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

// Before 2025-07-01 the joint respite budget did not exist: the table holds no value for it then.
// An answer naming it must still answer (without that sentence), not fail the turn.
describe('answers render on a date before a benefit began', () => {
  const kb = loadKnowledgeBase({ knowledgeDir: K, state: 'nrw', municipality: 'muelheim' });
  const items = [...kb.questions.values(), ...[...kb.answers.values()]];
  const BEFORE = '2025-03-01';

  test('fillPlaceholders alone still refuses the missing value (the reason for fillSentences)', () => {
    const amount = amountLookup(kb.benefits, 'de', BEFORE);
    expect(() => fillPlaceholders('Budget: {{b.entlastungsbudget}}.', { amount })).toThrow(MissingValueError);
  });

  test('fillSentences leaves out only the sentence with the undated value', () => {
    const amount = amountLookup(kb.benefits, 'de', BEFORE);
    expect(fillSentences('Es gibt Ersatzpflege. Das Budget ist {{b.entlastungsbudget}} im Jahr. Fragen Sie die Kasse.', { amount }))
      .toBe('Es gibt Ersatzpflege. Fragen Sie die Kasse.');
    // an amount that is missing only at a grade is still the caller's to explain ("not at grade 1")
    expect(() => fillSentences('Pflegegeld: {{b.pflegegeld.grade}}.', { amount, grade: 1 })).toThrow(MissingValueError);
    expect(() => fillSentences('Bei Pflegegrad {{grade}}.', { amount })).toThrow(MissingValueError);
  });

  test.each(['de', 'en'] as const)('%s: every entry renders with the table of 2025-03-01', (lang) => {
    const amount = amountLookup(kb.benefits, lang, BEFORE);
    const failed: string[] = [];
    for (const a of items) {
      const t = a[lang];
      for (const [field, text] of [['short', t.short], ['details', t.details], ['next', t.next]] as const) {
        try {
          fillSentences(text, { amount });
        } catch (err) {
          failed.push(`${a.id}.${field}: ${(err as Error).message}`);
        }
      }
    }
    expect(failed).toEqual([]);
    const respite = fillSentences(kb.answers.get('respite')![lang].short, { amount });
    expect(respite.length).toBeGreaterThan(40);
    expect(respite).not.toMatch(/3[.,]?539/);
  });
});
