import type { AddCloseReasonInput, CloseReason, RetireCloseReasonInput } from '@muster/contracts';
import { closeReasons } from '@muster/db';
import { DomainError, fieldError } from '@muster/domain';
import { and, asc, eq } from 'drizzle-orm';
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

export function addCloseReason(ctx: ServiceCtx, input: AddCloseReasonInput): CloseReason {
  const clash = ctx.db
    .select({ id: closeReasons.id })
    .from(closeReasons)
    .where(and(eq(closeReasons.kind, input.kind), eq(closeReasons.label, input.label), eq(closeReasons.isActive, true)))
    .get();
  if (clash)
    throw new DomainError('BAD_REQUEST', 'That reason is already on the list.', {
      fieldErrors: { label: ['That reason is already on the list.'] },
    });
  return ctx.db.insert(closeReasons).values(input).returning().get();
}

/** Retired reasons leave the list but stay readable in the histories that cite them. */
export function retireCloseReason(ctx: ServiceCtx, input: RetireCloseReasonInput): CloseReason {
  const row = ctx.db.update(closeReasons).set({ isActive: false }).where(eq(closeReasons.id, input.id)).returning().get();
  if (!row) throw new DomainError('NOT_FOUND', 'There is no such reason.');
  return row;
}

/** The reason the user chose, checked to be an active one of the right kind. */
export function closeReasonFor(db: Tx, id: number, kind: 'rejected' | 'withdrawn') {
  const row = db.select().from(closeReasons).where(eq(closeReasons.id, id)).get();
  if (!row || !row.isActive || row.kind !== kind) {
    throw fieldError('reasonId', `Choose a reason from the list for a case being ${kind}.`, 'move.listed_reason_unknown');
  }
  return row;
}
