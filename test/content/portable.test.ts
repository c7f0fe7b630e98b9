// A new city needs only its own data pack: the shared layers (federal and NRW answers, microcopy,
// the training utterances of the intent engine) never name the city or its places.
import * as fs from 'fs';
import * as path from 'path';
import { escapeRegExp } from '../../bot/nlu/places';
import { loadPlaceLexicon } from '../../bot/offers/load';

const K = path.join(__dirname, '../../knowledge');
const lex = loadPlaceLexicon(path.join(K, 'muelheim'));
const names = [...lex.cityNames, ...lex.places, ...lex.placesAfterCue, ...lex.postcodes];
// whole words only: "Menden" is a place, "Mendener" would be a word of its own
const pattern = new RegExp(`(?<![\\p{L}\\d])(?:${names.map(escapeRegExp).join('|')})(?![\\p{L}\\d])`, 'iu');

test('the Mülheim pack gives place words to look for', () => {
  expect(names).toEqual(expect.arrayContaining(['Mülheim an der Ruhr', 'Saarn', '45476']));
});

test.each(['federal/answers.json', 'nrw/answers.json'])('the texts of %s name no place of the city', (file) => {
  // the texts people read (the city's own sources live in its folder: test/content/layers.test.ts)
  const answers = (JSON.parse(fs.readFileSync(path.join(K, file), 'utf8')) as { answers: Array<Record<string, unknown>> }).answers;
  const texts = answers.flatMap((a) => ['de', 'en'].map((l) => [`${String(a.id)}.${l}`, JSON.stringify(a[l])]));
  expect(texts.filter(([, t]) => pattern.test(t)).map(([where]) => where)).toEqual([]);
});

test.each(['de', 'en'])('the %s training utterances write %%place%% and %%city%%, not real names', (lang) => {
  const corpus = JSON.parse(fs.readFileSync(path.join(K, 'nlu', `${lang}.json`), 'utf8')) as { data: Array<{ utterances: string[] }> };
  const named = corpus.data.flatMap((d) => d.utterances).filter((u) => pattern.test(u));
  expect(named).toEqual([]);
});

test.each(['de', 'en'])('the %s microcopy names no place of the city', (lang) => {
  const dir = path.join(__dirname, '../../locales', lang);
  for (const f of fs.readdirSync(dir)) {
    expect([f, fs.readFileSync(path.join(dir, f), 'utf8').match(pattern)?.[0]]).toEqual([f, undefined]);
  }
});

test.each(['sources.json', 'nrw/sources.json'])('the shared %s names no place of the city', (file) => {
  const sources = (JSON.parse(fs.readFileSync(path.join(K, file), 'utf8')) as { sources: Array<{ id: string; title: string; url: string }> }).sources;
  expect(sources.filter((src) => pattern.test(src.title) || /muelheim|m%c3%bclheim/i.test(src.url)).map((src) => src.id)).toEqual([]);
});

test('the federal answers name no state: what a state adds is its supplement (nrw/answers.json)', () => {
  const m = JSON.parse(fs.readFileSync(path.join(K, 'muelheim', 'municipality.json'), 'utf8')) as { state: string; stateName: string };
  // the English name is not in the pack; the German name and the code are. Pflegewohngeld and the
  // APG are NRW's own law (a few states have something alike, most have nothing).
  const state = new RegExp(`(?<![\\p{L}])(?:${[m.stateName, m.state, 'North Rhine', 'Pflegewohngeld', 'APG'].map(escapeRegExp).join('|')})`, 'iu');
  const answers = (JSON.parse(fs.readFileSync(path.join(K, 'federal/answers.json'), 'utf8')) as { answers: Array<Record<string, unknown>> }).answers;
  const named = answers.flatMap((a) => ['de', 'en'].map((l) => [`${String(a.id)}.${l}`, JSON.stringify(a[l])])).filter(([, t]) => state.test(t));
  expect(named.map(([where]) => where)).toEqual([]);
  expect(state.test('In Nordrhein-Westfalen gibt es das Pflegewohngeld.')).toBe(true);
});
