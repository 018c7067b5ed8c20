import type { ApplicationDetail, Stage } from '@muster/contracts';
import {
  applicationEvents,
  applications,
  inductionBookings,
  inductionCourses,
  interviewOutcomes,
  interviews,
  mentors,
  scorecards,
  venues,
} from '@muster/db';
import { buildApplication } from '@muster/db/testing';
import { DomainError, requiredChecks, routeCriteria } from '@muster/domain';
import { TRPCError } from '@trpc/server';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { clearForceRecords, interviewOutcome, setupApi } from '../testing.ts';
import { passCheck } from './checks-testing.ts';

/*
 * The guards on scoring an interview, booking an induction and assigning a mentor, each held
 * through the real routers and services on a real database: a refused write names its field and
 * code and leaves the case exactly as it was; the write just inside the rule goes through.
 */

type Api = Awaited<ReturnType<typeof setupApi>>;

const scores = { professionalism: 4, integrity: 4, courage: 3, compassion: 5 };

/** A METCC case taken by resourcing, through the real routers, to `stage`. */
async function applicationAt(api: Api, stage: Extract<Stage, 'interview' | 'induction'>): Promise<ApplicationDetail> {
  const r = api.as.resourcing.applications;
  let c = await r.create(buildApplication({ targetUnit: 'METCC' }));
  const criteria = Object.fromEntries(routeCriteria[c.route].map((k) => [k.code, true]));
  c = await r.recordEligibility({ ...clearForceRecords, id: c.id, expectedVersion: c.version, targetUnit: 'METCC', criteria });
  c = await r.move({ id: c.id, expectedVersion: c.version, to: 'interview' });
  if (stage === 'interview') return c;
  c = await interviewOutcome(api, c, 'pass');
  c = await r.move({ id: c.id, expectedVersion: c.version, to: 'pre_employment' });
  for (const k of requiredChecks(c.route, c.targetUnit)) {
    c = await api.as.resourcing.checks.update(passCheck(c, k.code));
  }
  c = await r.move({ id: c.id, expectedVersion: c.version, to: 'induction' });
  expect(c.stage).toBe('induction');
  return c;
}

/**
 * The case's interview held: a METCC slot on 24 November 2026 (the day after the test's clock) with
 * resourcing alone on the panel, booked, and attended — by callers whose clock reads after it ended.
 * Returns those callers and the interview to score.
 */
async function attendedInterview(api: Api, c: ApplicationDetail) {
  const venue = api.db.select().from(venues).where(eq(venues.unitCode, 'METCC')).get();
  const [slot] = await api.as.resourcing.interviews.publishSlots({
    unit: 'METCC',
    venueId: venue!.id,
    panel: [api.actors.resourcing.id],
    dates: ['2026-11-24'],
    startTime: '09:00',
    lengthMinutes: 60,
  });
  const booked = await api.as.resourcing.interviews.book({ id: c.id, expectedVersion: c.version, slotId: slot!.id });
  const after = api.asAt(new Date('2026-11-24T10:30:00Z'));
  const attended = await after.resourcing.interviews.recordAttendance({
    id: c.id,
    expectedVersion: booked.version,
    attended: true,
  });
  const interviewId = attended.interviewBookings.find((b) => b.status === 'attended')!.id;
  return { c: attended, after, interviewId };
}

function addMentor(api: Api, name: string, capacity = 5) {
  return api.db.insert(mentors).values({ name, unitCode: 'METCC', place: 'Lambeth', capacity }).returning().get();
}

function addCourse(api: Api, startsOn: string) {
  return api.db.insert(inductionCourses).values({ startsOn, place: 'Hendon', capacity: 10 }).returning().get();
}

/** What a refused call said: its tRPC code, and the field codes of a domain refusal or the fields of refused input. */
async function refusal(call: Promise<unknown>) {
  const err = await call.then(
    () => {
      throw new Error('Expected the call to be refused, but it went through.');
    },
    (e: unknown) => e,
  );
  if (!(err instanceof TRPCError)) throw err;
  if (err.cause instanceof DomainError) return { code: err.code, message: err.message, fieldCodes: err.cause.details.fieldCodes };
  const issues = err.cause instanceof z.ZodError ? err.cause.issues : [];
  return { code: err.code, fields: Object.fromEntries(issues.map((i) => [i.path.join('.'), i.message])) };
}

/** Everything a refused write could have touched on the case. */
function stateOf(api: Api, id: number) {
  const row = api.db
    .select({ version: applications.version, mentorId: applications.mentorId, buddyId: applications.buddyId })
    .from(applications)
    .where(eq(applications.id, id))
    .get()!;
  const events = api.db.select({ n: count() }).from(applicationEvents).where(eq(applicationEvents.applicationId, id)).get()!.n;
  const booking = api.db.select().from(inductionBookings).where(eq(inductionBookings.applicationId, id)).get() ?? null;
  const interview = api.db.select().from(interviewOutcomes).where(eq(interviewOutcomes.applicationId, id)).get() ?? null;
  const cards = api.db
    .select({ n: count() })
    .from(scorecards)
    .innerJoin(interviews, eq(interviews.id, scorecards.interviewId))
    .where(eq(interviews.applicationId, id))
    .get()!.n;
  return { ...row, events, booking, interview, cards };
}

describe('assigning a mentor and a buddy', () => {
  it('refuses someone already at capacity, naming the field; one place short of it goes through', async () => {
    const api = await setupApi();
    const m = addMentor(api, 'PS Full Up', 2);
    const [first, second, third] = [
      await applicationAt(api, 'induction'),
      await applicationAt(api, 'induction'),
      await applicationAt(api, 'induction'),
    ];
    const co = api.as.coordinator.applications;

    // Load 0 of 2, then 1 of 2: both have room.
    const a = await co.assignMentor({ id: first.id, expectedVersion: first.version, mentorId: m.id });
    expect(a.mentor?.id).toBe(m.id);
    const b = await co.assignMentor({ id: second.id, expectedVersion: second.version, buddyId: m.id });
    expect(b.buddy?.id).toBe(m.id);

    // Load 2 of 2: full, as mentor and as buddy alike.
    const before = stateOf(api, third.id);
    expect(await refusal(co.assignMentor({ id: third.id, expectedVersion: third.version, mentorId: m.id }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'PS Full Up is at capacity (2 of 2). Choose someone else.',
      fieldCodes: { mentorId: ['mentor.at_capacity'] },
    });
    expect(await refusal(co.assignMentor({ id: third.id, expectedVersion: third.version, buddyId: m.id }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldCodes: { buddyId: ['mentor.at_capacity'] },
    });
    expect(stateOf(api, third.id)).toEqual(before);
  });

  it('refuses the same person as mentor and buddy, given together or one after the other', async () => {
    const api = await setupApi();
    const m = addMentor(api, 'PC Both Roles');
    const c = await applicationAt(api, 'induction');
    const co = api.as.coordinator.applications;
    const sameAsBuddy = { code: 'BAD_REQUEST', fieldCodes: { buddyId: ['mentor.same_as_buddy'] } };

    const before = stateOf(api, c.id);
    expect(await refusal(co.assignMentor({ id: c.id, expectedVersion: c.version, mentorId: m.id, buddyId: m.id }))).toMatchObject(
      sameAsBuddy,
    );
    expect(stateOf(api, c.id)).toEqual(before);

    // The mentor already assigned; the buddy sent alone is the same person.
    const withMentor = await co.assignMentor({ id: c.id, expectedVersion: c.version, mentorId: m.id });
    const assigned = stateOf(api, c.id);
    expect(assigned).toMatchObject({ mentorId: m.id, buddyId: null });
    expect(await refusal(co.assignMentor({ id: c.id, expectedVersion: withMentor.version, buddyId: m.id }))).toMatchObject(
      sameAsBuddy,
    );
    expect(stateOf(api, c.id)).toEqual(assigned);
  });

  it('refuses someone who has left the pool, or was never in it', async () => {
    const api = await setupApi();
    const gone = addMentor(api, 'PC Moved On');
    api.db.update(mentors).set({ isActive: false }).where(eq(mentors.id, gone.id)).run();
    const c = await applicationAt(api, 'induction');
    const co = api.as.coordinator.applications;

    const before = stateOf(api, c.id);
    expect(await refusal(co.assignMentor({ id: c.id, expectedVersion: c.version, mentorId: gone.id }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldCodes: { mentorId: ['mentor.not_in_pool'] },
    });
    expect(await refusal(co.assignMentor({ id: c.id, expectedVersion: c.version, buddyId: gone.id }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldCodes: { buddyId: ['mentor.not_in_pool'] },
    });
    expect(await refusal(co.assignMentor({ id: c.id, expectedVersion: c.version, mentorId: gone.id + 1000 }))).toMatchObject({
      fieldCodes: { mentorId: ['mentor.not_in_pool'] },
    });
    expect(stateOf(api, c.id)).toEqual(before);
    // Nor is the pool the form offers showing them.
    expect((await api.as.coordinator.reference.mentors()).map((p) => p.id)).not.toContain(gone.id);
  });
});

describe('booking an induction', () => {
  it('refuses a posting to a place the unit does not post to, writing nothing', async () => {
    const api = await setupApi();
    const c = await applicationAt(api, 'induction');
    const course = addCourse(api, '2027-02-01');
    const booking = {
      id: c.id,
      expectedVersion: c.version,
      courseId: course.id,
      startDate: '2027-02-01',
      postingUnit: 'METCC' as const,
      postingRole: 'Despatch',
    };

    const before = stateOf(api, c.id);
    // Catford is a TSG base, not a METCC one.
    expect(await refusal(api.as.coordinator.courses.book({ ...booking, postingPlace: 'Catford (SE)' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Catford (SE) is not a place Met Command and Control posts to.',
      fieldCodes: { postingPlace: ['induction.place_not_of_unit'] },
    });
    expect(stateOf(api, c.id)).toEqual(before);

    const booked = await api.as.coordinator.courses.book({ ...booking, postingPlace: 'Lambeth' });
    expect(booked.induction).toMatchObject({ postingUnit: 'METCC', postingPlace: 'Lambeth' });
  });

  it('refuses a start date before the course starts; the day it starts is accepted', async () => {
    const api = await setupApi();
    const c = await applicationAt(api, 'induction');
    const course = addCourse(api, '2027-02-01');
    const booking = {
      id: c.id,
      expectedVersion: c.version,
      courseId: course.id,
      postingUnit: 'METCC' as const,
      postingRole: 'Despatch',
      postingPlace: 'Lambeth',
    };

    const before = stateOf(api, c.id);
    expect(await refusal(api.as.coordinator.courses.book({ ...booking, startDate: '2027-01-31' }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The start date cannot be before the induction course starts (2027-02-01).',
      fieldCodes: { startDate: ['induction.start_before_course'] },
    });
    expect(stateOf(api, c.id)).toEqual(before);

    const booked = await api.as.coordinator.courses.book({ ...booking, startDate: '2027-02-01' });
    expect(booked.induction).toMatchObject({ courseId: course.id, startDate: '2027-02-01' });
    expect(stateOf(api, c.id).booking).toMatchObject({ courseId: course.id, startDate: '2027-02-01' });
  });
});

// The scores an interview outcome records are the panel's, from their scorecards: a score is checked there.
describe('scoring an interview', () => {
  it.each([
    ['0', { courage: 0 }, 'scores.courage'],
    ['6', { integrity: 6 }, 'scores.integrity'],
    ['50', { compassion: 50 }, 'scores.compassion'],
    ['3.5', { professionalism: 3.5 }, 'scores.professionalism'],
  ])('refuses a score of %s, naming the score, and records nothing', async (_score, change, field) => {
    const api = await setupApi();
    const { c, after, interviewId } = await attendedInterview(api, await applicationAt(api, 'interview'));
    const before = stateOf(api, c.id);
    const call = after.resourcing.interviews.submitScorecard({ interviewId, scores: { ...scores, ...change } });
    expect(await refusal(call)).toEqual({ code: 'BAD_REQUEST', fields: { [field]: 'Score each criterion from 1 to 5.' } });
    expect(stateOf(api, c.id)).toEqual(before);
  });

  it('accepts scores from 1 to 5, and the outcome records them', async () => {
    const api = await setupApi();
    const { c, after, interviewId } = await attendedInterview(api, await applicationAt(api, 'interview'));
    const edges = { professionalism: 1, integrity: 5, courage: 1, compassion: 5 };
    const card = await after.resourcing.interviews.submitScorecard({ interviewId, scores: edges });
    expect(card.mine).toMatchObject({ scores: edges });
    const recorded = await after.resourcing.interviews.recordOutcome({ id: c.id, expectedVersion: c.version, outcome: 'pass' });
    expect(recorded.interview).toMatchObject({ outcome: 'pass', scores: edges });
    expect(stateOf(api, c.id).interview).toMatchObject({ scores: edges });
  });
});
