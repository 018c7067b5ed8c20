import { z } from 'zod';
import { ApplicationWrite, Id } from './common.ts';
import { checkStatuses, routes, unitCodes, type CheckStatus, type Route, type UnitCode } from './enums.ts';
import { vettingLevels, waitsOnValues } from './vocabulary.ts';

export { vettingLevels, waitsOnValues };

/*
 * Pre-employment checks as a task list (`checks.*`): who each check waits on, when it was asked for
 * and is due back, its chasers, and for vetting the level cleared and when it expires. The schemas
 * check the kind of what was sent; the rules (a passed vetting check has a level the unit needs and an
 * expiry date, a request is not dated in the future) are the domain's (packages/domain/src/checks.ts).
 */

export const WaitsOn = z.enum(waitsOnValues, { error: 'Choose who the checks wait on from the list.' });
export type WaitsOn = z.infer<typeof WaitsOn>;

export const VettingLevel = z.enum(vettingLevels, { error: 'Choose a vetting level from the list.' });
export type VettingLevel = z.infer<typeof VettingLevel>;

const isMissing = (v: unknown) => v === undefined || v === null || v === '';
const date = (label: string) =>
  z.iso.date({ error: (issue) => (isMissing(issue.input) ? `Enter the ${label}.` : 'Enter a real date as YYYY-MM-DD.') });

export const ChecksListInput = z.object({ id: Id });
export type ChecksListInput = z.infer<typeof ChecksListInput>;

const checkCode = z.string({ error: 'Choose a check.' }).min(1, 'Choose a check.').max(60, 'Choose a check from the list.');

/**
 * A check's status, with a reason (required to waive or fail it); `requestedOn` (default today when
 * the status becomes requested); for a vetting check the `level` cleared and the date it `expiresOn`.
 */
export const UpdateCheckInput = ApplicationWrite.extend({
  check: checkCode,
  status: z.enum(checkStatuses, {
    error: (issue) =>
      isMissing(issue.input)
        ? 'Choose a status for the check.'
        : `Choose a status for the check. Use one of: ${checkStatuses.join(', ')}.`,
  }),
  reason: z.string().trim().max(2000, 'Keep the reason under 2,000 characters.').nullish(),
  requestedOn: date('date the check was requested').nullish(),
  level: VettingLevel.nullish(),
  expiresOn: date('date the vetting expires').nullish(),
}).superRefine((v, ctx) => {
  if ((v.status === 'waived' || v.status === 'failed') && (!v.reason || v.reason.length < 3)) {
    ctx.addIssue({
      code: 'custom',
      path: ['reason'],
      message: `Give a reason why the check ${v.status === 'waived' ? 'is waived' : 'failed'}.`,
    });
  }
});
export type UpdateCheckInput = z.infer<typeof UpdateCheckInput>;

/** A chaser for a requested check, to whoever it waits on, at the version read. */
export const ChaseCheckInput = ApplicationWrite.extend({ check: checkCode });
export type ChaseCheckInput = z.infer<typeof ChaseCheckInput>;

/** The overdue checks of every case at pre-employment, optionally of one waits-on group, unit or route. */
export const OverdueChecksInput = z.object({
  waitsOn: WaitsOn.optional(),
  unit: z.enum(unitCodes, { error: 'Choose a unit from the list.' }).optional(),
  route: z.enum(routes, { error: 'Choose a route from the list.' }).optional(),
});
export type OverdueChecksInput = z.infer<typeof OverdueChecksInput>;

/* ---- outputs ---- */

/** A check as a unit lead sees it. */
export type CheckClearance = 'cleared' | 'pending' | 'refer';

/** A chaser sent (or recorded) for a check. */
export type CheckChaser = { at: string; by: string; toWhom: string };

/**
 * One check of a case. Fields a reader is not given (need to know, docs/decisions/0017) are null or
 * empty: a unit lead has `clearance` and who it waits on; a coordinator gets no checks at all.
 */
export type CaseCheck = {
  check: string;
  name: string;
  waitsOn: WaitsOn;
  status: CheckStatus | null;
  clearance: CheckClearance;
  reason: string | null;
  /** When it was requested (an instant) and the date it is due back (requested + the check's SLA). */
  requestedAt: string | null;
  dueOn: string | null;
  /** Not done (passed, waived, failed) and past its due date; null when not disclosed. */
  isOverdue: boolean | null;
  /** Vetting checks only: the level cleared and when it expires. */
  level: VettingLevel | null;
  expiresOn: string | null;
  /** Oldest first. */
  chasers: CheckChaser[];
  isRequired: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
};

export type OverdueCheckItem = {
  applicationId: number;
  reference: string;
  name: string;
  route: Route;
  targetUnit: UnitCode | null;
  check: string;
  checkName: string;
  requestedAt: string | null;
  dueOn: string;
  daysOverdue: number;
  lastChasedAt: string | null;
  version: number;
};

/** Overdue checks grouped by who they wait on; oldest due first in each group, the group with the oldest first. */
export type OverdueChecks = { groups: { waitsOn: WaitsOn; count: number; items: OverdueCheckItem[] }[] };
