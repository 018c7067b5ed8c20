import type {
  AssignInput,
  DeleteViewInput,
  ApplicationRefusal,
  CountedPage,
  Reviewer,
  SavedView,
  SaveViewInput,
  TriageFilters,
  TriageItem,
  TriageQueueInput,
} from '@muster/contracts';
import { applications, savedViews, users } from '@muster/db';
import { daysBetween, DomainError, fieldError, isOpen } from '@muster/domain';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { ServiceCtx } from './service-ctx.ts';
import { filterConditions } from './application-filters.ts';
import { triageOrders } from './application-sorts.ts';
import { cappedCount, keyset } from './cursors.ts';
import { appendEvent, assertVersion, bumpVersion, loadApplication } from './application-store.ts';
import { openFlagCount } from './duplicates.ts';

function assigneeCondition(ctx: ServiceCtx, assignee: TriageFilters['assignee']) {
  if (assignee === 'any') return undefined;
  if (assignee === 'unassigned') return isNull(applications.assigneeId);
  return eq(applications.assigneeId, assignee === 'me' ? ctx.actor.id : assignee);
}

/** New applications waiting for review, oldest first or in the sort asked for, with their age against the SLA and how many match. */
export function triageQueue(ctx: ServiceCtx, input: TriageQueueInput): CountedPage<TriageItem> {
  const now = ctx.now();
  const overdueBefore = new Date(now.getTime() - ctx.config.triageSlaDays * 86_400_000).toISOString();
  const { by, direction } = input.sort;
  const order = keyset<TriageItem>(by, direction, triageOrders[by], applications.id);
  const matching = [
    ...filterConditions(ctx.actor, input),
    assigneeCondition(ctx, input.assignee),
    input.isOverdue === true ? lt(applications.receivedAt, overdueBefore) : undefined,
    input.isOverdue === false ? sql`${applications.receivedAt} >= ${overdueBefore}` : undefined,
  ];
  const rows = ctx.db
    .select({
      id: applications.id,
      reference: applications.reference,
      firstName: applications.firstName,
      lastName: applications.lastName,
      route: applications.route,
      targetUnit: applications.targetUnit,
      unitPreferences: applications.unitPreferences,
      currentForce: applications.currentForce,
      stage: applications.stage,
      receivedAt: applications.receivedAt,
      version: applications.version,
      assigneeId: applications.assigneeId,
      assigneeName: users.name,
      openDuplicateFlags: openFlagCount,
    })
    .from(applications)
    .leftJoin(users, eq(users.id, applications.assigneeId))
    .where(and(...matching, order.after(input.cursor)))
    .orderBy(...order.orderBy)
    .limit(input.limit + 1)
    .all();
  const items = rows.slice(0, input.limit).map(({ assigneeId, assigneeName, ...r }) => {
    const daysSinceReceived = daysBetween(r.receivedAt, now.toISOString());
    return {
      ...r,
      daysSinceReceived,
      isOverdue: r.stage === 'review' && r.receivedAt < overdueBefore,
      assignee: assigneeId === null ? null : { id: assigneeId, name: assigneeName ?? 'Unknown user' },
    };
  });
  const last = rows.length > input.limit ? items.at(-1) : undefined;
  return { items, nextCursor: last ? order.cursorOf(last) : null, ...cappedCount(ctx.db, applications, and(...matching)) };
}

/** The people cases can be assigned to for review. */
export function listReviewers(ctx: ServiceCtx): Reviewer[] {
  return ctx.db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.role, 'resourcing'), eq(users.isActive, true)))
    .orderBy(users.name)
    .all();
}

/** Assigns (or unassigns) one or many cases; all or nothing, an `assigned` event on each. */
export function assignApplications(ctx: ServiceCtx, input: AssignInput) {
  return ctx.db.transaction(
    (tx) => {
      const assigneeId = input.assignee === 'me' ? ctx.actor.id : input.assignee;
      let assignee: { id: number; name: string } | null = null;
      if (assigneeId !== null) {
        const u = tx
          .select({ id: users.id, name: users.name, role: users.role, isActive: users.isActive })
          .from(users)
          .where(eq(users.id, assigneeId))
          .get();
        if (!u || !u.isActive || u.role !== 'resourcing') {
          throw fieldError('assignee', 'Choose a member of the resourcing team.', 'triage.not_a_reviewer');
        }
        assignee = { id: u.id, name: u.name };
      }
      const at = ctx.now().toISOString();
      const ids = new Set<number>();
      const refused: ApplicationRefusal[] = [];
      for (const c of input.cases) {
        if (ids.has(c.id)) throw fieldError('cases', 'Each case may be listed once.', 'triage.case_listed_twice');
        ids.add(c.id);
        const { row } = loadApplication(tx, c.id);
        assertVersion(tx, row, c.expectedVersion, ctx.now());
        if (!isOpen(row.stage)) {
          const message = `${row.reference} is ${row.stage}: only open cases are assigned.`;
          refused.push({ id: row.id, reference: row.reference, code: 'triage.case_not_open', message });
          continue;
        }
        if (row.assigneeId === assigneeId) continue;
        bumpVersion(tx, row, at, { assigneeId });
        appendEvent(tx, {
          applicationId: row.id,
          actorId: ctx.actor.id,
          at,
          type: 'assigned',
          details: { assignee, previousAssigneeId: row.assigneeId },
        });
      }
      const [firstRefused] = refused;
      if (firstRefused) {
        throw new DomainError(
          'PRECONDITION_FAILED',
          refused.length === 1 ? firstRefused.message : `No case was assigned: ${refused.length} are not open.`,
          { reasons: refused.map((r) => r.message), refused },
        );
      }
      return { assigned: ids.size, assignee };
    },
    { behavior: 'immediate' },
  );
}

export function listViews(ctx: ServiceCtx): SavedView[] {
  return ctx.db
    .select({ id: savedViews.id, name: savedViews.name, filters: savedViews.filters })
    .from(savedViews)
    .where(eq(savedViews.userId, ctx.actor.id))
    .orderBy(savedViews.name)
    .all();
}

/** Saves a named view for this user; saving under an existing name replaces it. */
export function saveView(ctx: ServiceCtx, input: SaveViewInput) {
  const at = ctx.now().toISOString();
  return ctx.db
    .insert(savedViews)
    .values({ userId: ctx.actor.id, name: input.name, filters: input.filters, createdAt: at })
    .onConflictDoUpdate({ target: [savedViews.userId, savedViews.name], set: { filters: input.filters } })
    .returning({ id: savedViews.id, name: savedViews.name })
    .get();
}

export function deleteView(ctx: ServiceCtx, input: DeleteViewInput) {
  const result = ctx.db
    .delete(savedViews)
    .where(and(eq(savedViews.id, input.id), eq(savedViews.userId, ctx.actor.id)))
    .run();
  if (result.changes === 0) throw new DomainError('NOT_FOUND', 'There is no such saved view.');
  return { ok: true as const };
}
