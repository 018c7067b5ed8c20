/*
 * The words of the domain as values: stages, routes, roles, units… No zod here: the dashboard imports
 * this entry (`@muster/contracts/vocabulary`) at run time without pulling the schemas into its
 * bundle; `enums.ts` builds the schemas from these lists, so there is one list of each.
 */

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

/** Stages a case works through, in order. */
export const pipelineStages = ['review', 'interview', 'pre_employment', 'induction', 'mentoring', 'onboarded'] as const;

/** Stages where a case is still being worked (shown as board columns). */
export const openStages = ['review', 'interview', 'pre_employment', 'induction', 'mentoring'] as const;

export const closedStages = ['rejected', 'withdrawn'] as const;

export const routes = ['transferee', 'police_now_nglp', 'police_now_ndp'] as const;

export const roles = ['resourcing', 'unit_lead', 'panel_member', 'coordinator', 'admin'] as const;
/** Roles whose work is scoped to units: a user with one of them has at least one unit. */
export const unitScopedRoles = ['unit_lead', 'panel_member'] as const satisfies readonly (typeof roles)[number][];

export const unitCodes = ['SNT', 'METCC', 'TSG', 'CT', 'MO19', 'MO3', 'SOIT', 'BCU'] as const;

export const ranks = ['PC', 'DC'] as const;

export const checkStatuses = ['not_started', 'requested', 'passed', 'failed', 'waived'] as const;

export const metValues = ['professionalism', 'integrity', 'courage', 'compassion'] as const;

export const eventTypes = [
  'created',
  'moved',
  'rejected',
  'withdrawn',
  'reopened',
  'moved_back',
  'eligibility_recorded',
  'tsg_pre_assessment_recorded',
  'interview_recorded',
  'check_updated',
  'check_chased',
  'rerouted',
  'induction_booked',
  'induction_cancelled',
  'induction_waitlisted',
  'induction_place_offered',
  'induction_attended',
  'induction_not_attended',
  'mentor_assigned',
  'note_added',
  'details_edited',
  'assigned',
  'duplicate_flagged',
  'duplicate_merged',
  'duplicate_dismissed',
  'exception_approved',
  'imported',
  'interview_booked',
  'interview_rescheduled',
  'interview_cancelled',
  'interview_attended',
  'interview_not_attended',
  'development_day_invited',
] as const;

/** Records requested from the officer's current force at review. */
export const recordsRequests = ['not_requested', 'requested', 'received'] as const;

export const recordsOutcomes = ['clear', 'refer'] as const;
export type OpenStage = (typeof openStages)[number];

/** Who a pre-employment check waits on once it is requested. */
export const waitsOnValues = ['vetting_unit', 'occupational_health', 'referee', 'current_force', 'candidate'] as const;

/** Vetting levels, lowest first: a higher level stands in for a lower one (packages/domain/src/checks.ts). */
export const vettingLevels = ['recruitment_vetting', 'management_vetting', 'counter_terrorist_check', 'security_check'] as const;
