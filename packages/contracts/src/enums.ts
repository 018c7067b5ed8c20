import { z } from 'zod';

export const stages = [
  'review',
  'interview',
  'pre_employment',
  'induction',
  'mentoring',
  'onboarded',
  'rejected',
  'withdrawn',
] as const;
export const Stage = z.enum(stages);
export type Stage = z.infer<typeof Stage>;

/** Stages a case works through, in order. */
export const pipelineStages = ['review', 'interview', 'pre_employment', 'induction', 'mentoring', 'onboarded'] as const;
/** Stages where a case is still being worked (shown as board columns). */
export const openStages = ['review', 'interview', 'pre_employment', 'induction', 'mentoring'] as const;
export type OpenStage = (typeof openStages)[number];
export const closedStages = ['rejected', 'withdrawn'] as const;

export const routes = ['transferee', 'police_now_nglp', 'police_now_ndp'] as const;
export const Route = z.enum(routes);
export type Route = z.infer<typeof Route>;

export const roles = ['resourcing', 'unit_lead', 'coordinator', 'admin'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const unitCodes = ['SNT', 'METCC', 'TSG', 'CT', 'MO19', 'MO3', 'SOIT', 'BCU'] as const;
export const UnitCode = z.enum(unitCodes);
export type UnitCode = z.infer<typeof UnitCode>;

export const ranks = ['PC', 'DC'] as const;
export const Rank = z.enum(ranks);
export type Rank = z.infer<typeof Rank>;

export const checkStatuses = ['not_started', 'requested', 'passed', 'failed', 'waived'] as const;
export const CheckStatus = z.enum(checkStatuses);
export type CheckStatus = z.infer<typeof CheckStatus>;

export const metValues = ['professionalism', 'integrity', 'courage', 'compassion'] as const;
export const MetValue = z.enum(metValues);
export type MetValue = z.infer<typeof MetValue>;

export const eventTypes = [
  'created',
  'moved',
  'rejected',
  'withdrawn',
  'reopened',
  'moved_back',
  'eligibility_recorded',
  'interview_recorded',
  'check_updated',
  'rerouted',
  'induction_booked',
  'mentor_assigned',
  'note_added',
  'details_edited',
  'assigned',
  'duplicate_flagged',
  'duplicate_merged',
  'duplicate_dismissed',
  'exception_approved',
  'imported',
] as const;
export const EventType = z.enum(eventTypes);
export type EventType = z.infer<typeof EventType>;

/** Records requested from the officer's current force at review. */
export const recordsRequests = ['not_requested', 'requested', 'received'] as const;
export const RecordsRequest = z.enum(recordsRequests);
export type RecordsRequest = z.infer<typeof RecordsRequest>;
export const recordsOutcomes = ['clear', 'refer'] as const;
export const RecordsOutcome = z.enum(recordsOutcomes);
export type RecordsOutcome = z.infer<typeof RecordsOutcome>;
