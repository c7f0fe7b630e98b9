// A required-literal gate for the boundary-free prefilter (safety.ts, looseOf). Most messages hold
// no cue, yet the prefilter ran one /iu alternation per 20 patterns over every message. Each pattern's
// source is read once at start for the literal strings any match of it must contain (all of its
// required parts, each a set of alternatives); one pass over the text with an automaton of all those
// strings tells which patterns could match at all, and a regex chunk with none of them is skipped.
// The regexes still decide: the gate only skips chunks that provably cannot match, so decisions are
// the same for whatever patterns knowledge/safety.json holds. A pattern the reader does not fully
// understand gets no gate (its chunk always runs).
//
// Case: the regexes run with /iu. Only ASCII characters go into the literals, and the only non-ASCII
// characters that match an ASCII one under /iu are ſ (s) and the Kelvin sign (k); the scan maps
// them, and ASCII capitals, to the small letter (checked over all code points in the test).

/** One required part of a match: it contains at least one of these strings (lower-case ASCII). */
type Part = string[];

class Unsupported extends Error {}

const SYNTAX = new Set('^$\\.*+?()[]{}|/-'.split(''));
// escapes that stand for a class or a zero-width assertion: not a literal
const CLASS_ESCAPES = new Set('dDwWsSbB'.split(''));

/** The parts every match of a (u-flag) regex source must contain, or [] where nothing is known. */
export function requiredParts(source: string): Part[] {
  try {
    const r = new Reader(source);
    const parts = r.alternation(true);
    if (r.i !== source.length) return [];
    return parts.filter((p) => p.length > 0 && p.every((s) => s.length > 0));
  } catch (err) {
    if (err instanceof Unsupported) return [];
    throw err;
  }
}

class Reader {
  i = 0;
  constructor(private readonly s: string) {}

  private fail(): never {
    throw new Unsupported();
  }

  /** top: all required parts of a single branch; inside a group: its best part only */
  alternation(top: boolean): Part[] {
    const branches: Part[][] = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return top ? branches[0] : best(branches[0]);
    // a match takes one branch: the union of each branch's best part (a branch with none: nothing known)
    const union: string[] = [];
    for (const b of branches) {
      const p = best(b)[0];
      if (!p) return [];
      union.push(...p);
    }
    return [[...new Set(union)]];
  }

  private sequence(): Part[] {
    const parts: Part[] = [];
    let run = '';
    const flush = () => {
      if (run) parts.push([run]);
      run = '';
    };
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const atom = this.atom();
      const min = this.quantifier();
      if (atom.kind === 'char') {
        if (min === 0) flush();
        else {
          run += atom.char;
          // a repeat may follow: what comes after is no longer contiguous with the run
          if (min !== undefined) flush();
        }
      } else {
        flush();
        if (atom.kind === 'group' && min !== 0) parts.push(...best(atom.parts));
      }
    }
    flush();
    return parts;
  }

  /** min repeat of a quantifier at i (consumed), undefined when there is none */
  private quantifier(): number | undefined {
    const c = this.s[this.i];
    let min: number | undefined;
    if (c === '?' || c === '*') { min = 0; this.i++; } else if (c === '+') { min = 1; this.i++; } else if (c === '{') {
      const m = /^\{(\d+)(,\d*)?\}/.exec(this.s.slice(this.i));
      if (!m) this.fail();
      min = Number(m[1]);
      this.i += m[0].length;
    }
    if (min !== undefined && this.s[this.i] === '?') this.i++;
    return min;
  }

  private atom(): { kind: 'char'; char: string } | { kind: 'group'; parts: Part[] } | { kind: 'other' } {
    const c = this.s[this.i];
    if (c === '(') {
      this.i++;
      let look = false;
      if (this.s[this.i] === '?') {
        const rest = this.s.slice(this.i, this.i + 3);
        if (rest.startsWith('?:')) this.i += 2;
        else if (rest.startsWith('?=') || rest.startsWith('?!')) { this.i += 2; look = true; } else if (rest === '?<=' || rest === '?<!') { this.i += 3; look = true; } else {
          const m = /^\?<[A-Za-z_$][\w$]*>/.exec(this.s.slice(this.i));
          if (!m) this.fail();
          this.i += m[0].length;
        }
      }
      const parts = this.alternation(false);
      if (this.s[this.i] !== ')') this.fail();
      this.i++;
      // a lookaround consumes nothing of the match: it requires nothing here
      return look ? { kind: 'other' } : { kind: 'group', parts };
    }
    if (c === '[') {
      this.i++;
      if (this.s[this.i] === '^') this.i++;
      if (this.s[this.i] === ']') this.i++;
      while (this.i < this.s.length && this.s[this.i] !== ']') this.i += this.s[this.i] === '\\' ? 2 : 1;
      if (this.s[this.i] !== ']') this.fail();
      this.i++;
      return { kind: 'other' };
    }
    if (c === '\\') {
      const e = this.s[this.i + 1];
      if (e === undefined) this.fail();
      this.i += 2;
      if (CLASS_ESCAPES.has(e)) return { kind: 'other' };
      if (e === 'p' || e === 'P') {
        const m = /^\{[^}]*\}/.exec(this.s.slice(this.i));
        if (!m) this.fail();
        this.i += m[0].length;
        return { kind: 'other' };
      }
      if (SYNTAX.has(e)) return literal(e);
      // \n, \t, \x.., \u...., \c., \0, \k<..>, back-references: not read
      this.fail();
    }
    if (c === '.' || c === '^' || c === '$') {
      this.i++;
      return { kind: 'other' };
    }
    if (c === '*' || c === '+' || c === '?' || c === '{' || c === '}' || c === ']') this.fail();
    const cp = this.s.codePointAt(this.i)!;
    const ch = String.fromCodePoint(cp);
    this.i += ch.length;
    return literal(ch);
  }
}

/** a literal character, if it may go into a literal (printable ASCII) */
function literal(ch: string): { kind: 'char'; char: string } | { kind: 'other' } {
  const code = ch.charCodeAt(0);
  return ch.length === 1 && code >= 0x20 && code < 0x7f ? { kind: 'char', char: ch.toLowerCase() } : { kind: 'other' };
}

/** The most selective part: the longest shortest alternative, then the fewest alternatives. */
function best(parts: Part[]): Part[] {
  let top: Part | undefined;
  let topScore = -1;
  for (const p of parts) {
    const score = Math.min(...p.map((s) => s.length)) * 1000 - p.length;
    if (score > topScore) { top = p; topScore = score; }
  }
  return top ? [top] : [];
}

/** the scan's view of a text character: ASCII lower case; ſ and K as s and k; other non-ASCII: none */
function fold(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code + 32;
  if (code === 0x17f) return 0x73;
  if (code === 0x212a) return 0x6b;
  return code < 0x80 ? code : -1;
}

/**
 * Which of a list of patterns can match a text, from the literals they require: `scan(text)` lists
 * the candidates (patterns whose most selective part occurs, and those without a gate); `may(i)`
 * then checks a candidate's other parts.
 */
export class LiteralGate {
  /** per pattern: its parts as lists of literal ids, the most selective first; empty = always possible */
  private readonly parts: number[][][];
  private readonly delta: Int32Array;
  /** the automaton's alphabet: each ASCII character that occurs in a literal has a column; any
   *  other character (column 0) leads back to the start (keeps the table small: ~1 MB, not 4.5) */
  private readonly column: Uint8Array;
  private readonly width: number;
  /** per automaton state: where its literal ids (also through the failure links) start in outIds */
  private readonly outAt: Int32Array;
  private readonly outIds: Int32Array;
  /** per literal: the patterns whose first part holds it */
  private readonly firstOf: number[][];
  private readonly seen: Uint8Array;
  private readonly ungatedList: number[];
  /** the candidates of the last scan */
  readonly candidates: number[] = [];
  /** patterns the reader did not understand or without any literal */
  get ungated(): number {
    return this.ungatedList.length;
  }

  /** Built from the sources, or taken from `tables` (gateCache.ts: the same sources' earlier build). */
  constructor(sources: readonly string[], tables?: GateTables) {
    const t = tables ?? buildTables(sources);
    this.parts = t.parts;
    this.column = t.column;
    this.width = t.width;
    this.delta = t.delta;
    this.outAt = t.outAt;
    this.outIds = t.outIds;
    this.ungatedList = this.parts.flatMap((p, i) => (p.length ? [] : [i]));
    this.seen = new Uint8Array(t.literals);
    this.firstOf = Array.from({ length: t.literals }, () => []);
    this.parts.forEach((p, i) => { for (const lit of p[0] ?? []) this.firstOf[lit].push(i); });
  }

  /** what the constructor built (for the start-up cache) */
  get tables(): GateTables {
    return { literals: this.seen.length, parts: this.parts, column: this.column, width: this.width, delta: this.delta, outAt: this.outAt, outIds: this.outIds };
  }

  /** Reads `text` and fills `candidates`. */
  scan(text: string): number[] {
    const { delta, outAt, outIds, seen, width, column, candidates } = this;
    seen.fill(0);
    candidates.length = 0;
    for (const i of this.ungatedList) candidates.push(i);
    let st = 0;
    for (let k = 0; k < text.length; k++) {
      const c = fold(text.charCodeAt(k));
      if (c < 0) { st = 0; continue; }
      st = delta[st * width + column[c]];
      for (let j = outAt[st], end = outAt[st + 1]; j < end; j++) {
        const lit = outIds[j];
        if (seen[lit]) continue;
        seen[lit] = 1;
        for (const i of this.firstOf[lit]) candidates.push(i);
      }
    }
    return candidates;
  }

  /** false only when a literal that pattern i requires is missing from the last scanned text */
  may(i: number): boolean {
    const parts = this.parts[i];
    for (const alts of parts) {
      let any = false;
      for (const a of alts) if (this.seen[a] === 1) { any = true; break; }
      if (!any) return false;
    }
    return true;
  }
}

/** the most selective part first (see best) */
function orderParts(parts: Part[]): Part[] {
  const top = best(parts)[0];
  return top ? [top, ...parts.filter((p) => p !== top)] : parts;
}

/** The built form of a gate: everything the scan reads. */
export interface GateTables {
  /** how many distinct literals (ids 0..literals-1) */
  literals: number;
  parts: number[][][];
  column: Uint8Array;
  width: number;
  delta: Int32Array;
  outAt: Int32Array;
  outIds: Int32Array;
}

/** Reads the sources' required literals and builds the automaton over all of them. */
function buildTables(sources: readonly string[]): GateTables {
  const ids = new Map<string, number>();
  const id = (s: string) => {
    let v = ids.get(s);
    if (v === undefined) ids.set(s, (v = ids.size));
    return v;
  };
  const parts = sources.map((src) => orderParts(requiredParts(src)).map((p) => p.map(id)));
  const column = new Uint8Array(128);
  // Aho-Corasick: a trie of all literals, then failure links folded into a full transition table
  const next: Map<number, number>[] = [new Map()];
  const ends: number[][] = [[]];
  for (const [lit, litId] of ids) {
    let st = 0;
    for (let k = 0; k < lit.length; k++) {
      const c = lit.charCodeAt(k);
      let to = next[st].get(c);
      if (to === undefined) {
        to = next.length;
        next.push(new Map());
        ends.push([]);
        next[st].set(c, to);
      }
      st = to;
    }
    ends[st].push(litId);
  }
  const n = next.length;
  for (const lit of ids.keys()) for (let k = 0; k < lit.length; k++) column[lit.charCodeAt(k)] ||= 1;
  let width = 1;
  for (let c = 0; c < 128; c++) if (column[c]) column[c] = width++;
  const w = width;
  const delta = new Int32Array(n * w);
  const failure = new Int32Array(n);
  const queue: number[] = [];
  // the trie's edges by column (column 0 has none)
  const edge = (st: number, col: number): number | undefined => (col ? next[st].get(codeOf[col]) : undefined);
  const codeOf = new Int32Array(w);
  for (let c = 0; c < 128; c++) if (column[c]) codeOf[column[c]] = c;
  for (let c = 0; c < w; c++) {
    const to = edge(0, c);
    delta[c] = to ?? 0;
    if (to !== undefined) queue.push(to);
  }
  for (let q = 0; q < queue.length; q++) {
    const st = queue[q];
    if (st && ends[failure[st]].length) ends[st] = [...new Set([...ends[st], ...ends[failure[st]]])];
    for (let c = 0; c < w; c++) {
      const to = edge(st, c);
      if (to === undefined) delta[st * w + c] = delta[failure[st] * w + c];
      else {
        failure[to] = st ? delta[failure[st] * w + c] : 0;
        delta[st * w + c] = to;
        queue.push(to);
      }
    }
  }
  const outAt = new Int32Array(n + 1);
  for (let st = 0; st < n; st++) outAt[st + 1] = outAt[st] + ends[st].length;
  return { literals: ids.size, parts, column, width, delta, outAt, outIds: Int32Array.from(ends.flat()) };
}
