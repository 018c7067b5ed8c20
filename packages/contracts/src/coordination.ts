import type { JoinerNeed } from './applications.ts';
import type { Stage, UnitCode } from './enums.ts';
import type { MentorKind } from './mentors.ts';

/*
 * The coordinator's home (`coordination.home`): what needs them now. Joiners still short of a course,
 * a mentor or a buddy; the courses of the next eight weeks; the pool's loads; the development days to come.
 */

/** A joiner at induction or mentoring still needing something, with how long they have waited at the stage. */
export type WaitingJoiner = {
  applicationId: number;
  reference: string;
  name: string;
  stage: Stage;
  targetUnit: UnitCode | null;
  stageEnteredAt: string;
  daysWaiting: number;
  isOverdue: boolean;
  needs: JoinerNeed[];
};

export type HomeCourse = { id: number; startsOn: string; place: string; capacity: number; booked: number };

export type HomeMentor = {
  id: number;
  name: string;
  unit: UnitCode;
  kind: MentorKind;
  load: number;
  capacity: number;
  isPaused: boolean;
  hasRoom: boolean;
};

export type HomeDevelopmentDay = {
  id: number;
  heldOn: string;
  place: string;
  title: string;
  invited: number;
  attended: number;
  toInvite: number;
};

export type CoordinationHome = {
  /** Oldest at their stage first; at most `joinerLimit`, of `joinersWaiting`. */
  joiners: WaitingJoiner[];
  joinersWaiting: number;
  /** Scheduled courses starting from today to eight weeks on, soonest first. */
  courses: HomeCourse[];
  /** The active pool, fullest first (load over capacity), then by name. */
  mentors: HomeMentor[];
  /** Scheduled development days from today, soonest first. */
  developmentDays: HomeDevelopmentDay[];
};
