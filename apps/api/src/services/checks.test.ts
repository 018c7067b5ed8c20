import { checkChasers, outbox } from '@muster/db';
import { DomainError, requiredChecks } from '@muster/domain';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applicationAt, setupApi } from '../testing.ts';
import { passCheck } from './checks-testing.ts';

/** A refused call: its tRPC code and the first field code (or the domain's own code). */
async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (err) {
    if (!(err instanceof TRPCError)) throw err;
    const details = err.cause instanceof DomainError ? err.cause.details : {};
    return { code: err.code, fieldCode: Object.values(details.fieldCodes ?? {}).flat()[0] ?? null };
  }
  throw new Error('Expected the call to be refused, but it succeeded.');
}

describe('checks as a task list', () => {
  it('takes a case through every check to induction, with requested and due dates, a chaser queued to the candidate', async () => {
    const api = await setupApi({ now: new Date('2026-11-23T10:00:00Z') });
    let c = await applicationAt(api, 'pre_employment', 'METCC');
    expect(c.conditionalOfferAt).toEqual(expect.any(String));
    const k = api.as.resourcing.checks;
    const required = requiredChecks(c.route, c.targetUnit);
    for (const t of required) c = await k.update({ id: c.id, expectedVersion: c.version, check: t.code, status: 'requested' });
    const list = await k.list({ id: c.id });
    expect(list.map((x) => x.check)).toEqual(required.map((t) => t.code));
    expect(list.find((x) => x.check === 'vetting')).toMatchObject({
      waitsOn: 'vetting_unit',
      status: 'requested',
      requestedAt: '2026-11-23T10:00:00.000Z',
      dueOn: '2027-01-04',
      isOverdue: false,
    });
    expect(list.find((x) => x.check === 'fitness_test')).toMatchObject({ waitsOn: 'candidate', dueOn: '2026-12-07' });

    // Three weeks on: the fitness test (14 days) is overdue; chase it.
    api.clock.now = new Date('2026-12-14T09:00:00Z');
    expect((await k.list({ id: c.id })).find((x) => x.check === 'fitness_test')?.isOverdue).toBe(true);
    const before = c.version;
    const chased = await k.chase({ id: c.id, expectedVersion: c.version, check: 'fitness_test' });
    expect(chased).toMatchObject({ toWhom: 'Candidate', isMessageQueued: true });
    c = chased.application;
    expect(c.version).toBe(before + 1);
    expect(c.lastChange).toMatchObject({ type: 'check_chased', summary: 'Fitness test (15 m shuttle run) chased' });
    const [chaser] = api.db.select().from(checkChasers).where(eq(checkChasers.applicationId, c.id)).all();
    const queued = api.db.select().from(outbox).where(eq(outbox.messageId, chaser!.messageId!)).get();
    expect(queued).toMatchObject({ template: 'candidate_check_chaser', toAddress: c.email });
    expect(queued?.body).toContain('7 December 2026');
    expect(c.checks.find((x) => x.check === 'fitness_test')?.chasers).toEqual([
      { at: '2026-12-14T09:00:00.000Z', by: 'Rita Resourcing', toWhom: 'Candidate' },
    ]);

    // A chaser to the vetting unit is recorded only: Muster has no address for it.
    const vetting = await k.chase({ id: c.id, expectedVersion: c.version, check: 'vetting' });
    expect(vetting).toMatchObject({ toWhom: 'Vetting unit', isMessageQueued: false });
    c = vetting.application;
    expect(
      api.db
        .select()
        .from(outbox)
        .where(eq(outbox.applicationId, c.id))
        .all()
        .filter((m) => m.template === 'candidate_check_chaser'),
    ).toHaveLength(1);

    // Every check passes (vetting with its level and expiry), and the case moves on.
    for (const t of required) c = await k.update(passCheck(c, t.code));
    const vettingCheck = c.checks.find((x) => x.check === 'vetting');
    expect(vettingCheck).toMatchObject({
      status: 'passed',
      level: 'recruitment_vetting',
      expiresOn: '2099-12-31',
      dueOn: '2027-01-04',
      isOverdue: false,
    });
    c = await api.as.resourcing.applications.move({ id: c.id, expectedVersion: c.version, to: 'induction' });
    expect(c.stage).toBe('induction');
    const history = await api.as.resourcing.applications.history({ id: c.id });
    expect(history.items.filter((e) => e.type === 'check_chased')).toHaveLength(2);
    expect(history.items.find((e) => e.type === 'check_updated' && e.details.check === 'vetting')?.details).toMatchObject({
      to: 'passed',
      level: 'recruitment_vetting',
      expiresOn: '2099-12-31',
      dueOn: '2027-01-04',
    });
    // A unit lead reads the chaser in the history without who was chased; a coordinator not at all.
    const lead = await api.as.leadMetcc.applications.history({ id: c.id });
    expect(lead.items.find((e) => e.type === 'check_chased')?.details).toEqual({ check: 'vetting', name: 'Recruitment vetting' });
    const coordinator = await api.as.coordinator.applications.history({ id: c.id });
    expect(coordinator.items.map((e) => e.type)).not.toContain('check_chased');
  });

  it('lists overdue checks grouped by who they wait on, oldest due first, with counts and filters', async () => {
    const api = await setupApi({ now: new Date('2026-11-23T10:00:00Z') });
    const k = api.as.resourcing.checks;
    const a = await applicationAt(api, 'pre_employment', 'METCC');
    const b = await applicationAt(api, 'pre_employment', 'TSG');
    let x = await k.update({
      id: a.id,
      expectedVersion: a.version,
      check: 'references',
      status: 'requested',
      requestedOn: '2026-10-01',
    });
    x = await k.update({
      id: x.id,
      expectedVersion: x.version,
      check: 'fitness_test',
      status: 'requested',
      requestedOn: '2026-11-01',
    });
    let y = await k.update({
      id: b.id,
      expectedVersion: b.version,
      check: 'fitness_test',
      status: 'requested',
      requestedOn: '2026-10-20',
    });
    y = await k.update({
      id: y.id,
      expectedVersion: y.version,
      check: 'vetting',
      status: 'requested',
      requestedOn: '2026-11-20',
    });
    y = await k.update({
      id: y.id,
      expectedVersion: y.version,
      check: 'references',
      status: 'passed',
      requestedOn: '2026-09-01',
    });
    const all = await k.overdue({});
    expect(all.groups.map((g) => [g.waitsOn, g.count])).toEqual([
      ['referee', 1],
      ['candidate', 2],
    ]);
    expect(all.groups[1]!.items.map((i) => [i.reference, i.dueOn, i.daysOverdue])).toEqual([
      [y.reference, '2026-11-03', 20],
      [x.reference, '2026-11-15', 8],
    ]);
    expect(all.groups[1]!.items[0]).toMatchObject({
      version: y.version,
      lastChasedAt: null,
      checkName: 'Fitness test (15 m shuttle run)',
    });
    expect((await k.overdue({ unit: 'TSG' })).groups).toEqual([expect.objectContaining({ waitsOn: 'candidate', count: 1 })]);
    expect((await k.overdue({ waitsOn: 'referee' })).groups.map((g) => g.waitsOn)).toEqual(['referee']);
    expect((await k.overdue({ route: 'police_now_ndp' })).groups).toEqual([]);
    // A chaser shows as the last chased.
    await k.chase({ id: y.id, expectedVersion: y.version, check: 'fitness_test' });
    expect((await k.overdue({ unit: 'TSG' })).groups[0]!.items[0]!.lastChasedAt).toBe('2026-11-23T10:00:00.000Z');
  });

  it('refuses with codes: vetting without level or expiry, a level too low, a future request, an unrequested chase, a stale version', async () => {
    const api = await setupApi({ now: new Date('2026-11-23T10:00:00Z') });
    const k = api.as.resourcing.checks;
    const c = await applicationAt(api, 'pre_employment', 'MO19');
    const base = { id: c.id, expectedVersion: c.version };
    expect(await refusal(k.update({ ...base, check: 'vetting', status: 'passed' }))).toEqual({
      code: 'BAD_REQUEST',
      fieldCode: 'checks.level_required',
    });
    expect(
      await refusal(
        k.update({ ...base, check: 'vetting', status: 'passed', level: 'recruitment_vetting', expiresOn: '2030-01-01' }),
      ),
    ).toEqual({
      code: 'BAD_REQUEST',
      fieldCode: 'checks.level_too_low',
    });
    expect(await refusal(k.update({ ...base, check: 'vetting', status: 'passed', level: 'management_vetting' }))).toEqual({
      code: 'BAD_REQUEST',
      fieldCode: 'checks.expiry_required',
    });
    expect(await refusal(k.update({ ...base, check: 'references', status: 'passed', level: 'management_vetting' }))).toEqual({
      code: 'BAD_REQUEST',
      fieldCode: 'checks.level_not_applicable',
    });
    expect(await refusal(k.update({ ...base, check: 'references', status: 'requested', requestedOn: '2026-11-24' }))).toEqual({
      code: 'BAD_REQUEST',
      fieldCode: 'checks.requested_in_future',
    });
    expect(await refusal(k.chase({ ...base, check: 'references' }))).toEqual({
      code: 'BAD_REQUEST',
      fieldCode: 'checks.not_requested',
    });
    expect(await refusal(k.chase({ ...base, check: 'security_check' }))).toEqual({
      code: 'BAD_REQUEST',
      fieldCode: 'checks.not_applicable',
    });
    const next = await k.update({ ...base, check: 'references', status: 'requested' });
    expect(next.version).toBe(c.version + 1);
    expect((await refusal(k.chase({ ...base, check: 'references' }))).code).toBe('CONFLICT');
    expect((await refusal(api.as.leadTsg.checks.list({ id: c.id }))).code).toBe('FORBIDDEN');
    expect((await refusal(api.as.leadMetcc.checks.overdue({}))).code).toBe('FORBIDDEN');
  });
});
