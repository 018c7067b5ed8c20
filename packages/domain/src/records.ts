import type { CheckStatus, UnitCode } from '@muster/contracts';
import type { ApplicationSnapshot } from './application.ts';
import { fieldError, type DomainError } from './errors.ts';
import { checkTypes, requiredChecks, routeCriteria, tsgRerouteChecks, unitCriteria, unitName } from './reference.ts';

/** Refuses criteria codes that are not the route's or the unit's. */
export function validateEligibility(
  c: Pick<ApplicationSnapshot, 'route'>,
  targetUnit: UnitCode,
  criteria: Record<string, boolean>,
  unitCriteriaGiven: Record<string, boolean>,
): void {
  const known = new Set(routeCriteria[c.route].map((k) => k.code));
  const unknown = Object.keys(criteria).filter((k) => !known.has(k));
  if (unknown.length) {
    throw fieldError(
      'criteria',
      `These criteria do not apply to this route: ${unknown.join(', ')}.`,
      'eligibility.unknown_criteria',
    );
  }
  const knownUnit = new Set(unitCriteria[targetUnit].map((k) => k.code));
  const unknownUnit = Object.keys(unitCriteriaGiven).filter((k) => !knownUnit.has(k));
  if (unknownUnit.length) {
    throw fieldError(
      'unitCriteria',
      `These criteria are not ${unitName(targetUnit)} essential criteria: ${unknownUnit.join(', ')}.`,
      'eligibility.unknown_unit_criteria',
    );
  }
}

/** Whether anything on the case needs an admin's exception to progress. */
export function needsException(c: Pick<ApplicationSnapshot, 'eligibility'>): boolean {
  const e = c.eligibility;
  return !!e && (e.psdOutcome === 'refer' || e.ohOutcome === 'refer' || e.hasOpenMisconduct === true);
}

/** Why an admin cannot approve an exception on this case (nothing to except, or already approved), or null if they can. */
export function exceptionRefusal(c: Pick<ApplicationSnapshot, 'eligibility' | 'exception'>): DomainError | null {
  if (!needsException(c)) {
    return fieldError(
      '',
      'There is nothing to approve: no open misconduct and no referred records are recorded on this case.',
      'exception.nothing_to_approve',
    );
  }
  if (c.exception) {
    return fieldError('', 'An exception is already approved for this case.', 'exception.already_approved');
  }
  return null;
}

export type CheckEffect = { reroute: { from: UnitCode; to: UnitCode } | null };

/**
 * Validates a check update against the case and says what else it causes.
 * Failing the TSG Level 2 course or CBRN medical re-routes the case to a BCU posting.
 */
export function checkUpdateEffect(
  c: Pick<ApplicationSnapshot, 'route' | 'targetUnit'>,
  check: string,
  status: CheckStatus,
): CheckEffect {
  if (!checkTypes.some((t) => t.code === check)) {
    throw fieldError('check', `There is no check called "${check}".`, 'checks.unknown_check');
  }
  if (!requiredChecks(c.route, c.targetUnit).some((t) => t.code === check)) {
    throw fieldError('check', 'That check does not apply to this case.', 'checks.not_applicable');
  }
  const isTsgFailure = c.targetUnit === 'TSG' && status === 'failed' && (tsgRerouteChecks as readonly string[]).includes(check);
  return { reroute: isTsgFailure ? { from: 'TSG', to: 'BCU' } : null };
}

/* Posting consistency and a course's room are courses-booking.ts's (validatePosting, assertRoomOnCourse). */

/** Whether a person from the pool may take one more mentee or buddy. */
export function hasRoom(p: { load: number; capacity: number }): boolean {
  return p.load < p.capacity;
}

/** Refuses a TSG mentor who is not an active TSG officer in the pool (`undefined`: no such person). */
export function assertTsgMentor(m: { name: string; unitCode: UnitCode; isActive: boolean } | undefined): void {
  if (!m || !m.isActive) {
    throw fieldError('mentorId', 'Choose a TSG mentor who is active in the mentor pool.', 'tsg.mentor_unknown');
  }
  if (m.unitCode !== 'TSG') {
    throw fieldError('mentorId', `${m.name} is not a TSG officer: a TSG mentor serves in TSG.`, 'tsg.mentor_not_tsg');
  }
}

type Candidate = { name: string; unit: UnitCode; place: string; load: number; capacity: number };

/** Where the joiner will serve: the posting once booked, else the target unit (and no place yet). */
export function postingOf(c: Pick<ApplicationSnapshot, 'induction' | 'targetUnit'>): {
  unit: UnitCode | null;
  place: string | null;
} {
  return c.induction ? { unit: c.induction.postingUnit, place: c.induction.postingPlace } : { unit: c.targetUnit, place: null };
}

/**
 * The pool in the order to suggest it for a joiner posted to `posting`: same unit first, then same
 * place, then the lightest load for their capacity, then by name (the domain brief's order).
 */
export function rankMentors<T extends Candidate>(
  pool: readonly T[],
  posting: { unit: UnitCode | null; place: string | null },
): T[] {
  const distance = (m: T) => (m.unit === posting.unit ? 0 : 2) + (m.place === posting.place ? 0 : 1);
  const share = (m: T) => (m.capacity > 0 ? m.load / m.capacity : 1);
  return [...pool].sort((a, b) => distance(a) - distance(b) || share(a) - share(b) || a.name.localeCompare(b.name));
}
