// A story that denies what the intent engine's topic is about (issue 17, session 15b): the topic's
// core concepts, which topics a denial takes out, and the ranking without them. Table tests for the
// pure rules of bot/nlu/deniedTopic.ts.
import { deniedTopics, topicCores, withoutDeniedTopics } from '../../bot/nlu/deniedTopic';

const same = (c: string) => c;

describe('topicCores: the concepts at least half of a topic\'s entries declare', () => {
  const entries = [
    { topic: 'dementia', concepts: ['dementia', 'night'] },
    { topic: 'dementia', concepts: ['dementia', 'fraud'] },
    { topic: 'dementia', concepts: ['freedom_restriction'] },
    { topic: 'tiny', concepts: ['meals'] },
    { topic: 'tiny', concepts: ['meals'] },
    { topic: 'alias', concepts: ['day_care'] },
    { topic: 'alias', concepts: ['daycare'] },
    { topic: 'alias', concepts: ['costs'] },
  ];
  const canonical = (c: string) => (c === 'day_care' ? 'daycare' : c);
  const cores = topicCores(entries, canonical);
  test.each<[string, string[] | undefined]>([
    ['dementia', ['dementia']],
    // two entries say too little about a topic
    ['tiny', undefined],
    // aliases count as their concept
    ['alias', ['daycare']],
  ])('%s → %j', (topic, want) => {
    const got = cores.get(topic);
    expect(got ? [...got].sort() : undefined).toEqual(want);
  });
});

describe('deniedTopics: a topic with a denied core concept', () => {
  const cores = new Map<string, ReadonlySet<string>>([
    ['dementia', new Set(['dementia'])], ['combination', new Set(['combination', 'care_allowance'])], ['selfcheck', new Set(['grade'])],
  ]);
  test.each<[string[], string[]]>([
    [['dementia'], ['dementia']],
    [['care_allowance'], ['combination']],
    [['care_service'], []],
    [[], []],
  ])('denied %j → %j', (denied, want) => {
    expect([...deniedTopics(new Set(denied), cores)].sort()).toEqual(want);
  });
  test('canonical ids from the real concept list are what cores are keyed on', () => {
    expect(topicCores([{ topic: 't', concepts: ['x'] }, { topic: 't', concepts: ['x'] }, { topic: 't', concepts: ['x'] }], same).get('t')).toEqual(new Set(['x']));
  });
});

describe('withoutDeniedTopics: the next topic answers when the best one is denied', () => {
  const r = {
    lang: 'en', intent: 'dementia', score: 0.94, entities: {},
    ranked: [{ intent: 'dementia', score: 0.94 }, { intent: 'selfcheck', score: 0.03 }, { intent: 'objection', score: 0.02 }],
  };
  test.each<[string, string[], string, number, string[]]>([
    ['the best topic denied: the next one, with its own score', ['dementia'], 'selfcheck', 0.03, ['selfcheck', 'objection']],
    ['a denied runner-up takes nothing from the answer', ['objection'], 'dementia', 0.94, ['dementia', 'selfcheck', 'objection']],
    ['nothing denied', [], 'dementia', 0.94, ['dementia', 'selfcheck', 'objection']],
    ['every topic denied: unchanged', ['dementia', 'selfcheck', 'objection'], 'dementia', 0.94, ['dementia', 'selfcheck', 'objection']],
  ])('%s', (_, denied, intent, score, ranked) => {
    const got = withoutDeniedTopics(r, new Set(denied));
    expect([got.intent, got.score, got.ranked.map((x) => x.intent)]).toEqual([intent, score, ranked]);
    expect(got.lang).toBe('en');
  });
});
