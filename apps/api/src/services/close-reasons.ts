import type {
  AddCloseReasonInput,
  CloseReason,
  CloseKind,
  RestoreCloseReasonInput,
  RetireCloseReasonInput,
} from '@muster/contracts';
import { closeReasons } from '@muster/db';
import { DomainError, fieldError } from '@muster/domain';
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Tx } from './application-store.ts';
import type { ServiceCtx } from './service-ctx.ts';

/** The reasons to reject or withdraw, kind by kind; retired ones too when asked (the admin's list). */
export function listCloseReasons(ctx: ServiceCtx, input: { includeRetired: boolean }): CloseReason[] {
  return ctx.db
    .select()
    .from(closeReasons)
    .where(input.includeRetired ? undefined : eq(closeReasons.isActive, true))
    .orderBy(asc(closeReasons.kind), asc(closeReasons.id))
    .all();
}

/** The active reason of that kind with those words, but `except`; there is at most one. */
function activeNamesake(db: Tx, kind: CloseKind, label: string, except?: number) {
  return db
    .select({ id: closeReasons.id })
    .from(closeReasons)
    .where(
      and(
        eq(closeReasons.kind, kind),
        eq(closeReasons.label, label),
        eq(closeReasons.isActive, true),
        except === undefined ? undefined : ne(closeReasons.id, except),
      ),
    )
    .get();
}

export function addCloseReason(ctx: ServiceCtx, input: AddCloseReasonInput): CloseReason {
  return ctx.db.transaction((tx) => {
    if (activeNamesake(tx, input.kind, input.label))
      throw fieldError('label', 'That reason is already on the list.', 'reasons.already_listed');
    return tx.insert(closeReasons).values(input).returning().get();
  });
}

/** Retired reasons leave the list but stay readable in the histories that cite them. */
export function retireCloseReason(ctx: ServiceCtx, input: RetireCloseReasonInput): CloseReason {
  const row = ctx.db.update(closeReasons).set({ isActive: false }).where(eq(closeReasons.id, input.id)).returning().get();
  if (!row) throw new DomainError('NOT_FOUND', 'There is no such reason.');
  return row;
}

/**
 * A retired reason back on the list, as it was (the undo of retiring). Refused while an active
 * reason of the same kind reads the same, added since: the list would offer it twice.
 */
export function restoreCloseReason(ctx: ServiceCtx, input: RestoreCloseReasonInput): CloseReason {
  return ctx.db.transaction((tx) => {
    const row = tx.select().from(closeReasons).where(eq(closeReasons.id, input.id)).get();
    if (!row) throw new DomainError('NOT_FOUND', 'There is no such reason.');
    if (row.isActive) return row;
    if (activeNamesake(tx, row.kind, row.label, row.id)) {
      const use = row.kind === 'rejected' ? 'reject' : 'withdraw';
      throw fieldError(
        'id',
        `“${row.label}” is already on the list as a reason to ${use}, so it was not restored.`,
        'reasons.already_listed',
      );
    }
    tx.update(closeReasons).set({ isActive: true }).where(eq(closeReasons.id, row.id)).run();
    return { ...row, isActive: true };
  });
}

/** The reason the user chose, checked to be an active one of the right kind. */
export function closeReasonFor(db: Tx, id: number, kind: 'rejected' | 'withdrawn') {
  const row = db.select().from(closeReasons).where(eq(closeReasons.id, id)).get();
  if (!row || !row.isActive || row.kind !== kind) {
    throw fieldError('reasonId', `Choose a reason from the list for a case being ${kind}.`, 'move.listed_reason_unknown');
  }
  return row;
}
