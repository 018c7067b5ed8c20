import { randomUUID } from 'node:crypto';
import type {
  Agenda,
  AgendaInterview,
  ApplicationDetail,
  BookInterviewInput,
  CancelInterviewInput,
  Panellist,
  PanellistsInput,
  PublishSlotsInput,
  RecordAttendanceInput,
  RescheduleInterviewInput,
  Slot,
  SlotsInput,
  UnitCode,
  UpdateSlotInput,
  Venue,
  WithdrawSlotInput,
} from '@muster/contracts';
import {
  applications,
  interviewOutcomes,
  interviews,
  interviewSlots,
  panelSeats,
  slotPanel,
  userUnits,
  users,
  venues,
} from '@muster/db';
import {
  assertCurrentVersion,
  assertMaySchedule,
  bookingUnmet,
  daysBetween,
  DomainError,
  fieldError,
  londonDateTime,
  londonInstant,
  maySitOnPanel,
  minutesOf,
  preconditionFailed,
  refuse,
  scorecardState,
  slotSeriesTimes,
  timeOf,
  tsgPreAssessment,
  type Interval,
} from '@muster/domain';
import { and, asc, eq, gt, gte, inArray, isNull, lt, ne, notExists, or, sql, type SQL } from 'drizzle-orm';
import { appendEvent, bumpVersion, type LoadedApplication, type Tx } from './application-store.ts';
import { queueInterviewMessages } from './messages.ts';
import { scorecardsDueFor } from './scorecards.ts';
import { writeApplication } from './application-write.ts';
import type { ServiceCtx } from './service-ctx.ts';

/** The most slots one publish may create (a month of mornings at three a morning is about 90). */
export const maxSlotsPerPublish = 200;

const at = (ctx: ServiceCtx) => ctx.now().toISOString();

/* ---------- slots ---------- */

function venueOf(tx: Tx, venueId: number): Venue {
  const v = tx.select().from(venues).where(eq(venues.id, venueId)).get();
  if (!v || !v.isActive) throw fieldError('venueId', 'Choose a place from the list.', 'slots.venue_unknown');
  return { id: v.id, name: v.name, address: v.address, unit: v.unitCode };
}

/** The panel, each checked to be someone who may sit on this unit's panels. */
function panelOf(tx: Tx, unit: UnitCode, ids: readonly number[]) {
  const rows = tx
    .select({ id: users.id, name: users.name, role: users.role, isActive: users.isActive })
    .from(users)
    .where(inArray(users.id, [...ids]))
    .all();
  const unitsOf = new Map<number, UnitCode[]>();
  for (const u of tx
    .select()
    .from(userUnits)
    .where(inArray(userUnits.userId, [...ids]))
    .all())
    unitsOf.set(u.userId, [...(unitsOf.get(u.userId) ?? []), u.unitCode]);
  const members = ids.map((id) => rows.find((r) => r.id === id));
  const wrong = members.filter((m, i) => !m || !maySitOnPanel({ ...m, units: unitsOf.get(ids[i] ?? -1) ?? [] }, unit));
  if (wrong.length)
    throw fieldError(
      'panel',
      `Choose panel members from ${unit}'s leads and panel members, or the resourcing team.`,
      'slots.panel_unknown',
    );
  return members.filter((m) => m !== undefined);
}

/** Publishes one slot a day, or a series, for a unit; all or none. */
export function publishSlots(ctx: ServiceCtx, input: PublishSlotsInput): Slot[] {
  assertMaySchedule(ctx.actor, input.unit);
  const times = timesOf(input);
  if (!times.length) throw fieldError('repeat', 'No slot fits: the first one would end after the series ends.', 'slots.too_many');
  if (times.length > maxSlotsPerPublish)
    throw fieldError(
      'dates',
      `That would publish ${times.length} slots; publish at most ${maxSlotsPerPublish} at a time.`,
      'slots.too_many',
    );
  const now = at(ctx);
  if (times.some((t) => t.startsAt <= now)) throw fieldError('dates', 'Slots must start in the future.', 'slots.in_past');
  return ctx.db.transaction(
    (tx) => {
      venueOf(tx, input.venueId);
      panelOf(tx, input.unit, input.panel);
      const ids = times.map(
        (t) =>
          tx
            .insert(interviewSlots)
            .values({ unitCode: input.unit, ...t, venueId: input.venueId, createdBy: ctx.actor.id, createdAt: now })
            .returning({ id: interviewSlots.id })
            .get().id,
      );
      for (const slotId of ids) for (const userId of input.panel) tx.insert(slotPanel).values({ slotId, userId }).run();
      return slotsWhere(tx, inArray(interviewSlots.id, ids));
    },
    { behavior: 'immediate' },
  );
}

/** The London times typed, as instants; a time the clocks skip is a field error. */
function timesOf(input: Pick<PublishSlotsInput, 'dates' | 'startTime' | 'lengthMinutes' | 'repeat'>): Interval[] {
  const startMinutes = minutesOf(input.startTime);
  // One slot a day is a series that holds exactly one slot.
  const series = input.repeat ?? { until: timeOf(startMinutes + input.lengthMinutes), everyMinutes: input.lengthMinutes };
  if (startMinutes + input.lengthMinutes >= 24 * 60)
    throw fieldError('lengthMinutes', 'An interview ends before midnight on the day it starts.', 'slots.in_past');
  try {
    return slotSeriesTimes({ dates: input.dates, from: input.startTime, lengthMinutes: input.lengthMinutes, ...series });
  } catch (e) {
    // A time the clocks skip (the night they go forward).
    if (e instanceof RangeError) throw fieldError('startTime', e.message, 'slots.in_past');
    throw e;
  }
}

/** A slot for a change: it exists, the actor schedules its unit, it is at the version read and nobody is booked into it. */
function openSlotFor(ctx: ServiceCtx, tx: Tx, id: number, expectedVersion: number) {
  const slot = tx.select().from(interviewSlots).where(eq(interviewSlots.id, id)).get();
  if (!slot) throw new DomainError('NOT_FOUND', `There is no slot ${id}.`);
  assertMaySchedule(ctx.actor, slot.unitCode);
  assertCurrentVersion(
    slot,
    expectedVersion,
    'Someone else changed this slot. Look at it again before you carry on.',
    () => slotsWhere(tx, eq(interviewSlots.id, id))[0],
  );
  if (slot.status === 'withdrawn') throw refuse('slots.booked', 'This slot was already withdrawn.');
  if (bookingIn(tx, id))
    throw refuse('slots.booked', 'A candidate is booked into this slot: reschedule or cancel that interview first.');
  return slot;
}

export function updateSlot(ctx: ServiceCtx, input: UpdateSlotInput): Slot {
  return ctx.db.transaction(
    (tx) => {
      const slot = openSlotFor(ctx, tx, input.id, input.expectedVersion);
      const [time] = timesOf({ dates: [input.date], startTime: input.startTime, lengthMinutes: input.lengthMinutes });
      if (!time) throw new Error('timesOf gave no time for one date');
      if (time.startsAt <= at(ctx)) throw fieldError('date', 'The slot must start in the future.', 'slots.in_past');
      venueOf(tx, input.venueId);
      panelOf(tx, slot.unitCode, input.panel);
      tx.update(interviewSlots)
        .set({ ...time, venueId: input.venueId, version: slot.version + 1 })
        .where(eq(interviewSlots.id, slot.id))
        .run();
      tx.delete(slotPanel).where(eq(slotPanel.slotId, slot.id)).run();
      for (const userId of input.panel) tx.insert(slotPanel).values({ slotId: slot.id, userId }).run();
      return oneSlot(tx, slot.id);
    },
    { behavior: 'immediate' },
  );
}

export function withdrawSlot(ctx: ServiceCtx, input: WithdrawSlotInput): Slot {
  return ctx.db.transaction(
    (tx) => {
      const slot = openSlotFor(ctx, tx, input.id, input.expectedVersion);
      tx.update(interviewSlots)
        .set({ status: 'withdrawn', version: slot.version + 1 })
        .where(eq(interviewSlots.id, slot.id))
        .run();
      return oneSlot(tx, slot.id);
    },
    { behavior: 'immediate' },
  );
}

const slotColumns = {
  id: interviewSlots.id,
  unit: interviewSlots.unitCode,
  startsAt: interviewSlots.startsAt,
  endsAt: interviewSlots.endsAt,
  status: interviewSlots.status,
  version: interviewSlots.version,
  venue: { id: venues.id, name: venues.name, address: venues.address, unit: venues.unitCode },
};

/** Slots with their panels and bookings, soonest first. */
function slotsWhere(tx: Tx, where: SQL | undefined): Slot[] {
  const rows = tx
    .select(slotColumns)
    .from(interviewSlots)
    .innerJoin(venues, eq(venues.id, interviewSlots.venueId))
    .where(where)
    .orderBy(asc(interviewSlots.startsAt), asc(interviewSlots.id))
    .limit(1000)
    .all();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const panels = tx
    .select({ slotId: slotPanel.slotId, id: users.id, name: users.name })
    .from(slotPanel)
    .innerJoin(users, eq(users.id, slotPanel.userId))
    .where(inArray(slotPanel.slotId, ids))
    .orderBy(asc(users.name))
    .all();
  const booked = tx
    .select({
      slotId: interviews.slotId,
      id: interviews.id,
      applicationId: interviews.applicationId,
      reference: applications.reference,
      status: interviews.status,
    })
    .from(interviews)
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .where(and(inArray(interviews.slotId, ids), ne(interviews.status, 'cancelled')))
    .all();
  return rows.map((r) => {
    const b = booked.find((x) => x.slotId === r.id);
    return {
      ...r,
      panel: panels.filter((p) => p.slotId === r.id).map(({ id, name }) => ({ id, name })),
      interview: b ? { id: b.id, applicationId: b.applicationId, reference: b.reference, status: b.status } : null,
    };
  });
}

function oneSlot(tx: Tx, id: number): Slot {
  const [slot] = slotsWhere(tx, eq(interviewSlots.id, id));
  if (!slot) throw new DomainError('NOT_FOUND', `There is no slot ${id}.`);
  return slot;
}

/** Which slots the actor sees: resourcing and admin all; a lead their units'; a panel member those they sit on. */
function slotScope(ctx: ServiceCtx): SQL | undefined {
  switch (ctx.actor.role) {
    case 'resourcing':
    case 'admin':
      return undefined;
    case 'unit_lead':
      return ctx.actor.units.length ? inArray(interviewSlots.unitCode, [...ctx.actor.units]) : sql`0`;
    case 'panel_member':
      return sql`${interviewSlots.id} IN (SELECT slot_id FROM slot_panel WHERE user_id = ${ctx.actor.id})`;
    case 'coordinator':
      return sql`0`;
  }
}

/** Slots between two London dates (by default from today for four weeks), filtered. */
export function listSlots(ctx: ServiceCtx, input: SlotsInput): Slot[] {
  const today = londonDateTime(ctx.now()).date;
  const from = londonInstant(input.from ?? today, '00:00');
  const to = input.to ? londonInstant(input.to, '23:55') : new Date(Date.parse(from) + 28 * 86_400_000).toISOString();
  return slotsWhere(
    ctx.db,
    and(
      slotScope(ctx),
      gte(interviewSlots.startsAt, from),
      lt(interviewSlots.startsAt, to),
      input.unit ? eq(interviewSlots.unitCode, input.unit) : undefined,
      input.isFree
        ? and(
            eq(interviewSlots.status, 'open'),
            gt(interviewSlots.startsAt, at(ctx)),
            notExists(
              ctx.db
                .select({ id: interviews.id })
                .from(interviews)
                .where(and(eq(interviews.slotId, interviewSlots.id), ne(interviews.status, 'cancelled'))),
            ),
          )
        : undefined,
    ),
  );
}

/** Who may sit on a unit's panels, for the publish form; the actor must schedule that unit. */
export function listPanellists(ctx: ServiceCtx, input: PanellistsInput): Panellist[] {
  assertMaySchedule(ctx.actor, input.unit);
  return ctx.db
    .select({ id: users.id, name: users.name, role: users.role, maxInterviewsPerDay: users.maxInterviewsPerDay })
    .from(users)
    .where(
      and(
        eq(users.isActive, true),
        or(
          eq(users.role, 'resourcing'),
          and(
            inArray(users.role, ['unit_lead', 'panel_member']),
            sql`${users.id} IN (SELECT user_id FROM user_units WHERE unit_code = ${input.unit})`,
          ),
        ),
      ),
    )
    .orderBy(asc(users.name))
    .all();
}

export function listVenues(ctx: ServiceCtx): Venue[] {
  return ctx.db
    .select({ id: venues.id, name: venues.name, address: venues.address, unit: venues.unitCode })
    .from(venues)
    .where(eq(venues.isActive, true))
    .orderBy(asc(venues.name))
    .all();
}

/* ---------- booking ---------- */

/** The interview (not cancelled) in a slot, if any. */
function bookingIn(tx: Tx, slotId: number) {
  return tx
    .select({ id: interviews.id, applicationId: interviews.applicationId })
    .from(interviews)
    .where(and(eq(interviews.slotId, slotId), ne(interviews.status, 'cancelled')))
    .get();
}

/** The candidate's interview still to come, with its slot's times. */
function bookedInterviewOf(tx: Tx, applicationId: number) {
  return tx
    .select({
      id: interviews.id,
      slotId: interviews.slotId,
      startsAt: interviewSlots.startsAt,
      endsAt: interviewSlots.endsAt,
      sequence: interviews.sequence,
      calendarUid: interviews.calendarUid,
    })
    .from(interviews)
    .innerJoin(interviewSlots, eq(interviewSlots.id, interviews.slotId))
    .where(and(eq(interviews.applicationId, applicationId), eq(interviews.status, 'booked')))
    .get();
}

/** Checks every rule for booking `loaded` into `slotId` and writes the booking with its panel's seats. */
function bookInto(
  ctx: ServiceCtx,
  tx: Tx,
  loaded: LoadedApplication,
  slotId: number,
  now: string,
  calendar: { uid: string; sequence: number } = { uid: `${randomUUID()}@muster`, sequence: 0 },
) {
  const slot = tx
    .select({ ...slotColumns })
    .from(interviewSlots)
    .innerJoin(venues, eq(venues.id, interviewSlots.venueId))
    .where(eq(interviewSlots.id, slotId))
    .get();
  if (!slot) throw fieldError('slotId', 'There is no such slot. Choose another.', 'booking.slot_withdrawn');
  const panel = tx
    .select({ id: users.id, name: users.name, dailyMaximum: users.maxInterviewsPerDay })
    .from(slotPanel)
    .innerJoin(users, eq(users.id, slotPanel.userId))
    .where(eq(slotPanel.slotId, slotId))
    .all();
  const seats = panel.length
    ? tx
        .select({ userId: panelSeats.userId, startsAt: panelSeats.startsAt, endsAt: panelSeats.endsAt })
        .from(panelSeats)
        .where(
          and(
            inArray(
              panelSeats.userId,
              panel.map((p) => p.id),
            ),
            // The seats of this slot's own booking, if any, are its `slot_taken`, not a clash.
            sql`${panelSeats.interviewId} NOT IN (SELECT id FROM interviews WHERE slot_id = ${slotId})`,
          ),
        )
        .all()
    : [];
  const booked = bookedInterviewOf(tx, loaded.row.id);
  const unmet = bookingUnmet({
    now: ctx.now(),
    application: {
      stage: loaded.snapshot.stage,
      targetUnit: loaded.snapshot.targetUnit,
      tsgPreAssessment: tsgPreAssessment(loaded.snapshot),
      bookedInterview: booked ?? null,
    },
    slot: { ...slot, isWithdrawn: slot.status === 'withdrawn', isBooked: bookingIn(tx, slotId) !== undefined },
    panel: panel.map((p) => ({ ...p, interviews: seats.filter((s) => s.userId === p.id) })),
  });
  if (unmet.length) throw preconditionFailed('This interview cannot be booked into that slot.', unmet);
  const interview = tx
    .insert(interviews)
    .values({
      slotId,
      applicationId: loaded.row.id,
      bookedBy: ctx.actor.id,
      bookedAt: now,
      calendarUid: calendar.uid,
      sequence: calendar.sequence,
    })
    .returning({ id: interviews.id })
    .get();
  const day = londonDateTime(slot.startsAt).date;
  for (const p of panel)
    tx.insert(panelSeats)
      .values({ interviewId: interview.id, userId: p.id, startsAt: slot.startsAt, endsAt: slot.endsAt, day })
      .run();
  return {
    interviewId: interview.id,
    slotId,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    venue: slot.venue.name,
    panel: panel.map((p) => p.name),
  };
}

/**
 * One write to a case's interview, as every write to a case (`writeApplication`: the actor may record
 * the interview at this stage), with the version bumped after the change. A write that
 * loses a race to the same slot or the same panel member at the database (the unique indexes and
 * the `panel_seats` triggers) is refused as a conflict, with nothing written.
 */
function interviewWrite(
  ctx: ServiceCtx,
  input: { id: number; expectedVersion: number },
  apply: (tx: Tx, loaded: LoadedApplication, now: string) => void,
): ApplicationDetail {
  try {
    return writeApplication(ctx, input, 'interview', (tx, loaded, now) => {
      apply(tx, loaded, now);
      bumpVersion(tx, loaded.row, now);
    });
  } catch (e) {
    if (isConstraint(e))
      throw new DomainError(
        'CONFLICT',
        'Someone booked that slot, or one of its panel, at the same moment. Look at the free slots again.',
      );
    throw e;
  }
}

const isConstraint = (e: unknown) =>
  e instanceof Error &&
  'code' in e &&
  typeof e.code === 'string' &&
  (e.code.startsWith('SQLITE_CONSTRAINT') ||
    (e.code === 'SQLITE_ABORT' && e.message.startsWith('panel_seats')) ||
    e.message.startsWith('panel_seats'));

export function bookInterview(ctx: ServiceCtx, input: BookInterviewInput): ApplicationDetail {
  return interviewWrite(ctx, input, (tx, loaded, now) => {
    const b = bookInto(ctx, tx, loaded, input.slotId, now);
    appendEvent(tx, { applicationId: loaded.row.id, actorId: ctx.actor.id, at: now, type: 'interview_booked', details: b });
    queueInterviewMessages(tx, b.interviewId, 'booked', now);
  });
}

/** The candidate's booked interview, or a refusal saying there is none. */
function currentBooking(tx: Tx, applicationId: number) {
  const booked = bookedInterviewOf(tx, applicationId);
  if (!booked) throw refuse('booking.case_not_at_interview', 'The candidate has no interview booked.');
  return booked;
}

function endBooking(tx: Tx, interviewId: number, status: 'cancelled' | 'attended' | 'did_not_attend', reason: string | null) {
  tx.update(interviews)
    .set({ status, endedReason: reason, sequence: sql`${interviews.sequence} + 1` })
    .where(eq(interviews.id, interviewId))
    .run();
  if (status === 'cancelled') tx.delete(panelSeats).where(eq(panelSeats.interviewId, interviewId)).run();
}

export function rescheduleInterview(ctx: ServiceCtx, input: RescheduleInterviewInput): ApplicationDetail {
  return interviewWrite(ctx, input, (tx, loaded, now) => {
    const old = currentBooking(tx, loaded.row.id);
    if (old.slotId === input.slotId)
      throw fieldError('slotId', 'The interview is already in that slot. Choose another.', 'booking.slot_taken');
    // The old booking gives way first (one booking to come per case); a refusal below rolls it back.
    endBooking(tx, old.id, 'cancelled', input.reason);
    // The calendar moves the event it has: same UID, the sequence raised past the old booking's.
    const b = bookInto(ctx, tx, loaded, input.slotId, now, { uid: old.calendarUid, sequence: old.sequence + 2 });
    appendEvent(tx, {
      applicationId: loaded.row.id,
      actorId: ctx.actor.id,
      at: now,
      type: 'interview_rescheduled',
      reason: input.reason,
      details: { ...b, from: { slotId: old.slotId, startsAt: old.startsAt, endsAt: old.endsAt } },
    });
    queueInterviewMessages(tx, b.interviewId, 'rescheduled', now);
  });
}

export function cancelInterview(ctx: ServiceCtx, input: CancelInterviewInput): ApplicationDetail {
  return interviewWrite(ctx, input, (tx, loaded, now) => {
    const old = currentBooking(tx, loaded.row.id);
    endBooking(tx, old.id, 'cancelled', input.reason);
    appendEvent(tx, {
      applicationId: loaded.row.id,
      actorId: ctx.actor.id,
      at: now,
      type: 'interview_cancelled',
      reason: input.reason,
      details: { interviewId: old.id, slotId: old.slotId, startsAt: old.startsAt, endsAt: old.endsAt },
    });
    queueInterviewMessages(tx, old.id, 'cancelled', now);
  });
}

/** After an interview has started: the candidate attended, or did not (an outcome of its own, with why). */
export function recordAttendance(ctx: ServiceCtx, input: RecordAttendanceInput): ApplicationDetail {
  return interviewWrite(ctx, input, (tx, loaded, now) => {
    const b = currentBooking(tx, loaded.row.id);
    if (b.startsAt > now)
      throw fieldError('attended', 'Attendance is recorded once the interview has started.', 'booking.slot_in_past');
    if (!input.attended && !input.reason)
      throw fieldError('reason', 'Say why the candidate did not attend.', 'move.reason_missing');
    endBooking(tx, b.id, input.attended ? 'attended' : 'did_not_attend', input.reason ?? null);
    appendEvent(tx, {
      applicationId: loaded.row.id,
      actorId: ctx.actor.id,
      at: now,
      type: input.attended ? 'interview_attended' : 'interview_not_attended',
      reason: input.reason ?? null,
      details: { interviewId: b.id, slotId: b.slotId, startsAt: b.startsAt },
    });
  });
}

/* ---------- the agenda ---------- */

/**
 * The interviewer's home. A panel member: the interviews they sit on. A lead: their units'
 * interviews and the cases waiting for a slot. Resourcing: all units.
 */
export function agenda(ctx: ServiceCtx): Agenda {
  const { actor } = ctx;
  const now = at(ctx);
  const todayStart = londonInstant(londonDateTime(ctx.now()).date, '00:00');
  const mine =
    actor.role === 'panel_member'
      ? sql`${interviews.id} IN (SELECT interview_id FROM panel_seats WHERE user_id = ${actor.id})`
      : slotScope(ctx);
  const rows = ctx.db
    .select({
      id: interviews.id,
      status: interviews.status,
      startsAt: interviewSlots.startsAt,
      endsAt: interviewSlots.endsAt,
      unit: interviewSlots.unitCode,
      slotId: interviewSlots.id,
      venue: venues.name,
      application: {
        id: applications.id,
        reference: applications.reference,
        firstName: applications.firstName,
        lastName: applications.lastName,
        route: applications.route,
        version: applications.version,
      },
      hasOutcome: sql<number>`EXISTS (SELECT 1 FROM interview_outcomes o WHERE o.application_id = ${applications.id})`,
    })
    .from(interviews)
    .innerJoin(interviewSlots, eq(interviewSlots.id, interviews.slotId))
    .innerJoin(venues, eq(venues.id, interviewSlots.venueId))
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .where(and(mine, ne(interviews.status, 'cancelled'), eq(applications.stage, 'interview')))
    .orderBy(asc(interviewSlots.startsAt))
    .limit(500)
    .all();
  const panels = rows.length
    ? ctx.db
        .select({ slotId: slotPanel.slotId, id: users.id, name: users.name })
        .from(slotPanel)
        .innerJoin(users, eq(users.id, slotPanel.userId))
        .where(
          inArray(
            slotPanel.slotId,
            rows.map((r) => r.slotId),
          ),
        )
        .all()
    : [];
  const items = rows.map(({ slotId, hasOutcome, ...r }) => ({
    item: {
      ...r,
      panel: panels.filter((p) => p.slotId === slotId).map(({ id, name }) => ({ id, name })),
    } satisfies AgendaInterview,
    hasOutcome: Boolean(hasOutcome),
  }));
  const mayRecord = actor.role === 'resourcing' || actor.role === 'unit_lead';
  const due = new Set(scorecardsDueFor(ctx.db, actor.id).map((d) => d.interviewId));
  return {
    upcoming: items.filter((i) => i.item.status === 'booked' && i.item.endsAt > todayStart).map((i) => i.item),
    waiting: mayRecord ? waitingCases(ctx) : [],
    attendanceToRecord: mayRecord
      ? items.filter((i) => i.item.status === 'booked' && i.item.startsAt <= now).map((i) => i.item)
      : [],
    outcomesToRecord: mayRecord ? items.filter((i) => i.item.status === 'attended' && !i.hasOutcome).map((i) => i.item) : [],
    scorecardsDue: items
      .filter((i) => due.has(i.item.id))
      .map((i) => ({ ...i.item, isOverdue: scorecardState(i.item.endsAt, ctx.now()) === 'overdue' })),
  };
}

/** Cases of the actor's units at interview with no interview to come and no outcome yet, longest waiting first. */
function waitingCases(ctx: ServiceCtx): Agenda['waiting'] {
  const { actor } = ctx;
  const rows = ctx.db
    .select({
      id: applications.id,
      reference: applications.reference,
      firstName: applications.firstName,
      lastName: applications.lastName,
      route: applications.route,
      targetUnit: applications.targetUnit,
      stage: applications.stage,
      version: applications.version,
      stageEnteredAt: applications.stageEnteredAt,
    })
    .from(applications)
    .leftJoin(interviewOutcomes, eq(interviewOutcomes.applicationId, applications.id))
    .where(
      and(
        eq(applications.stage, 'interview'),
        isNull(interviewOutcomes.applicationId),
        actor.role === 'unit_lead'
          ? actor.units.length
            ? inArray(applications.targetUnit, [...actor.units])
            : sql`0`
          : undefined,
        notExists(
          ctx.db
            .select({ id: interviews.id })
            .from(interviews)
            .where(and(eq(interviews.applicationId, applications.id), inArray(interviews.status, ['booked', 'attended']))),
        ),
      ),
    )
    .orderBy(asc(applications.stageEnteredAt), asc(applications.id))
    .limit(200)
    .all();
  return rows.map(({ stageEnteredAt, ...r }) => ({ ...r, daysWaiting: daysBetween(stageEnteredAt, ctx.now().toISOString()) }));
}
