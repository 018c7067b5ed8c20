import { applicationEvents, mentors, tsgPreAssessments, type Db } from '@muster/db';
import { TRPCError } from '@trpc/server';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { allCriteriaMet, applicationAt, clearForceRecords, setupApi } from '../testing.ts';

async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    const details = (e.cause as { details?: { unmet?: { code: string }[]; fieldCodes?: Record<string, string[]> } })?.details;
    return { code: e.code, unmet: details?.unmet?.map((u) => u.code) ?? [], fieldCodes: details?.fieldCodes ?? {} };
  }
  throw new Error('expected a refusal');
}

const addMentor = (db: Db, name: string, unitCode: 'TSG' | 'METCC', isActive = true) =>
  db
    .insert(mentors)
    .values({ name, unitCode, place: unitCode === 'TSG' ? 'Catford (SE)' : 'Bow', capacity: 3, isActive })
    .returning()
    .get().id;

const eventsOf = (db: Db, id: number) =>
  db.select({ n: count() }).from(applicationEvents).where(eq(applicationEvents.applicationId, id)).get()?.n;

describe("TSG's mentor and base visit before the assessment", () => {
  it('are recorded by the TSG lead from the pool, open the review gate, and each change is in the history', async () => {
    const api = await setupApi();
    let c = await applicationAt(api, 'review', 'TSG');
    c = await api.as.resourcing.applications.recordEligibility({
      ...clearForceRecords,
      id: c.id,
      expectedVersion: c.version,
      targetUnit: 'TSG',
      ...allCriteriaMet(c.route, 'TSG'),
    });
    expect(c.gateChecklist?.items.filter((i) => !i.isDone).map((i) => i.code)).toEqual([
      'eligibility.tsg_mentor_missing',
      'eligibility.tsg_base_visit_missing',
    ]);
    expect(c.actions.recordTsgPreAssessment).toBe(true);
    expect((await api.as.leadTsg.applications.get({ id: c.id })).actions.recordTsgPreAssessment).toBe(true);

    const frost = addMentor(api.db, 'PC Dana Frost', 'TSG');
    c = await api.as.leadTsg.applications.recordTsgPreAssessment({
      id: c.id,
      expectedVersion: c.version,
      mentorId: frost,
      hasBaseVisit: false,
    });
    expect(c.tsgPreAssessment).toEqual({
      mentor: { id: frost, name: 'PC Dana Frost', place: 'Catford (SE)' },
      hasBaseVisit: false,
      recordedBy: 'Tom TSG Lead',
      recordedAt: api.clock.now.toISOString(),
    });
    expect(c.gateChecklist?.items.filter((i) => !i.isDone).map((i) => i.code)).toEqual(['eligibility.tsg_base_visit_missing']);
    c = await api.as.leadTsg.applications.recordTsgPreAssessment({
      id: c.id,
      expectedVersion: c.version,
      mentorId: frost,
      hasBaseVisit: true,
    });
    expect(c.gateChecklist?.items.every((i) => i.isDone)).toBe(true);
    c = await api.as.resourcing.applications.move({ id: c.id, expectedVersion: c.version, to: 'interview' });
    expect(c.stage).toBe('interview');

    const history = await api.as.resourcing.applications.history({ id: c.id });
    const recorded = history.items.filter((e) => e.type === 'tsg_pre_assessment_recorded');
    expect(recorded.map((e) => e.details)).toEqual([
      { mentorId: frost, mentorName: 'PC Dana Frost', hasBaseVisit: true, changes: { hasBaseVisit: { from: false, to: true } } },
      {
        mentorId: frost,
        mentorName: 'PC Dana Frost',
        hasBaseVisit: false,
        changes: { mentor: { from: null, to: 'PC Dana Frost' } },
      },
    ]);
    expect(recorded.map((e) => e.actor?.name)).toEqual(['Tom TSG Lead', 'Tom TSG Lead']);
  });

  it('refuses a mentor who is not a TSG officer active in the pool, a case for another unit, and the wrong people, changing nothing', async () => {
    const api = await setupApi();
    const c = await applicationAt(api, 'review', 'TSG');
    const write = { id: c.id, expectedVersion: c.version, hasBaseVisit: true };
    const metcc = addMentor(api.db, 'PC Bow', 'METCC');
    const paused = addMentor(api.db, 'PS Retired', 'TSG', false);
    const before = eventsOf(api.db, c.id);
    const lead = api.as.leadTsg.applications;
    expect((await refusal(lead.recordTsgPreAssessment({ ...write, mentorId: metcc }))).fieldCodes).toEqual({
      mentorId: ['tsg.mentor_not_tsg'],
    });
    expect((await refusal(lead.recordTsgPreAssessment({ ...write, mentorId: paused }))).fieldCodes).toEqual({
      mentorId: ['tsg.mentor_unknown'],
    });
    expect((await refusal(lead.recordTsgPreAssessment({ ...write, mentorId: 999_999 }))).fieldCodes).toEqual({
      mentorId: ['tsg.mentor_unknown'],
    });
    expect((await refusal(api.as.coordinator.applications.recordTsgPreAssessment({ ...write, mentorId: null }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await refusal(api.as.leadMetcc.applications.recordTsgPreAssessment({ ...write, mentorId: null }))).code).toBe(
      'FORBIDDEN',
    );

    const other = await applicationAt(api, 'review', 'METCC');
    const wrongUnit = await refusal(
      api.as.resourcing.applications.recordTsgPreAssessment({
        id: other.id,
        expectedVersion: other.version,
        mentorId: null,
        hasBaseVisit: true,
      }),
    );
    expect(wrongUnit).toMatchObject({ code: 'PRECONDITION_FAILED', unmet: ['action.wrong_unit'] });
    expect(other.actions.recordTsgPreAssessment).toBe(false);

    const stale = await refusal(lead.recordTsgPreAssessment({ ...write, expectedVersion: c.version - 1, mentorId: null }));
    expect(stale.code).toBe('CONFLICT');
    expect(api.db.select().from(tsgPreAssessments).all()).toEqual([]);
    expect(eventsOf(api.db, c.id)).toBe(before);
  });

  it('is no longer open once the case is past interview', async () => {
    const api = await setupApi();
    const c = await applicationAt(api, 'pre_employment', 'TSG');
    expect(c.actions.recordTsgPreAssessment).toBe(false);
    const r = await refusal(
      api.as.leadTsg.applications.recordTsgPreAssessment({
        id: c.id,
        expectedVersion: c.version,
        mentorId: null,
        hasBaseVisit: false,
      }),
    );
    expect(r).toMatchObject({ code: 'PRECONDITION_FAILED', unmet: ['action.wrong_stage'] });
  });
});
