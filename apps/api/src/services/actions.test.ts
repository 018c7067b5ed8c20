import type { ApplicationDetail, ApplicationActions, CreateApplicationInput, Stage, UnitCode } from '@muster/contracts';
import { applications, inductionCourses, mentors, type Db } from '@muster/db';
import { buildApplication } from '@muster/db/testing';
import { DomainError, requiredChecks, stageTargetDays } from '@muster/domain';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  allCriteriaMet,
  clearForceRecords,
  closeReasonIds,
  interviewOutcome,
  recordTsgPreAssessment,
  setupApi,
  type Person,
} from '../testing.ts';
import { passCheck } from './checks-testing.ts';

/*
 * A case's `actions` say what its viewer may record on it now. Here each one is held to what the
 * services do: for every role, on a case at every stage, an action shown as false is refused and one
 * shown as true goes through. The dashboard shows a form only where `actions` says so, so the two
 * cannot disagree without this failing.
 */

type Api = Awaited<ReturnType<typeof setupApi>>;
type Action = keyof ApplicationActions;

const people: Person[] = ['resourcing', 'leadMetcc', 'leadTsg', 'coordinator', 'admin'];
const unitOf = (c: Pick<ApplicationDetail, 'targetUnit'>): UnitCode => c.targetUnit ?? 'METCC';
/** Every criterion of the case's route and target unit, met. */
const allMet = (c: Pick<ApplicationDetail, 'route' | 'targetUnit'>) => allCriteriaMet(c.route, unitOf(c));
const misconduct = {
  ...clearForceRecords,
  hasOpenMisconduct: true,
  misconductDetails: 'Complaint under investigation by the home force.',
};

const versionOf = (db: Db, id: number) =>
  db.select({ version: applications.version }).from(applications).where(eq(applications.id, id)).get()!.version;

/**
 * A case for `unit` (METCC unless said) taken by resourcing, through the real routers, to `stage`;
 * `review_with_misconduct` leaves it at review needing an exception.
 */
async function applicationAt(api: Api, stage: Stage | 'review_with_misconduct', unit: UnitCode = 'METCC') {
  const r = api.as.resourcing.applications;
  const fields = buildApplication({ targetUnit: unit });
  let c = await r.create(fields);
  if (stage === 'review_with_misconduct') {
    c = await r.recordEligibility({
      ...misconduct,
      id: c.id,
      expectedVersion: c.version,
      targetUnit: unit,
      ...allMet(c),
    });
    return { c, fields };
  }
  if (stage === 'rejected') {
    c = await r.move({ id: c.id, expectedVersion: c.version, to: 'rejected', reasonId: closeReasonIds.rejected });
    return { c, fields };
  }
  const order: Stage[] = ['review', 'interview', 'pre_employment', 'induction', 'mentoring', 'onboarded'];
  while (order.indexOf(c.stage) < order.indexOf(stage)) {
    const base = { id: c.id, expectedVersion: c.version };
    if (c.stage === 'review') {
      c = await r.recordEligibility({ ...clearForceRecords, ...base, targetUnit: unit, ...allMet(c) });
      if (unit === 'TSG') c = await recordTsgPreAssessment(api, c);
    } else if (c.stage === 'interview') {
      c = await interviewOutcome(api, c, 'pass');
    } else if (c.stage === 'pre_employment') {
      for (const k of requiredChecks(c.route, c.targetUnit)) {
        c = await api.as.resourcing.checks.update(passCheck(c, k.code));
      }
    } else if (c.stage === 'induction') {
      c = await api.as.resourcing.courses.book({ ...base, ...booking(api, c.earliestStartDate!) });
    } else if (c.stage === 'mentoring') {
      const [m, b] = pool(api);
      c = await r.assignMentor({ ...base, mentorId: m!.id, buddyId: b!.id });
    }
    c = await r.move({ id: c.id, expectedVersion: c.version, to: order[order.indexOf(c.stage) + 1]! });
  }
  return { c, fields };
}

function booking(api: Api, startDate: string) {
  const course = api.db.insert(inductionCourses).values({ startsOn: startDate, place: 'Hendon', capacity: 50 }).returning().get();
  return { courseId: course.id, startDate, postingUnit: 'METCC' as const, postingPlace: 'Lambeth', postingRole: 'First Contact' };
}

function pool(api: Api) {
  const existing = api.db.select().from(mentors).all();
  if (existing.length >= 3) return existing;
  return ['Mentor One', 'Mentor Two', 'Mentor Three'].map((name) =>
    api.db.insert(mentors).values({ name, unitCode: 'METCC', place: 'Lambeth', capacity: 50 }).returning().get(),
  );
}

/** A TSG officer in the mentor pool, added the first time one is wanted. */
function tsgMentor(api: Api) {
  return (
    api.db.select().from(mentors).where(eq(mentors.unitCode, 'TSG')).get() ??
    api.db
      .insert(mentors)
      .values({ name: 'PC Dana Frost', unitCode: 'TSG', place: 'Catford (SE)', capacity: 5 })
      .returning()
      .get()
  );
}

let phone = 0;
/** Each action as the write its form sends, with input the server accepts when the action is allowed. */
async function writeFor(api: Api, who: Person, c: ApplicationDetail, fields: CreateApplicationInput, action: Action) {
  const a = api.as[who].applications;
  const base = { id: c.id, expectedVersion: versionOf(api.db, c.id) };
  switch (action) {
    case 'approveException':
      return a.approveException({ ...base, reason: 'The matter is minor; approved by the Superintendent.' });
    case 'recordEligibility':
      return a.recordEligibility({ ...clearForceRecords, ...base, targetUnit: unitOf(c), ...allMet(c) });
    case 'recordTsgPreAssessment':
      return a.recordTsgPreAssessment({ ...base, mentorId: tsgMentor(api).id, hasBaseVisit: true });
    case 'recordInterview': {
      // The outcome is recorded from the scorecards of an interview the case attended. On a case at
      // interview that has none, the first caller's write is interviewOutcome's: resourcing publishes a
      // slot, books it, sits alone on its panel and scores it; then `who` records the outcome.
      const now = await api.as.resourcing.applications.get({ id: c.id });
      if (now.stage === 'interview' && !now.interviewBookings.some((b) => b.status === 'attended'))
        return interviewOutcome(api, now, 'pass', who);
      // After that, `who` records it again from the same scorecards, after the interview.
      const ends = now.interviewBookings.map((b) => Date.parse(b.endsAt));
      const caller = ends.length ? api.asAt(new Date(Math.max(...ends) + 60_000)) : api.as;
      return caller[who].interviews.recordOutcome({ ...base, outcome: 'pass' });
    }
    case 'updateChecks':
      return api.as[who].checks.update({ ...base, check: 'vetting', status: 'requested' });
    case 'bookInduction':
      return api.as[who].courses.book({ ...base, ...booking(api, c.earliestStartDate ?? '2027-03-01') });
    case 'assignMentor': {
      const current = api.db.select().from(applications).where(eq(applications.id, c.id)).get()!;
      const other = pool(api).find((p) => p.id !== current.mentorId && p.id !== current.buddyId)!;
      return a.assignMentor({ ...base, mentorId: other.id });
    }
    case 'addNote':
      return a.addNote({ ...base, body: `A note from ${who}.` });
    case 'editDetails': {
      const { targetUnit: _unit, receivedAt: _received, ...candidate } = fields;
      phone += 1;
      return a.update({ ...candidate, ...base, phone: `020 7230 ${String(1000 + phone)}` });
    }
  }
}

/** 'ok', or how the service refused: a rule (role, scope, stage, nothing to approve) — never the input itself. */
async function outcomeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (err) {
    if (!(err instanceof TRPCError)) throw err;
    if (err.code === 'BAD_REQUEST' && !(err.cause instanceof DomainError)) return `input refused: ${err.message}`;
    if (err.code === 'BAD_REQUEST')
      return `refused: ${Object.values((err.cause as DomainError).details.fieldCodes ?? {}).join()}`;
    return `refused: ${err.code}`;
  }
}

/** The viewer's actions on the case, or none at all when they cannot see it. */
async function actionsOf(api: Api, who: Person, id: number): Promise<ApplicationActions | null> {
  try {
    return (await api.as[who].applications.get({ id })).actions;
  } catch (err) {
    if (err instanceof TRPCError && err.code === 'FORBIDDEN') return null;
    throw err;
  }
}

// approveException first: recording eligibility afterwards clears the open misconduct it needs.
const actionOrder: Action[] = [
  'approveException',
  'recordEligibility',
  'recordTsgPreAssessment',
  'recordInterview',
  'updateChecks',
  'bookInduction',
  'assignMentor',
  'addNote',
  'editDetails',
];
const stages = [
  'review',
  'review_with_misconduct',
  'interview',
  'pre_employment',
  'induction',
  'mentoring',
  'onboarded',
  'rejected',
] as const;

/**
 * For every action and every role on the case: the action the case shows is one the service accepts,
 * and one it does not show is refused. Returns what was shown, as `who:action`.
 */
async function shownAndAccepted(api: Api, c: ApplicationDetail, fields: CreateApplicationInput): Promise<string[]> {
  const seen: string[] = [];
  for (const action of actionOrder) {
    for (const who of people) {
      const actions = await actionsOf(api, who, c.id);
      const isShown = actions?.[action] ?? false;
      const outcome = await outcomeOf(writeFor(api, who, c, fields, action));
      expect([who, action, isShown, outcome]).toEqual([who, action, isShown, isShown ? 'ok' : expect.stringMatching(/^refused/)]);
      if (isShown) seen.push(`${who}:${action}`);
    }
  }
  return seen;
}

describe('actions match what the services accept', () => {
  it.each(stages)('on a METCC case at %s, for every role', async (stage) => {
    const api = await setupApi();
    const { c, fields } = await applicationAt(api, stage);
    const seen = await shownAndAccepted(api, c, fields);
    // Each stage offers what the domain brief gives its people, and no more.
    const expected: Record<(typeof stages)[number], string[]> = {
      review: ['resourcing:recordEligibility', 'resourcing:addNote', 'leadMetcc:addNote', 'resourcing:editDetails'],
      review_with_misconduct: [
        'admin:approveException',
        'resourcing:recordEligibility',
        'resourcing:addNote',
        'leadMetcc:addNote',
        'resourcing:editDetails',
      ],
      interview: [
        'resourcing:recordInterview',
        'leadMetcc:recordInterview',
        'resourcing:addNote',
        'leadMetcc:addNote',
        'resourcing:editDetails',
      ],
      pre_employment: ['resourcing:updateChecks', 'resourcing:addNote', 'leadMetcc:addNote', 'resourcing:editDetails'],
      induction: [
        'resourcing:bookInduction',
        'coordinator:bookInduction',
        'resourcing:assignMentor',
        'coordinator:assignMentor',
        'resourcing:addNote',
        'leadMetcc:addNote',
        'coordinator:addNote',
        'resourcing:editDetails',
      ],
      mentoring: [
        'resourcing:assignMentor',
        'coordinator:assignMentor',
        'resourcing:addNote',
        'leadMetcc:addNote',
        'coordinator:addNote',
        'resourcing:editDetails',
      ],
      onboarded: [],
      rejected: [],
    };
    expect(seen).toEqual(expected[stage]);
  });

  // TSG's mentor and base visit: resourcing and the TSG lead, at review and at interview, on a TSG case only.
  const tsgStages = ['review', 'interview', 'pre_employment'] as const;
  it.each(tsgStages)('on a TSG case at %s, for every role', async (stage) => {
    const api = await setupApi();
    const { c, fields } = await applicationAt(api, stage, 'TSG');
    const seen = await shownAndAccepted(api, c, fields);
    const expected: Record<(typeof tsgStages)[number], string[]> = {
      review: [
        'resourcing:recordEligibility',
        'resourcing:recordTsgPreAssessment',
        'leadTsg:recordTsgPreAssessment',
        'resourcing:addNote',
        'leadTsg:addNote',
        'resourcing:editDetails',
      ],
      interview: [
        'resourcing:recordTsgPreAssessment',
        'leadTsg:recordTsgPreAssessment',
        'resourcing:recordInterview',
        'leadTsg:recordInterview',
        'resourcing:addNote',
        'leadTsg:addNote',
        'resourcing:editDetails',
      ],
      pre_employment: ['resourcing:updateChecks', 'resourcing:addNote', 'leadTsg:addNote', 'resourcing:editDetails'],
    };
    expect(seen).toEqual(expected[stage]);
  });
});

describe('app capabilities', () => {
  const all = ['SNT', 'METCC', 'TSG', 'CT', 'MO19', 'MO3', 'SOIT', 'BCU'];
  const none = { createApplication: false, intake: false, admin: false, checks: false };
  it.each([
    [
      'resourcing',
      {
        createApplication: true,
        intake: true,
        admin: false,
        board: true,
        interviews: true,
        courses: false,
        coordination: true,
        landing: 'board',
        pool: false,
        checks: true,
        scheduleUnits: all,
        boardUnits: all,
      },
    ],
    [
      'leadTsg',
      {
        ...none,
        board: true,
        interviews: true,
        courses: false,
        coordination: false,
        landing: 'board',
        pool: false,
        scheduleUnits: ['TSG'],
        boardUnits: ['TSG'],
      },
    ],
    [
      'panelMetcc',
      {
        ...none,
        board: false,
        interviews: true,
        courses: false,
        coordination: false,
        landing: 'interviews',
        pool: false,
        scheduleUnits: [],
        boardUnits: [],
      },
    ],
    [
      'coordinator',
      {
        ...none,
        board: true,
        interviews: false,
        courses: true,
        coordination: true,
        landing: 'coordination',
        pool: true,
        scheduleUnits: [],
        boardUnits: all,
      },
    ],
    [
      'admin',
      {
        ...none,
        admin: true,
        board: true,
        interviews: false,
        courses: true,
        coordination: true,
        landing: 'board',
        pool: true,
        scheduleUnits: [],
        boardUnits: all,
      },
    ],
  ] as const)('%s may use %o, and the procedures behind each agree', async (who, may) => {
    const api = await setupApi();
    expect((await api.as[who].auth.me()).may).toEqual(may);
    const c = api.as[who];
    expect(await outcomeOf(c.applications.create(buildApplication()))).toBe(may.createApplication ? 'ok' : 'refused: FORBIDDEN');
    expect(await outcomeOf(c.triage.queue({}))).toBe(may.intake ? 'ok' : 'refused: FORBIDDEN');
    expect(await outcomeOf(c.duplicates.list({}))).toBe(may.intake ? 'ok' : 'refused: FORBIDDEN');
    expect(await outcomeOf(c.admin.closeReasons())).toBe(may.admin ? 'ok' : 'refused: FORBIDDEN');
    expect(await outcomeOf(c.courses.create({ startsOn: '2027-01-11', place: 'Hendon', capacity: 30 }))).toBe(
      may.courses ? 'ok' : 'refused: FORBIDDEN',
    );
    expect(
      await outcomeOf(c.mentors.create({ name: 'PC Sam Lee', unit: 'METCC', place: 'Bow', capacity: 3, kind: 'both' })),
    ).toBe(may.pool ? 'ok' : 'refused: FORBIDDEN');
    // Each unit offered for slots is one the server lets the user publish for, and no other.
    for (const unit of all)
      expect([unit, await outcomeOf(c.interviews.panellists({ unit: unit as UnitCode }))]).toEqual([
        unit,
        (may.scheduleUnits as readonly string[]).includes(unit) ? 'ok' : 'refused: FORBIDDEN',
      ]);
  });
});

describe('refusals speak in codes', () => {
  it('a refused move answers every unmet condition with its code and section, as the case offered them', async () => {
    const api = await setupApi();
    const { c } = await applicationAt(api, 'interview');
    const r = api.as.resourcing.applications;
    const failed = await interviewOutcome(api, c, 'fail');
    const offered = failed.nextMoves.find((m) => m.to === 'pre_employment')!;
    expect(offered).toMatchObject({ kind: 'forward', needsReason: null, movers: ['resourcing', 'unit_lead'] });
    const err = await r.move({ id: c.id, expectedVersion: failed.version, to: 'pre_employment' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'PRECONDITION_FAILED' });
    const details = ((err as TRPCError).cause as DomainError).details;
    expect(details.unmet).toEqual([
      {
        code: 'interview.failed',
        section: 'interview',
        message: 'The interview outcome is a fail: only a pass leads to a conditional offer.',
      },
    ]);
    expect(details.unmet).toEqual(offered.unmet);
    expect(details.reasons).toEqual(offered.reasons);
  });

  it('field errors carry codes beside their words', async () => {
    const api = await setupApi();
    const { c } = await applicationAt(api, 'induction');
    const [m] = pool(api);
    api.db.update(mentors).set({ capacity: 0 }).where(eq(mentors.id, m!.id)).run();
    const full = await api.as.coordinator.applications
      .assignMentor({ id: c.id, expectedVersion: c.version, mentorId: m!.id })
      .catch((e: unknown) => e);
    expect(((full as TRPCError).cause as DomainError).details).toMatchObject({
      fieldErrors: { mentorId: [expect.stringContaining('is at capacity')] },
      fieldCodes: { mentorId: ['mentor.at_capacity'] },
    });
    const check = await api.as.resourcing.courses
      .book({ id: c.id, expectedVersion: c.version, ...booking(api, '2027-03-01'), postingPlace: 'Gravesend' })
      .catch((e: unknown) => e);
    expect(((check as TRPCError).cause as DomainError).details.fieldCodes).toEqual({
      postingPlace: ['induction.place_not_of_unit'],
    });
  });

  it('bulk reject and assign say, case by case, which could not be done and why', async () => {
    const api = await setupApi();
    const open = await applicationAt(api, 'review');
    const done = await applicationAt(api, 'onboarded');
    const closed = await applicationAt(api, 'rejected');
    const reject = await api.as.resourcing.applications
      .bulkReject({
        cases: [open.c, done.c].map((k) => ({ id: k.id, expectedVersion: k.version })),
        reasonId: closeReasonIds.rejected,
      })
      .catch((e: unknown) => e);
    expect(reject).toMatchObject({ code: 'PRECONDITION_FAILED', message: 'No case was rejected: 1 of 2 could not be.' });
    expect(((reject as TRPCError).cause as DomainError).details.refused).toEqual([
      {
        id: done.c.id,
        reference: done.c.reference,
        code: 'move.pipeline_finished',
        message: 'The case is onboarded: its pipeline is finished.',
      },
    ]);
    const assign = await api.as.resourcing.triage
      .assign({ cases: [open.c, closed.c].map((k) => ({ id: k.id, expectedVersion: k.version })), assignee: 'me' })
      .catch((e: unknown) => e);
    expect(assign).toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(((assign as TRPCError).cause as DomainError).details.refused).toEqual([
      {
        id: closed.c.id,
        reference: closed.c.reference,
        code: 'triage.case_not_open',
        message: `${closed.c.reference} is rejected: only open cases are assigned.`,
      },
    ]);
    // All or nothing: the open case was not assigned either.
    expect((await api.as.resourcing.applications.get({ id: open.c.id })).assignee).toBeNull();
  });
});

describe('what the dashboard is told rather than works out', () => {
  it('serves the triage SLA from the configuration and the notice period from the domain, with the pipeline', async () => {
    const api = await setupApi();
    api.config.triageSlaDays = 3;
    const reference = await api.as.resourcing.reference.all();
    expect(reference.settings).toEqual({ triageSlaDays: 3, transfereeNoticeDays: 28, stageTargetDays });
    expect(reference.pipeline.map((p) => [p.stage, p.next])).toEqual([
      ['review', 'interview'],
      ['interview', 'pre_employment'],
      ['pre_employment', 'induction'],
      ['induction', 'mentoring'],
      ['mentoring', 'onboarded'],
    ]);
    // The queue judges "overdue" by the same number.
    const fourDays = await api.as.resourcing.applications.create(buildApplication({ receivedAt: '2026-11-19T09:00:00Z' }));
    const queue = await api.as.resourcing.triage.queue({});
    expect(queue.items.find((i) => i.id === fourDays.id)?.isOverdue).toBe(true);
  });

  it('gives the earliest start a transferee may have, from the final offer', async () => {
    const api = await setupApi();
    const { c } = await applicationAt(api, 'induction');
    expect(c.finalOfferAt).toBe('2026-11-23T10:00:00.000Z');
    expect(c.earliestStartDate).toBe('2026-12-21');
    expect(c.isClosed).toBe(false);
    expect((await applicationAt(api, 'rejected')).c.isClosed).toBe(true);
  });

  it('ranks the mentor pool for a case it may see, and refuses one it may not', async () => {
    const api = await setupApi();
    const { c } = await applicationAt(api, 'induction');
    const add = (name: string, unitCode: 'METCC' | 'TSG', place: string, capacity: number) =>
      api.db.insert(mentors).values({ name, unitCode, place, capacity }).returning().get();
    add('Zed TSG', 'TSG', 'Lambeth', 5);
    add('Yan METCC Bow', 'METCC', 'Bow', 5);
    add('Xia METCC Lambeth', 'METCC', 'Lambeth', 5);
    add('Wes METCC Lambeth full', 'METCC', 'Lambeth', 0);
    // Unbooked, the case's target unit is all there is to go on; booked, its posting (unit and place) is.
    expect((await api.as.coordinator.reference.mentors({ applicationId: c.id })).map((p) => p.name)).toEqual([
      'Xia METCC Lambeth',
      'Yan METCC Bow',
      'Wes METCC Lambeth full',
      'Zed TSG',
    ]);
    await api.as.coordinator.courses.book({
      id: c.id,
      expectedVersion: c.version,
      ...booking(api, c.earliestStartDate!),
    });
    const ranked = await api.as.coordinator.reference.mentors({ applicationId: c.id });
    expect(ranked.map((p) => [p.name, p.hasRoom])).toEqual([
      ['Xia METCC Lambeth', true],
      ['Wes METCC Lambeth full', false],
      ['Yan METCC Bow', true],
      ['Zed TSG', true],
    ]);
    expect((await api.as.coordinator.reference.mentors()).map((p) => p.name)).toEqual([
      'Wes METCC Lambeth full',
      'Xia METCC Lambeth',
      'Yan METCC Bow',
      'Zed TSG',
    ]);
    await expect(api.as.leadTsg.reference.mentors({ applicationId: c.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
