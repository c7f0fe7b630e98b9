// The profile summary leaves startup out and adds self time up by package and by function.
import * as fs from 'fs';
import * as path from 'path';
import { profileFile, summarise } from '../../scripts/bench/profileSummary';
import { tempDir } from '../helpers/tmp';

const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });

test('startup samples are left out; the rest is grouped by package and project file', () => {
  const profile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', ''), children: [2, 4] },
      { id: 2, callFrame: frame('executeUserEntryPoint', 'node:internal/modules/run_main'), children: [3] },
      { id: 3, callFrame: frame('parse', '/x/node_modules/node-nlp/src/a.js') },
      { id: 4, callFrame: frame('route', 'file:///w/dist/dialogs/mainDialog.js'), children: [5] },
      { id: 5, callFrame: frame('step', '/w/node_modules/@scope/pkg/lib/b.js') },
    ],
    samples: [3, 3, 4, 5, 5, 5],
    timeDeltas: [9000, 9000, 1000, 2000, 2000, 2000],
  };
  const text = summarise(profile, 10);
  expect(text).toMatch(/load window \(startup left out\): 7 ms/);
  expect(text).toMatch(/6 ms\s+85\.7 %\s+nm\/@scope\/pkg\n/);
  expect(text).toMatch(/1 ms\s+14\.3 %\s+dialogs\/mainDialog\.js/);
  expect(text).not.toMatch(/node-nlp/);
});

test('a folder stands for its newest profile; a folder without one is an error', () => {
  const dir = tempDir('pn-prof-');
  const older = path.join(dir, 'CPU.1.cpuprofile');
  const newer = path.join(dir, 'CPU.2.cpuprofile');
  fs.writeFileSync(older, '{}');
  fs.writeFileSync(newer, '{}');
  fs.utimesSync(older, new Date(2026, 0, 1), new Date(2026, 0, 1));
  fs.writeFileSync(path.join(dir, 'notes.txt'), '');
  expect(profileFile(dir)).toBe(newer);
  expect(profileFile(older)).toBe(older);
  const empty = tempDir('pn-prof-');
  expect(() => profileFile(empty)).toThrow(/no \.cpuprofile file/);
});
