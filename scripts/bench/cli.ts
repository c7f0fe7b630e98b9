// Shared by the two benchmarks (benchTurn.ts, benchNlu.ts): reading options and writing figures.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The value after `name` on the command line ("--json out.json" → "out.json"). */
export function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** Figures as flat dotted keys ("turn.rps") and the same numbers nested, so either reading works. */
export function writeFigures(file: string, flat: Record<string, number | string | boolean | null>): void {
  const nested: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split('.');
    let node = nested;
    for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]] = value;
  }
  fs.writeFileSync(path.resolve(file), `${JSON.stringify({ ...nested, ...flat }, null, 2)}\n`);
}
