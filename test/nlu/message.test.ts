// Reading a message: sentences, and which of them ask.
import { askingSentences, isQuestion, pointedSentences, questionSentences, readSentences, splitSentences } from '../../bot/nlu/message';

describe('splitSentences', () => {
  test.each<[string, string, string[]]>([
    ['two sentences', 'Mutter ist im Heim. Was kostet das?', ['Mutter ist im Heim.', 'Was kostet das?']],
    ['a date stays whole', 'Der Bescheid kam am 3. November. Ist das zu spät?', ['Der Bescheid kam am 3. November.', 'Ist das zu spät?']],
    ['an abbreviation stays whole', 'Sie hat z. B. Pflegegrad 3. Was nun?', ['Sie hat z. B. Pflegegrad 3.', 'Was nun?']],
    ['a legal reference stays whole', 'Nach § 40 Abs. 4 SGB XI gibt es Geld. Wie viel?', ['Nach § 40 Abs. 4 SGB XI gibt es Geld.', 'Wie viel?']],
    ['line breaks split', 'Hallo\nwie beantrage ich das', ['Hallo', 'wie beantrage ich das']],
    ['exclamation marks split', 'Ich kann nicht mehr! Wer hilft?', ['Ich kann nicht mehr!', 'Wer hilft?']],
    // session 15b: lower-case writers; a grade's number or a sentence-starting word ends the sentence
    ['a care grade before a lower-case question', 'he has grade 3. am i insured myself?', ['he has grade 3.', 'am i insured myself?']],
    ['a Pflegegrad before a lower-case sentence', 'mama hat pflegegrad 2. wir pflegen sie allein', ['mama hat pflegegrad 2.', 'wir pflegen sie allein']],
    ['an age before a lower-case pronoun', 'she is 85. she cannot walk', ['she is 85.', 'she cannot walk']],
    ['a lower-case ordinal stays whole', 'sie wohnt im 2. stock ohne aufzug. was tun?', ['sie wohnt im 2. stock ohne aufzug.', 'was tun?']],
    ['a lower-case date stays whole', 'der termin ist am 3. juni. reicht das?', ['der termin ist am 3. juni.', 'reicht das?']],
  ])('%s', (_name, text, expected) => {
    expect(splitSentences(text)).toEqual(expected);
  });
});

describe('isQuestion', () => {
  test.each<[string, boolean]>([
    ['Was kostet das?', true],
    ['wie beantrage ich das', true],
    ['Darf das Heim das', true],
    ['Ich möchte wissen, ob das Heim das darf.', true],
    ['Meine Frage: zahlt die Kasse den Lift.', true],
    ['Can they charge for that', true],
    ['I would like to know who pays.', true],
    // a question told as a statement (issue 17: the second question of a story had no question mark)
    ['Weiß nicht ob wir das vorher beantragen müssen.', true],
    ['Und muss ich das melden, weiss nicht, ob ich dazu verpflichtet bin.', true],
    ['Ich bin mir nicht sicher, ob das Pflegegeld weiterläuft.', true],
    ['I am also not sure if I have to report it.', true],
    ["We don't know whether we can apply for it.", true],
    ['Ich weiß nicht mehr weiter.', false],
    ["I don't know the number.", false],
    ['Meine Mutter ist im Heim in Dümpten.', false],
    ['Sie hat Pflegegrad 3.', false],
    ['Ist schon lange so.', false],
    ['My mother lives in Saarn.', false],
  ])('%s → %s', (text, expected) => {
    expect(isQuestion(text)).toBe(expected);
  });

  test('without any question sentence the last sentence counts as the question', () => {
    expect(questionSentences(readSentences('Mein Vater hat Demenz. Ich brauche Hilfe beim Antrag.')).map((s) => s.text)).toEqual(['Ich brauche Hilfe beim Antrag.']);
  });

  test.each<[string, string[]]>([
    // a request said as a statement is the question, wherever it stands
    ['Ich brauche Hilfe beim Widerspruch. Meine Mutter hat nur Pflegegrad 1 bekommen, obwohl sie kaum noch laufen kann.', ['Ich brauche Hilfe beim Widerspruch.']],
    ['We need someone for the nights. Dad has dementia and wanders around from 2 am.', ['We need someone for the nights.']],
    // no request either: the last sentence
    ['Mein Vater ist gestürzt. Jetzt liegt er im Krankenhaus.', ['Jetzt liegt er im Krankenhaus.']],
  ])('a story without a question: %s', (text, expected) => {
    expect(questionSentences(readSentences(text)).map((s) => s.text)).toEqual(expected);
  });

  test('the story around a question is not a question', () => {
    const q = questionSentences(readSentences('Mutter ist im Heim in Holthausen gestorben. Das Heim will noch zwei Wochen Geld. Dürfen die das?'));
    expect(q.map((s) => s.text)).toEqual(['Dürfen die das?']);
  });
});

describe('askingSentences', () => {
  test.each<[string, string[]]>([
    ['Bitte um Rückruf', ['Bitte um Rückruf']],
    ['the staff call me because she gets upset. what should i say to her?', ['what should i say to her?']],
    ['Die Kasse wollte mich zurückrufen, hat sie aber nie. Mama hat Pflegegrad 2. Was kann ich tun?', ['Was kann ich tun?']],
    ['Können Sie mich zurückrufen? Ich bin ab 14 Uhr erreichbar.', ['Können Sie mich zurückrufen?', 'Ich bin ab 14 Uhr erreichbar.']],
    ['Call me back. I am free after two.', ['Call me back.', 'I am free after two.']],
    ['Rufen Sie mich bitte an. Mein Vater ist gestürzt. Ich weiß nicht weiter.', ['Rufen Sie mich bitte an.', 'Ich weiß nicht weiter.']],
    ['I would like someone to call me. My mum has dementia.', ['I would like someone to call me.', 'My mum has dementia.']],
  ])('%p → %j', (text, want) => {
    expect(askingSentences(text)).toEqual(want);
  });
});

describe('pointedSentences', () => {
  test.each<[string, string[]]>([
    ['Oma hat Pflegegrad 3. Jetzt soll sie in die Tagespflege. Wie viel zahlt die Kasse dafür?', ['Jetzt soll sie in die Tagespflege.']],
    ['dad has grade 2. he needs a walk-in shower. do we get money for it?', ['he needs a walk-in shower.']],
    // no pointer, or the pointer in the question's second part (it points at the first part)
    ['Oma hat Pflegegrad 3. Jetzt soll sie in die Tagespflege. Wie viel zahlt die Kasse?', []],
    ['Sie braucht einen Rollator. Im Sanitätshaus wollte man 120 €. Zahlt das nicht die Kasse, und was braucht sie dafür?', []],
    // the sentence before is a question itself: nothing to point to in the story
    ['Geht das? Wie viel zahlt die Kasse dafür?', []],
    // session 18b: a short question whose object is a pronoun or an indefinite points back too
    ['Einen Pflegegrad hat er nicht. Bekommt er trotzdem einen?', ['Einen Pflegegrad hat er nicht.']],
    ['Sie wohnt jetzt bei uns in Saarn. Geht das auch bei uns?', ['Sie wohnt jetzt bei uns in Saarn.']],
    ['Mama hat Pflegegrad 2. Steht ihr das zu?', ['Mama hat Pflegegrad 2.']],
    ['she has no care grade yet. does she still get one?', ['she has no care grade yet.']],
    // a longer question names its subject; "gibt es" / "is there" is no object
    ['Sie hat Pflegegrad 2. Bekommt sie das Geld auch, wenn ich arbeite und sie tagsüber allein ist?', []],
    ['Mama kann nicht mehr allein duschen. Gibt es Hilfe?', []],
    ['mum cannot shower alone anymore. is there help?', []],
    // only the last question: a later question names the subject itself
    ['Er hat Alzheimer und fährt noch Auto. Darf er das noch? Und hat er Anspruch auf einen Pflegegrad?', []],
  ])('%p → %j', (text, want) => {
    expect([...pointedSentences(readSentences(text))].map((s) => s.text)).toEqual(want);
  });
});
