import { z } from 'zod';
import { ExpectedVersion, IsoDate, Reason } from './common.ts';

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

/** A joiner booked on a course: their case. */
export type CourseJoiner = { applicationId: number; reference: string; name: string };

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
};
