// The re-ranker (bot/nlu/rerank.ts): its features on fixed inputs, its decision with fixed weights,
// the weights file's validation (a broken file stops the start with file and line), and training that
// gives the same weights for the same data.
import * as fs from 'fs';
import * as path from 'path';
import { checkKnowledge } from '../../bot/knowledge/check';
import { ContentError } from '../../bot/knowledge/jsonFile';
import { loadKnowledgeBase } from '../../bot/knowledge/kb';
import {
  FEATURES, RUNNER_UP_LEAD, asks, closeRunnerUp, features, loadRerankModel, rerank, train, type FeatureName, type RerankCandidate, type RerankInput,
} from '../../bot/nlu/rerank';
import { tempDir } from '../helpers/tmp';

const K = path.join(__dirname, '../../knowledge');
const at = (name: FeatureName) => FEATURES.indexOf(name);

function cand(id: string, over: Partial<RerankCandidate> = {}): RerankCandidate {
  return {
    id, kind: 'entry', topic: 'allowance', score: 0.5, parts: { words: 0.2, variant: 0.3, grams: 0.2, concepts: 0.5, prior: 0.4 },
    qScore: 0.5, qVariant: 0.3, concepts: [], title: '', short: '', gradeSpecific: false, otherSetting: false, ...over,
  };
}

function input(candidates: RerankCandidate[], over: Partial<RerankInput> = {}): RerankInput {
  return {
    candidates, questionConcepts: new Set(), storyConcepts: new Set(), question: '', intent: 'allowance', intentScore: 0.7,
    story: true, chosen: candidates[0].id, ...over,
  };
}

describe('what a question asks for', () => {
  test.each<[string, string[]]>([
    ['Wie viel Pflegegeld bekommt sie?', ['amount']],
    ['Bis wann muss der Widerspruch da sein?', ['time']],
    ['Wer ist dafür zuständig?', ['who']],
    ['Darf das Heim das verlangen?', ['may']],
    ['Wo stelle ich den Antrag?', ['where']],
    ['How much does the fund pay?', ['amount']],
    ['Is she allowed to stay?', ['may']],
    ['Gibt es Hilfe beim Umbau?', []],
  ])('%s → %j', (text, kinds) => {
    expect([...asks(text)].sort()).toEqual(kinds.sort());
  });
});

describe('features of fixed candidates', () => {
  const x = input([
    cand('pension', { score: 0.6, qScore: 0.4, concepts: ['pension', 'carer'], short: 'Die Kasse zahlt Beiträge.', title: 'Wann zahlt die Kasse Rentenbeiträge?' }),
    cand('tax', { score: 0.55, qScore: 0.6, concepts: ['tax', 'carer'], short: 'Sie können {{b.pauschbetrag}} absetzen.', title: 'Wie viel kann ich absetzen?' }),
    cand('allowance', { kind: 'fallback', score: 0.3, qScore: 0.2 }),
  ], { question: 'Wie viel kann ich von der Steuer absetzen?', questionConcepts: new Set(['tax']), storyConcepts: new Set(['pension']), chosen: 'pension' });
  const f = features(x);

  test.each<[string, FeatureName, number[]]>([
    ['rank and gap to the best on the whole message', 'gap', [0, -0.05, -0.3]],
    ['gap on the question sentences alone', 'qGap', [-0.2, 0, -0.4]],
    ['retrieval\'s own decision', 'chosen', [1, 0, 0]],
    ['the no-entry choice', 'fallback', [0, 0, 1]],
    ['the intent\'s score counts for the no-entry choice only', 'fallbackIntentScore', [0, 0, 0.7]],
    ['concepts the question names', 'conceptsInQuestion', [0, 0.5, 0]],
    ['concepts only the story names', 'conceptsOnlyInStory', [0.5, 0, 0]],
    ['the amount asked for is in the short answer', 'askAnswered', [0, 1, 0]],
    ['asked for an amount, the short answer has none', 'askUnanswered', [1, 0, 0]],
    ['the title asks the same kind of question', 'titleAsksSame', [0, 1, 0]],
  ])('%s (%s)', (_what, name, want) => {
    f.forEach((row, i) => expect(row[at(name)]).toBeCloseTo(want[i], 6));
  });

  test('one vector per candidate, in the order of FEATURES', () => {
    expect(f).toHaveLength(3);
    for (const row of f) expect(row).toHaveLength(FEATURES.length);
  });
});

describe('features of the sentence before the question and of story-only support (round 13)', () => {
  // "Oma bekommt Pflegegeld. Jetzt soll sie in die Tagespflege. Wie viel zahlt die Kasse dafür?"
  const x = input([
    cand('allowance_amount', { concepts: ['care_allowance'] }),
    cand('daycare_amount', { concepts: ['daycare', 'costs'] }),
    cand('allowance', { kind: 'fallback' }),
  ], { questionConcepts: new Set(['costs']), storyConcepts: new Set(['care_allowance', 'daycare']), leadConcepts: new Set(['daycare']) });
  const f = features(x);

  test.each<[string, FeatureName, number[]]>([
    ['the entry shares the subject of the told sentence right before the question', 'conceptsInLead', [0, 0.5, 0]],
    ['the question names a concept, the entry shares only the story\'s', 'storyOnlySupport', [1, 0, 0]],
  ])('%s (%s)', (_what, name, want) => {
    f.forEach((row, i) => expect(row[at(name)]).toBeCloseTo(want[i], 6));
  });

  test('an elliptic question (no concept of its own) gives no story-only penalty; no lead sentence, no lead share', () => {
    const g = features(input([cand('a', { concepts: ['care_allowance'] })], { storyConcepts: new Set(['care_allowance']) }));
    expect(g[0][at('storyOnlySupport')]).toBe(0);
    expect(g[0][at('conceptsInLead')]).toBe(0);
  });
});

describe('an entry whose amounts are another grade\'s than the told one (session 14)', () => {
  // "Mein Mann hat Pflegegrad 2 … Bis zu welchem Betrag bezahlt die Pflegekasse den Dienst?"
  const entries = [
    cand('in_kind_costs_above', { short: 'bei Pflegegrad 3 bis zu {{b.sachleistung.3}} im Monat' }),
    cand('in_kind_amounts', { short: '{{b.sachleistung.2}} bei Pflegegrad 2, {{b.sachleistung.3}} bei Pflegegrad 3' }),
    cand('in_kind_rule', { short: 'Die Pflegekasse zahlt den Dienst direkt.' }),
    cand('in_kind', { kind: 'fallback' }),
  ];
  test.each<[string, number | undefined, number[]]>([
    ['grade 2 told: only the entry with grade 3 amounts alone', 2, [1, 0, 0, 0]],
    ['grade 3 told: no entry', 3, [0, 0, 0, 0]],
    ['no grade told: no entry', undefined, [0, 0, 0, 0]],
  ])('%s', (_what, grade, want) => {
    expect(features(input(entries, { grade })).map((row) => row[at('otherGradeAmount')])).toEqual(want);
  });
});

describe('denied concepts and who is asking (session 15)', () => {
  const entries = [
    cand('combination_calculation', { concepts: ['combination', 'care_allowance', 'care_service'] }),
    cand('carer_tax_pauschbetrag', { topic: 'carer_tax_pension', concepts: ['tax', 'tax_allowance', 'carer'], carer: true }),
    cand('carer_tax_disability_allowance', { topic: 'carer_tax_pension', concepts: ['tax', 'disability'], carer: false }),
    cand('allowance', { kind: 'fallback' }),
  ];
  test.each<[string, Partial<RerankInput>, FeatureName, number[]]>([
    ['a story that denies the care service: the entry about it', { deniedConcepts: new Set(['care_service']) }, 'deniedConcept', [1, 0, 0, 0]],
    ['nothing denied', {}, 'deniedConcept', [0, 0, 0, 0]],
    ['the carer asks for herself: the carer entry', { asker: 'self' }, 'askerCarer', [0, 1, 0, 0]],
    ['asked for the person cared for: no carer feature', { asker: 'other' }, 'askerCarer', [0, 0, 0, 0]],
    ['asker not told', {}, 'askerCarer', [0, 0, 0, 0]],
  ])('%s', (_what, over, name, want) => {
    expect(features(input(entries, over)).map((row) => row[at(name)])).toEqual(want);
  });

  test('training with `learn` moves only the named features and keeps the others as started', () => {
    const start = FEATURES.map((_, i) => i / 10);
    const cases = [{ x: features(input(entries, { asker: 'self' })), y: [false, true, false, false] }];
    const w = train(cases, { start, learn: new Set([at('askerCarer')]), epochs: 50 });
    expect(w.filter((v, i) => v !== start[i]).length).toBe(1);
    expect(w[at('askerCarer')]).toBeGreaterThan(start[at('askerCarer')]);
  });
});

describe('a title asking the same kind counts only for an entry whose concepts the message reads (session 16b)', () => {
  const entries = [
    cand('complaint_overview', { concepts: ['complaint', 'complaint_body'], title: 'Beschwerden in der Pflege: Wer ist zuständig?' }),
    cand('neighbour', { concepts: ['self_neglect'], title: 'Wer hilft bei einem Nachbarn, der sich nicht versorgt?' }),
    cand('no_concepts', { concepts: [], title: 'Wer ist zuständig?' }),
    cand('allowance', { kind: 'fallback' }),
  ];
  test.each<[string, Partial<RerankInput>, number[]]>([
    ['a generic "an wen" question, the message reads none of the complaint concepts', { question: 'An wen kann ich mich wenden?', storyConcepts: new Set(['house']) }, [0, 0, 1, 0]],
    ['the story reads the neighbour\'s concept', { question: 'An wen kann ich mich wenden?', storyConcepts: new Set(['self_neglect']) }, [0, 1, 1, 0]],
    ['the question reads the complaint concept', { question: 'An wen kann ich mich mit einer Beschwerde wenden?', questionConcepts: new Set(['complaint']) }, [1, 0, 1, 0]],
    ['another kind asked: no feature at all', { question: 'Wie viel kostet das?', questionConcepts: new Set(['complaint']) }, [0, 0, 0, 0]],
  ])('%s', (_what, over, want) => {
    expect(features(input(entries, over)).map((row) => row[at('titleAsksSame')])).toEqual(want);
  });
});

describe('the close runner-up of a decided choice (session 14)', () => {
  test.each<[string, number[], number, number | undefined]>([
    ['trails by less than the lead: offered', [0.2, 0.45, 0.3, 0.05], 1, 2],
    ['trails by the lead or more: not offered', [0.1, 0.7, 0.15, 0.05], 1, undefined],
    ['the best is first in the list', [0.5, 0.1, 0.35, 0.05], 0, 2],
    ['a single candidate: none', [1], 0, undefined],
  ])('%s', (_what, probs, best, want) => {
    expect(RUNNER_UP_LEAD).toBe(0.3);
    expect(closeRunnerUp({ probs, best })).toBe(want);
  });
});

describe('the decision with fixed weights', () => {
  const weights = (w: Partial<Record<FeatureName, number>>) => FEATURES.map((n) => w[n] ?? 0);
  const x = input([
    cand('whole_best', { score: 0.7, qScore: 0.3 }),
    cand('question_best', { score: 0.6, qScore: 0.65 }),
    cand('allowance', { kind: 'fallback', score: 0.2, qScore: 0.1 }),
  ], { chosen: 'whole_best' });

  test('weight on the question sentences picks what the question asks', () => {
    const r = rerank({ weights: weights({ qScore: 10 }) }, x)!;
    expect(x.candidates[r.best].id).toBe('question_best');
    expect(r.why[0].feature).toBe('qScore');
  });
  test('weight on the whole message keeps retrieval\'s leader', () => {
    expect(x.candidates[rerank({ weights: weights({ score: 10 }) }, x)!.best].id).toBe('whole_best');
  });
  test('the intent\'s score makes the no-entry choice win', () => {
    expect(x.candidates[rerank({ weights: weights({ fallbackIntentScore: 10 }) }, x)!.best].id).toBe('allowance');
  });
  test('probabilities sum to one; no candidates, no decision', () => {
    const r = rerank({ weights: weights({ score: 1 }) }, x)!;
    expect(r.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(rerank({ weights: weights({}) }, { ...x, candidates: [] })).toBeUndefined();
  });
});

describe('training', () => {
  // two candidates; the right one has the higher question score, the whole-message leader is wrong
  const data = Array.from({ length: 12 }, (_, i) => {
    const right = cand('r', { score: 0.4 + i * 0.01, qScore: 0.7 });
    const wrong = cand('w', { score: 0.6, qScore: 0.3 + i * 0.01 });
    const x = input(i % 2 ? [right, wrong] : [wrong, right], { chosen: 'w' });
    return { x: features(x), y: x.candidates.map((c) => c.id === 'r') };
  });

  test('the same data give the same weights', () => {
    expect(train(data, { epochs: 50 })).toEqual(train(data, { epochs: 50 }));
  });
  test('it learns to prefer the right candidate', () => {
    const w = train(data, { epochs: 200 });
    for (const c of data) {
      const p = c.x.map((v) => v.reduce((s, xk, k) => s + xk * w[k], 0));
      expect(p[c.y.indexOf(true)]).toBeGreaterThan(p[c.y.indexOf(false)]);
    }
  });
});

describe('the weights file', () => {
  test('knowledge/rerank.json is valid and loaded with the knowledge base', () => {
    const m = loadRerankModel(path.join(K, 'rerank.json'));
    expect(m.features).toEqual([...FEATURES]);
    expect(m.weights).toHaveLength(FEATURES.length);
    expect(loadKnowledgeBase({ knowledgeDir: K, state: 'nrw', municipality: 'muelheim' }).reranker?.weights).toEqual(m.weights);
  });

  // a copy of the weights file, edited
  const broken = (edit: (text: string) => string): string => {
    const dir = tempDir('rerank-');
    const file = path.join(dir, 'rerank.json');
    fs.writeFileSync(file, edit(fs.readFileSync(path.join(K, 'rerank.json'), 'utf8')));
    return file;
  };
  test.each<[string, (t: string) => string, RegExp]>([
    ['a feature the code does not know', (t) => t.replace('"qScore"', '"qScoreOld"'), /rerank\.json:\d+: .*features/],
    ['a weight that is no number', (t) => t.replace(/("weights": \[\n\s*)[-\d.e]+/, '$1"x"'), /rerank\.json:\d+: .*weights/],
    ['a weight missing', (t) => t.replace(/("weights": \[\n\s*)[-\d.e]+,\n\s*/, '$1'), /rerank\.json:\d+: .*weights/],
    ['broken JSON', (t) => t.replace('"sure":', '"sure"'), /rerank\.json:\d+: /],
  ])('%s: a clear error with file and line', (_what, edit, message) => {
    const file = broken(edit);
    try {
      expect(() => loadRerankModel(file)).toThrow(ContentError);
      expect(() => loadRerankModel(file)).toThrow(message);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  test('a broken weights file stops the knowledge base from loading', () => {
    const root = tempDir('rerank-kb-');
    fs.cpSync(K, root, { recursive: true });
    const file = path.join(root, 'rerank.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"qScore"', '"qScoreOld"'));
    try {
      expect(() => loadKnowledgeBase({ knowledgeDir: root, state: 'nrw', municipality: 'muelheim' })).toThrow(/rerank\.json:\d+: .*features/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('kb:check reports a broken weights file as an error with its line', () => {
    const root = tempDir('rerank-check-');
    fs.cpSync(K, root, { recursive: true });
    const file = path.join(root, 'rerank.json');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/("weights": \[\n\s*)[-\d.e]+/, '$1"x"'));
    try {
      const found = checkKnowledge(root, { now: new Date() }).issues.filter((i) => i.severity === 'error' && path.basename(i.file) === 'rerank.json');
      expect(found).toHaveLength(1);
      expect(found[0].line).toBeGreaterThan(1);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
