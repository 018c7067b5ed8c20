import type { ApplicationDetail } from '@muster/contracts';
import { assertCanSee, assertMay, type ApplicationAction } from '@muster/domain';
import { readDetail } from './application-detail.ts';
import { assertVersion, loadApplication, type LoadedApplication, type Tx } from './application-store.ts';
import type { ServiceCtx } from './service-ctx.ts';

type Write = { id: number; expectedVersion: number };

/**
 * The one shape of every write to a case: load it, check the actor may see it, that they read the
 * current version and may take this action at this stage; then apply, append the event, bump the
 * version — all in one immediate transaction, so a refusal anywhere leaves nothing behind.
 */
export function writeApplication(
  ctx: ServiceCtx,
  input: Write,
  action: ApplicationAction,
  apply: (tx: Tx, loaded: LoadedApplication, at: string) => void,
): ApplicationDetail {
  return ctx.db.transaction(
    (tx) => {
      const loaded = loadApplication(tx, input.id);
      assertCanSee(ctx.actor, loaded.snapshot);
      assertVersion(tx, loaded.row, input.expectedVersion, ctx.now());
      assertMay(ctx.actor, loaded.snapshot, action);
      const at = ctx.now().toISOString();
      apply(tx, loaded, at);
      return readDetail(ctx, tx, input.id, 'view_after_change');
    },
    { behavior: 'immediate' },
  );
}
