// Reading content files so that a broken file fails with the file, the line and what is wrong —
// staff must be able to fix it without reading a stack trace.
import * as fs from 'fs';
import type { z } from 'zod';

export class ContentError extends Error {
  constructor(readonly file: string, readonly line: number | undefined, detail: string) {
    super(`${file}${line ? `:${line}` : ''}: ${detail}`);
    this.name = 'ContentError';
  }
}

function lineAt(text: string, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Line where the value at a JSON path starts (best effort; 1 when the path is empty). */
export function lineOfPath(text: string, jsonPath: ReadonlyArray<PropertyKey>): number {
  let pos = 0;
  const skipWs = () => { while (pos < text.length && /\s/.test(text[pos])) pos++; };
  const skipString = () => { pos++; while (pos < text.length && text[pos] !== '"') pos += text[pos] === '\\' ? 2 : 1; pos++; };
  const skipValue = (): void => {
    skipWs();
    const c = text[pos];
    if (c === '"') return skipString();
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      pos++;
      skipWs();
      if (text[pos] === close) { pos++; return; }
      for (;;) {
        skipWs();
        if (c === '{') { skipString(); skipWs(); pos++; }
        skipValue();
        skipWs();
        if (text[pos] === ',') { pos++; continue; }
        pos++;
        return;
      }
    }
    while (pos < text.length && !/[,\]}\s]/.test(text[pos])) pos++;
  };
  for (const key of jsonPath) {
    skipWs();
    const c = text[pos];
    if (c === '{') {
      pos++;
      let found = false;
      for (;;) {
        skipWs();
        if (text[pos] !== '"') break;
        const start = pos;
        skipString();
        const name = JSON.parse(text.slice(start, pos)) as string;
        skipWs();
        pos++; // colon
        skipWs();
        if (name === String(key)) { found = true; break; }
        skipValue();
        skipWs();
        if (text[pos] === ',') pos++;
        else break;
      }
      if (!found) break;
    } else if (c === '[') {
      pos++;
      const want = Number(key);
      let ok = true;
      for (let i = 0; i < want; i++) {
        skipValue();
        skipWs();
        if (text[pos] === ',') pos++;
        else { ok = false; break; }
      }
      skipWs();
      if (!ok) break;
    } else break;
  }
  return lineAt(text, pos);
}

/** Offset of the first syntax error in a JSON text (V8's message does not always carry one). */
/** A ContentError at the value a JSON path points to in a file that parsed (the line is left out
 *  if the file cannot be read again). For checks that run after the schema: cross-references. */
export function contentErrorAt(file: string, jsonPath: ReadonlyArray<PropertyKey>, detail: string): ContentError {
  let line: number | undefined;
  try {
    line = lineOfPath(fs.readFileSync(file, 'utf8'), jsonPath);
  } catch {
    line = undefined;
  }
  return new ContentError(file, line, detail);
}

export function jsonErrorOffset(text: string): number {
  let pos = 0;
  const fail = (): never => { throw pos; };
  const ws = () => { while (pos < text.length && ' \t\n\r'.includes(text[pos])) pos++; };
  const str = () => {
    if (text[pos] !== '"') fail();
    pos++;
    while (pos < text.length && text[pos] !== '"') {
      if (text.charCodeAt(pos) < 0x20) fail();
      pos += text[pos] === '\\' ? 2 : 1;
    }
    if (pos >= text.length) fail();
    pos++;
  };
  const value = (): void => {
    ws();
    const c = text[pos];
    if (c === '{') {
      pos++; ws();
      if (text[pos] === '}') { pos++; return; }
      for (;;) {
        ws(); str(); ws();
        if (text[pos] !== ':') fail();
        pos++; value(); ws();
        if (text[pos] === ',') { pos++; continue; }
        if (text[pos] === '}') { pos++; return; }
        fail();
      }
    } else if (c === '[') {
      pos++; ws();
      if (text[pos] === ']') { pos++; return; }
      for (;;) {
        value(); ws();
        if (text[pos] === ',') { pos++; continue; }
        if (text[pos] === ']') { pos++; return; }
        fail();
      }
    } else if (c === '"') str();
    else {
      const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(pos, pos + 64));
      if (!m) fail();
      pos += m![0].length;
    }
  };
  try {
    value(); ws();
    return pos < text.length ? pos : -1;
  } catch (at) {
    return typeof at === 'number' ? at : pos;
  }
}

export function parseJsonText(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const at = jsonErrorOffset(text);
    const line = lineAt(text, at >= 0 ? at : text.length);
    throw new ContentError(file, line, `not valid JSON (${(err as Error).message.split('\n')[0]})`);
  }
}

/** Reads and validates a JSON content file; throws ContentError naming file, line and field. */
export function readJsonFile<S extends z.ZodTypeAny>(file: string, schema: S): z.infer<S> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ContentError(file, undefined, `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const data = parseJsonText(file, text.replace(/^\uFEFF/, ''));
  // jitless: zod would compile a fast parser for each object schema at its first parse; a data file is
  // parsed once, at start, where that compile cost more than it saved (~100 ms, docs/turn-cost-2026-12.md)
  const result = schema.safeParse(data, { jitless: true });
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : '(top level)';
    const more = result.error.issues.length > 1 ? ` (+${result.error.issues.length - 1} more problems)` : '';
    throw new ContentError(file, lineOfPath(text, issue.path), `${where}: ${issue.message}${more}`);
  }
  return result.data;
}
