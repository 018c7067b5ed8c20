import type { CheckStatus, UnitCode } from '@muster/contracts';
import type { CaseSnapshot } from './case.ts';
import { DomainError, fieldError } from './errors.ts';
import { checkTypes, isPlaceOf, requiredChecks, routeCriteria, tsgRerouteChecks, unitCriteria, unitName } from './reference.ts';

/** Refuses criteria codes that are not the route's or the unit's. */
export function validateEligibility(
  c: Pick<CaseSnapshot, 'route'>,
  targetUnit: UnitCode,
  criteria: Record<string, boolean>,
  unitCriteriaGiven: Record<string, boolean>,
): void {
  const known = new Set(routeCriteria[c.route].map((k) => k.code));
  const unknown = Object.keys(criteria).filter((k) => !known.has(k));
  if (unknown.length) throw fieldError('criteria', `These criteria do not apply to this route: ${unknown.join(', ')}.`);
  const knownUnit = new Set(unitCriteria[targetUnit].map((k) => k.code));
  const unknownUnit = Object.keys(unitCriteriaGiven).filter((k) => !knownUnit.has(k));
  if (unknownUnit.length) {
    throw fieldError(
      'unitCriteria',
      `These criteria are not ${unitName(targetUnit)} essential criteria: ${unknownUnit.join(', ')}.`,
    );
  }
}

export type CheckEffect = { reroute: { from: UnitCode; to: UnitCode } | null };

/**
 * Validates a check update against the case and says what else it causes.
 * Failing the TSG Level 2 course or CBRN medical re-routes the case to a BCU posting.
 */
export function checkUpdateEffect(
  c: Pick<CaseSnapshot, 'route' | 'targetUnit'>,
  check: string,
  status: CheckStatus,
): CheckEffect {
  if (!checkTypes.some((t) => t.code === check)) throw fieldError('check', `There is no check called "${check}".`);
  if (!requiredChecks(c.route, c.targetUnit).some((t) => t.code === check)) {
    throw fieldError('check', 'That check does not apply to this case.');
  }
  const isTsgFailure = c.targetUnit === 'TSG' && status === 'failed' && (tsgRerouteChecks as readonly string[]).includes(check);
  return { reroute: isTsgFailure ? { from: 'TSG', to: 'BCU' } : null };
}

export function validatePosting(unit: UnitCode, place: string): void {
  if (!isPlaceOf(unit, place)) throw fieldError('postingPlace', `${place} is not a place ${unitName(unit)} posts to.`);
}

export function assertCourseHasRoom(booked: number, capacity: number): void {
  if (booked >= capacity) {
    throw new DomainError('CONFLICT', `That induction course is full (${capacity} places). Choose another course.`);
  }
}

export function assertMentorHasRoom(role: 'mentor' | 'buddy', name: string, load: number, capacity: number): void {
  if (load >= capacity) {
    throw fieldError(`${role}Id`, `${name} is at capacity (${load} of ${capacity}). Choose someone else.`);
  }
}
