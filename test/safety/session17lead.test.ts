// Session 17 (lead, after the merge): the care-act damping took away the model's reading of a care
// sentence that had carried "the rest I take myself, all at once" to clear by chance. The plan itself
// is now read by the rules: the pills, all at once and the rest taken by the writer.
import * as path from 'path';
import { loadSafety, loadSafetyClassifier } from '../../bot/safety/load';
import { createSafetyCheck } from '../../bot/safety/safety';

const knowledge = path.join(__dirname, '../../knowledge');
const net = createSafetyCheck(loadSafety(path.join(knowledge, 'safety.json')), loadSafetyClassifier(path.join(knowledge, 'safety-corpus.jsonl')));
const label = (t: string): string => {
  const a = net.assess(t);
  return a ? `${a.kind}/${a.ask ? 'ask' : a.strength}` : 'none';
};

describe('the rest of the pills taken by the writer, all at once, is a clear crisis', () => {
  test.each<[string, string]>([
    ['Ich gebe ihm seine Tabletten. Den Rest nehme ich dann selbst, alle auf einmal.', 'suicidal/clear'],
    ['Ich stelle Mama jeden Abend ihre Tabletten. Die übrigen schluck ich dann selber, alle auf einmal.', 'suicidal/clear'],
    ['I give her the tablets every morning. The rest I will take myself, all of them at once.', 'suicidal/clear'],
  ])('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });
  test.each<string>([
    // the rest brought back, or one's own pills taken together as prescribed, are not a plan
    'Den Rest der Tabletten nehme ich selbst mit zur Apotheke.',
    'Die restlichen Tabletten bringe ich selbst zur Apotheke zurück, darf ich die alle auf einmal abgeben?',
  ])('not clear: %s', (text) => {
    expect(label(text)).not.toBe('suicidal/clear');
  });
});
