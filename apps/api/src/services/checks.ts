import type {
  ApplicationDetail,
  CaseCheck,
  ChaseCheckInput,
  ChecksListInput,
  OverdueCheckItem,
  OverdueChecks,
  OverdueChecksInput,
  UpdateCheckInput,
  WaitsOn,
} from '@muster/contracts';
import { applicationChecks, applications, checkChasers } from '@muster/db';
import {
  chaseRecipient,
  checkDueOn,
  checkName,
  checkTypes,
  checkUpdateEffect,
  clearanceOf,
  daysOverdue,
  DomainError,
  fieldError,
  isCheckDone,
  isCheckOverdue,
  londonDateTime,
  requiredChecks,
  validateCheckDetails,
  waitsOnOf,
} from '@muster/domain';
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import { readDetail } from './application-detail.ts';
import { appendEvent, bumpVersion, type ApplicationRow, type Tx } from './application-store.ts';
import { writeApplication } from './application-write.ts';
import { queueCheckChaserMessage } from './messages.ts';
import type { ServiceCtx } from './service-ctx.ts';

/*
 * Pre-employment checks as a task list (`checks.*`): one case's checks, a check's update, a chaser,
 * and the overdue checks of every case at pre-employment. Who may do what is the domain's
 * (`assertMay(…, 'check')`: resourcing at pre-employment); need to know cuts the list (0017).
 */

type CheckRow = typeof applicationChecks.$inferSelect;

/** Today as a London date, the day the SLA counts in. */
export const todayOf = (now: Date) => londonDateTime(now).date;

/** A case's checks in full, required ones first in the reference order, then ones no longer required. */
export function caseChecksOf(
  tx: Tx,
  row: Pick<ApplicationRow, 'id' | 'route' | 'targetUnit'>,
  checkRows: readonly CheckRow[],
  nameOf: (userId: number) => string,
  today: string,
): CaseCheck[] {
  const required = requiredChecks(row.route, row.targetUnit);
  const byCode = new Map(checkRows.map((c) => [c.checkCode, c]));
  const chasers = tx
    .select({ check: checkChasers.checkCode, at: checkChasers.chasedAt, by: checkChasers.chasedBy, toWhom: checkChasers.toWhom })
    .from(checkChasers)
    .where(eq(checkChasers.applicationId, row.id))
    .orderBy(asc(checkChasers.chasedAt), asc(checkChasers.id))
    .all();
  const one = (code: string, name: string, isRequired: boolean): CaseCheck => {
    const c = byCode.get(code);
    const status = c?.status ?? 'not_started';
    return {
      check: code,
      name,
      waitsOn: waitsOnOf(code),
      status,
      clearance: clearanceOf(status),
      reason: c?.reason ?? null,
      requestedAt: c?.requestedAt ?? null,
      dueOn: c?.dueOn ?? null,
      isOverdue: isRequired && isCheckOverdue(status, c?.dueOn ?? null, today),
      level: (c?.level as CaseCheck['level']) ?? null,
      expiresOn: c?.expiresOn ?? null,
      chasers: chasers.filter((h) => h.check === code).map((h) => ({ at: h.at, by: nameOf(h.by), toWhom: h.toWhom })),
      isRequired,
      updatedBy: c ? nameOf(c.updatedBy) : null,
      updatedAt: c?.updatedAt ?? null,
    };
  };
  return [
    ...required.map((t) => one(t.code, t.name, true)),
    // Checks recorded earlier that no longer apply (a TSG re-route) stay visible, marked not required.
    ...checkRows
      .filter((c) => !required.some((t) => t.code === c.checkCode))
      .map((c) => one(c.checkCode, checkName(c.checkCode), false)),
  ];
}

/** One case's checks, as this reader may see them (the case's own need-to-know cut). */
export function listChecks(ctx: ServiceCtx, input: ChecksListInput): CaseCheck[] {
  return ctx.db.transaction((tx) => readDetail(ctx, tx, input.id, 'view').checks, { behavior: 'immediate' });
}

/**
 * A check's status and details. Requesting it dates the request (`requestedOn`, default today; kept
 * when already requested) and sets the due date from the check's SLA; a passed vetting check records
 * its level and expiry. Failing a TSG-only check re-routes a TSG case to a BCU posting.
 */
export function updateCheck(ctx: ServiceCtx, input: UpdateCheckInput): ApplicationDetail {
  return writeApplication(ctx, input, 'check', (tx, { row, checks }, at) => {
    const effect = checkUpdateEffect(row, input.check, input.status);
    const today = todayOf(ctx.now());
    validateCheckDetails(input.check, row.targetUnit, input, today);
    const current = checks.find((c) => c.checkCode === input.check);
    const previous = current?.status ?? 'not_started';
    const requestedAt = input.requestedOn
      ? `${input.requestedOn}T00:00:00.000Z`
      : input.status === 'requested' || isCheckDone(input.status)
        ? (current?.requestedAt ?? (input.status === 'requested' ? at : null))
        : null;
    const dueOn = requestedAt ? checkDueOn(input.check, requestedAt) : null;
    const record = {
      status: input.status,
      reason: input.reason ?? null,
      requestedAt,
      dueOn,
      level: input.level ?? (input.status === 'passed' ? null : (current?.level ?? null)),
      expiresOn: input.expiresOn ?? (input.status === 'passed' ? null : (current?.expiresOn ?? null)),
      updatedBy: ctx.actor.id,
      updatedAt: at,
    };
    tx.insert(applicationChecks)
      .values({ applicationId: row.id, checkCode: input.check, ...record })
      .onConflictDoUpdate({ target: [applicationChecks.applicationId, applicationChecks.checkCode], set: record })
      .run();
    bumpVersion(tx, row, at, effect.reroute ? { targetUnit: effect.reroute.to } : {});
    appendEvent(tx, {
      applicationId: row.id,
      actorId: ctx.actor.id,
      at,
      type: 'check_updated',
      reason: input.reason ?? null,
      details: {
        check: input.check,
        name: checkName(input.check),
        from: previous,
        to: input.status,
        requestedAt,
        dueOn,
        level: record.level,
        expiresOn: record.expiresOn,
      },
    });
    if (effect.reroute) {
      appendEvent(tx, {
        applicationId: row.id,
        actorId: ctx.actor.id,
        at,
        type: 'rerouted',
        reason: `${checkName(input.check)} failed: TSG requires it, so the officer will be posted to a BCU instead.`,
        details: { fromUnit: effect.reroute.from, toUnit: effect.reroute.to, check: input.check },
      });
    }
  });
}

/** What a chaser did: the case after it, who was chased, and whether a message went to the outbox. */
export type ChaseResult = { application: ApplicationDetail; toWhom: string; isMessageQueued: boolean };

/**
 * Chases a requested check that has no answer yet: records the chaser, and for a check waiting on the
 * candidate queues an email to them in the same transaction. Muster holds no address for the vetting
 * unit, the OH provider, referees or the current force: those chasers are recorded only, and the
 * answer says so (`isMessageQueued: false`).
 */
export function chaseCheck(ctx: ServiceCtx, input: ChaseCheckInput): ChaseResult {
  let toWhom = '';
  let isMessageQueued = false;
  const application = writeApplication(ctx, input, 'check', (tx, { row, checks }, at) => {
    checkUpdateEffect(row, input.check, 'requested');
    const current = checks.find((c) => c.checkCode === input.check);
    if (!current || current.status !== 'requested') {
      throw fieldError('check', 'Only a requested check waiting for its answer can be chased.', 'checks.not_requested');
    }
    const waitsOn = waitsOnOf(input.check);
    toWhom = chaseRecipient(waitsOn, row.currentForce);
    let messageId: string | null = null;
    if (waitsOn === 'candidate') {
      messageId = queueCheckChaserMessage(
        tx,
        { applicationId: row.id, reference: row.reference, name: `${row.firstName} ${row.lastName}`, email: row.email },
        { name: checkName(input.check), requestedAt: current.requestedAt, dueOn: current.dueOn },
        at,
      );
      isMessageQueued = true;
    }
    tx.insert(checkChasers)
      .values({ applicationId: row.id, checkCode: input.check, chasedAt: at, chasedBy: ctx.actor.id, toWhom, messageId })
      .run();
    bumpVersion(tx, row, at);
    appendEvent(tx, {
      applicationId: row.id,
      actorId: ctx.actor.id,
      at,
      type: 'check_chased',
      details: { check: input.check, name: checkName(input.check), toWhom, isMessageQueued },
    });
  });
  return { application, toWhom, isMessageQueued };
}

const waitsOnOrder: readonly WaitsOn[] = ['vetting_unit', 'occupational_health', 'referee', 'current_force', 'candidate'];

/**
 * The overdue checks of every open case at pre-employment (resourcing): requested or not started, past
 * their due date, still required for the case. Grouped by who they wait on, oldest due date first
 * within each group, and the group with the oldest first (ties in a fixed order).
 */
export function overdueChecks(ctx: ServiceCtx, input: OverdueChecksInput): OverdueChecks {
  if (ctx.actor.role !== 'resourcing') throw new DomainError('FORBIDDEN', 'Only resourcing reads the overdue checks.');
  const today = todayOf(ctx.now());
  const codes = input.waitsOn ? checkTypes.filter((t) => t.waitsOn === input.waitsOn).map((t) => t.code) : null;
  const lastChased = ctx.db
    .select({
      applicationId: checkChasers.applicationId,
      checkCode: checkChasers.checkCode,
      at: sql<string>`max(${checkChasers.chasedAt})`.as('last_chased_at'),
    })
    .from(checkChasers)
    .groupBy(checkChasers.applicationId, checkChasers.checkCode)
    .as('last_chased');
  const rows = ctx.db
    .select({
      applicationId: applications.id,
      reference: applications.reference,
      firstName: applications.firstName,
      lastName: applications.lastName,
      route: applications.route,
      targetUnit: applications.targetUnit,
      version: applications.version,
      check: applicationChecks.checkCode,
      requestedAt: applicationChecks.requestedAt,
      dueOn: applicationChecks.dueOn,
      lastChasedAt: lastChased.at,
    })
    .from(applicationChecks)
    .innerJoin(applications, eq(applications.id, applicationChecks.applicationId))
    .leftJoin(
      lastChased,
      and(eq(lastChased.applicationId, applicationChecks.applicationId), eq(lastChased.checkCode, applicationChecks.checkCode)),
    )
    .where(
      and(
        eq(applications.stage, 'pre_employment'),
        inArray(applicationChecks.status, ['not_started', 'requested']),
        lt(applicationChecks.dueOn, today),
        input.unit ? eq(applications.targetUnit, input.unit) : undefined,
        input.route ? eq(applications.route, input.route) : undefined,
        codes ? inArray(applicationChecks.checkCode, codes) : undefined,
      ),
    )
    .orderBy(asc(applicationChecks.dueOn), asc(applications.reference), asc(applicationChecks.checkCode))
    .all();
  const groups = new Map<WaitsOn, OverdueCheckItem[]>();
  for (const r of rows) {
    if (!r.dueOn || !requiredChecks(r.route, r.targetUnit).some((t) => t.code === r.check)) continue;
    const waitsOn = waitsOnOf(r.check);
    const items = groups.get(waitsOn) ?? [];
    items.push({
      applicationId: r.applicationId,
      reference: r.reference,
      name: `${r.firstName} ${r.lastName}`,
      route: r.route,
      targetUnit: r.targetUnit,
      check: r.check,
      checkName: checkName(r.check),
      requestedAt: r.requestedAt,
      dueOn: r.dueOn,
      daysOverdue: daysOverdue(r.dueOn, today),
      lastChasedAt: r.lastChasedAt ?? null,
      version: r.version,
    });
    groups.set(waitsOn, items);
  }
  return {
    groups: [...groups.entries()]
      .map(([waitsOn, items]) => ({ waitsOn, count: items.length, items }))
      .sort(
        (a, b) =>
          (a.items[0]?.dueOn ?? '').localeCompare(b.items[0]?.dueOn ?? '') ||
          waitsOnOrder.indexOf(a.waitsOn) - waitsOnOrder.indexOf(b.waitsOn),
      ),
  };
}
