import {
  unitCodes,
  type ApplicationDetail,
  type ApplicationEvent,
  type ApplicationReroute,
  type GetApplicationInput,
  type HistoryInput,
  type Page,
  type UnitCode,
} from '@muster/contracts';
import {
  applicationEvents,
  applications,
  inductionCourses,
  interviews,
  interviewSlots,
  mentors,
  preparedFor,
  slotPanel,
  users,
  venues,
} from '@muster/db';
import {
  applicationActions,
  discloseApplication,
  discloseEvent,
  disclosureOf,
  assertCanSee,
  DomainError,
  earliestStartDate,
  gateChecklist,
  isClosed,
  nextMoves,
} from '@muster/domain';
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { loadApplication, logAccess, toCard, type AccessAction, type LoadedApplication, type Tx } from './application-store.ts';
import { latestChange } from './change-words.ts';
import { caseChecksOf, todayOf } from './checks.ts';
import { caseWaitingOf } from './courses.ts';
import { decodeCursor, encodeCursor, isIdCursor } from './cursors.ts';
import type { ServiceCtx } from './service-ctx.ts';

/** The reads and the view record of a case page, prepared once per connection. */
const detailQueries = preparedFor((db) => ({
  userName: db
    .select({ name: users.name })
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare(),
  course: db
    .select()
    .from(inductionCourses)
    .where(eq(inductionCourses.id, sql.placeholder('id')))
    .prepare(),
  people: db
    .select({ id: mentors.id, name: mentors.name, unit: mentors.unitCode, place: mentors.place })
    .from(mentors)
    .where(inArray(mentors.id, [sql.placeholder('mentorId'), sql.placeholder('buddyId')]))
    .prepare(),
  mentor: db
    .select({ id: mentors.id, name: mentors.name, place: mentors.place })
    .from(mentors)
    .where(eq(mentors.id, sql.placeholder('id')))
    .prepare(),
  scope: db
    .select({ stage: applications.stage, targetUnit: applications.targetUnit })
    .from(applications)
    .where(eq(applications.id, sql.placeholder('id')))
    .prepare(),
  lastReroute: db
    .select({ at: applicationEvents.at, reason: applicationEvents.reason, details: applicationEvents.details })
    .from(applicationEvents)
    .where(and(eq(applicationEvents.applicationId, sql.placeholder('id')), eq(applicationEvents.type, 'rerouted')))
    .orderBy(desc(applicationEvents.id))
    .limit(1)
    .prepare(),
}));

const isUnit = (v: unknown): v is UnitCode => (unitCodes as readonly unknown[]).includes(v);

/**
 * The case's newest re-route (its `rerouted` event: from, to, when, why), while the case is still
 * bound for the unit it was re-routed to; null if it never was, or its target unit has changed since.
 */
function rerouteOf(q: ReturnType<typeof detailQueries>, id: number, targetUnit: UnitCode | null): ApplicationReroute | null {
  const e = q.lastReroute.get({ id });
  const { fromUnit: from, toUnit: to } = e?.details ?? {};
  if (!e || !isUnit(from) || !isUnit(to) || to !== targetUnit) return null;
  return { from, to, at: e.at, reason: e.reason };
}

/** A case with everything recorded on it, as the actor may see it. Recorded in the access log. */
export function getApplication(ctx: ServiceCtx, input: GetApplicationInput): ApplicationDetail {
  return ctx.db.transaction((tx) => readDetail(ctx, tx, input.id, 'view'), { behavior: 'immediate' });
}

/**
 * The full case for the actor; FORBIDDEN outside their reach. Every answer built here carries the
 * case's personal details, so every one is recorded in the access log as `access`. Pass the case
 * already loaded in this transaction (`loaded`) to build the answer from it instead of reading it again.
 */
export function readDetail(
  ctx: ServiceCtx,
  tx: Tx,
  id: number,
  access: AccessAction,
  loaded: LoadedApplication = loadApplication(tx, id),
): ApplicationDetail {
  const { row, snapshot, eligibility: e, interview: i, checks: checkRows, induction, exception, tsgPreAssessment: tsg } = loaded;
  assertCanSee(ctx.actor, snapshot);
  logAccess(tx, { userId: ctx.actor.id, applicationId: id, at: ctx.now().toISOString(), action: access });
  const q = detailQueries(tx);
  const names = new Map<number, string>();
  const nameOf = (userId: number) => {
    let name = names.get(userId);
    if (name === undefined) names.set(userId, (name = q.userName.get({ id: userId })?.name ?? 'Unknown user'));
    return name;
  };
  const course = induction && q.course.get({ id: induction.courseId });
  const booking = induction && course ? { b: induction, c: course } : undefined;
  const people =
    row.mentorId === null && row.buddyId === null
      ? []
      : q.people.all({ mentorId: row.mentorId ?? -1, buddyId: row.buddyId ?? -1 });
  // Built in full, then cut to what this reader needs to know (packages/domain/src/need-to-know.ts).
  return discloseApplication(
    {
      ...toCard(row),
      disclosure: 'full',
      cohortYear: row.cohortYear,
      unitPreferences: row.unitPreferences,
      postingPreference: row.postingPreference,
      specialistSkills: row.specialistSkills,
      email: row.email,
      phone: row.phone,
      dateOfBirth: row.dateOfBirth,
      rank: row.rank,
      warrantNumber: row.warrantNumber,
      joinedForceOn: row.joinedForceOn,
      receivedAt: row.receivedAt,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      conditionalOfferAt: row.conditionalOfferAt,
      finalOfferAt: row.finalOfferAt,
      closedFromStage: row.closedFromStage,
      closeReason: row.closeReason,
      eligibility: e
        ? {
            criteria: e.criteria,
            unitCriteria: e.unitCriteria,
            psdRecords: e.psdRecords ?? 'not_requested',
            psdOutcome: e.psdOutcome,
            ohRecords: e.ohRecords ?? 'not_requested',
            ohOutcome: e.ohOutcome,
            hasOpenMisconduct: e.hasOpenMisconduct,
            misconductDetails: e.misconductDetails,
            exception: exception
              ? { reason: exception.reason, approvedBy: nameOf(exception.approvedBy), approvedAt: exception.approvedAt }
              : null,
            notes: e.notes,
            recordedBy: nameOf(e.recordedBy),
            recordedAt: e.recordedAt,
          }
        : null,
      tsgPreAssessment: tsg
        ? {
            mentor: tsg.mentorId === null ? null : (q.mentor.get({ id: tsg.mentorId }) ?? null),
            hasBaseVisit: tsg.hasBaseVisit,
            recordedBy: nameOf(tsg.recordedBy),
            recordedAt: tsg.recordedAt,
          }
        : null,
      interviewBookings: interviewBookingsOf(tx, row.id),
      interview: i
        ? { outcome: i.outcome, scores: i.scores, notes: i.notes, recordedBy: nameOf(i.recordedBy), recordedAt: i.recordedAt }
        : null,
      checks: caseChecksOf(tx, row, checkRows, nameOf, todayOf(ctx.now())),
      induction: booking
        ? {
            courseId: booking.c.id,
            courseStartsOn: booking.c.startsOn,
            coursePlace: booking.c.place,
            startDate: booking.b.startDate,
            postingUnit: booking.b.postingUnit,
            postingPlace: booking.b.postingPlace,
            postingRole: booking.b.postingRole,
            attendance: booking.b.attendance === 'attended' ? 'attended' : null,
            bookedBy: nameOf(booking.b.bookedBy),
            bookedAt: booking.b.bookedAt,
          }
        : null,
      inductionWaiting: caseWaitingOf(ctx, tx, row.id),
      assignee: row.assigneeId === null ? null : { id: row.assigneeId, name: nameOf(row.assigneeId) },
      mentor: people.find((p) => p.id === row.mentorId) ?? null,
      buddy: people.find((p) => p.id === row.buddyId) ?? null,
      isClosed: isClosed(row.stage),
      earliestStartDate: earliestStartDate(snapshot),
      actions: applicationActions(ctx.actor, snapshot),
      nextMoves: nextMoves(ctx.actor, snapshot, ctx.now()),
      gateChecklist: gateChecklist(snapshot, ctx.now()),
      lastChange: lastChangeOf(tx, id),
      reroute: rerouteOf(q, id, row.targetUnit),
    },
    disclosureOf(ctx.actor),
  );
}

/** The newest change to the case, as ApplicationDetail carries it. */
function lastChangeOf(tx: Tx, id: number): ApplicationDetail['lastChange'] {
  const change = latestChange(tx, id);
  if (!change) return null;
  const { by, at, type, summary } = change;
  return { by, at, type, summary };
}

/** The case's history, newest first. */
export function getHistory(ctx: ServiceCtx, input: HistoryInput): Page<ApplicationEvent> {
  const q = detailQueries(ctx.db);
  const row = q.scope.get({ id: input.id });
  if (!row) throw new DomainError('NOT_FOUND', `There is no case with id ${input.id}.`);
  assertCanSee(ctx.actor, row);
  const before = decodeCursor(input.cursor, isIdCursor);
  // The history shows the case's content (notes, outcomes): reading it is a view of the case.
  logAccess(ctx.db, { userId: ctx.actor.id, applicationId: input.id, at: ctx.now().toISOString(), action: 'history' });
  const rows = historyQuery(ctx.db).all({ id: input.id, before: before?.[0] ?? Number.MAX_SAFE_INTEGER, limit: input.limit + 1 });
  const level = disclosureOf(ctx.actor);
  const page = rows.slice(0, input.limit);
  const items = page
    .map(({ actorId, actorName, ...e }) =>
      discloseEvent({ ...e, actor: actorId === null ? null : { id: actorId, name: actorName ?? 'Unknown user' } }, level),
    )
    .filter((e) => e !== null);
  // The cursor follows the events read, shown or not, so a page of hidden events does not end the history.
  const last = page.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor([last.id]) : null };
}

/** A page of a case's events, newest first, before an event id (the first page: before any id). */
const historyQuery = preparedFor((db) =>
  db
    .select({
      id: applicationEvents.id,
      type: applicationEvents.type,
      at: applicationEvents.at,
      actorId: applicationEvents.actorId,
      actorName: users.name,
      fromStage: applicationEvents.fromStage,
      toStage: applicationEvents.toStage,
      reason: applicationEvents.reason,
      details: applicationEvents.details,
    })
    .from(applicationEvents)
    .leftJoin(users, eq(users.id, applicationEvents.actorId))
    .where(and(eq(applicationEvents.applicationId, sql.placeholder('id')), lt(applicationEvents.id, sql.placeholder('before'))))
    .orderBy(desc(applicationEvents.id))
    .limit(sql.placeholder('limit'))
    .prepare(),
);

/** The case's bookings: the one to come first, then the rest newest first. */
function interviewBookingsOf(tx: Tx, applicationId: number): ApplicationDetail['interviewBookings'] {
  const rows = tx
    .select({
      id: interviews.id,
      status: interviews.status,
      startsAt: interviewSlots.startsAt,
      endsAt: interviewSlots.endsAt,
      venue: venues.name,
      slotId: interviewSlots.id,
      endedReason: interviews.endedReason,
    })
    .from(interviews)
    .innerJoin(interviewSlots, eq(interviewSlots.id, interviews.slotId))
    .innerJoin(venues, eq(venues.id, interviewSlots.venueId))
    .where(eq(interviews.applicationId, applicationId))
    .orderBy(desc(interviews.id))
    .all();
  if (!rows.length) return [];
  const panels = tx
    .select({ slotId: slotPanel.slotId, name: users.name })
    .from(slotPanel)
    .innerJoin(users, eq(users.id, slotPanel.userId))
    .where(
      inArray(
        slotPanel.slotId,
        rows.map((r) => r.slotId),
      ),
    )
    .orderBy(users.name)
    .all();
  return rows
    .map(({ slotId, ...r }) => ({ ...r, panel: panels.filter((p) => p.slotId === slotId).map((p) => p.name) }))
    .sort((a, b) => Number(b.status === 'booked') - Number(a.status === 'booked'));
}
