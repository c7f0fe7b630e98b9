import * as fs from 'fs';
import * as path from 'path';
import { ConceptsFileSchema } from '../../bot/knowledge/schema';
import { createRetriever, type RLang } from '../../bot/nlu/retrieve';

// issue 17, session 18b: words of stories the concept lexicon (knowledge/concepts.json) read as nothing.
// The lexicon's data, read as the bot reads it (no entries needed to read concepts).
const concepts = ConceptsFileSchema.parse(JSON.parse(fs.readFileSync(path.join(__dirname, '../../knowledge/concepts.json'), 'utf8')));
const retriever = createRetriever([], concepts);

describe('concept readings of the lexicon', () => {
  test.each<[string, RLang, string, string]>([
    // lost earnings of whoever stands in or takes leave: income, as "earnings" already was
    ['Verdienstausfall', 'de', 'Kann die Kasse meinem Bruder den Verdienstausfall ersetzen?', 'income'],
    ['Lohnausfall', 'de', 'sie hätte eine woche lohnausfall', 'income'],
    ['loss of earnings', 'en', 'would they pay for his loss of earnings?', 'income'],
    // an operation told as a verb
    ['operiert', 'de', 'Mein Mann wurde an der Bandscheibe operiert.', 'hospital'],
    ['operated on', 'en', 'she was operated on last week', 'hospital'],
    // a joint replacement is an operation told by its result (session 19)
    ['knee replaced', 'en', 'my mum had her knee replaced and comes home on thursday', 'hospital'],
    ['hip replacement', 'en', 'after his hip replacement he can hardly walk', 'hospital'],
    ['neues Hüftgelenk', 'de', 'Papa hat ein neues Hüftgelenk bekommen und kommt bald heim.', 'hospital'],
  ])('%s (%s)', (_name, lang, text, concept) => {
    expect(retriever.concepts(text, lang)).toContain(concept);
  });
});
