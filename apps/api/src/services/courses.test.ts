import type { ApplicationDetail, Course } from '@muster/contracts';
import { applicationEvents, applications, inductionBookings, inductionCourses, outbox } from '@muster/db';
import { TRPCError } from '@trpc/server';
import { asc, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applicationAt, closeReasonIds, setupApi } from '../testing.ts';

/*
 * Induction courses kept by coordinators and the admin, through the real routers: created, changed
 * and cancelled at the version read; each refusal with its code; a cancel that tells every joiner, in
 * history and in the outbox, all in one transaction.
 */

type Api = Awaited<ReturnType<typeof setupApi>>;

/** Monday 23 November 2026, 10:00 London: the clock of setupApi. A transferee moved to induction now may start from 21 December. */
const noticeEnds = '2026-12-21';

async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (e) {
    if (e instanceof TRPCError) {
      const details = (e.cause as { details?: Record<string, unknown> } | undefined)?.details ?? {};
      return {
        code: e.code,
        message: e.message,
        unmet: ((details.unmet ?? []) as { code: string }[]).map((u) => u.code),
        fieldCodes: details.fieldCodes as Record<string, string[]> | undefined,
        fieldErrors: details.fieldErrors as Record<string, string[]> | undefined,
        current: details.current,
      };
    }
    throw e;
  }
  throw new Error('expected a refusal');
}

const newCourse = (api: Api, over: Partial<{ startsOn: string; place: string; capacity: number }> = {}) =>
  api.as.coordinator.courses.create({ startsOn: '2026-12-14', place: 'Peel Centre, Hendon', capacity: 20, ...over });

/** Books a case at induction on the course, by the coordinator, starting once the notice has run. */
function book(api: Api, c: ApplicationDetail, course: Pick<Course, 'id' | 'startsOn'>) {
  return api.as.coordinator.courses.book({
    id: c.id,
    expectedVersion: c.version,
    courseId: course.id,
    startDate: course.startsOn > noticeEnds ? course.startsOn : noticeEnds,
    postingUnit: 'METCC',
    postingRole: 'First Contact',
    postingPlace: 'Lambeth',
  });
}

/** What a cancel may touch: the courses, bookings, cases' versions, history and the outbox. */
function footprint(api: Api) {
  return {
    courses: api.db.select().from(inductionCourses).orderBy(asc(inductionCourses.id)).all(),
    bookings: api.db.select().from(inductionBookings).orderBy(asc(inductionBookings.applicationId)).all(),
    versions: api.db.select({ id: applications.id, version: applications.version }).from(applications).all(),
    events: api.db.select({ n: count() }).from(applicationEvents).get()!.n,
    outbox: api.db.select({ n: count() }).from(outbox).get()!.n,
  };
}

const eventsOf = (api: Api, id: number) =>
  api.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, id)).orderBy(asc(applicationEvents.id)).all();

describe('with no demo data', () => {
  it('a coordinator creates a course and a case at induction books it and moves on', async () => {
    const api = await setupApi();
    // Nothing seeds courses: without a coordinator's, there is nothing to book.
    expect((await api.as.coordinator.reference.all()).inductionCourses).toEqual([]);
    expect(await api.as.coordinator.courses.list({})).toEqual([]);

    const course = await newCourse(api, { startsOn: '2026-12-21', place: '  Peel Centre, Hendon  ' });
    expect(course).toEqual({
      id: course.id,
      startsOn: '2026-12-21',
      place: 'Peel Centre, Hendon',
      capacity: 20,
      booked: 0,
      status: 'scheduled',
      cancelReason: null,
      version: 1,
      joiners: [],
      held: 0,
      waiting: [],
    });
    expect((await api.as.resourcing.reference.all()).inductionCourses).toEqual([
      { id: course.id, startsOn: '2026-12-21', place: 'Peel Centre, Hendon', capacity: 20, booked: 0, waiting: 0 },
    ]);

    const c = await applicationAt(api, 'induction');
    const booked = await book(api, c, course);
    expect(booked.induction).toMatchObject({ courseId: course.id, startDate: '2026-12-21' });
    expect((await api.as.coordinator.reference.all()).inductionCourses[0]?.booked).toBe(1);
    expect(await api.as.coordinator.courses.list({})).toEqual([
      {
        ...course,
        booked: 1,
        joiners: [{ applicationId: c.id, reference: c.reference, name: `${c.firstName} ${c.lastName}`, version: expect.any(Number), attendance: null }],
      },
    ]);
    const moved = await api.as.coordinator.applications.move({ id: c.id, expectedVersion: booked.version, to: 'mentoring' });
    expect(moved.stage).toBe('mentoring');
  });
});

describe('creating a course', () => {
  it('refuses a date past, a place too short or long and places out of 1–200, each at its field with its code', async () => {
    const api = await setupApi();
    const bad = await refusal(newCourse(api, { startsOn: '2026-11-22', place: 'X', capacity: 0 }));
    expect(bad).toMatchObject({
      code: 'BAD_REQUEST',
      fieldCodes: {
        startsOn: ['courses.starts_in_past'],
        place: ['courses.place_length'],
        capacity: ['courses.capacity_out_of_range'],
      },
      fieldErrors: {
        startsOn: ['The course must start today (23 November 2026) or later.'],
        place: ['Enter the place in 2 to 100 characters.'],
        capacity: ['A course takes 1 to 200 joiners.'],
      },
    });
    expect((await refusal(newCourse(api, { place: 'x'.repeat(101) }))).fieldCodes).toEqual({ place: ['courses.place_length'] });
    expect((await refusal(newCourse(api, { capacity: 201 }))).fieldCodes).toEqual({
      capacity: ['courses.capacity_out_of_range'],
    });
    // Today is not the past; 1 and 200 places are the bounds.
    expect((await newCourse(api, { startsOn: '2026-11-23', capacity: 1 })).capacity).toBe(1);
    expect((await newCourse(api, { capacity: 200 })).capacity).toBe(200);
    expect(api.db.select().from(inductionCourses).all()).toHaveLength(2);
  });

  it('asks for what is missing in words a caseworker reads', async () => {
    const api = await setupApi();
    const missing = await refusal(
      api.as.coordinator.courses.create({ startsOn: '', place: undefined as unknown as string, capacity: 2.5 }),
    );
    expect(missing.code).toBe('BAD_REQUEST');
    expect(missing.message).toContain('Enter the date the course starts.');
    expect(missing.message).toContain('Enter where the course takes place.');
    expect(missing.message).toContain('Enter how many joiners the course takes as a whole number.');
  });

  it('is the admin’s to do too, and nobody else’s', async () => {
    const api = await setupApi();
    expect((await api.as.admin.courses.create({ startsOn: '2027-01-11', place: 'Hendon', capacity: 30 })).version).toBe(1);
    for (const who of ['resourcing', 'leadMetcc', 'panelMetcc'] as const)
      expect((await refusal(api.as[who].courses.create({ startsOn: '2027-01-11', place: 'Hendon', capacity: 30 }))).code).toBe(
        'FORBIDDEN',
      );
  });
});

describe('changing a course', () => {
  it('goes up a version each time; a stale version is CONFLICT with the course as it is now', async () => {
    const api = await setupApi();
    const course = await newCourse(api);
    const changed = await api.as.coordinator.courses.update({
      id: course.id,
      expectedVersion: 1,
      startsOn: '2026-12-15',
      place: 'Marlowe House, Sidcup',
      capacity: 25,
    });
    expect(changed).toMatchObject({ startsOn: '2026-12-15', place: 'Marlowe House, Sidcup', capacity: 25, version: 2 });
    const stale = await refusal(
      api.as.admin.courses.update({ id: course.id, expectedVersion: 1, startsOn: '2026-12-14', place: 'Hendon', capacity: 30 }),
    );
    expect(stale).toMatchObject({
      code: 'CONFLICT',
      message: 'Someone else changed this course. Look at it again before you carry on.',
      current: changed,
    });
    expect(api.db.select().from(inductionCourses).get()).toMatchObject({ place: 'Marlowe House, Sidcup', version: 2 });
    const missing = { id: 9999, expectedVersion: 1, startsOn: '2026-12-15', place: 'Hendon', capacity: 25 };
    expect((await refusal(api.as.coordinator.courses.update(missing))).code).toBe('NOT_FOUND');
  });

  it('never takes fewer places than are booked, nor starts after a joiner does', async () => {
    const api = await setupApi();
    const course = await newCourse(api, { capacity: 3 });
    const a = await book(api, await applicationAt(api, 'induction'), course);
    await book(api, await applicationAt(api, 'induction'), course);
    const edit = { id: course.id, expectedVersion: 1, startsOn: course.startsOn, place: course.place };
    const below = await refusal(api.as.coordinator.courses.update({ ...edit, capacity: 1 }));
    expect(below).toMatchObject({
      code: 'BAD_REQUEST',
      fieldCodes: { capacity: ['courses.capacity_below_booked'] },
      fieldErrors: { capacity: ['2 joiners are booked on this course: it must take at least 2.'] },
    });
    // As many as are booked: the course is full, and the next booking is refused.
    const full = await api.as.coordinator.courses.update({ ...edit, capacity: 2 });
    expect(full).toMatchObject({ capacity: 2, booked: 2, version: 2 });
    const third = await applicationAt(api, 'induction');
    expect((await refusal(book(api, third, course))).fieldCodes).toEqual({ courseId: ['induction.course_full'] });
    // A joiner starts on 21 December: the course may move earlier, not later.
    expect(
      (await refusal(api.as.coordinator.courses.update({ ...edit, expectedVersion: 2, startsOn: '2026-12-22', capacity: 2 })))
        .fieldCodes,
    ).toEqual({ startsOn: ['courses.after_joiner_start'] });
    expect(
      (await api.as.coordinator.courses.update({ ...edit, expectedVersion: 2, startsOn: '2026-12-21', capacity: 2 })).startsOn,
    ).toBe('2026-12-21');
    // A withdrawn joiner holds no place: the course has room again.
    await api.as.resourcing.applications.move({
      id: a.id,
      expectedVersion: a.version,
      to: 'withdrawn',
      reasonId: closeReasonIds.withdrawn,
    });
    expect((await api.as.coordinator.courses.list({}))[0]).toMatchObject({ booked: 1 });
    expect((await book(api, third, course)).induction?.courseId).toBe(course.id);
  });

  it('refuses changing a course that has started or is cancelled', async () => {
    const api = await setupApi();
    const course = await newCourse(api, { startsOn: '2026-11-30' });
    const later = api.asAt(new Date('2026-12-01T09:00:00Z'));
    const edit = { id: course.id, expectedVersion: 1, startsOn: '2026-11-30', place: 'Hendon', capacity: 25 };
    expect((await refusal(later.coordinator.courses.update(edit))).unmet).toEqual(['courses.already_started']);
    expect(
      (await refusal(later.coordinator.courses.cancel({ id: course.id, expectedVersion: 1, reason: 'Too late.' }))).unmet,
    ).toEqual(['courses.already_started']);
    // On the day it starts it may still change.
    expect((await api.asAt(new Date('2026-11-30T08:00:00Z')).coordinator.courses.update(edit)).capacity).toBe(25);
    const cancelled = await api.as.coordinator.courses.cancel({ id: course.id, expectedVersion: 2, reason: 'No trainers.' });
    expect((await refusal(api.as.coordinator.courses.update({ ...edit, expectedVersion: 3 }))).unmet).toEqual([
      'courses.cancelled',
    ]);
    expect(
      (await refusal(api.as.coordinator.courses.cancel({ id: course.id, expectedVersion: cancelled.version, reason: 'Again.' })))
        .unmet,
    ).toEqual(['courses.cancelled']);
  });
});

describe('cancelling a course', () => {
  async function courseWithJoiners(api: Api) {
    const course = await newCourse(api);
    const other = await newCourse(api, { startsOn: '2027-01-11' });
    const first = await book(api, await applicationAt(api, 'induction'), course);
    const second = await book(api, await applicationAt(api, 'induction'), course);
    const elsewhere = await book(api, await applicationAt(api, 'induction'), other);
    // A joiner withdrawn since: their booking is history, not a place, and they are not told.
    const gone = await book(api, await applicationAt(api, 'induction'), course);
    await api.as.resourcing.applications.move({
      id: gone.id,
      expectedVersion: gone.version,
      to: 'withdrawn',
      reasonId: closeReasonIds.withdrawn,
    });
    return { course, other, first, second, elsewhere, gone };
  }

  it('removes every joiner’s booking, writes it in their history and tells each of them, with the course', async () => {
    const api = await setupApi();
    const { course, other, first, second, elsewhere, gone } = await courseWithJoiners(api);
    const before = footprint(api);
    const cancelled = await api.as.coordinator.courses.cancel({
      id: course.id,
      expectedVersion: 1,
      reason: 'The trainers are on public order duty.',
    });
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelReason: 'The trainers are on public order duty.',
      version: 2,
      booked: 0,
      joiners: [],
    });
    // The bookings of the two joiners are gone; the other course's and the withdrawn case's stay.
    expect(
      api.db
        .select({ id: inductionBookings.applicationId, courseId: inductionBookings.courseId })
        .from(inductionBookings)
        .orderBy(asc(inductionBookings.applicationId))
        .all(),
    ).toEqual([
      { id: elsewhere.id, courseId: other.id },
      { id: gone.id, courseId: course.id },
    ]);
    for (const j of [first, second]) {
      const now = await api.as.coordinator.applications.get({ id: j.id });
      expect([now.version, now.induction, now.lastChange?.summary]).toEqual([j.version + 1, null, 'Induction course cancelled']);
      expect(eventsOf(api, j.id).at(-1)).toMatchObject({
        type: 'induction_cancelled',
        actorId: api.actors.coordinator.id,
        reason: 'The trainers are on public order duty.',
        details: {
          courseId: course.id,
          courseStartsOn: '2026-12-14',
          coursePlace: 'Peel Centre, Hendon',
          startDate: noticeEnds,
          postingUnit: 'METCC',
          postingPlace: 'Lambeth',
        },
      });
    }
    // Each joiner is told, at the case's email; nobody else is.
    const messages = api.db.select().from(outbox).orderBy(asc(outbox.id)).all().slice(before.outbox);
    expect(messages.map((m) => [m.template, m.toAddress, m.applicationId, m.ics])).toEqual([
      ['joiner_course_cancelled', first.email, first.id, null],
      ['joiner_course_cancelled', second.email, second.id, null],
    ]);
    expect(messages[0]).toMatchObject({
      toName: `${first.firstName} ${first.lastName}`,
      subject: 'Your induction course on 14 December 2026 is cancelled',
      sentAt: null,
    });
    expect(messages[0]?.body).toContain('starting 14 December 2026 at Peel Centre, Hendon, is cancelled');
    expect(messages[0]?.body).toContain(first.reference);
    // The reason is kept in the history, not sent.
    expect(messages[0]?.body).not.toContain('public order');
    expect(footprint(api).events).toBe(before.events + 2);
    // The case's other versions are untouched.
    const versions = new Map(footprint(api).versions.map((v) => [v.id, v.version]));
    expect([versions.get(elsewhere.id), versions.get(gone.id)]).toEqual(
      [elsewhere.id, gone.id].map((id) => before.versions.find((v) => v.id === id)?.version),
    );

    // A cancelled course is offered for no booking, listed only if asked for, and refused if chosen.
    expect((await api.as.coordinator.reference.all()).inductionCourses.map((c) => c.id)).toEqual([other.id]);
    expect((await api.as.coordinator.courses.list({})).map((c) => c.id)).toEqual([other.id]);
    expect((await api.as.coordinator.courses.list({ includeCancelled: true })).map((c) => [c.id, c.status])).toEqual([
      [course.id, 'cancelled'],
      [other.id, 'scheduled'],
    ]);
    const again = await api.as.coordinator.applications.get({ id: first.id });
    expect(await refusal(book(api, again, course))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldCodes: { courseId: ['induction.course_cancelled'] },
      fieldErrors: { courseId: ['That induction course is cancelled. Choose another course.'] },
    });
    // …and the joiner is booked on another.
    expect((await book(api, again, other)).induction?.courseId).toBe(other.id);
  });

  it('is refused at a stale version, changing nothing', async () => {
    const api = await setupApi();
    const { course } = await courseWithJoiners(api);
    await api.as.coordinator.courses.update({
      id: course.id,
      expectedVersion: 1,
      startsOn: course.startsOn,
      place: course.place,
      capacity: 30,
    });
    const before = footprint(api);
    const stale = await refusal(api.as.admin.courses.cancel({ id: course.id, expectedVersion: 1, reason: 'No trainers.' }));
    expect(stale).toMatchObject({ code: 'CONFLICT', current: expect.objectContaining({ capacity: 30, version: 2, booked: 2 }) });
    expect(footprint(api)).toEqual(before);
  });

  it('is refused while a joiner has moved on past induction on the booking, naming them', async () => {
    const api = await setupApi();
    const course = await newCourse(api);
    const waiting = await book(api, await applicationAt(api, 'induction'), course);
    const started = await book(api, await applicationAt(api, 'induction'), course);
    const moved = await api.as.coordinator.applications.move({
      id: started.id,
      expectedVersion: started.version,
      to: 'mentoring',
    });
    const before = footprint(api);
    const refused = await refusal(
      api.as.coordinator.courses.cancel({ id: course.id, expectedVersion: 1, reason: 'No trainers.' }),
    );
    expect(refused).toMatchObject({ code: 'PRECONDITION_FAILED', unmet: ['courses.joiners_moved_on'] });
    expect(refused.message).toContain(moved.reference);
    expect(refused.message).not.toContain(waiting.reference);
    expect(footprint(api)).toEqual(before);
  });

  it('leaves nothing half-done when telling a joiner fails', async () => {
    const api = await setupApi();
    const { course, second } = await courseWithJoiners(api);
    // The outbox refuses the second joiner's message, after the first joiner's part is written.
    api.db.$client.exec(
      `CREATE TRIGGER refuse_message BEFORE INSERT ON outbox WHEN NEW.to_address = '${second.email}' BEGIN SELECT RAISE(ABORT, 'the outbox is full'); END;`,
    );
    const before = footprint(api);
    const failed = await refusal(
      api.as.coordinator.courses.cancel({ id: course.id, expectedVersion: 1, reason: 'No trainers.' }),
    );
    expect(failed.code).toBe('INTERNAL_SERVER_ERROR');
    expect(footprint(api)).toEqual(before);
    // Once the outbox takes messages again, the same cancel goes through.
    api.db.$client.exec('DROP TRIGGER refuse_message');
    expect((await api.as.coordinator.courses.cancel({ id: course.id, expectedVersion: 1, reason: 'No trainers.' })).status).toBe(
      'cancelled',
    );
    expect(footprint(api).outbox).toBe(before.outbox + 2);
  });
});

describe('reading the courses', () => {
  it('shows each reader the joiners they may see; the count is every place taken', async () => {
    const api = await setupApi();
    const course = await newCourse(api);
    const here = await book(api, await applicationAt(api, 'induction'), course);
    const back = await book(api, await applicationAt(api, 'induction'), course);
    // Moved back to pre-employment, the case is no longer the coordinator's to see, but keeps its place.
    await api.as.resourcing.applications.move({
      id: back.id,
      expectedVersion: back.version,
      to: 'pre_employment',
      reason: 'A check must be done again.',
    });
    const byCoordinator = (await api.as.coordinator.courses.list({}))[0];
    expect([byCoordinator?.booked, byCoordinator?.joiners?.map((j) => j.applicationId)]).toEqual([2, [here.id]]);
    const byResourcing = (await api.as.resourcing.courses.list({}))[0];
    expect(byResourcing?.joiners?.map((j) => j.applicationId).sort()).toEqual([here.id, back.id].sort());
    // Courses from a date: by default today; earlier ones when asked.
    await api
      .asAt(new Date('2026-11-01T10:00:00Z'))
      .coordinator.courses.create({ startsOn: '2026-11-10', place: 'Hendon', capacity: 5 });
    expect((await api.as.coordinator.courses.list({})).map((c) => c.startsOn)).toEqual(['2026-12-14']);
    expect((await api.as.coordinator.courses.list({ from: '2026-11-01' })).map((c) => c.startsOn)).toEqual([
      '2026-11-10',
      '2026-12-14',
    ]);
    for (const who of ['leadMetcc', 'panelMetcc'] as const)
      expect((await refusal(api.as[who].courses.list({}))).code).toBe('FORBIDDEN');
  });
});
