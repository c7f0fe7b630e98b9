// Pure parts of the staff area: grouping, ISO weeks, suppression and CSV, content health, callback slots.
import * as path from 'path';
import { groupInbox, similarity, stems } from '../../bot/staff/group';
import { chartSeries, isoWeek, planningCsv, planningReport } from '../../bot/staff/planning';
import { callbackSlotsFrom } from '../../bot/staff/hooks';
import { amountRows } from '../../bot/staff/health';
import { parsePhone } from '../../bot/nlu/phone';
import { isRole, mayAct } from '../../bot/staff/auth';
import type { InboxItem } from '../../bot/staff/repository';
import { loadMunicipalityPack } from '../../bot/offers/load';
import { readJsonFile } from '../../bot/knowledge/jsonFile';
import { BenefitsFileSchema } from '../../bot/knowledge/schema';

const ROOT = path.join(__dirname, '../..');
const item = (id: string, text: string, lang: 'de' | 'en' = 'de', at = `2026-11-0${id.length}T10:00:00Z`): InboxItem =>
  ({ id, text, lang, createdAt: at, reason: 'not_understood', conv: 'c', status: 'open' });

test('similar wordings form one group with a count; different ones and other languages do not', () => {
  const groups = groupInbox([
    item('a', 'Wo bekomme ich einen Rollstuhl?'),
    item('bb', 'wo bekomme ich einen rollstuhl'),
    item('ccc', 'Rollstuhl bekommen wo?'),
    item('dddd', 'Wer zahlt den Treppenlift?'),
    item('eeeee', 'where do I get a wheelchair', 'en'),
  ]);
  expect(groups.map((g) => [g.text, g.count])).toEqual([
    ['Wo bekomme ich einen Rollstuhl?', 3],
    // equal counts: the most recent first
    ['where do I get a wheelchair', 1],
    ['Wer zahlt den Treppenlift?', 1],
  ]);
  expect(groups[0].itemIds).toEqual(['a', 'bb', 'ccc']);
});

test('similarity is the overlap of word stems', () => {
  expect(similarity(stems('Pflegegeld beantragen'), stems('Pflegegeld beantragen bitte'))).toBeCloseTo(2 / 3);
  expect(similarity(stems('Treppenlift'), stems('Rollstuhl'))).toBe(0);
});

test.each([
  ['2026-11-25', '2026-W48'],
  ['2021-01-03', '2020-W53'],
  ['2021-01-04', '2021-W01'],
  ['2024-12-30', '2025-W01'],
  ['2026-01-01', '2026-W01'],
])('ISO week of %s is %s', (day, week) => {
  expect(isoWeek(day)).toBe(week);
});

test('cells under 5 are suppressed in the report, the CSV and the chart', () => {
  const r = planningReport({ '2026-W48|pflegegeld|saarn': 7, '2026-W48|pflegegeld|styrum': 4, '2026-W48|=cmd|saarn': 5 });
  expect(r.suppressed).toBe(1);
  expect(r.cells.find((c) => c.stadtteil === 'styrum')?.count).toBeNull();
  const csv = planningCsv(r, (id) => id.toUpperCase());
  expect(csv).toBe("week;topic;stadtteil;count\r\n2026-W48;'=cmd;SAARN;5\r\n2026-W48;pflegegeld;SAARN;7\r\n2026-W48;pflegegeld;STYRUM;<5\r\n");
  expect(chartSeries(r).series.find((s) => s.topic === 'pflegegeld')?.data).toEqual([7]);
});

test('the callback slots come from the counselling office\'s phone hours in the city pack', () => {
  const pack = loadMunicipalityPack(path.join(ROOT, 'knowledge', 'muelheim'));
  expect(callbackSlotsFrom(pack.offers)).toEqual(['08:00–10:00', '10:00–12:30']);
  expect(callbackSlotsFrom([{ categories: ['counselling'], hoursNote: 'Sprechzeit 9 - 12 Uhr' }])).toEqual(['09:00–11:00', '11:00–12:00']);
  expect(callbackSlotsFrom([{ categories: ['day_care'], hoursNote: '8-16 Uhr' }])).toEqual([]);
});

test('amounts: the value in force and the next change', () => {
  const table = readJsonFile(path.join(ROOT, 'knowledge/federal/benefits.json'), BenefitsFileSchema);
  const rows = amountRows(table, '2024-06-01');
  const pg = rows.find((r) => r.id === 'pflegegeld')!;
  expect(pg.current).toEqual({ validFrom: '2024-01-01', values: [null, 332, 573, 765, 947] });
  expect(pg.next).toEqual({ validFrom: '2025-01-01', values: [null, 347, 599, 800, 990] });
  expect(amountRows(table, '2026-11-25').find((r) => r.id === 'pflegegeld')!.next).toBeNull();
});

test.each([
  ['0208 123456', '0208 123456'],
  ['+49 208 123456', '+49 208 123456'],
  ['(0208) 12 34 56', '(0208) 12 34 56'],
  ['0171/9876543', '0171/9876543'],
  ['12345', undefined],
  ['Pflegegeld', undefined],
  ['123456789', undefined],
])('phone %s → %s', (text, expected) => {
  expect(parsePhone(text)).toBe(expected);
});

test('roles: a higher role may what a lower may', () => {
  expect(mayAct('admin', 'editor')).toBe(true);
  expect(mayAct('editor', 'counsellor')).toBe(true);
  expect(mayAct('counsellor', 'editor')).toBe(false);
  expect(mayAct('editor', 'admin')).toBe(false);
  expect(isRole('admin')).toBe(true);
  expect(isRole('root')).toBe(false);
});
