import { describe, expect, it } from 'vitest';
import { textProblem, textProblemMessages, textProblems } from './text.ts';

describe('text Muster can store', () => {
  it.each([
    ['plain text', 'José Núñez-O’Brien', null],
    ['a whole emoji (a surrogate pair)', 'ok 👍', null],
    ['tabs and line breaks', 'line one\r\nline two\tend', null],
    ['a lone high surrogate', 'Jo\uD83D', textProblemMessages.malformed],
    ['a lone low surrogate', '\uDC00x', textProblemMessages.malformed],
    ['a pair in the wrong order', '\uDC00\uD83D', textProblemMessages.malformed],
    ['a NUL', 'x\u0000y', textProblemMessages.control],
    ['an escape character', 'x\u001By', textProblemMessages.control],
    ['DEL', 'x\u007F', textProblemMessages.control],
  ])('%s', (_what, text, expected) => {
    expect(textProblem(text)).toBe(expected);
  });

  it('finds every bad string in an input, keys included, with its path', () => {
    const input = { firstName: 'ok', notes: ['fine', 'bad\u0000'], nested: { deep: '\uD800' }, ['k\u0000']: 1 };
    expect(textProblems(input)).toEqual([
      { path: ['notes', 1], message: textProblemMessages.control },
      { path: ['nested', 'deep'], message: textProblemMessages.malformed },
      { path: ['k\u0000'], message: `has a name that ${textProblemMessages.control}` },
    ]);
  });

  it('walks a deeply nested input without overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(textProblems(deep)).toHaveLength(1);
  });
});
