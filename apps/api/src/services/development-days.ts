import type {
  CancelDevelopmentDayInput,
  CreateDevelopmentDayInput,
  DevelopmentDay,
  DevelopmentDayInvitation,
  DevelopmentDayInviteResult,
  DevelopmentDaysListInput,
  InviteToDevelopmentDayInput,
  RecordDayAttendanceInput,
  UpdateDevelopmentDayInput,
} from '@muster/contracts';
import { applications, developmentDayInvitations, developmentDays, inductionBookings } from '@muster/db';
import {
  assertCurrentVersion,
  addDays,
  assertAttendanceReason,
  assertAttendanceRecordable,
  assertDayOpenToChange,
  assertMayKeepDevelopmentDays,
  assertMayReadDevelopmentDays,
  canSee,
  developmentDayStages,
  DomainError,
  isInvitedTo,
  londonDateTime,
  refuse,
  validateDevelopmentDay,
} from '@muster/domain';
import { and, asc, eq, gte, inArray, type SQL } from 'drizzle-orm';
import { appendEvent, bumpVersion, loadRow, type Tx } from './application-store.ts';
import { queueDevelopmentDayInvitation } from './messages.ts';
import type { ServiceCtx } from './service-ctx.ts';

/*
 * Development days, kept by coordinators and the admin, read by resourcing. A day is never deleted: a
 * cancelled one stays for the histories that name it. Every change to a day takes its
 * `expectedVersion` and is one IMMEDIATE transaction. Inviting writes, for each joiner the day is for
 * (the domain's isInvitedTo) and not invited yet, the invitation, an event and a new version on their
 * case and a message in the outbox, all in the one transaction.
 */

const todayOf = (ctx: ServiceCtx) => londonDateTime(ctx.now()).date;

/** Joiners the days could be for: at mentoring or onboarded, with their induction booking's start date. */
function candidates(tx: Tx) {
  return tx
    .select({
      applicationId: applications.id,
      reference: applications.reference,
      firstName: applications.firstName,
      lastName: applications.lastName,
      email: applications.email,
      stage: applications.stage,
      targetUnit: applications.targetUnit,
      startDate: inductionBookings.startDate,
    })
    .from(applications)
    .innerJoin(inductionBookings, eq(inductionBookings.applicationId, applications.id))
    .where(inArray(applications.stage, [...developmentDayStages]))
    .orderBy(asc(applications.lastName), asc(applications.firstName), asc(applications.id))
    .all();
}
type Candidate = ReturnType<typeof candidates>[number];

const dayColumns = {
  id: developmentDays.id,
  heldOn: developmentDays.heldOn,
  place: developmentDays.place,
  title: developmentDays.title,
  status: developmentDays.status,
  version: developmentDays.version,
};

/** Days with their invitations (those the reader may see, by name) and counts, soonest first. */
function daysWhere(ctx: ServiceCtx, tx: Tx, where: SQL | undefined): DevelopmentDay[] {
  const rows = tx
    .select(dayColumns)
    .from(developmentDays)
    .where(where)
    .orderBy(asc(developmentDays.heldOn), asc(developmentDays.id))
    .limit(200)
    .all();
  if (!rows.length) return [];
  const invitations = tx
    .select({
      dayId: developmentDayInvitations.dayId,
      applicationId: applications.id,
      reference: applications.reference,
      firstName: applications.firstName,
      lastName: applications.lastName,
      stage: applications.stage,
      targetUnit: applications.targetUnit,
      startDate: inductionBookings.startDate,
      invitedAt: developmentDayInvitations.invitedAt,
      attendance: developmentDayInvitations.attendance,
      attendanceReason: developmentDayInvitations.attendanceReason,
    })
    .from(developmentDayInvitations)
    .innerJoin(applications, eq(applications.id, developmentDayInvitations.applicationId))
    .leftJoin(inductionBookings, eq(inductionBookings.applicationId, applications.id))
    .where(
      inArray(
        developmentDayInvitations.dayId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(applications.lastName), asc(applications.firstName), asc(applications.id))
    .all();
  const pool = candidates(tx);
  return rows.map((r) => {
    const mine = invitations.filter((i) => i.dayId === r.id);
    const invitedIds = new Set(mine.map((i) => i.applicationId));
    return {
      ...r,
      invited: mine.length,
      attended: mine.filter((i) => i.attendance === 'attended').length,
      didNotAttend: mine.filter((i) => i.attendance === 'did_not_attend').length,
      toInvite:
        r.status === 'scheduled' ? pool.filter((j) => !invitedIds.has(j.applicationId) && isInvitedTo(j, r.heldOn)).length : 0,
      invitations: mine
        .filter((i) => canSee(ctx.actor, i))
        .map((i): DevelopmentDayInvitation => ({
          applicationId: i.applicationId,
          reference: i.reference,
          name: `${i.firstName} ${i.lastName}`,
          startDate: i.startDate,
          invitedAt: i.invitedAt,
          attendance: i.attendance,
          attendanceReason: i.attendanceReason,
        })),
    };
  });
}

function oneDay(ctx: ServiceCtx, tx: Tx, id: number): DevelopmentDay {
  const [day] = daysWhere(ctx, tx, eq(developmentDays.id, id));
  if (!day) throw new Error(`development day ${id} vanished inside its own transaction`);
  return day;
}

function dayRow(tx: Tx, id: number) {
  const day = tx.select().from(developmentDays).where(eq(developmentDays.id, id)).get();
  if (!day) throw new DomainError('NOT_FOUND', `There is no development day ${id}.`);
  return day;
}

/** A day for a change: it exists and is at the version the writer read (else CONFLICT, with the day as it is now). */
function dayFor(ctx: ServiceCtx, tx: Tx, id: number, expectedVersion: number) {
  const day = dayRow(tx, id);
  assertCurrentVersion(
    day,
    expectedVersion,
    'Someone else changed this development day. Look at it again before you carry on.',
    () => oneDay(ctx, tx, id),
  );
  return day;
}

/** Days from a date (a year before today unless given), soonest first; cancelled ones only if asked for. */
export function listDevelopmentDays(ctx: ServiceCtx, input: DevelopmentDaysListInput): DevelopmentDay[] {
  assertMayReadDevelopmentDays(ctx.actor);
  const from = input.from ?? addDays(todayOf(ctx), -365);
  return daysWhere(
    ctx,
    ctx.db,
    and(gte(developmentDays.heldOn, from), input.includeCancelled ? undefined : eq(developmentDays.status, 'scheduled')),
  );
}

/** Scheduled days from today, soonest first (the coordinator's home). */
export function upcomingDevelopmentDays(ctx: ServiceCtx): DevelopmentDay[] {
  assertMayReadDevelopmentDays(ctx.actor);
  return daysWhere(ctx, ctx.db, and(gte(developmentDays.heldOn, todayOf(ctx)), eq(developmentDays.status, 'scheduled')));
}

export function createDevelopmentDay(ctx: ServiceCtx, input: CreateDevelopmentDayInput): DevelopmentDay {
  assertMayKeepDevelopmentDays(ctx.actor);
  validateDevelopmentDay(input, { today: todayOf(ctx) });
  return ctx.db.transaction(
    (tx) => {
      const { id } = tx
        .insert(developmentDays)
        .values({ heldOn: input.heldOn, place: input.place.trim(), title: input.title.trim() })
        .returning({ id: developmentDays.id })
        .get();
      return oneDay(ctx, tx, id);
    },
    { behavior: 'immediate' },
  );
}

/** A day's date, place and title changed. Joiners already invited are not told again. */
export function updateDevelopmentDay(ctx: ServiceCtx, input: UpdateDevelopmentDayInput): DevelopmentDay {
  assertMayKeepDevelopmentDays(ctx.actor);
  return ctx.db.transaction(
    (tx) => {
      const day = dayFor(ctx, tx, input.id, input.expectedVersion);
      const today = todayOf(ctx);
      assertDayOpenToChange(day, today, 'change');
      validateDevelopmentDay(input, { today, current: { heldOn: day.heldOn } });
      tx.update(developmentDays)
        .set({ heldOn: input.heldOn, place: input.place.trim(), title: input.title.trim(), version: day.version + 1 })
        .where(eq(developmentDays.id, day.id))
        .run();
      return oneDay(ctx, tx, day.id);
    },
    { behavior: 'immediate' },
  );
}

/** Calls a day off. Its invitations stay, as history; the joiners are not told (not built). */
export function cancelDevelopmentDay(ctx: ServiceCtx, input: CancelDevelopmentDayInput): DevelopmentDay {
  assertMayKeepDevelopmentDays(ctx.actor);
  return ctx.db.transaction(
    (tx) => {
      const day = dayFor(ctx, tx, input.id, input.expectedVersion);
      assertDayOpenToChange(day, todayOf(ctx), 'cancel');
      tx.update(developmentDays)
        .set({ status: 'cancelled', version: day.version + 1 })
        .where(eq(developmentDays.id, day.id))
        .run();
      return oneDay(ctx, tx, day.id);
    },
    { behavior: 'immediate' },
  );
}

/**
 * Invites every joiner the day is for who is not invited yet: for each, in one transaction, the
 * invitation, a `development_day_invited` event and a new version on their case, and the message in
 * the outbox. Calling it again invites only those who have become due since; none is invited twice.
 */
export function inviteToDevelopmentDay(ctx: ServiceCtx, input: InviteToDevelopmentDayInput): DevelopmentDayInviteResult {
  assertMayKeepDevelopmentDays(ctx.actor);
  return ctx.db.transaction(
    (tx) => {
      const day = dayRow(tx, input.id);
      assertDayOpenToChange(day, todayOf(ctx), 'invite');
      const already = new Set(
        tx
          .select({ applicationId: developmentDayInvitations.applicationId })
          .from(developmentDayInvitations)
          .where(eq(developmentDayInvitations.dayId, day.id))
          .all()
          .map((i) => i.applicationId),
      );
      const due = candidates(tx).filter((j: Candidate) => !already.has(j.applicationId) && isInvitedTo(j, day.heldOn));
      const at = ctx.now().toISOString();
      for (const j of due) {
        tx.insert(developmentDayInvitations).values({ dayId: day.id, applicationId: j.applicationId, invitedAt: at }).run();
        bumpVersion(tx, loadRow(tx, j.applicationId), at);
        appendEvent(tx, {
          applicationId: j.applicationId,
          actorId: ctx.actor.id,
          at,
          type: 'development_day_invited',
          details: { dayId: day.id, heldOn: day.heldOn, place: day.place, title: day.title },
        });
        const name = `${j.firstName} ${j.lastName}`;
        queueDevelopmentDayInvitation(
          tx,
          { applicationId: j.applicationId, reference: j.reference, name, email: j.email },
          day,
          at,
        );
      }
      return { day: oneDay(ctx, tx, day.id), invitedNow: due.length };
    },
    { behavior: 'immediate' },
  );
}

/** Records whether an invited joiner came to a day held today or before; a did-not-attend says why. Recording again replaces it. */
export function recordDayAttendance(ctx: ServiceCtx, input: RecordDayAttendanceInput): DevelopmentDay {
  assertMayKeepDevelopmentDays(ctx.actor);
  return ctx.db.transaction(
    (tx) => {
      const day = dayRow(tx, input.dayId);
      assertAttendanceRecordable(day, todayOf(ctx));
      const invitation = tx
        .select({ applicationId: developmentDayInvitations.applicationId })
        .from(developmentDayInvitations)
        .where(and(eq(developmentDayInvitations.dayId, day.id), eq(developmentDayInvitations.applicationId, input.applicationId)))
        .get();
      if (!invitation)
        throw refuse(
          'development_days.not_invited',
          'That joiner was not invited to this development day: record only those invited.',
        );
      assertAttendanceReason(input.attended, input.reason);
      tx.update(developmentDayInvitations)
        .set({
          attendance: input.attended ? 'attended' : 'did_not_attend',
          attendanceReason: input.attended ? null : (input.reason?.trim() ?? null),
          recordedBy: ctx.actor.id,
          recordedAt: ctx.now().toISOString(),
        })
        .where(and(eq(developmentDayInvitations.dayId, day.id), eq(developmentDayInvitations.applicationId, input.applicationId)))
        .run();
      return oneDay(ctx, tx, day.id);
    },
    { behavior: 'immediate' },
  );
}
