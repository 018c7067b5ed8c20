import type { Route } from '@muster/contracts';
import { describe, expect, it } from 'vitest';
import {
  assertNoProblems,
  candidateProblems,
  cohortYearProblems,
  eligibilityChanges,
  forceRecordsProblems,
  latestCohortYear,
  type EligibilityValues,
} from './eligibility-rules.ts';
import { DomainError } from './errors.ts';

const today = '2026-12-02';
const codes = (ps: { code: string }[]) => ps.map((p) => p.code);

describe('cohort year', () => {
  it('the next intake is next year’s cohort', () => {
    expect(latestCohortYear('2026-12-02')).toBe(2027);
    expect(latestCohortYear('2027-01-01')).toBe(2028);
  });

  it.each<[Route, number | null, string[]]>([
    // NGLP has run since 2015, NDP since 2019 (Police Now's page); nothing beyond the next intake.
    ['police_now_nglp', 2014, ['details.cohort_year_before_programme']],
    ['police_now_nglp', 2015, []],
    ['police_now_nglp', 2026, []],
    ['police_now_nglp', 2027, []],
    ['police_now_nglp', 2028, ['details.cohort_year_after_next_intake']],
    ['police_now_ndp', 2015, ['details.cohort_year_before_programme']],
    ['police_now_ndp', 2018, ['details.cohort_year_before_programme']],
    ['police_now_ndp', 2019, []],
    ['police_now_ndp', 2027, []],
    ['police_now_ndp', 2030, ['details.cohort_year_after_next_intake']],
    // Required for Police Now by the schema; here, a missing year is not this rule's to refuse.
    ['police_now_ndp', null, []],
    // A transferee joins in no cohort.
    ['transferee', 2024, ['details.cohort_year_not_police_now']],
    ['transferee', null, []],
  ])('%s, cohort %s: %j', (route, cohortYear, expected) => {
    const problems = cohortYearProblems({ route, cohortYear }, today);
    expect(codes(problems)).toEqual(expected);
    for (const p of problems) expect(p.field).toBe('cohortYear');
  });

  it('says which year to enter', () => {
    expect(cohortYearProblems({ route: 'police_now_ndp', cohortYear: 2017 }, today)[0]!.message).toBe(
      'The National Detective Programme took its first cohort in 2019: enter 2019 or later.',
    );
    expect(cohortYearProblems({ route: 'police_now_nglp', cohortYear: 2029 }, today)[0]!.message).toBe(
      'The next Police Now intake is the 2027 cohort: enter 2027 or earlier.',
    );
  });
});

describe('current force', () => {
  it('a transferee’s current force cannot be the Met', () => {
    expect(codes(candidateProblems({ route: 'transferee', currentForce: 'Metropolitan Police Service' }, today))).toEqual([
      'details.force_is_met',
    ]);
    expect(candidateProblems({ route: 'transferee', currentForce: 'Kent Police' }, today)).toEqual([]);
  });

  it('names every refused field at once, each with its code', () => {
    const problems = candidateProblems(
      { route: 'transferee', currentForce: 'Metropolitan Police Service', cohortYear: 2020 },
      today,
    );
    expect(() => assertNoProblems(problems)).toThrow(DomainError);
    try {
      assertNoProblems(problems);
    } catch (e) {
      expect((e as DomainError).code).toBe('BAD_REQUEST');
      expect((e as DomainError).details.fieldCodes).toEqual({
        currentForce: ['details.force_is_met'],
        cohortYear: ['details.cohort_year_not_police_now'],
      });
      expect(Object.keys((e as DomainError).details.fieldErrors ?? {})).toEqual(['currentForce', 'cohortYear']);
    }
    expect(() => assertNoProblems([])).not.toThrow();
  });
});

describe('force records saved as received', () => {
  it.each([
    ['requested', null, 'requested', null, []],
    ['not_requested', null, 'not_requested', null, []],
    ['received', 'clear', 'received', 'refer', []],
    ['received', null, 'received', 'clear', ['psdOutcome:eligibility.psd_outcome_missing']],
    ['received', 'clear', 'received', null, ['ohOutcome:eligibility.oh_outcome_missing']],
    [
      'received',
      null,
      'received',
      null,
      ['psdOutcome:eligibility.psd_outcome_missing', 'ohOutcome:eligibility.oh_outcome_missing'],
    ],
  ] as const)('PSD %s (%s), OH %s (%s): %j', (psdRecords, psdOutcome, ohRecords, ohOutcome, expected) => {
    expect(forceRecordsProblems({ psdRecords, psdOutcome, ohRecords, ohOutcome }).map((p) => `${p.field}:${p.code}`)).toEqual(
      expected,
    );
  });
});

describe('what an eligibility record changed', () => {
  const record: EligibilityValues = {
    targetUnit: 'METCC',
    criteria: { serving_home_office: true, probation_complete: false },
    unitCriteria: {},
    psdRecords: 'requested',
    psdOutcome: null,
    ohRecords: 'requested',
    ohOutcome: null,
    hasOpenMisconduct: null,
    misconductDetails: null,
    notes: null,
  };

  it('is nothing when the same record is saved again', () => {
    expect(eligibilityChanges(record, { ...record, criteria: { ...record.criteria } })).toEqual({});
  });

  it('is each field and each criterion that differs, before and after', () => {
    expect(
      eligibilityChanges(record, {
        ...record,
        targetUnit: 'TSG',
        criteria: { serving_home_office: true, probation_complete: true },
        unitCriteria: { fitness: true },
        psdRecords: 'received',
        psdOutcome: 'clear',
      }),
    ).toEqual({
      targetUnit: { from: 'METCC', to: 'TSG' },
      'criteria.probation_complete': { from: false, to: true },
      'unitCriteria.fitness': { from: null, to: true },
      psdRecords: { from: 'requested', to: 'received' },
      psdOutcome: { from: null, to: 'clear' },
    });
  });

  it('a first record is compared with nothing recorded; "not requested" is the same as nothing', () => {
    expect(
      eligibilityChanges(null, { ...record, psdRecords: 'not_requested', ohRecords: 'not_requested', criteria: {} }),
    ).toEqual({ targetUnit: { from: null, to: 'METCC' } });
  });
});
