import type { RecordsOutcome, RecordsRequest, RefusalCode, Route, UnitCode } from '@muster/contracts';
import type { ApplicationSnapshot } from './application.ts';
import { DomainError } from './errors.ts';
import { metForce, policeNowProgrammes } from './reference.ts';

/** One field a rule refuses: the field, the code of what is wrong, and the words a user reads. */
export type FieldProblem = { field: string; code: RefusalCode; message: string };

/** BAD_REQUEST naming every refused field, with its code (nothing thrown when there are none). */
export function assertNoProblems(problems: readonly FieldProblem[]): void {
  const [first] = problems;
  if (!first) return;
  const fieldErrors: Record<string, string[]> = {};
  const fieldCodes: Record<string, RefusalCode[]> = {};
  for (const p of problems) {
    (fieldErrors[p.field] ??= []).push(p.message);
    (fieldCodes[p.field] ??= []).push(p.code);
  }
  throw new DomainError('BAD_REQUEST', first.message, { fieldErrors, fieldCodes });
}

/**
 * The latest Police Now cohort year accepted on `today` (YYYY-MM-DD): the next intake. Each programme
 * takes one cohort a year and recruits for it the year before, so next year's cohort is the furthest
 * ahead an applicant can be.
 */
export function latestCohortYear(today: string): number {
  return Number(today.slice(0, 4)) + 1;
}

/**
 * A cohort year belongs to Police Now applicants only, and must be one their programme ran (NGLP from
 * 2015, NDP from 2019) and no later than the next intake.
 */
export function cohortYearProblems(c: { route: Route; cohortYear?: number | null | undefined }, today: string): FieldProblem[] {
  const year = c.cohortYear ?? null;
  if (year === null) return [];
  const programme = policeNowProgrammes.find((p) => p.route === c.route);
  if (!programme) {
    return [
      {
        field: 'cohortYear',
        code: 'details.cohort_year_not_police_now',
        message: 'Leave the cohort year empty for a transferee: only Police Now applicants join in a cohort.',
      },
    ];
  }
  if (year < programme.firstCohortYear) {
    return [
      {
        field: 'cohortYear',
        code: 'details.cohort_year_before_programme',
        message: `The ${programme.name} took its first cohort in ${programme.firstCohortYear}: enter ${programme.firstCohortYear} or later.`,
      },
    ];
  }
  const latest = latestCohortYear(today);
  if (year > latest) {
    return [
      {
        field: 'cohortYear',
        code: 'details.cohort_year_after_next_intake',
        message: `The next Police Now intake is the ${latest} cohort: enter ${latest} or earlier.`,
      },
    ];
  }
  return [];
}

/** A transferee comes from another force: the Met itself is not one. */
export function currentForceProblems(c: { currentForce?: string | null | undefined }): FieldProblem[] {
  return c.currentForce === metForce
    ? [
        {
          field: 'currentForce',
          code: 'details.force_is_met',
          message: `An officer transfers in from another force: the current force cannot be the ${metForce}.`,
        },
      ]
    : [];
}

/** What the create and edit forms refuse beyond the schema: the force and the cohort year. */
export function candidateProblems(
  c: { route: Route; cohortYear?: number | null | undefined; currentForce?: string | null | undefined },
  today: string,
): FieldProblem[] {
  return [...currentForceProblems(c), ...cohortYearProblems(c, today)];
}

/** The current force's records as a reviewer saves them. */
export type ForceRecordsInput = {
  psdRecords: RecordsRequest;
  psdOutcome?: RecordsOutcome | null | undefined;
  ohRecords: RecordsRequest;
  ohOutcome?: RecordsOutcome | null | undefined;
};

/** Records saved as received must say what they showed: clear or refer. */
export function forceRecordsProblems(r: ForceRecordsInput): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (r.psdRecords === 'received' && !r.psdOutcome) {
    out.push({
      field: 'psdOutcome',
      code: 'eligibility.psd_outcome_missing',
      message:
        'Choose the PSD outcome, clear or refer: the records are received. If they are not read yet, save them as requested.',
    });
  }
  if (r.ohRecords === 'received' && !r.ohOutcome) {
    out.push({
      field: 'ohOutcome',
      code: 'eligibility.oh_outcome_missing',
      message:
        'Choose the OH outcome, clear or refer: the records are received. If they are not read yet, save them as requested.',
    });
  }
  return out;
}

/** An eligibility record as the history compares it: what a reviewer saves. */
export type EligibilityValues = NonNullable<ApplicationSnapshot['eligibility']> & {
  targetUnit: UnitCode | null;
  misconductDetails: string | null;
  notes: string | null;
};

/** One change in a record: its value before and after (null: not recorded). */
export type Change = { from: unknown; to: unknown };

const scalarFields = [
  'targetUnit',
  'psdRecords',
  'psdOutcome',
  'ohRecords',
  'ohOutcome',
  'hasOpenMisconduct',
  'misconductDetails',
  'notes',
] as const satisfies readonly (keyof EligibilityValues)[];

/**
 * What a new eligibility record changes against the one before it (`null`: the first record), field
 * by field, criteria one by one as `criteria.<code>` and `unitCriteria.<code>`; empty when nothing
 * changed. Records "not requested" and "not recorded" read the same.
 */
export function eligibilityChanges(before: EligibilityValues | null, after: EligibilityValues): Record<string, Change> {
  const out: Record<string, Change> = {};
  const norm = (field: (typeof scalarFields)[number], v: unknown) =>
    (field === 'psdRecords' || field === 'ohRecords') && v === null ? 'not_requested' : v;
  for (const field of scalarFields) {
    const from = norm(field, before ? before[field] : null);
    const to = norm(field, after[field]);
    if (from !== to) out[field] = { from, to };
  }
  for (const group of ['criteria', 'unitCriteria'] as const) {
    const old = before?.[group] ?? {};
    for (const code of new Set([...Object.keys(old), ...Object.keys(after[group])])) {
      const from = old[code] ?? null;
      const to = after[group][code] ?? null;
      if (from !== to) out[`${group}.${code}`] = { from, to };
    }
  }
  return out;
}
