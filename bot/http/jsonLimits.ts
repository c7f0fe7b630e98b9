// A linear scan of JSON text that finds what JSON.parse would happily build but the bot must not
// hold: nesting deeper than `maxDepth` (a 5,000-deep object makes every later JSON.stringify of it
// throw "Maximum call stack size exceeded") and strings longer than `maxString`. It runs before
// JSON.parse, so the parser never sees such a body. Syntax errors are left to JSON.parse.

export interface JsonLimits {
  maxDepth: number;
  /** characters of one string (key or value) as written, escapes included */
  maxString: number;
}

export const DEFAULT_JSON_LIMITS: JsonLimits = { maxDepth: 32, maxString: 128 * 1024 };

/** Why the text breaks a limit, or undefined when it keeps them. One pass, O(length). */
export function jsonLimitBreach(text: string, limits: JsonLimits = DEFAULT_JSON_LIMITS): string | undefined {
  let depth = 0;
  let inString = false;
  let stringStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) {
        inString = false;
        if (i - stringStart > limits.maxString) return `a string longer than ${limits.maxString} characters`;
      }
      continue;
    }
    if (c === 0x22) {
      inString = true;
      stringStart = i + 1;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > limits.maxDepth) return `nesting deeper than ${limits.maxDepth} levels`;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  if (inString && text.length - stringStart > limits.maxString) return `a string longer than ${limits.maxString} characters`;
  return undefined;
}

/** The depth of a parsed value, stopping once it exceeds `max` (so it cannot recurse deeply itself). */
export function deeperThan(value: unknown, max: number): boolean {
  const stack: { v: unknown; d: number }[] = [{ v: value, d: 0 }];
  while (stack.length) {
    const { v, d } = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    if (d + 1 > max) return true;
    for (const x of Array.isArray(v) ? v : Object.values(v as Record<string, unknown>)) if (x && typeof x === 'object') stack.push({ v: x, d: d + 1 });
  }
  return false;
}

/** JSON.stringify that cannot throw (cycles, BigInt, depth): undefined when it would. */
export function safeStringify(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}
