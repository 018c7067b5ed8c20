/**
 * CSV (RFC 4180): fields separated by commas, optionally quoted with ", "" for a quote inside a
 * quoted field, CRLF, LF or CR line ends, a leading byte-order mark ignored, blank lines skipped.
 *
 * Linear in time and memory: fields are slices of the text (one allocation a field, none a
 * character), and the limits stop the reader as soon as they are passed.
 */

export type CsvRow = { line: number; fields: string[] };

export type CsvLimits = {
  /** Rows (the header included) the reader builds; past this it only counts the rest, then refuses. */
  maxRows?: number;
  /** Characters in one field. */
  maxFieldChars?: number;
};

/** Why a text could not be read as CSV, as data: the caller words it for its reader. */
export type CsvProblem =
  | { code: 'unclosed_quote'; line: number }
  | { code: 'too_many_rows'; rows: number; maxRows: number }
  /** `field` is the field's position in its row, from 0. */
  | { code: 'field_too_long'; line: number; field: number; maxFieldChars: number };

export class CsvError extends Error {
  readonly problem: CsvProblem;
  constructor(problem: CsvProblem) {
    super(csvProblemMessage(problem));
    this.name = 'CsvError';
    this.problem = problem;
  }
}

function csvProblemMessage(p: CsvProblem): string {
  switch (p.code) {
    case 'unclosed_quote':
      return `A quoted field that starts on line ${p.line} is never closed.`;
    case 'too_many_rows':
      return `The text has ${p.rows} rows; at most ${p.maxRows} are read.`;
    case 'field_too_long':
      return `Field ${p.field + 1} on line ${p.line} is over ${p.maxFieldChars} characters.`;
  }
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/** The rows of `text`, one at a time. Throws CsvError when the text is not CSV or passes a limit. */
export function* readCsv(text: string, limits: CsvLimits = {}): Generator<CsvRow, void, undefined> {
  const maxRows = limits.maxRows ?? Infinity;
  const maxField = limits.maxFieldChars ?? Infinity;
  const s = text;
  const n = s.length;
  let i = s.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let rowCount = 0;

  const tooLong = (field: number) => new CsvError({ code: 'field_too_long', line, field, maxFieldChars: maxField });
  /** Moves `i` to the next comma or line end (or the end); returns where it started. */
  const scanUnquoted = (fieldIndex: number, already: number): number => {
    const start = i;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === COMMA || c === LF || c === CR) break;
      i++;
      if (already + i - start > maxField) throw tooLong(fieldIndex);
    }
    return start;
  };

  while (i < n) {
    const rowLine = line;
    const fields: string[] = [];
    let wasQuoted = false;
    for (;;) {
      let value: string;
      if (s.charCodeAt(i) === QUOTE) {
        wasQuoted = true;
        i++;
        let parts: string[] | null = null;
        let segment = i;
        let length = 0;
        for (;;) {
          const q = s.indexOf('"', i);
          const end = q === -1 ? n : q;
          for (let k = i; k < end; k++) if (s.charCodeAt(k) === LF) line++;
          length += end - i;
          if (length > maxField) throw tooLong(fields.length);
          if (q === -1) throw new CsvError({ code: 'unclosed_quote', line: rowLine });
          if (s.charCodeAt(q + 1) === QUOTE) {
            (parts ??= []).push(s.slice(segment, q + 1));
            i = q + 2;
            segment = i;
            length++;
            continue;
          }
          value = parts ? parts.join('') + s.slice(segment, q) : s.slice(segment, q);
          i = q + 1;
          break;
        }
        // Anything between the closing quote and the next comma belongs to the field, as written.
        const start = scanUnquoted(fields.length, length);
        if (i > start) value += s.slice(start, i);
      } else {
        const start = scanUnquoted(fields.length, 0);
        value = s.slice(start, i);
      }
      fields.push(value);
      const c = i < n ? s.charCodeAt(i) : -1;
      if (c === COMMA) {
        i++;
        continue;
      }
      if (c === CR) {
        i++;
        if (s.charCodeAt(i) === LF) i++;
        line++;
      } else if (c === LF) {
        i++;
        line++;
      }
      break;
    }
    if (fields.length === 1 && fields[0] === '' && !wasQuoted) continue;
    rowCount++;
    if (rowCount > maxRows) {
      throw new CsvError({ code: 'too_many_rows', rows: rowCount + countRows(s, i), maxRows });
    }
    yield { line: rowLine, fields };
  }
}

/** Every row of `text` at once (see readCsv). */
export function parseCsv(text: string, limits: CsvLimits = {}): CsvRow[] {
  return [...readCsv(text, limits)];
}

/**
 * How many rows (blank lines not counted) `text` has from `from` on, without building any: a file
 * can be refused for its size before a single row of it is read.
 */
export function countRows(text: string, from = text.charCodeAt(0) === 0xfeff ? 1 : 0): number {
  const s = text;
  const n = s.length;
  let rows = 0;
  let hasContent = false;
  let atFieldStart = true;
  let inQuotes = false;
  for (let i = from; i < n; i++) {
    const c = s.charCodeAt(i);
    if (inQuotes) {
      if (c === QUOTE) {
        if (s.charCodeAt(i + 1) === QUOTE) i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === LF || c === CR) {
      if (c === CR && s.charCodeAt(i + 1) === LF) i++;
      if (hasContent) rows++;
      hasContent = false;
      atFieldStart = true;
    } else {
      hasContent = true;
      if (c === QUOTE && atFieldStart) inQuotes = true;
      atFieldStart = c === COMMA;
    }
  }
  return hasContent ? rows + 1 : rows;
}
