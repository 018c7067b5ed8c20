import type { UnitCode } from '@muster/contracts';
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { applications } from './applications.ts';
import { units } from './reference.ts';
import { users } from './users.ts';

/** Where interviews take place: Met venues and each unit's base. Admin-managed; a retired venue stays on old slots. */
export const venues = sqliteTable('venues', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  address: text('address').notNull(),
  /** The unit whose base this is, if it is one. */
  unitCode: text('unit_code')
    .$type<UnitCode>()
    .references(() => units.code),
  isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
});

export type SlotStatus = 'open' | 'withdrawn';

/** A time a unit's panel can interview one candidate. Times are UTC instants (ISO 8601). */
export const interviewSlots = sqliteTable(
  'interview_slots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitCode: text('unit_code')
      .$type<UnitCode>()
      .notNull()
      .references(() => units.code),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    venueId: integer('venue_id')
      .notNull()
      .references(() => venues.id),
    status: text('status').$type<SlotStatus>().notNull().default('open'),
    version: integer('version').notNull().default(0),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('interview_slots_unit_start_idx').on(t.unitCode, t.startsAt), index('interview_slots_start_idx').on(t.startsAt)],
);

/** Who sits on a slot's panel (1–4 people). */
export const slotPanel = sqliteTable(
  'slot_panel',
  {
    slotId: integer('slot_id')
      .notNull()
      .references(() => interviewSlots.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.slotId, t.userId] }), index('slot_panel_user_idx').on(t.userId)],
);

/**
 * `booked` until it happens; then `attended` or `did_not_attend`. `cancelled` frees the slot (a
 * reschedule cancels the old booking and makes a new one).
 */
export type InterviewStatus = 'booked' | 'attended' | 'did_not_attend' | 'cancelled';

/** A case booked into a slot. */
export const interviews = sqliteTable(
  'interviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slotId: integer('slot_id')
      .notNull()
      .references(() => interviewSlots.id),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    status: text('status').$type<InterviewStatus>().notNull().default('booked'),
    /**
     * The calendar event's UID: new for a booking, carried over by a reschedule, so a calendar moves
     * the event it has instead of adding one; `sequence` (its SEQUENCE) is raised on every change.
     */
    calendarUid: text('calendar_uid').notNull(),
    sequence: integer('sequence').notNull().default(0),
    bookedBy: integer('booked_by')
      .notNull()
      .references(() => users.id),
    bookedAt: text('booked_at').notNull(),
    endedReason: text('ended_reason'),
  },
  (t) => [
    // A slot holds one candidate: at most one interview in it that was not cancelled.
    uniqueIndex('interviews_one_per_slot').on(t.slotId).where(sql`status <> 'cancelled'`),
    // A candidate has at most one interview still to come.
    uniqueIndex('interviews_one_booked_per_case').on(t.applicationId).where(sql`status = 'booked'`),
    index('interviews_application_idx').on(t.applicationId),
  ],
);

/**
 * Each panel member's seat at each interview they sit on, with its times copied from the slot: the
 * table a database trigger keeps free of overlaps per person, and within each person's daily
 * maximum, so no two writers can double-book anyone whatever the services check first.
 */
export const panelSeats = sqliteTable(
  'panel_seats',
  {
    interviewId: integer('interview_id')
      .notNull()
      .references(() => interviews.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    /** The London date the interview falls on (the daily maximum counts by it). */
    day: text('day').notNull(),
  },
  (t) => [primaryKey({ columns: [t.interviewId, t.userId] }), index('panel_seats_user_start_idx').on(t.userId, t.startsAt)],
);

/**
 * The criteria a scorecard scores, as a versioned set: each change is a new row (the newest is
 * current), so a scorecard keeps the criteria it was scored against.
 */
export const scorecardCriteriaSets = sqliteTable('scorecard_criteria_sets', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  criteria: text('criteria', { mode: 'json' }).$type<{ code: string; label: string }[]>().notNull(),
  createdAt: text('created_at').notNull(),
  createdBy: integer('created_by').references(() => users.id),
});

/**
 * One panel member's scorecard for one interview. Submitted is final: a correction is a new version
 * (the old one stays, `supersededAt` set), so what the panel saw and when is never lost.
 */
export const scorecards = sqliteTable(
  'scorecards',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    interviewId: integer('interview_id')
      .notNull()
      .references(() => interviews.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    criteriaSetId: integer('criteria_set_id')
      .notNull()
      .references(() => scorecardCriteriaSets.id),
    version: integer('version').notNull(),
    /** Criterion code → 1–5. */
    scores: text('scores', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    /** Criterion code → the evidence noted for it. */
    evidence: text('evidence', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    submittedAt: text('submitted_at').notNull(),
    supersededAt: text('superseded_at'),
  },
  (t) => [
    uniqueIndex('scorecards_version').on(t.interviewId, t.userId, t.version),
    // One current scorecard per panel member and interview.
    uniqueIndex('scorecards_one_current').on(t.interviewId, t.userId).where(sql`superseded_at IS NULL`),
  ],
);

/**
 * A user's private calendar feed of their interviews, subscribed to by Outlook or Google Calendar by
 * its address. The token is shown once; only its SHA-256 is kept. Revoked feeds answer nothing.
 */
export const calendarFeeds = sqliteTable(
  'calendar_feeds',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** Event titles carry the candidate's name only when the user turned it on for their own feed. */
    showNames: integer('show_names', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('calendar_feeds_user_idx').on(t.userId)],
);

/**
 * Messages to send (invitations, reschedules, cancellations), written in the same transaction as the
 * change they announce. A sender delivers them by SMTP when one is configured, retrying with backoff;
 * `sentAt` is set only once the SMTP server accepted the message, so one interrupted mid-send is sent
 * again with the same `Message-ID` and the receiver can tell.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    messageId: text('message_id').notNull().unique(),
    template: text('template').notNull(),
    toAddress: text('to_address').notNull(),
    toName: text('to_name').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** The calendar file attached, if any, and its METHOD (REQUEST or CANCEL). */
    ics: text('ics'),
    icsMethod: text('ics_method').$type<'REQUEST' | 'CANCEL'>(),
    applicationId: integer('application_id').references(() => applications.id),
    interviewId: integer('interview_id').references(() => interviews.id),
    createdAt: text('created_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    lastError: text('last_error'),
    sentAt: text('sent_at'),
  },
  (t) => [index('outbox_due_idx').on(t.sentAt, t.nextAttemptAt)],
);
