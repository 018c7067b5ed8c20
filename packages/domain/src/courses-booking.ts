import type { UnitCode } from '@muster/contracts';
import { addDays, formatDate } from './dates.ts';
import { DomainError, fieldError, refuse } from './errors.ts';
import { bcus, metccRoles, postingPlacesOf, sntWards, unitName } from './reference.ts';

/*
 * Booking a joiner on an induction course (courses.book), its waiting list and attendance.
 *
 * The waiting list: a course that is full takes a joiner on its waiting list instead, in the order
 * they were added. When a place frees (a joiner moves to another course, their case closes, they
 * did not attend…) the first joiner waiting who has not yet been offered a place is offered it: the
 * place is held for them for `offerHoldDays` days, in which nobody else may take it. After that the
 * hold lapses; they stay on the list and may still be booked if a place is free, but the next place
 * to free goes to the next joiner waiting.
 */

/** How long a place offered to a joiner on the waiting list is held for them. */
export const offerHoldDays = 3;

/** Whether an offer made at `offeredAt` (ISO instant) still holds its place at `now`. */
export function isOfferHeld(offeredAt: string | null, now: Date): boolean {
  return offeredAt !== null && new Date(offeredAt).getTime() + offerHoldDays * 86_400_000 > now.getTime();
}

/** The date (London, YYYY-MM-DD) a held offer lapses. */
export function offerLapsesOn(offeredAt: string): string {
  return addDays(offeredAt, offerHoldDays);
}

/**
 * How many places a joiner may not take: those booked by others and those held for others by an
 * offer. Free places are `capacity` less this.
 */
export function placesTaken(booked: number, heldForOthers: number): number {
  return booked + heldForOthers;
}

/** Refuses a booking on a full course, saying the waiting list is there (CONFLICT, `induction.course_full`). */
export function assertRoomOnCourse(c: { capacity: number; booked: number; heldForOthers: number; waiting: number }): void {
  if (placesTaken(c.booked, c.heldForOthers) < c.capacity) return;
  const held = c.heldForOthers ? ` (${c.heldForOthers} of them held for joiners offered a place from the waiting list)` : '';
  const message = `That induction course is full: its ${c.capacity} places are taken${held}. It has a waiting list (${c.waiting === 1 ? '1 joiner is' : `${c.waiting} joiners are`} on it): add the joiner to it, or choose another course.`;
  throw new DomainError('CONFLICT', message, {
    fieldErrors: { courseId: [message] },
    fieldCodes: { courseId: ['induction.course_full'] },
    current: { capacity: c.capacity, booked: c.booked, heldForOthers: c.heldForOthers, waiting: c.waiting },
  });
}

/** Refuses adding a joiner to a course's waiting list when there is a place for them, or they are on it already, or booked on it. */
export function assertMayWait(c: {
  capacity: number;
  booked: number;
  heldForOthers: number;
  isWaiting: boolean;
  isBookedOnIt: boolean;
}): void {
  if (c.isBookedOnIt) throw fieldError('courseId', 'The joiner is already booked on that course.', 'induction.already_booked');
  if (c.isWaiting)
    throw fieldError('courseId', 'The joiner is already on that course’s waiting list.', 'induction.already_waiting');
  if (placesTaken(c.booked, c.heldForOthers) < c.capacity)
    throw fieldError(
      'courseId',
      'That course has a free place: book the joiner on it instead of adding them to the waiting list.',
      'induction.course_has_room',
    );
}

/** A posting as typed: the unit, the place and, for MetCC, the role. */
export type PostingDraft = { postingUnit: UnitCode; postingPlace: string; postingRole?: string | null | undefined };

/**
 * Every problem with a posting, field by field. SNT posts to a ward of one of the 12 BCUs ("Ward,
 * BCU"); MetCC to a centre (Lambeth, Hendon, Bow) in a role (First Contact or Despatch), which no other
 * unit has; TSG to a base; SOIT and BCU to a BCU; the rest to their places.
 */
export function postingProblems(p: PostingDraft): {
  field: 'postingPlace' | 'postingRole';
  code: 'induction.place_not_of_unit' | 'induction.role_missing' | 'induction.role_not_of_unit';
  message: string;
}[] {
  const out: ReturnType<typeof postingProblems> = [];
  if (!postingPlacesOf(p.postingUnit).includes(p.postingPlace))
    out.push({
      field: 'postingPlace',
      code: 'induction.place_not_of_unit',
      message:
        p.postingUnit === 'SNT'
          ? `${p.postingPlace} is not a ward Safer Neighbourhoods posts to: choose a ward, as "Ward, BCU".`
          : `${p.postingPlace} is not a place ${unitName(p.postingUnit)} posts to.`,
    });
  const role = p.postingRole ?? null;
  if (p.postingUnit === 'METCC' && role === null)
    out.push({
      field: 'postingRole',
      code: 'induction.role_missing',
      message: 'Choose the MetCC role: First Contact or Despatch.',
    });
  else if (p.postingUnit === 'METCC' && !(metccRoles as readonly string[]).includes(role ?? ''))
    out.push({
      field: 'postingRole',
      code: 'induction.role_not_of_unit',
      message: `${role} is not a MetCC role: choose First Contact or Despatch.`,
    });
  else if (p.postingUnit !== 'METCC' && role !== null)
    out.push({
      field: 'postingRole',
      code: 'induction.role_not_of_unit',
      message: `Only a MetCC posting has a role: ${unitName(p.postingUnit)} has none.`,
    });
  return out;
}

/** Refuses an inconsistent posting: BAD_REQUEST with every problem at its field, with its code. */
export function validatePosting(p: PostingDraft): void {
  const problems = postingProblems(p);
  if (!problems.length) return;
  const fieldErrors: Record<string, string[]> = {};
  const fieldCodes: Record<string, (typeof problems)[number]['code'][]> = {};
  for (const x of problems) {
    (fieldErrors[x.field] ??= []).push(x.message);
    (fieldCodes[x.field] ??= []).push(x.code);
  }
  throw new DomainError('BAD_REQUEST', problems.map((x) => x.message).join(' '), { fieldErrors, fieldCodes });
}

/** The wards of SNT by BCU, as the form offers them. */
export const sntWardsByBcu = bcus.map((bcu) => ({ bcu, wards: sntWards[bcu] }));

/** What recording attendance needs to know: the booking's course and what is recorded already. */
export type AttendanceFacts = { courseStartsOn: string; today: string; attendance: 'attended' | 'did_not_attend' | null };

/** Refuses recording attendance before the course has started, or a second time. */
export function assertMayRecordAttendance(f: AttendanceFacts): void {
  if (f.courseStartsOn > f.today)
    throw refuse(
      'induction.course_not_started',
      `The course starts on ${formatDate(f.courseStartsOn)}: attendance is recorded once it has started.`,
    );
  if (f.attendance !== null)
    throw refuse('induction.attendance_recorded', 'Attendance on this course is already recorded for this joiner.');
}
