import type {
  CheckStatus,
  InterviewScores,
  Rank,
  RecordsOutcome,
  RecordsRequest,
  Role,
  Route,
  Stage,
  UnitCode,
} from '@muster/contracts';

/** Who is acting. */
export type Actor = { id: number; role: Role; units: readonly UnitCode[] };

/** What the rules need to know about a case. Dates are ISO strings. */
export type ApplicationSnapshot = {
  route: Route;
  stage: Stage;
  targetUnit: UnitCode | null;
  currentForce: string | null;
  rank: Rank | null;
  joinedForceOn: string | null;
  closedFromStage: Stage | null;
  finalOfferAt: string | null;
  eligibility: {
    criteria: Record<string, boolean>;
    unitCriteria: Record<string, boolean>;
    psdRecords: RecordsRequest | null;
    psdOutcome: RecordsOutcome | null;
    ohRecords: RecordsRequest | null;
    ohOutcome: RecordsOutcome | null;
    hasOpenMisconduct: boolean | null;
  } | null;
  /** An admin's approval to progress despite open misconduct or referred records. */
  exception: { reason: string } | null;
  /** TSG's requirements before the assessment: a mentor from the pool and the base visit. */
  tsgPreAssessment: { mentorId: number | null; hasBaseVisit: boolean } | null;
  interview: { outcome: 'pass' | 'fail'; scores: InterviewScores } | null;
  checks: Record<string, CheckStatus>;
  induction: { startDate: string; postingUnit: UnitCode; postingPlace: string } | null;
  mentorId: number | null;
  buddyId: number | null;
};
