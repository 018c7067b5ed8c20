import type { MentorKind, MentorRole, PoolExclusion, RefusalCode, Role, UnitCode } from '@muster/contracts';
import { mentorKinds, unitCodes } from '@muster/contracts';
import type { Actor } from './application.ts';
import { DomainError, fieldError } from './errors.ts';
import { hasRoom, rankMentors } from './records.ts';
import { isPlaceOf, unitName } from './reference.ts';

/*
 * The mentor and buddy pool, kept by coordinators: who may keep it, what a person in it must be, and
 * whom to suggest for a joiner.
 */

/** Who may read the pool, keep it (add, change, pause, retire), and ask for suggestions for a case. */
export const poolRoles = {
  read: ['coordinator', 'resourcing', 'admin'],
  keep: ['coordinator', 'admin'],
  suggest: ['coordinator', 'resourcing'],
} as const satisfies Record<string, readonly Role[]>;
export type PoolUse = keyof typeof poolRoles;

const poolUseWords: Record<PoolUse, string> = {
  read: 'see the mentor pool',
  keep: 'change the mentor pool',
  suggest: 'ask for mentor suggestions',
};

export function mayUsePool(actor: Pick<Actor, 'role'>, use: PoolUse): boolean {
  return (poolRoles[use] as readonly Role[]).includes(actor.role);
}

/** FORBIDDEN unless the actor's role may use the pool so. */
export function assertMayUsePool(actor: Pick<Actor, 'role'>, use: PoolUse): void {
  if (!mayUsePool(actor, use)) {
    throw new DomainError(
      'FORBIDDEN',
      `Only a ${poolRoles[use].join(' or ')} can ${poolUseWords[use]}; you are signed in as ${actor.role}.`,
    );
  }
}

/* ---------- a person in the pool ---------- */

export const poolNameLength = { min: 2, max: 100 } as const;
export const poolCapacity = { min: 1, max: 20 } as const;

export type PoolPersonFields = { name: string; unit: string; place: string; capacity: number; kind: string };

export type PoolProblem = { field: keyof PoolPersonFields; code: RefusalCode; message: string };

/** Everything wrong with a person as they would be written to the pool; empty when they may be. */
export function poolPersonProblems(p: PoolPersonFields): PoolProblem[] {
  const problems: PoolProblem[] = [];
  const name = p.name.trim();
  if (name.length < poolNameLength.min || name.length > poolNameLength.max) {
    problems.push({
      field: 'name',
      code: 'pool.name_length',
      message: `Enter their name, ${poolNameLength.min} to ${poolNameLength.max} characters, for example “PC Sam Lee”.`,
    });
  }
  const unit = unitCodes.find((u) => u === p.unit);
  if (!unit) {
    problems.push({ field: 'unit', code: 'pool.unit_unknown', message: 'Choose the unit they serve in.' });
  } else if (!isPlaceOf(unit, p.place)) {
    problems.push({
      field: 'place',
      code: 'pool.place_not_of_unit',
      message: p.place.trim()
        ? `${p.place} is not a place of ${unitName(unit)}: choose one of its places.`
        : `Choose the ${unitName(unit)} place they work from.`,
    });
  }
  if (!Number.isInteger(p.capacity) || p.capacity < poolCapacity.min || p.capacity > poolCapacity.max) {
    problems.push({
      field: 'capacity',
      code: 'pool.capacity_out_of_range',
      message: `Enter how many joiners they can take at once, a whole number from ${poolCapacity.min} to ${poolCapacity.max}.`,
    });
  }
  if (!mentorKinds.some((k) => k === p.kind)) {
    problems.push({ field: 'kind', code: 'pool.kind_unknown', message: 'Choose whether they mentor, buddy, or both.' });
  }
  return problems;
}

/** BAD_REQUEST with every problem at its field, or nothing. */
export function assertPoolPerson(p: PoolPersonFields): void {
  const problems = poolPersonProblems(p);
  if (problems.length) throw fieldProblems(problems);
}

/** One BAD_REQUEST naming each problem at its field, with its code. */
export function fieldProblems(problems: readonly { field: string; code: RefusalCode; message: string }[]): DomainError {
  const fieldErrors: Record<string, string[]> = {};
  const fieldCodes: Record<string, RefusalCode[]> = {};
  for (const p of problems) {
    (fieldErrors[p.field] ??= []).push(p.message);
    (fieldCodes[p.field] ??= []).push(p.code);
  }
  return new DomainError('BAD_REQUEST', problems.map((p) => p.message).join(' '), { fieldErrors, fieldCodes });
}

/** Refuses a capacity below the joiners a person has now: they would be over it from the start. */
export function assertCapacityCoversLoad(name: string, capacity: number, load: number): void {
  if (capacity < load) {
    throw fieldProblems([
      {
        field: 'capacity',
        code: 'pool.capacity_below_load',
        message: `${name} has ${load} ${load === 1 ? 'joiner' : 'joiners'} now: the capacity cannot be less than ${load}. Give some of them someone else first.`,
      },
    ]);
  }
}

/* ---------- suggestions ---------- */

/** Whether someone of this kind may be given a joiner in this role. */
export function kindCovers(kind: MentorKind, role: MentorRole): boolean {
  return kind === 'both' || kind === role;
}

export type PoolCandidate = {
  id: number;
  name: string;
  unit: UnitCode;
  place: string;
  capacity: number;
  load: number;
  kind: MentorKind;
  isPaused: boolean;
  isActive: boolean;
  userId: number | null;
};

/** What suggestions are for: where the joiner will serve, who sat on their interview panel, who they have now. */
export type Joiner = {
  posting: { unit: UnitCode | null; place: string | null };
  /** The user ids of everyone who sat on the joiner's interview panel. */
  panelUserIds: readonly number[];
  mentorId: number | null;
  buddyId: number | null;
};

/**
 * Why a person is not suggested for a role, or null if they may be. The joiner's own mentor (or
 * buddy) stays suggested for that role while paused or at capacity: their load already counts this joiner.
 */
export function exclusionOf<T extends PoolCandidate>(p: T, joiner: Joiner, role: MentorRole): PoolExclusion | null {
  const current = role === 'mentor' ? joiner.mentorId : joiner.buddyId;
  const other = role === 'mentor' ? joiner.buddyId : joiner.mentorId;
  if (!p.isActive) return 'retired';
  if (!kindCovers(p.kind, role)) return role === 'mentor' ? 'buddy_only' : 'mentor_only';
  if (p.userId !== null && joiner.panelUserIds.includes(p.userId)) return 'interviewed_joiner';
  if (p.id === other) return role === 'mentor' ? 'is_buddy' : 'is_mentor';
  if (p.id === current) return null;
  if (p.isPaused) return 'paused';
  if (!hasRoom(p)) return 'at_capacity';
  return null;
}

/**
 * Refuses giving the joiner this person in this role for the reason the suggestions leave them out:
 * the same rule, so what the dashboard offers and what the server accepts cannot differ.
 */
export function assertAssignable<T extends PoolCandidate>(p: T, joiner: Joiner, role: MentorRole): void {
  const why = exclusionOf(p, joiner, role);
  if (why === null) return;
  const field = `${role}Id`;
  switch (why) {
    case 'retired':
      throw fieldError(field, `Choose a ${role} from the pool: ${p.name} has retired from it.`, 'mentor.not_in_pool');
    case 'paused':
      throw fieldError(field, `${p.name} is paused and takes no one new for now. Choose someone else.`, 'mentor.paused');
    case 'at_capacity':
      throw fieldError(
        field,
        `${p.name} is at capacity (${p.load} of ${p.capacity}). Choose someone else.`,
        'mentor.at_capacity',
      );
    case 'mentor_only':
    case 'buddy_only':
      throw fieldError(
        field,
        `${p.name} is in the pool as a ${why === 'mentor_only' ? 'mentor' : 'buddy'} only.`,
        'mentor.wrong_kind',
      );
    case 'interviewed_joiner':
      throw fieldError(
        field,
        `${p.name} sat on this joiner's interview panel: choose someone independent.`,
        'mentor.interviewed_joiner',
      );
    case 'is_mentor':
    case 'is_buddy':
      throw fieldError('buddyId', 'The buddy must be someone other than the mentor.', 'mentor.same_as_buddy');
  }
}

/**
 * Whom to suggest as the joiner's mentor or buddy: the active, unpaused people whose kind covers the
 * role, with room, who did not interview them, in the order to offer them — same unit, then same
 * place, then the lightest load for their capacity, then by name (`rankMentors`).
 */
export function suggestMentors<T extends PoolCandidate>(pool: readonly T[], joiner: Joiner, role: MentorRole): T[] {
  return rankMentors(
    pool.filter((p) => exclusionOf(p, joiner, role) === null),
    joiner.posting,
  );
}

/**
 * The people suggested for neither role, by name, each with why: the reason for the role their kind
 * covers (for someone who does both, the mentor's), so a buddy-only person at capacity reads "at capacity".
 */
export function excludedFromBoth<T extends PoolCandidate>(
  pool: readonly T[],
  joiner: Joiner,
): { person: T; why: PoolExclusion }[] {
  const out: { person: T; why: PoolExclusion }[] = [];
  for (const p of pool) {
    const asMentor = exclusionOf(p, joiner, 'mentor');
    const asBuddy = exclusionOf(p, joiner, 'buddy');
    if (asMentor === null || asBuddy === null) continue;
    out.push({ person: p, why: kindCovers(p.kind, 'mentor') ? asMentor : asBuddy });
  }
  return out.sort((a, b) => a.person.name.localeCompare(b.person.name));
}
