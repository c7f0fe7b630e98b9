// Table tests of the budget arithmetic (bot/conversation/budget.ts): every expected figure is worked
// out here from the dated table itself, so a new year's values change both sides alike.
import { valueOn } from '../../bot/care/benefits';
import type { IsoDate } from '../../bot/care/calendar';
import { asksLeft, budgetFor, budgetTotal, euroAmounts, halfAllowance, remainder, remainderFromText } from '../../bot/conversation/budget';
import { benefitsTable as table } from '../dialogs/guidedHelpers';
import * as path from 'path';
import { loadLexicon } from '../../bot/nlu/lexicon';
import { ROOT } from '../helpers/app';

const words = loadLexicon(path.join(ROOT, 'locales'));

const DAY = '2026-11-25' as IsoDate;
const v = (id: string, date: IsoDate = DAY, grade?: number) => valueOn(table, id, date, grade)!;

test.each<[string, number[]]>([
  ['wir haben schon 1.200 € verbraucht', [1200]],
  ['We already spent €2,000 in spring', [2000]],
  ['3000 Euro so far, and 250,50 EUR for tiles', [3000, 250.5]],
  ['Pflegegrad 3 seit 2024', []],
])('euroAmounts(%s) = %j', (text, amounts) => {
  expect(euroAmounts(text)).toEqual(amounts);
});

test.each<[string, boolean]>([
  ['wie viel ist noch übrig?', true],
  ['Was bleibt uns dann?', true],
  ['how much is left?', true],
  ['what remains of it?', true],
  ['Wie viel gibt es?', false],
  // a story's telling sentence is no question about a remainder; its question sentence decides
  ['Der Dienst kostet 600 €, den Rest mache ich. Kann man das ungenutzte Budget anders verwenden?', false],
  ['The service costs €600 and I do the rest myself. Can the unused part pay for something else?', false],
  ['Wir haben 1.200 € verbraucht. Wie viel bleibt noch?', true],
  ['wir haben 1.200 € verbraucht, was ist noch übrig', true],
])('asksLeft(%s) = %s', (text, expected) => {
  expect(asksLeft(text, words)).toBe(expected);
});

test.each<[string[], string | undefined, string | undefined]>([
  [['respite'], undefined, 'respite'],
  [['short_term_care'], 'allowance', 'respite'],
  [['relief_amount'], 'respite', 'relief'],
  [['home_adaptation'], undefined, 'home_adaptation'],
  [[], 'relief', 'relief'],
  [[], 'allowance', undefined],
])('budgetFor(%j, %s) = %s', (concepts, last, kind) => {
  expect(budgetFor(concepts, last)).toBe(kind);
});

describe('remainder', () => {
  test('the joint respite budget minus what was used, for this calendar year', () => {
    expect(remainder(table, 'respite', 1200, DAY)).toEqual({ kind: 'respite', total: v('entlastungsbudget'), used: 1200, left: v('entlastungsbudget') - 1200 });
  });

  test('before the joint budget existed (2025-07-01) there is no remainder to work out', () => {
    expect(remainder(table, 'respite', 1200, '2025-03-01' as IsoDate)).toBeUndefined();
  });

  test('the relief amount adds up month by month over the calendar year', () => {
    expect(budgetTotal(table, 'relief', DAY)).toBe(12 * v('entlastungsbetrag'));
    expect(remainder(table, 'relief', 500, DAY)?.left).toBe(12 * v('entlastungsbetrag') - 500);
  });

  test('home adaptation: the sum per measure', () => {
    expect(remainder(table, 'home_adaptation', 3000, DAY)?.left).toBe(v('wohnumfeld') - 3000);
  });

  test('never below zero, and nothing used is no remainder', () => {
    expect(remainder(table, 'home_adaptation', 99_999, DAY)?.left).toBe(0);
    expect(remainder(table, 'relief', 0, DAY)).toBeUndefined();
  });
});

describe('remainderFromText', () => {
  test('the amount used, not the budget the message repeats', () => {
    const total = v('entlastungsbudget').toLocaleString('de-DE');
    const r = remainderFromText(`Von den ${total} € haben wir 1.200 € verbraucht, wie viel ist noch übrig?`, ['respite'], undefined, table, DAY, words);
    expect(r?.used).toBe(1200);
  });

  test('the budget of the last answer when the message names none', () => {
    expect(remainderFromText('we already spent 2,000 euros, how much is left?', [], 'respite', table, DAY, words)?.left).toBe(v('entlastungsbudget') - 2000);
  });

  test('a story whose amount is another bill and whose question asks no remainder: nothing', () => {
    expect(remainderFromText('Mein Vater hat Pflegegrad 3, der Pflegedienst kostet 600 € im Monat, den Rest mache ich. Der Entlastungsbetrag reicht kaum. Kann man das ungenutzte Geld dafür verwenden?', ['relief_amount'], undefined, table, DAY, words)).toBeUndefined();
  });

  test('no question about the rest, no amount, or no budget: nothing', () => {
    expect(remainderFromText('Wir haben 1.200 € verbraucht.', ['respite'], undefined, table, DAY, words)).toBeUndefined();
    expect(remainderFromText('Wie viel ist noch übrig?', ['respite'], undefined, table, DAY, words)).toBeUndefined();
    expect(remainderFromText('Wie viel ist von 500 € noch übrig?', [], 'allowance', table, DAY, words)).toBeUndefined();
  });
});

describe('halfAllowance (§ 37 Abs. 2 SGB XI)', () => {
  test.each([2, 3, 4, 5])('grade %i: half the allowance, with the weeks of the table', (grade) => {
    expect(halfAllowance(table, grade, DAY)).toEqual({
      half: v('pflegegeld', DAY, grade) / 2, weeksShortTerm: v('kurzzeitpflege_wochen'), weeksRespite: v('verhinderungspflege_wochen'),
    });
  });

  test('grade 1 has no allowance to go on', () => {
    expect(halfAllowance(table, 1, DAY)).toBeUndefined();
  });

  test('the weeks of respite care as they were before 2025-07-01', () => {
    const before = '2025-03-01' as IsoDate;
    expect(halfAllowance(table, 3, before)?.weeksRespite).toBe(v('verhinderungspflege_wochen', before));
    expect(v('verhinderungspflege_wochen', before)).not.toBe(v('verhinderungspflege_wochen'));
  });
});
