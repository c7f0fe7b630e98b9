// Place words in front of the classifiers. Every place becomes one token, so "Tagespflege in Saarn"
// teaches "Tagespflege in Styrum", and the city's own name is dropped (every question is about it).
// The words come from the municipality's data pack (placeLexicon in bot/offers/regions.ts), never
// from code: another city brings its own. Training utterances write %place% and %city% instead of
// real names, so the shared corpus fits every city.
import { TOKENS } from './tokens';

/** The place words of one municipality, as written in its data pack. */
export interface PlaceLexicon {
  /** names and aliases of Stadtteile, Ortsteile and named areas ("Saarn", "Innenstadt") */
  places: string[];
  /** names that are also ordinary words ("Heißen" = to be called): places only after a cue word */
  placesAfterCue: string[];
  /** words that mark the next word as a place ("in", "aus", "near") */
  cues: string[];
  postcodes: string[];
  /** the municipality's own names ("Mülheim an der Ruhr", "Mülheim") */
  cityNames: string[];
}

/** A lexicon turned into patterns once; replacePlaces applies them to folded text. */
export interface PlacePatterns {
  place?: RegExp;
  city?: RegExp;
}

const MARKERS = { place: /%place%/g, city: /%city%/g };
const NOT_LETTER_BEFORE = '(?<![\\p{L}\\d])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\d])';

/** `s` as a literal inside a regular expression. '-' stays as it is: outside a character class it
 *  is literal, and the u flag forbids escaping it. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Alternatives, longest first ("menden holthausen" before "menden"), spaces matching any run of them. */
function alternatives(words: string[]): string {
  return [...new Set(words.filter(Boolean))].sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map((w) => escapeRegExp(w).replace(/\s+/g, '\\s+')).join('|');
}

/** `fold` must be the fold the text gets (foldText), so that names and messages meet. */
export function compilePlaces(lex: PlaceLexicon, fold: (s: string) => string): PlacePatterns {
  const f = (list: string[]) => list.map((s) => fold(s).trim());
  const parts: string[] = [];
  if (lex.places.length) parts.push(`${NOT_LETTER_BEFORE}(?:${alternatives(f(lex.places))})${NOT_LETTER_AFTER}`);
  if (lex.placesAfterCue.length && lex.cues.length) {
    // the word first, the look back for its cue only where the word matched: a look-behind tried
    // at every position would rescan runs of spaces (quadratic in a long message)
    const words = alternatives(f(lex.placesAfterCue));
    parts.push(`${NOT_LETTER_BEFORE}(?:${words})(?<=${NOT_LETTER_BEFORE}(?:${alternatives(f(lex.cues))})\\s+(?:${words}))${NOT_LETTER_AFTER}`);
  }
  if (lex.postcodes.length) parts.push(`(?<!\\d)(?:${alternatives(lex.postcodes)})(?!\\d)`);
  return {
    place: parts.length ? new RegExp(parts.join('|'), 'gu') : undefined,
    city: lex.cityNames.length ? new RegExp(`${NOT_LETTER_BEFORE}(?:${alternatives(f(lex.cityNames))})${NOT_LETTER_AFTER}`, 'gu') : undefined,
  };
}

/** Folded text with the corpus markers and the lexicon's places replaced by the place token and
 *  the city's names removed. Without patterns only the markers are replaced. */
export function replacePlaces(folded: string, patterns: PlacePatterns = {}): string {
  let out = folded.replace(MARKERS.city, ' ');
  if (patterns.city) out = out.replace(patterns.city, ' ');
  out = out.replace(MARKERS.place, ` ${TOKENS.place} `);
  return patterns.place ? out.replace(patterns.place, ` ${TOKENS.place} `) : out;
}
