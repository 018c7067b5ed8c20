import { openStages, type ApplicationDetail } from '@muster/contracts';
import { buildApplication } from '@muster/db/testing';
import { describe, expect, it } from 'vitest';
import { allCriteriaMet, applicationAt, clearForceRecords, closeReasonIds, setupApi } from '../testing.ts';

/** The checklist as rows: code (and check), done or not, and the word beside it. */
const rows = (d: ApplicationDetail) =>
  d.gateChecklist?.items.map((i) => [i.check ? `${i.code}:${i.check}` : i.code, i.isDone, i.status ?? null]);

const forward = (d: ApplicationDetail) => d.nextMoves.find((m) => m.kind === 'forward');

describe('ApplicationDetail.gateChecklist: the gate out of the case’s stage, item by item', () => {
  it('a new transferee at review: what the review gate asks for, and what is done', async () => {
    const api = await setupApi();
    const c = await api.as.resourcing.applications.create(buildApplication({ targetUnit: 'TSG' }));
    expect(c.gateChecklist).toMatchObject({ from: 'review', to: 'interview' });
    expect(c.gateChecklist!.items.map((i) => [i.code, i.label, i.section, i.isDone])).toEqual([
      ['eligibility.route_criteria', 'Eligibility recorded and met', 'eligibility', false],
      ['eligibility.no_target_unit', 'Target unit chosen', 'eligibility', true],
      ['eligibility.transfer_details', 'Home Office force, constable rank and probation complete', 'eligibility', true],
      ['eligibility.unit_criteria', 'TSG essential criteria met', 'eligibility', false],
      ['eligibility.tsg_mentor_missing', 'TSG mentor named', 'eligibility', false],
      ['eligibility.tsg_base_visit_missing', 'Attachment or base visit done', 'eligibility', false],
    ]);
    // The same answer on a plain read, for every role that can see the case.
    expect((await api.as.resourcing.applications.get({ id: c.id })).gateChecklist).toEqual(c.gateChecklist);
    // A unit lead is not given the force's records (need to know): those items are one, resourcing's.
    const lead = (await api.as.leadTsg.applications.get({ id: c.id })).gateChecklist;
    expect(lead?.items.map((i) => [i.code, i.isDone])).toEqual([
      ['eligibility.route_criteria', false],
      ['eligibility.no_target_unit', true],
      ['eligibility.unit_criteria', false],
      ['eligibility.tsg_mentor_missing', false],
      ['eligibility.tsg_base_visit_missing', false],
      ['eligibility.force_records', true],
    ]);
  });

  it('follows the force’s records and the exception, and is all done exactly when the move goes through', async () => {
    const api = await setupApi();
    const r = api.as.resourcing.applications;
    let c = await r.create(buildApplication({ targetUnit: 'METCC' }));
    c = await r.recordEligibility({
      id: c.id,
      expectedVersion: c.version,
      targetUnit: 'METCC',
      ...allCriteriaMet('transferee', 'METCC'),
      psdRecords: 'requested',
      ohRecords: 'received',
      ohOutcome: 'refer',
    });
    expect(rows(c)).toEqual([
      ['eligibility.route_criteria', true, null],
      ['eligibility.no_target_unit', true, null],
      ['eligibility.transfer_details', true, null],
      ['eligibility.psd_records', false, 'Requested'],
      ['eligibility.oh_records', false, 'Referred'],
      ['eligibility.misconduct', false, null],
    ]);
    await expect(r.move({ id: c.id, expectedVersion: c.version, to: 'interview' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });

    c = await r.recordEligibility({
      ...clearForceRecords,
      id: c.id,
      expectedVersion: c.version,
      targetUnit: 'METCC',
      ...allCriteriaMet('transferee', 'METCC'),
      hasOpenMisconduct: true,
      misconductDetails: 'Home force investigating a complaint.',
    });
    expect(rows(c)!.filter(([, isDone]) => !isDone)).toEqual([['eligibility.misconduct', false, 'Open matter']]);
    expect(forward(c)!.unmet.map((u) => u.code)).toEqual(['eligibility.exception_needed']);

    c = await api.as.admin.applications.approveException({
      id: c.id,
      expectedVersion: c.version,
      reason: 'The matter is minor; approved by the Superintendent.',
    });
    expect(rows(c)!.find(([code]) => code === 'eligibility.misconduct')).toEqual([
      'eligibility.misconduct',
      true,
      'Exception approved',
    ]);
    expect(c.gateChecklist!.items.every((i) => i.isDone)).toBe(true);
    // The admin's answer has no forward move of theirs; resourcing's does, with nothing in the way.
    c = await r.get({ id: c.id });
    expect(forward(c)!.unmet).toEqual([]);
    c = await r.move({ id: c.id, expectedVersion: c.version, to: 'interview' });
    expect(c.gateChecklist).toMatchObject({ from: 'interview', to: 'pre_employment' });
    expect(rows(c)).toEqual([['interview.outcome', false, null]]);
  });

  it.each(openStages)('at %s, on arrival: the gate out of it, shut, item for item with the refused move', async (stage) => {
    const api = await setupApi();
    const c = await applicationAt(api, stage, 'METCC');
    const list = c.gateChecklist!;
    expect(list.from).toBe(stage);
    expect(list.to).toBe(forward(c)!.to);
    expect(list.items.some((i) => !i.isDone)).toBe(true);
    const refused = forward(c)!.unmet;
    expect(list.items.every((i) => i.isDone)).toBe(refused.length === 0);
    // Every section the refusal points to has an item not done there.
    for (const u of refused) expect(list.items.some((i) => !i.isDone && i.section === u.section)).toBe(true);
  });

  it('pre-employment: one item per required check, with its status; a failed check is marked', async () => {
    const api = await setupApi();
    let c = await applicationAt(api, 'pre_employment', 'METCC');
    c = await api.as.resourcing.checks.update({
      id: c.id,
      expectedVersion: c.version,
      check: 'vetting',
      status: 'failed',
      reason: 'Undisclosed conviction.',
    });
    c = await api.as.resourcing.checks.update({
      id: c.id,
      expectedVersion: c.version,
      check: 'references',
      status: 'waived',
      reason: 'References held by the current force.',
    });
    const items = c.gateChecklist!.items;
    expect(items.map((i) => i.label)).toEqual(c.checks.filter((k) => k.isRequired).map((k) => k.name));
    expect(items.find((i) => i.check === 'vetting')).toMatchObject({ isDone: false, status: 'Failed', isFailed: true });
    expect(items.find((i) => i.check === 'references')).toMatchObject({ isDone: true, status: 'Waived', isFailed: false });
    expect(items.find((i) => i.check === 'biometrics')).toMatchObject({ isDone: false, status: 'Not started', isFailed: false });
  });

  it('at mentoring, a coordinator sees what is missing; an onboarded case has no checklist', async () => {
    const api = await setupApi();
    const c = await applicationAt(api, 'mentoring', 'METCC');
    const seen = await api.as.coordinator.applications.get({ id: c.id });
    expect(rows(seen)).toEqual([
      ['mentoring.no_mentor', false, null],
      ['mentoring.no_buddy', false, null],
    ]);
    const done = await applicationAt(api, 'onboarded', 'METCC');
    expect(done.gateChecklist).toBeNull();
  });

  it('is null for a closed case, and back once it is reopened', async () => {
    const api = await setupApi();
    const r = api.as.resourcing.applications;
    let c = await applicationAt(api, 'interview', 'METCC');
    c = await r.move({ id: c.id, expectedVersion: c.version, to: 'rejected', reasonId: closeReasonIds.rejected });
    expect(c.gateChecklist).toBeNull();
    c = await r.move({ id: c.id, expectedVersion: c.version, to: 'interview', reason: 'Rejected by mistake.' });
    expect(c.gateChecklist).toMatchObject({ from: 'interview', to: 'pre_employment' });
  });
});
