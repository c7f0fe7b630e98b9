import * as fs from 'fs';
import * as path from 'path';
import { z } from 'zod';
import { ContentError, lineOfPath, readJsonFile } from '../../bot/knowledge/jsonFile';
import { tempDir } from '../helpers/tmp';
import { BenefitsFileSchema, ConceptsFileSchema, CorpusSchema, SafetySchema } from '../../bot/knowledge/schema';
import { OffersFileSchema } from '../../bot/offers/schema';
import { NbaCatalogueSchema } from '../../bot/care/nbaSchema';

const text = '{\n  "a": 1,\n  "list": [\n    { "x": "one" },\n    {\n      "x": 2\n    }\n  ],\n  "b": { "c": [1, 2] }\n}\n';

test.each([
  [[], 1],
  [['a'], 2],
  [['list'], 3],
  [['list', 0], 4],
  [['list', 1], 5],
  [['list', 1, 'x'], 6],
  [['b', 'c'], 9],
])('lineOfPath %j → line %i', (p, line) => {
  expect(lineOfPath(text, p as PropertyKey[])).toBe(line);
});

function tmp(name: string, content: string): string {
  const f = path.join(tempDir('pn-'), name);
  fs.writeFileSync(f, content);
  return f;
}

test('a schema error names file, line and field', () => {
  const f = tmp('x.json', text);
  const schema = z.object({ list: z.array(z.object({ x: z.string() })) });
  expect(() => readJsonFile(f, schema)).toThrow(ContentError);
  try { readJsonFile(f, schema); } catch (e) { expect((e as Error).message).toMatch(new RegExp(`x\\.json:6: list\\.1\\.x: `)); }
});

test('a syntax error names file and line', () => {
  const f = tmp('bad.json', '{\n  "a": 1,\n  "b": ,\n}');
  try { readJsonFile(f, z.object({})); throw new Error('no error'); } catch (e) {
    expect(e).toBeInstanceOf(ContentError);
    expect((e as ContentError).line).toBe(3);
    expect((e as Error).message).toContain('bad.json:3');
  }
});

test('a missing file is reported, not crashed on', () => {
  expect(() => readJsonFile('/nonexistent/file.json', z.object({}))).toThrow(/file\.json: cannot be read \(ENOENT\)/);
});

test('a BOM is accepted', () => {
  const f = tmp('bom.json', '\uFEFF{"a": "x"}');
  expect(readJsonFile(f, z.object({ a: z.string() }))).toEqual({ a: 'x' });
});

// readJsonFile parses without zod's compiled fast path (a start-up saving): the data it returns for
// the real content files must be what the default (compiled) parse returns.
test.each<[string, z.ZodTypeAny]>([
  ['knowledge/safety.json', SafetySchema],
  ['knowledge/nlu/de.json', CorpusSchema],
  ['knowledge/federal/benefits.json', BenefitsFileSchema],
  ['knowledge/concepts.json', ConceptsFileSchema],
  ['knowledge/muelheim/offers.json', OffersFileSchema],
  ['knowledge/federal/nba.json', NbaCatalogueSchema],
])('%s reads the same as the compiled parse gives', (file, schema) => {
  const full = path.join(__dirname, '../..', file);
  const compiled = schema.parse(JSON.parse(fs.readFileSync(full, 'utf8'))) as unknown;
  expect(readJsonFile(full, schema)).toEqual(compiled);
});
