import { buildApplication } from '@muster/db/testing';
import { describe, expect, it } from 'vitest';
import { clearForceRecords, closeReasonIds, setupApi } from '../testing.ts';

const allMet = { serving_home_office: true, constable_rank: true, probation_complete: true, meets_role_requirements: true };

describe('eligibility review in full', () => {
  it('holds a transferee at review until the force’s records are in, and open misconduct until an admin approves an exception', async () => {
    const api = await setupApi();
    let c = await api.as.resourcing.applications.create(buildApplication({ targetUnit: 'METCC' }));
    c = await api.as.resourcing.applications.recordEligibility({
      id: c.id,
      expectedVersion: c.version,
      targetUnit: 'METCC',
      criteria: allMet,
      psdRecords: 'requested',
      ohRecords: 'requested',
    });
    await expect(
      api.as.resourcing.applications.move({ id: c.id, expectedVersion: c.version, to: 'interview' }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      cause: {
        details: {
          reasons: [
            'Professional standards (PSD) records from the current force: requested, not yet received.',
            'Occupational health (OH) records from the current force: requested, not yet received.',
            'Record whether the officer has any open misconduct matter or investigation.',
          ],
        },
      },
    });
    await expect(
      api.as.resourcing.applications.recordEligibility({
        id: c.id,
        expectedVersion: c.version,
        targetUnit: 'METCC',
        criteria: allMet,
        psdRecords: 'requested',
        psdOutcome: 'clear',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    c = await api.as.resourcing.applications.recordEligibility({
      ...clearForceRecords,
      id: c.id,
      expectedVersion: c.version,
      targetUnit: 'METCC',
      criteria: allMet,
      hasOpenMisconduct: true,
      misconductDetails: 'Home force investigating a complaint about a stop and search.',
    });
    expect(c.nextMoves.find((m) => m.to === 'interview')!.unmet).toEqual([
      {
        code: 'eligibility.exception_needed',
        section: 'eligibility',
        message:
          'There is an open misconduct matter or investigation: the case can progress only if an admin approves an exception, with a reason.',
      },
    ]);
    // Only the admin is offered the exception, and only while one is needed.
    expect(c.actions.approveException).toBe(false);
    expect((await api.as.admin.applications.get({ id: c.id })).actions.approveException).toBe(true);
    await expect(
      api.as.resourcing.applications.approveException({ id: c.id, expectedVersion: c.version, reason: 'I say so.' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    c = await api.as.admin.applications.approveException({
      id: c.id,
      expectedVersion: c.version,
      reason: 'Complaint is minor and the home force expects no case to answer.',
    });
    expect(c.eligibility!.exception).toMatchObject({
      approvedBy: 'Ada Admin',
      reason: 'Complaint is minor and the home force expects no case to answer.',
    });
    expect(c.actions.approveException).toBe(false);
    await expect(
      api.as.admin.applications.approveException({ id: c.id, expectedVersion: c.version, reason: 'And again, to be sure.' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { details: { fieldCodes: { '': ['exception.already_approved'] } } },
    });
    c = await api.as.resourcing.applications.move({ id: c.id, expectedVersion: c.version, to: 'interview' });
    expect(c.stage).toBe('interview');
    const types = (await api.as.resourcing.applications.history({ id: c.id })).items.map((e) => e.type);
    expect(types.slice(0, 2)).toEqual(['moved', 'exception_approved']);
  });

  it('refuses an exception when there is nothing to except', async () => {
    const api = await setupApi();
    let c = await api.as.resourcing.applications.create(buildApplication({ targetUnit: 'METCC' }));
    c = await api.as.resourcing.applications.recordEligibility({
      ...clearForceRecords,
      id: c.id,
      expectedVersion: c.version,
      targetUnit: 'METCC',
      criteria: allMet,
    });
    await expect(
      api.as.admin.applications.approveException({ id: c.id, expectedVersion: c.version, reason: 'Just in case.' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'There is nothing to approve: no open misconduct and no referred records are recorded on this case.',
      cause: { details: { fieldCodes: { '': ['exception.nothing_to_approve'] } } },
    });
  });
});

describe('bulk reject', () => {
  it('rejects every chosen case with one listed reason, or none of them', async () => {
    const api = await setupApi();
    const a = await api.as.resourcing.applications.create(buildApplication());
    const b = await api.as.resourcing.applications.create(buildApplication());
    const stale = { id: b.id, expectedVersion: b.version + 1 };
    await expect(
      api.as.resourcing.applications.bulkReject({
        cases: [{ id: a.id, expectedVersion: a.version }, stale],
        reasonId: closeReasonIds.rejected,
      }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: 'No case was rejected: 1 of 2 could not be.',
      cause: {
        details: {
          reasons: [expect.stringMatching(new RegExp(`^${b.reference}: Someone else changed this case`))],
          refused: [
            { id: b.id, reference: b.reference, code: 'case.changed', message: expect.stringMatching(/^Someone else changed/) },
          ],
        },
      },
    });
    expect((await api.as.resourcing.applications.get({ id: a.id })).stage).toBe('review');
    await expect(
      api.as.resourcing.applications.bulkReject({ cases: [{ id: a.id, expectedVersion: a.version }] } as never),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('Choose a reason from the list.'),
    });

    const done = await api.as.resourcing.applications.bulkReject({
      cases: [a, b].map((k) => ({ id: k.id, expectedVersion: k.version })),
      reasonId: closeReasonIds.rejected,
      reason: 'Recruitment campaign closed.',
    });
    expect(done).toEqual({ rejected: 2 });
    for (const k of [a, b]) {
      expect(await api.as.resourcing.applications.get({ id: k.id })).toMatchObject({
        stage: 'rejected',
        closeReason: 'Does not meet the eligibility criteria: Recruitment campaign closed.',
      });
    }
  });
});
