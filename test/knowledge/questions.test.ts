// Question entries: the rules of bot/knowledge/questions.ts (shared by start-up and kb:check) on
// invented entries, and every real entry of knowledge/*/questions against them and the content rules.
import * as fs from 'fs';
import * as path from 'path';
import { questionProblems, sentenceCount, type QuestionRules } from '../../bot/knowledge/questions';
import { loadKnowledgeBase } from '../../bot/knowledge/kb';
import { ContentError } from '../../bot/knowledge/jsonFile';
import { checkKnowledge } from '../../bot/knowledge/check';
import { QuestionsFileSchema, type QuestionsFile } from '../../bot/knowledge/schema';
import { tempDir } from '../helpers/tmp';

const K = path.join(__dirname, '../../knowledge');
const AS_OF = '2026-12-07';

const text = (lang: 'de' | 'en') => ({
  q: ['eins?', 'zwei?', 'drei?', 'vier?', 'fünf?'].map((x) => `${lang} ${x}`),
  title: 'Titel', short: 'Eine kurze Antwort mit {{b.pflegegeld.3}}.', details: 'Mehr dazu steht hier.', next: 'Rufen Sie an.',
});
const entry = (extra: object = {}) => QuestionsFileSchema.parse({
  questions: [{ id: 'demo_question', topic: 'allowance', legal: ['§ 37 SGB XI'], sources: ['sgb11'], reviewed: AS_OF, de: text('de'), en: text('en'), ...extra }],
});
const rules = (extra: Partial<QuestionRules> = {}): QuestionRules => ({
  layer: 'federal', canCite: (id) => id === 'sgb11', benefitIds: new Set(['pflegegeld']), topicExists: (id) => id === 'allowance', idTaken: () => false, ...extra,
});
const edit = (f: QuestionsFile, fn: (q: QuestionsFile['questions'][number]) => void): QuestionsFile => {
  fn(f.questions[0]);
  return f;
};

describe('question rules', () => {
  test('a correct entry has no problems', () => {
    expect(questionProblems(entry(), rules())).toEqual([]);
  });

  test.each<[string, QuestionsFile, Partial<QuestionRules>, RegExp]>([
    ['id used elsewhere', entry(), { idTaken: (id) => id === 'demo_question' }, /used twice/],
    ['unknown topic', entry({ topic: 'nope' }), {}, /topic "nope"/],
    ['source out of scope', entry({ sources: ['city_page'] }), {}, /source "city_page"/],
    ['unknown amount', edit(entry(), (q) => { q.de.short = 'Es sind {{b.nope}}.'; }), {}, /names no benefit/],
    ['typed euro amount', edit(entry(), (q) => { q.en.details = 'It is 599 € a month.'; }), {}, /typed/],
    ['grade placeholder outside shortWithGrade', edit(entry(), (q) => { q.de.short = 'Es sind {{b.pflegegeld.grade}}.'; }), {}, /only in shortWithGrade/],
    ['four sentences', edit(entry(), (q) => { q.de.short = 'Eins. Zwei. Drei. Vier.'; }), {}, /4 sentences/],
    ['federal text names a state', edit(entry(), (q) => { q.de.details = 'In NRW gibt es Pflegewohngeld.'; }), {}, /names a state/],
    ['amounts differ between languages', edit(entry(), (q) => { q.en.short = 'A short answer.'; }), {}, /different amounts/],
    ['shortWithGrade in one language', edit(entry(), (q) => { q.de.shortWithGrade = 'Bei Grad {{grade}}: {{b.pflegegeld.grade}}.'; }), {}, /one language only/],
    ['the same variant twice', edit(entry(), (q) => { q.de.q[1] = q.de.q[0]; }), {}, /twice/],
  ])('%s', (_name, file, extra, message) => {
    expect(questionProblems(file, rules(extra)).map((p) => p.message).join(' | ')).toMatch(message);
  });

  test('a state layer may name its state', () => {
    expect(questionProblems(edit(entry(), (q) => { q.de.details = 'In NRW gibt es Pflegewohngeld.'; }), rules({ layer: 'state' }))).toEqual([]);
  });

  test.each<[string, number]>([
    ['Eins. Zwei.', 2],
    ['Es gibt z. B. {{b.x.3}} im Monat. Nach § 40 Abs. 4 SGB XI.', 2],
    ['Is it 1.5 times? Yes!', 2],
  ])('sentenceCount(%s) = %d', (t, n) => {
    expect(sentenceCount(t)).toBe(n);
  });

  test('the schema wants five variants, a short answer of at most 450 characters and own source ids with q_', () => {
    const bad = { questions: [{ id: 'x', topic: 'allowance', legal: ['§ 1'], sources: ['s'], reviewed: AS_OF, de: { ...text('de'), q: ['a?'] }, en: text('en') }] };
    expect(QuestionsFileSchema.safeParse(bad).success).toBe(false);
    expect(QuestionsFileSchema.safeParse({ ...entry(), sources: [{ id: 'own', title: 'Own page', url: 'https://example.org', accessed: AS_OF }] }).success).toBe(false);
    expect(QuestionsFileSchema.safeParse(edit(entry(), (q) => { q.de.short = 'x'.repeat(451); })).success).toBe(false);
  });
});

describe('start-up stops at a broken question file with file and line', () => {
  const copy = (edit: (d: any) => void): string => {
    const root = tempDir('q-');
    fs.cpSync(K, root, { recursive: true });
    const file = path.join(root, 'federal', 'questions', 'social_assistance.json');
    const d = JSON.parse(fs.readFileSync(file, 'utf8'));
    edit(d);
    fs.writeFileSync(file, JSON.stringify(d, null, 2));
    return root;
  };
  test.each<[string, (d: any) => void, RegExp]>([
    ['unknown topic', (d) => { d.questions[1].topic = 'nope'; }, /social_assistance\.json:\d+: topic "nope"/],
    ['follow-up that does not exist', (d) => { d.questions[1].followUps = ['nope']; }, /social_assistance\.json:\d+: question "[a-z_]+" has follow-up "nope"/],
    ['id of an answer', (d) => { d.questions[0].id = 'allowance'; }, /social_assistance\.json:\d+: question id "allowance" is used twice/],
  ])('%s', (_name, fn, message) => {
    const root = copy(fn);
    try {
      expect(() => loadKnowledgeBase({ knowledgeDir: root, state: 'nrw', municipality: 'muelheim' })).toThrow(ContentError);
      expect(() => loadKnowledgeBase({ knowledgeDir: root, state: 'nrw', municipality: 'muelheim' })).toThrow(message);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the real question entries', () => {
  const kb = loadKnowledgeBase({ knowledgeDir: K, state: 'nrw', municipality: 'muelheim' });
  const entries = [...kb.questions.values()];

  test('there are entries, and kb:check finds no error in them', () => {
    expect(entries.length).toBeGreaterThanOrEqual(15);
    const report = checkKnowledge(K, { now: new Date(`${AS_OF}T12:00:00Z`) });
    expect(report.issues.filter((i) => i.severity === 'error' && /questions|concepts/.test(i.file)).map((i) => `${i.file}: ${i.message}`)).toEqual([]);
  });

  test('every entry is sourced, reviewed, has a legal basis and a topic', () => {
    const bad = entries.filter((q) => !q.sources.length || !q.legal.length || q.reviewed > AS_OF || !/^\d{4}-\d{2}-\d{2}$/.test(q.reviewed) || !kb.answers.has(q.topic));
    expect(bad.map((q) => q.id)).toEqual([]);
    for (const q of entries) for (const s of q.sources) expect([q.id, s, kb.sources.has(s)]).toEqual([q.id, s, true]);
  });

  test('German and English at parity: both texts, five variants each, the same amounts', () => {
    const amounts = (t: string) => [...t.matchAll(/\{\{b\.([a-z0-9_]+)/g)].map((m) => m[1]).sort().join(',');
    for (const q of entries) {
      expect([q.id, q.q.de.length >= 5, q.q.en.length >= 5]).toEqual([q.id, true, true]);
      expect([q.id, amounts(q.de.short + q.de.details)]).toEqual([q.id, amounts(q.en.short + q.en.details)]);
      for (const lang of ['de', 'en'] as const) expect([q.id, lang, sentenceCount(q[lang].short) <= 3]).toEqual([q.id, lang, true]);
    }
  });

  test('entries find themselves by their own variants (measured 2026-12-06: 87.8 % of variants, 95 % of entries by most variants)', () => {
    let variants = 0;
    let found = 0;
    let entriesByMost = 0;
    for (const q of entries) {
      for (const lang of ['de', 'en'] as const) {
        const own = q.q[lang].filter((v) => kb.retriever.retrieve(v, lang, { topicScores: new Map([[q.topic, 1]]) }).ranked[0]?.id === q.id).length;
        variants += q.q[lang].length;
        found += own;
        if (own * 2 >= q.q[lang].length) entriesByMost += 1;
      }
    }
    expect(found / variants).toBeGreaterThanOrEqual(0.85);
    expect(entriesByMost / (entries.length * 2)).toBeGreaterThanOrEqual(0.9);
  });
});
