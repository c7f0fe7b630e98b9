// Place words come from the data pack: the same code serves Mülheim and any other city.
import * as path from 'path';
import { foldText } from '../../bot/nlu/normalise';
import { compilePlaces, replacePlaces, type PlaceLexicon } from '../../bot/nlu/places';
import { TOKENS } from '../../bot/nlu/tokens';
import { loadPlaceLexicon } from '../../bot/offers/load';
import { examplePlace, placeLexicon } from '../../bot/offers/regions';
import type { RegionsFile } from '../../bot/offers/schema';

const Z = TOKENS.place;
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const run = (lex: PlaceLexicon, text: string) => norm(replacePlaces(foldText(text), compilePlaces(lex, foldText)));

/** A made-up city: its words are nowhere in the code. */
const musterstadt: PlaceLexicon = {
  places: ['Nordviertel', 'Alte Mühle', 'Alte Mühle Süd', 'Zentrum'],
  placesAfterCue: ['Laufen'],
  cues: ['in', 'aus', 'near'],
  postcodes: ['12345', '12347'],
  cityNames: ['Musterstadt am See', 'Musterstadt'],
};

describe('replacePlaces with a made-up city', () => {
  it.each([
    ['Tagespflege im Nordviertel', `tagespflege im ${Z}`],
    ['Pflegedienst Alte Mühle Süd', `pflegedienst ${Z}`], // the longest name wins: one token, not two
    ['Pflegedienst alte muehle', `pflegedienst ${Z}`], // folded the same way as the message
    ['Hilfe in 12347', `hilfe in ${Z}`],
    ['Hilfe in 123456', 'hilfe in 123456'], // not a postcode of the city
    ['Beratung in Musterstadt am See', 'beratung in'],
    ['Beratung Musterstadt', 'beratung'],
    ['Hilfe in Laufen', `hilfe in ${Z}`], // an everyday word is a place after a cue…
    ['Ich kann nicht mehr laufen', 'ich kann nicht mehr laufen'], // …and a word without one
    ['Tagespflege in Saarn', 'tagespflege in saarn'], // Mülheim's places mean nothing here
    ['Nordviertelstraße', 'nordviertelstrasse'], // only whole words
  ])('%s', (text, out) => {
    expect(run(musterstadt, text)).toBe(out);
  });
});

describe('replacePlaces with the Mülheim data pack', () => {
  const muelheim = loadPlaceLexicon(path.join(__dirname, '../../knowledge/muelheim'));
  it.each([
    ['Tagespflege in Saarn', `tagespflege in ${Z}`],
    ['Pflegedienst Menden-Holthausen', `pflegedienst ${Z}`],
    ['Angebote in 45476', `angebote in ${Z}`],
    ['Tagespflege in Heißen', `tagespflege in ${Z}`],
    ['Wie heißen die Leistungen?', 'wie heissen die leistungen?'], // the verb, not the Stadtteil
    ['Pflegeberatung in Mülheim an der Ruhr', 'pflegeberatung in'],
    ['Pflegeberatung Muelheim', 'pflegeberatung'],
    ['Hilfe in Musterstadt', 'hilfe in musterstadt'],
  ])('%s', (text, out) => {
    expect(run(muelheim, text)).toBe(out);
  });
});

test('the corpus markers are replaced with or without a lexicon', () => {
  expect(norm(replacePlaces('tagespflege in %place%'))).toBe(`tagespflege in ${Z}`);
  expect(norm(replacePlaces('beratung in %city%'))).toBe('beratung in');
  expect(norm(replacePlaces('hilfe in %place%', compilePlaces(musterstadt, foldText)))).toBe(`hilfe in ${Z}`);
});

describe('placeLexicon reads every place word from the regions file', () => {
  const regions = {
    stadtteile: [
      { id: 'nord', name: 'Nordviertel', aliases: ['Norden'], ortsteile: [{ text: 'Kleinhof', fuzzy: false }] },
      { id: 'laufen', name: 'Laufen', aliases: [{ text: 'Laufen', needsContext: true }], ortsteile: [] },
    ],
    areas: [{ id: 'mitte', aliases: ['Zentrum'], candidates: ['nord', 'laufen'] }],
    bezirke: [{ id: 'b1', name: 'Bezirk Eins', aliases: ['Erster Bezirk'], stadtteile: ['nord'] }],
    postcodes: [{ code: '12345', candidates: ['nord'] }],
    placeCues: { de: ['in', 'aus'], en: ['in', 'near'] },
  } as unknown as RegionsFile;
  const lex = placeLexicon(regions, { name: 'Musterstadt am See', aliases: ['Musterstadt'] });

  it('names, aliases, Ortsteile, areas and Bezirke are places; everyday words need a cue', () => {
    expect(lex.places.sort()).toEqual(['Bezirk Eins', 'Erster Bezirk', 'Kleinhof', 'Norden', 'Nordviertel', 'Zentrum']);
    expect(lex.placesAfterCue).toEqual(['Laufen']);
    expect(lex.cues.sort()).toEqual(['aus', 'in', 'near']);
    expect(lex.postcodes).toEqual(['12345']);
    expect(lex.cityNames).toEqual(['Musterstadt am See', 'Musterstadt']);
  });

  it('a name that is plain somewhere counts as a plain place', () => {
    const both = placeLexicon({ ...regions, areas: [{ id: 'x', aliases: ['Laufen'], candidates: ['nord', 'laufen'] }] } as unknown as RegionsFile, { name: 'M', aliases: [] });
    expect(both.places).toContain('Laufen');
    expect(both.placesAfterCue).toEqual([]);
  });
});

test.each([
  [['Altstadt I', 'Broich', 'Saarn'], 'Broich'],
  [['Altstadt I', 'Menden-Holthausen'], 'Altstadt I'], // no one-word name: the first one
])('examplePlace(%j) = %s', (list, expected) => {
  expect(examplePlace({ stadtteile: list.map((name) => ({ name })) } as unknown as RegionsFile)).toBe(expected);
});
