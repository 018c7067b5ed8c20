import type { ApplicationDetail, CreateApplicationInput, Route, Stage, UnitCode } from '@muster/contracts';
import { closeReasons, inductionCourses, interviewSlots, mentors, users, venues, type Db } from '@muster/db';
import { addDays, londonDateTime, postingPlacesOf, requiredChecks, routeCriteria, unitCriteria } from '@muster/domain';
import { eq, max } from 'drizzle-orm';
import { buildApplication, createTestDb } from '@muster/db/testing';
import { testConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { appRouter } from './routers/_app.ts';
import { hashPassword } from './security/passwords.ts';
import { insertUser } from './services/auth.ts';
import { createContextInner, type SessionActor } from './trpc/context.ts';
import { createCallerFactory } from './trpc/init.ts';
import { passCheck } from './services/checks-testing.ts';

export const testPassword = 'correct horse battery staple';

/** What a transferee's current force reports when all is well: pass this to recordEligibility to open the review gate. */
export const clearForceRecords = {
  psdRecords: 'received',
  psdOutcome: 'clear',
  ohRecords: 'received',
  ohOutcome: 'clear',
  hasOpenMisconduct: false,
} as const;

/** Ids of a listed reason to reject and to withdraw, as the reference data seeds them (checked in setupApi). */
export const closeReasonIds = { rejected: 1, withdrawn: 7 } as const;
let passwordHash: Promise<string> | undefined;

const people = {
  resourcing: { email: 'res@muster.test', name: 'Rita Resourcing', role: 'resourcing', units: [] },
  leadTsg: { email: 'tsg@muster.test', name: 'Tom TSG Lead', role: 'unit_lead', units: ['TSG'] },
  leadMetcc: { email: 'metcc@muster.test', name: 'Mo METCC Lead', role: 'unit_lead', units: ['METCC'] },
  coordinator: { email: 'coord@muster.test', name: 'Cara Coordinator', role: 'coordinator', units: [] },
  panelMetcc: { email: 'panel.metcc@muster.test', name: 'Pat METCC Panel', role: 'panel_member', units: ['METCC'] },
  admin: { email: 'admin@muster.test', name: 'Ada Admin', role: 'admin', units: [] },
} as const satisfies Record<string, { email: string; name: string; role: SessionActor['role']; units: UnitCode[] }>;

export type Person = keyof typeof people;
const createCaller = createCallerFactory(appRouter);

/**
 * A fresh database (or, with `on`, a running server's) with one user per role (password `testPassword`) and a caller per user that
 * goes through the real routers, middleware and services. `now` is a settable clock.
 */
export async function setupApi(opts: { now?: Date; on?: { db: Db; clock: { now: Date } } } = {}) {
  const db: Db = opts.on?.db ?? createTestDb();
  for (const [kind, id] of Object.entries(closeReasonIds)) {
    if (db.select().from(closeReasons).where(eq(closeReasons.id, id)).get()?.kind !== kind)
      throw new Error(`close reason ${id} is not a ${kind} reason`);
  }
  passwordHash ??= hashPassword(testPassword);
  const hash = await passwordHash;
  const clock = opts.on?.clock ?? { now: opts.now ?? new Date('2026-11-23T10:00:00Z') };
  const actors = {} as Record<Person, SessionActor>;
  for (const [key, p] of Object.entries(people) as [Person, (typeof people)[Person]][]) {
    // On a server's database (`on`), the people it already has are reused.
    const id =
      db.select({ id: users.id }).from(users).where(eq(users.email, p.email)).get()?.id ??
      insertUser(db, { ...p, units: [...p.units], passwordHash: hash });
    actors[key] = { id, email: p.email, name: p.name, role: p.role, units: [...p.units], tokenHash: `test-${key}` };
  }
  const config = testConfig();
  const logger = createLogger('silent');
  const callerFor = (actor: SessionActor | null, now: () => Date = () => clock.now) =>
    createCaller(createContextInner({ db, config, logger, actor, now }));
  const as = Object.fromEntries((Object.keys(people) as Person[]).map((k) => [k, callerFor(actors[k])])) as Record<
    Person,
    ReturnType<typeof callerFor>
  >;
  /** Callers whose clock reads `at` instead of the test's clock (the test's clock does not move). */
  const asAt = (at: Date) =>
    Object.fromEntries((Object.keys(people) as Person[]).map((k) => [k, callerFor(actors[k], () => at)])) as typeof as;
  return { db, clock, actors, as, asAt, anonymous: callerFor(null), config, logger };
}

type Api = Awaited<ReturnType<typeof setupApi>>;

/** Every criterion of the route and of the unit, met: what a reviewer records for a clear case. */
export const allCriteriaMet = (route: Route, unit: UnitCode) => ({
  criteria: Object.fromEntries(routeCriteria[route].map((k) => [k.code, true])),
  unitCriteria: Object.fromEntries(unitCriteria[unit].map((k) => [k.code, true])),
});

/** TSG's mentor (a TSG officer added to the pool) and base visit, recorded by resourcing. */
export async function recordTsgPreAssessment(api: Api, c: ApplicationDetail): Promise<ApplicationDetail> {
  const mentor = api.db
    .insert(mentors)
    .values({ name: 'PC Dana Frost', unitCode: 'TSG', place: 'Catford (SE)', capacity: 5 })
    .returning()
    .get();
  return api.as.resourcing.applications.recordTsgPreAssessment({
    id: c.id,
    expectedVersion: c.version,
    mentorId: mentor.id,
    hasBaseVisit: true,
  });
}

/** Scores a scorecard gives every criterion in the tests. */
export const panelScores = { professionalism: 3, integrity: 4, courage: 4, compassion: 5 } as const;

/**
 * A case at interview taken through its interview the one way there is: a 30-minute slot of its unit
 * with resourcing on the panel, after every slot published so far (and at least an hour from the
 * test's clock), booked; then — by callers whose clock reads just after it ended, the test's clock
 * left where it is — attended, scored and its outcome recorded by `by` (resourcing or the unit's lead).
 */
export async function interviewOutcome(
  api: Api,
  c: ApplicationDetail,
  outcome: 'pass' | 'fail',
  by: Person = 'resourcing',
): Promise<ApplicationDetail> {
  const unit = c.targetUnit ?? 'METCC';
  const venue = api.db.select().from(venues).where(eq(venues.unitCode, unit)).get() ?? api.db.select().from(venues).get();
  if (!venue) throw new Error('No venue is seeded');
  // The panel is resourcing alone: lift its daily maximum so a test may interview many cases in a day.
  api.db.update(users).set({ maxInterviewsPerDay: 1000 }).where(eq(users.id, api.actors.resourcing.id)).run();
  const lastEnd = api.db
    .select({ at: max(interviewSlots.endsAt) })
    .from(interviewSlots)
    .get()?.at;
  const earliest = Math.max(api.clock.now.getTime() + 3_600_000, lastEnd ? Date.parse(lastEnd) : 0);
  const start = londonDateTime(new Date(Math.ceil(earliest / 900_000) * 900_000));
  const [slot] = await api.as.resourcing.interviews.publishSlots({
    unit,
    venueId: venue.id,
    panel: [api.actors.resourcing.id],
    dates: [start.date],
    startTime: start.time,
    lengthMinutes: 30,
  });
  if (!slot) throw new Error('No slot was published');
  const booked = await api.as.resourcing.interviews.book({ id: c.id, expectedVersion: c.version, slotId: slot.id });
  const after = api.asAt(new Date(Date.parse(slot.endsAt) + 60_000));
  const attended = await after.resourcing.interviews.recordAttendance({
    id: booked.id,
    expectedVersion: booked.version,
    attended: true,
  });
  const interviewId = attended.interviewBookings.find((b) => b.status === 'attended')?.id;
  if (!interviewId) throw new Error('The interview was not recorded as attended');
  await after.resourcing.interviews.submitScorecard({ interviewId, scores: panelScores });
  return after[by].interviews.recordOutcome({ id: c.id, expectedVersion: attended.version, outcome });
}

/**
 * A case for `unit` taken forward by resourcing, through the real routers, to `stage` (TSG's mentor
 * and base visit recorded, every check passed, a course and a mentor and buddy made as needed).
 */
export async function applicationAt(
  api: Api,
  stage: Stage,
  unit: UnitCode | null = 'METCC',
  overrides: Partial<CreateApplicationInput> = {},
): Promise<ApplicationDetail> {
  const r = api.as.resourcing.applications;
  let c = await r.create(buildApplication({ targetUnit: unit, ...overrides }));
  const order: Stage[] = ['review', 'interview', 'pre_employment', 'induction', 'mentoring', 'onboarded'];
  while (order.indexOf(c.stage) < order.indexOf(stage)) {
    const base = { id: c.id, expectedVersion: c.version };
    const u = c.targetUnit ?? 'METCC';
    if (c.stage === 'review') {
      c = await r.recordEligibility({
        ...clearForceRecords,
        ...base,
        targetUnit: u,
        ...allCriteriaMet(c.route, u),
      });
      if (u === 'TSG') c = await recordTsgPreAssessment(api, c);
    } else if (c.stage === 'interview') {
      c = await interviewOutcome(api, c, 'pass');
    } else if (c.stage === 'pre_employment') {
      for (const k of requiredChecks(c.route, c.targetUnit))
        c = await api.as.resourcing.checks.update(passCheck(c, k.code));
    } else if (c.stage === 'induction') {
      if (!c.finalOfferAt) throw new Error('A case at induction has a final offer date');
      const startDate = addDays(c.finalOfferAt, 28);
      const course = api.db
        .insert(inductionCourses)
        .values({ startsOn: startDate, place: 'Hendon', capacity: 50 })
        .returning()
        .get();
      const place = postingPlacesOf(u)[0];
      if (!place) throw new Error(`${u} has no places`);
      c = await api.as.resourcing.courses.book({
        ...base,
        courseId: course.id,
        startDate,
        postingUnit: u,
        postingPlace: place,
        postingRole: u === 'METCC' ? 'First Contact' : null,
      });
    } else if (c.stage === 'mentoring') {
      const mentor = (name: string) =>
        api.db.insert(mentors).values({ name, unitCode: 'METCC', place: 'Bow', capacity: 5 }).returning().get().id;
      c = await r.assignMentor({ ...base, mentorId: mentor('M'), buddyId: mentor('B') });
    }
    const next = order[order.indexOf(c.stage) + 1];
    if (!next) throw new Error(`No stage after ${c.stage}`);
    c = await r.move({ id: c.id, expectedVersion: c.version, to: next });
  }
  return c;
}
