import type { ApplicationDetail, BulkRejectInput, ApplicationRefusal, MoveApplicationInput } from '@muster/contracts';
import { applications } from '@muster/db';
import { assertCanSee, DomainError, planMove, refusalsOf } from '@muster/domain';
import { eq } from 'drizzle-orm';
import type { ServiceCtx } from './service-ctx.ts';
import { readDetail } from './application-detail.ts';
import {
  appendEvent,
  assertVersion,
  bumpVersion,
  loadApplication,
  loadRow,
  withRow,
  type LoadedApplication,
  type Tx,
} from './application-store.ts';
import { closeReasonFor } from './close-reasons.ts';
import { offerFreedPlaces } from './courses.ts';

/** The listed reason a case is closed with: planMove refuses a close without one, so it is there. */
function listedReason(tx: Tx, input: MoveApplicationInput) {
  if (input.reasonId === undefined) throw new Error('planMove let a case close without a listed reason');
  return closeReasonFor(tx, input.reasonId, input.to as 'rejected' | 'withdrawn');
}

/** The move itself, inside the caller's transaction: checks, the stage change and its event. Returns the case as loaded before the move. */
function applyMove(ctx: ServiceCtx, tx: Tx, input: MoveApplicationInput): LoadedApplication {
  const loaded = loadApplication(tx, input.id);
  const { row, snapshot } = loaded;
  assertCanSee(ctx.actor, snapshot);
  assertVersion(tx, row, input.expectedVersion, ctx.now());
  const now = ctx.now();
  const at = now.toISOString();
  const plan = planMove(ctx.actor, snapshot, input.to, { id: input.reasonId, text: input.reason }, now);
  const listed = plan.kind === 'close' ? listedReason(tx, input) : null;
  const reason = listed ? (input.reason ? `${listed.label}: ${input.reason}` : listed.label) : (input.reason ?? null);
  bumpVersion(tx, row, at, {
    stage: input.to,
    stageEnteredAt: at,
    ...(plan.kind === 'close' ? { closedFromStage: row.stage, closeReason: reason } : {}),
    ...(plan.kind === 'reopen' ? { closedFromStage: null, closeReason: null } : {}),
    // Passing every pre-employment check is the final offer: the transferee's notice period runs from here.
    ...(plan.kind === 'forward' && input.to === 'induction' ? { finalOfferAt: at } : {}),
  });
  appendEvent(tx, {
    applicationId: row.id,
    actorId: ctx.actor.id,
    at,
    type: plan.eventType,
    fromStage: row.stage,
    toStage: input.to,
    reason,
    details: listed ? { reasonId: listed.id, reasonLabel: listed.label } : {},
  });
  // A case closed frees its place on its induction course: offered to the first on its waiting list.
  if (plan.kind === 'close' && loaded.induction) offerFreedPlaces(ctx, tx, loaded.induction.courseId, at);
  return loaded;
}

/** Moves a case to another stage if the actor may and its gate is open; one event, one transaction. */
export function moveApplication(ctx: ServiceCtx, input: MoveApplicationInput): ApplicationDetail {
  return ctx.db.transaction(
    (tx) => {
      // A move changes only the case's row: read that again, keep the records loaded for the rules.
      const loaded = applyMove(ctx, tx, input);
      return readDetail(ctx, tx, input.id, 'view_after_change', withRow(loaded, loadRow(tx, input.id)));
    },
    { behavior: 'immediate' },
  );
}

/**
 * Rejects many cases with one reason: all or nothing. If any case cannot be rejected, none is, and
 * the error lists each case that stood in the way and why: in words (`reasons`, one per case) and
 * by code (`refused`, one per unmet condition).
 */
export function bulkReject(ctx: ServiceCtx, input: BulkRejectInput): { rejected: number } {
  return ctx.db.transaction(
    (tx) => {
      const reasons: string[] = [];
      const refused: ApplicationRefusal[] = [];
      for (const c of input.cases) {
        try {
          applyMove(ctx, tx, { ...c, to: 'rejected', reasonId: input.reasonId, reason: input.reason });
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          if (e.details.fieldErrors?.reasonId) throw e;
          const reference =
            tx.select({ reference: applications.reference }).from(applications).where(eq(applications.id, c.id)).get()
              ?.reference ?? `Case ${c.id}`;
          reasons.push(`${reference}: ${e.details.reasons?.join(' ') ?? e.message}`);
          refused.push(...refusalsOf(e).map((r) => ({ id: c.id, reference, ...r })));
        }
      }
      if (reasons.length) {
        throw new DomainError(
          'PRECONDITION_FAILED',
          `No case was rejected: ${reasons.length} of ${input.cases.length} could not be.`,
          { reasons, refused },
        );
      }
      return { rejected: input.cases.length };
    },
    { behavior: 'immediate' },
  );
}
