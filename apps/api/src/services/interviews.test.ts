import type { PublishSlotsInput, UnitCode } from '@muster/contracts';
import { applicationEvents, interviews, panelSeats, users, venues, type Db } from '@muster/db';
import { londonDateTime } from '@muster/domain';
import { TRPCError } from '@trpc/server';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createContextInner, type SessionActor } from '../trpc/context.ts';
import { createCallerFactory } from '../trpc/init.ts';
import { appRouter } from '../routers/_app.ts';
import { applicationAt, setupApi } from '../testing.ts';
import { insertUser } from './auth.ts';

type Api = Awaited<ReturnType<typeof setupApi>>;

/** Monday 30 November 2026, 10:00 London (GMT): the clock of these tests. */
const monday = new Date('2026-11-30T10:00:00Z');

/** A panel member of `unit`, signed in: a caller through the real routers. */
function panelMember(api: Api, name: string, unit: UnitCode, maxPerDay = 4) {
  const id = insertUser(api.db, {
    email: `${name.toLowerCase().replaceAll(' ', '.')}@muster.test`,
    name,
    role: 'panel_member',
    units: [unit],
    passwordHash: 'x',
  });
  api.db.update(users).set({ maxInterviewsPerDay: maxPerDay }).where(eq(users.id, id)).run();
  const actor: SessionActor = {
    id,
    email: `${name}@muster.test`,
    name,
    role: 'panel_member',
    units: [unit],
    tokenHash: `t-${id}`,
  };
  const caller = createCallerFactory(appRouter)(
    createContextInner({ db: api.db, config: api.config, logger: api.logger, actor, now: () => api.clock.now }),
  );
  return { id, caller };
}

const venueFor = (db: Db, unit: UnitCode | null = null) => {
  const v = db
    .select()
    .from(venues)
    .orderBy(asc(venues.id))
    .all()
    .find((x) => x.unitCode === unit);
  if (!v) throw new Error(`no venue for ${unit}`);
  return v.id;
};

/** One 90-minute slot at `time` London on `date`. */
const oneSlot = (db: Db, unit: UnitCode, panel: number[], date = '2026-12-01', time = '09:00'): PublishSlotsInput => ({
  unit,
  venueId: venueFor(db, unit === 'METCC' ? 'METCC' : null),
  panel,
  dates: [date],
  startTime: time,
  lengthMinutes: 90,
});

async function rejection(call: Promise<unknown>) {
  try {
    await call;
  } catch (e) {
    if (e instanceof TRPCError) {
      const cause = e.cause as { details?: { unmet?: { code: string; message: string }[]; fieldCodes?: unknown } } | undefined;
      return {
        code: e.code,
        message: e.message,
        unmet: cause?.details?.unmet?.map((u) => u.code) ?? [],
        details: cause?.details,
      };
    }
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('publishing slots', () => {
  it('publishes a morning series in London time for the unit a lead leads, with its panel', async () => {
    const api = await setupApi({ now: monday });
    const pat = panelMember(api, 'Pat Panel', 'METCC');
    const slots = await api.as.leadMetcc.interviews.publishSlots({
      ...oneSlot(api.db, 'METCC', [api.actors.leadMetcc.id, pat.id]),
      dates: ['2026-12-01', '2026-12-02'],
      repeat: { until: '13:00', everyMinutes: 90 },
    });
    expect(slots.map((s) => [londonDateTime(s.startsAt), londonDateTime(s.endsAt).time])).toEqual([
      [{ date: '2026-12-01', time: '09:00' }, '10:30'],
      [{ date: '2026-12-01', time: '10:30' }, '12:00'],
      [{ date: '2026-12-02', time: '09:00' }, '10:30'],
      [{ date: '2026-12-02', time: '10:30' }, '12:00'],
    ]);
    expect(slots[0]).toMatchObject({ unit: 'METCC', status: 'open', interview: null, venue: { name: 'MetCC Lambeth' } });
    expect(slots[0]?.panel.map((p) => p.name).sort()).toEqual(['Mo METCC Lead', 'Pat Panel']);
    // The panel member sees the slots they sit on.
    expect(await pat.caller.interviews.slots({ from: '2026-12-01' })).toHaveLength(4);
  });

  it('refuses a lead another unit, a panel member, a coordinator; resourcing schedules any unit', async () => {
    const api = await setupApi({ now: monday });
    const pat = panelMember(api, 'Pat Panel', 'METCC');
    const input = oneSlot(api.db, 'METCC', [api.actors.leadMetcc.id]);
    expect((await rejection(api.as.leadTsg.interviews.publishSlots(input))).code).toBe('FORBIDDEN');
    expect((await rejection(pat.caller.interviews.publishSlots(input))).code).toBe('FORBIDDEN');
    expect((await rejection(api.as.coordinator.interviews.publishSlots(input))).code).toBe('FORBIDDEN');
    // SNT has no lead: resourcing publishes for it, and sits on its panel.
    const snt = await api.as.resourcing.interviews.publishSlots(oneSlot(api.db, 'SNT', [api.actors.resourcing.id]));
    expect(snt).toHaveLength(1);
  });

  it('refuses a panel of people who cannot sit on the unit’s panels, a past time, and too many slots — writing nothing', async () => {
    const api = await setupApi({ now: monday });
    const tsgPanel = panelMember(api, 'Tess TSG', 'TSG');
    const lead = api.as.leadMetcc.interviews;
    const panelRefusal = await rejection(lead.publishSlots(oneSlot(api.db, 'METCC', [tsgPanel.id])));
    expect(panelRefusal.details?.fieldCodes).toEqual({ panel: ['slots.panel_unknown'] });
    const past = await rejection(lead.publishSlots(oneSlot(api.db, 'METCC', [api.actors.leadMetcc.id], '2026-11-30', '09:00')));
    expect(past.details?.fieldCodes).toEqual({ dates: ['slots.in_past'] });
    const days = Array.from({ length: 31 }, (_, i) => `2027-01-${String(i + 1).padStart(2, '0')}`);
    const many = await rejection(
      lead.publishSlots({
        ...oneSlot(api.db, 'METCC', [api.actors.leadMetcc.id]),
        dates: days,
        startTime: '08:00',
        lengthMinutes: 15,
        repeat: { until: '18:00', everyMinutes: 15 },
      }),
    );
    expect(many.message).toContain('publish at most 200 at a time');
    expect(await api.as.resourcing.interviews.slots({ from: '2026-11-30', to: '2027-02-28' })).toEqual([]);
  });
});

describe('booking an interview', () => {
  it('books a case at interview into a free slot of its unit: the case’s history says so and the slot is taken', async () => {
    const api = await setupApi({ now: monday });
    const c = await applicationAt(api, 'interview');
    const [slot] = await api.as.leadMetcc.interviews.publishSlots(oneSlot(api.db, 'METCC', [api.actors.leadMetcc.id]));
    if (!slot) throw new Error('no slot');
    const booked = await api.as.leadMetcc.interviews.book({ id: c.id, expectedVersion: c.version, slotId: slot.id });
    expect(booked.version).toBe(c.version + 1);
    const [event] = api.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, c.id)).all().slice(-1);
    expect(event).toMatchObject({ type: 'interview_booked', actorId: api.actors.leadMetcc.id });
    expect(event?.details).toMatchObject({ slotId: slot.id, venue: 'MetCC Lambeth', panel: ['Mo METCC Lead'] });
    const [after] = await api.as.leadMetcc.interviews.slots({ from: '2026-12-01', to: '2026-12-01' });
    expect(after?.interview).toMatchObject({ applicationId: c.id, reference: c.reference, status: 'booked' });
    expect(await api.as.leadMetcc.interviews.slots({ from: '2026-12-01', to: '2026-12-01', isFree: true })).toEqual([]);
  });

  it('refuses with every reason at once, and writes nothing', async () => {
    const api = await setupApi({ now: monday });
    const lead = api.as.resourcing.interviews;
    const first = await applicationAt(api, 'interview', 'METCC');
    const tsg = await applicationAt(api, 'interview', 'TSG');
    const [slot] = await lead.publishSlots(oneSlot(api.db, 'METCC', [api.actors.resourcing.id]));
    if (!slot) throw new Error('no slot');
    await lead.book({ id: first.id, expectedVersion: first.version, slotId: slot.id });
    api.clock.now = new Date('2026-12-01T09:30:00Z');
    const refused = await rejection(lead.book({ id: tsg.id, expectedVersion: tsg.version, slotId: slot.id }));
    expect(refused.code).toBe('PRECONDITION_FAILED');
    expect(refused.unmet).toEqual(['booking.slot_taken', 'booking.slot_in_past', 'booking.slot_other_unit']);
    expect(api.db.select().from(interviews).all()).toHaveLength(1);
  });

  it('refuses a panel member on two interviews at once in any unit, and past their most a day', async () => {
    const api = await setupApi({ now: monday });
    const r = api.as.resourcing.interviews;
    const rita = api.actors.resourcing.id;
    const a = await applicationAt(api, 'interview', 'METCC');
    const b = await applicationAt(api, 'interview', 'SNT');
    const [metcc] = await r.publishSlots(oneSlot(api.db, 'METCC', [rita], '2026-12-01', '09:00'));
    const [snt] = await r.publishSlots(oneSlot(api.db, 'SNT', [rita], '2026-12-01', '10:00'));
    if (!metcc || !snt) throw new Error('no slots');
    await r.book({ id: a.id, expectedVersion: a.version, slotId: metcc.id });
    const clash = await rejection(r.book({ id: b.id, expectedVersion: b.version, slotId: snt.id }));
    expect(clash.unmet).toEqual(['booking.panel_clash']);
    expect(clash.details?.unmet).toEqual([
      expect.objectContaining({ message: 'Rita Resourcing is on another interview from 09:00 to 10:30 that day.' }),
    ]);

    api.db.update(users).set({ maxInterviewsPerDay: 1 }).where(eq(users.id, rita)).run();
    const [later] = await r.publishSlots(oneSlot(api.db, 'SNT', [rita], '2026-12-01', '14:00'));
    if (!later) throw new Error('no slot');
    expect((await rejection(r.book({ id: b.id, expectedVersion: b.version, slotId: later.id }))).unmet).toEqual([
      'booking.panel_daily_maximum',
    ]);
  });

  it('refuses a TSG interview until the TSG mentor and the base visit are recorded', async () => {
    const api = await setupApi({ now: monday });
    const reached = await applicationAt(api, 'interview', 'TSG');
    const mentorId = reached.tsgPreAssessment?.mentor?.id ?? 0;
    // Recorded at review; the TSG lead takes it back at interview (the mentor left, the visit is to redo).
    const c = await api.as.leadTsg.applications.recordTsgPreAssessment({
      id: reached.id,
      expectedVersion: reached.version,
      mentorId: null,
      hasBaseVisit: false,
    });
    expect(c.tsgPreAssessment).toMatchObject({ mentor: null, hasBaseVisit: false, recordedBy: 'Tom TSG Lead' });
    const [slot] = await api.as.leadTsg.interviews.publishSlots({
      ...oneSlot(api.db, 'TSG', [api.actors.leadTsg.id]),
      venueId: venueFor(api.db, 'TSG'),
    });
    if (!slot) throw new Error('no slot');
    const refusal = await rejection(api.as.leadTsg.interviews.book({ id: c.id, expectedVersion: c.version, slotId: slot.id }));
    expect(refusal.unmet).toEqual(['booking.tsg_pre_assessment']);
    const ready = await api.as.leadTsg.applications.recordTsgPreAssessment({
      id: c.id,
      expectedVersion: c.version,
      mentorId,
      hasBaseVisit: true,
    });
    const booked = await api.as.leadTsg.interviews.book({ id: c.id, expectedVersion: ready.version, slotId: slot.id });
    expect(booked.interviewBookings.map((b) => b.status)).toEqual(['booked']);
  });

  it('lets only who may record the interview book it: not another unit’s lead, a coordinator or a panel member', async () => {
    const api = await setupApi({ now: monday });
    const pat = panelMember(api, 'Pat Panel', 'METCC');
    const c = await applicationAt(api, 'interview');
    const [slot] = await api.as.leadMetcc.interviews.publishSlots(oneSlot(api.db, 'METCC', [pat.id]));
    if (!slot) throw new Error('no slot');
    const input = { id: c.id, expectedVersion: c.version, slotId: slot.id };
    expect((await rejection(api.as.leadTsg.interviews.book(input))).code).toBe('FORBIDDEN');
    expect((await rejection(api.as.coordinator.interviews.book(input))).code).toBe('FORBIDDEN');
    expect((await rejection(pat.caller.interviews.book(input))).code).toBe('FORBIDDEN');
    expect((await rejection(api.as.admin.interviews.book(input))).code).toBe('FORBIDDEN');
    // A panel member never opens the case itself.
    expect((await rejection(pat.caller.applications.get({ id: c.id }))).code).toBe('FORBIDDEN');
    expect((await pat.caller.applications.list({})).items).toEqual([]);
  });
});

describe('the database keeps the schedule clash-free whatever a service checks', () => {
  it('refuses a second seat for one person at an overlapping time, past their daily maximum, and a second booking of a slot', async () => {
    const api = await setupApi({ now: monday });
    const r = api.as.resourcing.interviews;
    const rita = api.actors.resourcing.id;
    const a = await applicationAt(api, 'interview', 'METCC');
    const b = await applicationAt(api, 'interview', 'METCC');
    const [s1, s2] = await r.publishSlots({ ...oneSlot(api.db, 'METCC', [rita]), dates: ['2026-12-01', '2026-12-02'] });
    if (!s1 || !s2) throw new Error('no slots');
    await r.book({ id: a.id, expectedVersion: a.version, slotId: s1.id });
    const [seat] = api.db.select().from(panelSeats).all();
    if (!seat) throw new Error('no seat');
    const other = api.db
      .insert(interviews)
      .values({ slotId: s2.id, applicationId: b.id, bookedBy: rita, bookedAt: monday.toISOString(), calendarUid: 'u2' })
      .returning()
      .get();
    const overlapping = { interviewId: other.id, userId: rita, startsAt: seat.startsAt, endsAt: seat.endsAt, day: seat.day };
    expect(() => api.db.insert(panelSeats).values(overlapping).run()).toThrow(/overlapping interview/);
    api.db.update(users).set({ maxInterviewsPerDay: 1 }).where(eq(users.id, rita)).run();
    const sameDayLater = { ...overlapping, startsAt: '2026-12-01T15:00:00.000Z', endsAt: '2026-12-01T16:00:00.000Z' };
    expect(() => api.db.insert(panelSeats).values(sameDayLater).run()).toThrow(/most interviews in a day/);
    expect(() =>
      api.db
        .insert(interviews)
        .values({ slotId: s1.id, applicationId: b.id, bookedBy: rita, bookedAt: monday.toISOString(), calendarUid: 'u3' })
        .run(),
    ).toThrow(/UNIQUE/);
  });
});

describe('rescheduling, cancelling and attendance', () => {
  it('reschedules into another slot (the old one freed, the sequence raised), cancels with a reason, and records a no-show', async () => {
    const api = await setupApi({ now: monday });
    const lead = api.as.leadMetcc.interviews;
    const mo = api.actors.leadMetcc.id;
    let c = await applicationAt(api, 'interview');
    const [s1, s2] = await lead.publishSlots({ ...oneSlot(api.db, 'METCC', [mo]), dates: ['2026-12-01', '2026-12-03'] });
    if (!s1 || !s2) throw new Error('no slots');
    c = await lead.book({ id: c.id, expectedVersion: c.version, slotId: s1.id });
    expect((await rejection(lead.reschedule({ id: c.id, expectedVersion: c.version, slotId: s2.id, reason: 'x' }))).code).toBe(
      'BAD_REQUEST',
    );
    c = await lead.reschedule({ id: c.id, expectedVersion: c.version, slotId: s2.id, reason: 'Candidate on a course that week' });
    // The case page lists the bookings, the one to come first.
    expect(c.interviewBookings.map((b) => [b.status, londonDateTime(b.startsAt).date, b.venue, b.endedReason])).toEqual([
      ['booked', '2026-12-03', 'MetCC Lambeth', null],
      ['cancelled', '2026-12-01', 'MetCC Lambeth', 'Candidate on a course that week'],
    ]);
    const rows = api.db.select().from(interviews).orderBy(asc(interviews.id)).all();
    expect(rows.map((i) => [i.slotId, i.status, i.sequence, i.calendarUid])).toEqual([
      [s1.id, 'cancelled', 1, rows[0]?.calendarUid],
      [s2.id, 'booked', 2, rows[0]?.calendarUid],
    ]);
    expect(await lead.slots({ from: '2026-12-01', to: '2026-12-01', isFree: true })).toHaveLength(1);
    expect(
      api.db
        .select()
        .from(panelSeats)
        .all()
        .map((s) => s.interviewId),
    ).toEqual([rows[1]?.id]);

    // Attendance waits for the interview to start.
    expect(
      (await rejection(lead.recordAttendance({ id: c.id, expectedVersion: c.version, attended: false, reason: 'No show' })))
        .details?.fieldCodes,
    ).toEqual({
      attended: ['booking.slot_in_past'],
    });
    api.clock.now = new Date('2026-12-03T10:00:00Z');
    expect(
      (await rejection(lead.recordAttendance({ id: c.id, expectedVersion: c.version, attended: false }))).details?.fieldCodes,
    ).toEqual({
      reason: ['move.reason_missing'],
    });
    c = await lead.recordAttendance({ id: c.id, expectedVersion: c.version, attended: false, reason: 'Did not arrive; no call' });
    const types = api.db
      .select({ type: applicationEvents.type })
      .from(applicationEvents)
      .where(eq(applicationEvents.applicationId, c.id))
      .all();
    expect(types.map((t) => t.type).slice(-3)).toEqual(['interview_booked', 'interview_rescheduled', 'interview_not_attended']);

    // The case waits for a slot again; it can be booked afresh, and cancelled.
    const [s3] = await lead.publishSlots(oneSlot(api.db, 'METCC', [mo], '2026-12-07'));
    if (!s3) throw new Error('no slot');
    c = await lead.book({ id: c.id, expectedVersion: c.version, slotId: s3.id });
    c = await lead.cancel({ id: c.id, expectedVersion: c.version, reason: 'Candidate withdrew from this round' });
    expect(
      api.db
        .select()
        .from(interviews)
        .where(eq(interviews.applicationId, c.id))
        .all()
        .map((i) => i.status),
    ).toEqual(['cancelled', 'did_not_attend', 'cancelled']);
    expect((await rejection(lead.cancel({ id: c.id, expectedVersion: c.version, reason: 'again' }))).unmet).toEqual([
      'booking.case_not_at_interview',
    ]);
  });

  it('lets a slot be changed or withdrawn only while nobody is booked into it, at the version read', async () => {
    const api = await setupApi({ now: monday });
    const lead = api.as.leadMetcc.interviews;
    const mo = api.actors.leadMetcc.id;
    const c = await applicationAt(api, 'interview');
    const [s1, s2] = await lead.publishSlots({ ...oneSlot(api.db, 'METCC', [mo]), dates: ['2026-12-01', '2026-12-02'] });
    if (!s1 || !s2) throw new Error('no slots');
    const moved = await lead.updateSlot({
      id: s2.id,
      expectedVersion: s2.version,
      venueId: s2.venue.id,
      panel: [mo],
      date: '2026-12-02',
      startTime: '14:00',
      lengthMinutes: 60,
    });
    expect(londonDateTime(moved.startsAt).time).toBe('14:00');
    expect((await rejection(lead.withdrawSlot({ id: s2.id, expectedVersion: s2.version }))).code).toBe('CONFLICT');
    await lead.book({ id: c.id, expectedVersion: c.version, slotId: s1.id });
    expect((await rejection(lead.withdrawSlot({ id: s1.id, expectedVersion: s1.version }))).unmet).toEqual(['slots.booked']);
    expect((await lead.withdrawSlot({ id: s2.id, expectedVersion: moved.version })).status).toBe('withdrawn');
    expect((await rejection(api.as.leadTsg.interviews.withdrawSlot({ id: s1.id, expectedVersion: s1.version }))).code).toBe(
      'FORBIDDEN',
    );
  });
});

describe('the agenda', () => {
  it('shows a lead their units’ interviews and the cases waiting for a slot; a panel member only theirs; others nothing', async () => {
    const api = await setupApi({ now: monday });
    const pat = panelMember(api, 'Pat Panel', 'METCC');
    const lead = api.as.leadMetcc.interviews;
    const waiting = await applicationAt(api, 'interview', 'METCC');
    const booked = await applicationAt(api, 'interview', 'METCC');
    await applicationAt(api, 'interview', 'TSG');
    const [withPat, without] = await lead.publishSlots({
      ...oneSlot(api.db, 'METCC', [pat.id]),
      dates: ['2026-12-01', '2026-12-02'],
    });
    if (!withPat || !without) throw new Error('no slots');
    await lead.updateSlot({
      id: without.id,
      expectedVersion: without.version,
      venueId: without.venue.id,
      panel: [api.actors.leadMetcc.id],
      date: '2026-12-02',
      startTime: '09:00',
      lengthMinutes: 90,
    });
    await lead.book({ id: booked.id, expectedVersion: booked.version, slotId: withPat.id });

    const mine = await lead.agenda();
    expect(mine.upcoming.map((i) => i.application.id)).toEqual([booked.id]);
    expect(mine.waiting.map((w) => w.id)).toEqual([waiting.id]);
    expect((await api.as.resourcing.interviews.agenda()).waiting).toHaveLength(2);
    const patAgenda = await pat.caller.interviews.agenda();
    expect(patAgenda.upcoming.map((i) => [i.application.reference, i.panel.map((p) => p.name)])).toEqual([
      [booked.reference, ['Pat Panel']],
    ]);
    expect(patAgenda.waiting).toEqual([]);
    expect(await api.as.coordinator.interviews.agenda()).toEqual({
      upcoming: [],
      waiting: [],
      attendanceToRecord: [],
      outcomesToRecord: [],
      scorecardsDue: [],
    });

    api.clock.now = new Date('2026-12-01T09:05:00Z');
    expect((await lead.agenda()).attendanceToRecord.map((i) => i.application.id)).toEqual([booked.id]);

    // A free slot stops being offered once it has started.
    expect((await lead.slots({ from: '2026-12-01', isFree: true })).map((x) => x.id)).toEqual([without.id]);
    api.clock.now = new Date('2026-12-02T09:05:00Z');
    expect(await lead.slots({ from: '2026-12-01', isFree: true })).toEqual([]);
  });
});

describe('what the admin manages for interviews', () => {
  it('a retired place is offered for no new slot; a limit of interviews a day is set per person and enforced', async () => {
    const api = await setupApi({ now: monday });
    const metccVenue = venueFor(api.db, 'METCC');
    await api.as.admin.admin.retireVenue({ id: metccVenue });
    expect((await api.as.leadMetcc.interviews.venues()).map((v) => v.id)).not.toContain(metccVenue);
    const refused = await rejection(
      api.as.leadMetcc.interviews.publishSlots(oneSlot(api.db, 'METCC', [api.actors.leadMetcc.id])),
    );
    expect(refused.details?.fieldCodes).toEqual({ venueId: ['slots.venue_unknown'] });
    const again = await api.as.admin.admin.addVenue({
      name: 'MetCC Lambeth',
      address: '109 Lambeth Road, London SE1 7LP',
      unit: 'METCC',
    });
    expect(again.id).toBe(metccVenue);
    expect(
      (await rejection(api.as.admin.admin.addVenue({ name: 'MetCC Lambeth', address: 'x y z', unit: null }))).details?.fieldCodes,
    ).toEqual({
      name: ['venues.already_listed'],
    });

    expect(
      (await rejection(api.as.admin.admin.setInterviewLimit({ userId: api.actors.coordinator.id, maxInterviewsPerDay: 3 })))
        .details?.fieldCodes,
    ).toEqual({
      userId: ['users.not_a_panellist'],
    });
    await api.as.admin.admin.setInterviewLimit({ userId: api.actors.leadMetcc.id, maxInterviewsPerDay: 1 });
    const [a, b] = [await applicationAt(api, 'interview'), await applicationAt(api, 'interview')];
    const slots = await api.as.leadMetcc.interviews.publishSlots({
      ...oneSlot(api.db, 'METCC', [api.actors.leadMetcc.id]),
      repeat: { until: '13:00', everyMinutes: 90 },
    });
    await api.as.leadMetcc.interviews.book({ id: a.id, expectedVersion: a.version, slotId: slots[0]?.id ?? 0 });
    expect(
      (await rejection(api.as.leadMetcc.interviews.book({ id: b.id, expectedVersion: b.version, slotId: slots[1]?.id ?? 0 })))
        .unmet,
    ).toEqual(['booking.panel_daily_maximum']);
  });
});
