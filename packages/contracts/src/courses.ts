import { z } from 'zod';
import { ApplicationWrite, ExpectedVersion, IsoDate, Reason } from './common.ts';
import { unitCodes } from './vocabulary.ts';

/*
 * Induction courses, kept by coordinators and the admin (`courses.*`). The schemas check what was
 * sent is of the right kind; the rules of a course (not in the past, its place 2–100 characters, 1–200
 * places, never fewer than are booked) are the domain's (`validateCourse`), with codes of their own.
 */

const CourseId = z.number({ error: 'Choose a course.' }).int('Choose a course.').positive('Choose a course.');

const isMissing = (v: unknown) => v === undefined || v === null || v === '';

const CourseFields = {
  startsOn: z.iso.date({
    error: (issue) => (isMissing(issue.input) ? 'Enter the date the course starts.' : 'Enter a real date as YYYY-MM-DD.'),
  }),
  place: z.string({ error: 'Enter where the course takes place.' }).trim(),
  capacity: z
    .number({ error: 'Enter how many joiners the course takes, as a number.' })
    .int('Enter how many joiners the course takes as a whole number.'),
};

export const CreateCourseInput = z.object(CourseFields);
export type CreateCourseInput = z.infer<typeof CreateCourseInput>;

/** A course changed: its date, place and number of places, at the version read. */
export const UpdateCourseInput = z.object({ id: CourseId, expectedVersion: ExpectedVersion, ...CourseFields });
export type UpdateCourseInput = z.infer<typeof UpdateCourseInput>;

/** A course called off, saying why; its joiners lose their booking and are told. */
export const CancelCourseInput = z.object({ id: CourseId, expectedVersion: ExpectedVersion, reason: Reason });
export type CancelCourseInput = z.infer<typeof CancelCourseInput>;

export const CoursesListInput = z
  .object({
    /** Courses starting on or after this date; today (London) unless given. */
    from: IsoDate.optional(),
    /** Cancelled courses too (they are left out unless asked for). */
    includeCancelled: z.boolean({ error: 'Say whether to include cancelled courses.' }).optional(),
  })
  .default({});
export type CoursesListInput = z.infer<typeof CoursesListInput>;

export type CourseStatus = 'scheduled' | 'cancelled';

/**
 * A joiner booked on an induction course (`courses.book`), replacing any booking the case has (its
 * old place frees, and is offered to the first on that course's waiting list). With `waitlist: true`
 * a full course takes the joiner on its waiting list instead; without it a full course is refused.
 * `postingRole`: MetCC's role (First Contact or Despatch), required for MetCC and for no other unit.
 */
export const BookCourseInput = ApplicationWrite.extend({
  courseId: CourseId,
  startDate: z.iso.date({
    error: (issue) => (isMissing(issue.input) ? 'Enter the start date.' : 'Enter a real date as YYYY-MM-DD.'),
  }),
  postingUnit: z.enum(unitCodes, {
    error: (issue) =>
      isMissing(issue.input) ? 'Choose a posting unit.' : `Choose a posting unit. Use one of: ${unitCodes.join(', ')}.`,
  }),
  postingPlace: z.string({ error: 'Choose a place.' }).trim().min(1, 'Choose a place.').max(120),
  postingRole: z.string({ error: 'Choose the MetCC role.' }).trim().max(40).nullish(),
  waitlist: z.boolean({ error: 'Say whether to add the joiner to the waiting list.' }).optional(),
});
export type BookCourseInput = z.infer<typeof BookCourseInput>;

/** Whether a joiner attended their induction course, once it has started; why not, if they did not. */
export const RecordCourseAttendanceInput = ApplicationWrite.extend({
  attended: z.boolean({ error: 'Say whether the joiner attended.' }),
  reason: Reason.optional(),
}).superRefine((v, ctx) => {
  if (!v.attended && !v.reason)
    ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Give a reason why the joiner did not attend.' });
});
export type RecordCourseAttendanceInput = z.infer<typeof RecordCourseAttendanceInput>;

/** Attendance on a course, once recorded. */
export type Attendance = 'attended' | 'did_not_attend';

/** A joiner booked on a course: their case, and their attendance once recorded. */
export type CourseJoiner = {
  applicationId: number;
  reference: string;
  name: string;
  version: number;
  attendance: Attendance | null;
};

/**
 * A joiner on a course's waiting list, in order (`position` from 1). `offeredAt`: when a freed place
 * was offered to them; `isOfferHeld`: the place is still held for them (3 days from the offer).
 */
export type CourseWaiting = {
  applicationId: number;
  reference: string;
  name: string;
  position: number;
  addedAt: string;
  offeredAt: string | null;
  isOfferHeld: boolean;
};

/** A case's place on a course's waiting list, as its case page shows it. */
export type CaseWaiting = {
  courseId: number;
  courseStartsOn: string;
  coursePlace: string;
  position: number;
  addedAt: string;
  offeredAt: string | null;
  isOfferHeld: boolean;
};

/**
 * An induction course as its keepers see it. `booked`: joiners booked on it (cases not rejected or
 * withdrawn); `joiners`: those of them the reader may see, by name (every answer of `courses.*` has them).
 */
export type Course = {
  id: number;
  startsOn: string;
  place: string;
  capacity: number;
  booked: number;
  status: CourseStatus;
  cancelReason: string | null;
  version: number;
  joiners?: CourseJoiner[];
  /** Places held for joiners offered them from the waiting list (not yet booked). */
  held: number;
  /** The waiting list in order: those of them the reader may see. */
  waiting: CourseWaiting[];
};
