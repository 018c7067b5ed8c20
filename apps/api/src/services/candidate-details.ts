import type { ApplicationDetail, CreateApplicationInput, UpdateApplicationInput } from '@muster/contracts';
import { applications, duplicateFlags, forces } from '@muster/db';
import { assertCanSee, assertMay, assertNoProblems, candidateProblems, fieldError } from '@muster/domain';
import { eq, sql } from 'drizzle-orm';
import { readDetail } from './application-detail.ts';
import { appendEvent, assertVersion, bumpVersion, candidateValues, loadApplication } from './application-store.ts';
import { findDuplicates, flagDuplicates } from './duplicates.ts';
import type { ServiceCtx } from './service-ctx.ts';

/* Creating an application by hand and correcting a candidate's details. */

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
      const { row } = loadApplication(tx, input.id);
      assertCanSee(ctx.actor, row);
      assertVersion(tx, row, input.expectedVersion, ctx.now());
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
