import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type {
  CheckStatus,
  DuplicateMatch,
  EventType,
  InterviewScores,
  Rank,
  RecordsOutcome,
  RecordsRequest,
  Route,
  Stage,
  UnitCode,
} from '@muster/contracts';
import { checkTypes, forces, inductionCourses, mentors, units } from './reference.ts';
import { users } from './users.ts';

export const applications = sqliteTable(
  'applications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reference: text('reference').notNull().unique(),
    route: text('route').$type<Route>().notNull(),
    cohortYear: integer('cohort_year'),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    dateOfBirth: text('date_of_birth').notNull(),
    currentForce: text('current_force').references(() => forces.name),
    rank: text('rank').$type<Rank>(),
    warrantNumber: text('warrant_number'),
    joinedForceOn: text('joined_force_on'),
    targetUnit: text('target_unit')
      .$type<UnitCode>()
      .references(() => units.code),
    unitPreferences: text('unit_preferences', { mode: 'json' }).$type<UnitCode[]>().notNull().default([]),
    postingPreference: text('posting_preference'),
    specialistSkills: text('specialist_skills', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** The reviewer triaging the case; null while it waits in the triage queue. */
    assigneeId: integer('assignee_id').references(() => users.id),
    stage: text('stage').$type<Stage>().notNull(),
    stageEnteredAt: text('stage_entered_at').notNull(),
    closedFromStage: text('closed_from_stage').$type<Stage>(),
    closeReason: text('close_reason'),
    /** When the interview was passed: the conditional offer, on which the pre-employment checks start. */
    conditionalOfferAt: text('conditional_offer_at'),
    finalOfferAt: text('final_offer_at'),
    mentorId: integer('mentor_id').references(() => mentors.id),
    buddyId: integer('buddy_id').references(() => mentors.id),
    version: integer('version').notNull().default(1),
    receivedAt: text('received_at').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('applications_stage_entered_idx').on(t.stage, t.stageEnteredAt),
    index('applications_unit_stage_entered_idx').on(t.targetUnit, t.stage, t.stageEnteredAt),
    index('applications_route_stage_idx').on(t.route, t.stage),
    index('applications_email_idx').on(t.email),
    index('applications_mentor_idx').on(t.mentorId),
    index('applications_buddy_idx').on(t.buddyId),
    index('applications_assignee_stage_idx').on(t.assigneeId, t.stage, t.receivedAt),
    index('applications_stage_received_idx').on(t.stage, t.receivedAt),
    index('applications_warrant_idx').on(t.currentForce, t.warrantNumber),
    index('applications_dob_idx').on(t.dateOfBirth),
  ],
);

/**
 * How many cases there are for each route, target unit ('' for none) and stage: the board's counts
 * without scanning the cases. Kept by triggers on applications (insert, change of route, unit or
 * stage, delete) — see the custom migration; never written by the services.
 */
export const stageCounts = sqliteTable(
  'stage_counts',
  {
    route: text('route').$type<Route>().notNull(),
    targetUnit: text('target_unit').$type<UnitCode | ''>().notNull(),
    stage: text('stage').$type<Stage>().notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.route, t.targetUnit, t.stage] })],
);

export const eligibilityRecords = sqliteTable('eligibility_records', {
  applicationId: integer('application_id')
    .primaryKey()
    .references(() => applications.id),
  criteria: text('criteria', { mode: 'json' }).$type<Record<string, boolean>>().notNull(),
  unitCriteria: text('unit_criteria', { mode: 'json' }).$type<Record<string, boolean>>().notNull(),
  notes: text('notes'),
  /** The current force's professional standards (PSD) and occupational health (OH) records. */
  psdRecords: text('psd_records').$type<RecordsRequest>(),
  ohRecords: text('oh_records').$type<RecordsRequest>(),
  psdOutcome: text('psd_outcome').$type<RecordsOutcome>(),
  ohOutcome: text('oh_outcome').$type<RecordsOutcome>(),
  hasOpenMisconduct: integer('has_open_misconduct', { mode: 'boolean' }),
  misconductDetails: text('misconduct_details'),
  recordedBy: integer('recorded_by')
    .notNull()
    .references(() => users.id),
  recordedAt: text('recorded_at').notNull(),
});

/**
 * TSG's requirements before the assessment (MO7's own recruitment team facilitates both): a TSG
 * mentor from the mentor pool and the attachment or base visit. Recorded by the TSG lead or resourcing.
 */
export const tsgPreAssessments = sqliteTable('tsg_pre_assessments', {
  applicationId: integer('application_id')
    .primaryKey()
    .references(() => applications.id),
  mentorId: integer('mentor_id').references(() => mentors.id),
  hasBaseVisit: integer('has_base_visit', { mode: 'boolean' }).notNull(),
  recordedBy: integer('recorded_by')
    .notNull()
    .references(() => users.id),
  recordedAt: text('recorded_at').notNull(),
});

/** An admin's approval to let a case progress despite open misconduct or a referred records outcome. */
export const eligibilityExceptions = sqliteTable('eligibility_exceptions', {
  applicationId: integer('application_id')
    .primaryKey()
    .references(() => applications.id),
  reason: text('reason').notNull(),
  approvedBy: integer('approved_by')
    .notNull()
    .references(() => users.id),
  approvedAt: text('approved_at').notNull(),
});

export const interviewOutcomes = sqliteTable('interview_outcomes', {
  applicationId: integer('application_id')
    .primaryKey()
    .references(() => applications.id),
  outcome: text('outcome').$type<'pass' | 'fail'>().notNull(),
  scores: text('scores', { mode: 'json' }).$type<InterviewScores>().notNull(),
  notes: text('notes'),
  recordedBy: integer('recorded_by')
    .notNull()
    .references(() => users.id),
  recordedAt: text('recorded_at').notNull(),
});

export const applicationChecks = sqliteTable(
  'application_checks',
  {
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    checkCode: text('check_code')
      .notNull()
      .references(() => checkTypes.code),
    status: text('status').$type<CheckStatus>().notNull(),
    reason: text('reason'),
    /** When the check was asked for, and when it is due back (the check type's SLA from then). */
    requestedAt: text('requested_at'),
    dueOn: text('due_on'),
    /** Vetting: the level cleared (recruitment vetting, management vetting, CTC, SC), and when it expires. */
    level: text('level'),
    expiresOn: text('expires_on'),
    updatedBy: integer('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.checkCode] })],
);

/** Each chaser sent for a check that is late: when, by whom, to whom; the outbox message if one was sent. */
export const checkChasers = sqliteTable(
  'check_chasers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    checkCode: text('check_code')
      .notNull()
      .references(() => checkTypes.code),
    chasedAt: text('chased_at').notNull(),
    chasedBy: integer('chased_by')
      .notNull()
      .references(() => users.id),
    /** Who was chased, in words: "Vetting unit", "Kent Police (current force)", "the candidate". */
    toWhom: text('to_whom').notNull(),
    messageId: text('message_id'),
  },
  (t) => [index('check_chasers_application_idx').on(t.applicationId, t.checkCode)],
);

export const inductionBookings = sqliteTable(
  'induction_bookings',
  {
    applicationId: integer('application_id')
      .primaryKey()
      .references(() => applications.id),
    courseId: integer('course_id')
      .notNull()
      .references(() => inductionCourses.id),
    startDate: text('start_date').notNull(),
    postingUnit: text('posting_unit')
      .$type<UnitCode>()
      .notNull()
      .references(() => units.code),
    postingPlace: text('posting_place').notNull(),
    /** The role at a MetCC posting: First Contact or Despatch. */
    postingRole: text('posting_role'),
    /** Recorded once the course has run: attended, or did not attend with a reason. */
    attendance: text('attendance').$type<'attended' | 'did_not_attend'>(),
    attendanceReason: text('attendance_reason'),
    bookedBy: integer('booked_by')
      .notNull()
      .references(() => users.id),
    bookedAt: text('booked_at').notNull(),
  },
  (t) => [index('induction_bookings_course_idx').on(t.courseId)],
);

/** Append-only: triggers refuse UPDATE and DELETE (see the custom migration). */
export const applicationEvents = sqliteTable(
  'application_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    actorId: integer('actor_id').references(() => users.id),
    at: text('at').notNull(),
    type: text('type').$type<EventType>().notNull(),
    fromStage: text('from_stage').$type<Stage>(),
    toStage: text('to_stage').$type<Stage>(),
    reason: text('reason'),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('application_events_application_idx').on(t.applicationId, t.id)],
);

/** Every view of a case: who, when, which. Append-only. */
export const accessLog = sqliteTable(
  'access_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    at: text('at').notNull(),
    action: text('action').notNull(),
  },
  (t) => [index('access_log_application_idx').on(t.applicationId), index('access_log_user_idx').on(t.userId, t.at)],
);

/** A possible duplicate: `applicationId` looks like `duplicateOfId` (an older case). */
export const duplicateFlags = sqliteTable(
  'duplicate_flags',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    duplicateOfId: integer('duplicate_of_id')
      .notNull()
      .references(() => applications.id),
    /** Which rules matched: same_email, same_warrant, same_name_dob. */
    matches: text('matches', { mode: 'json' }).$type<DuplicateMatch[]>().notNull(),
    status: text('status').$type<'open' | 'merged' | 'dismissed'>().notNull().default('open'),
    resolvedBy: integer('resolved_by').references(() => users.id),
    resolvedAt: text('resolved_at'),
    resolution: text('resolution'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('duplicate_flags_status_idx').on(t.status, t.id),
    index('duplicate_flags_application_idx').on(t.applicationId),
    index('duplicate_flags_duplicate_of_idx').on(t.duplicateOfId),
  ],
);

/**
 * Joiners waiting for a place on a full induction course, in the order they were added: when a place
 * frees, it is offered to the first.
 */
export const inductionWaitlist = sqliteTable(
  'induction_waitlist',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    courseId: integer('course_id')
      .notNull()
      .references(() => inductionCourses.id),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    addedAt: text('added_at').notNull(),
    addedBy: integer('added_by')
      .notNull()
      .references(() => users.id),
    /** When a freed place was offered to this joiner (they are then booked, or the offer passes on). */
    offeredAt: text('offered_at'),
  },
  (t) => [
    uniqueIndex('induction_waitlist_one_per_case').on(t.courseId, t.applicationId),
    index('induction_waitlist_course_idx').on(t.courseId, t.id),
  ],
);

/** The twice-yearly development days for joiners in their first two years. */
export const developmentDays = sqliteTable('development_days', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  heldOn: text('held_on').notNull(),
  place: text('place').notNull(),
  title: text('title').notNull(),
  status: text('status').$type<'scheduled' | 'cancelled'>().notNull().default('scheduled'),
  version: integer('version').notNull().default(1),
});

/** Each joiner invited to a development day, and whether they came. */
export const developmentDayInvitations = sqliteTable(
  'development_day_invitations',
  {
    dayId: integer('day_id')
      .notNull()
      .references(() => developmentDays.id),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    invitedAt: text('invited_at').notNull(),
    attendance: text('attendance').$type<'attended' | 'did_not_attend'>(),
    attendanceReason: text('attendance_reason'),
    recordedBy: integer('recorded_by').references(() => users.id),
    recordedAt: text('recorded_at'),
  },
  (t) => [primaryKey({ columns: [t.dayId, t.applicationId] })],
);
