// The combination benefit from a euro bill (bot/conversation/combinationAmount.ts): amounts with a
// currency, the share of the grade's Sachleistung from the dated table, and when a message asks for it.
import { combinationShare, euroAmount, shareOfInKind } from '../../bot/conversation/combinationAmount';
import { combination, valueOn } from '../../bot/care/benefits';
import { benefitsTable } from '../dialogs/guidedHelpers';
import * as path from 'path';
import { loadLexicon } from '../../bot/nlu/lexicon';
import { ROOT, TODAY } from '../helpers/app';

const words = loadLexicon(path.join(ROOT, 'locales'));

test.each<[string, number | undefined]>([
  ['etwa 900 Euro im Monat', 900],
  ['900 € im Monat', 900],
  ['€ 1.200 a month', 1200],
  ['1200,50 EUR', 1200.5],
  ['about €750', 750],
  ['748.5 Euro', 748.5],
  ['€1,200.50', 1200.5],
  ['etwa 748,50 € im Monat', 748.5],
  ['sie ist 85 und hat Pflegegrad 3', undefined],
  ['60 Prozent', undefined],
])('euroAmount(%s) = %s', (text, expected) => {
  expect(euroAmount(text)).toBe(expected);
});

test('the share is the bill over the grade\'s Sachleistung, at most 100 %', () => {
  const full = valueOn(benefitsTable, 'sachleistung', TODAY, 3)!;
  expect(shareOfInKind(benefitsTable, 3, full / 2, TODAY)).toBe(50);
  expect(shareOfInKind(benefitsTable, 3, full * 3, TODAY)).toBe(100);
  // grade 1 has no Sachleistung
  expect(shareOfInKind(benefitsTable, 1, 300, TODAY)).toBeUndefined();
  // and the Pflegegeld left follows from the share as in the benefits overview
  expect(combination(benefitsTable, 3, 0.5, TODAY)).toBe(Math.round(valueOn(benefitsTable, 'pflegegeld', TODAY, 3)! * 50) / 100);
});

test.each<[string, number | undefined, boolean]>([
  ['Der Dienst rechnet 900 Euro ab. Wie viel Pflegegeld bleibt dann übrig?', 3, true],
  ['The service charges €900 a month, how much allowance is left?', 3, true],
  // no grade known, no question for the rest, no amount
  ['Der Dienst rechnet 900 Euro ab. Wie viel Pflegegeld bleibt dann übrig?', undefined, false],
  ['Der Pflegedienst kostet 900 Euro, ist das normal?', 3, false],
  ['Wie viel Pflegegeld bleibt übrig?', 3, false],
])('combinationShare(%s, grade %s) is given: %s', (text, grade, given) => {
  expect(combinationShare(text, grade, benefitsTable, TODAY, words) !== undefined).toBe(given);
});

test('in a story only the question counts: "den Rest mache ich" tells, it does not ask', () => {
  const story = 'Der Pflegedienst kostet 600 €, den Rest mache ich.';
  expect(combinationShare('Kann man das übrige Budget für eine Alltagsbegleiterin nutzen?', 3, benefitsTable, TODAY, words, story)).toBeUndefined();
  expect(combinationShare('Wie viel Pflegegeld bleibt mir dann?', 3, benefitsTable, TODAY, words, story)).toBe(shareOfInKind(benefitsTable, 3, 600, TODAY));
});
