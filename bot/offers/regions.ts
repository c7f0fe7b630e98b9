// Recognises where someone lives or looks for help: Stadtteil names, Ortsteile, common names,
// postcodes. Never guesses: when a name or postcode fits several Stadtteile, all of them are
// returned as candidates so the dialog can ask.
import type { PlaceLexicon } from '../nlu/places';
import type { Alias, MunicipalityFile, RegionsFile } from './schema';
import { fold, withinOneEdit } from './text';
import { boundedMemo } from '../memo';

export interface RegionMatch {
  /** set only when exactly one Stadtteil fits */
  stadtteil?: string;
  /** every Stadtteil that fits (one element when `stadtteil` is set) */
  candidates: string[];
  postcode?: string;
  /** a five-digit code that looks like this city's but is not one of its postcodes */
  unknownPostcode?: boolean;
  /** the words of the text that matched */
  matched?: string;
  via?: 'name' | 'ortsteil' | 'area' | 'bezirk' | 'fuzzy' | 'postcode';
}

export interface ResolveOptions {
  /** the text answers "where?" — everyday-word names (needsContext) count without a cue */
  expectPlace?: boolean;
}

type Target = { stadtteil: string } | { candidates: string[] };

interface Entry {
  tokens: string[];
  target: Target;
  via: 'name' | 'ortsteil' | 'area' | 'bezirk';
  fuzzy: boolean;
  needsContext: boolean;
}

interface Index {
  /** entries (longest phrase first) by the folded word that can start them (every inflected form
   *  for one-word names), in that order, so a lookup sees exactly the entries a full scan would accept */
  byFirst: Map<string, Entry[]>;
  /** one-word names that may match with one typo */
  fuzzy: Entry[];
  cues: Set<string>;
  postcodes: Map<string, string[]>;
  postcodePrefixes: Set<string>;
}

interface Tok {
  raw: string;
  folded: string;
  sentenceStart: boolean;
}

const MIN_FUZZY_LENGTH = 5;
/** German demonyms and adjectives built from place names: Saarn → Saarner, Heißen → Heißener */
const SUFFIXES = ['', 'er', 'ers', 'ern', 'erin', 'erinnen', 's'];
const EN_SUFFIXES = ['er', 'ers', 'ern', 'erin', 'erinnen'];

const cache = new WeakMap<RegionsFile, Index>();

function aliasParts(a: Alias): { text: string; fuzzy: boolean; needsContext: boolean } {
  return typeof a === 'string'
    ? { text: a, fuzzy: true, needsContext: false }
    : { text: a.text, fuzzy: a.fuzzy !== false, needsContext: a.needsContext === true };
}

function splitFolded(text: string): string[] {
  return fold(text).split(/[^a-z0-9]+/).filter(Boolean);
}

function buildIndex(regions: RegionsFile): Index {
  const entries: Entry[] = [];
  const add = (alias: Alias, target: Target, via: Entry['via']) => {
    const p = aliasParts(alias);
    const toks = splitFolded(p.text);
    if (toks.length) entries.push({ tokens: toks, target, via, fuzzy: p.fuzzy, needsContext: p.needsContext });
  };
  for (const s of regions.stadtteile) {
    const target = { stadtteil: s.id };
    // The name counts as an alias unless an alias with the same text sets its own limits.
    if (!s.aliases.some((a) => fold(aliasParts(a).text) === fold(s.name))) add(s.name, target, 'name');
    for (const a of s.aliases) add(a, target, 'name');
    for (const a of s.ortsteile) add(a, target, 'ortsteil');
  }
  for (const area of regions.areas) for (const a of area.aliases) add(a, { candidates: area.candidates }, 'area');
  for (const b of regions.bezirke) {
    add(b.name, { candidates: b.stadtteile }, 'bezirk');
    for (const a of b.aliases) add(a, { candidates: b.stadtteile }, 'bezirk');
  }
  // Longer phrases first, so "Altstadt II" wins over "Altstadt".
  entries.sort((x, y) => y.tokens.length - x.tokens.length || y.tokens.join(' ').length - x.tokens.join(' ').length);
  const byFirst = new Map<string, Entry[]>();
  for (const e of entries) {
    const firsts = e.tokens.length > 1 ? [e.tokens[0]] : inflectedForms(e.tokens[0]);
    for (const f of new Set(firsts)) {
      const list = byFirst.get(f);
      if (list) list.push(e);
      else byFirst.set(f, [e]);
    }
  }
  const fuzzy = entries.filter((e) => e.tokens.length === 1 && e.fuzzy && !e.needsContext && e.tokens[0].length >= MIN_FUZZY_LENGTH);
  const cues = new Set([...regions.placeCues.de, ...regions.placeCues.en].map((c) => fold(c)));
  const postcodes = new Map(regions.postcodes.map((p) => [p.code, p.candidates]));
  const postcodePrefixes = new Set(regions.postcodes.map((p) => p.code.slice(0, 2)));
  return { byFirst, fuzzy, cues, postcodes, postcodePrefixes };
}

function indexFor(regions: RegionsFile): Index {
  let idx = cache.get(regions);
  if (!idx) {
    idx = buildIndex(regions);
    cache.set(regions, idx);
  }
  return idx;
}

// Folding a word takes eight string passes, and the same words come again and again.
const foldedWord = boundedMemo(splitFolded, 20_000);

function wordTokens(text: string): Tok[] {
  const out: Tok[] = [];
  const re = /[\p{L}\p{N}]+/gu;
  const src = text.normalize('NFC');
  let m: RegExpExecArray | null;
  let lastEnd = 0;
  while ((m = re.exec(src))) {
    const between = src.slice(lastEnd, m.index);
    const sentenceStart = out.length === 0 || /[.!?]\s*$/.test(between);
    // One raw word can fold into several tokens only through punctuation, which the regex excludes.
    for (const f of foldedWord(m[0])) out.push({ raw: m[0], folded: f, sentenceStart });
    lastEnd = m.index + m[0].length;
  }
  return out;
}

/** Every word inflectedMatch(word, base) accepts. */
function inflectedForms(base: string): string[] {
  const forms = SUFFIXES.map((s) => base + s);
  if (base.endsWith('en')) for (const s of EN_SUFFIXES) forms.push(base.slice(0, -2) + s);
  return forms;
}

/** Does `word` equal `base` or a derived form of it (Saarner, Heißener, Eppinghofer)? */
function inflectedMatch(word: string, base: string): 'exact' | 'inflected' | undefined {
  if (word === base) return 'exact';
  for (const s of SUFFIXES) if (s && word === base + s) return 'inflected';
  if (base.endsWith('en')) {
    const stem = base.slice(0, -2);
    for (const s of EN_SUFFIXES) if (word === stem + s) return 'inflected';
  }
  return undefined;
}

function hasCue(toks: Tok[], i: number, n: number, idx: Index, opts: ResolveOptions, inflected: boolean): boolean {
  if (opts.expectPlace || inflected) return true;
  if (toks.length === n) return true;
  if (i > 0 && idx.cues.has(toks[i - 1].folded)) return true;
  const first = toks[i];
  return !first.sentenceStart && /^\p{Lu}/u.test(first.raw);
}

interface Hit { entry: Entry; start: number; length: number; fuzzy: boolean }

function exactHits(toks: Tok[], idx: Index, opts: ResolveOptions): Hit[] {
  const hits: Hit[] = [];
  let i = 0;
  while (i < toks.length) {
    let found: Hit | undefined;
    for (const e of idx.byFirst.get(toks[i].folded) ?? []) {
      const n = e.tokens.length;
      if (i + n > toks.length) continue;
      let ok = true;
      for (let k = 0; k < n - 1 && ok; k++) ok = toks[i + k].folded === e.tokens[k];
      if (!ok) continue;
      const last = inflectedMatch(toks[i + n - 1].folded, e.tokens[n - 1]);
      if (!last) continue;
      if (e.needsContext && !hasCue(toks, i, n, idx, opts, last === 'inflected')) continue;
      found = { entry: e, start: i, length: n, fuzzy: false };
      break;
    }
    if (found) {
      hits.push(found);
      i += found.length;
    } else i++;
  }
  return hits;
}

function fuzzyHits(toks: Tok[], idx: Index): Hit[] {
  const hits: Hit[] = [];
  toks.forEach((t, i) => {
    if (t.folded.length < MIN_FUZZY_LENGTH || /\d/.test(t.folded)) return;
    for (const e of idx.fuzzy) {
      if (withinOneEdit(t.folded, e.tokens[0])) {
        hits.push({ entry: e, start: i, length: 1, fuzzy: true });
        break;
      }
    }
  });
  return hits;
}

function uniq(list: string[]): string[] {
  return [...new Set(list)];
}

export function resolveRegion(text: string, regions: RegionsFile, opts: ResolveOptions = {}): RegionMatch {
  const idx = indexFor(regions);
  const toks = wordTokens(text);

  let postcode: string | undefined;
  let postcodeCandidates: string[] | undefined;
  let unknownPostcode = false;
  for (const t of toks) {
    if (!/^\d{5}$/.test(t.folded)) continue;
    const known = idx.postcodes.get(t.folded);
    if (known) {
      postcode = t.folded;
      postcodeCandidates = known;
      break;
    }
    if (idx.postcodePrefixes.has(t.folded.slice(0, 2)) && !postcode) {
      postcode = t.folded;
      unknownPostcode = true;
    }
  }

  let hits = exactHits(toks, idx, opts);
  if (!hits.length) hits = fuzzyHits(toks, idx);

  if (hits.length) {
    const named = uniq(hits.flatMap((h) => ('stadtteil' in h.entry.target ? [h.entry.target.stadtteil] : [])));
    const broad = uniq(hits.flatMap((h) => ('candidates' in h.entry.target ? h.entry.target.candidates : [])));
    let candidates: string[];
    if (named.length === 1 && (broad.length === 0 || broad.includes(named[0]))) candidates = named;
    else if (named.length > 0) candidates = uniq([...named, ...broad]);
    else candidates = broad;
    // A known postcode can narrow a vague name ("Innenstadt 45468") but never overrule a clear one.
    if (candidates.length > 1 && postcodeCandidates) {
      const both = candidates.filter((c) => postcodeCandidates!.includes(c));
      if (both.length >= 1) candidates = both;
    }
    const first = hits[0];
    const via: RegionMatch['via'] = hits.some((h) => h.fuzzy) ? 'fuzzy' : first.entry.via;
    const matched = hits.map((h) => toks.slice(h.start, h.start + h.length).map((t) => t.raw).join(' ')).join(', ');
    const result: RegionMatch = { candidates, matched, via };
    if (candidates.length === 1) result.stadtteil = candidates[0];
    if (postcode) result.postcode = postcode;
    if (unknownPostcode) result.unknownPostcode = true;
    return result;
  }

  if (postcode && postcodeCandidates) {
    const result: RegionMatch = { candidates: [...postcodeCandidates], postcode, matched: postcode, via: 'postcode' };
    if (postcodeCandidates.length === 1) result.stadtteil = postcodeCandidates[0];
    return result;
  }
  if (postcode) return { candidates: [], postcode, unknownPostcode: true, matched: postcode, via: 'postcode' };
  return { candidates: [] };
}

/** Display name of a Stadtteil id, or the id itself when unknown. */
export function stadtteilName(regions: RegionsFile, id: string): string {
  return regions.stadtteile.find((s) => s.id === id)?.name ?? id;
}

export function neighboursOf(regions: RegionsFile, id: string): string[] {
  return regions.stadtteile.find((s) => s.id === id)?.neighbours ?? [];
}

/** The city's names: the official one, then the aliases of municipality.json ("Mülheim"). */
export function cityNames(m: Pick<MunicipalityFile, 'name' | 'aliases'>): { name: string; short: string; all: string[] } {
  return { name: m.name, short: m.aliases[0] ?? m.name, all: [m.name, ...m.aliases] };
}

/** A Stadtteil name for example questions in the texts ("Tagespflege in Broich"): the first
 *  one-word name in the regions file, else the first name. */
export function examplePlace(regions: Pick<RegionsFile, 'stadtteile'>): string {
  return (regions.stadtteile.find((s) => /^\p{L}+$/u.test(s.name)) ?? regions.stadtteile[0]).name;
}

/** The place words the intent engine replaces by one token (bot/nlu/places.ts), all from the data
 *  pack: every name and alias of Stadtteile, Ortsteile, areas and Bezirke; names that are also
 *  everyday words (needsContext) only after a place cue; the postcodes; the city's own names. */
export function placeLexicon(regions: RegionsFile, m: Pick<MunicipalityFile, 'name' | 'aliases'>): PlaceLexicon {
  const plain = new Set<string>();
  const afterCue = new Set<string>();
  const add = (a: Alias) => {
    const p = aliasParts(a);
    (p.needsContext ? afterCue : plain).add(p.text);
  };
  for (const s of regions.stadtteile) {
    // the name counts as an alias unless an alias with the same text sets its own limits
    if (!s.aliases.some((a) => fold(aliasParts(a).text) === fold(s.name))) add(s.name);
    for (const a of [...s.aliases, ...s.ortsteile]) add(a);
  }
  for (const area of regions.areas) for (const a of area.aliases) add(a);
  for (const b of regions.bezirke) for (const a of [b.name, ...b.aliases]) add(a);
  for (const p of plain) afterCue.delete(p);
  return {
    places: [...plain],
    placesAfterCue: [...afterCue],
    cues: [...new Set([...regions.placeCues.de, ...regions.placeCues.en])],
    postcodes: regions.postcodes.map((p) => p.code),
    cityNames: cityNames(m).all,
  };
}
