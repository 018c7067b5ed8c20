/**
 * Parses CSV text (RFC 4180): fields separated by commas, optionally quoted with ", "" for a quote
 * inside a quoted field, CRLF or LF line ends, a leading byte-order mark ignored. Returns rows of
 * fields, each with the line it starts on (1-based), skipping blank lines.
 */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const rows: { line: number; fields: string[] }[] = [];
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let field = '';
  let fields: string[] = [];
  let line = 1;
  let rowLine = 1;
  let inQuotes = false;
  let wasQuoted = false;
  const endRow = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '' || wasQuoted) rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
    wasQuoted = false;
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && field === '') {
      inQuotes = true;
      wasQuoted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else field += ch;
  }
  if (inQuotes) throw new Error(`A quoted field that starts on line ${rowLine} is never closed.`);
  if (field !== '' || fields.length) endRow();
  return rows;
}
