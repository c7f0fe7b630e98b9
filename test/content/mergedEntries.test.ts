// Near-duplicate entries merged in content17 (issue 17): the kept entry carries both variant sets and all sources,
// and the old id still resolves (buttons, follow-ups and stored conversations may name it) without being indexed
// a second time. A former id that is still a live id stops the load.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadKnowledgeBase } from '../../bot/knowledge/kb';

const ROOT = path.join(__dirname, '../../knowledge');

describe('respite_no_short_term_place merged into short_term_care_no_place', () => {
  const kb = loadKnowledgeBase({ knowledgeDir: ROOT, state: 'nrw', municipality: 'muelheim' });
  const kept = kb.questions.get('short_term_care_no_place')!;

  test('the old id resolves to the kept entry and is not an entry of its own', () => {
    expect(kb.entry('respite_no_short_term_place')?.id).toBe('short_term_care_no_place');
    expect(kb.questions.has('respite_no_short_term_place')).toBe(false);
  });

  test('the kept entry has the variants and sources of both', () => {
    expect(kept.q.de).toEqual(expect.arrayContaining(['Kein Kurzzeitpflegeplatz zu finden, was nun?', 'Kurzzeitpflege überall belegt – welche Alternativen gibt es?']));
    expect(kept.q.en).toEqual(expect.arrayContaining(['No short-term care place anywhere, what now?', 'short-term care fully booked everywhere – what are the alternatives?']));
    expect(kept.sources).toEqual(expect.arrayContaining(['q_f2_haufe_kzp_einrichtungen', 'q_f2_gia_vp_kzp', 'q_cb2_haufe_42_andere', 'sgb11', 'sgb5']));
    expect(kept.legal).toEqual(expect.arrayContaining(['§ 42 Abs. 3 SGB XI', '§ 42 SGB XI', '§ 39e SGB V']));
  });

  test('its short keeps the facts of both: the budget at home, another facility, no prior application, 10 days in hospital', () => {
    expect(kept.de.short).toMatch(/\{\{b\.entlastungsbudget\}\} für Verhinderungspflege[\s\S]*anderen geeigneten Einrichtung[\s\S]*keinen Antrag vorab[\s\S]*bis zu 10 Tage zur Übergangspflege/);
    expect(kept.en.short).toMatch(/\{\{b\.entlastungsbudget\}\} for respite care[\s\S]*another suitable facility[\s\S]*no prior application[\s\S]*up to 10 days of transitional care/);
  });
});

test('a former id that is still a live id stops the load', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-former-'));
  fs.cpSync(ROOT, dir, { recursive: true });
  const file = path.join(dir, 'federal/questions/forum2_money.json');
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { questions: { id: string; formerIds?: string[] }[] };
  data.questions.find((q) => q.id === 'short_term_care_no_place')!.formerIds = ['respite_who_can_stand_in'];
  fs.writeFileSync(file, JSON.stringify(data));
  try {
    expect(() => loadKnowledgeBase({ knowledgeDir: dir, state: 'nrw', municipality: 'muelheim' })).toThrow(/former id "respite_who_can_stand_in"/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
