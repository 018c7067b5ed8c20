import { openStages, type Stage } from '@muster/contracts';
import type { Actor, CaseSnapshot } from './case.ts';
import { DomainError } from './errors.ts';

/** Stages where a joiner has (or is being given) a mentor and buddy: each counts against that person's capacity. */
export const mentoredStages: readonly Stage[] = ['induction', 'mentoring'];

/** Stages a coordinator works: from induction on. */
export const coordinatorStages: readonly Stage[] = ['induction', 'mentoring', 'onboarded'];

/** Whether the actor may see this case at all. */
export function canSee(actor: Actor, c: Pick<CaseSnapshot, 'stage' | 'targetUnit'>): boolean {
  switch (actor.role) {
    case 'resourcing':
    case 'admin':
      return true;
    case 'unit_lead':
      return c.targetUnit !== null && actor.units.includes(c.targetUnit);
    case 'coordinator':
      return coordinatorStages.includes(c.stage);
  }
}

export function assertCanSee(actor: Actor, c: Pick<CaseSnapshot, 'stage' | 'targetUnit'>): void {
  if (!canSee(actor, c)) throw new DomainError('FORBIDDEN', 'You do not have access to this case.');
}

/** Things recorded on a case, other than stage moves. */
export type CaseAction = 'eligibility' | 'exception' | 'interview' | 'check' | 'induction' | 'mentor' | 'note';

type Rule = { roles: readonly Actor['role'][]; stages: readonly Stage[]; what: string };

const actionRules: Record<CaseAction, Rule> = {
  eligibility: { roles: ['resourcing'], stages: ['review'], what: 'record eligibility' },
  exception: { roles: ['admin'], stages: ['review'], what: 'approve an eligibility exception' },
  interview: { roles: ['resourcing', 'unit_lead'], stages: ['interview'], what: 'record an interview outcome' },
  check: { roles: ['resourcing'], stages: ['pre_employment'], what: 'update pre-employment checks' },
  induction: { roles: ['resourcing', 'coordinator'], stages: ['induction'], what: 'book induction' },
  mentor: { roles: ['resourcing', 'coordinator'], stages: mentoredStages, what: 'assign a mentor or buddy' },
  note: { roles: ['resourcing', 'unit_lead', 'coordinator'], stages: openStages, what: 'add a note' },
};

/** Whether the role may ever do this (ignoring the case's stage); used to hide controls. */
export function roleMay(actor: Actor, action: CaseAction): boolean {
  return actionRules[action].roles.includes(actor.role);
}

/**
 * Refuses an action the actor may not take on this case: FORBIDDEN for the role or scope,
 * PRECONDITION_FAILED when the case is at a stage where it cannot be recorded.
 */
export function assertMay(actor: Actor, c: Pick<CaseSnapshot, 'stage' | 'targetUnit'>, action: CaseAction): void {
  assertCanSee(actor, c);
  const rule = actionRules[action];
  if (!rule.roles.includes(actor.role)) {
    throw new DomainError('FORBIDDEN', `Your role (${actor.role}) cannot ${rule.what}.`);
  }
  if (!rule.stages.includes(c.stage)) {
    const reason = `You can ${rule.what} only while the case is at ${rule.stages.map((s) => s.replace('_', '-')).join(' or ')}; it is at ${c.stage.replace('_', '-')}.`;
    throw new DomainError('PRECONDITION_FAILED', reason, { reasons: [reason] });
  }
}
