// A small RFC 4180 reader for spreadsheet exports: UTF-8 with or without BOM, comma, semicolon
// or tab separated (detected from the header line), quoted fields with "" and line breaks.

export type Delimiter = ',' | ';' | '\t';

export interface CsvRecord {
  /** 1-based line on which the record starts (quoted line breaks make records span lines) */
  line: number;
  fields: string[];
}

export interface CsvError { line: number; message: string }

export interface CsvResult {
  delimiter: Delimiter;
  records: CsvRecord[];
  errors: CsvError[];
}

/** The delimiter that occurs most often outside quotes in the first line. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  // On a tie prefer ";": German exports use it because "," appears in the text itself.
  const best = ([';', ',', '\t'] as Delimiter[]).sort((a, b) => counts[b] - counts[a])[0];
  return counts[best] > 0 ? best : ',';
}

export function parseCsv(input: string, opts: { delimiter?: Delimiter } = {}): CsvResult {
  const text = input.replace(/^\uFEFF/, '');
  const delimiter = opts.delimiter ?? detectDelimiter(text);
  const records: CsvRecord[] = [];
  const errors: CsvError[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  let afterQuote = false;
  let fieldStarted = false;

  const endField = () => {
    fields.push(field);
    field = '';
    afterQuote = false;
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
  };

  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        afterQuote = true;
        i++;
        continue;
      }
      if (ch === '\n') line++;
      if (ch === '\r' && text[i + 1] !== '\n') line++;
      field += ch;
      i++;
      continue;
    }
    if (ch === delimiter) {
      endField();
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    if (ch === '"') {
      if (!fieldStarted) {
        quoted = true;
        fieldStarted = true;
        i++;
        continue;
      }
      errors.push({ line, message: 'a quote (") inside an unquoted field: put the whole field in quotes and double the inner quotes' });
      field += ch;
      i++;
      continue;
    }
    if (afterQuote) {
      errors.push({ line, message: `text after a closing quote: ${JSON.stringify(ch)}` });
      afterQuote = false;
    }
    field += ch;
    fieldStarted = true;
    i++;
  }
  if (quoted) errors.push({ line: recordLine, message: 'a quoted field is not closed before the end of the file' });
  if (field !== '' || fields.length || fieldStarted) endRecord();
  return { delimiter, records, errors };
}
