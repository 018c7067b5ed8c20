import type { CheckStatus, InterviewScores, Rank, Role, Route, Stage, UnitCode } from '@muster/contracts';

/** Who is acting. */
export type Actor = { id: number; role: Role; units: readonly UnitCode[] };

/** What the rules need to know about a case. Dates are ISO strings. */
export type CaseSnapshot = {
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
    tsgMentorName: string | null;
    hasTsgBaseVisit: boolean;
  } | null;
  interview: { outcome: 'pass' | 'fail'; scores: InterviewScores } | null;
  checks: Record<string, CheckStatus>;
  induction: { startDate: string; postingUnit: UnitCode; postingPlace: string } | null;
  mentorId: number | null;
  buddyId: number | null;
};
