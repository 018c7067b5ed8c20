import type { CheckStatus, UnitCode, VettingLevel, WaitsOn } from '@muster/contracts';
import { vettingLevels } from '@muster/contracts';
import { addDays, daysBetween } from './dates.ts';
import { fieldError } from './errors.ts';
import { checkTypes } from './reference.ts';

/*
 * Pre-employment checks as a task list: who each waits on, when it is due back, whether it is late,
 * and what a vetting check must record to pass. Pure rules; the API dates and stores them.
 */

/**
 * Days each check should take from the request to its answer. DEFAULTS chosen for Muster, not a
 * published Met standard: vetting 42, references 21, occupational health 28, fitness, biometrics and
 * substance misuse 14, the current force's PSD and OH records 21, CTC and SC 56, Level 2 and CBRN 42.
 */
export const checkSlaDays: Readonly<Record<string, number>> = {
  psd_oh_records: 21,
  vetting: 42,
  references: 21,
  occupational_health: 28,
  fitness_test: 14,
  biometrics: 14,
  substance_misuse: 14,
  counter_terrorist_check: 56,
  security_check: 56,
  level2_public_order: 42,
  cbrn_medical: 42,
};

/** For a check type with no SLA of its own (none today). */
export const defaultCheckSlaDays = 28;

/** How it is said: "the vetting unit", for a heading, a chaser and the CSV. */
export const waitsOnLabels: Record<WaitsOn, string> = {
  vetting_unit: 'Vetting unit',
  occupational_health: 'Occupational health provider',
  referee: 'Referees',
  current_force: 'Current force',
  candidate: 'Candidate',
};

export const vettingLevelLabels: Record<VettingLevel, string> = {
  recruitment_vetting: 'Recruitment vetting (RV)',
  management_vetting: 'Management vetting (MV)',
  counter_terrorist_check: 'Counter-terrorist check (CTC)',
  security_check: 'Security check (SC)',
};

export function waitsOnOf(check: string): WaitsOn {
  return checkTypes.find((c) => c.code === check)?.waitsOn ?? 'vetting_unit';
}

export function slaDaysOf(check: string): number {
  return checkSlaDays[check] ?? defaultCheckSlaDays;
}

/** The date a check is due back: the date it was requested (an instant or a date) plus its SLA. */
export function checkDueOn(check: string, requestedAt: string): string {
  return addDays(requestedAt.slice(0, 10), slaDaysOf(check));
}

/** A check is done when it has an answer: passed, waived or failed. */
export function isCheckDone(status: CheckStatus): boolean {
  return status === 'passed' || status === 'waived' || status === 'failed';
}

/** Not done and today (a London date) is after the due date. */
export function isCheckOverdue(status: CheckStatus, dueOn: string | null, today: string): boolean {
  return !isCheckDone(status) && dueOn !== null && today > dueOn;
}

/** Whole days past the due date (0 when not late). */
export function daysOverdue(dueOn: string, today: string): number {
  return Math.max(0, daysBetween(dueOn, today));
}

/**
 * The checks that record a vetting level, and the lowest level each accepts. Levels are ordered
 * RV < MV < CTC < SC, and a higher one stands in for a lower (a simplification: force vetting and
 * national security vetting are separate regimes in practice).
 */
export const vettingChecks: Readonly<Record<string, VettingLevel>> = {
  vetting: 'recruitment_vetting',
  counter_terrorist_check: 'counter_terrorist_check',
  security_check: 'security_check',
};

/** The vetting level each target unit needs: CT a CTC, MO3 (surveillance) SC, MO19 (firearms) MV, the rest RV. */
export const unitVettingLevel: Record<UnitCode, VettingLevel> = {
  SNT: 'recruitment_vetting',
  METCC: 'recruitment_vetting',
  TSG: 'recruitment_vetting',
  CT: 'counter_terrorist_check',
  MO19: 'management_vetting',
  MO3: 'security_check',
  SOIT: 'recruitment_vetting',
  BCU: 'recruitment_vetting',
};

const rank = (l: VettingLevel) => vettingLevels.indexOf(l);

export function isVettingCheck(check: string): boolean {
  return check in vettingChecks;
}

/**
 * The lowest level a vetting check may pass with for this target unit: the check's own (a CTC check
 * needs at least CTC), and for recruitment vetting the unit's force-vetting level (MV for MO19; CT and
 * MO3 carry their own CTC and SC checks, so their recruitment vetting needs MV).
 */
export function lowestLevelFor(check: string, targetUnit: UnitCode | null): VettingLevel | null {
  const own = vettingChecks[check];
  if (!own) return null;
  if (check !== 'vetting') return own;
  const unit = targetUnit ? unitVettingLevel[targetUnit] : 'recruitment_vetting';
  return rank(unit) > rank('management_vetting') ? 'management_vetting' : unit;
}

export type CheckDetails = {
  status: CheckStatus;
  level?: VettingLevel | null;
  expiresOn?: string | null;
  requestedOn?: string | null;
};

/**
 * Refuses what a check's update may not record, with a code at the field that fixes it:
 * a level on a check that is not vetting; a passed vetting check without a level, with one below what
 * the unit needs, or without an expiry date after today; a request dated after today.
 */
export function validateCheckDetails(check: string, targetUnit: UnitCode | null, d: CheckDetails, today: string): void {
  const lowest = lowestLevelFor(check, targetUnit);
  if (lowest === null) {
    if (d.level) throw fieldError('level', 'Only a vetting check records a vetting level.', 'checks.level_not_applicable');
    if (d.expiresOn) throw fieldError('expiresOn', 'Only a vetting check records an expiry date.', 'checks.level_not_applicable');
  }
  if (d.requestedOn && d.requestedOn > today) {
    throw fieldError('requestedOn', 'The date the check was requested cannot be in the future.', 'checks.requested_in_future');
  }
  if (lowest === null || d.status !== 'passed') return;
  if (!d.level) throw fieldError('level', 'Choose the vetting level cleared.', 'checks.level_required');
  if (rank(d.level) < rank(lowest)) {
    throw fieldError(
      'level',
      `This case needs at least ${vettingLevelLabels[lowest]}; ${vettingLevelLabels[d.level]} is not enough.`,
      'checks.level_too_low',
    );
  }
  if (!d.expiresOn) throw fieldError('expiresOn', 'Enter the date the vetting expires.', 'checks.expiry_required');
  if (d.expiresOn <= today) throw fieldError('expiresOn', 'The vetting expiry date must be after today.', 'checks.expiry_passed');
}

/** Who a chaser goes to, in words ("Kent Police (current force)", "the candidate"). */
export function chaseRecipient(waitsOn: WaitsOn, currentForce: string | null): string {
  if (waitsOn === 'current_force') return currentForce ? `${currentForce} (current force)` : 'Current force';
  return waitsOnLabels[waitsOn];
}
