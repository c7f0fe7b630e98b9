// A question with two parts answered in both (issue 17, session 15): which facets a part asks, which
// sentence of an entry answers each, and the composed answer of at most three sentences.
import * as path from 'path';
import { askedFacets, composeSentences, facetPickFor, facetsOf, pickFacetSentences, questionKeys, type AskedFacet } from '../../bot/conversation/facets';
import { loadLexicon } from '../../bot/nlu/lexicon';
import { withFurtherQuestions } from '../../bot/conversation/route';
import type { Understanding } from '../../bot/conversation/understand';
import type { LayeredAnswer } from '../../bot/knowledge/kb';
import { ROOT as PROJECT_ROOT } from '../helpers/app';

const words = loadLexicon(path.join(PROJECT_ROOT, 'locales'));

describe('facetsOf: what one part of a question asks', () => {
  test.each([
    ['Bekomme ich den Pauschbetrag trotzdem', ['condition']],
    ['und wie viel wäre das?', ['amount']],
    ['Lohnt sich ein Widerspruch, und wie gehe ich vor?', ['procedure']],
    ['Zahlt die Kasse das auch, wenn es meine Schwester macht', ['condition', 'payer']],
    ['Dürfen wir das', ['permission']],
    ['wo beantrage ich das', ['procedure']],
    ['Is it still paid even if she is in hospital', ['condition', 'payer']],
    ['and how much does the fund pay?', ['amount']],
    ['how do I go about it?', ['procedure']],
    ['Are we allowed to pay her from the relief amount', ['permission']],
    ['Wie lange dauert das?', []],
  ])('%s → %j', (part, facets) => {
    expect(facetsOf(part, words)).toEqual(facets);
  });
});

describe('askedFacets: only a question with two parts', () => {
  test.each([
    [['Bekomme ich den trotzdem', 'und wie viel wäre das?'], 2, ['condition', 'amount']],
    // one part with two facets asks two things
    [['Zahlt die Kasse das auch, wenn es meine Schwester macht?'], 1, ['condition', 'payer']],
    // one part with one facet asks one thing: the short answer is for it
    [['Wie viel Pflegegeld gibt es?'], 1, undefined],
    // the other part of the message went to an entry of its own: this part is still half of the question
    [['Dürfen wir sie über den Entlastungsbetrag bezahlen'], 2, ['permission']],
    [['Wie lange dauert das', 'und wer hilft mir?'], 2, undefined],
  ])('%j of %i parts → %j', (parts, total, facets) => {
    expect(askedFacets(parts, words, total)).toEqual(facets);
  });
});

const SHORT = ['Die Pflegekasse zahlt bis zu 42 € im Monat für Verbrauchsprodukte.', 'Technische Hilfen gibt es leihweise.', 'Rollatoren zahlt die Krankenkasse.'];
const DETAILS = [
  'Einen Antrag stellen Sie formlos bei der Pflegekasse; das Formular gibt es auch in Apotheken.',
  'Das gilt auch, wenn die Person im Heim lebt, nicht aber für Handschuhe aus dem Supermarkt.',
  'Die Kasse prüft den Antrag in wenigen Wochen.',
];
const asked = (facet: AskedFacet['facet'], part: string, rest: string[] = []): AskedFacet => ({ facet, keys: questionKeys([part], rest) });

describe('pickFacetSentences: the sentence that answers each part', () => {
  test('the amount is in the short answer: it stays, the procedure comes from the details', () => {
    const pick = pickFacetSentences(SHORT, DETAILS, [asked('amount', 'wie viel zahlt die Kasse'), asked('procedure', 'und wo beantrage ich das Formular?')], words);
    expect(pick).toEqual({ kept: [0], added: [0] });
  });

  test('a condition needs a particular word of its part in the sentence ("Heim")', () => {
    expect(pickFacetSentences(SHORT, DETAILS, [asked('condition', 'gilt das trotzdem, wenn sie im Heim lebt')], words).added).toEqual([1]);
    // no sentence names what the part asks about: nothing is added (the content lacks it)
    expect(pickFacetSentences(SHORT, DETAILS, [asked('condition', 'bekommen wir das trotzdem im Urlaub')], words).added).toEqual([]);
  });

  test('a short sentence that speaks to the facet stays unless a details sentence names a word of the part itself', () => {
    // "Pflegegrad" is only the story's word: the short "Nein, …" answers "trotzdem voll?"
    const story = asked('condition', 'bekommen wir das Pflegegeld trotzdem voll', ['Sie hat Pflegegrad 3.']);
    expect(pickFacetSentences(['Nein, es kommt zusätzlich zum Pflegegeld.'], ['Das gilt ab Pflegegrad 2.'], [story], words)).toEqual({ kept: [0], added: [] });
    // "Urlaub" is the part's own word: the details sentence about it is added
    const own = asked('condition', 'bekommen wir das Pflegegeld trotzdem im Urlaub', ['Sie hat Pflegegrad 3.']);
    expect(pickFacetSentences(['Nein, es kommt zusätzlich.'], ['Im Urlaub läuft es weiter, wenn er kürzer ist.'], [own], words).added).toEqual([0]);
  });

  test('an amount the short answer lacks comes from the details even without a shared word', () => {
    const pick = pickFacetSentences(['Ja, das geht.'], ['Sie stellen einen Antrag.', 'Die Kasse zahlt bis zu 131 € im Monat.'], [asked('amount', 'und wie viel ist das')], words);
    expect(pick.added).toEqual([1]);
  });
});

describe('composeSentences: at most three sentences, the facets\' sentences kept', () => {
  test.each([
    // three short sentences and one added: the last short one that answers nothing goes
    [SHORT, { kept: [0], added: [0] }, [SHORT[0], SHORT[1], DETAILS[0]]],
    // the kept second sentence stays, the third goes
    [SHORT, { kept: [2], added: [1] }, [SHORT[0], SHORT[2], DETAILS[1]]],
    // room for two added sentences after a one-sentence short answer
    [[SHORT[0]], { kept: [], added: [0, 1] }, [SHORT[0], DETAILS[0], DETAILS[1]]],
    // every short sentence answers a facet: nothing is added
    [SHORT, { kept: [0, 1, 2], added: [1] }, SHORT],
    // a question of three parts: no short sentence makes room
    [SHORT, { kept: [0], added: [0], keepShort: true }, SHORT],
    [SHORT.slice(0, 2), { kept: [0], added: [0], keepShort: true }, [SHORT[0], SHORT[1], DETAILS[0]]],
  ])('%#', (short, pick, out) => {
    expect(composeSentences(short, DETAILS, pick)).toEqual(out);
  });
});

describe('facetPickFor: an entry and a message', () => {
  const entry = {
    id: 'x', de: { title: 'T', short: SHORT.join(' '), details: DETAILS.join(' '), next: 'n' }, en: { title: 'T', short: 'Up to €42 a month.', details: 'Apply informally by phone.', next: 'n' },
  } as unknown as LayeredAnswer;

  test('two parts: the missing part\'s sentence', () => {
    expect(facetPickFor(entry, 'de', ['Übernimmt die Kasse Handschuhe', 'und wie beantrage ich das?'], [], words)).toMatchObject({ added: [0], withGrade: false });
    expect(facetPickFor(entry, 'en', ['Is it covered', 'and how do I apply?'], [], words)).toMatchObject({ added: [0] });
  });

  test('three parts: the short answer stays whole, a sentence is added only where there is room', () => {
    const parts = ['Übernimmt die Kasse Handschuhe', 'wie beantrage ich das', 'und was bleibt an uns hängen?'];
    expect(facetPickFor(entry, 'de', parts, [], words)).toBeUndefined();
    const two = { ...entry, de: { ...entry.de, short: SHORT.slice(0, 2).join(' ') } } as LayeredAnswer;
    expect(facetPickFor(two, 'de', parts, [], words)).toMatchObject({ added: [0], keepShort: true });
  });

  test('one question asking one thing, or nothing to add: no pick', () => {
    expect(facetPickFor(entry, 'de', ['Wie viel zahlt die Kasse?'], [], words)).toBeUndefined();
    expect(facetPickFor(entry, 'de', ['Übernimmt die Kasse Handschuhe', 'und wie viel?'], [], words)).toBeUndefined();
  });
});

describe('withFurtherQuestions: the parts the answer stands for', () => {
  const part = (id: string, rule: 'entry' | 'topic') => ({ id, score: 0.7, confident: true, near: [id], rule });
  test('a part matched by the answer\'s own topic is still the answer\'s part; one of another entry is not', () => {
    const facetPick = jest.fn().mockReturnValue(undefined);
    const u = { entry: { id: 'assessment_be_present', topic: 'assessment' }, parts: [part('assessment_be_present', 'entry'), part('assessment', 'topic'), part('relief', 'topic')], facetPick };
    withFurtherQuestions({ answerId: 'assessment_be_present' }, u as unknown as Understanding);
    expect(facetPick).toHaveBeenCalledWith('assessment_be_present', ['relief']);
  });
});
