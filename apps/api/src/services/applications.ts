import type {
  ApplicationCard,
  ApplicationDetail,
  ApplicationEvent,
  BoardColumn,
  BoardInput,
  ColumnInput,
  CreateApplicationInput,
  UpdateApplicationInput,
  ListApplicationsInput,
  ListFilters,
  Page,
  Stage,
} from '@muster/contracts';
import { openStages } from '@muster/contracts';
import {
  accessLog,
  applicationEvents,
  applications,
  duplicateFlags,
  forces,
  inductionCourses,
  mentors,
  users,
} from '@muster/db';
import { assertCanSee, checkName as checkNameOf, coordinatorStages, DomainError, fieldError, nextMoves, requiredChecks, type Actor } from '@muster/domain';
import { and, asc, desc, eq, gt, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { ServiceCtx } from './actor.ts';
import { appendEvent, assertVersion, bumpVersion, cardColumns, loadCase, toCard, type Tx } from './case-store.ts';
import { findDuplicates, flagDuplicates } from './duplicates.ts';

export function createApplication(ctx: ServiceCtx, input: CreateApplicationInput): ApplicationDetail {
  const at = ctx.now().toISOString();
  const id = ctx.db.transaction(
    (tx) => {
      if (input.currentForce && !tx.select({ name: forces.name }).from(forces).where(eq(forces.name, input.currentForce)).get()) {
        throw fieldError('currentForce', `${input.currentForce} is not one of the 43 Home Office forces.`);
      }
      const next = tx.select({ n: sql<number>`coalesce(max(${applications.id}), 0) + 1` }).from(applications).get()!.n;
      const row = tx
        .insert(applications)
        .values({
          reference: `MUS-${String(next).padStart(6, '0')}`,
          route: input.route,
          cohortYear: input.cohortYear ?? null,
          firstName: input.firstName,
          lastName: input.lastName,
          email: input.email,
          phone: input.phone ?? null,
          dateOfBirth: input.dateOfBirth,
          currentForce: input.currentForce ?? null,
          rank: input.rank ?? null,
          warrantNumber: input.warrantNumber ?? null,
          joinedForceOn: input.joinedForceOn ?? null,
          targetUnit: input.targetUnit ?? null,
          unitPreferences: input.unitPreferences,
          postingPreference: input.postingPreference ?? null,
          specialistSkills: input.specialistSkills,
          stage: 'review',
          stageEnteredAt: at,
          receivedAt: input.receivedAt ? new Date(input.receivedAt).toISOString() : at,
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: applications.id })
        .get();
      appendEvent(tx, { applicationId: row.id, actorId: ctx.actor.id, at, type: 'created', toStage: 'review', details: { route: input.route } });
      flagDuplicates(tx, row, findDuplicates(tx, { ...input, id: row.id, currentForce: input.currentForce ?? null, warrantNumber: input.warrantNumber ?? null }), ctx.actor.id, at);
      return row.id;
    },
    { behavior: 'immediate' },
  );
  return readDetail(ctx, ctx.db, id);
}

const editableFields = [
  'route', 'cohortYear', 'firstName', 'lastName', 'email', 'phone', 'dateOfBirth', 'currentForce', 'rank', 'warrantNumber',
  'joinedForceOn', 'unitPreferences', 'postingPreference', 'specialistSkills',
] as const;

/** Corrects a candidate's details: the change of each field goes in the history; new duplicate matches are flagged. */
export function updateApplication(ctx: ServiceCtx, input: UpdateApplicationInput): ApplicationDetail {
  return ctx.db.transaction(
    (tx) => {
      const { row } = loadCase(tx, input.id);
      assertCanSee(ctx.actor, row);
      assertVersion(row, input.expectedVersion);
      if (row.stage === 'onboarded' || row.stage === 'rejected' || row.stage === 'withdrawn') {
        const reason = `The case is ${row.stage}: its details can no longer be edited.`;
        throw new DomainError('PRECONDITION_FAILED', reason, { reasons: [reason] });
      }
      if (input.route !== row.route && row.stage !== 'review') throw fieldError('route', 'The route can only change while the case is at review.');
      if (input.currentForce && input.currentForce !== row.currentForce && !tx.select({ name: forces.name }).from(forces).where(eq(forces.name, input.currentForce)).get()) {
        throw fieldError('currentForce', `${input.currentForce} is not one of the 43 Home Office forces.`);
      }
      const next = Object.fromEntries(editableFields.map((f) => [f, input[f] ?? (f === 'unitPreferences' || f === 'specialistSkills' ? [] : null)])) as Pick<typeof row, (typeof editableFields)[number]>;
      const changes = Object.fromEntries(
        editableFields.filter((f) => JSON.stringify(row[f]) !== JSON.stringify(next[f])).map((f) => [f, { from: row[f], to: next[f] }]),
      );
      if (!Object.keys(changes).length) throw new DomainError('BAD_REQUEST', 'Nothing changed: the details are as they were.');
      const at = ctx.now().toISOString();
      bumpVersion(tx, row, at, next);
      appendEvent(tx, { applicationId: row.id, actorId: ctx.actor.id, at, type: 'details_edited', details: { changes } });
      const identity = ['email', 'currentForce', 'warrantNumber', 'firstName', 'lastName', 'dateOfBirth'] as const;
      if (identity.some((f) => f in changes)) {
        const flagged = new Set(
          tx.select({ id: duplicateFlags.duplicateOfId }).from(duplicateFlags).where(eq(duplicateFlags.applicationId, row.id)).all().map((f) => f.id),
        );
        const found = findDuplicates(tx, { ...next, id: row.id }).filter((d) => !flagged.has(d.id) && d.id < row.id);
        flagDuplicates(tx, row, found, ctx.actor.id, at);
      }
      return readDetail(ctx, tx, row.id);
    },
    { behavior: 'immediate' },
  );
}

/** A case with everything recorded on it, as the actor may see it. Recorded in the access log. */
export function getApplication(ctx: ServiceCtx, id: number): ApplicationDetail {
  return ctx.db.transaction(
    (tx) => {
      const detail = readDetail(ctx, tx, id);
      tx.insert(accessLog).values({ userId: ctx.actor.id, applicationId: id, at: ctx.now().toISOString(), action: 'view' }).run();
      return detail;
    },
    { behavior: 'immediate' },
  );
}

/** The full case for the actor; FORBIDDEN outside their reach. Not itself logged: callers that show it to a person log the view. */
export function readDetail(ctx: ServiceCtx, tx: Tx, id: number): ApplicationDetail {
  const { row, snapshot, eligibility: e, interview: i, checks: checkRows, induction, exception } = loadCase(tx, id);
  assertCanSee(ctx.actor, snapshot);
  const names = new Map<number, string>();
  const nameOf = (userId: number) => {
    if (!names.has(userId)) names.set(userId, tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name ?? 'Unknown user');
    return names.get(userId)!;
  };
  const course = induction && tx.select().from(inductionCourses).where(eq(inductionCourses.id, induction.courseId)).get();
  const booking = induction && course ? { b: induction, c: course } : undefined;
  const people = tx
    .select({ id: mentors.id, name: mentors.name, unit: mentors.unitCode, place: mentors.place })
    .from(mentors)
    .where(inArray(mentors.id, [row.mentorId ?? -1, row.buddyId ?? -1]))
    .all();
  const required = requiredChecks(row.route, row.targetUnit);
  const byCode = new Map(checkRows.map((c) => [c.checkCode, c]));
  return {
    ...toCard(row),
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
    finalOfferAt: row.finalOfferAt,
    closedFromStage: row.closedFromStage,
    closeReason: row.closeReason,
    eligibility: e
      ? {
          criteria: e.criteria, unitCriteria: e.unitCriteria, tsgMentorName: e.tsgMentorName, hasTsgBaseVisit: e.hasTsgBaseVisit,
          psdRecords: e.psdRecords ?? 'not_requested', psdOutcome: e.psdOutcome, ohRecords: e.ohRecords ?? 'not_requested', ohOutcome: e.ohOutcome,
          hasOpenMisconduct: e.hasOpenMisconduct, misconductDetails: e.misconductDetails,
          exception: exception ? { reason: exception.reason, approvedBy: nameOf(exception.approvedBy), approvedAt: exception.approvedAt } : null,
          notes: e.notes, recordedBy: nameOf(e.recordedBy), recordedAt: e.recordedAt,
        }
      : null,
    interview: i ? { outcome: i.outcome, scores: i.scores, notes: i.notes, recordedBy: nameOf(i.recordedBy), recordedAt: i.recordedAt } : null,
    checks: [
      ...required.map((t) => {
        const c = byCode.get(t.code);
        return { check: t.code, name: t.name, status: c?.status ?? 'not_started', reason: c?.reason ?? null, isRequired: true, updatedBy: c ? nameOf(c.updatedBy) : null, updatedAt: c?.updatedAt ?? null };
      }),
      // Checks recorded earlier that no longer apply (a TSG re-route) stay visible, marked not required.
      ...checkRows
        .filter((c) => !required.some((t) => t.code === c.checkCode))
        .map((c) => ({ check: c.checkCode, name: checkNameOf(c.checkCode), status: c.status, reason: c.reason, isRequired: false, updatedBy: nameOf(c.updatedBy), updatedAt: c.updatedAt })),
    ],
    induction: booking
      ? { courseId: booking.c.id, courseStartsOn: booking.c.startsOn, coursePlace: booking.c.place, startDate: booking.b.startDate, postingUnit: booking.b.postingUnit, postingPlace: booking.b.postingPlace, bookedBy: nameOf(booking.b.bookedBy), bookedAt: booking.b.bookedAt }
      : null,
    mentor: people.find((p) => p.id === row.mentorId) ?? null,
    buddy: people.find((p) => p.id === row.buddyId) ?? null,
    nextMoves: nextMoves(ctx.actor, snapshot, ctx.now()),
  };
}

/* ---------- lists, board, search ---------- */

/** What the actor may see, as a WHERE condition. */
function scopeCondition(actor: Actor): SQL | undefined {
  switch (actor.role) {
    case 'unit_lead':
      return actor.units.length ? inArray(applications.targetUnit, [...actor.units]) : sql`0`;
    case 'coordinator':
      return inArray(applications.stage, [...coordinatorStages]);
    default:
      return undefined;
  }
}

/** The text search as a condition: an FTS5 trigram match for words of 3+ characters, LIKE for shorter ones. */
function searchCondition(q: string | undefined): SQL | undefined {
  const words = (q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 6);
  if (!words.length) return undefined;
  const long = words.filter((w) => w.length >= 3);
  const short = words.filter((w) => w.length < 3);
  const conditions: SQL[] = [];
  if (long.length) {
    const match = long.map((w) => `"${w.replaceAll('"', '""')}"`).join(' AND ');
    conditions.push(sql`${applications.id} IN (SELECT rowid FROM applications_search WHERE applications_search MATCH ${match})`);
  }
  for (const w of short) {
    const like = `%${w.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    conditions.push(
      sql`(${applications.firstName} LIKE ${like} ESCAPE '\\' OR ${applications.lastName} LIKE ${like} ESCAPE '\\' OR ${applications.email} LIKE ${like} ESCAPE '\\' OR ifnull(${applications.currentForce}, '') LIKE ${like} ESCAPE '\\')`,
    );
  }
  return and(...conditions);
}

export function filterConditions(actor: Actor, f: Omit<ListFilters, 'stage'> & { stage?: Stage | undefined }): (SQL | undefined)[] {
  return [
    scopeCondition(actor),
    f.stage ? eq(applications.stage, f.stage) : undefined,
    f.unit ? eq(applications.targetUnit, f.unit) : undefined,
    f.route ? eq(applications.route, f.route) : undefined,
    searchCondition(f.q),
  ];
}

const encodeCursor = (parts: (string | number)[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
function decodeCursor<T extends unknown[]>(cursor: string | undefined, check: (v: unknown[]) => v is T): T | undefined {
  if (!cursor) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(value) && check(value)) return value;
  } catch {
    // fall through to the error below
  }
  throw fieldError('cursor', 'That page link is not valid. Start again from the first page.');
}
const isIdCursor = (v: unknown[]): v is [number] => v.length === 1 && typeof v[0] === 'number';
const isColumnCursor = (v: unknown[]): v is [string, number] => v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'number';

/** Cases newest first, filtered and searched, a page at a time. */
export function listApplications(ctx: ServiceCtx, input: ListApplicationsInput): Page<ApplicationCard> {
  const after = decodeCursor(input.cursor, isIdCursor);
  const rows = ctx.db
    .select(cardColumns)
    .from(applications)
    .where(and(...filterConditions(ctx.actor, input), after ? lt(applications.id, after[0]) : undefined))
    .orderBy(desc(applications.id))
    .limit(input.limit + 1)
    .all();
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor([last.id]) : null };
}

/** Stages the actor's board shows. */
export function boardStages(actor: Actor): Stage[] {
  return actor.role === 'coordinator' ? openStages.filter((s) => coordinatorStages.includes(s)) : [...openStages];
}

/** One column of the board: the cases longest in the stage first. */
export function listColumn(ctx: ServiceCtx, input: ColumnInput): Page<ApplicationCard> {
  const after = decodeCursor(input.cursor, isColumnCursor);
  const rows = ctx.db
    .select(cardColumns)
    .from(applications)
    .where(
      and(
        ...filterConditions(ctx.actor, input),
        after
          ? or(gt(applications.stageEnteredAt, after[0]), and(eq(applications.stageEnteredAt, after[0]), gt(applications.id, after[1])))
          : undefined,
      ),
    )
    .orderBy(asc(applications.stageEnteredAt), asc(applications.id))
    .limit(input.limit + 1)
    .all();
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor([last.stageEnteredAt, last.id]) : null };
}

/** Per open stage: how many cases match, and the first page of them. */
export function getBoard(ctx: ServiceCtx, input: BoardInput): BoardColumn[] {
  const stages = boardStages(ctx.actor);
  const counts = new Map(
    ctx.db
      .select({ stage: applications.stage, count: sql<number>`count(*)` })
      .from(applications)
      .where(and(...filterConditions(ctx.actor, input), inArray(applications.stage, stages)))
      .groupBy(applications.stage)
      .all()
      .map((r) => [r.stage, r.count]),
  );
  return stages.map((stage) => {
    const count = counts.get(stage) ?? 0;
    const page = count ? listColumn(ctx, { ...input, stage }) : { items: [], nextCursor: null };
    return { stage, count, ...page };
  });
}

/** The case's history, newest first. */
export function getHistory(ctx: ServiceCtx, input: { id: number; cursor?: string | undefined; limit: number }): Page<ApplicationEvent> {
  const row = ctx.db.select({ stage: applications.stage, targetUnit: applications.targetUnit }).from(applications).where(eq(applications.id, input.id)).get();
  if (!row) throw new DomainError('NOT_FOUND', `There is no case with id ${input.id}.`);
  assertCanSee(ctx.actor, row);
  const before = decodeCursor(input.cursor, isIdCursor);
  // The history shows the case's content (notes, outcomes): reading it is a view of the case.
  ctx.db.insert(accessLog).values({ userId: ctx.actor.id, applicationId: input.id, at: ctx.now().toISOString(), action: 'history' }).run();
  const rows = ctx.db
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
    .where(and(eq(applicationEvents.applicationId, input.id), before ? lt(applicationEvents.id, before[0]) : undefined))
    .orderBy(desc(applicationEvents.id))
    .limit(input.limit + 1)
    .all();
  const items = rows.slice(0, input.limit).map(({ actorId, actorName, ...e }) => ({
    ...e,
    actor: actorId === null ? null : { id: actorId, name: actorName ?? 'Unknown user' },
  }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor([last.id]) : null };
}
