import { describe, expect, it } from 'vitest';
import { plural } from './plural.ts';

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
