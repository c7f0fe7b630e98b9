// An answer's provenance: the short line, the full list and the one line for text channels, from
// the real microcopy.
import { createI18n } from '../../bot/i18n';
import { buildProvenance, monthOf, siteOf } from '../../bot/conversation/provenance';
import * as path from 'path';

const facts = {
  reviewed: '2026-11-25',
  sources: [
    { title: 'SGB XI, Gesetze im Internet', url: 'https://www.gesetze-im-internet.de/sgb_11/' },
    { title: 'SGB XII, Gesetze im Internet', url: 'https://www.gesetze-im-internet.de/sgb_12/' },
    { title: 'Verbraucherzentrale NRW', url: 'https://www.verbraucherzentrale.nrw/node/1' },
  ],
  legal: ['§ 37 SGB XI', '§ 64a SGB XII'],
};

test.each([
  ['2026-11-25', '11/2026'],
  ['2025-01-02', '01/2025'],
])('monthOf(%s) = %s', (iso, month) => expect(monthOf(iso)).toBe(month));

test.each([
  ['https://www.gesetze-im-internet.de/sgb_11/', 'gesetze-im-internet.de'],
  ['http://biva.de/x', 'biva.de'],
  ['not a url', undefined],
])('siteOf(%s) = %s', (url, site) => expect(siteOf(url)).toBe(site));

describe('with the real microcopy', () => {
  let t: Awaited<ReturnType<typeof createI18n>>['t'];
  beforeAll(async () => {
    t = (await createI18n(path.join(__dirname, '../../locales'), 'de')).t;
  });

  test('German: short line, the full list with links, legal basis and date, one line with the sites', () => {
    expect(buildProvenance(facts, t, 'de')).toEqual({
      short: 'Stand 11/2026 · Quellen (3)',
      details: [
        ...facts.sources.map((s) => ({ text: s.title, url: s.url })),
        { text: 'Rechtsgrundlage: § 37 SGB XI, § 64a SGB XII' },
        { text: 'Geprüft am 25.11.2026' },
      ],
      line: 'Stand 11/2026 · § 37 SGB XI, § 64a SGB XII · Quellen: gesetze-im-internet.de, verbraucherzentrale.nrw',
    });
  });

  test('English, one source without an address, no legal basis', () => {
    const p = buildProvenance({ reviewed: '2026-03-01', sources: [{ title: 'City leaflet' }], legal: [] }, t, 'en');
    expect(p).toEqual({
      short: 'As of 03/2026 · Source (1)',
      details: [{ text: 'City leaflet', url: undefined }, { text: 'Reviewed on 1 Mar 2026' }],
      line: 'As of 03/2026 · Sources: City leaflet',
    });
  });
});
