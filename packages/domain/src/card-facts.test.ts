import { stages, type JoinerNeed, type Stage } from '@muster/contracts';
import { describe, expect, it } from 'vitest';
import { joinerNeeds, stageAge, type JoinerFacts } from './card-facts.ts';

const none: Omit<JoinerFacts, 'stage'> = { hasInductionBooking: false, mentorId: null, buddyId: null };
const all: Omit<JoinerFacts, 'stage'> = { hasInductionBooking: true, mentorId: 7, buddyId: 8 };

describe('what a joiner still needs', () => {
  it('at induction and mentoring: each of course, mentor and buddy that is missing, in that order', () => {
    const table: [Partial<JoinerFacts>, JoinerNeed[]][] = [
      [none, ['course', 'mentor', 'buddy']],
      [{ hasInductionBooking: true }, ['mentor', 'buddy']],
      [{ mentorId: 7 }, ['course', 'buddy']],
      [{ buddyId: 8 }, ['course', 'mentor']],
      [{ hasInductionBooking: true, mentorId: 7 }, ['buddy']],
      [{ hasInductionBooking: true, buddyId: 8 }, ['mentor']],
      [{ mentorId: 7, buddyId: 8 }, ['course']],
      [all, []],
    ];
    for (const stage of ['induction', 'mentoring'] as const) {
      for (const [facts, needs] of table) {
        expect(joinerNeeds({ ...none, ...facts, stage }), `${stage} ${JSON.stringify(facts)}`).toEqual(needs);
      }
    }
  });

  it('at every other stage: nothing, whatever is recorded', () => {
    const others = stages.filter((s): s is Exclude<Stage, 'induction' | 'mentoring'> => s !== 'induction' && s !== 'mentoring');
    expect(others).toHaveLength(stages.length - 2);
    for (const stage of others) {
      expect(joinerNeeds({ ...none, stage }), stage).toEqual([]);
      expect(joinerNeeds({ ...all, stage }), stage).toEqual([]);
    }
  });
});

describe('how long a case has been at its stage', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  const entered = (days: number, hours = 0) => new Date(now.getTime() - (days * 24 + hours) * 3_600_000).toISOString();

  it('counts whole days, and is overdue only past the stage target (review: 14 days)', () => {
    expect(stageAge({ stage: 'review', stageEnteredAt: entered(0, 3) }, now)).toEqual({ daysInStage: 0, isOverdue: false });
    expect(stageAge({ stage: 'review', stageEnteredAt: entered(1) }, now)).toEqual({ daysInStage: 1, isOverdue: false });
    expect(stageAge({ stage: 'review', stageEnteredAt: entered(14, 23) }, now)).toEqual({ daysInStage: 14, isOverdue: false });
    expect(stageAge({ stage: 'review', stageEnteredAt: entered(15) }, now)).toEqual({ daysInStage: 15, isOverdue: true });
    expect(stageAge({ stage: 'pre_employment', stageEnteredAt: entered(15) }, now).isOverdue).toBe(false);
  });

  it('an onboarded or closed case is never overdue; a date after the clock counts as 0 days', () => {
    for (const stage of ['onboarded', 'rejected', 'withdrawn'] as const) {
      expect(stageAge({ stage, stageEnteredAt: entered(400) }, now)).toEqual({ daysInStage: 400, isOverdue: false });
    }
    expect(stageAge({ stage: 'review', stageEnteredAt: entered(-2) }, now)).toEqual({ daysInStage: 0, isOverdue: false });
  });
});
