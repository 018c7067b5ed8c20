import { describe, expect, it } from 'vitest';
import { InterviewScores } from './applications.ts';

describe('interview scores', () => {
  const scores = { professionalism: 3, integrity: 3, courage: 3, compassion: 3 };
  it.each([
    [1, true],
    [5, true],
    [0, false],
    [6, false],
    [50, false],
    [2.5, false],
  ])('a score of %s is accepted: %s', (score, isAccepted) => {
    for (const value of Object.keys(scores)) {
      const result = InterviewScores.safeParse({ ...scores, [value]: score });
      expect([value, result.success]).toEqual([value, isAccepted]);
      if (!result.success) expect(result.error.issues.map((i) => i.path)).toEqual([[value]]);
    }
  });

  it.each([
    ['out of range', 0],
    ['too high', 6],
    ['not whole', 2.5],
    ['not a number', 'four'],
    ['missing', undefined],
  ])('a score %s names the value it belongs to', (_what, score) => {
    for (const value of Object.keys(scores)) {
      const result = InterviewScores.safeParse({ ...scores, [value]: score });
      expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([[value, `Score ${value} from 1 to 5.`]]);
    }
  });
});
