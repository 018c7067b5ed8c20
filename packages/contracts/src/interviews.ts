import { z } from 'zod';
import { ApplicationWrite, ExpectedVersion, Id, IsoDate, Reason } from './common.ts';
import { UnitCode, type Route, type Stage } from './enums.ts';

/* Interview slots, bookings and the interviewer's agenda. Times on the wire are UTC instants (ISO 8601);
 * times typed by people are London wall-clock `HH:MM` on a date. */

/** A London wall-clock time, `HH:MM`, on the five-minute grid interviews are planned on. */
export const ClockTime = z
  .string({ error: 'Enter a time, for example 09:30.' })
  .regex(/^([01]\d|2[0-3]):[0-5][05]$/, 'Enter a time as hours and minutes, for example 09:30 (minutes in fives).');

const Minutes = (what: string) =>
  z
    .number({ error: `Enter the ${what} in minutes.` })
    .int(`Enter the ${what} in whole minutes.`)
    .min(15, `The ${what} is at least 15 minutes.`)
    .max(480, `The ${what} is at most 8 hours.`)
    .refine((m) => m % 5 === 0, `The ${what} is in steps of 5 minutes.`);

const Panel = z
  .array(Id, { error: 'Choose who sits on the panel.' })
  .min(1, 'Choose at least one person for the panel.')
  .max(4, 'A panel has at most 4 people.')
  .refine((ids) => new Set(ids).size === ids.length, 'Each person sits on the panel once.');

const SlotTimes = {
  /** The London date of each slot (one slot, or a series over several days). */
  dates: z
    .array(IsoDate, { error: 'Choose the days.' })
    .min(1, 'Choose at least one day.')
    .max(31, 'Publish at most 31 days at a time.'),
  startTime: ClockTime,
  lengthMinutes: Minutes('interview length'),
  /** A series: another slot every `everyMinutes` while it ends by `until` (London time). Without it, one slot a day. */
  repeat: z.object({ until: ClockTime, everyMinutes: Minutes('time between slots') }).optional(),
};

export const PublishSlotsInput = z.object({
  unit: UnitCode,
  venueId: z.number({ error: 'Choose where the interviews take place.' }).int().positive(),
  panel: Panel,
  ...SlotTimes,
});
export type PublishSlotsInput = z.infer<typeof PublishSlotsInput>;

/** An unbooked slot, changed: its place, its panel, its time. */
export const UpdateSlotInput = z.object({
  id: Id,
  expectedVersion: ExpectedVersion,
  venueId: z.number({ error: 'Choose where the interview takes place.' }).int().positive(),
  panel: Panel,
  date: IsoDate,
  startTime: ClockTime,
  lengthMinutes: Minutes('interview length'),
});
export type UpdateSlotInput = z.infer<typeof UpdateSlotInput>;

export const WithdrawSlotInput = z.object({ id: Id, expectedVersion: ExpectedVersion });
export type WithdrawSlotInput = z.infer<typeof WithdrawSlotInput>;

export const SlotsInput = z
  .object({
    unit: UnitCode.optional(),
    /** London dates, inclusive; by default from today for 4 weeks. */
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    /** Only slots that can still be booked: open, nobody in them, not yet started. */
    isFree: z.boolean().optional(),
  })
  .default({});
export type SlotsInput = z.infer<typeof SlotsInput>;

export const BookInterviewInput = ApplicationWrite.extend({ slotId: z.number({ error: 'Choose a slot.' }).int().positive() });
export type BookInterviewInput = z.infer<typeof BookInterviewInput>;

export const RescheduleInterviewInput = BookInterviewInput.extend({ reason: Reason });
export type RescheduleInterviewInput = z.infer<typeof RescheduleInterviewInput>;

export const CancelInterviewInput = ApplicationWrite.extend({ reason: Reason });
export type CancelInterviewInput = z.infer<typeof CancelInterviewInput>;

export const RecordAttendanceInput = ApplicationWrite.extend({
  attended: z.boolean({ error: 'Say whether the candidate attended.' }),
  /** Why the candidate did not attend, when they did not. */
  reason: Reason.optional(),
});
export type RecordAttendanceInput = z.infer<typeof RecordAttendanceInput>;

export const PanellistsInput = z.object({ unit: UnitCode });
export type PanellistsInput = z.infer<typeof PanellistsInput>;

export type InterviewStatus = 'booked' | 'attended' | 'did_not_attend' | 'cancelled';

export type Venue = { id: number; name: string; address: string; unit: z.infer<typeof UnitCode> | null };
/** Someone who may sit on panels, as the admin sees them: with their units and most interviews a day. */
export type Interviewer = {
  id: number;
  name: string;
  role: string;
  units: z.infer<typeof UnitCode>[];
  maxInterviewsPerDay: number;
};
export type Panellist = { id: number; name: string; role: string; maxInterviewsPerDay: number };

/** A slot as its unit's interviewers see it; `interview` is the booking in it, if any. */
export type Slot = {
  id: number;
  unit: z.infer<typeof UnitCode>;
  startsAt: string;
  endsAt: string;
  venue: Venue;
  panel: { id: number; name: string }[];
  status: 'open' | 'withdrawn';
  version: number;
  interview: { id: number; applicationId: number; reference: string; status: InterviewStatus } | null;
};

/** An interview on someone's agenda, with what the panel needs to know of the candidate. */
export type AgendaInterview = {
  id: number;
  status: InterviewStatus;
  startsAt: string;
  endsAt: string;
  unit: z.infer<typeof UnitCode>;
  venue: string;
  panel: { id: number; name: string }[];
  application: { id: number; reference: string; firstName: string; lastName: string; route: Route; version: number };
};

/** A case at interview with no interview booked: waiting for a slot. */
export type WaitingCase = {
  id: number;
  reference: string;
  firstName: string;
  lastName: string;
  route: Route;
  targetUnit: z.infer<typeof UnitCode> | null;
  stage: Stage;
  version: number;
  daysWaiting: number;
};

/** An interviewer's home: what is coming, who waits for a slot, and what is left to record. */
export type Agenda = {
  /** From today on, soonest first. */
  upcoming: AgendaInterview[];
  /** Cases of the user's units at interview with no booking, longest waiting first. */
  waiting: WaitingCase[];
  /** Interviews that have started whose attendance is not yet recorded. */
  attendanceToRecord: AgendaInterview[];
  /** Interviews attended whose outcome is not yet recorded. */
  outcomesToRecord: AgendaInterview[];
  /** Interviews the user sat on, attended, with no scorecard of theirs yet; overdue two days after. */
  scorecardsDue: (AgendaInterview & { isOverdue: boolean })[];
};

/* ---- scorecards ---- */

const ScoreMap = z.record(
  z.string().max(60),
  z.number({ error: 'Score each criterion from 1 to 5.' }).int('Score each criterion from 1 to 5.').min(1).max(5),
);

export const SubmitScorecardInput = z.object({
  interviewId: z.number({ error: 'Choose an interview.' }).int().positive(),
  scores: ScoreMap,
  /** Evidence noted for each criterion (optional per criterion). */
  evidence: z.record(z.string().max(60), z.string().trim().max(4000, 'Keep the evidence under 4,000 characters.')).default({}),
});
export type SubmitScorecardInput = z.infer<typeof SubmitScorecardInput>;

export const ScorecardsInput = z.object({ interviewId: z.number({ error: 'Choose an interview.' }).int().positive() });
export type ScorecardsInput = z.infer<typeof ScorecardsInput>;

/** The lead's (or resourcing's) outcome, from the panel's scorecards: what meets the interview gate. */
export const RecordOutcomeInput = ApplicationWrite.extend({
  outcome: z.enum(['pass', 'fail'], { error: 'Choose pass or fail.' }),
  notes: z.string().trim().max(4000, 'Keep the notes under 4,000 characters.').optional(),
});
export type RecordOutcomeInput = z.infer<typeof RecordOutcomeInput>;

export type Scorecard = {
  id: number;
  by: { id: number; name: string };
  version: number;
  scores: Record<string, number>;
  evidence: Record<string, string>;
  submittedAt: string;
};

/**
 * An interview's scorecards as the reader may see them: their own; the others' only once theirs is
 * in (or always, for resourcing, the admin and the unit's lead off the panel); who has submitted.
 */
export type ScorecardsView = {
  interview: { id: number; applicationId: number; reference: string; status: InterviewStatus; endsAt: string };
  criteria: { code: string; label: string }[];
  mine: Scorecard | null;
  /** Whether the reader sits on this panel (and so may submit). */
  isOnPanel: boolean;
  panel: { id: number; name: string; hasSubmitted: boolean; state: 'not_due' | 'due' | 'overdue' | 'submitted' }[];
  /** The others' scorecards, when the reader may see them; else empty. */
  others: Scorecard[];
  /** Each criterion's scores and mean, when the reader may see the others'. */
  summary: { code: string; label: string; scores: number[]; mean: number | null }[] | null;
  /** Earlier versions of scorecards the reader may see, corrected since. */
  corrected: Scorecard[];
};

/* ---- calendar files ---- */

export const CreateCalendarFeedInput = z.object({
  /** Put candidates' names in the feed's event titles (off: reference and unit only). */
  showNames: z.boolean({ error: 'Say whether names go in the titles.' }).default(false),
});
export type CreateCalendarFeedInput = z.infer<typeof CreateCalendarFeedInput>;

/** A new feed: its address holds the token, shown this once. Earlier feeds of the user are revoked. */
export type CalendarFeed = { url: string; path: string; showNames: boolean; createdAt: string };
