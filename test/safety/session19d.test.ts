// Table tests of session 19d (crisis19d): a service that has not come several times this week is a
// possible neglect (the gentle line), told with a count ("schon zweimal nicht da") instead of "oft".
// The first block failed on the data before this session; the second guards the look-alikes.
import * as path from 'path';
import { loadSafety, loadSafetyClassifier } from '../../bot/safety/load';
import { createSafetyCheck } from '../../bot/safety/safety';

const knowledge = path.join(__dirname, '../../knowledge');
const net = createSafetyCheck(loadSafety(path.join(knowledge, 'safety.json')), loadSafetyClassifier(path.join(knowledge, 'safety-corpus.jsonl')));
const label = (t: string): string => {
  const a = net.assess(t);
  return a ? `${a.kind}/${a.ask ? 'ask' : a.strength}` : 'none';
};

describe('session 19d: a service that did not come, told with a count', () => {
  test.each<[string, string]>([
    ['Der Pflegedienst ist diesen Monat schon dreimal nicht gekommen. Ist das normal?', 'neglect/possible'],
    ['unser pflegedienst kam letzte woche mehrmals nicht, wir wissen nicht warum', 'neglect/possible'],
  ])('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });
});

describe('session 19d: care questions with a count stay quiet', () => {
  test.each<string>([
    'Der Pflegedienst kommt zweimal täglich zu Mama. Zahlt das die Pflegekasse?',
    'Kann der Pflegedienst auch dreimal in der Woche kommen statt jeden Tag?',
  ])('%s → none', (text) => {
    expect(label(text)).toBe('none');
  });
});
