import type { FieldCodes, RefusalCode, Stage } from '@muster/contracts';
import type { Actor } from './application.ts';
import { formatDate } from './dates.ts';
import { DomainError, refuse } from './errors.ts';

/*
 * Development days: twice a year, a day for the joiners in their first two years. Coordinators keep
 * them (and the admin, who keeps the reference data); resourcing reads them. Who is invited is a rule
 * of its own (`isInvitedTo`), so the invitations and the counts of who is still to invite agree.
 */

/** The bounds of a development day as typed. */
export const developmentDayLimits = { textMinLength: 2, textMaxLength: 100 } as const;

/** The stages of a joiner a development day is for: past induction, with a mentor or onboarded. */
export const developmentDayStages: readonly Stage[] = ['mentoring', 'onboarded'];

/** How long after their start a joiner is invited: their first two years. */
export const developmentDayYears = 2;

export function mayKeepDevelopmentDays(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'coordinator' || actor.role === 'admin';
}

export function mayReadDevelopmentDays(actor: Pick<Actor, 'role'>): boolean {
  return mayKeepDevelopmentDays(actor) || actor.role === 'resourcing';
}

export function assertMayKeepDevelopmentDays(actor: Pick<Actor, 'role'>): void {
  if (!mayKeepDevelopmentDays(actor))
    throw new DomainError('FORBIDDEN', 'Only coordinators and the admin add, change, cancel and invite to development days.');
}

export function assertMayReadDevelopmentDays(actor: Pick<Actor, 'role'>): void {
  if (!mayReadDevelopmentDays(actor))
    throw new DomainError('FORBIDDEN', 'Only coordinators, resourcing and the admin see the development days.');
}

/** The first start date a joiner invited to a day held on `heldOn` may have: two years before it. */
export function firstStartInvited(heldOn: string): string {
  const [y, m, d] = heldOn.split('-').map(Number) as [number, number, number];
  const back = new Date(Date.UTC(y - developmentDayYears, m - 1, d));
  // 29 February two years back is 1 March by Date's arithmetic: the day before it is the same two years.
  if (back.getUTCDate() !== d) back.setUTCDate(0);
  return back.toISOString().slice(0, 10);
}

/** A joiner as the invitation rule reads them: their case's stage and the start date of their induction booking (null: none). */
export type DayJoiner = { stage: Stage; startDate: string | null };

/**
 * Whether a joiner is invited to a development day held on `heldOn`: at mentoring or onboarded, and
 * started (by their induction booking's start date) on or before the day and no more than two years before it.
 */
export function isInvitedTo(joiner: DayJoiner, heldOn: string): boolean {
  return (
    developmentDayStages.includes(joiner.stage) &&
    joiner.startDate !== null &&
    joiner.startDate <= heldOn &&
    joiner.startDate >= firstStartInvited(heldOn)
  );
}

/** A development day as typed. */
export type DevelopmentDayDraft = { heldOn: string; place: string; title: string };

export type DevelopmentDayProblem = { field: keyof DevelopmentDayDraft; code: RefusalCode; message: string };

/**
 * Every problem with a day as typed (empty: it may be saved). A new day is today or later; an edit may
 * keep its date as it is, but not move it into the past. Its place and title are 2–100 characters.
 */
export function developmentDayProblems(
  draft: DevelopmentDayDraft,
  facts: { today: string; current?: { heldOn: string } },
): DevelopmentDayProblem[] {
  const problems: DevelopmentDayProblem[] = [];
  const isDateChanged = !facts.current || facts.current.heldOn !== draft.heldOn;
  if (isDateChanged && draft.heldOn < facts.today)
    problems.push({
      field: 'heldOn',
      code: 'development_days.held_in_past',
      message: `The day must be today (${formatDate(facts.today)}) or later.`,
    });
  const { textMinLength: min, textMaxLength: max } = developmentDayLimits;
  const place = draft.place.trim();
  if (place.length < min || place.length > max)
    problems.push({
      field: 'place',
      code: 'development_days.place_length',
      message: place.length ? `Enter the place in ${min} to ${max} characters.` : 'Enter where the day takes place.',
    });
  const title = draft.title.trim();
  if (title.length < min || title.length > max)
    problems.push({
      field: 'title',
      code: 'development_days.title_length',
      message: title.length ? `Enter the title in ${min} to ${max} characters.` : 'Enter a title for the day.',
    });
  return problems;
}

/** Refuses a day with any problem: BAD_REQUEST with every one of them, at its field, with its code. */
export function validateDevelopmentDay(draft: DevelopmentDayDraft, facts: { today: string; current?: { heldOn: string } }): void {
  const problems = developmentDayProblems(draft, facts);
  if (!problems.length) return;
  const fieldErrors: Record<string, string[]> = {};
  const fieldCodes: FieldCodes = {};
  for (const p of problems) {
    (fieldErrors[p.field] ??= []).push(p.message);
    (fieldCodes[p.field] ??= []).push(p.code);
  }
  throw new DomainError('BAD_REQUEST', problems.map((p) => p.message).join(' '), { fieldErrors, fieldCodes });
}

export type DevelopmentDayState = { status: 'scheduled' | 'cancelled'; heldOn: string };

const doing = { change: 'changed', cancel: 'cancelled', invite: 'invited to' } as const;

/** Refuses changing, cancelling or inviting to a day that is cancelled, or that was held before today. */
export function assertDayOpenToChange(day: DevelopmentDayState, today: string, what: keyof typeof doing): void {
  if (day.status === 'cancelled')
    throw refuse('development_days.cancelled', `This development day is cancelled: it cannot be ${doing[what]}${what === 'cancel' ? ' again' : ''}.`);
  if (day.heldOn < today)
    throw refuse(
      'development_days.already_held',
      `This development day was held on ${formatDate(day.heldOn)}: a day that has been held cannot be ${doing[what]}.`,
    );
}

/** Refuses recording attendance at a day that is cancelled or not held yet. */
export function assertAttendanceRecordable(day: DevelopmentDayState, today: string): void {
  if (day.status === 'cancelled')
    throw refuse('development_days.cancelled', 'This development day is cancelled: no one attended it.');
  if (day.heldOn > today)
    throw refuse(
      'development_days.not_yet_held',
      `This development day is on ${formatDate(day.heldOn)}: record who came on the day or after it.`,
    );
}

/** Refuses a did-not-attend without a reason: BAD_REQUEST at `reason`. */
export function assertAttendanceReason(attended: boolean, reason: string | null | undefined): void {
  if (!attended && !reason?.trim()) {
    const message = 'Say why the joiner did not attend.';
    throw new DomainError('BAD_REQUEST', message, {
      fieldErrors: { reason: [message] },
      fieldCodes: { reason: ['development_days.reason_needed'] },
    });
  }
}

/* ---------- the coordinator's home ---------- */

/** Who reads the coordinator's home: coordinators, and resourcing and the admin, who look over their shoulder. */
export function mayUseCoordination(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'coordinator' || actor.role === 'resourcing' || actor.role === 'admin';
}

export function assertMayUseCoordination(actor: Pick<Actor, 'role'>): void {
  if (!mayUseCoordination(actor))
    throw new DomainError('FORBIDDEN', 'Only coordinators, resourcing and the admin see the coordinator’s home.');
}

/** How far ahead the home looks for induction courses: eight weeks. */
export const homeCourseDays = 56;

/** Fullest first: the share of capacity taken, then the load, then by name. */
export function byFullness<P extends { load: number; capacity: number; name: string }>(a: P, b: P): number {
  const share = (p: P) => (p.capacity > 0 ? p.load / p.capacity : Number.POSITIVE_INFINITY);
  return share(b) - share(a) || b.load - a.load || a.name.localeCompare(b.name);
}
