// A story that only names a place is no offer search; what counts as a story.
import { asksForOffers } from '../../bot/conversation/local';
import { entryGrades, fitsGrade, guesses, isStory } from '../../bot/conversation/understand';
import type { Candidate, Retrieval } from '../../bot/nlu/retrieve';
import type { LayeredQuestion } from '../../bot/knowledge/kb';
import * as path from 'path';
import { loadLexicon } from '../../bot/nlu/lexicon';
import { ROOT } from '../helpers/app';

const words = loadLexicon(path.join(ROOT, 'locales'));

test.each<[string, boolean]>([
  ['Tagespflege in Saarn', false],
  ['Pflegedienst Heißen?', false],
  ['Meine Mutter ist im Pflegeheim in Holthausen gestorben. Das Heim will noch zwei Wochen Geld. Dürfen die das?', true],
  ['Mein Vater wohnt in Dümpten und hat seit gestern einen Pflegegrad und ich frage mich, was ihm jetzt alles zusteht', true],
])('isStory(%s) = %s', (text, expected) => {
  expect(isStory(text)).toBe(expected);
});

test.each<[string, boolean, boolean]>([
  ['Tagespflege in Saarn', false, true],
  ['Dürfen die das?', true, false],
  ['Gibt es in Saarn eine Tagespflege?', true, true],
  ['Wo finde ich einen Pflegedienst?', true, true],
  ['Ich suche einen Platz in der Kurzzeitpflege.', true, true],
  ['Is there a day centre in Broich?', true, true],
  ['Who pays for the care home?', true, false],
])('asksForOffers(%s, story=%s) = %s', (text, story, expected) => {
  expect(asksForOffers(text, story, words)).toBe(expected);
});

// A grade-specific entry answers only a message that names one of its grades.
const entryTitled = (title: string) => ({ de: { title } }) as unknown as LayeredQuestion;
test.each<[string, number | undefined, number[], boolean]>([
  ['Was zahlt die Pflegekasse im Heim bei Pflegegrad 1?', 1, [1], true],
  ['Was zahlt die Pflegekasse im Heim bei Pflegegrad 1?', 3, [1], false],
  ['Was zahlt die Pflegekasse im Heim bei Pflegegrad 1?', undefined, [1], false],
  ['Gibt es mit Pflegegrad 4 oder 5 einen Behinderten-Pauschbetrag?', 5, [4, 5], true],
  ['Gibt es mit Pflegegrad 4 oder 5 einen Behinderten-Pauschbetrag?', 3, [4, 5], false],
  ['Ist Pflegegeld steuerfrei?', undefined, [], true],
  ['Ist Pflegegeld steuerfrei?', 2, [], true],
])('entry "%s", message grade %s', (title, grade, grades, fits) => {
  expect(entryGrades(entryTitled(title))).toEqual(grades);
  expect(fitsGrade(entryTitled(title), grade)).toBe(fits);
});

// the grades are read once per entry and title (a story's re-ranking asks for every ranked entry)
test('an entry\'s grades follow its title and are the caller\'s own copy', () => {
  const e = entryTitled('Was zahlt die Pflegekasse im Heim bei Pflegegrad 1?');
  expect(fitsGrade(e, 1)).toBe(true);
  entryGrades(e).push(3);
  expect(fitsGrade(e, 3)).toBe(false);
  (e.de as { title: string }).title = 'Gibt es mit Pflegegrad 4 oder 5 einen Behinderten-Pauschbetrag?';
  expect(entryGrades(e)).toEqual([4, 5]);
  expect(fitsGrade(e, 1)).toBe(false);
});

describe('guesses: nothing confident, the closest candidates are offered', () => {
  const parts = { words: 0, variant: 0, grams: 0, concepts: 0, prior: 0 };
  const cand = (id: string, score: number): Candidate => ({ id, kind: 'entry', topic: 't', score, parts });
  const of = (...c: Candidate[]): Retrieval => ({ ranked: c, concepts: [], questions: [] });
  const all = () => true;
  test.each<[string, Retrieval, (id: string) => boolean, string[]]>([
    ['two close candidates', of(cand('a', 0.33), cand('b', 0.3), cand('c', 0.1)), all, ['a', 'b']],
    ['at most three', of(cand('a', 0.4), cand('b', 0.39), cand('c', 0.38), cand('d', 0.37)), all, ['a', 'b', 'c']],
    ['one alone is no choice', of(cand('a', 0.34), cand('b', 0.2)), all, []],
    ['below the floor nothing is offered', of(cand('a', 0.2), cand('b', 0.19)), all, []],
    ['only what can be answered', of(cand('a', 0.34), cand('x', 0.33), cand('b', 0.3)), (id) => id !== 'x', ['a', 'b']],
  ])('%s', (_, r, answerable, want) => {
    expect(guesses(r, answerable)).toEqual(want);
  });
});
