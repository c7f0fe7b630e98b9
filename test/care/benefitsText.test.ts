// The benefits overview's rules (bot/care/benefitsText.ts) against the real dated table; the
// conversations are in test/dialogs/benefitsDialog.test.ts.
import { benefitsOverview, combination, formatEuro, valueOn } from '../../bot/care/benefits';
import {
  changesText, combinationText, euroChangesOn, lastRealChange, overviewSources, overviewText, percentFrom, readAfterOverview, settingFromText, validSince,
} from '../../bot/care/benefitsText';
import * as path from 'path';
import { loadLexicon } from '../../bot/nlu/lexicon';
import { ROOT, TODAY } from '../helpers/app';
import { benefitsTable as table, keysOnly as t } from '../dialogs/guidedHelpers';

describe('pure helpers', () => {
  test.each([
    ['Mein Vater lebt im Pflegeheim', 'nursing_home'],
    ['Sie geht in die Tagespflege', 'day_care'],
    ['Ein ambulanter Pflegedienst kommt', 'home_care'],
    ['Wir pflegen selbst, die Familie', 'relatives'],
    ['My mother is in a nursing home', 'nursing_home'],
    ['relatives look after him', 'relatives'],
    ['Pflegegrad 3', undefined],
  ])('setting of %p → %p', (text, want) => {
    expect(settingFromText(text, loadLexicon(path.join(ROOT, 'locales')))).toBe(want);
  });

  test.each([
    ['60 %', 60], ['der Dienst nutzt 60% der Sachleistung', 60], ['40 Prozent', 40], ['die Hälfte', 50],
    ['half of it', 50], ['12,5 %', 12.5], ['150 %', undefined], ['Pflegegrad 3', undefined],
  ])('share in %p → %p', (text, want) => {
    expect(percentFrom(text, loadLexicon(path.join(ROOT, 'locales')))).toBe(want);
  });

  // issue 18 (session 13): shares written as words and as thirds
  test.each([
    ['so ungefähr fünfzig Prozent', 50], ['der dienst rechnet sechzig prozent der sachleistung ab', 60],
    ['fünfundsiebzig Prozent', 75], ['the service uses sixty five percent', 65], ['about forty per cent', 40],
    ['und wenn es nur ein drittel ist', 100 / 3], ['zwei Drittel', 200 / 3], ['a third of what it may bill', 100 / 3],
    ['and if it\'s two thirds', 200 / 3], ['hundertzwanzig prozent', undefined], ['der dritte prozent', undefined],
    ['das kostet prozentual mehr', undefined],
  ])('share in words %p → %p', (text, want) => {
    expect(percentFrom(text, loadLexicon(path.join(ROOT, 'locales')))).toBe(want);
  });

  test.each([
    [3, 'relatives', ['pflegegeld', 'entlastungsbetrag'], ['sachleistung', 'stationaer']],
    [3, 'home_care', ['sachleistung', 'umwandlung'], ['pflegegeld']],
    [2, 'day_care', ['pflegegeld', 'tagespflege'], ['stationaer']],
    [4, 'nursing_home', ['stationaer'], ['pflegegeld', 'entlastungsbetrag']],
    [1, 'relatives', ['entlastungsbetrag'], ['pflegegeld']],
  ] as const)('grade %i, %s lists the table amounts of the right benefits', (grade, setting, present, absent) => {
    const { text, items } = overviewText(table, grade, setting, TODAY, 'de', t);
    expect(items).toEqual(benefitsOverview(table, { grade, setting, date: TODAY }));
    for (const id of present) {
      const amount = formatEuro(valueOn(table, id, TODAY, grade)!, 'de');
      const label = table.benefits.find((b) => b.id === id)!.label.de;
      expect(text).toContain(`"label":"${label}","amount":"${amount}"`);
    }
    for (const id of absent) expect(items.map((e) => e.id)).not.toContain(id);
    expect(text).toContain('benefits.how.application.pflegekasse');
  });

  test('home care mentions the combination, and the combination is the table share of the Pflegegeld', () => {
    expect(overviewText(table, 3, 'home_care', TODAY, 'de', t).text).toContain('benefits.combination_hint');
    const out = combinationText(table, 3, 60, TODAY, 'de', t);
    expect(out).toContain(`"amount":"${formatEuro(combination(table, 3, 0.6, TODAY)!, 'de')}"`);
    expect(out).toContain(`"full":"${formatEuro(valueOn(table, 'sachleistung', TODAY, 3)!, 'de')}"`);
    expect(combinationText(table, 1, 60, TODAY, 'de', t)).toContain('benefits.combination_none');
  });

  test('what changed: real changes and first entries are told apart', () => {
    const jan2025 = euroChangesOn(table, '2025-01-01');
    expect(jan2025.real.map((c) => c.id)).toEqual(expect.arrayContaining(['pflegegeld', 'sachleistung', 'entlastungsbetrag']));
    expect(jan2025.real.every((c) => c.kind !== 'new')).toBe(true);
    // 2026: the one DiPA amount for app and support together (since 2022) ends; app and support get
    // separate amounts, which have no older value of their own. The maximum for maintenance of parents
    // (§ 33a EStG) and the minimum wage (live-in carers) rose that day too.
    const jan2026 = euroChangesOn(table, '2026-01-01');
    expect(jan2026.real).toEqual([
      { id: 'unterhalt_hoechstbetrag', kind: 'changed', old: 12096, new: 12348 },
      { id: 'mindestlohn', kind: 'changed', old: 12.82, new: 13.9 },
      { id: 'dipa_gesamt', kind: 'ended', old: 53, new: null },
    ]);
    expect(jan2026.firstEntries.map((c) => c.id)).toEqual(expect.arrayContaining(['dipa_app', 'dipa_support']));
    expect(lastRealChange(table, TODAY)).toBe('2026-01-01');
    expect(lastRealChange(table, '2025-12-31')).toBe('2025-07-01');
    expect(lastRealChange(table, '2025-06-30')).toBe('2025-01-01');
  });

  test('a day without changes says so and shows the last change', () => {
    const out = changesText(table, '2025-10-01', TODAY, 'de', undefined, t);
    expect(out).toMatch(/^benefits\.changes\.none/);
    expect(out).toContain('benefits.changes.last{"date":"1. Juli 2025"}');
    const jan2026 = changesText(table, '2026-01-01', TODAY, 'de', undefined, t);
    expect(jan2026).toMatch(/^benefits\.changes\.head/);
    expect(jan2026).toContain('benefits.changes.first_entries');
    const jan2025 = changesText(table, '2025-01-01', TODAY, 'de', 2, t);
    expect(jan2025).toContain(`"old":"${formatEuro(332, 'de')}","new":"${formatEuro(valueOn(table, 'pflegegeld', '2025-01-01', 2)!, 'de')}"`);
  });

  test('validSince is the latest start among the entries shown', () => {
    expect(validSince(table, ['pflegegeld'], TODAY)).toBe('2025-01-01');
    expect(validSince(table, ['pflegegeld', 'entlastungsbudget'], TODAY)).toBe('2025-07-01');
  });
});

describe('after the overview', () => {
  const lexicon = loadLexicon(path.join(ROOT, 'locales'));
  test.each<[string, object | undefined]>([
    ['60 %', { kind: 'share', percent: 60 }],
    ['der Dienst nimmt die Hälfte', { kind: 'share', percent: 50 }],
    ['Pflegegrad 4', { kind: 'other', grade: 4, setting: undefined }],
    ['und im Pflegeheim?', { kind: 'other', grade: undefined, setting: 'nursing_home' }],
    // a grade counts in up to three words, a setting in up to five
    ['grade 2, nursing home', { kind: 'other', grade: undefined, setting: 'nursing_home' }],
    // a longer message is a question of its own, even if it names a grade or a setting
    ['Wie viel bekommt man eigentlich bei Pflegegrad 4 im Monat?', undefined],
    ['Wie finde ich einen guten Platz für sie in einem Pflegeheim?', undefined],
    ['kein Pflegegrad', undefined],
    ['Danke', undefined],
  ])('%p → %j', (text, want) => {
    expect(readAfterOverview(text, lexicon)).toEqual(want);
  });

  test('the footer names each law once and the source of the amount in force that day', () => {
    const ids = ['pflegegeld', 'sachleistung'];
    const then = overviewSources(table, ids, '2024-06-01', (id) => `<${id}>`);
    expect(then).toEqual({ sources: ['<sgb11>'], laws: ['§ 37 SGB XI', '§ 36 SGB XI'] });
    const now = overviewSources(table, ['pflegegeld'], '2025-06-01', (id) => `<${id}>`);
    expect(now.sources).toEqual(['<vz_nrw_leistungen>']);
    expect(overviewSources(table, ids, '2000-01-01', (id) => id).sources).toEqual([]);
  });
});
