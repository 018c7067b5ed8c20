import { z } from 'zod';
import { ExpectedVersion, IsoDate, Reason } from './common.ts';

/*
 * Development days, kept by coordinators and the admin (`developmentDays.*`): twice a year, a day for
 * the joiners in their first two years. The schemas check what was sent is of the right kind; the
 * rules of a day (not in the past, place and title 2–100 characters) and who is invited are the
 * domain's (`validateDevelopmentDay`, `isInvitedTo`), with codes of their own.
 */

const DayId = z.number({ error: 'Choose a development day.' }).int('Choose a development day.').positive('Choose a development day.');

const isMissing = (v: unknown) => v === undefined || v === null || v === '';

const DayFields = {
  heldOn: z.iso.date({
    error: (issue) => (isMissing(issue.input) ? 'Enter the date of the day.' : 'Enter a real date as YYYY-MM-DD.'),
  }),
  place: z.string({ error: 'Enter where the day takes place.' }).trim(),
  title: z.string({ error: 'Enter a title for the day.' }).trim(),
};

export const CreateDevelopmentDayInput = z.object(DayFields);
export type CreateDevelopmentDayInput = z.infer<typeof CreateDevelopmentDayInput>;

/** A day changed: its date, place and title, at the version read. */
export const UpdateDevelopmentDayInput = z.object({ id: DayId, expectedVersion: ExpectedVersion, ...DayFields });
export type UpdateDevelopmentDayInput = z.infer<typeof UpdateDevelopmentDayInput>;

/** A day called off, at the version read. */
export const CancelDevelopmentDayInput = z.object({ id: DayId, expectedVersion: ExpectedVersion });
export type CancelDevelopmentDayInput = z.infer<typeof CancelDevelopmentDayInput>;

/** Invites every joiner the day is for who is not invited yet. */
export const InviteToDevelopmentDayInput = z.object({ id: DayId });
export type InviteToDevelopmentDayInput = z.infer<typeof InviteToDevelopmentDayInput>;

/** Whether an invited joiner came; a reason when they did not. */
export const RecordDayAttendanceInput = z.object({
  dayId: DayId,
  applicationId: z.number({ error: 'Choose a joiner.' }).int('Choose a joiner.').positive('Choose a joiner.'),
  attended: z.boolean({ error: 'Say whether the joiner attended.' }),
  reason: Reason.optional(),
});
export type RecordDayAttendanceInput = z.infer<typeof RecordDayAttendanceInput>;

export const DevelopmentDaysListInput = z
  .object({
    /** Days held on or after this date; a year before today (London) unless given, so recent days' attendance can be recorded. */
    from: IsoDate.optional(),
    /** Cancelled days too (they are left out unless asked for). */
    includeCancelled: z.boolean({ error: 'Say whether to include cancelled days.' }).optional(),
  })
  .default({});
export type DevelopmentDaysListInput = z.infer<typeof DevelopmentDaysListInput>;

export type DevelopmentDayStatus = 'scheduled' | 'cancelled';
export type DayAttendance = 'attended' | 'did_not_attend';

/** A joiner invited to a day: their case, start date, and whether they came (null: not recorded yet). */
export type DevelopmentDayInvitation = {
  applicationId: number;
  reference: string;
  name: string;
  startDate: string | null;
  invitedAt: string;
  attendance: DayAttendance | null;
  attendanceReason: string | null;
};

/**
 * A development day. `invited`, `attended`, `didNotAttend`: counts over every invitation; `toInvite`:
 * joiners the day is for (isInvitedTo) not invited yet; `invitations`: those the reader may see, by name.
 */
export type DevelopmentDay = {
  id: number;
  heldOn: string;
  place: string;
  title: string;
  status: DevelopmentDayStatus;
  version: number;
  invited: number;
  attended: number;
  didNotAttend: number;
  toInvite: number;
  invitations: DevelopmentDayInvitation[];
};

/** What inviting did: the day as it is now, and how many joiners were invited by this call. */
export type DevelopmentDayInviteResult = { day: DevelopmentDay; invitedNow: number };
