import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLASSIFIER_THRESHOLDS, combine, parseSafetyCorpus, type SentenceScore } from '../../bot/safety/classifier';
import { parseJsonl } from '../../bot/safety/evaluate';
import { createSafetyCheck, type Assessment } from '../../bot/safety/safety';
import { loadSafety, loadSafetyClassifier } from '../../bot/safety/load';

const th = { possible: 0.7, clearWithCue: 0.8 };
const clf = (p: number, cue = false, damped = false): SentenceScore => ({ kind: 'suicidal', p, cue, damped });
const rule = (kind: Assessment['kind'], strength: Assessment['strength']): Assessment => ({ kind, strength });

describe('combine: rules first, the classifier fills their silence', () => {
  test.each<[string, Assessment | undefined, SentenceScore | undefined, Assessment | undefined]>([
    ['nothing at all', undefined, undefined, undefined],
    ['a rule result stands without the classifier', rule('medical', 'clear'), undefined, rule('medical', 'clear')],
    ['a clear rule result wins over a confident classifier', rule('medical', 'clear'), clf(0.99, true), rule('medical', 'clear')],
    ['a possible rule result is not raised by the classifier', rule('violence', 'possible'), clf(0.99, true), rule('violence', 'possible')],
    ['low confidence: nothing', undefined, clf(0.69), undefined],
    ['moderate confidence: the gentle line', undefined, clf(0.7), { kind: 'suicidal', strength: 'possible' }],
    ['high confidence without a cue: still only possible', undefined, clf(0.99), { kind: 'suicidal', strength: 'possible' }],
    ['a cue, but below the clear threshold: possible', undefined, clf(0.75, true), { kind: 'suicidal', strength: 'possible' }],
    ['a cue at the clear threshold: clear', undefined, clf(0.8, true), { kind: 'suicidal', strength: 'clear' }],
    ['a marker damps clear to possible', undefined, clf(0.95, true, true), { kind: 'suicidal', strength: 'possible' }],
    ['a marker damps possible to nothing', undefined, clf(0.75, false, true), undefined],
  ])('%s', (_name, r, c, expected) => {
    expect(combine(r, c, th)).toEqual(expected);
  });

  test('the chosen thresholds never let the classifier say clear below the gentle line', () => {
    expect(CLASSIFIER_THRESHOLDS.clearWithCue).toBeGreaterThanOrEqual(CLASSIFIER_THRESHOLDS.possible);
  });
});

describe('knowledge/safety-corpus.jsonl', () => {
  const file = path.join(__dirname, '../../knowledge/safety-corpus.jsonl');
  const rows = parseSafetyCorpus(fs.readFileSync(file, 'utf8'), file);
  const corpus = parseJsonl(fs.readFileSync(path.join(__dirname, 'corpus.jsonl'), 'utf8'));

  test('is the train part of the eval corpus, so that dev stays unseen', () => {
    const train = corpus.filter((r) => r.split !== 'dev');
    expect(rows.map((r) => [r.id, r.text, r.label])).toEqual(train.map((r) => [r.id, r.text, r.strength === 'none' ? 'none' : r.kind]));
    const dev = new Set(corpus.filter((r) => r.split === 'dev').map((r) => r.text));
    expect(rows.filter((r) => dev.has(r.text))).toEqual([]);
  });

  test('a bad line is refused with its number', () => {
    expect(() => parseSafetyCorpus('{"id":"a","lang":"de","label":"none","text":"x"}\n{"id":"b","lang":"fr","label":"none","text":"y"}', 'f.jsonl')).toThrow(/f\.jsonl:2: lang/);
    expect(() => parseSafetyCorpus('{"id":"a","lang":"de","label":"none","text":"x"}\n{"id":"a","lang":"de","label":"none","text":"y"}', 'f.jsonl')).toThrow(/id a twice/);
    expect(() => parseSafetyCorpus('not json', 'f.jsonl')).toThrow(/f\.jsonl:1:/);
  });
});

describe('the net with its classifier layer', () => {
  const knowledge = path.join(__dirname, '../../knowledge');
  const safety = loadSafety(path.join(knowledge, 'safety.json'));
  const rules = createSafetyCheck(safety);
  const net = createSafetyCheck(safety, loadSafetyClassifier(path.join(knowledge, 'safety-corpus.jsonl')));

  test('the classifier reads the worst sentence and sees its cue and markers', () => {
    const v = net.classify('Wir waren heute beim Arzt. Ich will nur noch sterben. Morgen kommt der Pflegedienst.');
    expect(v).toMatchObject({ kind: 'suicidal', cue: true, damped: false });
    expect(net.classify('Er ist nicht gestürzt, er läuft nur unsicher')?.damped).toBe(true);
    expect(net.classify('Falls sie mal stürzt, was dann?')?.damped).toBe(true);
    expect(rules.classify('Ich will nur noch sterben')).toBeUndefined();
    // a negation that is part of the crisis wording does not damp; one that negates a crisis sign does
    expect(net.classify('Ich sehe keinen Sinn mehr und will nicht mehr leben')?.damped).toBe(false);
    expect(net.classify('Der Pflegedienst lässt ihn den ganzen Tag ohne Wasser')?.damped).toBe(false);
    expect(net.classify('I do not want to die, I am just very tired')?.damped).toBe(true);
  });

  test('a confident suicidal sentence is clear only with a cue of its kind; "ich"/"me" alone is not one', () => {
    // ordinary care questions in the first person that the classifier scored above 0.9
    for (const text of ['Kann jemand von der Pflegeberatung zu mir nach Hause kommen? Ich bin nicht mehr gut zu Fuß.', 'remove everything you saved about me']) {
      expect([text, net.assess(text)?.strength]).not.toEqual([text, 'clear']);
    }
    expect(net.classify('Wir waren heute beim Arzt. Ich will nur noch sterben. Morgen kommt der Pflegedienst.')?.cue).toBe(true);
  });

  // session 14: a rule's "possible" may become clear of the same kind (upgradePossible, a confident
  // classifier with a cue naming that crisis); a clear rule and the kind still stand
  test('whatever the rules find stands (a possible one may only become clear, of the same kind)', () => {
    const corpus = parseJsonl(fs.readFileSync(path.join(__dirname, 'corpus.jsonl'), 'utf8'));
    for (const r of corpus) {
      const byRules = rules.assess(r.text);
      if (byRules?.strength === 'clear') expect([r.id, net.assess(r.text)]).toEqual([r.id, byRules]);
      else if (byRules) expect([r.id, net.assess(r.text)?.kind]).toEqual([r.id, byRules.kind]);
    }
  });

  test('over-long sentences are left to the rules', () => {
    expect(net.classify(`${'pflege '.repeat(100)}ich will sterben`)).toBeUndefined();
  });
});
