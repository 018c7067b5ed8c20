import type { ApplicationDetail, EventType, Stage } from '@muster/contracts';
import {
  accessLog,
  calendarFeeds,
  applicationChecks,
  applicationEvents,
  applications,
  checkChasers,
  closeReasons,
  developmentDayInvitations,
  developmentDays,
  duplicateFlags,
  eligibilityExceptions,
  eligibilityRecords,
  inductionBookings,
  inductionCourses,
  interviewOutcomes,
  interviews,
  interviewSlots,
  mentors,
  outbox,
  savedViews,
  scorecards,
  sessions,
  users,
  venues,
  type Db,
  tsgPreAssessments,
} from '@muster/db';
import { buildApplication } from '@muster/db/testing';
import { addDays, routeCriteria, units } from '@muster/domain';
import { TRPCError } from '@trpc/server';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  applicationAt,
  interviewOutcome,
  setupApi,
  testPassword,
  type Person,
  clearForceRecords,
  closeReasonIds,
} from '../testing.ts';
import { appRouter } from './_app.ts';

/* ---------- helpers ---------- */

type Api = Awaited<ReturnType<typeof setupApi>>;
type Caller = Api['as'][Person];
type Who = Person | 'anonymous';
type Outcome = 'ok' | 'FORBIDDEN' | 'UNAUTHORIZED';

const everyone: Who[] = ['resourcing', 'leadTsg', 'leadMetcc', 'panelMetcc', 'coordinator', 'admin', 'anonymous'];
const callerOf = (api: Api, who: Who): Caller => (who === 'anonymous' ? api.anonymous : api.as[who]);

async function outcomeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (err) {
    if (err instanceof TRPCError) return err.code;
    throw err;
  }
}

const allMet = (c: ApplicationDetail) => Object.fromEntries(routeCriteria[c.route].map((k) => [k.code, true]));
const addCourse = (db: Db, startsOn: string) =>
  db.insert(inductionCourses).values({ startsOn, place: 'Hendon', capacity: 50 }).returning().get();
const addDay = (db: Db, heldOn: string) =>
  db.insert(developmentDays).values({ heldOn, place: 'Hendon', title: 'Development day' }).returning().get();
const addMentor = (db: Db, name: string) =>
  db.insert(mentors).values({ name, unitCode: 'METCC', place: 'Bow', capacity: 5 }).returning().get();

/** Everything a refused call must leave alone. */
function footprint(db: Db) {
  return {
    cases: db.select({ id: applications.id, version: applications.version, stage: applications.stage }).from(applications).all(),
    events: db.select({ n: count() }).from(applicationEvents).get()!.n,
    accessLog: db.select({ n: count() }).from(accessLog).get()!.n,
    sessions: db.select({ n: count() }).from(sessions).get()!.n,
    flags: db.select({ id: duplicateFlags.id, status: duplicateFlags.status }).from(duplicateFlags).all(),
    views: db.select({ id: savedViews.id, name: savedViews.name }).from(savedViews).all(),
    closeReasons: db.select({ id: closeReasons.id, isActive: closeReasons.isActive }).from(closeReasons).all(),
    slots: db
      .select({ id: interviewSlots.id, version: interviewSlots.version, status: interviewSlots.status })
      .from(interviewSlots)
      .all(),
    interviews: db.select({ id: interviews.id, status: interviews.status }).from(interviews).all(),
    feeds: db.select({ tokenHash: calendarFeeds.tokenHash, revokedAt: calendarFeeds.revokedAt }).from(calendarFeeds).all(),
    scorecards: db.select({ id: scorecards.id }).from(scorecards).all(),
    venues: db.select({ id: venues.id, isActive: venues.isActive }).from(venues).all(),
    courses: db
      .select({ id: inductionCourses.id, version: inductionCourses.version, status: inductionCourses.status })
      .from(inductionCourses)
      .all(),
    bookings: db.select({ applicationId: inductionBookings.applicationId }).from(inductionBookings).all(),
    limits: db.select({ id: users.id, max: users.maxInterviewsPerDay }).from(users).all(),
  };
}
type Footprint = ReturnType<typeof footprint>;
/** What an "ok" cell is checked against: the state just before the call, and who made it. */
type Cell = { before: Footprint; who: Who };

/** The caller of an ok cell; only auth.login lets the anonymous through, and its check needs no actor. */
function actorOf(api: Api, who: Who) {
  if (who === 'anonymous') throw new Error('This check needs a signed-in caller.');
  return api.actors[who];
}
const applicationRow = (db: Db, id: number) => db.select().from(applications).where(eq(applications.id, id)).get()!;
/** The case the row arranged (the last one, when it made several), by its id. */
const arranged = (t: Cell) => t.before.cases.at(-1)!.id;
/** Events and access-log rows added by the call: both tables are append-only, so they are the ones past the count before. */
const eventsSince = (db: Db, t: Cell) =>
  db
    .select({ applicationId: applicationEvents.applicationId, type: applicationEvents.type, actorId: applicationEvents.actorId })
    .from(applicationEvents)
    .orderBy(applicationEvents.id)
    .all()
    .slice(t.before.events);
const viewsSince = (db: Db, t: Cell) =>
  db
    .select({ userId: accessLog.userId, applicationId: accessLog.applicationId, action: accessLog.action })
    .from(accessLog)
    .orderBy(accessLog.id)
    .all()
    .slice(t.before.accessLog);

/** The write took effect on case `id`: its version went up by one and its `type` event, by the caller, is in its history. */
function wrote(api: Api, t: Cell, id: number, type: EventType) {
  const was = t.before.cases.find((c) => c.id === id)!;
  expect(applicationRow(api.db, id).version).toBe(was.version + 1);
  expect(eventsSince(api.db, t)).toContainEqual({ applicationId: id, type, actorId: actorOf(api, t.who).id });
}
/** Who sees a METCC case at review, as lists, the board and columns show it: resourcing, the METCC lead and the admin. */
const seesMetccReview: Record<Who, boolean> = {
  resourcing: true,
  leadTsg: false,
  leadMetcc: true,
  panelMetcc: false,
  coordinator: false,
  admin: true,
  anonymous: false,
};
const idsOf = (page: unknown) => (page as { items: { id: number }[] }).items.map((i) => i.id);

/* ---------- the matrix ---------- */

type Call = (c: Caller) => Promise<unknown>;

type Row = {
  /** What the cell is about, for the reader. */
  given: string;
  /** Builds the state (on a fresh database) and returns the call to make; async when building it awaits. */
  arrange: (api: Api) => Call | Promise<Call>;
  expected: Record<Who, Outcome>;
  /** What an "ok" cell must then show: the write took effect, or the answer holds what was arranged, as this caller may see it. */
  took: (api: Api, result: unknown, t: Cell) => void | Promise<void>;
};

const ok: Outcome = 'ok';
const F: Outcome = 'FORBIDDEN';
const U: Outcome = 'UNAUTHORIZED';
const signedIn = {
  resourcing: ok,
  leadTsg: ok,
  leadMetcc: ok,
  panelMetcc: ok,
  coordinator: ok,
  admin: ok,
  anonymous: U,
} as const;
const onlyResourcing = {
  resourcing: ok,
  leadTsg: F,
  leadMetcc: F,
  panelMetcc: F,
  coordinator: F,
  admin: F,
  anonymous: U,
} as const;
/** On a METCC case at interview: resourcing, the METCC lead and the admin (reading) see it; the TSG lead and the coordinator do not. */
const metccInterviewReaders = {
  resourcing: ok,
  leadTsg: F,
  leadMetcc: ok,
  panelMetcc: F,
  coordinator: F,
  admin: ok,
  anonymous: U,
} as const;
const metccInterviewWriters = {
  resourcing: ok,
  leadTsg: F,
  leadMetcc: ok,
  panelMetcc: F,
  coordinator: F,
  admin: F,
  anonymous: U,
} as const;
const onlyAdmin = { resourcing: F, leadTsg: F, leadMetcc: F, panelMetcc: F, coordinator: F, admin: ok, anonymous: U } as const;
/** Who publishes METCC's slots: resourcing and the METCC lead. */
const metccSchedulers = {
  resourcing: ok,
  leadTsg: F,
  leadMetcc: ok,
  panelMetcc: F,
  coordinator: F,
  admin: F,
  anonymous: U,
} as const;
const inductionWriters = {
  resourcing: ok,
  leadTsg: F,
  leadMetcc: F,
  panelMetcc: F,
  coordinator: ok,
  admin: F,
  anonymous: U,
} as const;

const matrix: Record<string, Row> = {
  'auth.login': {
    given: 'the right password for a resourcing user',
    arrange: () => (c) => c.auth.login({ email: 'res@muster.test', password: testPassword }),
    expected: { resourcing: ok, leadTsg: ok, leadMetcc: ok, panelMetcc: ok, coordinator: ok, admin: ok, anonymous: ok },
    took: (api, result, t) => {
      expect(result).toMatchObject({ email: 'res@muster.test', role: 'resourcing' });
      expect(footprint(api.db).sessions).toBe(t.before.sessions + 1);
    },
  },
  'auth.logout': {
    given: 'a session for every user',
    arrange: (api) => {
      const at = api.clock.now.toISOString();
      for (const a of Object.values(api.actors))
        api.db.insert(sessions).values({ tokenHash: a.tokenHash, userId: a.id, createdAt: at, lastSeenAt: at }).run();
      return (c) => c.auth.logout();
    },
    expected: signedIn,
    took: (api, _result, t) => {
      const left = api.db.select({ tokenHash: sessions.tokenHash }).from(sessions).all();
      expect(left.map((s) => s.tokenHash).sort()).toEqual(
        Object.values(api.actors)
          .map((a) => a.tokenHash)
          .filter((h) => h !== actorOf(api, t.who).tokenHash)
          .sort(),
      );
    },
  },
  'auth.me': {
    given: 'a session',
    arrange: () => (c) => c.auth.me(),
    expected: signedIn,
    took: (api, result, t) => {
      const { id, email, role } = actorOf(api, t.who);
      expect(result).toMatchObject({ id, email, role });
    },
  },
  'applications.create': {
    given: 'a new transferee',
    arrange: () => (c) => c.applications.create(buildApplication({ targetUnit: 'METCC' })),
    expected: onlyResourcing,
    took: (api, result, t) => {
      const made = result as ApplicationDetail;
      expect(footprint(api.db).cases).toEqual([{ id: made.id, version: made.version, stage: 'review' }]);
      expect(eventsSince(api.db, t)).toContainEqual({ applicationId: made.id, type: 'created', actorId: actorOf(api, t.who).id });
    },
  },
  'applications.update': {
    given: 'a METCC case at review, with a corrected phone number',
    arrange: async (api) => {
      const { targetUnit: _unit, receivedAt: _received, ...fields } = buildApplication({ targetUnit: 'METCC' });
      const k = await api.as.resourcing.applications.create({ ...fields, targetUnit: 'METCC' });
      return (c) => c.applications.update({ ...fields, id: k.id, expectedVersion: k.version, phone: '020 7230 1212' });
    },
    expected: onlyResourcing,
    took: (api, _result, t) => {
      expect(applicationRow(api.db, arranged(t)).phone).toBe('020 7230 1212');
      wrote(api, t, arranged(t), 'details_edited');
    },
  },
  'applications.get': {
    given: 'a METCC case at interview',
    arrange: async (api) => {
      const k = await applicationAt(api, 'interview');
      return (c) => c.applications.get({ id: k.id });
    },
    expected: metccInterviewReaders,
    took: (api, result, t) => {
      const id = arranged(t);
      expect(result).toMatchObject({ id, lastName: applicationRow(api.db, id).lastName, stage: 'interview' });
      expect(viewsSince(api.db, t)).toEqual([{ userId: actorOf(api, t.who).id, applicationId: id, action: 'view' }]);
    },
  },
  'applications.list': {
    given: 'some cases',
    arrange: async (api) => (await applicationAt(api, 'review'), (c) => c.applications.list({})),
    expected: signedIn,
    took: (_api, result, t) => expect(idsOf(result)).toEqual(seesMetccReview[t.who] ? [arranged(t)] : []),
  },
  'applications.board': {
    given: 'some cases',
    arrange: async (api) => (await applicationAt(api, 'review'), (c) => c.applications.board({})),
    expected: signedIn,
    took: (_api, result, t) => {
      const review = (result as { stage: Stage; count: number; items: { id: number }[] }[]).find((c) => c.stage === 'review');
      const shown = seesMetccReview[t.who] ? [arranged(t)] : [];
      expect([review?.count ?? 0, review?.items.map((i) => i.id) ?? []]).toEqual([shown.length, shown]);
    },
  },
  'applications.column': {
    given: 'some cases',
    arrange: async (api) => (await applicationAt(api, 'review'), (c) => c.applications.column({ stage: 'review' })),
    expected: signedIn,
    took: (_api, result, t) => expect(idsOf(result)).toEqual(seesMetccReview[t.who] ? [arranged(t)] : []),
  },
  'applications.history': {
    given: 'a METCC case at interview',
    arrange: async (api) => {
      const k = await applicationAt(api, 'interview');
      return (c) => c.applications.history({ id: k.id });
    },
    expected: metccInterviewReaders,
    took: (api, result, t) => {
      const id = arranged(t);
      expect((result as { items: { type: EventType }[] }).items.map((e) => e.type)).toEqual([
        'moved',
        'eligibility_recorded',
        'created',
      ]);
      expect(viewsSince(api.db, t)).toEqual([{ userId: actorOf(api, t.who).id, applicationId: id, action: 'history' }]);
    },
  },
  'applications.move': {
    given: 'a METCC case at interview with a pass recorded, moved on to pre-employment',
    arrange: async (api) => {
      let k = await applicationAt(api, 'interview');
      k = await interviewOutcome(api, k, 'pass');
      return (c) => c.applications.move({ id: k.id, expectedVersion: k.version, to: 'pre_employment' });
    },
    expected: metccInterviewWriters,
    took: (api, _result, t) => {
      expect(applicationRow(api.db, arranged(t)).stage).toBe('pre_employment');
      wrote(api, t, arranged(t), 'moved');
    },
  },
  'applications.bulkReject': {
    given: 'two METCC cases at review, rejected together with a listed reason',
    arrange: async (api) => {
      const a = await applicationAt(api, 'review');
      const b = await applicationAt(api, 'review');
      return (c) =>
        c.applications.bulkReject({
          cases: [a, b].map((k) => ({ id: k.id, expectedVersion: k.version })),
          reasonId: closeReasonIds.rejected,
          reason: 'Campaign closed.',
        });
    },
    expected: onlyResourcing,
    took: (api, _result, t) => {
      for (const { id } of t.before.cases) {
        expect([id, applicationRow(api.db, id).stage]).toEqual([id, 'rejected']);
        wrote(api, t, id, 'rejected');
      }
    },
  },
  'applications.approveException': {
    given: 'a METCC transferee at review with open misconduct recorded',
    arrange: async (api) => {
      let k = await applicationAt(api, 'review');
      k = await api.as.resourcing.applications.recordEligibility({
        ...clearForceRecords,
        id: k.id,
        expectedVersion: k.version,
        targetUnit: 'METCC',
        criteria: allMet(k),
        hasOpenMisconduct: true,
        misconductDetails: 'Complaint under investigation by the home force.',
      });
      return (c) =>
        c.applications.approveException({
          id: k.id,
          expectedVersion: k.version,
          reason: 'Matter is minor; approved by the Superintendent.',
        });
    },
    expected: onlyAdmin,
    took: (api, _result, t) => {
      const exception = api.db
        .select()
        .from(eligibilityExceptions)
        .where(eq(eligibilityExceptions.applicationId, arranged(t)))
        .get();
      expect(exception).toMatchObject({
        approvedBy: actorOf(api, t.who).id,
        reason: 'Matter is minor; approved by the Superintendent.',
      });
      wrote(api, t, arranged(t), 'exception_approved');
    },
  },
  'applications.recordEligibility': {
    given: 'a METCC case at review',
    arrange: async (api) => {
      const k = await applicationAt(api, 'review');
      return (c) =>
        c.applications.recordEligibility({
          ...clearForceRecords,
          id: k.id,
          expectedVersion: k.version,
          targetUnit: 'METCC',
          criteria: allMet(k),
        });
    },
    expected: onlyResourcing,
    took: (api, _result, t) => {
      const record = api.db
        .select()
        .from(eligibilityRecords)
        .where(eq(eligibilityRecords.applicationId, arranged(t)))
        .get();
      expect(record).toMatchObject({ recordedBy: actorOf(api, t.who).id, psdOutcome: 'clear' });
      wrote(api, t, arranged(t), 'eligibility_recorded');
    },
  },
  'applications.recordTsgPreAssessment': {
    given: 'a TSG case at review, a TSG officer in the mentor pool',
    arrange: async (api) => {
      const k = await applicationAt(api, 'review', 'TSG');
      const m = api.db
        .insert(mentors)
        .values({ name: 'PS Lee', unitCode: 'TSG', place: 'Catford (SE)', capacity: 3 })
        .returning()
        .get();
      return (c) =>
        c.applications.recordTsgPreAssessment({ id: k.id, expectedVersion: k.version, mentorId: m.id, hasBaseVisit: true });
    },
    expected: { resourcing: ok, leadTsg: ok, leadMetcc: F, panelMetcc: F, coordinator: F, admin: F, anonymous: U },
    took: (api, _result, t) => {
      expect(api.db.select().from(tsgPreAssessments).all()).toEqual([
        expect.objectContaining({ applicationId: arranged(t), hasBaseVisit: true, recordedBy: actorOf(api, t.who).id }),
      ]);
      wrote(api, t, arranged(t), 'tsg_pre_assessment_recorded');
    },
  },
  'checks.update': {
    given: 'a METCC case at pre-employment',
    arrange: async (api) => {
      const k = await applicationAt(api, 'pre_employment');
      return (c) => c.checks.update({ id: k.id, expectedVersion: k.version, check: 'vetting', status: 'requested' });
    },
    expected: onlyResourcing,
    took: (api, _result, t) => {
      const checks = api.db
        .select()
        .from(applicationChecks)
        .where(eq(applicationChecks.applicationId, arranged(t)))
        .all();
      expect(checks.find((k) => k.checkCode === 'vetting')).toMatchObject({
        status: 'requested',
        dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        updatedBy: actorOf(api, t.who).id,
      });
      wrote(api, t, arranged(t), 'check_updated');
    },
  },
  'checks.list': {
    given: 'a METCC case at pre-employment',
    arrange: async (api) => {
      const k = await applicationAt(api, 'pre_employment');
      return (c) => c.checks.list({ id: k.id });
    },
    expected: metccInterviewReaders,
    took: (_api, result) => expect(result).toContainEqual(expect.objectContaining({ check: 'vetting', waitsOn: 'vetting_unit' })),
  },
  'checks.chase': {
    given: 'a METCC case at pre-employment with its fitness test requested',
    arrange: async (api) => {
      const k = await applicationAt(api, 'pre_employment');
      const c = await api.as.resourcing.checks.update({ id: k.id, expectedVersion: k.version, check: 'fitness_test', status: 'requested' });
      return (caller) => caller.checks.chase({ id: c.id, expectedVersion: c.version, check: 'fitness_test' });
    },
    expected: onlyResourcing,
    took: (api, _result, t) => {
      expect(api.db.select().from(checkChasers).where(eq(checkChasers.applicationId, arranged(t))).all()).toEqual([
        expect.objectContaining({ checkCode: 'fitness_test', chasedBy: actorOf(api, t.who).id, toWhom: 'Candidate' }),
      ]);
      wrote(api, t, arranged(t), 'check_chased');
    },
  },
  'checks.overdue': {
    given: 'a METCC case at pre-employment with references requested 100 days ago',
    arrange: async (api) => {
      const k = await applicationAt(api, 'pre_employment');
      const requestedOn = addDays(api.clock.now.toISOString(), -100);
      await api.as.resourcing.checks.update({ id: k.id, expectedVersion: k.version, check: 'references', status: 'requested', requestedOn });
      return (c) => c.checks.overdue({});
    },
    expected: onlyResourcing,
    took: (_api, result, t) =>
      expect(result).toEqual({
        groups: [
          expect.objectContaining({
            waitsOn: 'referee',
            count: 1,
            items: [expect.objectContaining({ applicationId: arranged(t), check: 'references', daysOverdue: 79 })],
          }),
        ],
      }),
  },
  'courses.book': {
    given: 'a METCC case at induction',
    arrange: async (api) => {
      const k = await applicationAt(api, 'induction');
      const startDate = addDays(k.finalOfferAt!, 30);
      const course = addCourse(api.db, startDate);
      return (c) =>
        c.courses.book({
          id: k.id,
          expectedVersion: k.version,
          courseId: course.id,
          startDate,
          postingUnit: 'METCC',
          postingPlace: 'Lambeth',
          postingRole: 'Despatch',
        });
    },
    expected: inductionWriters,
    took: (api, _result, t) => {
      const course = api.db.select().from(inductionCourses).all().at(-1)!;
      const booking = api.db
        .select()
        .from(inductionBookings)
        .where(eq(inductionBookings.applicationId, arranged(t)))
        .get();
      expect(booking).toMatchObject({ courseId: course.id, postingPlace: 'Lambeth', bookedBy: actorOf(api, t.who).id });
      wrote(api, t, arranged(t), 'induction_booked');
    },
  },
  'courses.recordAttendance': {
    given: 'a METCC case at induction booked on a course that starts today',
    arrange: async (api) => {
      const k = await applicationAt(api, 'induction');
      const startDate = addDays(k.finalOfferAt!, 30);
      const course = addCourse(api.db, startDate);
      const b = await api.as.coordinator.courses.book({
        id: k.id,
        expectedVersion: k.version,
        courseId: course.id,
        startDate,
        postingUnit: 'METCC',
        postingPlace: 'Lambeth',
        postingRole: 'Despatch',
      });
      // The course has started: its date moved to today.
      const today = api.clock.now.toISOString().slice(0, 10);
      api.db.update(inductionCourses).set({ startsOn: today }).where(eq(inductionCourses.id, course.id)).run();
      return (c) => c.courses.recordAttendance({ id: b.id, expectedVersion: b.version, attended: true });
    },
    expected: inductionWriters,
    took: (api, _result, t) => {
      const booking = api.db.select().from(inductionBookings).where(eq(inductionBookings.applicationId, arranged(t))).get();
      expect(booking).toMatchObject({ attendance: 'attended' });
      wrote(api, t, arranged(t), 'induction_attended');
    },
  },
  'courses.list': {
    given: 'a course to come',
    arrange: (api) => (addCourse(api.db, '2026-12-14'), (c) => c.courses.list({})),
    expected: { resourcing: ok, leadTsg: F, leadMetcc: F, panelMetcc: F, coordinator: ok, admin: ok, anonymous: U },
    took: (_api, result) =>
      expect(result).toEqual([expect.objectContaining({ startsOn: '2026-12-14', place: 'Hendon', booked: 0, joiners: [] })]),
  },
  'courses.create': {
    given: 'a new course',
    arrange: () => (c) => c.courses.create({ startsOn: '2026-12-14', place: 'Peel Centre, Hendon', capacity: 30 }),
    expected: { resourcing: F, leadTsg: F, leadMetcc: F, panelMetcc: F, coordinator: ok, admin: ok, anonymous: U },
    took: (api) =>
      expect(api.db.select().from(inductionCourses).all()).toEqual([
        expect.objectContaining({ startsOn: '2026-12-14', place: 'Peel Centre, Hendon', capacity: 30, version: 1 }),
      ]),
  },
  'courses.update': {
    given: 'a course to come, given more places',
    arrange: (api) => {
      const course = addCourse(api.db, '2026-12-14');
      return (c) =>
        c.courses.update({ id: course.id, expectedVersion: 1, startsOn: '2026-12-14', place: 'Hendon', capacity: 60 });
    },
    expected: { resourcing: F, leadTsg: F, leadMetcc: F, panelMetcc: F, coordinator: ok, admin: ok, anonymous: U },
    took: (api) => expect(api.db.select().from(inductionCourses).get()).toMatchObject({ capacity: 60, version: 2 }),
  },
  'courses.cancel': {
    given: 'a course with a METCC joiner booked on it',
    arrange: async (api) => {
      const k = await applicationAt(api, 'induction');
      const startDate = addDays(k.finalOfferAt!, 30);
      const course = addCourse(api.db, startDate);
      await api.as.coordinator.courses.book({
        id: k.id,
        expectedVersion: k.version,
        courseId: course.id,
        startDate,
        postingUnit: 'METCC',
        postingPlace: 'Lambeth',
        postingRole: 'First Contact',
      });
      return (c) => c.courses.cancel({ id: course.id, expectedVersion: 1, reason: 'The trainers are unavailable.' });
    },
    expected: { resourcing: F, leadTsg: F, leadMetcc: F, panelMetcc: F, coordinator: ok, admin: ok, anonymous: U },
    took: (api, _result, t) => {
      expect(api.db.select().from(inductionCourses).get()).toMatchObject({ status: 'cancelled', version: 2 });
      expect(api.db.select().from(inductionBookings).all()).toEqual([]);
      wrote(api, t, arranged(t), 'induction_cancelled');
      expect(api.db.select({ template: outbox.template }).from(outbox).all()).toContainEqual({
        template: 'joiner_course_cancelled',
      });
    },
  },
  'developmentDays.list': {
    given: 'a development day to come',
    arrange: (api) => (addDay(api.db, '2027-03-10'), (c) => c.developmentDays.list({})),
    expected: { resourcing: ok, leadTsg: F, leadMetcc: F, panelMetcc: F, coordinator: ok, admin: ok, anonymous: U },
    took: (_api, result) => expect(result).toEqual([expect.objectContaining({ heldOn: '2027-03-10', invited: 0 })]),
  },
  'developmentDays.create': {
    given: 'a new development day',
    arrange: () => (c) => c.developmentDays.create({ heldOn: '2027-03-10', place: 'Hendon', title: 'Spring day' }),
    expected: { resourcing: F, leadTsg: F, leadMetcc: F, panelMetcc: F, coordinator: ok, admin: ok, anonymous: U },
    took: (api) =>
      expect(api.db.select().from(developmentDays).all()).toEqual([
        expect.objectContaining({ heldOn: '2027-03-10', title: 'Spring day', version: 1 }),
      ]),
  },
  'developmentDays.update': {
    given: 'a development day to come, renamed',
    arrange: (api) => {
      const day = addDay(api.db, '2027-03-10');
      return (c) => c.developmentDays.update({ id: day.id, expectedVersion: 1, heldOn: '2027-03-10', place: 'Hendon', title: 'Renamed' });
    },
    expected: { resourcing: F, leadTsg: F, leadMetcc: F, panelMetcc: F, coordinator: ok, admin: ok, anonymous: U },
    took: (api) => expect(api.db.select().from(developmentDays).get()).toMatchObject({ title: 'Renamed', version: 2 }),
  },
  'developmentDays.cancel': {
    given: 'a development day to come',
    arrange: (api) => {
      const day = addDay(api.db, '2027-03-10');
      return (c) => c.developmentDays.cancel({ id: day.id, expectedVersion: 1 });
    },
    expected: { resourcing: F, leadTsg: F, leadMetcc: F, panelMetcc: F, coordinator: ok, admin: ok, anonymous: U },
    took: (api) => expect(api.db.select().from(developmentDays).get()).toMatchObject({ status: 'cancelled', version: 2 }),
  },
  'developmentDays.invite': {
    given: 'a development day to come and an onboarded joiner in their first two years',
    arrange: async (api) => {
      await applicationAt(api, 'onboarded');
      const day = addDay(api.db, '2027-03-10');
      return (c) => c.developmentDays.invite({ id: day.id });
    },
    expected: { resourcing: F, leadTsg: F, leadMetcc: F, panelMetcc: F, coordinator: ok, admin: ok, anonymous: U },
    took: (api, _result, t) => {
      wrote(api, t, arranged(t), 'development_day_invited');
      expect(api.db.select({ template: outbox.template }).from(outbox).all()).toContainEqual({
        template: 'joiner_development_day_invited',
      });
    },
  },
  'developmentDays.recordAttendance': {
    given: 'a development day held last week, a joiner invited to it',
    arrange: async (api) => {
      const k = await applicationAt(api, 'onboarded');
      const day = addDay(api.db, '2026-11-18');
      api.db.insert(developmentDayInvitations).values({ dayId: day.id, applicationId: k.id, invitedAt: '2026-11-01T10:00:00Z' }).run();
      return (c) => c.developmentDays.recordAttendance({ dayId: day.id, applicationId: k.id, attended: true });
    },
    expected: { resourcing: F, leadTsg: F, leadMetcc: F, panelMetcc: F, coordinator: ok, admin: ok, anonymous: U },
    took: (api) => expect(api.db.select().from(developmentDayInvitations).get()).toMatchObject({ attendance: 'attended' }),
  },
  'coordination.home': {
    given: 'a joiner at induction needing everything',
    arrange: async (api) => {
      await applicationAt(api, 'induction');
      return (c) => c.coordination.home();
    },
    expected: { resourcing: ok, leadTsg: F, leadMetcc: F, panelMetcc: F, coordinator: ok, admin: ok, anonymous: U },
    took: (_api, result) =>
      expect((result as { joiners: { needs: string[] }[] }).joiners).toEqual([
        expect.objectContaining({ needs: ['course', 'mentor', 'buddy'] }),
      ]),
  },
  'applications.assignMentor': {
    given: 'a METCC case at induction',
    arrange: async (api) => {
      const k = await applicationAt(api, 'induction');
      const mentor = addMentor(api.db, 'Sgt Mentor');
      return (c) => c.applications.assignMentor({ id: k.id, expectedVersion: k.version, mentorId: mentor.id });
    },
    expected: inductionWriters,
    took: (api, _result, t) => {
      const mentor = api.db.select().from(mentors).all().at(-1)!;
      expect(applicationRow(api.db, arranged(t)).mentorId).toBe(mentor.id);
      wrote(api, t, arranged(t), 'mentor_assigned');
    },
  },
  'applications.addNote': {
    given: 'a METCC case at interview',
    arrange: async (api) => {
      const k = await applicationAt(api, 'interview');
      return (c) => c.applications.addNote({ id: k.id, expectedVersion: k.version, body: 'Phoned the officer.' });
    },
    expected: metccInterviewWriters,
    took: (api, _result, t) => wrote(api, t, arranged(t), 'note_added'),
  },
  'reference.all': {
    given: 'reference data',
    arrange: () => (c) => c.reference.all(),
    expected: signedIn,
    took: (_api, result) => {
      expect(result).toMatchObject({
        units: units.map((u) => expect.objectContaining({ code: u.code })),
        forces: expect.arrayContaining(['Kent Police']),
      });
      expect((result as { forces: string[] }).forces).not.toContain('Metropolitan Police Service');
    },
  },
  'reference.mentors': {
    given: 'a pool of one',
    arrange: (api) => (addMentor(api.db, 'Sgt Pool'), (c) => c.reference.mentors()),
    expected: signedIn,
    took: (api, result) => {
      const [m] = api.db.select().from(mentors).all();
      expect(result).toEqual([{ id: m!.id, name: 'Sgt Pool', unit: 'METCC', place: 'Bow', capacity: 5, load: 0, hasRoom: true }]);
    },
  },
  'mentors.list': {
    given: 'a pool of one',
    arrange: (api) => (addMentor(api.db, 'Sgt Pool'), (c) => c.mentors.list({})),
    expected: { resourcing: ok, leadTsg: F, leadMetcc: F, panelMetcc: F, coordinator: ok, admin: ok, anonymous: U },
    took: (api, result) => {
      const [m] = api.db.select().from(mentors).all();
      expect(result).toEqual([
        {
          id: m!.id,
          name: 'Sgt Pool',
          unit: 'METCC',
          place: 'Bow',
          capacity: 5,
          kind: 'both',
          isPaused: false,
          isActive: true,
          load: 0,
          hasRoom: true,
          version: 1,
          userId: null,
        },
      ]);
    },
  },
  'mentors.create': {
    given: 'an empty pool',
    arrange: () => (c) => c.mentors.create({ name: 'PC Sam Lee', unit: 'METCC', place: 'Bow', capacity: 3, kind: 'buddy' }),
    expected: { resourcing: F, leadTsg: F, leadMetcc: F, panelMetcc: F, coordinator: ok, admin: ok, anonymous: U },
    took: (api) =>
      expect(api.db.select().from(mentors).all()).toEqual([
        expect.objectContaining({ name: 'PC Sam Lee', unitCode: 'METCC', place: 'Bow', capacity: 3, kind: 'buddy', version: 1 }),
      ]),
  },
  'mentors.update': {
    given: 'a pool of one, paused at the version read',
    arrange: (api) => {
      const m = addMentor(api.db, 'Sgt Pool');
      return (c) =>
        c.mentors.update({
          id: m.id,
          expectedVersion: m.version,
          name: m.name,
          unit: m.unitCode,
          place: m.place,
          capacity: m.capacity,
          kind: m.kind,
          isPaused: true,
          isActive: true,
        });
    },
    expected: { resourcing: F, leadTsg: F, leadMetcc: F, panelMetcc: F, coordinator: ok, admin: ok, anonymous: U },
    took: (api) => expect(api.db.select().from(mentors).all()).toEqual([expect.objectContaining({ isPaused: true, version: 2 })]),
  },
  'mentors.suggest': {
    given: 'a METCC case at induction, a pool of one',
    arrange: async (api) => {
      const k = await applicationAt(api, 'induction');
      addMentor(api.db, 'Sgt Pool');
      return (c) => c.mentors.suggest({ applicationId: k.id });
    },
    expected: inductionWriters,
    took: (_api, result) =>
      expect(result).toMatchObject({ mentor: [{ name: 'Sgt Pool' }], buddy: [{ name: 'Sgt Pool' }], excluded: [] }),
  },
  'admin.accessLog': {
    given: 'a viewed case',
    arrange: async (api) => {
      const k = await applicationAt(api, 'review');
      await api.as.resourcing.applications.get({ id: k.id });
      return (c) => c.admin.accessLog({});
    },
    expected: onlyAdmin,
    took: (api, result, t) => {
      const items = (result as { items: { applicationId: number; userId: number; action: string }[] }).items;
      expect(items.map((i) => [i.applicationId, i.userId, i.action])).toEqual([
        [arranged(t), api.actors.resourcing.id, 'view'],
        [arranged(t), api.actors.resourcing.id, 'view_after_change'],
      ]);
    },
  },
  'admin.closeReasons': {
    given: 'the seeded close reasons',
    arrange: () => (c) => c.admin.closeReasons(),
    expected: onlyAdmin,
    took: (_api, result, t) =>
      expect((result as { id: number }[]).map((r) => r.id).sort((a, b) => a - b)).toEqual(
        t.before.closeReasons.map((r) => r.id).sort((a, b) => a - b),
      ),
  },
  'admin.addCloseReason': {
    given: 'a new close reason',
    arrange: () => (c) => c.admin.addCloseReason({ kind: 'withdrawn', label: 'Moved abroad' }),
    expected: onlyAdmin,
    took: (api, result) => {
      const row = api.db.select().from(closeReasons).where(eq(closeReasons.label, 'Moved abroad')).get();
      expect(row).toMatchObject({ id: (result as { id: number }).id, kind: 'withdrawn', isActive: true });
    },
  },
  'admin.retireCloseReason': {
    given: 'an active close reason',
    arrange: (api) => {
      const [first] = api.db.select({ id: closeReasons.id }).from(closeReasons).all();
      return (c) => c.admin.retireCloseReason({ id: first!.id });
    },
    expected: onlyAdmin,
    took: (api, _result, t) => {
      const id = t.before.closeReasons[0]!.id;
      expect(api.db.select().from(closeReasons).where(eq(closeReasons.id, id)).get()?.isActive).toBe(false);
    },
  },
  'admin.restoreCloseReason': {
    given: 'a retired close reason',
    arrange: (api) => {
      api.db.update(closeReasons).set({ isActive: false }).where(eq(closeReasons.id, closeReasonIds.withdrawn)).run();
      return (c) => c.admin.restoreCloseReason({ id: closeReasonIds.withdrawn });
    },
    expected: onlyAdmin,
    took: (api, result) => {
      expect(result).toMatchObject({ id: closeReasonIds.withdrawn, isActive: true });
      expect(api.db.select().from(closeReasons).where(eq(closeReasons.id, closeReasonIds.withdrawn)).get()?.isActive).toBe(true);
    },
  },
  'reference.closeReasons': {
    given: 'the seeded close reasons',
    arrange: () => (c) => c.reference.closeReasons(),
    expected: signedIn,
    took: (_api, result, t) =>
      expect((result as { id: number }[]).map((r) => r.id).sort((a, b) => a - b)).toEqual(
        t.before.closeReasons
          .filter((r) => r.isActive)
          .map((r) => r.id)
          .sort((a, b) => a - b),
      ),
  },

  // Intake: resourcing's own tools.
  'imports.start': {
    given: 'a dry run of a small CSV',
    arrange: () => (c) =>
      c.imports.start({
        fileName: 'a.csv',
        content: Buffer.from('reference,first_name\nX-1,Ann\n').toString('base64'),
        isDryRun: true,
      }),
    expected: onlyResourcing,
    took: async (api, result, t) => {
      const job = result as { id: string };
      expect(job.id).toMatch(/^[0-9a-f-]{36}$/);
      expect((await api.as.resourcing.imports.status({ jobId: job.id })).id).toBe(job.id);
      expect(footprint(api.db).cases).toEqual(t.before.cases);
    },
  },
  'imports.status': {
    given: "an import started by the caller's role",
    arrange: async (api) => {
      const job = await api.as.resourcing.imports.start({
        fileName: 'a.csv',
        content: Buffer.from('reference,first_name\nX-1,Ann\n').toString('base64'),
        isDryRun: true,
      });
      return (c) => c.imports.status({ jobId: job.id });
    },
    expected: onlyResourcing,
    took: (_api, result) => expect(result).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), total: 1 }),
  },
  'duplicates.list': {
    given: 'two METCC cases with the same email',
    arrange: async (api) => (await duplicatePair(api), (c) => c.duplicates.list({})),
    expected: onlyResourcing,
    took: (api, result, t) => {
      const [older, newer] = t.before.cases;
      expect(
        (result as { application: { id: number }; duplicateOf: { id: number } }[]).map((f) => [
          f.application.id,
          f.duplicateOf.id,
        ]),
      ).toEqual([[newer!.id, older!.id]]);
      expect(viewsSince(api.db, t).map((v) => v.action)).toEqual(['duplicates', 'duplicates']);
    },
  },
  'duplicates.dismiss': {
    given: 'two METCC cases with the same email',
    arrange: async (api) => {
      const flag = await duplicatePair(api);
      return (c) => c.duplicates.dismiss({ ...flag, reason: 'Different people sharing a family inbox.' });
    },
    expected: onlyResourcing,
    took: (api, _result, t) => {
      expect(footprint(api.db).flags.map((f) => f.status)).toEqual(['dismissed']);
      wrote(api, t, arranged(t), 'duplicate_dismissed');
    },
  },
  'duplicates.merge': {
    given: 'two METCC cases with the same email',
    arrange: async (api) => {
      const flag = await duplicatePair(api);
      return (c) => c.duplicates.merge({ ...flag, reason: 'Same officer applied twice.' });
    },
    expected: onlyResourcing,
    took: (api, _result, t) => {
      expect(footprint(api.db).flags.map((f) => f.status)).toEqual(['merged']);
      expect(applicationRow(api.db, arranged(t)).stage).toBe('withdrawn');
      wrote(api, t, arranged(t), 'duplicate_merged');
    },
  },
  'triage.queue': {
    given: 'new cases',
    arrange: async (api) => (await applicationAt(api, 'review'), (c) => c.triage.queue({})),
    expected: onlyResourcing,
    took: (_api, result, t) => expect(idsOf(result)).toEqual([arranged(t)]),
  },
  'triage.reviewers': {
    given: 'users',
    arrange: () => (c) => c.triage.reviewers(),
    expected: onlyResourcing,
    took: (api, result) =>
      expect(result).toEqual([{ id: api.actors.resourcing.id, name: 'Rita Resourcing', email: 'res@muster.test' }]),
  },
  'triage.assign': {
    given: 'a new case',
    arrange: async (api) => {
      const k = await applicationAt(api, 'review');
      return (c) => c.triage.assign({ cases: [{ id: k.id, expectedVersion: k.version }], assignee: 'me' });
    },
    expected: onlyResourcing,
    took: (api, _result, t) => {
      expect(applicationRow(api.db, arranged(t)).assigneeId).toBe(actorOf(api, t.who).id);
      wrote(api, t, arranged(t), 'assigned');
    },
  },
  'triage.views': {
    given: 'a view saved by resourcing',
    arrange: async (api) => (
      await api.as.resourcing.triage.saveView({ name: 'Mine', filters: { assignee: 'me' } }),
      (c) => c.triage.views()
    ),
    expected: onlyResourcing,
    took: (_api, result) => expect(result).toMatchObject([{ name: 'Mine', filters: { assignee: 'me' } }]),
  },
  'triage.saveView': {
    given: 'a filter',
    arrange: () => (c) => c.triage.saveView({ name: 'Mine', filters: { assignee: 'me' } }),
    expected: onlyResourcing,
    took: (api, _result, t) => {
      const saved = api.db.select().from(savedViews).all();
      expect(saved).toMatchObject([{ name: 'Mine', userId: actorOf(api, t.who).id, filters: { assignee: 'me' } }]);
    },
  },
  'triage.deleteView': {
    given: 'a view saved by resourcing',
    arrange: async (api) => {
      const view = await api.as.resourcing.triage.saveView({ name: 'Mine', filters: {} });
      return (c) => c.triage.deleteView({ id: view.id });
    },
    expected: onlyResourcing,
    took: (api) => expect(footprint(api.db).views).toEqual([]),
  },
  'interviews.publishSlots': {
    given: 'a METCC morning with the panel member on the panel',
    arrange: (api) => (c) => c.interviews.publishSlots(metccSlot(api)),
    expected: metccSchedulers,
    took: (api, result) => {
      expect(footprint(api.db).slots).toEqual(
        (result as { id: number }[]).map((r) => ({ id: r.id, version: 0, status: 'open' })),
      );
    },
  },
  'interviews.updateSlot': {
    given: 'a free METCC slot, moved to the afternoon',
    arrange: async (api) => {
      const [slot] = await api.as.resourcing.interviews.publishSlots(metccSlot(api));
      return (c) =>
        c.interviews.updateSlot({
          id: slot!.id,
          expectedVersion: 0,
          venueId: slot!.venue.id,
          panel: [api.actors.panelMetcc.id],
          date: '2026-12-01',
          startTime: '14:00',
          lengthMinutes: 60,
        });
    },
    expected: metccSchedulers,
    took: (api) => expect(footprint(api.db).slots).toEqual([expect.objectContaining({ version: 1, status: 'open' })]),
  },
  'interviews.withdrawSlot': {
    given: 'a free METCC slot',
    arrange: async (api) => {
      const [slot] = await api.as.resourcing.interviews.publishSlots(metccSlot(api));
      return (c) => c.interviews.withdrawSlot({ id: slot!.id, expectedVersion: 0 });
    },
    expected: metccSchedulers,
    took: (api) => expect(footprint(api.db).slots).toEqual([expect.objectContaining({ version: 1, status: 'withdrawn' })]),
  },
  'interviews.slots': {
    given: 'a METCC slot with the panel member on its panel',
    arrange: async (api) => (
      await api.as.resourcing.interviews.publishSlots(metccSlot(api)),
      (c) => c.interviews.slots({ from: '2026-12-01' })
    ),
    expected: signedIn,
    took: (_api, result, t) => {
      const sees = ['resourcing', 'leadMetcc', 'panelMetcc', 'admin'].includes(t.who);
      expect((result as unknown[]).length).toBe(sees ? 1 : 0);
    },
  },
  'interviews.panellists': {
    given: 'METCC',
    arrange: () => (c) => c.interviews.panellists({ unit: 'METCC' }),
    expected: metccSchedulers,
    took: (api, result) =>
      expect((result as { id: number }[]).map((p) => p.id).sort()).toEqual(
        [api.actors.resourcing.id, api.actors.leadMetcc.id, api.actors.panelMetcc.id].sort(),
      ),
  },
  'interviews.venues': {
    given: 'the seeded venues',
    arrange: () => (c) => c.interviews.venues(),
    expected: signedIn,
    took: (_api, result) => expect((result as { name: string }[]).map((v) => v.name)).toContain('MetCC Lambeth'),
  },
  'interviews.book': {
    given: 'a METCC case at interview and a free METCC slot',
    arrange: async (api) => {
      const { k, slot } = await interviewReady(api);
      return (c) => c.interviews.book({ id: k.id, expectedVersion: k.version, slotId: slot });
    },
    expected: metccInterviewWriters,
    took: (api, _result, t) => {
      expect(footprint(api.db).interviews).toEqual([expect.objectContaining({ status: 'booked' })]);
      wrote(api, t, arranged(t), 'interview_booked');
    },
  },
  'interviews.reschedule': {
    given: 'a booked METCC case and another free slot',
    arrange: async (api) => {
      const { k, other } = await interviewBooked(api);
      return (c) =>
        c.interviews.reschedule({ id: k.id, expectedVersion: k.version, slotId: other, reason: 'The panel member is on leave.' });
    },
    expected: metccInterviewWriters,
    took: (api, _result, t) => {
      expect(footprint(api.db).interviews.map((i) => i.status)).toEqual(['cancelled', 'booked']);
      wrote(api, t, arranged(t), 'interview_rescheduled');
    },
  },
  'interviews.cancel': {
    given: 'a booked METCC case',
    arrange: async (api) => {
      const { k } = await interviewBooked(api);
      return (c) => c.interviews.cancel({ id: k.id, expectedVersion: k.version, reason: 'Candidate asked to wait.' });
    },
    expected: metccInterviewWriters,
    took: (api, _result, t) => {
      expect(footprint(api.db).interviews.map((i) => i.status)).toEqual(['cancelled']);
      wrote(api, t, arranged(t), 'interview_cancelled');
    },
  },
  'interviews.recordAttendance': {
    given: 'a booked METCC interview that has started',
    arrange: async (api) => {
      const { k } = await interviewBooked(api);
      api.clock.now = new Date('2026-12-01T09:30:00Z');
      return (c) => c.interviews.recordAttendance({ id: k.id, expectedVersion: k.version, attended: true });
    },
    expected: metccInterviewWriters,
    took: (api, _result, t) => {
      expect(footprint(api.db).interviews.map((i) => i.status)).toEqual(['attended']);
      wrote(api, t, arranged(t), 'interview_attended');
    },
  },
  'interviews.submitScorecard': {
    given: 'an attended METCC interview with the panel member on its panel',
    arrange: async (api) => {
      const { interviewId } = await interviewAttended(api);
      return (c) =>
        c.interviews.submitScorecard({ interviewId, scores: { professionalism: 4, integrity: 4, courage: 3, compassion: 5 } });
    },
    expected: { resourcing: F, leadTsg: F, leadMetcc: F, panelMetcc: ok, coordinator: F, admin: F, anonymous: U },
    took: (api) =>
      expect(api.db.select().from(scorecards).all()).toEqual([
        expect.objectContaining({ userId: api.actors.panelMetcc.id, version: 1 }),
      ]),
  },
  'interviews.scorecards': {
    given: 'an attended METCC interview with the panel member on its panel',
    arrange: async (api) => {
      const { interviewId } = await interviewAttended(api);
      return (c) => c.interviews.scorecards({ interviewId });
    },
    expected: { resourcing: ok, leadTsg: F, leadMetcc: ok, panelMetcc: ok, coordinator: F, admin: ok, anonymous: U },
    took: (_api, result, t) => expect((result as { isOnPanel: boolean }).isOnPanel).toBe(t.who === 'panelMetcc'),
  },
  'interviews.recordOutcome': {
    given: 'an attended METCC interview the panel member has scored',
    arrange: async (api) => {
      const { k, interviewId } = await interviewAttended(api);
      await api.as.panelMetcc.interviews.submitScorecard({
        interviewId,
        scores: { professionalism: 4, integrity: 4, courage: 3, compassion: 5 },
      });
      return (c) => c.interviews.recordOutcome({ id: k.id, expectedVersion: k.version, outcome: 'pass' });
    },
    expected: metccInterviewWriters,
    took: (api, _result, t) => {
      expect(api.db.select().from(interviewOutcomes).all()).toEqual([expect.objectContaining({ outcome: 'pass' })]);
      wrote(api, t, arranged(t), 'interview_recorded');
    },
  },
  'calendar.createFeed': {
    given: 'a user with interviews',
    arrange: () => (c) => c.calendar.createFeed({ showNames: false }),
    expected: { resourcing: ok, leadTsg: ok, leadMetcc: ok, panelMetcc: ok, coordinator: F, admin: F, anonymous: U },
    took: (api, _result, t) =>
      expect(api.db.select().from(calendarFeeds).all()).toEqual([
        expect.objectContaining({ userId: actorOf(api, t.who).id, revokedAt: null }),
      ]),
  },
  'calendar.revokeFeed': {
    given: 'a feed for every user',
    arrange: (api) => {
      for (const a of Object.values(api.actors))
        api.db
          .insert(calendarFeeds)
          .values({ tokenHash: `feed-${a.id}`, userId: a.id, createdAt: api.clock.now.toISOString() })
          .run();
      return (c) => c.calendar.revokeFeed();
    },
    expected: signedIn,
    took: (api, _result, t) =>
      expect(
        api.db
          .select()
          .from(calendarFeeds)
          .all()
          .filter((f) => f.revokedAt !== null)
          .map((f) => f.userId),
      ).toEqual([actorOf(api, t.who).id]),
  },
  'admin.outbox': {
    given: 'a booked interview, its invitations queued',
    arrange: async (api) => (await interviewBooked(api), (c) => c.admin.outbox()),
    expected: onlyAdmin,
    took: (_api, result) =>
      expect((result as { template: string }[]).map((m) => m.template).sort()).toEqual(['candidate_booked', 'panel_booked']),
  },
  'admin.messageTemplates': {
    given: 'the templates',
    arrange: () => (c) => c.admin.messageTemplates(),
    expected: onlyAdmin,
    took: (_api, result) => expect((result as { name: string }[]).map((t) => t.name)).toContain('candidate_booked'),
  },
  'admin.addVenue': {
    given: 'a new place',
    arrange: () => (c) =>
      c.admin.addVenue({ name: 'Lambeth HQ training suite', address: '109 Lambeth Road, London SE1 7LP', unit: null }),
    expected: onlyAdmin,
    took: (api) =>
      expect(
        api.db
          .select()
          .from(venues)
          .all()
          .map((v) => v.name),
      ).toContain('Lambeth HQ training suite'),
  },
  'admin.retireVenue': {
    given: 'the seeded places',
    arrange: (api) => {
      const v = api.db.select().from(venues).where(eq(venues.unitCode, 'METCC')).get()!;
      return (c) => c.admin.retireVenue({ id: v.id });
    },
    expected: onlyAdmin,
    took: (api) => expect(api.db.select().from(venues).where(eq(venues.unitCode, 'METCC')).get()?.isActive).toBe(false),
  },
  'admin.interviewers': {
    given: 'the seeded users',
    arrange: () => (c) => c.admin.interviewers(),
    expected: onlyAdmin,
    took: (api, result) =>
      expect(result).toContainEqual({
        id: api.actors.panelMetcc.id,
        name: 'Pat METCC Panel',
        role: 'panel_member',
        units: ['METCC'],
        maxInterviewsPerDay: 4,
      }),
  },
  'admin.setInterviewLimit': {
    given: 'the METCC panel member',
    arrange: (api) => (c) => c.admin.setInterviewLimit({ userId: api.actors.panelMetcc.id, maxInterviewsPerDay: 2 }),
    expected: onlyAdmin,
    took: (api) =>
      expect(api.db.select().from(users).where(eq(users.id, api.actors.panelMetcc.id)).get()?.maxInterviewsPerDay).toBe(2),
  },
  'interviews.agenda': {
    given: 'a booked METCC interview with the panel member on its panel',
    arrange: async (api) => (await interviewBooked(api), (c) => c.interviews.agenda()),
    expected: signedIn,
    took: (_api, result, t) => {
      const sees = ['resourcing', 'leadMetcc', 'panelMetcc', 'admin'].includes(t.who);
      expect((result as { upcoming: unknown[] }).upcoming).toHaveLength(sees ? 1 : 0);
    },
  },
};

/** A morning slot for METCC on 1 December 2026 with the METCC panel member on it. */
function metccSlot(api: Api) {
  return {
    unit: 'METCC' as const,
    venueId: api.db.select().from(venues).where(eq(venues.unitCode, 'METCC')).get()!.id,
    panel: [api.actors.panelMetcc.id],
    dates: ['2026-12-01'],
    startTime: '09:00',
    lengthMinutes: 90,
  };
}
/** A METCC case at interview and two free METCC slots (09:00 and, on the 2nd, 09:00). */
async function interviewReady(api: Api) {
  const k = await applicationAt(api, 'interview');
  const [slot, other] = await api.as.resourcing.interviews.publishSlots({
    ...metccSlot(api),
    dates: ['2026-12-01', '2026-12-02'],
  });
  return { k, slot: slot!.id, other: other!.id };
}
/** As interviewBooked, the interview over and attended. */
async function interviewAttended(api: Api) {
  const { k } = await interviewBooked(api);
  api.clock.now = new Date('2026-12-01T11:00:00Z');
  const attended = await api.as.resourcing.interviews.recordAttendance({ id: k.id, expectedVersion: k.version, attended: true });
  return { k: attended, interviewId: attended.interviewBookings[0]?.id ?? 0 };
}
/** As interviewReady, with the case booked into the first slot. */
async function interviewBooked(api: Api) {
  const { k, slot, other } = await interviewReady(api);
  const booked = await api.as.resourcing.interviews.book({ id: k.id, expectedVersion: k.version, slotId: slot });
  return { k: booked, slot, other };
}

/** Two cases with one email: the second is flagged as a possible duplicate of the first. */
async function duplicatePair(api: Api) {
  await api.as.resourcing.applications.create(
    buildApplication({ targetUnit: 'METCC', email: 'twice@example.com', firstName: 'Pat' }),
  );
  const second = await api.as.resourcing.applications.create(
    buildApplication({ targetUnit: 'METCC', email: 'twice@example.com', firstName: 'Patricia' }),
  );
  const [flag] = await api.as.resourcing.duplicates.list({});
  expect(flag).toBeDefined();
  return { flagId: flag!.id, expectedVersion: second.version };
}

describe('role × procedure matrix', () => {
  it('has a row for every procedure in the router', () => {
    expect(Object.keys(matrix).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  it('the admin is read-only: every mutation on a case is refused to them, but approving an eligibility exception', () => {
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
    const applicationMutations = Object.keys(procedures).filter(
      (p) => p.startsWith('applications.') && procedures[p]!._def.type === 'mutation' && p !== 'applications.approveException',
    );
    expect(applicationMutations.length).toBeGreaterThanOrEqual(8);
    for (const p of applicationMutations) expect([p, matrix[p]?.expected.admin]).toEqual([p, 'FORBIDDEN']);
  });

  const cells = Object.entries(matrix).flatMap(([procedure, row]) =>
    everyone.map((who) => [procedure, who, row.expected[who], row] as const),
  );
  it.each(cells)('%s as %s → %s', async (_procedure, who, expected, row) => {
    const api = await setupApi();
    const call = await row.arrange(api);
    const before = footprint(api.db);
    let result: unknown;
    expect(
      await outcomeOf(
        call(callerOf(api, who)).then((r) => {
          result = r;
        }),
      ),
    ).toBe(expected);
    // A call let through did what it says; a refusal leaves no trace: no version bump, no event, no view logged, no session.
    if (expected === 'ok') await row.took(api, result, { before, who });
    else expect(footprint(api.db)).toEqual(before);
  });
});

/* ---------- record-level scope ---------- */

describe('record-level scope', () => {
  it.each(['get', 'history', 'move', 'addNote'] as const)('a TSG unit lead is FORBIDDEN to %s a METCC case', async (what) => {
    const api = await setupApi();
    const k = await applicationAt(api, 'interview', 'METCC');
    const a = api.as.leadTsg.applications;
    const w = { id: k.id, expectedVersion: k.version };
    const calls = {
      get: () => a.get({ id: k.id }),
      history: () => a.history({ id: k.id }),
      move: () => a.move({ ...w, to: 'rejected', reasonId: closeReasonIds.rejected, reason: 'Not suitable.' }),
      addNote: () => a.addNote({ ...w, body: 'Looked at it.' }),
    };
    const before = footprint(api.db);
    expect(await outcomeOf(calls[what]())).toBe('FORBIDDEN');
    expect(footprint(api.db)).toEqual(before);
    // The same call by the METCC lead goes through: it is scope, not the role, that refuses.
    const m = api.as.leadMetcc.applications;
    const same = {
      get: () => m.get({ id: k.id }),
      history: () => m.history({ id: k.id }),
      move: () => m.move({ ...w, to: 'rejected', reasonId: closeReasonIds.rejected, reason: 'Not suitable.' }),
      addNote: () => m.addNote({ ...w, body: 'Looked at it.' }),
    };
    expect(await outcomeOf(same[what]())).toBe('ok');
  });

  it('a unit lead cannot see a case with no target unit yet', async () => {
    const api = await setupApi();
    const k = await applicationAt(api, 'review', null);
    expect(await outcomeOf(api.as.leadMetcc.applications.get({ id: k.id }))).toBe('FORBIDDEN');
    expect(await outcomeOf(api.as.leadTsg.applications.history({ id: k.id }))).toBe('FORBIDDEN');
  });

  it('a coordinator is FORBIDDEN on a case in review or interview, and reaches it from induction on', async () => {
    const api = await setupApi();
    const review = await applicationAt(api, 'review');
    const interview = await applicationAt(api, 'interview');
    const c = api.as.coordinator.applications;
    for (const k of [review, interview]) {
      expect(await outcomeOf(c.get({ id: k.id }))).toBe('FORBIDDEN');
      expect(await outcomeOf(c.history({ id: k.id }))).toBe('FORBIDDEN');
      expect(await outcomeOf(c.addNote({ id: k.id, expectedVersion: k.version, body: 'Hello' }))).toBe('FORBIDDEN');
      expect(
        await outcomeOf(
          c.move({ id: k.id, expectedVersion: k.version, to: 'withdrawn', reasonId: closeReasonIds.withdrawn, reason: 'Gone.' }),
        ),
      ).toBe('FORBIDDEN');
    }
    const induction = await applicationAt(api, 'induction');
    expect((await c.get({ id: induction.id })).stage).toBe('induction');
    const onboarded = await applicationAt(api, 'onboarded');
    expect((await c.history({ id: onboarded.id })).items.length).toBeGreaterThan(0);
  });

  it('a unit lead may reject after interview but not withdraw, move back or reopen', async () => {
    const api = await setupApi();
    const k = await applicationAt(api, 'interview');
    const m = api.as.leadMetcc.applications;
    const w = { id: k.id, expectedVersion: k.version };
    expect(await outcomeOf(m.move({ ...w, to: 'withdrawn', reasonId: closeReasonIds.withdrawn, reason: 'Gone.' }))).toBe(
      'FORBIDDEN',
    );
    expect(await outcomeOf(m.move({ ...w, to: 'review', reason: 'Back.' }))).toBe('FORBIDDEN');
    const rejected = await m.move({
      ...w,
      to: 'rejected',
      reasonId: closeReasonIds.rejected,
      reason: 'Did not meet the standard.',
    });
    expect(rejected.stage).toBe('rejected');
    expect(await outcomeOf(m.move({ id: k.id, expectedVersion: rejected.version, to: 'interview', reason: 'Appeal.' }))).toBe(
      'FORBIDDEN',
    );
  });

  describe('lists and the board show each person only their cases', () => {
    async function seed(api: Api) {
      return {
        metccReview: await applicationAt(api, 'review', 'METCC'),
        metccInterview: await applicationAt(api, 'interview', 'METCC'),
        metccInduction: await applicationAt(api, 'induction', 'METCC'),
        tsgReview: await applicationAt(api, 'review', 'TSG'),
        tsgMentoring: await applicationAt(api, 'mentoring', 'TSG'),
        ctReview: await applicationAt(api, 'review', 'CT'),
        noUnit: await applicationAt(api, 'review', null),
        ndpOnboarded: await applicationAt(api, 'onboarded', 'SNT', {
          route: 'police_now_ndp',
          cohortYear: 2025,
          currentForce: null,
          rank: null,
          warrantNumber: null,
          joinedForceOn: null,
        }),
      };
    }
    const ids = (items: { id: number }[]) => items.map((i) => i.id).sort((a, b) => a - b);
    const idsOf = (...cs: { id: number }[]) => ids(cs);

    it('list', async () => {
      const api = await setupApi();
      const s = await seed(api);
      const everything = idsOf(...Object.values(s));
      expect(ids((await api.as.resourcing.applications.list({})).items)).toEqual(everything);
      expect(ids((await api.as.admin.applications.list({})).items)).toEqual(everything);
      expect(ids((await api.as.leadMetcc.applications.list({})).items)).toEqual(
        idsOf(s.metccReview, s.metccInterview, s.metccInduction),
      );
      expect(ids((await api.as.leadTsg.applications.list({})).items)).toEqual(idsOf(s.tsgReview, s.tsgMentoring));
      expect(ids((await api.as.coordinator.applications.list({})).items)).toEqual(
        idsOf(s.metccInduction, s.tsgMentoring, s.ndpOnboarded),
      );
      // Filters narrow the scope; they never widen it.
      expect((await api.as.leadTsg.applications.list({ unit: 'METCC' })).items).toEqual([]);
      expect((await api.as.coordinator.applications.list({ stage: 'review' })).items).toEqual([]);
      expect((await api.as.leadTsg.applications.list({ q: s.metccReview.lastName })).items).toEqual([]);
    });

    it('board and column', async () => {
      const api = await setupApi();
      const s = await seed(api);
      const counts = async (c: Caller) =>
        Object.fromEntries((await c.applications.board({})).map((col) => [col.stage, col.count]));
      expect(await counts(api.as.resourcing)).toEqual({ review: 4, interview: 1, pre_employment: 0, induction: 1, mentoring: 1 });
      expect(await counts(api.as.leadMetcc)).toEqual({ review: 1, interview: 1, pre_employment: 0, induction: 1, mentoring: 0 });
      expect(await counts(api.as.leadTsg)).toEqual({ review: 1, interview: 0, pre_employment: 0, induction: 0, mentoring: 1 });
      expect(await counts(api.as.coordinator)).toEqual({ induction: 1, mentoring: 1 });
      const tsgReview = await api.as.leadTsg.applications.board({});
      expect(tsgReview.find((col) => col.stage === 'review')!.items.map((i) => i.id)).toEqual([s.tsgReview.id]);
      expect(ids((await api.as.leadMetcc.applications.column({ stage: 'review' })).items)).toEqual(idsOf(s.metccReview));
      expect((await api.as.coordinator.applications.column({ stage: 'review' })).items).toEqual([]);
    });
  });
});
