import { describe, expect, it } from 'vitest';
import { capitalise, countOf, plural } from './plural.ts';

describe('a count with its noun', () => {
  it.each([
    [0, 'case', undefined, '0 cases'],
    [1, 'case', undefined, '1 case'],
    [2, 'case', undefined, '2 cases'],
    [1, 'thing', undefined, '1 thing'],
    [1204, 'row', undefined, '1,204 rows'],
    [1, 'person', 'people', '1 person'],
    [3, 'person', 'people', '3 people'],
  ])('%i %s → %s', (n, one, many, text) => {
    expect(plural(n, one, many)).toBe(text);
  });
});

describe('countOf', () => {
  it('says the count, or "more than" past the server’s cap', () => {
    expect(countOf({ total: 1, isTotalCapped: false }, 'case')).toBe('1 case');
    expect(countOf({ total: 142, isTotalCapped: false }, 'case')).toBe('142 cases');
    expect(countOf({ total: 1000, isTotalCapped: true }, 'case')).toBe('more than 1,000 cases');
    expect(capitalise('more than 1,000 cases')).toBe('More than 1,000 cases');
  });
});
