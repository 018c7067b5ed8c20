import {
  closedStages,
  pipelineStages,
  type ApplicationMove,
  type EventType,
  type MoveKind,
  type NextMove,
  type OpenStage,
  type PipelineStep,
  type RefusalCode,
  type Role,
  type Stage,
  type Unmet,
} from '@muster/contracts';
import { canSee } from './access.ts';
import type { Actor, ApplicationSnapshot } from './application.ts';
import { addDays, addYears, formatDate } from './dates.ts';
import { DomainError, fieldError, preconditionFailed, refuse, unmet } from './errors.ts';
import { homeOfficeForces, metForce, requiredChecks, routeCriteria, stageLabels, unitCriteria, unitName } from './reference.ts';

export type { MoveKind } from '@muster/contracts';

type ClosedStage = (typeof closedStages)[number];
type RoleList = readonly Role[];

/** Every condition a case does not yet meet to leave its stage forward; empty means the gate is open. */
type Gate = (c: ApplicationSnapshot, now: Date) => Unmet[];

/**
 * One open stage: where a forward move leads, who may make it, who may close the case there, and the gate.
 * `closeFirst`: where what is recorded at this stage means the case should end, the closing move the case
 * page offers first instead of moving on (see `primaryMoveTo`).
 */
type StageRule = {
  next: Stage;
  movers: RoleList;
  closers: Record<ClosedStage, RoleList>;
  gate: Gate;
  closeFirst?: (c: ApplicationSnapshot) => ClosedStage | null;
};

const resourcingOnly: RoleList = ['resourcing'];
const closedByResourcing = { rejected: resourcingOnly, withdrawn: resourcingOnly };

/**
 * The pipeline, one entry for every open stage. Typed over `OpenStage`, so a new open stage without
 * its next stage, movers and gate does not compile; a stage that is not open must be in `endStages`.
 */
export const pipeline: Record<OpenStage, StageRule> = {
  review: { next: 'interview', movers: ['resourcing'], closers: closedByResourcing, gate: reviewGate },
  interview: {
    next: 'pre_employment',
    movers: ['resourcing', 'unit_lead'],
    // A unit lead may reject a case of their unit after interviewing it; withdrawal is recorded by resourcing.
    closers: { rejected: ['resourcing', 'unit_lead'], withdrawn: resourcingOnly },
    gate: interviewGate,
    // A failed interview leads nowhere but out: rejecting is what comes next, not the blocked move on.
    closeFirst: (c) => (c.interview?.outcome === 'fail' ? 'rejected' : null),
  },
  pre_employment: { next: 'induction', movers: ['resourcing'], closers: closedByResourcing, gate: checksGate },
  induction: { next: 'mentoring', movers: ['resourcing', 'coordinator'], closers: closedByResourcing, gate: inductionGate },
  mentoring: { next: 'onboarded', movers: ['resourcing', 'coordinator'], closers: closedByResourcing, gate: mentoringGate },
};

/** Where a pipeline ends: finished (onboarded), or closed (it may be reopened). Every stage is open or here. */
const endStages: Record<Exclude<Stage, OpenStage>, 'finished' | 'closed'> = {
  onboarded: 'finished',
  rejected: 'closed',
  withdrawn: 'closed',
};

/** Still being worked: it can move forward. */
export function isOpen(s: Stage): s is OpenStage {
  return Object.hasOwn(pipeline, s);
}

/** Rejected or withdrawn: it can only be reopened. (Onboarded is finished, not closed.) */
export function isClosed(s: Stage): s is ClosedStage {
  return !isOpen(s) && endStages[s] === 'closed';
}

/** Moving back or reopening is resourcing's, with a reason. */
const turnersBack: RoleList = resourcingOnly;

/** What each kind of move asks for and which event it writes. */
const moveKinds: Record<MoveKind, { needsReason: ApplicationMove['needsReason']; eventType: (to: Stage) => EventType }> = {
  forward: { needsReason: null, eventType: () => 'moved' },
  back: { needsReason: 'text', eventType: () => 'moved_back' },
  close: { needsReason: 'listed', eventType: (to) => (to === 'rejected' ? 'rejected' : 'withdrawn') },
  reopen: { needsReason: 'text', eventType: () => 'reopened' },
};

const label = (s: Stage) => stageLabels[s].toLowerCase();
const previousOf = (s: OpenStage): OpenStage | undefined =>
  (Object.keys(pipeline) as OpenStage[]).find((open) => pipeline[open].next === s);

type NotAMove = { code: RefusalCode; invalid: string };

/** What kind of move `from → to` is, or why it is not a move at all. */
export function classifyMove(c: Pick<ApplicationSnapshot, 'stage' | 'closedFromStage'>, to: Stage): MoveKind | NotAMove {
  const from = c.stage;
  if (from === to) return { code: 'move.already_there', invalid: `The case is already at ${label(from)}.` };
  if (!isOpen(from)) {
    if (endStages[from] === 'finished') {
      return { code: 'move.pipeline_finished', invalid: 'The case is onboarded: its pipeline is finished.' };
    }
    if (to === c.closedFromStage) return 'reopen';
    return {
      code: 'move.reopen_elsewhere',
      invalid: `A ${from} case can only be reopened at the stage it was closed from (${c.closedFromStage ? label(c.closedFromStage) : 'unknown'}).`,
    };
  }
  if (isClosed(to)) return 'close';
  if (pipeline[from].next === to) return 'forward';
  if (previousOf(from) === to) return 'back';
  return {
    code: 'move.not_one_stage',
    invalid: `A case moves one stage at a time: from ${label(from)} it can go on to ${label(pipeline[from].next)}, or back one stage.`,
  };
}

/** The roles that may make a move of this kind from `from` to `to`. */
function moversOf(kind: MoveKind, from: Stage, to: Stage): RoleList {
  switch (kind) {
    case 'forward':
      return isOpen(from) ? pipeline[from].movers : [];
    case 'close':
      return isOpen(from) && isClosed(to) ? pipeline[from].closers[to] : [];
    case 'back':
    case 'reopen':
      return turnersBack;
  }
}

const mayMove = (actor: Actor, kind: MoveKind, from: Stage, to: Stage) => moversOf(kind, from, to).includes(actor.role);

/** Every unmet condition for moving the case forward from its stage. Empty means the gate is open (or there is no forward move). */
export function gateUnmet(c: ApplicationSnapshot, now: Date): Unmet[] {
  return isOpen(c.stage) ? pipeline[c.stage].gate(c, now) : [];
}

function reviewGate(c: ApplicationSnapshot, now: Date): Unmet[] {
  const out: Unmet[] = [];
  const e = c.eligibility;
  if (!e) out.push(unmet('eligibility.not_recorded', 'Eligibility has not been recorded.'));
  else {
    for (const k of routeCriteria[c.route]) {
      if (e.criteria[k.code] === undefined) {
        out.push(unmet('eligibility.criterion_not_recorded', `Eligibility not recorded: ${k.label}.`, { criterion: k.code }));
      } else if (!e.criteria[k.code]) {
        out.push(unmet('eligibility.criterion_not_met', `Eligibility not met: ${k.label}.`, { criterion: k.code }));
      }
    }
  }
  if (c.route === 'transferee') {
    out.push(...forceRecordsUnmet(c));
    if (c.currentForce && (c.currentForce === metForce || !(homeOfficeForces as readonly string[]).includes(c.currentForce))) {
      out.push(unmet('eligibility.force_not_home_office', `${c.currentForce} is not a Home Office force other than the Met.`));
    }
    if (c.rank !== 'PC' && c.rank !== 'DC') {
      out.push(unmet('eligibility.rank_not_constable', 'The officer must be a constable, PC or DC.'));
    }
    if (c.joinedForceOn) {
      const probationEnds = addYears(c.joinedForceOn, 2);
      if (probationEnds > now.toISOString().slice(0, 10)) {
        out.push(
          unmet(
            'eligibility.probation_incomplete',
            `The officer joined their force on ${formatDate(c.joinedForceOn)} and completes the 2-year probation only on ${formatDate(probationEnds)}.`,
          ),
        );
      }
    }
  }
  if (!c.targetUnit) {
    out.push(unmet('eligibility.no_target_unit', 'No target unit has been chosen.'));
    return out;
  }
  for (const k of unitCriteria[c.targetUnit]) {
    const met = e?.unitCriteria[k.code];
    if (met === undefined) {
      out.push(
        unmet(
          'eligibility.unit_criterion_not_recorded',
          `${unitName(c.targetUnit)} essential criterion not recorded: ${k.label}.`,
          { criterion: k.code },
        ),
      );
    } else if (!met) {
      out.push(
        unmet('eligibility.unit_criterion_not_met', `${unitName(c.targetUnit)} essential criterion not met: ${k.label}.`, {
          criterion: k.code,
        }),
      );
    }
  }
  if (c.targetUnit === 'TSG') {
    if (!c.tsgPreAssessment?.mentorId) {
      out.push(
        unmet(
          'eligibility.tsg_mentor_missing',
          'TSG: the officer needs a TSG mentor, a serving TSG officer from the mentor pool, before the assessment.',
        ),
      );
    }
    if (!c.tsgPreAssessment?.hasBaseVisit) {
      out.push(
        unmet(
          'eligibility.tsg_base_visit_missing',
          'TSG: the officer must do an attachment or base visit before the assessment.',
        ),
      );
    }
  }
  return out;
}

/**
 * What the officer's current force must tell us first: PSD and OH records received, and whether any
 * misconduct matter is open. A referred outcome or open misconduct blocks unless an admin approved an exception.
 */
function forceRecordsUnmet(c: ApplicationSnapshot): Unmet[] {
  const e = c.eligibility;
  if (!e) return [];
  const out: Unmet[] = [];
  const needsException: string[] = [];
  for (const [records, outcome, name, notReceived, noOutcome] of [
    [
      e.psdRecords,
      e.psdOutcome,
      'Professional standards (PSD) records',
      'eligibility.psd_records_not_received',
      'eligibility.psd_outcome_missing',
    ],
    [
      e.ohRecords,
      e.ohOutcome,
      'Occupational health (OH) records',
      'eligibility.oh_records_not_received',
      'eligibility.oh_outcome_missing',
    ],
  ] as const) {
    if (records !== 'received') {
      out.push(
        unmet(
          notReceived,
          `${name} from the current force: ${records === 'requested' ? 'requested, not yet received' : 'not yet requested'}.`,
        ),
      );
    } else if (!outcome) out.push(unmet(noOutcome, `${name}: received, but the outcome (clear or refer) is not recorded.`));
    else if (outcome === 'refer') needsException.push(`${name} were referred`);
  }
  if (e.hasOpenMisconduct === null || e.hasOpenMisconduct === undefined) {
    out.push(
      unmet('eligibility.misconduct_not_recorded', 'Record whether the officer has any open misconduct matter or investigation.'),
    );
  } else if (e.hasOpenMisconduct) needsException.push('there is an open misconduct matter or investigation');
  if (needsException.length && !c.exception) {
    out.push(
      unmet(
        'eligibility.exception_needed',
        `${needsException.join(' and ').replace(/^./, (m) => m.toUpperCase())}: the case can progress only if an admin approves an exception, with a reason.`,
      ),
    );
  }
  return out;
}

function interviewGate(c: ApplicationSnapshot): Unmet[] {
  if (!c.interview) return [unmet('interview.not_recorded', 'No interview outcome has been recorded.')];
  return c.interview.outcome === 'pass'
    ? []
    : [unmet('interview.failed', 'The interview outcome is a fail: only a pass leads to a conditional offer.')];
}

function checksGate(c: ApplicationSnapshot): Unmet[] {
  return requiredChecks(c.route, c.targetUnit)
    .filter((check) => !['passed', 'waived'].includes(c.checks[check.code] ?? 'not_started'))
    .map((check) =>
      unmet(
        'checks.not_passed',
        `${check.name}: not yet passed or waived (${(c.checks[check.code] ?? 'not_started').replace('_', ' ')}).`,
        { check: check.code },
      ),
    );
}

/** Minimum notice a transferee gives their force between final offer and start. */
export const transfereeNoticeDays = 28;

/** The first start date the induction gate accepts: for a transferee, the notice period after the final offer. */
export function earliestStartDate(c: Pick<ApplicationSnapshot, 'route' | 'finalOfferAt'>): string | null {
  return c.route === 'transferee' && c.finalOfferAt ? addDays(c.finalOfferAt, transfereeNoticeDays) : null;
}

function inductionGate(c: ApplicationSnapshot): Unmet[] {
  const i = c.induction;
  if (!i) return [unmet('induction.not_booked', 'No induction course is booked, and no start date or posting is set.')];
  const out: Unmet[] = [];
  if (c.targetUnit && i.postingUnit !== c.targetUnit) {
    out.push(
      unmet(
        'induction.posting_unit_mismatch',
        `The posting unit (${unitName(i.postingUnit)}) is not the case's target unit (${unitName(c.targetUnit)}).`,
      ),
    );
  }
  const earliest = earliestStartDate(c);
  if (earliest && c.finalOfferAt && i.startDate < earliest) {
    out.push(
      unmet(
        'induction.start_before_notice',
        `The start date (${formatDate(i.startDate)}) must be at least ${transfereeNoticeDays} days after the final offer (${formatDate(c.finalOfferAt)}) so the officer can give notice: the earliest is ${formatDate(earliest)}.`,
      ),
    );
  }
  return out;
}

function mentoringGate(c: ApplicationSnapshot): Unmet[] {
  return [
    ...(c.mentorId === null ? [unmet('mentoring.no_mentor', 'No mentor has been assigned.')] : []),
    ...(c.buddyId === null ? [unmet('mentoring.no_buddy', 'No buddy has been assigned.')] : []),
  ];
}

export type MovePlan = { kind: MoveKind; eventType: EventType };

/**
 * Closing needs a listed reason (`reason.id`); moving back or reopening needs the user's words (`reason.text`).
 */
export type MoveReason = { id?: number | undefined; text?: string | undefined } | undefined;

/**
 * Decides whether `actor` may move case `c` to `to` now. Throws FORBIDDEN, BAD_REQUEST (missing reason)
 * or PRECONDITION_FAILED with every unmet condition; returns the plan otherwise.
 */
export function planMove(actor: Actor, c: ApplicationSnapshot, to: Stage, reason: MoveReason, now: Date): MovePlan {
  if (!canSee(actor, c)) throw new DomainError('FORBIDDEN', 'You do not have access to this case.');
  const kind = classifyMove(c, to);
  if (typeof kind === 'object') throw refuse(kind.code, kind.invalid);
  if (!mayMove(actor, kind, c.stage, to)) {
    throw new DomainError('FORBIDDEN', `Your role (${actor.role}) cannot move a case from ${label(c.stage)} to ${label(to)}.`);
  }
  const { needsReason, eventType } = moveKinds[kind];
  if (needsReason === 'listed' && reason?.id === undefined) {
    const message = `Choose a reason for ${to === 'rejected' ? 'rejecting' : 'withdrawing'} from the list.`;
    throw fieldError('reasonId', message, 'move.listed_reason_missing');
  }
  if (needsReason === 'text' && !reason?.text) {
    throw fieldError(
      'reason',
      `Give a reason for ${kind === 'back' ? 'moving a case back' : 'reopening'}.`,
      'move.reason_missing',
    );
  }
  if (kind === 'forward') {
    const conditions = gateUnmet(c, now);
    if (conditions.length > 0) throw preconditionFailed(`The case cannot move to ${label(to)} yet.`, conditions);
  }
  return { kind, eventType: eventType(to) };
}

/** The moves this actor may try from where the case is (gates aside), each with what it asks for. */
export function applicationMoves(
  actor: Actor,
  c: Pick<ApplicationSnapshot, 'stage' | 'closedFromStage' | 'targetUnit'>,
): ApplicationMove[] {
  if (!canSee(actor, c)) return [];
  return [...pipelineStages, ...closedStages].flatMap((to): ApplicationMove[] => {
    const kind = classifyMove(c, to);
    if (typeof kind === 'object' || !mayMove(actor, kind, c.stage, to)) return [];
    return [{ to, kind, needsReason: moveKinds[kind].needsReason }];
  });
}

/** The stages this actor may try to move the case to from where it is (gates aside). */
export function allowedMoves(actor: Actor, c: Pick<ApplicationSnapshot, 'stage' | 'closedFromStage' | 'targetUnit'>): Stage[] {
  return applicationMoves(actor, c).map((m) => m.to);
}

/**
 * Where the move a case page offers first leads: an open case's next stage (even while its gate is
 * shut: trying it says what is missing), unless the stage's record says the case should close instead
 * (`closeFirst`: a failed interview, rejected); a closed case's reopening; nowhere for an onboarded one.
 */
export function primaryMoveTo(c: ApplicationSnapshot): Stage | null {
  if (isOpen(c.stage)) {
    const rule = pipeline[c.stage];
    return rule.closeFirst?.(c) ?? rule.next;
  }
  return isClosed(c.stage) ? c.closedFromStage : null;
}

/**
 * The moves this actor could make from here, with who may make each and what still stands in the way.
 * At most one is `isPrimary` (see `primaryMoveTo`); none is when the actor may not make that move.
 */
export function nextMoves(actor: Actor, c: ApplicationSnapshot, now: Date): NextMove[] {
  const primary = primaryMoveTo(c);
  return applicationMoves(actor, c).map((m) => {
    const conditions = m.kind === 'forward' ? gateUnmet(c, now) : [];
    return {
      ...m,
      movers: [...moversOf(m.kind, c.stage, m.to)],
      unmet: conditions,
      reasons: conditions.map((u) => u.message),
      isPrimary: m.to === primary,
    };
  });
}

/** The pipeline as the API serves it: for each open stage, the next one and who may move a case on. */
export function pipelineSteps(): PipelineStep[] {
  return (Object.keys(pipeline) as OpenStage[]).map((stage) => ({
    stage,
    next: pipeline[stage].next,
    movers: [...pipeline[stage].movers],
  }));
}
