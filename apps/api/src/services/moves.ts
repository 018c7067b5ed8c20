import type { ApplicationDetail, MoveApplicationInput } from '@muster/contracts';
import { assertCanSee, planMove } from '@muster/domain';
import type { ServiceCtx } from './actor.ts';
import { readDetail } from './applications.ts';
import { appendEvent, assertVersion, bumpVersion, loadCase } from './case-store.ts';

/** Moves a case to another stage if the actor may and its gate is open; one event, one transaction. */
export function moveApplication(ctx: ServiceCtx, input: MoveApplicationInput): ApplicationDetail {
  return ctx.db.transaction(
    (tx) => {
      const { row, snapshot } = loadCase(tx, input.id);
      assertCanSee(ctx.actor, snapshot);
      assertVersion(row, input.expectedVersion);
      const now = ctx.now();
      const at = now.toISOString();
      const plan = planMove(ctx.actor, snapshot, input.to, input.reason, now);
      bumpVersion(tx, row, at, {
        stage: input.to,
        stageEnteredAt: at,
        ...(plan.kind === 'close' ? { closedFromStage: row.stage, closeReason: input.reason ?? null } : {}),
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
        reason: input.reason ?? null,
      });
      return readDetail(ctx, tx, row.id);
    },
    { behavior: 'immediate' },
  );
}
