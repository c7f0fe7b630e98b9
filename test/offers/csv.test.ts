import { detectDelimiter, parseCsv } from '../../bot/offers/csv';

describe('parseCsv (RFC 4180)', () => {
  test.each([
    ['a;b\n1;2\n', ';', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['a,b\r\n1,2\r\n', ',', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['a\tb\n1\t2', '\t', [[1, ['a', 'b']], [2, ['1', '2']]]],
    ['\uFEFFa,b\n1,2', ',', [[1, ['a', 'b']], [2, ['1', '2']]]], // BOM
    ['a;b\n"x;y";"say ""hi"""\n', ';', [[1, ['a', 'b']], [2, ['x;y', 'say "hi"']]]],
    ['a,b\n"line 1\nline 2",z\nnext,row\n', ',', [[1, ['a', 'b']], [2, ['line 1\nline 2', 'z']], [4, ['next', 'row']]]],
    ['a,b\n\n1,2\n\n', ',', [[1, ['a', 'b']], [3, ['1', '2']]]], // blank lines skipped, lines still counted
    ['a,b\n,\n', ',', [[1, ['a', 'b']], [2, ['', '']]]],
    ['a,b\n"",x', ',', [[1, ['a', 'b']], [2, ['', 'x']]]],
    ['a;b,c\n1;2,3', ';', [[1, ['a', 'b,c']], [2, ['1', '2,3']]]],
  ] as const)('%j', (text, delimiter, expected) => {
    const r = parseCsv(text);
    expect(r.errors).toEqual([]);
    expect(r.delimiter).toBe(delimiter);
    expect(r.records.map((x) => [x.line, x.fields])).toEqual(expected);
  });

  test.each([
    ['a,b\n"open,2\n', 'not closed', 2],
    ['a,b\nx"y,2\n', 'quote', 2],
    ['a,b\n"x"y,2\n', 'after a closing quote', 2],
  ])('error: %j', (text, message, line) => {
    const r = parseCsv(text);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].message).toContain(message);
    expect(r.errors[0].line).toBe(line);
  });

  test('delimiter detection ignores separators inside quotes', () => {
    expect(detectDelimiter('"a,b,c";d;e\n')).toBe(';');
    expect(detectDelimiter('single\n')).toBe(',');
  });
});
