// localHelp.reachable (the answers' "who helps locally" lines) must name the same offers, in the
// same order, as the full search's first page filtered to offers that can be reached.
import * as path from 'path';
import { createI18n } from '../../bot/i18n';
import { createLocalHelp } from '../../bot/conversation/localHelp';
import { realPack, testPack } from './fixtures';

const NOW = new Date('2026-11-25T10:00:00+01:00');

test.each([['Mülheim', realPack], ['Teststadt', testPack]])('%s: reachable = first page of search with a contact, for every category, place and seed', async (_name, pack) => {
  const p = pack();
  const local = createLocalHelp(p, await createI18n(path.join(__dirname, '../../locales'), 'de'));
  let compared = 0;
  let nonEmpty = 0;
  for (const lang of ['de', 'en'] as const) {
    for (const category of local.categories(lang).map((c) => c.id)) {
      for (const stadtteil of [undefined, ...p.regions.stadtteile.map((s) => s.id)]) {
        for (const seed of ['a', 'b']) {
          const q = { category, stadtteil, lang, now: NOW, seed };
          const expected = local.search({ ...q, page: 0 }).offers.filter((o) => o.phone || o.website || o.email).slice(0, 2)
            .map((o) => ({ name: o.name, phone: o.phone, website: o.website, email: o.email }));
          const got = local.reachable(q, 2);
          expect([category, stadtteil, got]).toEqual([category, stadtteil, expected]);
          compared++;
          if (got.length) nonEmpty++;
        }
      }
    }
  }
  expect(compared).toBeGreaterThan(20);
  expect(nonEmpty).toBeGreaterThan(0);
});
