import { detectLanguage, looksForeign } from '../../bot/nlu/detect';

describe('detectLanguage', () => {
  const cases: Array<[string, 'de' | 'en' | undefined]> = [
    ['What is Verhinderungspflege?', 'en'],
    ['Can I apply for Pflegegeld online?', 'en'],
    ['Where can I get care counselling in Mülheim?', 'en'],
    ['What does long-term care insurance pay for day care at care grade 2?', 'en'],
    ['my wife needs help washing what now', 'en'],
    ['I am looking for day care in Speldorf', 'en'],
    ['How much is the care allowance?', 'en'],
    ['Hello', 'en'],
    ['good morning', 'en'],
    ['Thanks', 'en'],
    ['Bye', 'en'],
    ['Was ist Verhinderungspflege?', 'de'],
    ['Kann ich Pflegegeld online beantragen?', 'de'],
    ['Wo finde ich eine Pflegeberatung?', 'de'],
    ['Wie hoch ist das Pflegegeld bei Pflegegrad 2?', 'de'],
    ['meine frau braucht hilfe beim waschen was nun', 'de'],
    ['Ich suche eine Tagespflege in Speldorf', 'de'],
    ['Wer hat die Fußball-WM gewonnen?', 'de'],
    ['Hallo', 'de'],
    ['Guten Morgen', 'de'],
    ['Grüß Gott', 'de'],
    ['Moin', 'de'],
    ['Danke', 'de'],
    ['Tschüss', 'de'],
    // too little to decide: the caller keeps the conversation's language
    ['Pflegegrad 3', undefined],
    ['Pflegegeld', undefined],
    ['Hausnotruf', undefined],
    ['in Dümpten', undefined],
    ['3', undefined],
    ['ok', undefined],
    ['', undefined],
  ];

  it.each(cases)('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});

describe('looksForeign', () => {
  test.each([
    ['¿Cómo puedo pedir ayuda para cuidar a mi padre en casa?', true],
    ['Bonjour, je cherche une aide pour ma mère', true],
    ['Annem için bakım parası nasıl alabilirim?', true],
    ['Wie hoch ist das Pflegegeld?', false],
    ['What is Verhinderungspflege?', false],
    ['Altstadt I', false],
    ['Tagespflege in Saarn', false],
    ['Pflegegrad 3', false],
  ])('%s → %s', (text, expected) => expect(looksForeign(text)).toBe(expected));
});
