import type { JoinerNeed, Stage } from '@muster/contracts';
import { mentoredStages } from './access.ts';
import { daysBetween } from './dates.ts';
import { isOpen } from './pipeline.ts';
import { stageTargetDays } from './reference.ts';

/** What a card's needs are read from: the case's stage, whether an induction course is booked, its mentor and buddy. */
export type JoinerFacts = { stage: Stage; hasInductionBooking: boolean; mentorId: number | null; buddyId: number | null };

/**
 * What a joiner at induction or mentoring still needs before they are onboarded, in the order a
 * coordinator sees to them: an induction course, a mentor, a buddy (the induction and mentoring
 * gates). Nothing at any other stage: before induction these are not due yet, after it they are done.
 */
export function joinerNeeds(c: JoinerFacts): JoinerNeed[] {
  if (!mentoredStages.includes(c.stage)) return [];
  return [
    ...(c.hasInductionBooking ? [] : (['course'] as const)),
    ...(c.mentorId === null ? (['mentor'] as const) : []),
    ...(c.buddyId === null ? (['buddy'] as const) : []),
  ];
}

/**
 * How long a case has been at its stage, in whole days (never negative), and whether that is past the
 * stage's target (`stageTargetDays`). An onboarded or closed case has no target, so is never overdue.
 */
export function stageAge(c: { stage: Stage; stageEnteredAt: string }, now: Date): { daysInStage: number; isOverdue: boolean } {
  const daysInStage = Math.max(0, daysBetween(c.stageEnteredAt, now.toISOString()));
  return { daysInStage, isOverdue: isOpen(c.stage) && daysInStage > stageTargetDays[c.stage] };
}
