import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';

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
