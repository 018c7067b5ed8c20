import type {
  CaseCard,
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
  applicationEvents,
  applications,
  duplicateFlags,
  forces,
  inductionCourses,
  mentors,
  preparedByShape,
  preparedFor,
  stageCounts,
  users,
} from '@muster/db';
import {
  assertCanSee,
  assertMay,
  assertNoProblems,
  candidateProblems,
  caseActions,
  caseMoves,
  checkName as checkNameOf,
  coordinatorStages,
  DomainError,
  earliestStartDate,
  fieldError,
  isClosed,
  nextMoves,
  requiredChecks,
  type Actor,
} from '@muster/domain';
import { and, asc, desc, eq, gt, inArray, lt, notInArray, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { ServiceCtx } from './actor.ts';
import {
  appendEvent,
  assertVersion,
  bumpVersion,
  candidateValues,
  cardColumns,
  loadCase,
  logAccess,
  toCard,
  type AccessAction,
  type LoadedCase,
  type Tx,
} from './case-store.ts';
import { findDuplicates, flagDuplicates } from './duplicates.ts';

export function createApplication(ctx: ServiceCtx, input: CreateApplicationInput): ApplicationDetail {
  const at = ctx.now().toISOString();
  const id = ctx.db.transaction(
    (tx) => {
      assertNoProblems(candidateProblems(input, at.slice(0, 10)));
      if (input.currentForce && !tx.select({ name: forces.name }).from(forces).where(eq(forces.name, input.currentForce)).get()) {
        throw fieldError(
          'currentForce',
          `${input.currentForce} is not one of the 43 Home Office forces.`,
          'details.force_unknown',
        );
      }
      const nextRow = tx
        .select({ n: sql<number>`coalesce(max(${applications.id}), 0) + 1` })
        .from(applications)
        .get();
      if (!nextRow) throw new Error('max() returned no row');
      const next = nextRow.n;
      const row = tx
        .insert(applications)
        .values({
          ...candidateValues(input),
          reference: `MUS-${String(next).padStart(6, '0')}`,
          targetUnit: input.targetUnit ?? null,
          stage: 'review',
          stageEnteredAt: at,
          receivedAt: input.receivedAt ? new Date(input.receivedAt).toISOString() : at,
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: applications.id })
        .get();
      appendEvent(tx, {
        applicationId: row.id,
        actorId: ctx.actor.id,
        at,
        type: 'created',
        toStage: 'review',
        details: { route: input.route },
      });
      flagDuplicates(
        tx,
        row,
        findDuplicates(tx, {
          ...input,
          id: row.id,
          currentForce: input.currentForce ?? null,
          warrantNumber: input.warrantNumber ?? null,
        }),
        ctx.actor.id,
        at,
      );
      return row.id;
    },
    { behavior: 'immediate' },
  );
  return readDetail(ctx, ctx.db, id, 'view_after_change');
}

/** Corrects a candidate's details: the change of each field goes in the history; new duplicate matches are flagged. */
export function updateApplication(ctx: ServiceCtx, input: UpdateApplicationInput): ApplicationDetail {
  return ctx.db.transaction(
    (tx) => {
      const { row } = loadCase(tx, input.id);
      assertCanSee(ctx.actor, row);
      assertVersion(row, input.expectedVersion);
      assertMay(ctx.actor, row, 'details');
      if (input.route !== row.route && row.stage !== 'review')
        throw fieldError('route', 'The route can only change while the case is at review.', 'details.route_locked');
      assertNoProblems(candidateProblems(input, ctx.now().toISOString().slice(0, 10)));
      if (
        input.currentForce &&
        input.currentForce !== row.currentForce &&
        !tx.select({ name: forces.name }).from(forces).where(eq(forces.name, input.currentForce)).get()
      ) {
        throw fieldError(
          'currentForce',
          `${input.currentForce} is not one of the 43 Home Office forces.`,
          'details.force_unknown',
        );
      }
      const next = candidateValues(input);
      const changes = Object.fromEntries(
        (Object.keys(next) as (keyof typeof next)[])
          .filter((f) => JSON.stringify(row[f]) !== JSON.stringify(next[f]))
          .map((f) => [f, { from: row[f], to: next[f] }]),
      );
      if (!Object.keys(changes).length)
        throw fieldError('', 'Nothing changed: the details are as they were.', 'details.unchanged');
      const at = ctx.now().toISOString();
      bumpVersion(tx, row, at, next);
      appendEvent(tx, { applicationId: row.id, actorId: ctx.actor.id, at, type: 'details_edited', details: { changes } });
      const identity = ['email', 'currentForce', 'warrantNumber', 'firstName', 'lastName', 'dateOfBirth'] as const;
      if (identity.some((f) => f in changes)) {
        const flagged = new Set(
          tx
            .select({ id: duplicateFlags.duplicateOfId })
            .from(duplicateFlags)
            .where(eq(duplicateFlags.applicationId, row.id))
            .all()
            .map((f) => f.id),
        );
        const found = findDuplicates(tx, { ...next, id: row.id }).filter((d) => !flagged.has(d.id) && d.id < row.id);
        flagDuplicates(tx, row, found, ctx.actor.id, at);
      }
      return readDetail(ctx, tx, row.id, 'view_after_change');
    },
    { behavior: 'immediate' },
  );
}

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
  scope: db
    .select({ stage: applications.stage, targetUnit: applications.targetUnit })
    .from(applications)
    .where(eq(applications.id, sql.placeholder('id')))
    .prepare(),
}));

/** A case with everything recorded on it, as the actor may see it. Recorded in the access log. */
export function getApplication(ctx: ServiceCtx, id: number): ApplicationDetail {
  return ctx.db.transaction((tx) => readDetail(ctx, tx, id, 'view'), { behavior: 'immediate' });
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
  loaded: LoadedCase = loadCase(tx, id),
): ApplicationDetail {
  const { row, snapshot, eligibility: e, interview: i, checks: checkRows, induction, exception } = loaded;
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
          criteria: e.criteria,
          unitCriteria: e.unitCriteria,
          tsgMentorName: e.tsgMentorName,
          hasTsgBaseVisit: e.hasTsgBaseVisit,
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
    interview: i
      ? { outcome: i.outcome, scores: i.scores, notes: i.notes, recordedBy: nameOf(i.recordedBy), recordedAt: i.recordedAt }
      : null,
    checks: [
      ...required.map((t) => {
        const c = byCode.get(t.code);
        return {
          check: t.code,
          name: t.name,
          status: c?.status ?? 'not_started',
          reason: c?.reason ?? null,
          isRequired: true,
          updatedBy: c ? nameOf(c.updatedBy) : null,
          updatedAt: c?.updatedAt ?? null,
        };
      }),
      // Checks recorded earlier that no longer apply (a TSG re-route) stay visible, marked not required.
      ...checkRows
        .filter((c) => !required.some((t) => t.code === c.checkCode))
        .map((c) => ({
          check: c.checkCode,
          name: checkNameOf(c.checkCode),
          status: c.status,
          reason: c.reason,
          isRequired: false,
          updatedBy: nameOf(c.updatedBy),
          updatedAt: c.updatedAt,
        })),
    ],
    induction: booking
      ? {
          courseId: booking.c.id,
          courseStartsOn: booking.c.startsOn,
          coursePlace: booking.c.place,
          startDate: booking.b.startDate,
          postingUnit: booking.b.postingUnit,
          postingPlace: booking.b.postingPlace,
          bookedBy: nameOf(booking.b.bookedBy),
          bookedAt: booking.b.bookedAt,
        }
      : null,
    assignee: row.assigneeId === null ? null : { id: row.assigneeId, name: nameOf(row.assigneeId) },
    mentor: people.find((p) => p.id === row.mentorId) ?? null,
    buddy: people.find((p) => p.id === row.buddyId) ?? null,
    isClosed: isClosed(row.stage),
    earliestStartDate: earliestStartDate(snapshot),
    actions: caseActions(ctx.actor, snapshot),
    nextMoves: nextMoves(ctx.actor, snapshot, ctx.now()),
  };
}

/* ---------- lists, board, search ---------- */

/**
 * How a filter's value goes into the SQL: as itself (a one-off query) or as a named placeholder whose
 * value is supplied when a prepared query runs. The names bound describe the query's shape.
 */
type Bind = <T>(name: string, value: T) => T | Placeholder;
const asValue: Bind = (_name, value) => value;

/** Binds every value as a placeholder, recording the values and, in `shape`, what was bound in which order. */
function placeholders(actor: Actor) {
  const values: Record<string, unknown> = {};
  const names: string[] = [actor.role];
  const bind: Bind = (name, value) => {
    values[name] = value;
    names.push(name);
    return sql.placeholder(name);
  };
  return { bind, values, shape: () => names.join(' ') };
}

/** The columns a filter reads: the cases themselves, or the board's counters. */
type FilterColumns = { stage: AnySQLiteColumn; targetUnit: AnySQLiteColumn; route: AnySQLiteColumn };

/** What the actor may see, as a WHERE condition. */
function scopeCondition(actor: Actor, bind: Bind, c: FilterColumns = applications): SQL | undefined {
  switch (actor.role) {
    case 'unit_lead':
      return actor.units.length
        ? inArray(
            c.targetUnit,
            actor.units.map((u, i) => bind(`unit${i}`, u)),
          )
        : sql`0`;
    case 'coordinator':
      return inArray(c.stage, [...coordinatorStages]);
    default:
      return undefined;
  }
}

/**
 * The forms a word may take as a case's reference, to compare with `reference` through its unique
 * index: as typed, in capitals (references are kept as given; Muster's own are `MUS-000041`), and a
 * Muster reference written without its leading zeros (`mus-41`).
 */
function referenceForms(word: string): [string, string, string] {
  const digits = /^mus-?0*(\d{1,6})$/i.exec(word)?.[1];
  return [word, word.toUpperCase(), digits === undefined ? word.toUpperCase() : `MUS-${digits.padStart(6, '0')}`];
}

/**
 * The text search as a condition. Each word must match: its text in a name, the email or the force (an
 * FTS5 trigram match for words of 3+ characters, LIKE for shorter ones), or the whole of the case's
 * reference, so `MUS-000041` finds that case.
 */
function searchCondition(q: string | undefined, bind: Bind): SQL | undefined {
  const words = searchWords(q);
  if (!words.length) return undefined;
  return and(
    ...words.map((word, i) => {
      const forms = referenceForms(word).map((f, j) => bind(`ref${i}_${j}`, f));
      return sql`(${textCondition(word.toLowerCase(), i, bind)} OR ${inArray(applications.reference, forms)})`;
    }),
  );
}

/** One word in a name, the email or the force: through the trigram index from 3 characters, by LIKE below that. */
function textCondition(word: string, i: number, bind: Bind): SQL {
  if (word.length >= 3) {
    const match = bind(`match${i}`, `"${word.replaceAll('"', '""')}"`);
    return sql`${applications.id} IN (SELECT rowid FROM applications_search WHERE applications_search MATCH ${match})`;
  }
  const like = bind(`like${i}`, `%${word.replace(/[%_\\]/g, (m) => `\\${m}`)}%`);
  return sql`(${applications.firstName} LIKE ${like} ESCAPE '\\' OR ${applications.lastName} LIKE ${like} ESCAPE '\\' OR ${applications.email} LIKE ${like} ESCAPE '\\' OR ifnull(${applications.currentForce}, '') LIKE ${like} ESCAPE '\\')`;
}
const searchWords = (q: string | undefined) => (q ?? '').split(/\s+/).filter(Boolean).slice(0, 6);

type Filters = Omit<ListFilters, 'stage'> & { stage?: Stage | undefined };

function conditionsOf(actor: Actor, f: Filters, bind: Bind, c: FilterColumns = applications): (SQL | undefined)[] {
  return [
    scopeCondition(actor, bind, c),
    f.stage ? eq(c.stage, bind('stage', f.stage)) : undefined,
    f.unit ? eq(c.targetUnit, bind('unit', f.unit)) : undefined,
    f.route ? eq(c.route, bind('route', f.route)) : undefined,
    c === applications ? searchCondition(f.q, bind) : undefined,
  ];
}

/** The actor's scope and the filters as WHERE conditions with their values in place (for one-off queries). */
export function filterConditions(actor: Actor, f: Filters): (SQL | undefined)[] {
  return conditionsOf(actor, f, asValue);
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
  throw fieldError('cursor', 'That page link is not valid. Start again from the first page.', 'page.cursor_invalid');
}
const isIdCursor = (v: unknown[]): v is [number] => v.length === 1 && typeof v[0] === 'number';
const isColumnCursor = (v: unknown[]): v is [string, number] =>
  v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'number';

/** A page of cards, newest first or longest in the stage first, as a prepared query (one per shape of filters). */
function cardsQuery(db: Tx, where: SQL | undefined, order: 'newest' | 'longestInStage') {
  return db
    .select(cardColumns)
    .from(applications)
    .where(where)
    .orderBy(...(order === 'newest' ? [desc(applications.id)] : [asc(applications.stageEnteredAt), asc(applications.id)]))
    .limit(sql.placeholder('limit'))
    .prepare();
}
const cardQueries = preparedByShape<ReturnType<typeof cardsQuery>>();

/** Cards as the actor sees them: each with the moves they may try. */
function toCaseCards(actor: Actor, rows: ReturnType<ReturnType<typeof cardsQuery>['all']>): CaseCard[] {
  return rows.map(({ closedFromStage, ...card }) => ({ ...card, moves: caseMoves(actor, { ...card, closedFromStage }) }));
}

/** Cases newest first, filtered and searched, a page at a time. */
export function listApplications(ctx: ServiceCtx, input: ListApplicationsInput): Page<CaseCard> {
  const after = decodeCursor(input.cursor, isIdCursor);
  const p = placeholders(ctx.actor);
  // The names bound tell the two apart in the query's shape: they are the same stages.
  const open = (as: string) => openStages.map((s) => p.bind(`${as}_${s}`, s));
  const where = and(
    ...conditionsOf(ctx.actor, input, p.bind),
    input.isOpen === true ? inArray(applications.stage, open('open')) : undefined,
    input.isOpen === false ? notInArray(applications.stage, open('ended')) : undefined,
    after ? lt(applications.id, p.bind('before', after[0])) : undefined,
  );
  const rows = cardQueries(ctx.db, `list ${p.shape()}`, () => cardsQuery(ctx.db, where, 'newest')).all({
    ...p.values,
    limit: input.limit + 1,
  });
  const items = toCaseCards(ctx.actor, rows.slice(0, input.limit));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor([last.id]) : null };
}

/** Stages the actor's board shows. */
export function boardStages(actor: Actor): Stage[] {
  return actor.role === 'coordinator' ? openStages.filter((s) => coordinatorStages.includes(s)) : [...openStages];
}

/** One column of the board: the cases longest in the stage first. */
export function listColumn(ctx: ServiceCtx, input: ColumnInput): Page<CaseCard> {
  const after = decodeCursor(input.cursor, isColumnCursor);
  const p = placeholders(ctx.actor);
  const where = and(
    ...conditionsOf(ctx.actor, input, p.bind),
    after
      ? or(
          gt(applications.stageEnteredAt, p.bind('afterAt', after[0])),
          and(eq(applications.stageEnteredAt, p.bind('afterAt', after[0])), gt(applications.id, p.bind('afterId', after[1]))),
        )
      : undefined,
  );
  const rows = cardQueries(ctx.db, `column ${p.shape()}`, () => cardsQuery(ctx.db, where, 'longestInStage')).all({
    ...p.values,
    limit: input.limit + 1,
  });
  const items = toCaseCards(ctx.actor, rows.slice(0, input.limit));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor([last.stageEnteredAt, last.id]) : null };
}

/**
 * Cases per stage. Without a text search the counts come from `stage_counts` (kept by triggers, a few
 * hundred rows at most) under the same scope and unit/route filters; a search counts the matching cases.
 */
function countsQuery(db: Tx, where: SQL | undefined, isSearch: boolean) {
  const c = isSearch ? applications : stageCounts;
  return db
    .select({ stage: c.stage, count: isSearch ? sql<number>`count(*)` : sql<number>`sum(${stageCounts.count})` })
    .from(c)
    .where(where)
    .groupBy(c.stage)
    .prepare();
}
const countQueries = preparedByShape<ReturnType<typeof countsQuery>>();

/** Per open stage: how many cases match, and the first page of them. */
export function getBoard(ctx: ServiceCtx, input: BoardInput): BoardColumn[] {
  const stages = boardStages(ctx.actor);
  const isSearch = searchWords(input.q).length > 0;
  const p = placeholders(ctx.actor);
  const columns = isSearch ? applications : stageCounts;
  const where = and(
    ...conditionsOf(ctx.actor, input, p.bind, columns),
    inArray(
      columns.stage,
      stages.map((s) => p.bind(`in_${s}`, s)),
    ),
  );
  const counts = new Map(
    countQueries(ctx.db, `${isSearch ? 'search' : 'counters'} ${p.shape()}`, () => countsQuery(ctx.db, where, isSearch))
      .all(p.values)
      .map((r) => [r.stage, r.count]),
  );
  return stages.map((stage) => {
    const count = counts.get(stage) ?? 0;
    const page = count ? listColumn(ctx, { ...input, stage }) : { items: [], nextCursor: null };
    return { stage, count, ...page };
  });
}

/** The case's history, newest first. */
export function getHistory(
  ctx: ServiceCtx,
  input: { id: number; cursor?: string | undefined; limit: number },
): Page<ApplicationEvent> {
  const q = detailQueries(ctx.db);
  const row = q.scope.get({ id: input.id });
  if (!row) throw new DomainError('NOT_FOUND', `There is no case with id ${input.id}.`);
  assertCanSee(ctx.actor, row);
  const before = decodeCursor(input.cursor, isIdCursor);
  // The history shows the case's content (notes, outcomes): reading it is a view of the case.
  logAccess(ctx.db, { userId: ctx.actor.id, applicationId: input.id, at: ctx.now().toISOString(), action: 'history' });
  const rows = historyQuery(ctx.db).all({ id: input.id, before: before?.[0] ?? Number.MAX_SAFE_INTEGER, limit: input.limit + 1 });
  const items = rows.slice(0, input.limit).map(({ actorId, actorName, ...e }) => ({
    ...e,
    actor: actorId === null ? null : { id: actorId, name: actorName ?? 'Unknown user' },
  }));
  const last = items.at(-1);
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
