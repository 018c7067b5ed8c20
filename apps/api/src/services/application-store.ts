import type { ApplicationCard, ApplicationChange, Candidate, EventType, Stage } from '@muster/contracts';
import {
  accessLog,
  applicationChecks,
  applicationEvents,
  applications,
  eligibilityExceptions,
  eligibilityRecords,
  tsgPreAssessments,
  inductionBookings,
  interviewOutcomes,
  preparedFor,
  type DbHandle,
} from '@muster/db';
import { DomainError, type ApplicationSnapshot, type DomainErrorDetails } from '@muster/domain';
import { and, eq, sql } from 'drizzle-orm';
import { latestChange, whenWords } from './change-words.ts';

/** A transaction handle (or the database itself): both run the same synchronous queries. */
export type Tx = DbHandle;

export const cardColumns = {
  id: applications.id,
  reference: applications.reference,
  firstName: applications.firstName,
  lastName: applications.lastName,
  route: applications.route,
  targetUnit: applications.targetUnit,
  currentForce: applications.currentForce,
  stage: applications.stage,
  stageEnteredAt: applications.stageEnteredAt,
  version: applications.version,
  closedFromStage: applications.closedFromStage,
  // What a joiner still needs (joinerNeeds) is read from these three.
  mentorId: applications.mentorId,
  buddyId: applications.buddyId,
  hasInductionBooking:
    sql<boolean>`exists (select 1 from ${inductionBookings} where ${inductionBookings.applicationId} = ${applications.id})`.mapWith(
      (v: unknown) => v === 1,
    ),
};

export type ApplicationRow = typeof applications.$inferSelect;

/** The candidate's own details as the case row stores them: absent optional values as null, absent lists empty. */
export function candidateValues(c: Omit<Candidate, 'receivedAt' | 'targetUnit'>) {
  return {
    route: c.route,
    cohortYear: c.cohortYear ?? null,
    firstName: c.firstName,
    lastName: c.lastName,
    email: c.email,
    phone: c.phone ?? null,
    dateOfBirth: c.dateOfBirth,
    currentForce: c.currentForce ?? null,
    rank: c.rank ?? null,
    warrantNumber: c.warrantNumber ?? null,
    joinedForceOn: c.joinedForceOn ?? null,
    unitPreferences: c.unitPreferences ?? [],
    postingPreference: c.postingPreference ?? null,
    specialistSkills: c.specialistSkills ?? [],
  } satisfies Partial<ApplicationRow>;
}
export type LoadedApplication = {
  row: ApplicationRow;
  eligibility: typeof eligibilityRecords.$inferSelect | undefined;
  interview: typeof interviewOutcomes.$inferSelect | undefined;
  checks: (typeof applicationChecks.$inferSelect)[];
  induction: typeof inductionBookings.$inferSelect | undefined;
  exception: typeof eligibilityExceptions.$inferSelect | undefined;
  tsgPreAssessment: typeof tsgPreAssessments.$inferSelect | undefined;
  snapshot: ApplicationSnapshot;
};

export function toCard(row: ApplicationRow): ApplicationCard {
  return {
    id: row.id,
    reference: row.reference,
    firstName: row.firstName,
    lastName: row.lastName,
    route: row.route,
    targetUnit: row.targetUnit,
    currentForce: row.currentForce,
    stage: row.stage,
    stageEnteredAt: row.stageEnteredAt,
    version: row.version,
  };
}

const id = sql.placeholder('id');
/** The reads of loadApplication, prepared once per connection. */
const applicationQueries = preparedFor((db) => ({
  row: db.select().from(applications).where(eq(applications.id, id)).prepare(),
  eligibility: db.select().from(eligibilityRecords).where(eq(eligibilityRecords.applicationId, id)).prepare(),
  interview: db.select().from(interviewOutcomes).where(eq(interviewOutcomes.applicationId, id)).prepare(),
  checks: db.select().from(applicationChecks).where(eq(applicationChecks.applicationId, id)).prepare(),
  induction: db.select().from(inductionBookings).where(eq(inductionBookings.applicationId, id)).prepare(),
  exception: db.select().from(eligibilityExceptions).where(eq(eligibilityExceptions.applicationId, id)).prepare(),
  tsgPreAssessment: db.select().from(tsgPreAssessments).where(eq(tsgPreAssessments.applicationId, id)).prepare(),
  appendEvent: db
    .insert(applicationEvents)
    .values({
      applicationId: sql.placeholder('applicationId'),
      actorId: sql.placeholder('actorId'),
      at: sql.placeholder('at'),
      type: sql.placeholder('type'),
      fromStage: sql.placeholder('fromStage'),
      toStage: sql.placeholder('toStage'),
      reason: sql.placeholder('reason'),
      details: sql.placeholder('details'),
    })
    .prepare(),
}));

/** The case's row alone (NOT_FOUND if there is none). */
export function loadRow(tx: Tx, applicationId: number): ApplicationRow {
  const row = applicationQueries(tx).row.get({ id: applicationId });
  if (!row) throw new DomainError('NOT_FOUND', `There is no case with id ${applicationId}.`);
  return row;
}

/** Loads a case and everything its rules need; NOT_FOUND if there is no such case. */
export function loadApplication(tx: Tx, applicationId: number): LoadedApplication {
  const q = applicationQueries(tx);
  const row = loadRow(tx, applicationId);
  return withRow(
    {
      eligibility: q.eligibility.get({ id: applicationId }),
      interview: q.interview.get({ id: applicationId }),
      checks: q.checks.all({ id: applicationId }),
      induction: q.induction.get({ id: applicationId }),
      exception: q.exception.get({ id: applicationId }),
      tsgPreAssessment: q.tsgPreAssessment.get({ id: applicationId }),
    },
    row,
  );
}

/**
 * A loaded case with its row replaced by a newer one (after a write that changed only the row, such as
 * a move): the records hanging off the case are kept, the snapshot the rules read is rebuilt.
 */
export function withRow(loaded: Omit<LoadedApplication, 'row' | 'snapshot'>, row: ApplicationRow): LoadedApplication {
  const { eligibility, interview, checks, induction, exception, tsgPreAssessment } = loaded;
  return {
    row,
    eligibility,
    interview,
    checks,
    induction,
    exception,
    tsgPreAssessment,
    snapshot: {
      route: row.route,
      stage: row.stage,
      targetUnit: row.targetUnit,
      currentForce: row.currentForce,
      rank: row.rank,
      joinedForceOn: row.joinedForceOn,
      closedFromStage: row.closedFromStage,
      finalOfferAt: row.finalOfferAt,
      eligibility: eligibility ?? null,
      exception: exception ?? null,
      tsgPreAssessment: tsgPreAssessment
        ? { mentorId: tsgPreAssessment.mentorId, hasBaseVisit: tsgPreAssessment.hasBaseVisit }
        : null,
      interview: interview ?? null,
      checks: Object.fromEntries(checks.map((c) => [c.checkCode, c.status])),
      induction: induction ?? null,
      mentorId: row.mentorId,
      buddyId: row.buddyId,
    },
  };
}

/**
 * Refuses a write made against a version of the case that is no longer current: CONFLICT with the
 * case's card as it is now (`current`), the newest change (`lastChange`: who, when, what) and how many
 * changes came before it since the version the writer read (`otherChanges`), and all of it in words
 * ("Someone else changed this case: Priya Shah added a note at 10:42."), "today" by the services' clock.
 */
export function assertVersion(tx: Tx, row: ApplicationRow, expectedVersion: number, now: Date): void {
  if (row.version === expectedVersion) return;
  const change = latestChange(tx, row.id);
  // Each write bumps the version once: the changes since the writer's read are the versions between.
  const otherChanges = Math.max(0, row.version - expectedVersion - 1);
  const others = otherChanges
    ? `, and ${otherChanges === 1 ? '1 other change was' : `${otherChanges} other changes were`} made before that`
    : '';
  // A version ahead of the case's is no one's change: it is refused without naming one.
  const what =
    change && row.version > expectedVersion ? `: ${change.by} ${change.did} ${whenWords(change.at, now)}${others}.` : '.';
  const message = `Someone else changed this case${what} Look at it again before you carry on.`;
  const details: DomainErrorDetails & { lastChange?: ApplicationChange; otherChanges: number } = {
    current: toCard(row),
    ...(change ? { lastChange: { by: change.by, at: change.at, type: change.type, summary: change.summary } } : {}),
    otherChanges,
  };
  throw new DomainError('CONFLICT', message, details);
}

/** Bumps the case's version, guarded by the version the writer read; changes to columns go with it. */
export function bumpVersion(
  tx: Tx,
  row: ApplicationRow,
  at: string,
  changes: Partial<typeof applications.$inferInsert> = {},
): number {
  const result = tx
    .update(applications)
    .set({ ...changes, version: sql`${applications.version} + 1`, updatedAt: at })
    .where(and(eq(applications.id, row.id), eq(applications.version, row.version)))
    .run();
  if (result.changes !== 1) {
    // Only reachable if another writer got in between this transaction's read and write.
    assertVersion(tx, loadRow(tx, row.id), row.version, new Date(at));
  }
  return row.version + 1;
}

export type NewEvent = {
  applicationId: number;
  actorId: number | null;
  at: string;
  type: EventType;
  fromStage?: Stage | null;
  toStage?: Stage | null;
  reason?: string | null;
  details?: Record<string, unknown>;
};

export function appendEvent(tx: Tx, e: NewEvent): void {
  applicationQueries(tx).appendEvent.run({
    applicationId: e.applicationId,
    actorId: e.actorId,
    at: e.at,
    type: e.type,
    fromStage: e.fromStage ?? null,
    toStage: e.toStage ?? null,
    reason: e.reason ?? null,
    details: e.details ?? {},
  });
}

/**
 * How a case's personal details reached a user: opening it (`view`), its history (`history`), the
 * answer to a change they made (`view_after_change`), or the duplicates list's matched values (`duplicates`).
 */
export type AccessAction = 'view' | 'history' | 'view_after_change' | 'duplicates';

const accessQueries = preparedFor((db) => ({
  log: db
    .insert(accessLog)
    .values({
      userId: sql.placeholder('userId'),
      applicationId: sql.placeholder('applicationId'),
      at: sql.placeholder('at'),
      action: sql.placeholder('action'),
    })
    .prepare(),
}));

/** Records in the access log that `userId` was shown the case's details. */
export function logAccess(tx: Tx, e: { userId: number; applicationId: number; at: string; action: AccessAction }): void {
  accessQueries(tx).log.run(e);
}
