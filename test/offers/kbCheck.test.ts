import * as fs from 'fs';
import * as path from 'path';
import { checkKnowledge, formatReport, type Issue } from '../../bot/knowledge/check';
import { runKbCheck } from '../../scripts/kbCheck';
import { copyGoodTree, editJson, GOOD_TREE } from './fixtures';

const NOW = new Date('2026-11-25T12:00:00Z');

describe('kb:check on the valid fixture tree', () => {
  const report = checkKnowledge(GOOD_TREE, { now: NOW });

  test('no errors; every content file was read', () => {
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(report.errors).toBe(0);
    expect(report.checked.map((f) => path.relative(GOOD_TREE, f)).sort()).toEqual([
      'federal/answers.json', 'federal/benefits.json', 'nlu/de.json', 'offer-categories.json', 'sources.json',
      'teststadt/municipality.json', 'teststadt/offers.json', 'teststadt/regions.json',
    ]);
  });

  test('old and undated entries are warnings, not errors', () => {
    const warn = report.issues.filter((i) => i.severity === 'warning').map((i) => `${i.code} ${i.message.split(':')[0]}`);
    expect(warn.sort()).toEqual([
      'flag_old tp-old',
      'stale berat-city',
      'stale contact old_advice',
      'stale tp-old',
    ]);
  });

  test('the same tree checked later: review dates become warnings', () => {
    const later = checkKnowledge(GOOD_TREE, { now: new Date('2029-06-01T00:00:00Z') });
    expect(later.errors).toBe(0);
    const codes = new Set(later.issues.map((i) => i.code));
    expect(codes).toEqual(new Set(['stale', 'stale_review', 'flag_old', 'change_due']));
  });
});

type Case = [string, (root: string) => void, string, string, string, 'error' | 'warning'];
const offers = (root: string) => path.join(root, 'teststadt', 'offers.json');
const regions = (root: string) => path.join(root, 'teststadt', 'regions.json');
const municipality = (root: string) => path.join(root, 'teststadt', 'municipality.json');
const answers = (root: string) => path.join(root, 'federal', 'answers.json');
/** Teststadt's own answers.json (one answer of its own) with these supplements, and its own sources.json. */
function cityLayer(root: string, supplements: unknown[], sources = [{ id: 'city_page', title: 'Invented city page (test fixture)', url: 'https://example.org/city', accessed: '2026-11-01' }]): void {
  const fed = JSON.parse(fs.readFileSync(answers(root), 'utf8'));
  const own = { ...fed.answers[1], id: 'fake_city_info', followUps: [] };
  fs.writeFileSync(path.join(root, 'teststadt', 'answers.json'), JSON.stringify({ answers: [own], supplements }, null, 2));
  fs.writeFileSync(path.join(root, 'teststadt', 'sources.json'), JSON.stringify({ sources }, null, 2));
}
/** A real federal file copied into the fixture tree, edited there. */
function realFederal(root: string, name: string, edit: (d: any) => void): void {
  const file = path.join(root, 'federal', name);
  fs.copyFileSync(path.join(__dirname, '../../knowledge/federal', name), file);
  editJson(file, edit);
}
const supplement = (extra: object = {}) => ({ answer: 'fake_allowance_info', sources: ['city_page'], reviewed: '2026-11-01', ...extra });

const CASES: Case[] = [
  ['offer with unknown category', (r) => editJson(offers(r), (d) => { d.offers[0].categories = ['hairdresser']; }), 'teststadt/offers.json', 'unknown_category', 'offers.0.categories.0', 'error'],
  ['offer in unknown Stadtteil', (r) => editJson(offers(r), (d) => { d.offers[1].address.stadtteil = 'atlantis'; }), 'teststadt/offers.json', 'unknown_stadtteil', 'offers.1.address.stadtteil', 'error'],
  ['offer serving unknown Stadtteil', (r) => editJson(offers(r), (d) => { d.offers[9].servesStadtteile.push('atlantis'); }), 'teststadt/offers.json', 'unknown_stadtteil', 'offers.9.servesStadtteile.2', 'error'],
  ['phone not dialable', (r) => editJson(offers(r), (d) => { d.offers[0].phones = ['call us']; }), 'teststadt/offers.json', 'phone_format', 'offers.0.phones.0', 'error'],
  ['e-mail without domain', (r) => editJson(offers(r), (d) => { d.offers[6].email = 'pflege@'; }), 'teststadt/offers.json', 'schema', 'offers.6.email', 'error'],
  ['opening hours that do not parse', (r) => editJson(offers(r), (d) => { d.offers[0].openingHours = 'Mo-Fx 8'; }), 'teststadt/offers.json', 'opening_hours', 'offers.0.openingHours', 'error'],
  ['same name and street twice', (r) => editJson(offers(r), (d) => { d.offers.push({ ...d.offers[0], id: 'copy', phones: [] }); }), 'teststadt/offers.json', 'duplicate_offer', 'offers.12.name', 'error'],
  ['same id twice', (r) => editJson(offers(r), (d) => { d.offers[1].id = d.offers[0].id; }), 'teststadt/offers.json', 'duplicate_id', 'offers.1.id', 'error'],
  ['same phone twice (shared office)', (r) => editJson(offers(r), (d) => { d.offers[1].phones = ['030 23125 001']; }), 'teststadt/offers.json', 'shared_phone', 'offers.1.phones', 'warning'],
  ['alias used by two Stadtteile', (r) => editJson(regions(r), (d) => { d.stadtteile[1].aliases.push('Nordheim'); }), 'teststadt/regions.json', 'alias_collision', 'stadtteile.1.aliases.1', 'error'],
  ['neighbour only one way', (r) => editJson(regions(r), (d) => { d.stadtteile[2].neighbours.push('westend'); }), 'teststadt/regions.json', 'asymmetric_neighbour', 'stadtteile.2.neighbours.1', 'warning'],
  ['postcode pointing nowhere', (r) => editJson(regions(r), (d) => { d.postcodes[0].candidates = ['atlantis']; }), 'teststadt/regions.json', 'unknown_stadtteil', 'postcodes.0.candidates.0', 'error'],
  ['contact phone not dialable', (r) => editJson(municipality(r), (d) => { d.contacts[0].phone = '12'; }), 'teststadt/municipality.json', 'phone_format', 'contacts.0.phone', 'error'],
  ['no city-wide fallback contact', (r) => editJson(municipality(r), (d) => { d.contacts = [d.contacts[1]]; }), 'teststadt/municipality.json', 'no_fallback', 'contacts', 'error'],
  ['answer with unknown source', (r) => editJson(answers(r), (d) => { d.answers[0].sources.push('nowhere'); }), 'federal/answers.json', 'unknown_source', 'answers.0.sources.2', 'error'],
  ['answer with unknown offer category', (r) => editJson(answers(r), (d) => { d.answers[1].offerCategory = 'hairdresser'; }), 'federal/answers.json', 'unknown_category', 'answers.1.offerCategory', 'error'],
  ['amount placeholder without benefit', (r) => editJson(answers(r), (d) => { d.answers[0].en.short = 'It is {{b.fake_bonus}} a month.'; }), 'federal/answers.json', 'unknown_benefit', 'answers.0.en.short', 'error'],
  ['follow-up to a missing answer', (r) => editJson(answers(r), (d) => { d.answers[1].followUps = ['gone']; }), 'federal/answers.json', 'unknown_answer', 'answers.1.followUps.0', 'error'],
  ['benefit value with unknown source', (r) => editJson(path.join(r, 'federal', 'benefits.json'), (d) => { d.benefits[0].values[0].source = 'nowhere'; }), 'federal/benefits.json', 'unknown_source', 'benefits.0.values.0.source', 'error'],
  ['source id twice', (r) => editJson(path.join(r, 'sources.json'), (d) => { d.sources.push({ ...d.sources[0] }); }), 'sources.json', 'duplicate_id', 'sources.2.id', 'error'],
  ['intent twice in a corpus', (r) => editJson(path.join(r, 'nlu', 'de.json'), (d) => { d.data[1].intent = d.data[0].intent; }), 'nlu/de.json', 'duplicate_intent', 'data.1.intent', 'error'],
  ['held-out test also trained', (r) => editJson(path.join(r, 'nlu', 'de.json'), (d) => { d.data[0].tests[0] = d.data[0].utterances[0]; }), 'nlu/de.json', 'test_in_training', 'data.0.tests.0', 'warning'],
  ['safety pattern that does not compile', (r) => fs.writeFileSync(path.join(r, 'safety.json'), JSON.stringify({ reviewed: '2026-11-01', categories: [{ id: 'medical', patterns: { de: ['(unclosed'], en: ['ok'] } }] }, null, 2)), 'safety.json', 'regex', 'categories.0.patterns.de.0', 'error'],
  ['supplement to a missing answer', (r) => cityLayer(r, [supplement({ answer: 'gone' })]), 'teststadt/answers.json', 'unknown_answer', 'supplements.0.answer', 'error'],
  ['supplement citing an unknown source', (r) => cityLayer(r, [supplement({ sources: ['nowhere'] })]), 'teststadt/answers.json', 'unknown_source', 'supplements.0.sources.0', 'error'],
  ['supplement with an unknown amount', (r) => cityLayer(r, [supplement({ de: { details: 'Dazu {{b.fake_bonus}}.' }, en: { details: 'Plus {{b.fake_bonus}}.' } })]), 'teststadt/answers.json', 'unknown_benefit', 'supplements.0.de.details', 'error'],
  ['supplement text in one language only', (r) => cityLayer(r, [supplement({ de: { details: 'Nur auf Deutsch ergänzt.' } })]), 'teststadt/answers.json', 'schema', 'supplements.0.en', 'error'],
  ['supplement to an answer of the same file', (r) => cityLayer(r, [supplement({ answer: 'fake_city_info' })]), 'teststadt/answers.json', 'own_answer', 'supplements.0.answer', 'error'],
  ['city answer with a shared answer\'s id (as at start-up)', (r) => { cityLayer(r, []); editJson(path.join(r, 'teststadt', 'answers.json'), (d) => { d.answers[0].id = 'fake_allowance_info'; }); }, 'teststadt/answers.json', 'duplicate_id', 'answers.0.id', 'error'],
  ['shared answer citing a city\'s source', (r) => { cityLayer(r, []); editJson(answers(r), (d) => { d.answers[0].sources.push('city_page'); }); }, 'federal/answers.json', 'unknown_source', 'answers.0.sources.2', 'error'],
  ['source id in the shared file and a city file', (r) => cityLayer(r, [], [{ id: 'fake_law', title: 'Invented again', url: 'https://example.org/again', accessed: '2026-11-01' }]), 'teststadt/sources.json', 'duplicate_id', 'sources.0.id', 'error'],
  ['letter template without a .txt file name', (r) => realFederal(r, 'letters.json', (d) => { d.letters[0].de.fileName = 'brief.docx'; }), 'federal/letters.json', 'schema', 'letters.0.de.fileName', 'error'],
  ['self-check module with a negative weight', (r) => realFederal(r, 'nba.json', (d) => { d.modules[1].weight = -10; }), 'federal/nba.json', 'schema', 'modules.1.weight', 'error'],
  ['city folder without offers.json', (r) => fs.rmSync(offers(r)), 'teststadt/offers.json', 'missing_file', '', 'error'],
];

test('a city layer with its own sources and a supplement to a shared answer checks clean', () => {
  const root = copyGoodTree();
  try {
    cityLayer(root, [supplement({ legal: ['§ 7 TestG'], de: { details: 'Die Stadt hilft beim Antrag.' }, en: { details: 'The city helps with the application.' } })]);
    const report = checkKnowledge(root, { now: NOW });
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(report.checked.map((f) => path.relative(root, f))).toEqual(expect.arrayContaining(['teststadt/answers.json', 'teststadt/sources.json']));
    // the city's source counts as used through the supplement
    expect(report.issues.filter((i) => i.code === 'unused_source').map((i) => i.message)).toEqual([]);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

describe('kb:check finds each problem with file, field path and line', () => {
  test.each(CASES)('%s', (_name, breakIt, file, code, fieldPath, severity) => {
    const root = copyGoodTree();
    try {
      breakIt(root);
      const report = checkKnowledge(root, { now: NOW });
      const hit = report.issues.find((i: Issue) => i.code === code && i.path.join('.') === fieldPath);
      expect(hit).toBeDefined();
      expect(hit!.severity).toBe(severity);
      expect(path.relative(root, hit!.file)).toBe(file);
      if (fieldPath && fs.existsSync(hit!.file)) expect(hit!.line).toBeGreaterThan(1);
      // Every other check still passes: a problem is reported once, in its own place.
      const errors = report.issues.filter((i) => i.severity === 'error');
      if (severity === 'error') expect(errors.every((e) => e.code === code || e.code === 'missing_file')).toBe(true);
      else expect(errors).toEqual([]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('a JSON syntax error names its line', () => {
    const root = copyGoodTree();
    try {
      const file = path.join(root, 'sources.json');
      const text = fs.readFileSync(file, 'utf8').replace('"fake_law", "title"', '"fake_law" "title"');
      fs.writeFileSync(file, text);
      const hit = checkKnowledge(root, { now: NOW }).issues.find((i) => i.code === 'json_syntax')!;
      expect(hit).toMatchObject({ severity: 'error', file, line: 3 });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('the line of a cross-reference error points at the offending value', () => {
    const root = copyGoodTree();
    try {
      editJson(offers(root), (d) => { d.offers[4].categories = ['hairdresser']; });
      const hit = checkKnowledge(root, { now: NOW }).issues.find((i) => i.code === 'unknown_category')!;
      const lines = fs.readFileSync(offers(root), 'utf8').split('\n');
      expect(lines[hit.line! - 1]).toContain('"hairdresser"');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('missing optional files are skipped with a notice', () => {
    const root = copyGoodTree();
    try {
      fs.rmSync(path.join(root, 'sources.json'));
      fs.rmSync(path.join(root, 'federal', 'benefits.json'));
      const report = checkKnowledge(root, { now: NOW });
      expect(report.errors).toBe(0);
      const notices = report.issues.filter((i) => i.severity === 'notice').map((i) => path.relative(root, i.file));
      expect(notices).toEqual(expect.arrayContaining(['sources.json', 'federal/benefits.json']));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('kb:check command', () => {
  test('exit codes and report', () => {
    const out: string[] = [];
    expect(runKbCheck(['--knowledge', GOOD_TREE, '--today', '2026-11-25'], (l) => out.push(l))).toBe(0);
    expect(out.join('\n')).toMatch(/8 file\(s\) checked: 0 error\(s\), 4 warning\(s\)\./);

    const root = copyGoodTree();
    try {
      editJson(offers(root), (d) => { d.offers[0].phones = ['call us']; });
      const bad: string[] = [];
      expect(runKbCheck(['--knowledge', root, '--today', '2026-11-25'], (l) => bad.push(l))).toBe(1);
      expect(bad.join('\n')).toMatch(/ERRORS \(1\)\n.*offers\.json:\d+ offers\.0\.phones\.0 {2}\[phone_format\]/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
    expect(runKbCheck(['--bogus'], () => undefined)).toBe(2);
    expect(runKbCheck(['--today', '25.11.2026'], () => undefined)).toBe(2);
  });

  test('long runs of one warning are summarised unless --verbose', () => {
    const issues: Issue[] = Array.from({ length: 9 }, (_, i) => ({ severity: 'warning' as const, file: '/x/offers.json', path: ['offers', i], code: 'stale', message: `o${i}` }));
    const report = { root: '/x', issues, checked: ['/x/offers.json'], errors: 0, warnings: 9 };
    expect(formatReport(report).filter((l) => l.includes('[stale]'))).toHaveLength(7);
    expect(formatReport(report).join('\n')).toContain('… and 3 more [stale]');
    expect(formatReport(report, { verbose: true }).filter((l) => l.includes('[stale]'))).toHaveLength(9);
  });
});
