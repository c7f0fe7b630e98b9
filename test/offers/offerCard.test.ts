// What an offer card says besides the contact: a stale entry gets one short line with its date, and
// an offer whose place is not known gets no place note ("district not known" is no information).
import * as path from 'path';
import { createI18n } from '../../bot/i18n';
import { createLocalHelp } from '../../bot/conversation/localHelp';
import { searchOffers } from '../../bot/offers/search';
import { realPack, testPack } from './fixtures';

const NOW = new Date('2026-11-25T10:00:00+01:00');

test.each([['Mülheim', realPack], ['Teststadt', testPack]])('%s: stale notes are one line with the date; no "not known" place note', async (_name, pack) => {
  const p = pack();
  const i18n = await createI18n(path.join(__dirname, '../../locales'), 'de');
  const local = createLocalHelp(p, i18n);
  let stale = 0;
  let unknownPlace = 0;
  for (const lang of ['de', 'en'] as const) {
    for (const category of local.categories(lang).map((c) => c.id)) {
      for (const stadtteil of [undefined, ...p.regions.stadtteile.map((s) => s.id)]) {
        const q = { category, stadtteil, lang, now: NOW, seed: 'a', page: 0 };
        const reasons = new Map((searchOffers(p, { ...q, pageSize: 100 }).ranking?.offers ?? []).map((r) => [r.offer.id, r]));
        for (const o of local.search(q).offers) {
          const r = reasons.get(o.id);
          if (r?.reason === 'location_unknown' && stadtteil) unknownPlace++;
          expect([o.id, o.nearbyNote ?? '']).not.toEqual([o.id, expect.stringMatching(/nicht bekannt|not known/)]);
          if (!o.staleNote) continue;
          stale++;
          // one short line (a conflict between sources adds its own short sentence)
          const own = o.staleNote.replace(/Quellen widersprechen.*|Sources disagree.*/, '').trim();
          expect([o.id, o.staleNote.includes('\n'), own.length <= 70]).toEqual([o.id, false, true]);
          if (r?.staleReason && r.staleReason !== 'undated') expect(o.staleNote).toMatch(/\d{2}\.\d{2}\.\d{4}|\d{4}-\d{2}-\d{2}/);
        }
      }
    }
  }
  expect(stale + unknownPlace).toBeGreaterThan(0); // the data has such offers, so the checks above ran
});
