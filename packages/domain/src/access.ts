import { openStages, unitCodes, type ApplicationActions, type Capabilities, type Stage, type UnitCode } from '@muster/contracts';
import type { Actor, ApplicationSnapshot } from './application.ts';
import { DomainError, refuse } from './errors.ts';
import { mayKeepCourses } from './courses.ts';
import { mayUseCoordination } from './development-days.ts';
import { maySchedule } from './interviews.ts';
import { mayUsePool } from './mentor-pool.ts';
import { exceptionRefusal } from './records.ts';

/** Stages where a joiner has (or is being given) a mentor and buddy: each counts against that person's capacity. */
export const mentoredStages: readonly Stage[] = ['induction', 'mentoring'];

/** Stages a coordinator works: from induction on. */
export const coordinatorStages: readonly Stage[] = ['induction', 'mentoring', 'onboarded'];

/** Whether the actor may see this case at all. */
export function canSee(actor: Actor, c: Pick<ApplicationSnapshot, 'stage' | 'targetUnit'>): boolean {
  switch (actor.role) {
    case 'resourcing':
    case 'admin':
      return true;
    case 'unit_lead':
      return c.targetUnit !== null && actor.units.includes(c.targetUnit);
    case 'coordinator':
      return coordinatorStages.includes(c.stage);
    case 'panel_member':
      // A panel member never opens the case: the interviews they sit on come with a brief of what the
      // interview needs (docs/decisions/0014).
      return false;
  }
}

export function assertCanSee(actor: Actor, c: Pick<ApplicationSnapshot, 'stage' | 'targetUnit'>): void {
  if (!canSee(actor, c)) throw new DomainError('FORBIDDEN', 'You do not have access to this case.');
}

/** Things recorded on a case, other than stage moves. */
export type ApplicationAction =
  'eligibility' | 'tsgPreAssessment' | 'exception' | 'interview' | 'check' | 'induction' | 'mentor' | 'note' | 'details';

/** Who may take an action, at which stages, and (where it is one unit's business) for which target units. */
type Rule = { roles: readonly Actor['role'][]; stages: readonly Stage[]; what: string; units?: readonly UnitCode[] };

const actionRules: Record<ApplicationAction, Rule> = {
  eligibility: { roles: ['resourcing'], stages: ['review'], what: 'record eligibility' },
  // MO7's own recruitment team facilitates the mentor and the base visit: the TSG lead records them.
  tsgPreAssessment: {
    roles: ['resourcing', 'unit_lead'],
    stages: ['review', 'interview'],
    what: "record TSG's mentor and base visit",
    units: ['TSG'],
  },
  exception: { roles: ['admin'], stages: ['review'], what: 'approve an eligibility exception' },
  interview: { roles: ['resourcing', 'unit_lead'], stages: ['interview'], what: 'record an interview outcome' },
  check: { roles: ['resourcing'], stages: ['pre_employment'], what: 'update pre-employment checks' },
  induction: { roles: ['resourcing', 'coordinator'], stages: ['induction'], what: 'book induction' },
  mentor: { roles: ['resourcing', 'coordinator'], stages: mentoredStages, what: 'assign a mentor or buddy' },
  note: { roles: ['resourcing', 'unit_lead', 'coordinator'], stages: openStages, what: 'add a note' },
  details: { roles: ['resourcing'], stages: openStages, what: "edit the candidate's details" },
};

/** Whether the actor may take this action on this case now: the same test `assertMay` refuses by. */
export function mayDo(actor: Actor, c: Pick<ApplicationSnapshot, 'stage' | 'targetUnit'>, action: ApplicationAction): boolean {
  const rule = actionRules[action];
  return (
    canSee(actor, c) &&
    rule.roles.includes(actor.role) &&
    rule.stages.includes(c.stage) &&
    (!rule.units || (c.targetUnit !== null && rule.units.includes(c.targetUnit)))
  );
}

/**
 * Refuses an action the actor may not take on this case: FORBIDDEN for the role or scope,
 * PRECONDITION_FAILED (`action.wrong_stage`) when the case is at a stage where it cannot be recorded.
 */
export function assertMay(actor: Actor, c: Pick<ApplicationSnapshot, 'stage' | 'targetUnit'>, action: ApplicationAction): void {
  assertCanSee(actor, c);
  const rule = actionRules[action];
  if (!rule.roles.includes(actor.role)) {
    throw new DomainError('FORBIDDEN', `Your role (${actor.role}) cannot ${rule.what}.`);
  }
  if (!rule.stages.includes(c.stage)) {
    throw refuse(
      'action.wrong_stage',
      `You can ${rule.what} only while the case is at ${rule.stages.map((s) => s.replace('_', '-')).join(' or ')}; it is at ${c.stage.replace('_', '-')}.`,
    );
  }
  if (rule.units && (c.targetUnit === null || !rule.units.includes(c.targetUnit))) {
    throw refuse('action.wrong_unit', `You can ${rule.what} only for a case whose target unit is ${rule.units.join(' or ')}.`);
  }
}

/**
 * What the actor may record on the case now. Each is true exactly where the service accepts the
 * write (given valid input): the same rules, so the dashboard and the server cannot disagree.
 */
export function applicationActions(actor: Actor, c: ApplicationSnapshot): ApplicationActions {
  const may = (action: ApplicationAction) => mayDo(actor, c, action);
  return {
    recordEligibility: may('eligibility'),
    approveException: may('exception') && exceptionRefusal(c) === null,
    recordTsgPreAssessment: may('tsgPreAssessment'),
    recordInterview: may('interview'),
    updateChecks: may('check'),
    bookInduction: may('induction'),
    assignMentor: may('mentor'),
    addNote: may('note'),
    editDetails: may('details'),
  };
}

/** The parts of the app the actor may use: the roles the API's procedures admit (apps/api/src/trpc/init.ts). */
export function capabilities(actor: Pick<Actor, 'role' | 'units'>): Capabilities {
  return {
    createApplication: actor.role === 'resourcing',
    intake: actor.role === 'resourcing',
    admin: actor.role === 'admin',
    board: actor.role !== 'panel_member',
    interviews: actor.role === 'resourcing' || actor.role === 'unit_lead' || actor.role === 'panel_member',
    courses: mayKeepCourses(actor),
    coordination: mayUseCoordination(actor),
    landing:
      actor.role === 'coordinator' && mayUseCoordination(actor)
        ? 'coordination'
        : actor.role === 'panel_member'
          ? 'interviews'
          : 'board',
    pool: mayUsePool(actor, 'keep'),
    checks: actor.role === 'resourcing',
    scheduleUnits: unitCodes.filter((u) => maySchedule(actor, u)),
    boardUnits:
      actor.role === 'panel_member'
        ? []
        : actor.role === 'unit_lead'
          ? unitCodes.filter((u) => actor.units.includes(u))
          : [...unitCodes],
  };
}
