import type { FieldCodes, RefusalCode } from '@muster/contracts';
import type { Actor } from './application.ts';
import { formatDate } from './dates.ts';
import { DomainError, refuse } from './errors.ts';

/*
 * Induction courses: who keeps them, and what a course must be. Coordinators run induction, so they
 * keep the courses, and so does the admin, who keeps the reference data; resourcing reads them.
 */

/** The bounds of a course as typed. */
export const courseLimits = { placeMinLength: 2, placeMaxLength: 100, minCapacity: 1, maxCapacity: 200 } as const;

/** Who may add, change and cancel induction courses. */
export function mayKeepCourses(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'coordinator' || actor.role === 'admin';
}

/** Who may read the courses with their joiners: their keepers, and resourcing, who book joiners too. */
export function mayReadCourses(actor: Pick<Actor, 'role'>): boolean {
  return mayKeepCourses(actor) || actor.role === 'resourcing';
}

export function assertMayKeepCourses(actor: Pick<Actor, 'role'>): void {
  if (!mayKeepCourses(actor))
    throw new DomainError('FORBIDDEN', 'Only coordinators and the admin add, change or cancel induction courses.');
}

export function assertMayReadCourses(actor: Pick<Actor, 'role'>): void {
  if (!mayReadCourses(actor))
    throw new DomainError('FORBIDDEN', 'Only coordinators, resourcing and the admin see the induction courses.');
}

/** A course as typed: the date it starts, where, and how many joiners it takes. */
export type CourseDraft = { startsOn: string; place: string; capacity: number };

/**
 * What the rules need to know besides the draft. `today`: London's date. An edit also gives the
 * course as it is (`current`), how many joiners are booked on it and the earliest start date any of
 * them has (null with none).
 */
export type CourseFacts = {
  today: string;
  current?: { startsOn: string; booked: number; earliestJoinerStart: string | null };
};

export type CourseProblem = { field: keyof CourseDraft; code: RefusalCode; message: string };

/**
 * Every problem with a course as typed, field by field (empty: the course may be saved). A new course
 * starts today or later; an edit may keep a date already past only if it does not change it, and may
 * not move the course after a booked joiner's start date, nor take fewer joiners than are booked.
 */
export function courseProblems(draft: CourseDraft, facts: CourseFacts): CourseProblem[] {
  const problems: CourseProblem[] = [];
  const { current } = facts;
  const isDateChanged = !current || current.startsOn !== draft.startsOn;
  if (isDateChanged && draft.startsOn < facts.today)
    problems.push({
      field: 'startsOn',
      code: 'courses.starts_in_past',
      message: `The course must start today (${formatDate(facts.today)}) or later.`,
    });
  else if (isDateChanged && current?.earliestJoinerStart && draft.startsOn > current.earliestJoinerStart)
    problems.push({
      field: 'startsOn',
      code: 'courses.after_joiner_start',
      message: `A joiner booked on this course starts on ${formatDate(current.earliestJoinerStart)}: the course cannot start after that. Change their start date first.`,
    });
  const place = draft.place.trim();
  if (place.length < courseLimits.placeMinLength || place.length > courseLimits.placeMaxLength)
    problems.push({
      field: 'place',
      code: 'courses.place_length',
      message: place.length
        ? `Enter the place in ${courseLimits.placeMinLength} to ${courseLimits.placeMaxLength} characters.`
        : 'Enter where the course takes place.',
    });
  if (!Number.isInteger(draft.capacity) || draft.capacity < courseLimits.minCapacity || draft.capacity > courseLimits.maxCapacity)
    problems.push({
      field: 'capacity',
      code: 'courses.capacity_out_of_range',
      message: `A course takes ${courseLimits.minCapacity} to ${courseLimits.maxCapacity} joiners.`,
    });
  else if (current && draft.capacity < current.booked)
    problems.push({
      field: 'capacity',
      code: 'courses.capacity_below_booked',
      message: `${current.booked === 1 ? '1 joiner is' : `${current.booked} joiners are`} booked on this course: it must take at least ${current.booked}.`,
    });
  return problems;
}

/** Refuses a course with any problem: BAD_REQUEST with every one of them, at its field, with its code. */
export function validateCourse(draft: CourseDraft, facts: CourseFacts): void {
  const problems = courseProblems(draft, facts);
  if (!problems.length) return;
  const fieldErrors: Record<string, string[]> = {};
  const fieldCodes: FieldCodes = {};
  for (const p of problems) {
    (fieldErrors[p.field] ??= []).push(p.message);
    (fieldCodes[p.field] ??= []).push(p.code);
  }
  throw new DomainError('BAD_REQUEST', problems.map((p) => p.message).join(' '), { fieldErrors, fieldCodes });
}

/** A course as a change to it reads it: its state, and the date it starts. */
export type CourseState = { status: 'scheduled' | 'cancelled'; startsOn: string };

/**
 * Refuses changing or cancelling a course that is cancelled, or that started before today (its
 * joiners have been on it: it is history now).
 */
export function assertCourseOpenToChange(course: CourseState, today: string, what: 'change' | 'cancel'): void {
  if (course.status === 'cancelled')
    throw refuse(
      'courses.cancelled',
      `This course is cancelled: it cannot be ${what === 'change' ? 'changed' : 'cancelled again'}.`,
    );
  if (course.startsOn < today)
    throw refuse(
      'courses.already_started',
      `This course started on ${formatDate(course.startsOn)}: a course that has started cannot be ${what === 'change' ? 'changed' : 'cancelled'}.`,
    );
}

/** A joiner on a course about to be cancelled: their case's reference and stage. */
export type JoinerStage = { reference: string; stage: string };

/**
 * Refuses cancelling a course while a joiner on it has moved on past induction: their booking is
 * what let them move on, so they are moved back to induction first.
 */
export function assertJoinersAtInduction(joiners: readonly JoinerStage[]): void {
  const movedOn = joiners.filter((j) => j.stage === 'mentoring' || j.stage === 'onboarded');
  if (movedOn.length)
    throw refuse(
      'courses.joiners_moved_on',
      `${movedOn.map((j) => j.reference).join(', ')} ${movedOn.length === 1 ? 'has' : 'have'} moved on past induction on this course’s booking. Move ${movedOn.length === 1 ? 'that case' : 'those cases'} back to induction before cancelling the course.`,
    );
}

/** Refuses booking a joiner on a cancelled course. */
export function assertCourseBookable(course: Pick<CourseState, 'status'>): void {
  if (course.status === 'cancelled') {
    const message = 'That induction course is cancelled. Choose another course.';
    throw new DomainError('BAD_REQUEST', message, {
      fieldErrors: { courseId: [message] },
      fieldCodes: { courseId: ['induction.course_cancelled'] },
    });
  }
}
