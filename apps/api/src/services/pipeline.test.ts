import type { ApplicationDetail, CreateApplicationInput, Route, Stage, UnitCode } from '@muster/contracts';
import { accessLog, applicationChecks, applicationEvents, applications, inductionCourses, mentors, type Db } from '@muster/db';
import { buildApplication } from '@muster/db/testing';
import { addDays, DomainError, requiredChecks, routeCriteria, unitCriteria, units, postingPlacesOf } from '@muster/domain';
import { TRPCError } from '@trpc/server';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupApi, clearForceRecords, closeReasonIds, interviewOutcome, recordTsgPreAssessment } from '../testing.ts';
import { passCheck } from './checks-testing.ts';

/* ---------- helpers: drive a case through the real routers ---------- */

type Api = Awaited<ReturnType<typeof setupApi>>;

/** What a refused call tells the client: the tRPC code and the domain details that the error formatter passes on. */
async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (err) {
    if (!(err instanceof TRPCError)) throw err;
    const details = err.cause instanceof DomainError ? err.cause.details : {};
    return { code: err.code, message: err.message, ...details };
  }
  throw new Error('Expected the call to be refused, but it succeeded.');
}

const allMet = (route: Route) => Object.fromEntries(routeCriteria[route].map((k) => [k.code, true]));
const unitMet = (unit: UnitCode) => Object.fromEntries(unitCriteria[unit].map((k) => [k.code, true]));

function addCourse(db: Db, startsOn: string, capacity = 10) {
  return db.insert(inductionCourses).values({ startsOn, place: 'Hendon', capacity }).returning().get();
}
function addMentor(db: Db, name: string, unit: UnitCode = 'METCC', capacity = 3) {
  return db
    .insert(mentors)
    .values({ name, unitCode: unit, place: units.find((u) => u.code === unit)!.places[0]!, capacity })
    .returning()
    .get();
}
const firstPlace = (unit: UnitCode) => postingPlacesOf(unit)[0]!;

async function create(api: Api, overrides: Partial<CreateApplicationInput> = {}) {
  return api.as.resourcing.applications.create(buildApplication(overrides));
}

/** Takes a case forward, recording what each gate needs, until it reaches `to`. */
async function advance(api: Api, detail: ApplicationDetail, to: Stage, unit: UnitCode = detail.targetUnit ?? 'METCC') {
  const r = api.as.resourcing.applications;
  let c = detail;
  const order: Stage[] = ['review', 'interview', 'pre_employment', 'induction', 'mentoring', 'onboarded'];
  while (order.indexOf(c.stage) < order.indexOf(to)) {
    const base = { id: c.id, expectedVersion: c.version };
    switch (c.stage) {
      case 'review':
        c = await r.recordEligibility({
          ...clearForceRecords,
          ...base,
          targetUnit: unit,
          criteria: allMet(c.route),
          unitCriteria: unitMet(unit),
        });
        if (unit === 'TSG') c = await recordTsgPreAssessment(api, c);
        break;
      case 'interview':
        c = await interviewOutcome(api, c, 'pass');
        break;
      case 'pre_employment':
        for (const check of requiredChecks(c.route, c.targetUnit)) {
          c = await api.as.resourcing.checks.update(passCheck(c, check.code));
        }
        break;
      case 'induction': {
        const startDate = addDays(c.finalOfferAt!, 28);
        const course = addCourse(api.db, startDate);
        c = await api.as.resourcing.courses.book({
          ...base,
          courseId: course.id,
          startDate,
          postingUnit: c.targetUnit!,
          postingPlace: firstPlace(c.targetUnit!),
          postingRole: c.targetUnit === 'METCC' ? 'First Contact' : null,
        });
        break;
      }
      case 'mentoring': {
        const mentor = addMentor(api.db, `Mentor for ${c.reference}`);
        const buddy = addMentor(api.db, `Buddy for ${c.reference}`);
        c = await r.assignMentor({ ...base, mentorId: mentor.id, buddyId: buddy.id });
        break;
      }
      default:
        throw new Error(`cannot advance from ${c.stage}`);
    }
    const next = order[order.indexOf(c.stage) + 1]!;
    c = await r.move({ id: c.id, expectedVersion: c.version, to: next });
  }
  return c;
}

function applicationState(db: Db, id: number) {
  const row = db.select().from(applications).where(eq(applications.id, id)).get()!;
  const events = db.select({ n: count() }).from(applicationEvents).where(eq(applicationEvents.applicationId, id)).get()!.n;
  const checks = db.select().from(applicationChecks).where(eq(applicationChecks.applicationId, id)).all();
  return { row, events, checks };
}

async function historyTypes(api: Api, id: number) {
  return (await api.as.resourcing.applications.history({ id })).items.map((e) => e.type);
}

/* ---------- creating and reading ---------- */

describe('creating and reading a case', () => {
  it('creates a case at review that reads back as entered, with a "created" event', async () => {
    const api = await setupApi();
    const input = buildApplication({
      firstName: 'Amara',
      lastName: 'Okafor',
      email: 'amara.okafor@example.com',
      currentForce: 'Essex Police',
      rank: 'DC',
    });
    const created = await api.as.resourcing.applications.create(input);
    const read = await api.as.resourcing.applications.get({ id: created.id });

    expect(read).toMatchObject({
      reference: 'MUS-000001',
      stage: 'review',
      version: 1,
      firstName: 'Amara',
      lastName: 'Okafor',
      email: 'amara.okafor@example.com',
      currentForce: 'Essex Police',
      rank: 'DC',
      route: 'transferee',
      eligibility: null,
      interview: null,
      mentor: null,
    });
    const history = await api.as.resourcing.applications.history({ id: created.id });
    expect(history.items).toHaveLength(1);
    expect(history.items[0]).toMatchObject({ type: 'created', toStage: 'review', actor: { name: 'Rita Resourcing' } });
  });

  it('refuses a force that is not a Home Office force, naming the field, and writes nothing', async () => {
    const api = await setupApi();
    const err = await refusal(create(api, { currentForce: 'Police Scotland' }));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.fieldErrors?.currentForce?.[0]).toContain('Police Scotland is not one of the 43 Home Office forces');
    expect(api.db.select({ n: count() }).from(applications).get()!.n).toBe(0);
    expect(api.db.select({ n: count() }).from(applicationEvents).get()!.n).toBe(0);
  });

  it('answers NOT_FOUND for a case that does not exist', async () => {
    const api = await setupApi();
    expect((await refusal(api.as.resourcing.applications.get({ id: 999 }))).code).toBe('NOT_FOUND');
    expect((await refusal(api.as.resourcing.applications.history({ id: 999 }))).code).toBe('NOT_FOUND');
  });

  it('writes an access_log row for every view (the answer to a write included), and none for a refused view', async () => {
    const api = await setupApi();
    const c = await create(api, { targetUnit: 'TSG' });
    await api.as.resourcing.applications.get({ id: c.id });
    await api.as.resourcing.applications.get({ id: c.id });
    await api.as.leadTsg.applications.get({ id: c.id });
    expect((await refusal(api.as.leadMetcc.applications.get({ id: c.id }))).code).toBe('FORBIDDEN');

    const rows = api.db.select().from(accessLog).orderBy(accessLog.id).all();
    expect(rows.map((r) => [r.userId, r.applicationId, r.action])).toEqual([
      // create answers with the case it made
      [api.actors.resourcing.id, c.id, 'view_after_change'],
      [api.actors.resourcing.id, c.id, 'view'],
      [api.actors.resourcing.id, c.id, 'view'],
      [api.actors.leadTsg.id, c.id, 'view'],
    ]);
    // The admin sees the same views, newest first.
    const log = await api.as.admin.admin.accessLog({ applicationId: c.id });
    expect(log.items.map((i) => i.userName)).toEqual(['Tom TSG Lead', 'Rita Resourcing', 'Rita Resourcing', 'Rita Resourcing']);
  });
});

describe('the duplicates list shows personal details', () => {
  it('records each case it shows in the access log as `duplicates`', async () => {
    const api = await setupApi();
    const first = await create(api, { email: 'same.person@example.com' });
    const second = await create(api, { email: 'same.person@example.com' });
    const before = api.db.select().from(accessLog).all().length;
    const flags = await api.as.resourcing.duplicates.list({ status: 'open' });
    expect(flags.map((f) => [f.application.id, f.duplicateOf.id])).toEqual([[second.id, first.id]]);
    expect(flags[0]?.application.email).toBe('same.person@example.com');
    const rows = api.db.select().from(accessLog).orderBy(accessLog.id).all().slice(before);
    expect(rows.map((r) => [r.userId, r.applicationId, r.action]).sort()).toEqual(
      [
        [api.actors.resourcing.id, first.id, 'duplicates'],
        [api.actors.resourcing.id, second.id, 'duplicates'],
      ].sort(),
    );
  });
});

/* ---------- list, search, board ---------- */

describe('finding cases: filters, search, pages and the board', () => {
  async function seedPeople(api: Api) {
    const mk = (o: Partial<CreateApplicationInput>) => create(api, o);
    const amara = await mk({
      firstName: 'Amara',
      lastName: 'Okafor',
      email: 'amara.okafor@example.com',
      currentForce: 'Kent Police',
      targetUnit: 'TSG',
    });
    const li = await mk({
      firstName: 'Li',
      lastName: 'Ng',
      email: 'li.ng@example.com',
      currentForce: 'Essex Police',
      targetUnit: 'METCC',
    });
    const sam = await mk({
      firstName: 'Sam',
      lastName: 'Carter',
      email: 'sam.carter@example.com',
      currentForce: 'Kent Police',
      targetUnit: 'METCC',
    });
    const jo = await mk({
      route: 'police_now_nglp',
      cohortYear: 2025,
      firstName: 'Jo',
      lastName: 'Bright',
      email: 'jo.bright@example.com',
      currentForce: null,
      rank: null,
      warrantNumber: null,
      joinedForceOn: null,
      targetUnit: 'SNT',
    });
    const samira = await mk({
      firstName: 'Samira',
      lastName: 'Patel',
      email: 's.patel@example.com',
      currentForce: 'Sussex Police',
      targetUnit: 'TSG',
    });
    const ed = await mk({
      route: 'police_now_ndp',
      cohortYear: 2026,
      firstName: 'Ed',
      lastName: 'Young',
      email: 'ed.young@example.com',
      currentForce: null,
      rank: null,
      warrantNumber: null,
      joinedForceOn: null,
      targetUnit: 'CT',
    });
    // Two of them move on to interview.
    await advance(api, li, 'interview');
    await advance(api, samira, 'interview');
    return { amara, li, sam, jo, samira, ed };
  }

  const names = (items: { firstName: string }[]) => items.map((i) => i.firstName).sort();

  it('filters by stage, unit and route, and combines them', async () => {
    const api = await setupApi();
    await seedPeople(api);
    const list = api.as.resourcing.applications.list;
    expect(names((await list({ stage: 'interview' })).items)).toEqual(['Li', 'Samira']);
    expect(names((await list({ stage: 'review' })).items)).toEqual(['Amara', 'Ed', 'Jo', 'Sam']);
    expect(names((await list({ unit: 'TSG' })).items)).toEqual(['Amara', 'Samira']);
    expect(names((await list({ route: 'police_now_nglp' })).items)).toEqual(['Jo']);
    expect(names((await list({ route: 'transferee', unit: 'METCC', stage: 'review' })).items)).toEqual(['Sam']);
    expect((await list({ stage: 'onboarded' })).items).toEqual([]);
  });

  it.each([
    ['a last name', 'okafor', ['Amara']],
    ['in capitals', 'OKAFOR', ['Amara']],
    ['part of an email', 's.patel', ['Samira']],
    ['a force', 'kent', ['Amara', 'Sam']],
    ['a 3-letter word', 'sam', ['Sam', 'Samira']],
    ['a 2-letter word (too short for trigrams)', 'ng', ['Ed', 'Li']],
    ['a 2-letter first name', 'ed', ['Ed']],
    ['a 1-letter word', 'j', ['Jo']],
    ['two words, both must match', 'sam kent', ['Sam']],
    ['a short and a long word', 'ng essex', ['Li']],
    ['words matching different people', 'okafor patel', []],
    ['nothing like anyone', 'zzzz', []],
  ])('searches %s: "%s"', async (_what, q, expected) => {
    const api = await setupApi();
    await seedPeople(api);
    expect(names((await api.as.resourcing.applications.list({ q })).items)).toEqual(expected);
  });

  it('treats LIKE wildcards and FTS syntax in the search as plain text', async () => {
    const api = await setupApi();
    await seedPeople(api);
    expect((await api.as.resourcing.applications.list({ q: '%' })).items).toEqual([]);
    expect((await api.as.resourcing.applications.list({ q: '_' })).items).toEqual([]);
    expect((await api.as.resourcing.applications.list({ q: '"ok' })).items).toEqual([]);
    // As an FTS operator, AND would leave "kent" alone and find Amara and Sam.
    expect(names((await api.as.resourcing.applications.list({ q: 'kent AND' })).items)).toEqual([]);
  });

  it('pages through every case exactly once, newest first, with and without a filter', async () => {
    const api = await setupApi();
    for (let i = 0; i < 23; i++)
      await create(api, {
        route: i % 3 ? 'transferee' : 'police_now_ndp',
        ...(i % 3 ? {} : { cohortYear: 2026, currentForce: null, rank: null, warrantNumber: null, joinedForceOn: null }),
      });
    async function all(filters: { route?: Route }) {
      const ids: number[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await api.as.resourcing.applications.list({ ...filters, limit: 5, ...(cursor ? { cursor } : {}) });
        expect(page.items.length).toBeLessThanOrEqual(5);
        ids.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor);
      return { ids, pages };
    }
    const everything = await all({});
    expect(everything.ids).toHaveLength(23);
    expect(new Set(everything.ids).size).toBe(23);
    expect(everything.ids).toEqual([...everything.ids].sort((a, b) => b - a));
    expect(everything.pages).toBe(5);

    const ndp = await all({ route: 'police_now_ndp' });
    expect(ndp.ids).toHaveLength(8);
    const ndpRows = api.db
      .select({ id: applications.id })
      .from(applications)
      .where(eq(applications.route, 'police_now_ndp'))
      .all();
    expect(new Set(ndp.ids)).toEqual(new Set(ndpRows.map((r) => r.id)));
  });

  it('refuses a made-up cursor with a message about the page link', async () => {
    const api = await setupApi();
    const err = await refusal(api.as.resourcing.applications.list({ cursor: 'not-a-cursor' }));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.fieldErrors?.cursor?.[0]).toMatch(/page link is not valid/);
  });

  it('counts every open stage on the board, with the first page of each, under the same filters', async () => {
    const api = await setupApi();
    await seedPeople(api);
    for (let i = 0; i < 4; i++) await create(api, { targetUnit: 'TSG', firstName: `Extra${i}` });

    const board = await api.as.resourcing.applications.board({ limit: 3 });
    expect(board.map((c) => [c.stage, c.count, c.items.length])).toEqual([
      ['review', 8, 3],
      ['interview', 2, 2],
      ['pre_employment', 0, 0],
      ['induction', 0, 0],
      ['mentoring', 0, 0],
    ]);
    expect(board[0]!.nextCursor).not.toBeNull();
    expect(board[1]!.nextCursor).toBeNull();

    const tsg = await api.as.resourcing.applications.board({ unit: 'TSG' });
    expect(tsg.map((c) => c.count)).toEqual([5, 1, 0, 0, 0]);
    expect(tsg[1]!.items.map((i) => i.firstName)).toEqual(['Samira']);

    const searched = await api.as.resourcing.applications.board({ q: 'kent' });
    expect(searched.map((c) => c.count)).toEqual([2 + 4, 0, 0, 0, 0]);

    // The rest of a column, a page at a time: every card once.
    const seen: number[] = [...board[0]!.items.map((i) => i.id)];
    let cursor = board[0]!.nextCursor;
    while (cursor) {
      const page = await api.as.resourcing.applications.column({ stage: 'review', cursor, limit: 3 });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
  });
});

/* ---------- the pipeline ---------- */

describe('the pipeline, gate by gate, for a transferee to TSG', () => {
  it('refuses each move until its gate is met, then moves on, all the way to onboarded', async () => {
    const api = await setupApi();
    const r = api.as.resourcing.applications;
    let c = await create(api, { firstName: 'Dana', lastName: 'Reeve', joinedForceOn: '2020-01-06' });

    // review → interview: nothing recorded, no unit.
    let err = await refusal(r.move({ id: c.id, expectedVersion: c.version, to: 'interview' }));
    expect(err.code).toBe('PRECONDITION_FAILED');
    expect(err.reasons).toEqual(['Eligibility has not been recorded.', 'No target unit has been chosen.']);

    // Eligibility for TSG, but without the TSG mentor and base visit.
    c = await r.recordEligibility({
      ...clearForceRecords,
      id: c.id,
      expectedVersion: c.version,
      targetUnit: 'TSG',
      criteria: allMet('transferee'),
      unitCriteria: { fitness: true },
    });
    err = await refusal(r.move({ id: c.id, expectedVersion: c.version, to: 'interview' }));
    expect(err.code).toBe('PRECONDITION_FAILED');
    expect(err.reasons).toEqual([expect.stringContaining('TSG mentor'), expect.stringContaining('attachment or base visit')]);
    c = await recordTsgPreAssessment(api, c);
    expect(c.tsgPreAssessment).toMatchObject({
      mentor: { name: 'PC Dana Frost' },
      hasBaseVisit: true,
      recordedBy: 'Rita Resourcing',
    });
    c = await r.move({ id: c.id, expectedVersion: c.version, to: 'interview' });
    expect(c.stage).toBe('interview');

    // interview → pre_employment: needs a pass.
    err = await refusal(r.move({ id: c.id, expectedVersion: c.version, to: 'pre_employment' }));
    expect(err.reasons).toEqual(['No interview outcome has been recorded.']);
    c = await interviewOutcome(api, c, 'fail', 'leadTsg');
    err = await refusal(r.move({ id: c.id, expectedVersion: c.version, to: 'pre_employment' }));
    expect(err.reasons).toEqual([expect.stringContaining('outcome is a fail')]);
    // The lead records it again, from the same scorecards, after the interview.
    const ended = Date.parse(c.interviewBookings[0]!.endsAt);
    c = await api.asAt(new Date(ended + 60_000)).leadTsg.interviews.recordOutcome({
      id: c.id,
      expectedVersion: c.version,
      outcome: 'pass',
      notes: 'Strong on public order.',
    });
    // The lead is told the outcome; the notes and the panel's scores are resourcing's (need to know).
    expect(c.interview).toMatchObject({ outcome: 'pass', notes: null, scores: null });
    expect((await api.as.resourcing.applications.get({ id: c.id })).interview).toMatchObject({
      outcome: 'pass',
      notes: 'Strong on public order.',
    });
    c = await api.as.leadTsg.applications.move({ id: c.id, expectedVersion: c.version, to: 'pre_employment' });
    expect(c.stage).toBe('pre_employment');

    // pre_employment → induction: every required check passed or waived, each unmet one listed.
    const required = requiredChecks('transferee', 'TSG');
    expect(c.checks.map((k) => k.check).sort()).toEqual(required.map((k) => k.code).sort());
    expect(required.map((k) => k.code)).toEqual(
      expect.arrayContaining(['psd_oh_records', 'level2_public_order', 'cbrn_medical']),
    );
    err = await refusal(r.move({ id: c.id, expectedVersion: c.version, to: 'induction' }));
    expect(err.reasons).toHaveLength(required.length);
    for (const check of required) expect(err.reasons).toContainEqual(expect.stringContaining(check.name));

    c = await api.as.resourcing.checks.update({
      id: c.id,
      expectedVersion: c.version,
      check: 'references',
      status: 'waived',
      reason: 'Held on file from a previous application.',
    });
    c = await api.as.resourcing.checks.update({ id: c.id, expectedVersion: c.version, check: 'vetting', status: 'requested' });
    for (const check of required.filter((k) => !['references', 'vetting', 'biometrics'].includes(k.code))) {
      c = await api.as.resourcing.checks.update(passCheck(c, check.code));
    }
    err = await refusal(r.move({ id: c.id, expectedVersion: c.version, to: 'induction' }));
    expect(err.reasons).toEqual([
      'Recruitment vetting: not yet passed or waived (requested).',
      'Biometrics (fingerprints and DNA): not yet passed or waived (not started).',
    ]);
    c = await api.as.resourcing.checks.update(passCheck(c, 'vetting'));
    c = await api.as.resourcing.checks.update(passCheck(c, 'biometrics'));
    api.clock.now = new Date('2026-11-25T09:30:00Z');
    c = await r.move({ id: c.id, expectedVersion: c.version, to: 'induction' });
    expect(c.stage).toBe('induction');
    expect(c.finalOfferAt).toBe('2026-11-25T09:30:00.000Z');
    expect(c.checks.find((k) => k.check === 'references')).toMatchObject({
      status: 'waived',
      reason: 'Held on file from a previous application.',
    });

    // induction → mentoring: a booking, posted to the target unit, starting 28+ days after the final offer.
    err = await refusal(r.move({ id: c.id, expectedVersion: c.version, to: 'mentoring' }));
    expect(err.reasons).toEqual(['No induction course is booked, and no start date or posting is set.']);
    const early = addCourse(api.db, '2026-12-01');
    c = await api.as.coordinator.courses.book({
      id: c.id,
      expectedVersion: c.version,
      courseId: early.id,
      startDate: '2026-12-22',
      postingUnit: 'BCU',
      postingPlace: 'North Area',
    });
    err = await refusal(r.move({ id: c.id, expectedVersion: c.version, to: 'mentoring' }));
    expect(err.reasons).toEqual([
      expect.stringContaining("is not the case's target unit"),
      expect.stringMatching(
        /start date \(22 December 2026\) must be at least 28 days after the final offer \(25 November 2026\).*earliest is 23 December 2026/,
      ),
    ]);
    c = await api.as.coordinator.courses.book({
      id: c.id,
      expectedVersion: c.version,
      courseId: early.id,
      startDate: '2026-12-23',
      postingUnit: 'TSG',
      postingPlace: 'Catford (SE)',
    });
    expect(c.induction).toMatchObject({
      startDate: '2026-12-23',
      postingUnit: 'TSG',
      postingPlace: 'Catford (SE)',
      bookedBy: 'Cara Coordinator',
    });
    c = await api.as.coordinator.applications.move({ id: c.id, expectedVersion: c.version, to: 'mentoring' });
    expect(c.stage).toBe('mentoring');

    // mentoring → onboarded: a mentor and a buddy.
    err = await refusal(r.move({ id: c.id, expectedVersion: c.version, to: 'onboarded' }));
    expect(err.reasons).toEqual(['No mentor has been assigned.', 'No buddy has been assigned.']);
    const mentor = addMentor(api.db, 'Sgt Ola Mensah', 'TSG');
    const buddy = addMentor(api.db, 'PC Kim Lowe', 'TSG');
    c = await api.as.coordinator.applications.assignMentor({ id: c.id, expectedVersion: c.version, mentorId: mentor.id });
    err = await refusal(r.move({ id: c.id, expectedVersion: c.version, to: 'onboarded' }));
    expect(err.reasons).toEqual(['No buddy has been assigned.']);
    c = await api.as.coordinator.applications.assignMentor({ id: c.id, expectedVersion: c.version, buddyId: buddy.id });
    expect(c.mentor?.name).toBe('Sgt Ola Mensah');
    expect(c.buddy?.name).toBe('PC Kim Lowe');
    c = await api.as.coordinator.applications.move({ id: c.id, expectedVersion: c.version, to: 'onboarded' });
    expect(c.stage).toBe('onboarded');
    expect(c.nextMoves).toEqual([]);

    // The whole story, newest first.
    const history = await r.history({ id: c.id });
    const types = history.items.map((e) => e.type);
    expect(types[0]).toBe('moved');
    expect(history.items[0]).toMatchObject({ fromStage: 'mentoring', toStage: 'onboarded', actor: { name: 'Cara Coordinator' } });
    expect(types.at(-1)).toBe('created');
    expect(types.filter((t) => t === 'moved')).toHaveLength(5);
    expect(types.filter((t) => t === 'check_updated')).toHaveLength(required.length + 1);
    expect(types).toEqual(
      expect.arrayContaining([
        'eligibility_recorded',
        'tsg_pre_assessment_recorded',
        'interview_booked',
        'interview_attended',
        'interview_recorded',
        'induction_booked',
        'mentor_assigned',
      ]),
    );
    const ids = history.items.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    // Refused moves left nothing in the history. At review: eligibility and TSG's pre-assessment; at
    // interview: booked, attended and two outcomes.
    expect(history.items).toHaveLength(1 + 2 + 1 + 4 + 1 + (required.length + 1) + 1 + 2 + 1 + 2 + 1);
  });

  it('lists every unmet review condition at once', async () => {
    const api = await setupApi({ now: new Date('2026-11-23T10:00:00Z') });
    let c = await create(api, { joinedForceOn: '2025-06-01' });
    // Create and edit refuse the Met now; a case recorded before they did is still held at the gate.
    api.db.$client.prepare("UPDATE applications SET current_force = 'Metropolitan Police Service' WHERE id = ?").run(c.id);
    c = await api.as.resourcing.applications.get({ id: c.id });
    c = await api.as.resourcing.applications.recordEligibility({
      ...clearForceRecords,
      id: c.id,
      expectedVersion: c.version,
      targetUnit: 'TSG',
      criteria: { serving_home_office: false, constable_rank: true, probation_complete: false },
      unitCriteria: { fitness: false },
    });
    const err = await refusal(api.as.resourcing.applications.move({ id: c.id, expectedVersion: c.version, to: 'interview' }));
    expect(err.code).toBe('PRECONDITION_FAILED');
    expect(err.reasons).toEqual([
      expect.stringMatching(/not met: serving in a home office force other than the met/i),
      expect.stringMatching(/not met: has completed the 2-year probationary period/i),
      expect.stringMatching(/not recorded: meets the day-to-day requirements/i),
      'Metropolitan Police Service is not a Home Office force other than the Met.',
      expect.stringMatching(/joined their force on 1 June 2025 .*probation only on 1 June 2027/),
      expect.stringMatching(/Territorial Support Group.* not met: has and keeps a good level of fitness/i),
      expect.stringMatching(/TSG mentor/),
      expect.stringMatching(/attachment or base visit/),
    ]);
    // Each carries its code and the section of the case page that fixes it.
    expect(err.unmet?.map((u) => [u.code, u.section, u.criterion])).toEqual([
      ['eligibility.criterion_not_met', 'eligibility', 'serving_home_office'],
      ['eligibility.criterion_not_met', 'eligibility', 'probation_complete'],
      ['eligibility.criterion_not_recorded', 'eligibility', 'meets_role_requirements'],
      ['eligibility.force_not_home_office', 'eligibility', undefined],
      ['eligibility.probation_incomplete', 'eligibility', undefined],
      ['eligibility.unit_criterion_not_met', 'eligibility', 'fitness'],
      ['eligibility.tsg_mentor_missing', 'eligibility', undefined],
      ['eligibility.tsg_base_visit_missing', 'eligibility', undefined],
    ]);
    expect(err.unmet?.map((u) => u.message)).toEqual(err.reasons);
    // The same conditions are offered up front as what stands in the way.
    const detail = await api.as.resourcing.applications.get({ id: c.id });
    const next = detail.nextMoves.find((m) => m.to === 'interview');
    expect(next?.unmet).toEqual(err.unmet);
    expect(next?.reasons).toEqual(err.reasons);
  });

  it('checks MO3 essential criteria and a Police Now applicant against the programme criteria', async () => {
    const api = await setupApi();
    let c = await create(api, {
      route: 'police_now_nglp',
      cohortYear: 2026,
      currentForce: null,
      rank: null,
      warrantNumber: null,
      joinedForceOn: null,
    });
    c = await api.as.resourcing.applications.recordEligibility({
      ...clearForceRecords,
      id: c.id,
      expectedVersion: c.version,
      targetUnit: 'MO3',
      criteria: { degree: true, uk_residence: true },
      unitCriteria: { surveillance_trained: true },
    });
    const err = await refusal(api.as.resourcing.applications.move({ id: c.id, expectedVersion: c.version, to: 'interview' }));
    expect(err.reasons).toEqual([
      expect.stringMatching(/not recorded: is not a serving or former attested police officer/i),
      expect.stringMatching(/MO3.* not recorded: knows RIPA and TEI legislation/i),
    ]);
  });

  it('a Police Now applicant has no notice period and no force records check', async () => {
    const api = await setupApi();
    let c = await create(api, {
      route: 'police_now_ndp',
      cohortYear: 2026,
      currentForce: null,
      rank: null,
      warrantNumber: null,
      joinedForceOn: null,
      targetUnit: 'METCC',
    });
    c = await advance(api, c, 'pre_employment');
    expect(c.checks.map((k) => k.check)).not.toContain('psd_oh_records');
    c = await advance(api, c, 'induction');
    const course = addCourse(api.db, c.finalOfferAt!.slice(0, 10));
    c = await api.as.resourcing.courses.book({
      id: c.id,
      expectedVersion: c.version,
      courseId: course.id,
      startDate: c.finalOfferAt!.slice(0, 10),
      postingUnit: 'METCC',
      postingRole: 'First Contact',
      postingPlace: 'Bow',
    });
    c = await api.as.resourcing.applications.move({ id: c.id, expectedVersion: c.version, to: 'mentoring' });
    expect(c.stage).toBe('mentoring');
  });
});

describe('TSG re-route', () => {
  it.each(['level2_public_order', 'cbrn_medical'])(
    'failing %s posts the officer to a BCU instead of rejecting them',
    async (check) => {
      const api = await setupApi();
      let c = await advance(api, await create(api, { targetUnit: 'TSG' }), 'pre_employment', 'TSG');
      const eventsBefore = applicationState(api.db, c.id).events;
      c = await api.as.resourcing.checks.update({
        id: c.id,
        expectedVersion: c.version,
        check,
        status: 'failed',
        reason: 'Did not complete the course.',
      });

      expect(c.stage).toBe('pre_employment');
      expect(c.targetUnit).toBe('BCU');
      // Both TSG checks stop being required; the failed one stays visible.
      const stillRequired = c.checks.filter((k) => k.isRequired).map((k) => k.check);
      expect(stillRequired).not.toContain('level2_public_order');
      expect(stillRequired).not.toContain('cbrn_medical');
      expect(stillRequired.sort()).toEqual(
        requiredChecks('transferee', 'BCU')
          .map((k) => k.code)
          .sort(),
      );
      expect(c.checks.find((k) => k.check === check)).toMatchObject({ status: 'failed', isRequired: false });

      const history = await api.as.resourcing.applications.history({ id: c.id });
      expect(history.items.slice(0, 2).map((e) => e.type)).toEqual(['rerouted', 'check_updated']);
      expect(history.items[0]).toMatchObject({
        details: { fromUnit: 'TSG', toUnit: 'BCU', check },
        reason: expect.stringContaining('BCU'),
      });
      expect(history.items.map((e) => e.type)).not.toContain('rejected');
      expect(applicationState(api.db, c.id).events).toBe(eventsBefore + 2);

      // The standard checks alone now open the gate to induction.
      for (const k of requiredChecks('transferee', 'BCU')) {
        c = await api.as.resourcing.checks.update(passCheck(c, k.code));
      }
      c = await api.as.resourcing.applications.move({ id: c.id, expectedVersion: c.version, to: 'induction' });
      expect(c.stage).toBe('induction');
      expect(c.targetUnit).toBe('BCU');
    },
  );

  it('failing a standard check on a TSG case does not re-route it', async () => {
    const api = await setupApi();
    let c = await advance(api, await create(api, { targetUnit: 'TSG' }), 'pre_employment', 'TSG');
    c = await api.as.resourcing.checks.update({
      id: c.id,
      expectedVersion: c.version,
      check: 'fitness_test',
      status: 'failed',
      reason: 'Missed the shuttle level.',
    });
    expect(c.targetUnit).toBe('TSG');
    expect(await historyTypes(api, c.id)).not.toContain('rerouted');
  });
});

describe('closing, reopening and moving back', () => {
  it.each(['rejected', 'withdrawn'] as const)(
    'needs a listed reason to mark a case %s, then records it with where it was closed from',
    async (to) => {
      const api = await setupApi();
      const c = await advance(api, await create(api, { targetUnit: 'METCC' }), 'interview');
      const before = applicationState(api.db, c.id);
      const err = await refusal(
        api.as.resourcing.applications.move({ id: c.id, expectedVersion: c.version, to, reason: 'Words alone.' }),
      );
      expect(err.code).toBe('BAD_REQUEST');
      expect(err.fieldErrors?.reasonId?.[0]).toMatch(/Choose a reason for (rejecting|withdrawing) from the list/);
      const wrongKind = await refusal(
        api.as.resourcing.applications.move({
          id: c.id,
          expectedVersion: c.version,
          to,
          reasonId: to === 'rejected' ? closeReasonIds.withdrawn : closeReasonIds.rejected,
        }),
      );
      expect(wrongKind.fieldErrors?.reasonId?.[0]).toBe(`Choose a reason from the list for a case being ${to}.`);
      expect(applicationState(api.db, c.id)).toEqual(before);

      const closed = await api.as.resourcing.applications.move({
        id: c.id,
        expectedVersion: c.version,
        to,
        reasonId: closeReasonIds[to],
        reason: 'Officer accepted a post elsewhere.',
      });
      const label = to === 'rejected' ? 'Does not meet the eligibility criteria' : 'Candidate withdrew';
      expect(closed).toMatchObject({
        stage: to,
        closedFromStage: 'interview',
        closeReason: `${label}: Officer accepted a post elsewhere.`,
      });
      const [last] = (await api.as.resourcing.applications.history({ id: c.id })).items;
      expect(last).toMatchObject({
        type: to,
        fromStage: 'interview',
        toStage: to,
        reason: `${label}: Officer accepted a post elsewhere.`,
        details: { reasonId: closeReasonIds[to], reasonLabel: label },
      });
    },
  );

  it('reopens a closed case only at the stage it was closed from, by resourcing, with a reason', async () => {
    const api = await setupApi();
    let c = await advance(api, await create(api, { targetUnit: 'METCC' }), 'pre_employment');
    c = await api.as.resourcing.applications.move({
      id: c.id,
      expectedVersion: c.version,
      to: 'rejected',
      reasonId: closeReasonIds.rejected,
      reason: 'Failed vetting.',
    });

    const wrong = await refusal(
      api.as.resourcing.applications.move({ id: c.id, expectedVersion: c.version, to: 'review', reason: 'Appeal upheld.' }),
    );
    expect(wrong.code).toBe('PRECONDITION_FAILED');
    expect(wrong.reasons?.[0]).toContain('closed from (pre-employment)');
    expect(
      (await refusal(api.as.resourcing.applications.move({ id: c.id, expectedVersion: c.version, to: 'pre_employment' }))).code,
    ).toBe('BAD_REQUEST');
    expect(
      (
        await refusal(
          api.as.leadMetcc.applications.move({
            id: c.id,
            expectedVersion: c.version,
            to: 'pre_employment',
            reason: 'Appeal upheld.',
          }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect(applicationState(api.db, c.id).row.version).toBe(c.version);

    c = await api.as.resourcing.applications.move({
      id: c.id,
      expectedVersion: c.version,
      to: 'pre_employment',
      reason: 'Appeal upheld.',
    });
    expect(c).toMatchObject({ stage: 'pre_employment', closedFromStage: null, closeReason: null });
    expect((await api.as.resourcing.applications.history({ id: c.id })).items[0]).toMatchObject({
      type: 'reopened',
      fromStage: 'rejected',
      toStage: 'pre_employment',
      reason: 'Appeal upheld.',
    });
  });

  it('moves a case back one stage with a reason, by resourcing only', async () => {
    const api = await setupApi();
    let c = await advance(api, await create(api, { targetUnit: 'METCC' }), 'pre_employment');
    expect(
      (await refusal(api.as.resourcing.applications.move({ id: c.id, expectedVersion: c.version, to: 'interview' }))).code,
    ).toBe('BAD_REQUEST');
    expect(
      (
        await refusal(
          api.as.leadMetcc.applications.move({ id: c.id, expectedVersion: c.version, to: 'interview', reason: 'Re-interview.' }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    const skip = await refusal(
      api.as.resourcing.applications.move({ id: c.id, expectedVersion: c.version, to: 'review', reason: 'Start over.' }),
    );
    expect(skip.code).toBe('PRECONDITION_FAILED');
    expect(skip.reasons?.[0]).toContain('one stage at a time');
    const skipForward = await refusal(
      api.as.resourcing.applications.move({ id: c.id, expectedVersion: c.version, to: 'mentoring' }),
    );
    expect(skipForward.code).toBe('PRECONDITION_FAILED');

    c = await api.as.resourcing.applications.move({
      id: c.id,
      expectedVersion: c.version,
      to: 'interview',
      reason: 'Panel asked for a second interview.',
    });
    expect(c.stage).toBe('interview');
    expect((await api.as.resourcing.applications.history({ id: c.id })).items[0]).toMatchObject({
      type: 'moved_back',
      fromStage: 'pre_employment',
      toStage: 'interview',
      reason: 'Panel asked for a second interview.',
    });
  });
});

describe('concurrent and refused writes change nothing', () => {
  const staleWrites = {
    move: (api: Api, id: number, v: number) =>
      api.as.resourcing.applications.move({
        id,
        expectedVersion: v,
        to: 'withdrawn',
        reasonId: closeReasonIds.withdrawn,
        reason: 'Changed their mind.',
      }),
    addNote: (api: Api, id: number, v: number) =>
      api.as.resourcing.applications.addNote({ id, expectedVersion: v, body: 'Called the officer.' }),
    recordOutcome: (api: Api, id: number, v: number) =>
      api.as.leadMetcc.interviews.recordOutcome({ id, expectedVersion: v, outcome: 'pass' }),
  };

  it.each(Object.keys(staleWrites) as (keyof typeof staleWrites)[])(
    '%s with a stale expectedVersion is a CONFLICT carrying the current case',
    async (name) => {
      const api = await setupApi();
      let c = await advance(api, await create(api, { targetUnit: 'METCC' }), 'interview');
      // Interviewed, so that each write would go through but for its stale version.
      c = await interviewOutcome(api, c, 'fail');
      const stale = c.version;
      c = await api.as.resourcing.applications.addNote({
        id: c.id,
        expectedVersion: c.version,
        body: 'Someone else got here first.',
      });
      const before = applicationState(api.db, c.id);

      const err = await refusal(staleWrites[name](api, c.id, stale));
      expect(err.code).toBe('CONFLICT');
      // Who changed it, and what, in words (docs/API.md, CONFLICT): never the version numbers.
      expect(err.message).toMatch(/^Someone else changed this case: Rita Resourcing added a note at 10:00\./);
      expect(err.current).toMatchObject({ id: c.id, version: c.version, stage: 'interview' });
      expect(applicationState(api.db, c.id)).toEqual(before);
      expect(
        api.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, c.id)).all().at(-1)?.details,
      ).toEqual({ body: 'Someone else got here first.' });
    },
  );

  it('an update to a check that does not exist, or does not apply, changes nothing', async () => {
    const api = await setupApi();
    const c = await advance(api, await create(api, { targetUnit: 'TSG' }), 'pre_employment', 'TSG');
    const before = applicationState(api.db, c.id);
    const unknown = await refusal(
      api.as.resourcing.checks.update({
        id: c.id,
        expectedVersion: c.version,
        check: 'horse_riding',
        status: 'passed',
      }),
    );
    expect(unknown.code).toBe('BAD_REQUEST');
    expect(unknown.fieldErrors?.check?.[0]).toContain('There is no check called "horse_riding"');
    const notApplicable = await refusal(
      api.as.resourcing.checks.update({
        id: c.id,
        expectedVersion: c.version,
        check: 'counter_terrorist_check',
        status: 'passed',
      }),
    );
    expect(notApplicable.fieldErrors?.check?.[0]).toContain('does not apply');
    expect(applicationState(api.db, c.id)).toEqual(before);
  });

  it('a refused gate, a full induction course and a record at the wrong stage leave the case as it was', async () => {
    const api = await setupApi();
    const c = await advance(api, await create(api, { targetUnit: 'METCC' }), 'induction');
    const before = applicationState(api.db, c.id);
    expect(
      (await refusal(api.as.resourcing.applications.move({ id: c.id, expectedVersion: c.version, to: 'mentoring' }))).code,
    ).toBe('PRECONDITION_FAILED');

    const full = addCourse(api.db, '2027-02-01', 1);
    const other = await advance(api, await create(api, { targetUnit: 'METCC' }), 'induction');
    await api.as.resourcing.courses.book({
      id: other.id,
      expectedVersion: other.version,
      courseId: full.id,
      startDate: '2027-02-01',
      postingUnit: 'METCC',
      postingRole: 'First Contact',
      postingPlace: 'Bow',
    });
    const err = await refusal(
      api.as.resourcing.courses.book({
        id: c.id,
        expectedVersion: c.version,
        courseId: full.id,
        startDate: '2027-02-01',
        postingUnit: 'METCC',
      postingRole: 'First Contact',
        postingPlace: 'Bow',
      }),
    );
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toContain('full');

    const wrongStage = await refusal(
      api.as.resourcing.interviews.recordOutcome({ id: c.id, expectedVersion: c.version, outcome: 'fail' }),
    );
    expect(wrongStage.code).toBe('PRECONDITION_FAILED');
    expect(wrongStage.reasons?.[0]).toContain('only while the case is at interview');
    expect(applicationState(api.db, c.id)).toEqual(before);
  });
});

describe('history and the access log are append-only in the database', () => {
  it.each([
    ['UPDATE application_events SET reason = ?', 'application_events'],
    ['DELETE FROM application_events WHERE reason IS NOT ?', 'application_events'],
    ['UPDATE access_log SET action = ?', 'access_log'],
    ['DELETE FROM access_log WHERE action IS NOT ?', 'access_log'],
  ])('refuses %s', async (statement, table) => {
    const api = await setupApi();
    const c = await create(api);
    await api.as.resourcing.applications.get({ id: c.id });
    const snapshot = () => api.db.$client.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
    const before = snapshot();
    expect(before.length).toBeGreaterThan(0);
    expect(() => api.db.$client.prepare(statement).run('tampered')).toThrow(`${table} is append-only`);
    expect(snapshot()).toEqual(before);
  });
});
