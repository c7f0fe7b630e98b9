// The deciding facts content17 (issue 17) put into short answers: which relatives count for the respite-care limit
// (related by blood or marriage up to the second degree, § 39 Abs. 3 SGB XI with §§ 1589, 1590 BGB — a niece, nephew
// or cousin is not, and is paid like a neighbour). The fact sat only in the details, and a reply shows short and next.
import { questionEntries } from '../helpers/questionEntries';

type Text = { q: string[]; short: string; details: string };
const entry = questionEntries<{ id: string; legal: string[]; sources: string[]; de: Text; en: Text }>();

test('respite_relatives_amount names who counts as a close relative and who does not', () => {
  const it = entry('respite_relatives_amount');
  expect(it.de.short).toMatch(/Verwandte oder Verschwägerte bis zum zweiten Grad[^.]*Enkel[^.]*Geschwister[^.]*Schwager[\s\S]*zweimal \{\{b\.pflegegeld\.3\}\}[\s\S]*Nichten, Neffen, Cousins[^.]*Jahresbetrag von \{\{b\.entlastungsbudget\}\}/);
  expect(it.en.short).toMatch(/relatives by blood or marriage up to the second degree[^.]*grandchildren[^.]*siblings[^.]*in-laws[\s\S]*twice \{\{b\.pflegegeld\.3\}\}[\s\S]*Nieces, nephews, cousins[^.]*annual amount of \{\{b\.entlastungsbudget\}\}/);
  // the costs on top, asked in the same breath as the amount (lead, session 17: the rewrite had dropped them)
  expect(it.de.short).toMatch(/nachgewiesene Fahrtkosten oder Verdienstausfall kommen dazu/);
  expect(it.en.short).toMatch(/proven travel costs or lost earnings come on top/);
  expect(it.de.details).toMatch(/Nichten und Neffen sind im dritten Grad verwandt/);
  expect(it.en.details).toMatch(/nieces and nephews in the third degree/);
  expect(it.legal).toEqual(expect.arrayContaining(['§ 39 SGB XI', '§§ 1589, 1590 BGB']));
  expect(it.sources).toEqual(expect.arrayContaining(['q_resp_bgb_1589', 'q_resp_bgb_1590']));
});
