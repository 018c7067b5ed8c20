import { describe, expect, it } from 'vitest';
import { defaultScorecardCriteria } from './reference.ts';
import { mayReadOthersScores, scorecardProblems, scorecardRefusal, scorecardState, scoreSummary } from './scorecards.ts';

describe('scorecards', () => {
  it('need every criterion scored 1 to 5 and nothing else, each named', () => {
    const scores = { professionalism: 0, integrity: 5, courage: 3.5, extra: 3 };
    expect(
      scorecardProblems(defaultScorecardCriteria, { scores, evidence: {} }).map((p) => [p.field, p.code, p.message]),
    ).toEqual([
      ['scores.professionalism', 'scorecards.score_missing', 'Score professionalism from 1 to 5.'],
      ['scores.courage', 'scorecards.score_missing', 'Score courage from 1 to 5.'],
      ['scores.compassion', 'scorecards.score_missing', 'Score compassion from 1 to 5.'],
      ['scores.extra', 'scorecards.criterion_unknown', "extra is not one of this scorecard's criteria."],
    ]);
  });

  it('are blind for anyone on the panel until their own is in; off the panel, resourcing, the admin and the lead see all', () => {
    const on = { isOnPanel: true, leadsUnit: true };
    for (const role of ['resourcing', 'unit_lead', 'panel_member', 'admin'] as const) {
      expect(mayReadOthersScores({ role, ...on, hasSubmitted: false })).toBe(false);
      expect(mayReadOthersScores({ role, ...on, hasSubmitted: true })).toBe(true);
    }
    expect(mayReadOthersScores({ role: 'unit_lead', isOnPanel: false, hasSubmitted: false, leadsUnit: true })).toBe(true);
    expect(mayReadOthersScores({ role: 'unit_lead', isOnPanel: false, hasSubmitted: false, leadsUnit: false })).toBe(false);
    expect(mayReadOthersScores({ role: 'coordinator', isOnPanel: false, hasSubmitted: false, leadsUnit: false })).toBe(false);
  });

  it('are due only once the interview has ended, overdue two days after', () => {
    const endsAt = '2026-12-01T10:30:00.000Z';
    expect(scorecardState(endsAt, new Date('2026-12-01T10:00:00Z'))).toBe('not_due');
    expect(scorecardState(endsAt, new Date('2026-12-02T10:00:00Z'))).toBe('due');
    expect(scorecardState(endsAt, new Date('2026-12-03T11:00:00Z'))).toBe('overdue');
    const f = { isOnPanel: true, status: 'attended' as const, endsAt };
    expect(scorecardRefusal({ ...f, now: new Date('2026-12-01T10:00:00Z') })?.code).toBe('scorecards.not_yet');
    expect(scorecardRefusal({ ...f, status: 'did_not_attend', now: new Date('2026-12-02T10:00:00Z') })?.code).toBe(
      'scorecards.no_interview',
    );
    expect(scorecardRefusal({ ...f, isOnPanel: false, now: new Date('2026-12-02T10:00:00Z') })?.code).toBe(
      'scorecards.not_on_panel',
    );
    expect(scorecardRefusal({ ...f, now: new Date('2026-12-02T10:00:00Z') })).toBeNull();
  });

  it('summarise each criterion: the panel’s scores and their mean to one decimal', () => {
    const summary = scoreSummary(defaultScorecardCriteria, [
      { scores: { professionalism: 4, integrity: 5, courage: 3, compassion: 4 } },
      { scores: { professionalism: 3, integrity: 4, courage: 4, compassion: 4 } },
      { scores: { professionalism: 3, integrity: 4, courage: 4, compassion: 5 } },
    ]);
    expect(summary.map((s) => [s.code, s.mean])).toEqual([
      ['professionalism', 3.3],
      ['integrity', 4.3],
      ['courage', 3.7],
      ['compassion', 4.3],
    ]);
  });
});
