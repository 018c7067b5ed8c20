import { mentors } from '@muster/db';
import { buildApplication } from '@muster/db/testing';
import { stageTargetDays } from '@muster/domain';
import { describe, expect, it } from 'vitest';
import { clearForceRecords, setupApi } from '../testing.ts';

const allMet = { serving_home_office: true, constable_rank: true, probation_complete: true, meets_role_requirements: true };
const policeNow = { currentForce: null, rank: null, warrantNumber: null, joinedForceOn: null } as const;

/** What a BAD_REQUEST from a rule carries: the field's message and code. */
const refusedAt = (field: string, code: string) => ({
  code: 'BAD_REQUEST',
  cause: { details: { fieldCodes: { [field]: [code] }, fieldErrors: { [field]: [expect.any(String)] } } },
});

describe('a transferee’s current force and a cohort year, on create and edit', () => {
  it('refuses the Met as the force a transferee comes from', async () => {
    const api = await setupApi();
    await expect(
      api.as.resourcing.applications.create(buildApplication({ currentForce: 'Metropolitan Police Service' })),
    ).rejects.toMatchObject(refusedAt('currentForce', 'details.force_is_met'));
    const c = await api.as.resourcing.applications.create(buildApplication());
    const { targetUnit: _t, receivedAt: _r, ...fields } = buildApplication();
    await expect(
      api.as.resourcing.applications.update({
        ...fields,
        email: c.email,
        id: c.id,
        expectedVersion: c.version,
        currentForce: 'Metropolitan Police Service',
      }),
    ).rejects.toMatchObject(refusedAt('currentForce', 'details.force_is_met'));
    expect((await api.as.resourcing.applications.get({ id: c.id })).currentForce).toBe('Kent Police');
  });

  it('takes a cohort year the programme ran, up to the next intake, and none for a transferee', async () => {
    // The clock reads 23 November 2026: the next intake is the 2027 cohort.
    const api = await setupApi();
    const create = (o: Parameters<typeof buildApplication>[0]) => api.as.resourcing.applications.create(buildApplication(o));
    await expect(create({ ...policeNow, route: 'police_now_ndp', cohortYear: 2018 })).rejects.toMatchObject(
      refusedAt('cohortYear', 'details.cohort_year_before_programme'),
    );
    await expect(create({ ...policeNow, route: 'police_now_nglp', cohortYear: 2028 })).rejects.toMatchObject(
      refusedAt('cohortYear', 'details.cohort_year_after_next_intake'),
    );
    await expect(create({ route: 'transferee', cohortYear: 2025 })).rejects.toMatchObject(
      refusedAt('cohortYear', 'details.cohort_year_not_police_now'),
    );
    const ndp = await create({ ...policeNow, route: 'police_now_ndp', cohortYear: 2019 });
    expect(ndp.cohortYear).toBe(2019);
    await expect(create({ ...policeNow, route: 'police_now_nglp', cohortYear: 2027 })).resolves.toMatchObject({
      cohortYear: 2027,
    });
    const { targetUnit: _t, receivedAt: _r, ...fields } = buildApplication({ ...policeNow, route: 'police_now_ndp' });
    await expect(
      api.as.resourcing.applications.update({
        ...fields,
        email: ndp.email,
        id: ndp.id,
        expectedVersion: ndp.version,
        cohortYear: 2017,
      }),
    ).rejects.toMatchObject(refusedAt('cohortYear', 'details.cohort_year_before_programme'));
    expect((await api.as.resourcing.applications.get({ id: ndp.id })).version).toBe(ndp.version);
  });
});

describe('force records saved as received need their outcome', () => {
  it('is refused at save, with the field and code, and nothing is written', async () => {
    const api = await setupApi();
    const c = await api.as.resourcing.applications.create(buildApplication({ targetUnit: 'METCC' }));
    const write = { id: c.id, expectedVersion: c.version, targetUnit: 'METCC', criteria: allMet } as const;
    await expect(
      api.as.resourcing.applications.recordEligibility({ ...write, psdRecords: 'received', ohRecords: 'requested' }),
    ).rejects.toMatchObject(refusedAt('psdOutcome', 'eligibility.psd_outcome_missing'));
    await expect(
      api.as.resourcing.applications.recordEligibility({ ...write, psdRecords: 'received', ohRecords: 'received' }),
    ).rejects.toMatchObject({
      cause: {
        details: {
          fieldCodes: { psdOutcome: ['eligibility.psd_outcome_missing'], ohOutcome: ['eligibility.oh_outcome_missing'] },
        },
      },
    });
    const after = await api.as.resourcing.applications.get({ id: c.id });
    expect(after).toMatchObject({ version: c.version, eligibility: null });
    await expect(api.as.resourcing.applications.recordEligibility({ ...write, ...clearForceRecords })).resolves.toMatchObject({
      eligibility: { psdRecords: 'received', psdOutcome: 'clear' },
    });
  });
});

describe('the history says what an eligibility record, and TSG’s mentor and base visit, changed', () => {
  it('records each change before → after; a record saved again unchanged says so', async () => {
    const api = await setupApi();
    let c = await api.as.resourcing.applications.create(buildApplication({ targetUnit: 'METCC' }));
    c = await api.as.resourcing.applications.recordEligibility({
      id: c.id,
      expectedVersion: c.version,
      targetUnit: 'METCC',
      criteria: { ...allMet, probation_complete: false },
      psdRecords: 'requested',
      ohRecords: 'requested',
    });
    c = await api.as.resourcing.applications.recordEligibility({
      ...clearForceRecords,
      id: c.id,
      expectedVersion: c.version,
      targetUnit: 'TSG',
      criteria: allMet,
      unitCriteria: { fitness: true },
    });
    // TSG's mentor, from the pool, on a record of its own (the base visit not yet done).
    const blake = api.db
      .insert(mentors)
      .values({ name: 'PS Andrea Blake', unitCode: 'TSG', place: 'Catford (SE)', capacity: 5 })
      .returning()
      .get();
    c = await api.as.resourcing.applications.recordTsgPreAssessment({
      id: c.id,
      expectedVersion: c.version,
      mentorId: blake.id,
      hasBaseVisit: false,
    });
    c = await api.as.resourcing.applications.recordEligibility({
      ...clearForceRecords,
      id: c.id,
      expectedVersion: c.version,
      targetUnit: 'TSG',
      criteria: allMet,
      unitCriteria: { fitness: true },
    });
    c = await api.as.resourcing.applications.recordTsgPreAssessment({
      id: c.id,
      expectedVersion: c.version,
      mentorId: blake.id,
      hasBaseVisit: false,
    });
    const history = (await api.as.resourcing.applications.history({ id: c.id })).items;
    const events = history.filter((e) => e.type === 'eligibility_recorded');
    const [third, second, first] = events.map((e) => e.details);
    expect(first).toMatchObject({
      isFirstRecord: true,
      changes: {
        targetUnit: { from: null, to: 'METCC' },
        'criteria.probation_complete': { from: null, to: false },
        psdRecords: { from: 'not_requested', to: 'requested' },
      },
    });
    expect(second).toMatchObject({ isFirstRecord: false, targetUnit: 'TSG', previousTargetUnit: 'METCC' });
    expect(second!.changes).toEqual({
      targetUnit: { from: 'METCC', to: 'TSG' },
      'criteria.probation_complete': { from: false, to: true },
      'unitCriteria.fitness': { from: null, to: true },
      psdRecords: { from: 'requested', to: 'received' },
      psdOutcome: { from: null, to: 'clear' },
      ohRecords: { from: 'requested', to: 'received' },
      ohOutcome: { from: null, to: 'clear' },
      hasOpenMisconduct: { from: null, to: false },
    });
    expect(third).toMatchObject({ isFirstRecord: false, changes: {} });
    const [again, tsg] = history.filter((e) => e.type === 'tsg_pre_assessment_recorded').map((e) => e.details);
    expect(tsg).toMatchObject({ mentorName: 'PS Andrea Blake', hasBaseVisit: false });
    expect(tsg!.changes).toEqual({ mentor: { from: null, to: 'PS Andrea Blake' } });
    expect(again).toMatchObject({ changes: {} });
  });
});

describe('stage targets', () => {
  it('are served with the reference data, from the domain', async () => {
    const api = await setupApi();
    const reference = await api.as.resourcing.reference.all();
    expect(reference.settings.stageTargetDays).toEqual(stageTargetDays);
    expect(Object.keys(reference.settings.stageTargetDays)).toEqual([
      'review',
      'interview',
      'pre_employment',
      'induction',
      'mentoring',
    ]);
  });
});
