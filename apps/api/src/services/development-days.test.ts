import { applicationEvents, applications, developmentDayInvitations, inductionBookings, outbox } from '@muster/db';
import { TRPCError } from '@trpc/server';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applicationAt, setupApi } from '../testing.ts';

/*
 * Development days through the real routers: kept at the version read, each refusal with its code;
 * invitations for the joiners in their first two years, each queued once with its event; attendance.
 * The clock of setupApi is Monday 23 November 2026; applicationAt's joiners start on 21 December 2026.
 */

type Api = Awaited<ReturnType<typeof setupApi>>;

async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (e) {
    if (e instanceof TRPCError) {
      const details = (e.cause as { details?: Record<string, unknown> } | undefined)?.details ?? {};
      return {
        code: e.code,
        message: e.message,
        unmet: ((details.unmet ?? []) as { code: string }[]).map((u) => u.code),
        fieldCodes: details.fieldCodes as Record<string, string[]> | undefined,
        current: details.current,
      };
    }
    throw e;
  }
  throw new Error('expected a refusal');
}

const spring = { heldOn: '2027-03-10', place: 'Peel Centre, Hendon', title: 'Spring development day' };
const newDay = (api: Api, over: Partial<typeof spring> = {}) => api.as.coordinator.developmentDays.create({ ...spring, ...over });

/** Joiners at each stage the rule looks at, and one onboarded too long ago. */
async function joiners(api: Api) {
  const mentoring = await applicationAt(api, 'mentoring');
  const onboarded = await applicationAt(api, 'onboarded');
  const induction = await applicationAt(api, 'induction');
  const longAgo = await applicationAt(api, 'onboarded');
  api.db.update(inductionBookings).set({ startDate: '2024-06-01' }).where(eq(inductionBookings.applicationId, longAgo.id)).run();
  return { mentoring, onboarded, induction, longAgo };
}

const versionOf = (api: Api, id: number) =>
  api.db.select({ v: applications.version }).from(applications).where(eq(applications.id, id)).get()!.v;
const invitationMessages = (api: Api) =>
  api.db
    .select({ template: outbox.template, to: outbox.toAddress, applicationId: outbox.applicationId, subject: outbox.subject })
    .from(outbox)
    .where(eq(outbox.template, 'joiner_development_day_invited'))
    .orderBy(asc(outbox.applicationId))
    .all();

describe('development days', () => {
  it('a coordinator adds a day; coordinators, resourcing and the admin read it; others may not', async () => {
    const api = await setupApi();
    const day = await newDay(api, { place: '  Peel Centre, Hendon  ' });
    expect(day).toEqual({
      id: day.id,
      ...spring,
      status: 'scheduled',
      version: 1,
      invited: 0,
      attended: 0,
      didNotAttend: 0,
      toInvite: 0,
      invitations: [],
    });
    for (const who of ['coordinator', 'resourcing', 'admin'] as const)
      expect(await api.as[who].developmentDays.list({})).toEqual([day]);
    expect((await refusal(api.as.leadMetcc.developmentDays.list({}))).code).toBe('FORBIDDEN');
    expect((await refusal(api.as.resourcing.developmentDays.create(spring))).code).toBe('FORBIDDEN');
    expect((await refusal(api.as.resourcing.developmentDays.invite({ id: day.id }))).code).toBe('FORBIDDEN');
  });

  it('refuses a day in the past, and a place or title too short, every problem at once', async () => {
    const api = await setupApi();
    const err = await refusal(newDay(api, { heldOn: '2026-11-22', place: 'H', title: '' }));
    expect(err.code).toBe('BAD_REQUEST');
    expect(err.fieldCodes).toEqual({
      heldOn: ['development_days.held_in_past'],
      place: ['development_days.place_length'],
      title: ['development_days.title_length'],
    });
  });

  it('invites the joiners in their first two years at mentoring or onboarded, once each, with an event and a message', async () => {
    const api = await setupApi();
    const j = await joiners(api);
    const day = await newDay(api);
    expect((await api.as.coordinator.developmentDays.list({}))[0]).toMatchObject({ toInvite: 2, invited: 0 });
    const before = { mentoring: versionOf(api, j.mentoring.id), onboarded: versionOf(api, j.onboarded.id) };

    const first = await api.as.coordinator.developmentDays.invite({ id: day.id });
    expect(first.invitedNow).toBe(2);
    expect(first.day).toMatchObject({ invited: 2, toInvite: 0, version: 1 });
    expect(first.day.invitations.map((i) => i.applicationId).sort()).toEqual([j.mentoring.id, j.onboarded.id].sort());
    expect(first.day.invitations[0]).toMatchObject({ attendance: null, attendanceReason: null, startDate: expect.any(String) });
    expect(invitationMessages(api)).toEqual(
      [j.mentoring, j.onboarded]
        .sort((a, b) => a.id - b.id)
        .map((c) => ({
          template: 'joiner_development_day_invited',
          to: c.email,
          applicationId: c.id,
          subject: 'You are invited to a development day: 10 March 2027',
        })),
    );
    for (const c of [j.mentoring, j.onboarded]) {
      const events = api.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, c.id)).all();
      expect(events.at(-1)).toMatchObject({
        type: 'development_day_invited',
        actorId: api.actors.coordinator.id,
        details: { dayId: day.id, heldOn: spring.heldOn, place: spring.place, title: spring.title },
      });
    }
    expect(versionOf(api, j.mentoring.id)).toBe(before.mentoring + 1);
    expect(versionOf(api, j.onboarded.id)).toBe(before.onboarded + 1);
    // The history reads it in words, to the coordinator too.
    const history = await api.as.coordinator.applications.history({ id: j.mentoring.id });
    expect(history.items[0]).toMatchObject({ type: 'development_day_invited' });

    // Again: no one new, nothing queued twice.
    const again = await api.as.coordinator.developmentDays.invite({ id: day.id });
    expect(again.invitedNow).toBe(0);
    expect(invitationMessages(api)).toHaveLength(2);
    expect(api.db.select().from(developmentDayInvitations).all()).toHaveLength(2);

    // A joiner who becomes due later is invited by the next call, alone.
    const late = await applicationAt(api, 'mentoring');
    expect((await api.as.coordinator.developmentDays.invite({ id: day.id })).invitedNow).toBe(1);
    expect(invitationMessages(api).map((m) => m.applicationId)).toContain(late.id);
  });

  it('records attendance on or after the day, of those invited, with a reason for those who did not come', async () => {
    const api = await setupApi();
    const j = await joiners(api);
    const day = await newDay(api);
    await api.as.coordinator.developmentDays.invite({ id: day.id });
    const record = (over: { applicationId: number; attended: boolean; reason?: string }, at = new Date('2027-03-10T17:00:00Z')) =>
      api.asAt(at).coordinator.developmentDays.recordAttendance({ dayId: day.id, ...over });

    const early = await refusal(record({ applicationId: j.mentoring.id, attended: true }, new Date('2027-03-09T12:00:00Z')));
    expect([early.code, early.unmet]).toEqual(['PRECONDITION_FAILED', ['development_days.not_yet_held']]);
    const stranger = await refusal(record({ applicationId: j.induction.id, attended: true }));
    expect([stranger.code, stranger.unmet]).toEqual(['PRECONDITION_FAILED', ['development_days.not_invited']]);
    const noReason = await refusal(record({ applicationId: j.onboarded.id, attended: false }));
    expect([noReason.code, noReason.fieldCodes]).toEqual(['BAD_REQUEST', { reason: ['development_days.reason_needed'] }]);

    await record({ applicationId: j.mentoring.id, attended: true });
    const after = await record({ applicationId: j.onboarded.id, attended: false, reason: 'On a rest day.' });
    expect(after).toMatchObject({ invited: 2, attended: 1, didNotAttend: 1 });
    expect(after.invitations.find((i) => i.applicationId === j.onboarded.id)).toMatchObject({
      attendance: 'did_not_attend',
      attendanceReason: 'On a rest day.',
    });
    expect(
      api.db.select().from(developmentDayInvitations).where(eq(developmentDayInvitations.applicationId, j.mentoring.id)).get(),
    ).toMatchObject({ attendance: 'attended', attendanceReason: null, recordedBy: api.actors.coordinator.id });
    // Past the day it cannot be changed or invited to any more.
    const later = api.asAt(new Date('2027-03-11T10:00:00Z')).coordinator.developmentDays;
    expect((await refusal(later.invite({ id: day.id }))).unmet).toEqual(['development_days.already_held']);
    expect((await refusal(later.update({ id: day.id, expectedVersion: 1, ...spring, title: 'Renamed' }))).unmet).toEqual([
      'development_days.already_held',
    ]);
  });

  it('changes and cancels at the version read: a stale version is CONFLICT with the day as it is', async () => {
    const api = await setupApi();
    const day = await newDay(api);
    const c = api.as.coordinator.developmentDays;
    const changed = await c.update({ id: day.id, expectedVersion: 1, ...spring, place: 'Hendon', title: 'Spring day' });
    expect(changed).toMatchObject({ place: 'Hendon', title: 'Spring day', version: 2 });
    const stale = await refusal(c.cancel({ id: day.id, expectedVersion: 1 }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.current).toMatchObject({ id: day.id, version: 2, title: 'Spring day', status: 'scheduled' });
    const cancelled = await api.as.admin.developmentDays.cancel({ id: day.id, expectedVersion: 2 });
    expect(cancelled).toMatchObject({ status: 'cancelled', version: 3, toInvite: 0 });
    expect((await refusal(c.invite({ id: day.id }))).unmet).toEqual(['development_days.cancelled']);
    expect((await refusal(c.cancel({ id: day.id, expectedVersion: 3 }))).unmet).toEqual(['development_days.cancelled']);
    expect(await c.list({})).toEqual([]);
    expect(await c.list({ includeCancelled: true })).toEqual([cancelled]);
    expect((await refusal(c.update({ id: 999, expectedVersion: 1, ...spring }))).code).toBe('NOT_FOUND');
  });
});
