import {
  closedStages,
  type ApplicationDetail,
  type BookCourseInput,
  type CancelCourseInput,
  type CaseWaiting,
  type Course,
  type CourseJoiner,
  type CoursesListInput,
  type CreateCourseInput,
  type RecordCourseAttendanceInput,
  type UpdateCourseInput,
} from '@muster/contracts';
import { applications, inductionBookings, inductionCourses, inductionWaitlist } from '@muster/db';
import {
  assertCurrentVersion,
  assertCourseBookable,
  assertCourseOpenToChange,
  assertJoinersAtInduction,
  assertMayRecordAttendance,
  assertMayWait,
  assertRoomOnCourse,
  fieldError,
  isOfferHeld,
  offerLapsesOn,
  refuse,
  validatePosting,
  assertMayKeepCourses,
  assertMayReadCourses,
  canSee,
  DomainError,
  londonDateTime,
  validateCourse,
} from '@muster/domain';
import { and, asc, eq, gte, inArray, min, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import { appendEvent, bumpVersion, loadRow, type Tx } from './application-store.ts';
import { writeApplication } from './application-write.ts';
import { queueCourseCancelledMessage, queueCoursePlaceOfferedMessage } from './messages.ts';
import type { ServiceCtx } from './service-ctx.ts';

/*
 * Induction courses, kept by coordinators and the admin (mayKeepCourses) and read by resourcing too.
 * A course is never deleted: a cancelled one stays, with its reason, for the histories that name it.
 * Every change takes the course's `expectedVersion` and is one IMMEDIATE transaction.
 */

/** London's date today, by the services' clock: what "not in the past" is measured from. */
const todayOf = (ctx: ServiceCtx) => londonDateTime(ctx.now()).date;

/** A booking holds a place on its course while its case is not rejected or withdrawn. */
const holdsPlace = notInArray(applications.stage, [...closedStages]);

/**
 * How many joiners hold a place on each course, as a column of a query on `induction_courses`.
 * Column references inside a raw subquery are table-qualified: drizzle prints them bare here.
 */
export const bookedColumn = sql<number>`(SELECT count(*) FROM induction_bookings b JOIN applications a ON a.id = b.application_id WHERE b.course_id = induction_courses.id AND a.stage NOT IN (${sql.join(
  closedStages.map((s) => sql`${s}`),
  sql`, `,
)}))`;

/** How many joiners (open cases) are on each course's waiting list, as a column of a query on `induction_courses`. */
export const waitingColumn = sql<number>`(SELECT count(*) FROM induction_waitlist w JOIN applications a ON a.id = w.application_id WHERE w.course_id = induction_courses.id AND a.stage NOT IN (${sql.join(
  closedStages.map((s) => sql`${s}`),
  sql`, `,
)}))`;

/** How many joiners hold a place on the course, leaving out one case (the one being booked, which may already be on it). */
export function bookedOn(tx: Tx, courseId: number, exceptApplication?: number): number {
  const row = tx
    .select({ n: sql<number>`count(*)` })
    .from(inductionBookings)
    .innerJoin(applications, eq(applications.id, inductionBookings.applicationId))
    .where(
      and(
        eq(inductionBookings.courseId, courseId),
        holdsPlace,
        exceptApplication === undefined ? undefined : ne(inductionBookings.applicationId, exceptApplication),
      ),
    )
    .get();
  if (!row) throw new Error('count(*) returned no row');
  return row.n;
}

const courseColumns = {
  id: inductionCourses.id,
  startsOn: inductionCourses.startsOn,
  place: inductionCourses.place,
  capacity: inductionCourses.capacity,
  booked: bookedColumn,
  status: inductionCourses.status,
  cancelReason: inductionCourses.cancelReason,
  version: inductionCourses.version,
};

/** Courses with their joiners (those the reader may see), soonest first. */
function coursesWhere(ctx: ServiceCtx, tx: Tx, where: SQL | undefined): Course[] {
  const rows = tx
    .select(courseColumns)
    .from(inductionCourses)
    .where(where)
    .orderBy(asc(inductionCourses.startsOn), asc(inductionCourses.id))
    .limit(500)
    .all();
  if (!rows.length) return [];
  const joiners = tx
    .select({
      courseId: inductionBookings.courseId,
      applicationId: applications.id,
      reference: applications.reference,
      firstName: applications.firstName,
      lastName: applications.lastName,
      stage: applications.stage,
      targetUnit: applications.targetUnit,
      attendance: inductionBookings.attendance,
      version: applications.version,
    })
    .from(inductionBookings)
    .innerJoin(applications, eq(applications.id, inductionBookings.applicationId))
    .where(
      and(
        inArray(
          inductionBookings.courseId,
          rows.map((r) => r.id),
        ),
        holdsPlace,
      ),
    )
    .orderBy(asc(applications.lastName), asc(applications.firstName), asc(applications.id))
    .all()
    .filter((j) => canSee(ctx.actor, j));
  const now = ctx.now();
  return rows.map((r) => {
    const waiting = waitingOn(tx, r.id);
    return {
      ...r,
      joiners: joiners
        .filter((j) => j.courseId === r.id)
        .map((j): CourseJoiner => ({
          applicationId: j.applicationId,
          reference: j.reference,
          name: `${j.firstName} ${j.lastName}`,
          version: j.version,
          attendance: j.attendance ?? null,
        })),
      held: waiting.filter((w) => isOfferHeld(w.offeredAt, now)).length,
      // Positions count everyone waiting; the reader is shown those they may see.
      waiting: waiting
        .map((w, i) => ({ w, position: i + 1 }))
        .filter(({ w }) => canSee(ctx.actor, w))
        .map(({ w, position }) => ({
          applicationId: w.applicationId,
          reference: w.reference,
          name: `${w.firstName} ${w.lastName}`,
          position,
          addedAt: w.addedAt,
          offeredAt: w.offeredAt,
          isOfferHeld: isOfferHeld(w.offeredAt, now),
        })),
    };
  });
}

function oneCourse(ctx: ServiceCtx, tx: Tx, id: number): Course {
  const [course] = coursesWhere(ctx, tx, eq(inductionCourses.id, id));
  if (!course) throw new Error(`course ${id} vanished inside its own transaction`);
  return course;
}

/** A course for a change: it exists and it is at the version the writer read (else CONFLICT, with the course as it is now). */
function courseFor(ctx: ServiceCtx, tx: Tx, id: number, expectedVersion: number) {
  const course = tx.select().from(inductionCourses).where(eq(inductionCourses.id, id)).get();
  if (!course) throw new DomainError('NOT_FOUND', `There is no induction course ${id}.`);
  assertCurrentVersion(course, expectedVersion, 'Someone else changed this course. Look at it again before you carry on.', () =>
    oneCourse(ctx, tx, id),
  );
  return course;
}

/** Courses from a date (today unless given), soonest first; cancelled ones only if asked for. */
export function listCourses(ctx: ServiceCtx, input: CoursesListInput): Course[] {
  assertMayReadCourses(ctx.actor);
  const from = input.from ?? todayOf(ctx);
  return coursesWhere(
    ctx,
    ctx.db,
    and(gte(inductionCourses.startsOn, from), input.includeCancelled ? undefined : eq(inductionCourses.status, 'scheduled')),
  );
}

export function createCourse(ctx: ServiceCtx, input: CreateCourseInput): Course {
  assertMayKeepCourses(ctx.actor);
  validateCourse(input, { today: todayOf(ctx) });
  return ctx.db.transaction(
    (tx) => {
      const { id } = tx
        .insert(inductionCourses)
        .values({ startsOn: input.startsOn, place: input.place.trim(), capacity: input.capacity })
        .returning({ id: inductionCourses.id })
        .get();
      return oneCourse(ctx, tx, id);
    },
    { behavior: 'immediate' },
  );
}

/** A course's date, place and places changed: never to fewer places than are booked, nor after a joiner starts. */
export function updateCourse(ctx: ServiceCtx, input: UpdateCourseInput): Course {
  assertMayKeepCourses(ctx.actor);
  return ctx.db.transaction(
    (tx) => {
      const course = courseFor(ctx, tx, input.id, input.expectedVersion);
      const today = todayOf(ctx);
      assertCourseOpenToChange(course, today, 'change');
      const earliest = tx
        .select({ startDate: min(inductionBookings.startDate) })
        .from(inductionBookings)
        .innerJoin(applications, eq(applications.id, inductionBookings.applicationId))
        .where(and(eq(inductionBookings.courseId, course.id), holdsPlace))
        .get();
      validateCourse(input, {
        today,
        current: {
          startsOn: course.startsOn,
          booked: bookedOn(tx, course.id),
          earliestJoinerStart: earliest?.startDate ?? null,
        },
      });
      tx.update(inductionCourses)
        .set({ startsOn: input.startsOn, place: input.place.trim(), capacity: input.capacity, version: course.version + 1 })
        .where(eq(inductionCourses.id, course.id))
        .run();
      return oneCourse(ctx, tx, course.id);
    },
    { behavior: 'immediate' },
  );
}

/**
 * Cancels a course, saying why. In the same transaction each joiner booked on it loses the booking,
 * their case gets an `induction_cancelled` event (with the reason) and a new version, and they are
 * told by a message in the outbox; if any of it fails, none of it is done.
 */
export function cancelCourse(ctx: ServiceCtx, input: CancelCourseInput): Course {
  assertMayKeepCourses(ctx.actor);
  return ctx.db.transaction(
    (tx) => {
      const course = courseFor(ctx, tx, input.id, input.expectedVersion);
      assertCourseOpenToChange(course, todayOf(ctx), 'cancel');
      const joiners = tx
        .select({
          applicationId: applications.id,
          reference: applications.reference,
          firstName: applications.firstName,
          lastName: applications.lastName,
          email: applications.email,
          stage: applications.stage,
          startDate: inductionBookings.startDate,
          postingUnit: inductionBookings.postingUnit,
          postingPlace: inductionBookings.postingPlace,
        })
        .from(inductionBookings)
        .innerJoin(applications, eq(applications.id, inductionBookings.applicationId))
        .where(and(eq(inductionBookings.courseId, course.id), holdsPlace))
        .orderBy(asc(applications.id))
        .all();
      assertJoinersAtInduction(joiners);
      const at = ctx.now().toISOString();
      for (const j of joiners) {
        tx.delete(inductionBookings).where(eq(inductionBookings.applicationId, j.applicationId)).run();
        bumpVersion(tx, loadRow(tx, j.applicationId), at);
        appendEvent(tx, {
          applicationId: j.applicationId,
          actorId: ctx.actor.id,
          at,
          type: 'induction_cancelled',
          reason: input.reason,
          details: {
            courseId: course.id,
            courseStartsOn: course.startsOn,
            coursePlace: course.place,
            startDate: j.startDate,
            postingUnit: j.postingUnit,
            postingPlace: j.postingPlace,
          },
        });
        queueCourseCancelledMessage(
          tx,
          { applicationId: j.applicationId, reference: j.reference, name: `${j.firstName} ${j.lastName}`, email: j.email },
          course,
          at,
        );
      }
      tx.update(inductionCourses)
        .set({ status: 'cancelled', cancelReason: input.reason, version: course.version + 1 })
        .where(eq(inductionCourses.id, course.id))
        .run();
      return oneCourse(ctx, tx, course.id);
    },
    { behavior: 'immediate' },
  );
}

/* ---- booking joiners: courses.book, the waiting list, attendance ---- */

/** Open cases on a course's waiting list, not booked on it, in order: what `position` counts. */
function waitingOn(tx: Tx, courseId: number) {
  return tx
    .select({
      id: inductionWaitlist.id,
      applicationId: applications.id,
      reference: applications.reference,
      firstName: applications.firstName,
      lastName: applications.lastName,
      email: applications.email,
      stage: applications.stage,
      targetUnit: applications.targetUnit,
      addedAt: inductionWaitlist.addedAt,
      offeredAt: inductionWaitlist.offeredAt,
    })
    .from(inductionWaitlist)
    .innerJoin(applications, eq(applications.id, inductionWaitlist.applicationId))
    .where(and(eq(inductionWaitlist.courseId, courseId), holdsPlace))
    .orderBy(asc(inductionWaitlist.id))
    .all();
}

/** Places on a course held by an offer for anyone but `exceptApplication`. */
function heldOn(ctx: ServiceCtx, tx: Tx, courseId: number, exceptApplication?: number): number {
  const now = ctx.now();
  return waitingOn(tx, courseId).filter((w) => w.applicationId !== exceptApplication && isOfferHeld(w.offeredAt, now)).length;
}

/**
 * A place may have freed on a course: while it has a free place (not booked, not held by an offer)
 * and someone waiting who has not been offered one, the first of them is offered it — the offer
 * marked, an `induction_place_offered` event and a new version on their case, a message to them in
 * the outbox. A cancelled course, or one that has started, offers nothing.
 */
export function offerFreedPlaces(ctx: ServiceCtx, tx: Tx, courseId: number, at: string): void {
  const course = tx.select().from(inductionCourses).where(eq(inductionCourses.id, courseId)).get();
  if (!course || course.status !== 'scheduled' || course.startsOn < todayOf(ctx)) return;
  for (;;) {
    const waiting = waitingOn(tx, courseId);
    const free = course.capacity - bookedOn(tx, courseId) - heldOn(ctx, tx, courseId);
    const next = waiting.find((w) => w.offeredAt === null);
    if (free <= 0 || !next) return;
    tx.update(inductionWaitlist).set({ offeredAt: at }).where(eq(inductionWaitlist.id, next.id)).run();
    bumpVersion(tx, loadRow(tx, next.applicationId), at);
    appendEvent(tx, {
      applicationId: next.applicationId,
      actorId: ctx.actor.id,
      at,
      type: 'induction_place_offered',
      details: {
        courseId: course.id,
        courseStartsOn: course.startsOn,
        coursePlace: course.place,
        heldUntil: offerLapsesOn(at),
        position: waiting.indexOf(next) + 1,
      },
    });
    queueCoursePlaceOfferedMessage(
      tx,
      {
        applicationId: next.applicationId,
        reference: next.reference,
        name: `${next.firstName} ${next.lastName}`,
        email: next.email,
      },
      course,
      offerLapsesOn(at),
      at,
    );
  }
}

/**
 * Books a joiner at induction on a course, with their start date and posting (courses.book); the
 * one way a booking is made. A booking on another course is replaced, and the place it held is
 * offered on (offerFreedPlaces). A full course (places booked, or held for others offered them) is
 * refused with `induction.course_full` — or, with `waitlist`, takes the joiner on its waiting list.
 */
export function bookCourse(ctx: ServiceCtx, input: BookCourseInput): ApplicationDetail {
  return writeApplication(ctx, input, 'induction', (tx, { row, induction }, at) => {
    const course = tx.select().from(inductionCourses).where(eq(inductionCourses.id, input.courseId)).get();
    if (!course) throw fieldError('courseId', 'Choose an induction course from the list.', 'induction.course_unknown');
    assertCourseBookable(course);
    const isOnIt = induction?.courseId === course.id;
    const waiting = waitingOn(tx, course.id);
    const room = {
      capacity: course.capacity,
      booked: bookedOn(tx, course.id, row.id),
      heldForOthers: heldOn(ctx, tx, course.id, row.id),
    };
    if (input.waitlist) {
      assertMayWait({ ...room, isWaiting: waiting.some((w) => w.applicationId === row.id), isBookedOnIt: isOnIt });
      tx.insert(inductionWaitlist)
        .values({ courseId: course.id, applicationId: row.id, addedAt: at, addedBy: ctx.actor.id })
        .run();
      bumpVersion(tx, row, at);
      appendEvent(tx, {
        applicationId: row.id,
        actorId: ctx.actor.id,
        at,
        type: 'induction_waitlisted',
        details: {
          courseId: course.id,
          courseStartsOn: course.startsOn,
          coursePlace: course.place,
          position: waiting.length + 1,
        },
      });
      return;
    }
    validatePosting(input);
    if (!isOnIt) assertRoomOnCourse({ ...room, waiting: waiting.length });
    if (input.startDate < course.startsOn) {
      throw fieldError(
        'startDate',
        `The start date cannot be before the induction course starts (${course.startsOn}).`,
        'induction.start_before_course',
      );
    }
    const record = {
      courseId: course.id,
      startDate: input.startDate,
      postingUnit: input.postingUnit,
      postingPlace: input.postingPlace,
      postingRole: input.postingRole ?? null,
      attendance: null,
      attendanceReason: null,
      bookedBy: ctx.actor.id,
      bookedAt: at,
    };
    tx.insert(inductionBookings)
      .values({ applicationId: row.id, ...record })
      .onConflictDoUpdate({ target: inductionBookings.applicationId, set: record })
      .run();
    // Booked on it: no longer waiting for it.
    tx.delete(inductionWaitlist)
      .where(and(eq(inductionWaitlist.courseId, course.id), eq(inductionWaitlist.applicationId, row.id)))
      .run();
    bumpVersion(tx, row, at);
    const moved = induction && induction.courseId !== course.id ? induction.courseId : null;
    appendEvent(tx, {
      applicationId: row.id,
      actorId: ctx.actor.id,
      at,
      type: 'induction_booked',
      details: {
        courseId: course.id,
        courseStartsOn: course.startsOn,
        coursePlace: course.place,
        startDate: input.startDate,
        postingUnit: input.postingUnit,
        postingPlace: input.postingPlace,
        postingRole: input.postingRole ?? null,
        ...(moved === null ? {} : { previousCourseId: moved }),
      },
    });
    if (moved !== null) offerFreedPlaces(ctx, tx, moved, at);
  });
}

/**
 * Whether the joiner attended their course, once it has started (courses.recordAttendance; coordinators
 * and resourcing, at induction). Attended: kept on the booking. Did not attend: the booking is removed
 * — the joiner needs a new course, so the induction gate reports none booked — and the event
 * `induction_not_attended` keeps the course, the posting and the reason as history.
 */
export function recordAttendance(ctx: ServiceCtx, input: RecordCourseAttendanceInput): ApplicationDetail {
  return writeApplication(ctx, input, 'induction', (tx, { row, induction }, at) => {
    if (!induction) throw refuse('induction.not_booked', 'The joiner is not booked on an induction course.');
    const course = tx.select().from(inductionCourses).where(eq(inductionCourses.id, induction.courseId)).get();
    if (!course) throw new Error(`course ${induction.courseId} of a booking vanished`);
    assertMayRecordAttendance({ courseStartsOn: course.startsOn, today: todayOf(ctx), attendance: induction.attendance });
    const details = {
      courseId: course.id,
      courseStartsOn: course.startsOn,
      coursePlace: course.place,
      startDate: induction.startDate,
      postingUnit: induction.postingUnit,
      postingPlace: induction.postingPlace,
      postingRole: induction.postingRole,
    };
    if (input.attended) {
      tx.update(inductionBookings)
        .set({ attendance: 'attended', attendanceReason: null })
        .where(eq(inductionBookings.applicationId, row.id))
        .run();
    } else {
      tx.delete(inductionBookings).where(eq(inductionBookings.applicationId, row.id)).run();
    }
    bumpVersion(tx, row, at);
    appendEvent(tx, {
      applicationId: row.id,
      actorId: ctx.actor.id,
      at,
      type: input.attended ? 'induction_attended' : 'induction_not_attended',
      reason: input.attended ? null : (input.reason ?? null),
      details,
    });
  });
}

/** The waiting lists a case is on, soonest course first, with its position on each (its case page). */
export function caseWaitingOf(ctx: ServiceCtx, tx: Tx, applicationId: number): CaseWaiting[] {
  const rows = tx
    .select({ courseId: inductionWaitlist.courseId, startsOn: inductionCourses.startsOn, place: inductionCourses.place })
    .from(inductionWaitlist)
    .innerJoin(inductionCourses, eq(inductionCourses.id, inductionWaitlist.courseId))
    .where(and(eq(inductionWaitlist.applicationId, applicationId), eq(inductionCourses.status, 'scheduled')))
    .orderBy(asc(inductionCourses.startsOn), asc(inductionCourses.id))
    .all();
  const now = ctx.now();
  return rows.flatMap((r) => {
    const list = waitingOn(tx, r.courseId);
    const i = list.findIndex((w) => w.applicationId === applicationId);
    const w = list[i];
    if (!w) return [];
    return [
      {
        courseId: r.courseId,
        courseStartsOn: r.startsOn,
        coursePlace: r.place,
        position: i + 1,
        addedAt: w.addedAt,
        offeredAt: w.offeredAt,
        isOfferHeld: isOfferHeld(w.offeredAt, now),
      },
    ];
  });
}
