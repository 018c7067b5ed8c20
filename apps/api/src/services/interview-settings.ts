import type { AddVenueInput, Interviewer, RetireVenueInput, SetInterviewLimitInput, Venue } from '@muster/contracts';
import { unitScopedRoles } from '@muster/contracts';
import { userUnits, users, venues } from '@muster/db';
import { DomainError, fieldError } from '@muster/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ServiceCtx } from './service-ctx.ts';

/* What the admin manages for interviews: the venues, and each interviewer's most interviews a day. */

export function addVenue(ctx: ServiceCtx, input: AddVenueInput): Venue {
  return ctx.db.transaction(
    (tx) => {
      const clash = tx.select().from(venues).where(eq(venues.name, input.name)).get();
      if (clash?.isActive) throw fieldError('name', 'A place with that name is already on the list.', 'venues.already_listed');
      // A retired place of the same name comes back with the new address.
      const row = clash
        ? tx
            .update(venues)
            .set({ address: input.address, unitCode: input.unit, isActive: true })
            .where(eq(venues.id, clash.id))
            .returning()
            .get()
        : tx.insert(venues).values({ name: input.name, address: input.address, unitCode: input.unit }).returning().get();
      if (!row) throw new Error('the venue was not written');
      return { id: row.id, name: row.name, address: row.address, unit: row.unitCode };
    },
    { behavior: 'immediate' },
  );
}

/** A retired venue is offered for no new slot; slots already there keep it. */
export function retireVenue(ctx: ServiceCtx, input: RetireVenueInput): Venue {
  const row = ctx.db.update(venues).set({ isActive: false }).where(eq(venues.id, input.id)).returning().get();
  if (!row) throw new DomainError('NOT_FOUND', 'There is no such place.');
  return { id: row.id, name: row.name, address: row.address, unit: row.unitCode };
}

/** Everyone who may sit on interview panels (active resourcing, unit leads, panel members) with their daily limit, for the admin. */
export function listInterviewers(ctx: ServiceCtx): Interviewer[] {
  const rows = ctx.db
    .select({ id: users.id, name: users.name, role: users.role, maxInterviewsPerDay: users.maxInterviewsPerDay })
    .from(users)
    .where(and(eq(users.isActive, true), inArray(users.role, ['resourcing', ...unitScopedRoles])))
    .orderBy(asc(users.name))
    .all();
  const units = ctx.db.select().from(userUnits).all();
  return rows.map((u) => ({ ...u, units: units.filter((x) => x.userId === u.id).map((x) => x.unitCode) }));
}

/** Sets a person's most interviews a day; only for people who sit on panels (resourcing, leads, panel members). */
export function setInterviewLimit(ctx: ServiceCtx, input: SetInterviewLimitInput) {
  const roles: readonly string[] = ['resourcing', ...unitScopedRoles];
  const user = ctx.db.select().from(users).where(eq(users.id, input.userId)).get();
  if (!user) throw new DomainError('NOT_FOUND', 'There is no such person.');
  if (!roles.includes(user.role))
    throw fieldError('userId', `${user.name} does not sit on interview panels.`, 'users.not_a_panellist');
  const row = ctx.db
    .update(users)
    .set({ maxInterviewsPerDay: input.maxInterviewsPerDay })
    .where(and(eq(users.id, user.id)))
    .returning({ id: users.id, name: users.name, maxInterviewsPerDay: users.maxInterviewsPerDay })
    .get();
  if (!row) throw new Error('the limit was not written');
  return row;
}
