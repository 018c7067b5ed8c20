import type { ApplicationDetail, Course } from '@muster/contracts';
import { applicationEvents, inductionBookings, inductionCourses, inductionWaitlist, outbox } from '@muster/db';
import { TRPCError } from '@trpc/server';
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applicationAt, closeReasonIds, setupApi } from '../testing.ts';

/*
 * Booking joiners through courses.book: a course filling up, its waiting list, a place freeing (a
 * move, a closed case) and offered to the first waiting, attendance; every refusal with its code.
 */

type Api = Awaited<ReturnType<typeof setupApi>>;

/** setupApi's clock: Monday 23 November 2026, London. A transferee moved to induction now may start from 21 December. */
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
      };
    }
    throw e;
  }
  throw new Error('expected a refusal');
}

const newCourse = (api: Api, over: Partial<{ startsOn: string; capacity: number }> = {}) =>
  api.as.coordinator.courses.create({ startsOn: '2026-12-14', place: 'Peel Centre, Hendon', capacity: 2, ...over });

const posting = { postingUnit: 'METCC' as const, postingPlace: 'Lambeth', postingRole: 'First Contact' };

function book(api: Api, c: ApplicationDetail, course: Pick<Course, 'id' | 'startsOn'>, over: Record<string, unknown> = {}) {
  return api.as.coordinator.courses.book({
    id: c.id,
    expectedVersion: c.version,
    courseId: course.id,
    startDate: course.startsOn > noticeEnds ? course.startsOn : noticeEnds,
    ...posting,
    ...over,
  });
}

async function several(api: Api, n: number) {
  const out: ApplicationDetail[] = [];
  for (let i = 0; i < n; i++) out.push(await applicationAt(api, 'induction'));
  return out;
}

const fresh = (api: Api, c: ApplicationDetail) => api.as.coordinator.applications.get({ id: c.id });
const eventsOf = (api: Api, id: number) =>
  api.db
    .select({ type: applicationEvents.type, details: applicationEvents.details })
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, id))
    .orderBy(asc(applicationEvents.id))
    .all();
const offersTo = (api: Api, id: number) =>
  api.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.applicationId, id), eq(outbox.template, 'joiner_course_place_offered')))
    .all();

describe('courses.book: a full course and its waiting list', () => {
  it('fills up, refuses with induction.course_full, takes joiners on its waiting list in order, and offers a freed place to the first', async () => {
    const api = await setupApi();
    const course = await newCourse(api);
    const later = await newCourse(api, { startsOn: '2027-01-11', capacity: 10 });
    const [a, b, c, d] = await several(api, [0, 1, 2, 3].length);
    const bookedA = await book(api, a!, course);
    await book(api, b!, course);

    const full = await refusal(book(api, c!, course));
    expect(full).toMatchObject({ code: 'CONFLICT', fieldCodes: { courseId: ['induction.course_full'] } });
    expect(full.message).toMatch(/waiting list/);

    const waitingC = await book(api, c!, course, { waitlist: true });
    expect(waitingC.induction).toBeNull();
    expect(waitingC.inductionWaiting).toEqual([expect.objectContaining({ courseId: course.id, position: 1, offeredAt: null })]);
    expect(waitingC.version).toBe(c!.version + 1);
    const waitingD = await book(api, d!, course, { waitlist: true });
    expect(waitingD.inductionWaiting[0]?.position).toBe(2);
    expect(eventsOf(api, d!.id).at(-1)).toMatchObject({ type: 'induction_waitlisted', details: { position: 2 } });

    // On it twice, or waiting on a course with room: refused with codes.
    expect(await refusal(book(api, waitingD, course, { waitlist: true }))).toMatchObject({
      fieldCodes: { courseId: ['induction.already_waiting'] },
    });
    expect(await refusal(book(api, waitingD, later, { waitlist: true }))).toMatchObject({
      fieldCodes: { courseId: ['induction.course_has_room'] },
    });

    let list = (await api.as.coordinator.courses.list({})).find((x) => x.id === course.id)!;
    expect(list.waiting.map((w) => [w.applicationId, w.position])).toEqual([
      [c!.id, 1],
      [d!.id, 2],
    ]);

    // A moves to the later course: their old place frees and is offered to C, the first waiting.
    const movedA = await book(api, bookedA, later);
    expect(movedA.induction?.courseId).toBe(later.id);
    expect(eventsOf(api, a!.id).at(-1)).toMatchObject({ type: 'induction_booked', details: { previousCourseId: course.id } });
    const offeredC = await fresh(api, c!);
    expect(offeredC.inductionWaiting[0]).toMatchObject({ position: 1, isOfferHeld: true });
    expect(offeredC.version).toBe(waitingC.version + 1);
    expect(eventsOf(api, c!.id).at(-1)).toMatchObject({ type: 'induction_place_offered', details: { heldUntil: '2026-11-26' } });
    expect(offersTo(api, c!.id)).toHaveLength(1);
    expect(offersTo(api, d!.id)).toHaveLength(0);

    // The place is held for C: D may not take it.
    expect(await refusal(book(api, waitingD, course))).toMatchObject({ fieldCodes: { courseId: ['induction.course_full'] } });
    list = (await api.as.coordinator.courses.list({})).find((x) => x.id === course.id)!;
    expect(list).toMatchObject({ booked: 1, held: 1 });

    // C takes it, and leaves the waiting list; D is first now.
    const bookedC = await book(api, offeredC, course);
    expect(bookedC.induction?.courseId).toBe(course.id);
    expect(bookedC.inductionWaiting).toEqual([]);
    expect((await fresh(api, d!)).inductionWaiting[0]?.position).toBe(1);

    // B's case closes: the place frees and is offered to D.
    const bNow = await fresh(api, b!);
    await api.as.resourcing.applications.move({
      id: b!.id,
      expectedVersion: bNow.version,
      to: 'withdrawn',
      reasonId: closeReasonIds.withdrawn,
    });
    expect((await fresh(api, d!)).inductionWaiting[0]).toMatchObject({ isOfferHeld: true });
    expect(offersTo(api, d!.id)).toHaveLength(1);
  });

  it('a held offer lapses after 3 days: anyone may then take the place', async () => {
    const api = await setupApi();
    const course = await newCourse(api, { capacity: 1 });
    const later = await newCourse(api, { startsOn: '2027-01-11' });
    const [a, c, e] = await several(api, [0, 1, 2].length);
    const bookedA = await book(api, a!, course);
    await book(api, c!, course, { waitlist: true });
    await book(api, bookedA, later);
    const eNow = await fresh(api, e!);
    expect(await refusal(book(api, eNow, course))).toMatchObject({ fieldCodes: { courseId: ['induction.course_full'] } });
    api.clock.now = new Date('2026-11-26T11:00:00Z');
    expect((await book(api, eNow, course)).induction?.courseId).toBe(course.id);
  });
});

describe('courses.book: posting and refusals', () => {
  it('refuses an inconsistent posting with codes at their fields, and a stale version', async () => {
    const api = await setupApi();
    const course = await newCourse(api, { capacity: 10 });
    const c = await applicationAt(api, 'induction');
    expect(await refusal(book(api, c, course, { postingRole: null }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldCodes: { postingRole: ['induction.role_missing'] },
    });
    expect(await refusal(book(api, c, course, { postingRole: 'Control' }))).toMatchObject({
      fieldCodes: { postingRole: ['induction.role_not_of_unit'] },
    });
    expect(
      await refusal(book(api, c, course, { postingUnit: 'SNT', postingPlace: 'Central West', postingRole: null })),
    ).toMatchObject({ fieldCodes: { postingPlace: ['induction.place_not_of_unit'] } });
    expect(await refusal(book(api, c, course, { postingUnit: 'SNT', postingPlace: 'Highbury, Central North' }))).toMatchObject({
      fieldCodes: { postingRole: ['induction.role_not_of_unit'] },
    });
    const booked = await book(api, c, course, { postingUnit: 'SNT', postingPlace: 'Highbury, Central North', postingRole: null });
    expect(booked.induction).toMatchObject({ postingUnit: 'SNT', postingPlace: 'Highbury, Central North', postingRole: null });
    expect(await refusal(book(api, c, course))).toMatchObject({ code: 'CONFLICT' });
    expect(await refusal(book(api, booked, { id: 9999, startsOn: '2026-12-14' }))).toMatchObject({
      fieldCodes: { courseId: ['induction.course_unknown'] },
    });
  });
});

describe('courses.recordAttendance', () => {
  it('once the course has started: attended kept on the booking; did not attend removes it, with the reason in history', async () => {
    const api = await setupApi();
    const course = await newCourse(api, { startsOn: '2026-11-30', capacity: 5 });
    const [a, b] = await several(api, [0, 1].length);
    const bookedA = await book(api, a!, course);
    const bookedB = await book(api, b!, course);
    expect(
      await refusal(api.as.coordinator.courses.recordAttendance({ id: a!.id, expectedVersion: bookedA.version, attended: true })),
    ).toMatchObject({ code: 'PRECONDITION_FAILED', unmet: ['induction.course_not_started'] });
    api.clock.now = new Date('2026-11-30T12:00:00Z');
    const attended = await api.as.resourcing.courses.recordAttendance({
      id: a!.id,
      expectedVersion: bookedA.version,
      attended: true,
    });
    expect(attended.induction).toMatchObject({ attendance: 'attended' });
    expect(attended.version).toBe(bookedA.version + 1);
    expect(eventsOf(api, a!.id).at(-1)?.type).toBe('induction_attended');
    expect(
      await refusal(
        api.as.coordinator.courses.recordAttendance({
          id: a!.id,
          expectedVersion: attended.version,
          attended: false,
          reason: 'Ill.',
        }),
      ),
    ).toMatchObject({ unmet: ['induction.attendance_recorded'] });

    expect(
      await refusal(
        api.as.coordinator.courses.recordAttendance({ id: b!.id, expectedVersion: bookedB.version, attended: false }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    const missed = await api.as.coordinator.courses.recordAttendance({
      id: b!.id,
      expectedVersion: bookedB.version,
      attended: false,
      reason: 'Unwell on the first day.',
    });
    expect(missed.induction).toBeNull();
    expect(missed.gateChecklist?.items.find((i) => i.code === 'induction.booking')?.isDone).toBe(false);
    expect(api.db.select().from(inductionBookings).where(eq(inductionBookings.applicationId, b!.id)).get()).toBeUndefined();
    expect(eventsOf(api, b!.id).at(-1)).toMatchObject({ type: 'induction_not_attended', details: { courseId: course.id } });
    expect(
      await refusal(api.as.coordinator.courses.recordAttendance({ id: b!.id, expectedVersion: missed.version, attended: true })),
    ).toMatchObject({ unmet: ['induction.not_booked'] });
    // No waiting-list rows were left behind by any of this.
    expect(api.db.select().from(inductionWaitlist).all()).toEqual([]);
    expect(api.db.select().from(inductionCourses).all()).toHaveLength(1);
  });
});
