// localHelp.detectPlace keeps the last text's result (a turn asks for the same text more than once):
// repeated and alternating texts must give what a fresh LocalHelp gives, and a caller that changes
// its result must not change what the next caller gets.
import * as path from 'path';
import { createI18n } from '../../bot/i18n';
import { createLocalHelp } from '../../bot/conversation/localHelp';
import { realPack } from './fixtures';

const locales = path.join(__dirname, '../../locales');

test('repeated and alternating texts: the same result as a LocalHelp that has seen nothing before', async () => {
  const pack = realPack();
  const i18n = await createI18n(locales, 'de');
  const local = createLocalHelp(pack, i18n);
  const names = pack.regions.stadtteile.slice(0, 4).map((s) => local.stadtteilName(s.id));
  const texts = [...names.map((n) => `Hilfe beim Einkaufen in ${n}`), 'in ganz Mülheim', 'Mülheim', 'ohne Ortsangabe', ''];
  const sequence = texts.flatMap((t, i) => [t, t, texts[(i + 1) % texts.length], t]);
  let named = 0;
  for (const text of sequence) {
    const got = local.detectPlace(text);
    expect([text, got]).toEqual([text, createLocalHelp(pack, i18n).detectPlace(text)]);
    if (got.stadtteil || got.wholeCityOnly) named++;
  }
  expect(named).toBeGreaterThan(sequence.length / 2);
});

test('a caller that changes its result does not change the next caller\'s', async () => {
  const pack = realPack();
  const local = createLocalHelp(pack, await createI18n(locales, 'de'));
  const text = `Tagespflege ${local.stadtteilName(pack.regions.stadtteile[0].id)}`;
  const first = local.detectPlace(text);
  const expected = structuredClone(first);
  expect(first.stadtteil).toBe(pack.regions.stadtteile[0].id);
  first.stadtteil = 'changed';
  first.candidates.push('changed');
  expect(local.detectPlace(text)).toEqual(expected);
});
