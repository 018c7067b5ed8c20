import { closeReasons } from '@muster/db';
import { DomainError } from '@muster/domain';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { closeReasonIds, setupApi } from '../testing.ts';

/** What a refused call said, in codes: the tRPC code, and the domain's field codes and words. */
async function refusalOf(call: Promise<unknown>) {
  const err = await call.then(
    () => expect.unreachable('the call went through'),
    (e: unknown) => e,
  );
  if (!(err instanceof TRPCError)) throw err;
  const details = err.cause instanceof DomainError ? err.cause.details : {};
  return { code: err.code, fieldCodes: details.fieldCodes, fieldErrors: details.fieldErrors };
}

const activeLabels = async (api: Awaited<ReturnType<typeof setupApi>>, kind: 'rejected' | 'withdrawn') =>
  (await api.as.resourcing.reference.closeReasons()).filter((r) => r.kind === kind).map((r) => r.label);

describe('retiring and restoring a reason to close a case', () => {
  it('restoring undoes retiring: the reason is back on the list caseworkers choose from, as it was', async () => {
    const api = await setupApi();
    const admin = api.as.admin.admin;
    const before = api.db.select().from(closeReasons).where(eq(closeReasons.id, closeReasonIds.withdrawn)).get()!;
    const listed = await activeLabels(api, 'withdrawn');

    expect(await admin.retireCloseReason({ id: before.id })).toMatchObject({ id: before.id, isActive: false });
    expect(await activeLabels(api, 'withdrawn')).not.toContain(before.label);
    // Retired reasons stay on the admin's list, to be restored from there.
    expect((await admin.closeReasons()).find((r) => r.id === before.id)).toMatchObject({ isActive: false });

    expect(await admin.restoreCloseReason({ id: before.id })).toEqual({ ...before, isActive: true });
    expect(await activeLabels(api, 'withdrawn')).toEqual(listed);
    // Restoring one that is in use changes nothing.
    expect(await admin.restoreCloseReason({ id: before.id })).toEqual({ ...before, isActive: true });
  });

  it('is refused, with a code, while an active reason of the same kind reads the same; the other kind does not count', async () => {
    const api = await setupApi();
    const admin = api.as.admin.admin;
    const old = await admin.addCloseReason({ kind: 'withdrawn', label: 'Moved abroad' });
    await admin.retireCloseReason({ id: old.id });
    const again = await admin.addCloseReason({ kind: 'withdrawn', label: 'Moved abroad' });
    await admin.addCloseReason({ kind: 'rejected', label: 'Failed vetting twice' });

    expect(await refusalOf(admin.restoreCloseReason({ id: old.id }))).toEqual({
      code: 'BAD_REQUEST',
      fieldCodes: { id: ['reasons.already_listed'] },
      fieldErrors: { id: ['“Moved abroad” is already on the list as a reason to withdraw, so it was not restored.'] },
    });
    expect(api.db.select().from(closeReasons).where(eq(closeReasons.id, old.id)).get()?.isActive).toBe(false);

    // Once the newer one is retired, the old one may come back.
    await admin.retireCloseReason({ id: again.id });
    expect(await admin.restoreCloseReason({ id: old.id })).toMatchObject({ id: old.id, isActive: true });

    // A reason to reject with the same words as one to withdraw is another reason.
    const reject = await admin.addCloseReason({ kind: 'rejected', label: 'Moved abroad' });
    await admin.retireCloseReason({ id: reject.id });
    expect(await admin.restoreCloseReason({ id: reject.id })).toMatchObject({ isActive: true });
  });

  it('adding a reason already listed is refused with the same code, on the label', async () => {
    const api = await setupApi();
    const [first] = await api.as.admin.reference.closeReasons();
    expect(await refusalOf(api.as.admin.admin.addCloseReason({ kind: first!.kind, label: first!.label }))).toEqual({
      code: 'BAD_REQUEST',
      fieldCodes: { label: ['reasons.already_listed'] },
      fieldErrors: { label: ['That reason is already on the list.'] },
    });
  });

  it('restoring a reason that does not exist is NOT_FOUND', async () => {
    const api = await setupApi();
    expect((await refusalOf(api.as.admin.admin.restoreCloseReason({ id: 9999 }))).code).toBe('NOT_FOUND');
  });
});
