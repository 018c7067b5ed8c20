import type { ApplicationCard, EventType, Stage } from '@muster/contracts';
import {
  applicationChecks,
  applicationEvents,
  applications,
  eligibilityExceptions,
  eligibilityRecords,
  inductionBookings,
  interviewOutcomes,
  type Db,
} from '@muster/db';
import { DomainError, type CaseSnapshot } from '@muster/domain';
import { and, eq, sql } from 'drizzle-orm';

/** A transaction handle (or the database itself): both run the same synchronous queries. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

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
};

export type ApplicationRow = typeof applications.$inferSelect;
export type LoadedCase = {
  row: ApplicationRow;
  eligibility: typeof eligibilityRecords.$inferSelect | undefined;
  interview: typeof interviewOutcomes.$inferSelect | undefined;
  checks: (typeof applicationChecks.$inferSelect)[];
  induction: typeof inductionBookings.$inferSelect | undefined;
  exception: typeof eligibilityExceptions.$inferSelect | undefined;
  snapshot: CaseSnapshot;
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

/** Loads a case and everything its rules need; NOT_FOUND if there is no such case. */
export function loadCase(tx: Tx, id: number): LoadedCase {
  const row = tx.select().from(applications).where(eq(applications.id, id)).get();
  if (!row) throw new DomainError('NOT_FOUND', `There is no case with id ${id}.`);
  const eligibility = tx.select().from(eligibilityRecords).where(eq(eligibilityRecords.applicationId, id)).get();
  const interview = tx.select().from(interviewOutcomes).where(eq(interviewOutcomes.applicationId, id)).get();
  const checks = tx.select().from(applicationChecks).where(eq(applicationChecks.applicationId, id)).all();
  const induction = tx.select().from(inductionBookings).where(eq(inductionBookings.applicationId, id)).get();
  const exception = tx.select().from(eligibilityExceptions).where(eq(eligibilityExceptions.applicationId, id)).get();
  return {
    row,
    eligibility,
    interview,
    checks,
    induction,
    exception,
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
      interview: interview ?? null,
      checks: Object.fromEntries(checks.map((c) => [c.checkCode, c.status])),
      induction: induction ?? null,
      mentorId: row.mentorId,
      buddyId: row.buddyId,
    },
  };
}

/** Refuses a write made against a version of the case that is no longer current. */
export function assertVersion(row: ApplicationRow, expectedVersion: number): void {
  if (row.version !== expectedVersion) {
    throw new DomainError(
      'CONFLICT',
      `Someone else changed this case (it is now at version ${row.version}; you were looking at version ${expectedVersion}). Look at it again before you carry on.`,
      { current: toCard(row) },
    );
  }
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
    assertVersion(tx.select().from(applications).where(eq(applications.id, row.id)).get()!, row.version);
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
  tx.insert(applicationEvents)
    .values({
      applicationId: e.applicationId,
      actorId: e.actorId,
      at: e.at,
      type: e.type,
      fromStage: e.fromStage ?? null,
      toStage: e.toStage ?? null,
      reason: e.reason ?? null,
      details: e.details ?? {},
    })
    .run();
}
