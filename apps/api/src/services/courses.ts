import {
  closedStages,
  type CancelCourseInput,
  type Course,
  type CourseJoiner,
  type CoursesListInput,
  type CreateCourseInput,
  type UpdateCourseInput,
} from '@muster/contracts';
import { applications, inductionBookings, inductionCourses } from '@muster/db';
import {
  assertCourseOpenToChange,
  assertJoinersAtInduction,
  assertMayKeepCourses,
  assertMayReadCourses,
  canSee,
  DomainError,
  londonDateTime,
  validateCourse,
} from '@muster/domain';
import { and, asc, eq, gte, inArray, min, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import { appendEvent, bumpVersion, loadRow, type Tx } from './application-store.ts';
import { queueCourseCancelledMessage } from './messages.ts';
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
  return rows.map((r) => ({
    ...r,
    joiners: joiners
      .filter((j) => j.courseId === r.id)
      .map((j): CourseJoiner => ({
        applicationId: j.applicationId,
        reference: j.reference,
        name: `${j.firstName} ${j.lastName}`,
      })),
  }));
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
  if (course.version !== expectedVersion)
    throw new DomainError('CONFLICT', 'Someone else changed this course. Look at it again before you carry on.', {
      current: oneCourse(ctx, tx, id),
    });
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
