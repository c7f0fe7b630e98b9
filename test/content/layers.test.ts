// Layers of the knowledge base: federal → state → city. A lower layer adds to a shared answer
// through a supplement and keeps its own sources in its own folder; a shared answer never cites
// them. So the federal answers stay true in every state and a second city's bot names no Mülheim page.
import * as fs from 'fs';
import * as path from 'path';
import { loadKnowledgeBase, stateLayer, supplemented } from '../../bot/knowledge/kb';
import { ContentError } from '../../bot/knowledge/jsonFile';
import type { Answer, Supplement } from '../../bot/knowledge/schema';
import { GOOD_TREE } from '../offers/fixtures';
import { tempDir } from '../helpers/tmp';

const K = path.join(__dirname, '../../knowledge');

const base: Answer = {
  id: 'demo', legal: ['§ 1 A'], sources: ['s1'], reviewed: '2026-10-01', usesGrade: false, followUps: [],
  de: { title: 'Titel', short: 'Kurz gesagt.', details: 'Mehr dazu.', next: 'Erster Schritt.', glossary: { A: 'a' } },
  en: { title: 'Title', short: 'In short.', details: 'More on it.', next: 'First step.' },
};
const sup = (extra: Partial<Supplement>): Supplement => ({ answer: 'demo', sources: ['s2'], legal: [], reviewed: '2026-11-01', ...extra });

describe('supplemented', () => {
  test.each<[string, Supplement, (a: Answer) => unknown, unknown]>([
    ['sources are added after the own ones, once', sup({ sources: ['s1', 's2'] }), (a) => a.sources, ['s1', 's2']],
    ['legal bases are added, once', sup({ legal: ['§ 1 A', '§ 2 B'] }), (a) => a.legal, ['§ 1 A', '§ 2 B']],
    ['a supplement without text leaves the text alone', sup({}), (a) => a.de, base.de],
    ['a sentence goes to the end of short', sup({ de: { short: 'In NRW anders.' }, en: { short: 'Different in NRW.' } }), (a) => [a.de.short, a.en.short], ['Kurz gesagt. In NRW anders.', 'In short. Different in NRW.']],
    ['a sentence goes to the end of details', sup({ de: { details: 'Und vor Ort.' }, en: { details: 'And locally.' } }), (a) => a.de.details, 'Mehr dazu. Und vor Ort.'],
    ['its next step replaces the shared one', sup({ de: { next: 'Zum Kreis gehen.' }, en: { next: 'Go to the district.' } }), (a) => [a.de.next, a.en.next], ['Zum Kreis gehen.', 'Go to the district.']],
    ['glossaries merge', sup({ de: { glossary: { B: 'b' } }, en: { glossary: { B: 'b' } } }), (a) => [a.de.glossary, a.en.glossary], [{ A: 'a', B: 'b' }, { B: 'b' }]],
    ['the older review date is shown (supplement newer)', sup({}), (a) => a.reviewed, '2026-10-01'],
    ['the older review date is shown (supplement older)', sup({ reviewed: '2025-03-01' }), (a) => a.reviewed, '2025-03-01'],
  ])('%s', (_name, s, pick, expected) => {
    expect(pick(supplemented(base, s))).toEqual(expected);
  });

  test('a grade-specific short text gets the sentence too', () => {
    const withGrade = { ...base, de: { ...base.de, shortWithGrade: 'Bei Grad 3 mehr.' } };
    expect(supplemented(withGrade, sup({ de: { short: 'In NRW anders.' }, en: { short: 'Different in NRW.' } })).de.shortWithGrade).toBe('Bei Grad 3 mehr. In NRW anders.');
  });

  test('the answer given is not changed', () => {
    const copy = JSON.parse(JSON.stringify(base)) as Answer;
    supplemented(base, sup({ sources: ['s3'], de: { details: 'x'.repeat(12) }, en: { details: 'y'.repeat(12) } }));
    expect(base).toEqual(copy);
  });
});

describe('loading the layers', () => {
  let root: string;
  beforeEach(() => {
    root = tempDir('pn-layers-');
    fs.cpSync(GOOD_TREE, root, { recursive: true });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const write = (file: string, data: unknown): void => fs.writeFileSync(path.join(root, file), JSON.stringify(data, null, 2));
  const fed = (): { answers: Answer[] } => JSON.parse(fs.readFileSync(path.join(root, 'federal/answers.json'), 'utf8'));
  const citySource = { id: 'city_page', title: 'Invented city page', url: 'https://example.org/city', accessed: '2026-11-01' };
  function cityLayer(supplements: unknown[], sources: unknown[] = [citySource]): void {
    write('teststadt/answers.json', { answers: [{ ...fed().answers[1], id: 'fake_city_info', followUps: [] }], supplements });
    write('teststadt/sources.json', { sources });
  }
  const load = () => loadKnowledgeBase({ knowledgeDir: root, state: 'ts', municipality: 'teststadt' });

  test('a city supplement adds its sentence and its own source to a shared answer', () => {
    cityLayer([{ answer: 'fake_allowance_info', sources: ['city_page'], reviewed: '2026-11-02', de: { details: 'Die Stadt hilft.' }, en: { details: 'The city helps.' } }]);
    const a = load().answers.get('fake_allowance_info')!;
    expect(a.sources).toEqual(['fake_law', 'fake_table', 'city_page']);
    expect(a.de.details.endsWith(' Die Stadt hilft.')).toBe(true);
    expect(a.layer).toBe('federal');
  });

  test('without the city layer the shared answer is as written', () => {
    const a = loadKnowledgeBase({ knowledgeDir: root, state: 'ts', municipality: 'nowhere' }).answers.get('fake_allowance_info')!;
    expect(a).toMatchObject({ sources: ['fake_law', 'fake_table'], de: fed().answers[0].de });
  });

  test.each<[string, () => void, RegExp, string]>([
    ['a shared answer citing a city source', () => {
      cityLayer([]);
      const data = fed();
      data.answers[0].sources.push('city_page');
      write('federal/answers.json', data);
    }, /federal\/answers\.json:\d+: answer "fake_allowance_info" cites unknown source "city_page"/s, '"city_page"'],
    ['a city answer with a shared answer\'s id (a layer adds with a supplement, never replaces)', () => {
      write('teststadt/answers.json', { answers: [{ ...fed().answers[0], followUps: [] }], supplements: [] });
      write('teststadt/sources.json', { sources: [citySource] });
    }, /teststadt\/answers\.json:\d+: answer "fake_allowance_info" is also in federal\/answers\.json/s, '"id": "fake_allowance_info"'],
    ['a supplement to a missing answer', () => cityLayer([{ answer: 'gone', sources: ['city_page'], reviewed: '2026-11-01' }]), /teststadt\/answers\.json:\d+: .*"gone", which does not exist/s, '"gone"'],
    ['a supplement to its own layer', () => cityLayer([{ answer: 'fake_city_info', sources: ['city_page'], reviewed: '2026-11-01' }]), /teststadt\/answers\.json:\d+: .*in this layer/s, '"answer": "fake_city_info"'],
    ['a source id twice', () => cityLayer([], [citySource, { ...citySource, id: 'fake_law' }]), /teststadt\/sources\.json:\d+: .*"fake_law" is also in sources\.json/s, '"fake_law"'],
    ['a supplement with an unknown amount', () => cityLayer([{ answer: 'fake_allowance_info', sources: ['city_page'], reviewed: '2026-11-01', de: { details: 'Dazu {{b.fake_bonus}} extra.' }, en: { details: 'Plus {{b.fake_bonus}} extra.' } }]), /teststadt\/answers\.json:\d+: the supplement to "fake_allowance_info" \(de\.details\) uses unknown benefit "fake_bonus"/s, '{{b.fake_bonus}}'],
  ])('startup fails with the file and line on %s', (_name, breakIt, message, onLine) => {
    breakIt();
    let error: unknown;
    try { load(); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ContentError);
    const { file, line } = error as ContentError;
    expect(String((error as Error).message)).toMatch(message);
    expect(fs.readFileSync(file, 'utf8').split('\n')[line! - 1]).toContain(onLine);
  });
});

describe('the real layers', () => {
  const muelheim = loadKnowledgeBase({ knowledgeDir: K, state: 'nrw', municipality: 'muelheim' });
  // the federal file as written (it does not load alone: its follow-ups lead to state and city answers)
  const federal = new Map((JSON.parse(fs.readFileSync(path.join(K, 'federal/answers.json'), 'utf8')) as { answers: Answer[] }).answers.map((a) => [a.id, a]));
  const shared = JSON.parse(fs.readFileSync(path.join(K, 'sources.json'), 'utf8')) as { sources: Array<{ id: string }> };

  test.each([
    ['nursing_home', 'details', 'Pflegewohngeld'],
    ['social_assistance', 'details', 'Pflegewohngeld'],
    ['dementia', 'details', 'Regionalbüros Alter, Pflege und Demenz'],
    ['disability_pass', 'short', 'Kreise und kreisfreien Städte'],
  ] as const)('in Mülheim, %s says what NRW adds; the federal text alone does not', (id, field, words) => {
    expect(muelheim.answers.get(id)!.de[field]).toContain(words);
    expect(federal.get(id)!.de[field]).not.toContain(words);
  });

  test('the city page is cited in Mülheim and nowhere else', () => {
    for (const id of ['social_assistance', 'nursing_home_allowance']) expect(muelheim.answers.get(id)!.sources).toContain('muelheim_heimpflege');
    expect(shared.sources.map((x) => x.id)).not.toContain('muelheim_heimpflege');
    for (const a of federal.values()) expect([a.id, a.sources.includes('muelheim_heimpflege')]).toEqual([a.id, false]);
  });
});

describe('stateLayer', () => {
  test('a city in NRW gets the nrw folder', () => {
    expect(stateLayer(K, 'muelheim', 'NRW')).toBe('nrw');
  });

  test('a state without a folder stops the start at the city\'s "state" line', () => {
    let error: unknown;
    try { stateLayer(GOOD_TREE, 'teststadt', 'BY'); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ContentError);
    const { file, line, message } = error as ContentError;
    expect(file).toBe(path.join(GOOD_TREE, 'teststadt', 'municipality.json'));
    expect(message).toMatch(/state "BY" has no layer: by\/answers\.json is missing/);
    expect(fs.readFileSync(file, 'utf8').split('\n')[line! - 1]).toContain('"state"');
  });
});
