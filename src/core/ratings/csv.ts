/** A small RFC 4180 CSV reader that remembers on which line each record starts (for error messages). */

export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  fields: string[];
}

export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

/** Splits CSV text into records. Quoted fields may hold commas, quotes ("") and line breaks. */
export function readCsv(text: string): CsvResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let quotedFieldLine = 0;
  let fieldWasQuoted = false;

  const endRecord = (): void => {
    fields.push(field);
    // A line with nothing on it is not a record.
    if (!(fields.length === 1 && fields[0] === '' && !fieldWasQuoted)) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldWasQuoted = false;
  };

  for (let i = 0; i < source.length; i += 1) {
    const char = source[i];
    if (inQuotes) {
      if (char === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          inQuotes = false;
        }
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
      continue;
    }
    if (char === '"') {
      if (field !== '')
        return { ok: false, line, message: 'a quote inside an unquoted field (quote the whole field and double inner quotes)' };
      inQuotes = true;
      fieldWasQuoted = true;
      quotedFieldLine = line;
    } else if (char === ',') {
      fields.push(field);
      field = '';
      fieldWasQuoted = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      if (fieldWasQuoted) return { ok: false, line, message: 'text after a closing quote' };
      field += char;
    }
  }
  if (inQuotes) return { ok: false, line: quotedFieldLine, message: 'a quoted field is never closed' };
  if (field !== '' || fields.length > 0 || fieldWasQuoted) endRecord();
  return { ok: true, records };
}
