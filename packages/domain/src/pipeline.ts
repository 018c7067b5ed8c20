import { pipelineStages, type EventType, type Stage } from '@muster/contracts';
import { canSee } from './access.ts';
import type { Actor, CaseSnapshot } from './case.ts';
import { addDays, addYears, formatDate } from './dates.ts';
import { DomainError } from './errors.ts';
import { homeOfficeForces, metForce, requiredChecks, routeCriteria, stageLabels, unitCriteria, unitName } from './reference.ts';

export type MoveKind = 'forward' | 'back' | 'close' | 'reopen';

const isClosed = (s: Stage) => s === 'rejected' || s === 'withdrawn';
const label = (s: Stage) => stageLabels[s].toLowerCase();

/** What kind of move `from → to` is, or why it is not a move at all. */
export function classifyMove(c: Pick<CaseSnapshot, 'stage' | 'closedFromStage'>, to: Stage): MoveKind | { invalid: string } {
  const from = c.stage;
  if (from === to) return { invalid: `The case is already at ${label(from)}.` };
  if (from === 'onboarded') return { invalid: 'The case is onboarded: its pipeline is finished.' };
  if (isClosed(from)) {
    if (to === c.closedFromStage) return 'reopen';
    return {
      invalid: `A ${from} case can only be reopened at the stage it was closed from (${c.closedFromStage ? label(c.closedFromStage) : 'unknown'}).`,
    };
  }
  if (isClosed(to)) return 'close';
  const i = pipelineStages.indexOf(from as (typeof pipelineStages)[number]);
  const j = pipelineStages.indexOf(to as (typeof pipelineStages)[number]);
  if (j === i + 1) return 'forward';
  if (j === i - 1) return 'back';
  const next = pipelineStages[i + 1];
  return {
    invalid: `A case moves one stage at a time: from ${label(from)} it can go on to ${next ? label(next) : 'nothing'}, or back one stage.`,
  };
}

type RoleList = readonly Actor['role'][];

/** Who may make each forward move. */
const forwardMovers: Partial<Record<Stage, RoleList>> = {
  review: ['resourcing'],
  interview: ['resourcing', 'unit_lead'],
  pre_employment: ['resourcing'],
  induction: ['resourcing', 'coordinator'],
  mentoring: ['resourcing', 'coordinator'],
};

function mayMove(actor: Actor, kind: MoveKind, from: Stage, to: Stage): boolean {
  switch (kind) {
    case 'forward':
      return forwardMovers[from]?.includes(actor.role) ?? false;
    case 'close':
      // A unit lead may reject a case of their unit after interviewing it; withdrawal is recorded by resourcing.
      return actor.role === 'resourcing' || (actor.role === 'unit_lead' && from === 'interview' && to === 'rejected');
    case 'back':
    case 'reopen':
      return actor.role === 'resourcing';
  }
}

export const moveEventType: Record<MoveKind, (to: Stage) => EventType> = {
  forward: () => 'moved',
  back: () => 'moved_back',
  close: (to) => (to === 'rejected' ? 'rejected' : 'withdrawn'),
  reopen: () => 'reopened',
};

/** Every unmet condition for moving a case forward into `to`, in plain words. Empty means the gate is open. */
export function gateReasons(c: CaseSnapshot, to: Stage, now: Date): string[] {
  switch (to) {
    case 'interview':
      return reviewGate(c, now);
    case 'pre_employment':
      if (!c.interview) return ['No interview outcome has been recorded.'];
      return c.interview.outcome === 'pass' ? [] : ['The interview outcome is a fail: only a pass leads to a conditional offer.'];
    case 'induction':
      return requiredChecks(c.route, c.targetUnit)
        .filter((check) => !['passed', 'waived'].includes(c.checks[check.code] ?? 'not_started'))
        .map(
          (check) => `${check.name}: not yet passed or waived (${(c.checks[check.code] ?? 'not_started').replace('_', ' ')}).`,
        );
    case 'mentoring':
      return inductionGate(c);
    case 'onboarded':
      return [
        ...(c.mentorId === null ? ['No mentor has been assigned.'] : []),
        ...(c.buddyId === null ? ['No buddy has been assigned.'] : []),
      ];
    default:
      return [];
  }
}

function reviewGate(c: CaseSnapshot, now: Date): string[] {
  const reasons: string[] = [];
  const e = c.eligibility;
  if (!e) reasons.push('Eligibility has not been recorded.');
  else {
    for (const k of routeCriteria[c.route]) {
      if (e.criteria[k.code] === undefined) reasons.push(`Eligibility not recorded: ${k.label}.`);
      else if (!e.criteria[k.code]) reasons.push(`Eligibility not met: ${k.label}.`);
    }
  }
  if (c.route === 'transferee') {
    reasons.push(...forceRecordsReasons(c));
    if (c.currentForce && (c.currentForce === metForce || !(homeOfficeForces as readonly string[]).includes(c.currentForce))) {
      reasons.push(`${c.currentForce} is not a Home Office force other than the Met.`);
    }
    if (c.rank !== 'PC' && c.rank !== 'DC') reasons.push('The officer must be a constable, PC or DC.');
    if (c.joinedForceOn) {
      const probationEnds = addYears(c.joinedForceOn, 2);
      if (probationEnds > now.toISOString().slice(0, 10)) {
        reasons.push(
          `The officer joined their force on ${formatDate(c.joinedForceOn)} and completes the 2-year probation only on ${formatDate(probationEnds)}.`,
        );
      }
    }
  }
  if (!c.targetUnit) {
    reasons.push('No target unit has been chosen.');
    return reasons;
  }
  for (const k of unitCriteria[c.targetUnit]) {
    const met = e?.unitCriteria[k.code];
    if (met === undefined) reasons.push(`${unitName(c.targetUnit)} essential criterion not recorded: ${k.label}.`);
    else if (!met) reasons.push(`${unitName(c.targetUnit)} essential criterion not met: ${k.label}.`);
  }
  if (c.targetUnit === 'TSG') {
    if (!e?.tsgMentorName)
      reasons.push('TSG: the officer needs a TSG mentor, a serving TSG officer named on the case, before the assessment.');
    if (!e?.hasTsgBaseVisit) reasons.push('TSG: the officer must do an attachment or base visit before the assessment.');
  }
  return reasons;
}

/**
 * What the officer's current force must tell us first: PSD and OH records received, and whether any
 * misconduct matter is open. A referred outcome or open misconduct blocks unless an admin approved an exception.
 */
function forceRecordsReasons(c: CaseSnapshot): string[] {
  const e = c.eligibility;
  if (!e) return [];
  const reasons: string[] = [];
  const needsException: string[] = [];
  for (const [records, outcome, label] of [
    [e.psdRecords, e.psdOutcome, 'Professional standards (PSD) records'],
    [e.ohRecords, e.ohOutcome, 'Occupational health (OH) records'],
  ] as const) {
    if (records !== 'received')
      reasons.push(
        `${label} from the current force: ${records === 'requested' ? 'requested, not yet received' : 'not yet requested'}.`,
      );
    else if (!outcome) reasons.push(`${label}: received, but the outcome (clear or refer) is not recorded.`);
    else if (outcome === 'refer') needsException.push(`${label} were referred`);
  }
  if (e.hasOpenMisconduct === null || e.hasOpenMisconduct === undefined) {
    reasons.push('Record whether the officer has any open misconduct matter or investigation.');
  } else if (e.hasOpenMisconduct) needsException.push('there is an open misconduct matter or investigation');
  if (needsException.length && !c.exception) {
    reasons.push(
      `${needsException.join(' and ').replace(/^./, (m) => m.toUpperCase())}: the case can progress only if an admin approves an exception, with a reason.`,
    );
  }
  return reasons;
}

/** Whether anything on the case needs an admin's exception to progress. */
export function needsException(c: CaseSnapshot): boolean {
  const e = c.eligibility;
  return !!e && (e.psdOutcome === 'refer' || e.ohOutcome === 'refer' || e.hasOpenMisconduct === true);
}

/** Minimum notice a transferee gives their force between final offer and start. */
export const transfereeNoticeDays = 28;

function inductionGate(c: CaseSnapshot): string[] {
  const i = c.induction;
  if (!i) return ['No induction course is booked, and no start date or posting is set.'];
  const reasons: string[] = [];
  if (c.targetUnit && i.postingUnit !== c.targetUnit) {
    reasons.push(`The posting unit (${unitName(i.postingUnit)}) is not the case's target unit (${unitName(c.targetUnit)}).`);
  }
  if (c.route === 'transferee' && c.finalOfferAt) {
    const earliest = addDays(c.finalOfferAt, transfereeNoticeDays);
    if (i.startDate < earliest) {
      reasons.push(
        `The start date (${formatDate(i.startDate)}) must be at least ${transfereeNoticeDays} days after the final offer (${formatDate(c.finalOfferAt)}) so the officer can give notice: the earliest is ${formatDate(earliest)}.`,
      );
    }
  }
  return reasons;
}

export type MovePlan = { kind: MoveKind; eventType: EventType };

/**
 * Decides whether `actor` may move case `c` to `to` now. Closing needs a listed reason (`reason.id`);
 * moving back or reopening needs the user's words (`reason.text`). Throws FORBIDDEN, BAD_REQUEST (missing reason)
 * or PRECONDITION_FAILED with every unmet condition; returns the plan otherwise.
 */
export type MoveReason = { id?: number | undefined; text?: string | undefined } | undefined;

export function planMove(actor: Actor, c: CaseSnapshot, to: Stage, reason: MoveReason, now: Date): MovePlan {
  if (!canSee(actor, c)) throw new DomainError('FORBIDDEN', 'You do not have access to this case.');
  const kind = classifyMove(c, to);
  if (typeof kind === 'object') throw new DomainError('PRECONDITION_FAILED', kind.invalid, { reasons: [kind.invalid] });
  if (!mayMove(actor, kind, c.stage, to)) {
    throw new DomainError('FORBIDDEN', `Your role (${actor.role}) cannot move a case from ${label(c.stage)} to ${label(to)}.`);
  }
  if (kind === 'close' && reason?.id === undefined) {
    const message = `Choose a reason for ${to === 'rejected' ? 'rejecting' : 'withdrawing'} from the list.`;
    throw new DomainError('BAD_REQUEST', message, { fieldErrors: { reasonId: [message] } });
  }
  if ((kind === 'back' || kind === 'reopen') && !reason?.text) {
    const message = `Give a reason for ${kind === 'back' ? 'moving a case back' : 'reopening'}.`;
    throw new DomainError('BAD_REQUEST', message, { fieldErrors: { reason: [message] } });
  }
  if (kind === 'forward') {
    const reasons = gateReasons(c, to, now);
    if (reasons.length > 0) {
      throw new DomainError('PRECONDITION_FAILED', `The case cannot move to ${label(to)} yet.`, { reasons });
    }
  }
  return { kind, eventType: moveEventType[kind](to) };
}

/** The stages this actor may try to move the case to from where it is (gates aside). */
export function allowedMoves(actor: Actor, c: Pick<CaseSnapshot, 'stage' | 'closedFromStage' | 'targetUnit'>): Stage[] {
  if (!canSee(actor, c)) return [];
  const candidates: Stage[] = isClosed(c.stage)
    ? c.closedFromStage
      ? [c.closedFromStage]
      : []
    : c.stage === 'onboarded'
      ? []
      : [...pipelineStages, 'rejected', 'withdrawn'];
  return candidates.filter((to) => {
    const kind = classifyMove(c, to);
    return typeof kind !== 'object' && mayMove(actor, kind, c.stage, to);
  });
}

/** The moves this actor could make from here, with what still stands in the way of each. */
export function nextMoves(actor: Actor, c: CaseSnapshot, now: Date): { to: Stage; unmet: string[] }[] {
  return allowedMoves(actor, c).map((to) => ({ to, unmet: classifyMove(c, to) === 'forward' ? gateReasons(c, to, now) : [] }));
}
