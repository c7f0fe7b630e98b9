// The denied words of a story sentence (issue 17): a concept said NOT to be the case ("keine Demenz",
// "we don't get any benefits yet") must not count as support for its entry; what someone can no longer
// do ("kann nicht mehr"), "nicht nur" and a denied wish ("never wanted …") still name their subject.
import { negatedWords, opensBack, refersBack, wordIndexAt } from '../../bot/nlu/negation';
import { foldMarks } from '../../bot/text/fold';
import { foldText, words } from '../../bot/nlu/normalise';

/** the words of `text` the rule denies */
function denied(text: string): string[] {
  const f = foldText(text);
  const ws = words(f);
  return [...negatedWords(f)].sort((a, b) => a - b).map((i) => ws[i]);
}

describe('negatedWords: the scope of a negation within its clause', () => {
  test.each<[string, string, boolean]>([
    // [text, word, denied?]
    ['Er hat keine Demenz, aber er braucht Hilfe.', 'demenz', true],
    ['Er hat keine Demenz, aber er braucht Hilfe.', 'hilfe', false],
    ['Sie ist nicht dement.', 'dement', true],
    ['Wir leben ohne Pflegegrad seit Jahren.', 'pflegegrad', true],
    ['Ich bin nicht mehr berufstätig.', 'berufstatig', true],
    ['Mein Bruder war nie im Pflegeheim.', 'pflegeheim', true],
    ['my mum does not have dementia', 'dementia', true],
    ["we don't get any benefits yet", 'benefits', true],
    ['no power of attorney exists', 'attorney', true],
    // German order: a short clause with a have/get verb and "nicht" last denies its first words
    ['Einen Pflegedienst haben wir nicht, ich mache alles.', 'pflegedienst', true],
    ['Pflegegeld bekommt sie noch nicht.', 'pflegegeld', true],
    // session 15b: a refused service is not there either
    ['Einen Pflegedienst wollen wir nicht, das macht meine Schwester.', 'pflegedienst', true],
    ['Ins Heim will sie nicht.', 'heim', true],
    ['Der Pflegedienst kommt morgens leider nicht.', 'pflegedienst', false],
    ['Den Antrag haben wir gestellt, aber der Gutachter war noch nicht da.', 'antrag', false],
    // the clause ends the scope
    ['Keine Pflegekasse zahlt das, also beantragen wir Pflegegeld.', 'pflegegeld', false],
    ['He is not confused but he needs a care service.', 'care', false],
    ['Sie hat keinen Pflegegrad und wir suchen einen Pflegedienst.', 'pflegedienst', false],
    // the scope is short: four words
    ['Ich habe nicht gewusst, dass es Pflegegeld gibt.', 'pflegegeld', false],
    // need, not absence
    ['Sie kann nicht mehr allein zu Hause bleiben.', 'hause', false],
    ["he can't manage the stairs anymore", 'stairs', false],
    ['Er kann nicht mehr Treppen steigen.', 'treppen', false],
    // a restriction, and a denied wish, still name their subject
    ['Es geht nicht nur um Pflegegeld.', 'pflegegeld', false],
    // too little of something is its subject: "nicht lange genug eingezahlt" is about the insurance period
    ['Sie bekommt nichts, weil sie nicht lange genug eingezahlt hat.', 'eingezahlt', false],
    ['Sie ist nicht ausreichend versichert gewesen.', 'versichert', false],
    ["he hasn't paid in long enough, they said", 'paid', false],
    ['she was not insured long enough', 'insured', false],
    ['she has not been insured long enough', 'insured', false],
    ['we do not earn enough money for the home', 'earn', false],
    ['we do not have enough money for the home', 'money', false],
    ['Wir haben nicht genug Geld für das Heim.', 'geld', false],
    // a degree word outside the clause does not lift the denial
    ['Er hat keine Demenz, aber Zeit hat er genug.', 'demenz', true],
    ['Dad never wanted to be kept alive on machines.', 'alive', false],
    ['Ins Heim wollte sie nie.', 'heim', false],
  ])('%s → %s denied: %s', (text, word, expected) => {
    expect(denied(text).includes(word)).toBe(expected);
  });

  test('word indexes are the ones words() counts (phrases are found by their first word)', () => {
    const f = foldText('wir haben keine, wirklich keine power of attorney');
    expect(wordIndexAt(f, f.indexOf('power'))).toBe(words(f).indexOf('power'));
  });
});

describe('refersBack: a short question without its own topic asks about what was just told', () => {
  test.each<[string, boolean]>([
    ['Stimmt das?', true],
    ['Ist das so?', true],
    ['Kann das sein?', true],
    ['Geht das?', true],
    ['Is that true?', true],
    ['is that right?', true],
    ['Is it really so?', true],
    // a longer question says what it asks about itself
    ['Stimmt es, dass man ohne zwei Jahre Versicherung gar nichts bekommt?', false],
    ['Wie beantrage ich einen Pflegegrad?', false],
    ['How much is it?', true], // short and pointing back; retrieval keeps it only when it names no concept
    ['Was nun?', false],
    // session 18b: an indefinite as the last word is a pronoun for what was told ("Einen Pflegegrad hat er nicht.")
    ['Bekommt er trotzdem einen?', true],
    ['Does she still get one?', true],
    ['kriegt sie keinen?', true],
  ])('%s → %s', (text, expected) => {
    expect(refersBack(foldText(text))).toBe(expected);
  });
});

describe('opensBack: a question that opens by pointing back at the story (session 15b)', () => {
  test.each<[string, boolean]>([
    ['is that covered even if family does it, and how much does the fund pay', true],
    ['Does this count for her pension too?', true],
    ['Geht das auch, wenn mein Bruder sie pflegt?', true],
    ['Stimmt das?', true],
    ['Ist das so richtig', true],
    // German "das" as the article: the question names its own subject
    ['Darf das Heim das einfach so?', false],
    ['Zahlt das Sozialamt den Rest?', false],
    ['is it possible to get respite care by the hour?', false],
    ['How much care allowance does she get?', false],
  ])('%s → %s', (text, expected) => {
    expect(opensBack(foldMarks(text))).toBe(expected);
  });
});
