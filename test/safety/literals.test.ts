// The required-literal gate of the safety prefilter (bot/safety/literals.ts) may only skip what
// cannot match: checked on every pattern of knowledge/safety.json against the own corpus and
// generated texts, plus the reader's table and its case-folding premise.
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { LiteralGate, requiredParts } from '../../bot/safety/literals';
import { foldUmlauts, looseOf, normaliseForSafety } from '../../bot/safety/safety';
import { loadSafety } from '../../bot/safety/load';

const loose = (p: string) => foldUmlauts(p).replace(/\\b/g, '');

test.each([
  ['schluss zu machen', [['schluss zu machen']]],
  ['(hangt|hange|hang) (sich|mich)(?: [\\p{L}]{1,12}){0,2} auf', [['hangt', 'hange', 'hang'], [' '], ['sich', 'mich'], [' auf']]],
  ['(suizid|selbstmord)', [['suizid', 'selbstmord']]],
  ['mach(e)? mich weg', [['mach'], [' mich weg']]],
  ['ab+c', [['ab'], ['c']]],
  ['Not Breathing', [['not breathing']]],
  ['a|b[xy]', [['a', 'b']]],
  ['a|[xy]', []],
  ['(?:a|)bc', [['bc']]],
  ['x(?=yz)w', [['x'], ['w']]],
  ['sterben\\.', [['sterben.']]],
  ['stirbt\\s+gleich', [['stirbt'], ['gleich']]],
  ['caf\u00e9 au', [['caf'], [' au']]],
  ['\\u0041bc', []],
  ['(?<name>ab)c', [['ab'], ['c']]],
])('requiredParts(%s)', (src, parts) => {
  expect(requiredParts(src)).toEqual(parts);
});

test('only ſ and the Kelvin sign match a printable ASCII character under /iu (the premise of the scan)', () => {
  const re = /[\x20-\x7e]/iu;
  const found: number[] = [];
  for (let cp = 0x80; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    if (re.test(String.fromCodePoint(cp))) found.push(cp);
  }
  expect(found).toEqual([0x17f, 0x212a]);
});

const data = loadSafety(path.join(__dirname, '../../knowledge/safety.json'));
const both = (x: { de: string[]; en: string[] } | undefined) => [...(x?.de ?? []), ...(x?.en ?? [])];
const patterns = [
  ...data.categories.flatMap((c) => [...both(c.patterns), ...both(c.possible), ...both(c.exclude)]),
  ...data.cues.flatMap((c) => both(c)),
  ...data.feelings.flatMap((f) => both(f)),
  ...both(data.social.care),
];
const regexes = patterns.map((p) => new RegExp(loose(p), 'iu'));
const gate = new LiteralGate(patterns.map(loose));
const corpus = fs.readFileSync(path.join(__dirname, 'corpus.jsonl'), 'utf8').split('\n').filter(Boolean)
  .map((l) => (JSON.parse(l) as { text: string }).text);

/** the patterns the gate rules out although their regex matches (must be none) */
function wronglySkipped(text: string): string[] {
  gate.scan(text);
  return patterns.filter((p, i) => !gate.may(i) && regexes[i].test(text));
}

test('every pattern of safety.json: the gate never rules out a match (own corpus, raw and normalised)', () => {
  let skipped = 0;
  for (const t of corpus) {
    for (const text of [t, normaliseForSafety(t), t.toUpperCase()]) {
      expect(wronglySkipped(text)).toEqual([]);
      gate.scan(text);
      skipped += patterns.filter((_, i) => !gate.may(i)).length;
    }
  }
  // and it does rule out most patterns (else it is no gate)
  expect(skipped / (corpus.length * 3 * patterns.length)).toBeGreaterThan(0.8);
  expect(gate.ungated).toBeLessThan(patterns.length / 10);
});

test('generated texts from the patterns\' own words, in any case and with ſ and K: never wrongly ruled out', () => {
  const words = [...new Set(patterns.flatMap((p) => loose(p).split(/[^a-z]+/i)).filter((w) => w.length > 1))];
  const piece = fc.oneof(
    fc.constantFrom(...words),
    fc.constantFrom(' ', ', ', '.', 'ſ', '\u212a', 'ä', '😀', 'zu ', 'nicht ', 'mehr ', 'mich ', 'sich '),
  );
  fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), fc.boolean(), (parts, upper) => {
    const text = upper ? parts.join(' ').toUpperCase() : parts.join(' ');
    expect(wronglySkipped(text)).toEqual([]);
  }), { numRuns: 1000, seed: 17 });
});

test('looseOf answers as the plain chunked alternation does', () => {
  const set = looseOf(patterns)!;
  const plain = (text: string) => regexes.some((r) => r.test(text));
  for (const t of [...corpus, 'Wie beantrage ich einen Pflegegrad?', '', 'ſuizid', 'SUIZID']) {
    expect(set.test(t)).toBe(plain(t));
    expect(set.test(normaliseForSafety(t))).toBe(plain(normaliseForSafety(t)));
  }
});
