import { describe, expect, it } from 'vitest';
import { countRows, parseCsv, readCsv } from './csv.ts';

describe('parseCsv', () => {
  it.each([
    [
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a,b\r\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['\ufeffa,b\n', [['a', 'b']]],
    ['a,"b,c"\n', [['a', 'b,c']]],
    ['"say ""hi""",x\n', [['say "hi"', 'x']]],
    ['a,,c\n', [['a', '', 'c']]],
    ['a\n\n\nb\n', [['a'], ['b']]],
    ['"",x\n', [['', 'x']]],
  ])('%j', (text, expected) => {
    expect(parseCsv(text).map((r) => r.fields)).toEqual(expected);
  });

  it('keeps line breaks inside quotes and reports each row’s starting line', () => {
    const rows = parseCsv('h1,h2\n"two\nlines",x\nlast,y\n');
    expect(rows).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, fields: ['two\nlines', 'x'] },
      { line: 4, fields: ['last', 'y'] },
    ]);
  });

  it('refuses an unclosed quote, naming the line', () => {
    expect(() => parseCsv('a,b\n"open,x\n')).toThrow('A quoted field that starts on line 2 is never closed.');
  });
});

describe('parseCsv at scale and at its limits', () => {
  it.each([
    ['a,b', [['a', 'b']]],
    ['a,', [['a', '']]],
    ['a\rb\r', [['a'], ['b']]],
    ['"x"tail,y', [['xtail', 'y']]],
    ['ab"c,d', [['ab"c', 'd']]],
    ['"a""b""",c', [['a"b"', 'c']]],
  ])('%j', (text, expected) => {
    expect(parseCsv(text).map((r) => r.fields)).toEqual(expected);
  });

  it('reads a 5 MB field in linear time (slices, not a string built a character at a time)', () => {
    const big = 'x'.repeat(5_000_000);
    const t = performance.now();
    const rows = parseCsv(`a,b\n${big},"${big}"\n`);
    expect(rows[1]!.fields.map((f) => f.length)).toEqual([5_000_000, 5_000_000]);
    // Character-by-character concatenation takes seconds here; slicing takes milliseconds.
    expect(performance.now() - t).toBeLessThan(1_000);
  });

  it('stops at a field past the limit, naming its line and position, whether quoted or not', () => {
    const long = 'y'.repeat(11);
    for (const text of [`a,b\n1,${long}\n`, `a,b\n1,"${long}"\n`, `a,b\n1,"y${'""'.repeat(10)}"\n`]) {
      expect(() => parseCsv(text, { maxFieldChars: 10 })).toThrow(
        expect.objectContaining({ problem: { code: 'field_too_long', line: 2, field: 1, maxFieldChars: 10 } }),
      );
    }
    expect(parseCsv(`a,b\n1,${'y'.repeat(10)}\n`, { maxFieldChars: 10 })).toHaveLength(2);
  });

  it('an unclosed quote running to the end of a big file is refused as a field too long, not read to the end', () => {
    expect(() => parseCsv(`a,b\n1,"${'z'.repeat(100)}`, { maxFieldChars: 50 })).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ code: 'field_too_long', line: 2 }) }),
    );
  });

  it('past maxRows it builds no more rows, counts the rest and refuses with the total', () => {
    const text = `h\n${Array.from({ length: 50 }, (_, i) => `r${i}`).join('\n')}\n\n"quoted\nline"\n`;
    const seen: number[] = [];
    const read = () => {
      for (const row of readCsv(text, { maxRows: 11 })) seen.push(row.line);
    };
    expect(read).toThrow(expect.objectContaining({ problem: { code: 'too_many_rows', rows: 52, maxRows: 11 } }));
    expect(seen).toHaveLength(11);
  });

  it.each([
    ['', 0],
    ['a', 1],
    ['a\n', 1],
    ['a\r\nb\r\n\r\n', 2],
    ['a,b\n"1\n2",3\n\n\nx', 3],
    ['"""a""\n",b\nc', 2],
    ['\ufeffa\nb', 2],
    ['a"b\nc', 2],
  ])('countRows(%j) = %i, as many as parseCsv reads', (text, rows) => {
    expect(countRows(text)).toBe(rows);
    expect(parseCsv(text)).toHaveLength(rows);
  });
});
