// Child process of crash.slow.ts: writes to a LowdbStorage as fast as it can from several
// "turns" at once and prints "ack <key> <n>" once a write has resolved (the turn is acknowledged).
// The TypeScript sources are loaded with the transpile-only hook of test/helpers/tsHook.js (no build needed).
'use strict';
require('../helpers/tsHook');

const { LowdbStorage } = require('../../bot/store/lowdbStorage.ts');

async function main() {
  const dir = process.argv[2];
  // small journals: many compactions happen while the writes go on
  const s = await LowdbStorage.open({ dir, retentionDays: 30, compactBytes: 64 * 1024, limits: { maxEntries: 1000000, maxBytes: 1024 * 1024 * 1024 } });
  process.stdout.write('ready\n');
  const writer = async (w) => {
    for (let n = 1; ; n++) {
      // a new key per write: every acknowledged turn is checked on its own
      const key = `crash/conversations/w${w}-${n}`;
      await s.write({ [key]: { n, memory: { place: 'Saarn', note: 'x'.repeat(200) } } });
      process.stdout.write(`ack ${key} ${n}\n`);
    }
  };
  for (let w = 0; w < 16; w++) void writer(w);
}
main().catch((err) => { process.stderr.write(String(err && err.stack || err)); process.exit(1); });
