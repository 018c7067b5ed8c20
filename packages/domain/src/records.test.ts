import { stages } from '@muster/contracts';
import { describe, expect, it } from 'vitest';
import { assertMay, canSee, capabilities, applicationActions, mayDo, type ApplicationAction } from './access.ts';
import type { Actor, ApplicationSnapshot } from './application.ts';
import { DomainError } from './errors.ts';
import { checkUpdateEffect, exceptionRefusal, hasRoom, postingOf, rankMentors, validateEligibility } from './records.ts';
import { validatePosting } from './courses-booking.ts';
import { requiredChecks } from './reference.ts';

describe('required checks', () => {
  it('every case needs the standard checks; transferees also the records from their force', () => {
    const codes = (r: Parameters<typeof requiredChecks>) => requiredChecks(...r).map((c) => c.code);
    const standard = ['vetting', 'references', 'occupational_health', 'fitness_test', 'biometrics', 'substance_misuse'];
    expect(codes(['police_now_nglp', 'SNT'])).toEqual(standard);
    expect(codes(['transferee', 'SNT'])).toEqual(['psd_oh_records', ...standard]);
    expect(codes(['transferee', 'CT'])).toContain('counter_terrorist_check');
    expect(codes(['transferee', 'MO3'])).toContain('security_check');
    expect(codes(['transferee', 'TSG'])).toEqual(expect.arrayContaining(['level2_public_order', 'cbrn_medical']));
    expect(codes(['transferee', 'BCU'])).not.toContain('level2_public_order');
  });
});

describe('TSG re-route', () => {
  it.each([
    ['level2_public_order', 'failed', { from: 'TSG', to: 'BCU' }],
    ['cbrn_medical', 'failed', { from: 'TSG', to: 'BCU' }],
    ['cbrn_medical', 'passed', null],
    ['vetting', 'failed', null],
  ] as const)('%s %s on a TSG case → %o', (check, status, reroute) => {
    expect(checkUpdateEffect({ route: 'transferee', targetUnit: 'TSG' }, check, status)).toEqual({ reroute });
  });
  it('refuses a check that does not apply, or does not exist', () => {
    expect(() => checkUpdateEffect({ route: 'transferee', targetUnit: 'BCU' }, 'cbrn_medical', 'failed')).toThrow(
      'That check does not apply to this case.',
    );
    expect(() => checkUpdateEffect({ route: 'transferee', targetUnit: 'BCU' }, 'tarot', 'passed')).toThrow(
      'There is no check called "tarot".',
    );
  });
});

describe('eligibility and posting validation', () => {
  it('refuses criteria that are not the route’s or the unit’s', () => {
    expect(() => validateEligibility({ route: 'police_now_nglp' }, 'SNT', { probation_complete: true }, {})).toThrow(
      'These criteria do not apply to this route: probation_complete.',
    );
    expect(() => validateEligibility({ route: 'transferee' }, 'SNT', {}, { fitness: true })).toThrow(
      /not Safer Neighbourhoods .* essential criteria: fitness/,
    );
    expect(() => validateEligibility({ route: 'transferee' }, 'TSG', { constable_rank: true }, { fitness: true })).not.toThrow();
  });
  it('accepts only the places a unit posts to', () => {
    expect(() => validatePosting({ postingUnit: 'METCC', postingPlace: 'Hendon', postingRole: 'Despatch' })).not.toThrow();
    expect(() => validatePosting({ postingUnit: 'METCC', postingPlace: 'Catford (SE)', postingRole: 'Despatch' })).toThrow(
      'Catford (SE) is not a place Met Command and Control posts to.',
    );
  });
});

describe('who sees and records what', () => {
  const actors: Record<string, Actor> = {
    resourcing: { id: 1, role: 'resourcing', units: [] },
    leadTsg: { id: 2, role: 'unit_lead', units: ['TSG'] },
    coordinator: { id: 3, role: 'coordinator', units: [] },
    admin: { id: 4, role: 'admin', units: [] },
  };
  it.each([
    ['resourcing', 'review', 'METCC', true],
    ['admin', 'review', 'METCC', true],
    ['leadTsg', 'review', 'TSG', true],
    ['leadTsg', 'review', 'METCC', false],
    ['leadTsg', 'review', null, false],
    ['coordinator', 'review', 'TSG', false],
    ['coordinator', 'pre_employment', 'TSG', false],
    ['coordinator', 'induction', 'TSG', true],
    ['coordinator', 'onboarded', 'TSG', true],
  ] as const)('%s sees a %s case for %s: %s', (who, stage, unit, expected) => {
    expect(canSee(actors[who]!, { stage, targetUnit: unit })).toBe(expected);
  });

  const table: [string, ApplicationAction, string, 'ok' | 'FORBIDDEN' | 'PRECONDITION_FAILED'][] = [
    ['resourcing', 'eligibility', 'review', 'ok'],
    ['resourcing', 'eligibility', 'interview', 'PRECONDITION_FAILED'],
    ['leadTsg', 'eligibility', 'review', 'FORBIDDEN'],
    ['leadTsg', 'interview', 'interview', 'ok'],
    ['coordinator', 'interview', 'induction', 'FORBIDDEN'],
    ['resourcing', 'check', 'pre_employment', 'ok'],
    ['leadTsg', 'check', 'pre_employment', 'FORBIDDEN'],
    ['coordinator', 'induction', 'induction', 'ok'],
    ['coordinator', 'mentor', 'mentoring', 'ok'],
    ['coordinator', 'mentor', 'onboarded', 'PRECONDITION_FAILED'],
    ['leadTsg', 'note', 'review', 'ok'],
    ['resourcing', 'note', 'rejected', 'PRECONDITION_FAILED'],
    ['admin', 'note', 'review', 'FORBIDDEN'],
    ['admin', 'eligibility', 'review', 'FORBIDDEN'],
    ['admin', 'exception', 'review', 'ok'],
    ['admin', 'exception', 'interview', 'PRECONDITION_FAILED'],
    ['resourcing', 'exception', 'review', 'FORBIDDEN'],
  ];
  it.each(table)('%s records %s at %s: %s', (who, action, stage, expected) => {
    const act = () => assertMay(actors[who]!, { stage: stage as never, targetUnit: 'TSG' }, action);
    if (expected === 'ok') expect(act).not.toThrow();
    else expect(act).toThrow(expect.objectContaining({ code: expected }));
  });
});

describe('what a user may do, as the case page is told', () => {
  const actors: Actor[] = [
    { id: 1, role: 'resourcing', units: [] },
    { id: 2, role: 'unit_lead', units: ['TSG'] },
    { id: 3, role: 'unit_lead', units: ['METCC'] },
    { id: 4, role: 'coordinator', units: [] },
    { id: 5, role: 'admin', units: [] },
  ];
  const every: ApplicationAction[] = ['eligibility', 'exception', 'interview', 'check', 'induction', 'mentor', 'note', 'details'];

  it('mayDo is true exactly where assertMay lets the action through, for every role, stage and action', () => {
    for (const actor of actors) {
      for (const stage of stages) {
        for (const action of every) {
          const c = { stage, targetUnit: 'TSG' as const };
          let isAllowed = true;
          try {
            assertMay(actor, c, action);
          } catch (e) {
            if (!(e instanceof DomainError)) throw e;
            isAllowed = false;
          }
          expect([actor.id, stage, action, mayDo(actor, c, action)]).toEqual([actor.id, stage, action, isAllowed]);
        }
      }
    }
  });

  it('refuses a record at the wrong stage with action.wrong_stage', () => {
    expect(() => assertMay(actors[0]!, { stage: 'interview', targetUnit: 'TSG' }, 'eligibility')).toThrow(
      expect.objectContaining({
        code: 'PRECONDITION_FAILED',
        details: expect.objectContaining({ unmet: [expect.objectContaining({ code: 'action.wrong_stage', section: null })] }),
      }),
    );
  });

  const snapshot = (overrides: Partial<ApplicationSnapshot>): ApplicationSnapshot => ({
    route: 'transferee',
    stage: 'review',
    targetUnit: 'TSG',
    currentForce: 'Kent Police',
    rank: 'PC',
    joinedForceOn: '2018-01-15',
    closedFromStage: null,
    finalOfferAt: null,
    eligibility: null,
    tsgPreAssessment: null,
    exception: null,
    interview: null,
    checks: {},
    induction: null,
    mentorId: null,
    buddyId: null,
    ...overrides,
  });
  const withMisconduct = {
    criteria: {},
    unitCriteria: {},
    psdRecords: 'received',
    psdOutcome: 'clear',
    ohRecords: 'received',
    ohOutcome: 'clear',
    hasOpenMisconduct: true,
  } as const;

  it.each([
    ['resourcing at review', 0, {}, ['recordEligibility', 'recordTsgPreAssessment', 'addNote', 'editDetails']],
    [
      'resourcing at interview',
      0,
      { stage: 'interview' },
      ['recordTsgPreAssessment', 'recordInterview', 'addNote', 'editDetails'],
    ],
    ['resourcing at review, a METCC case', 0, { targetUnit: 'METCC' }, ['recordEligibility', 'addNote', 'editDetails']],
    ['resourcing at pre-employment', 0, { stage: 'pre_employment' }, ['updateChecks', 'addNote', 'editDetails']],
    ['resourcing at induction', 0, { stage: 'induction' }, ['bookInduction', 'assignMentor', 'addNote', 'editDetails']],
    ['resourcing at mentoring', 0, { stage: 'mentoring' }, ['assignMentor', 'addNote', 'editDetails']],
    ['resourcing on an onboarded case', 0, { stage: 'onboarded' }, []],
    ['resourcing on a rejected case', 0, { stage: 'rejected', closedFromStage: 'review' }, []],
    ['the TSG lead at review', 1, {}, ['recordTsgPreAssessment', 'addNote']],
    ['the TSG lead at interview', 1, { stage: 'interview' }, ['recordTsgPreAssessment', 'recordInterview', 'addNote']],
    ['the METCC lead on a TSG case', 2, { stage: 'interview' }, []],
    ['the coordinator at review', 3, {}, []],
    ['the coordinator at induction', 3, { stage: 'induction' }, ['bookInduction', 'assignMentor', 'addNote']],
    ['the admin at review, nothing to except', 4, {}, []],
    ['the admin at review, open misconduct', 4, { eligibility: withMisconduct }, ['approveException']],
    [
      'the admin at review, exception approved',
      4,
      { eligibility: withMisconduct, exception: { reason: 'Minor matter, resolved.' } },
      [],
    ],
  ] as const)('%s', (_what, who, change, expected) => {
    const actions = applicationActions(actors[who]!, snapshot(change));
    expect(
      Object.entries(actions)
        .filter(([, isOn]) => isOn)
        .map(([name]) => name),
    ).toEqual(expected);
  });

  it('an exception is refused with a code when there is nothing to except or one is already approved', () => {
    expect(exceptionRefusal(snapshot({}))?.details.fieldCodes).toEqual({ '': ['exception.nothing_to_approve'] });
    expect(exceptionRefusal(snapshot({ eligibility: withMisconduct }))).toBeNull();
    expect(
      exceptionRefusal(snapshot({ eligibility: withMisconduct, exception: { reason: 'Approved.' } }))?.details.fieldCodes,
    ).toEqual({ '': ['exception.already_approved'] });
  });

  const all = ['SNT', 'METCC', 'TSG', 'CT', 'MO19', 'MO3', 'SOIT', 'BCU'];
  it.each([
    [
      'resourcing',
      [],
      {
        createApplication: true,
        intake: true,
        admin: false,
        board: true,
        interviews: true,
        courses: false,
        coordination: true,
        landing: 'board',
        pool: false,
        checks: true,
        scheduleUnits: all,
        boardUnits: all,
      },
    ],
    [
      'unit_lead',
      ['TSG'],
      {
        createApplication: false,
        intake: false,
        admin: false,
        board: true,
        interviews: true,
        courses: false,
        coordination: false,
        landing: 'board',
        pool: false,
        checks: false,
        scheduleUnits: ['TSG'],
        boardUnits: ['TSG'],
      },
    ],
    [
      'panel_member',
      ['TSG'],
      {
        createApplication: false,
        intake: false,
        admin: false,
        board: false,
        interviews: true,
        courses: false,
        coordination: false,
        landing: 'interviews',
        pool: false,
        checks: false,
        scheduleUnits: [],
        boardUnits: [],
      },
    ],
    [
      'coordinator',
      [],
      {
        createApplication: false,
        intake: false,
        admin: false,
        board: true,
        interviews: false,
        courses: true,
        coordination: true,
        landing: 'coordination',
        pool: true,
        checks: false,
        scheduleUnits: [],
        boardUnits: all,
      },
    ],
    [
      'admin',
      [],
      {
        createApplication: false,
        intake: false,
        admin: true,
        board: true,
        interviews: false,
        courses: true,
        coordination: true,
        landing: 'board',
        pool: true,
        checks: false,
        scheduleUnits: [],
        boardUnits: all,
      },
    ],
  ] as const)('the app offers %s (units %o) %o', (role, units, may) => {
    expect(capabilities({ role, units })).toEqual(may);
  });
});

describe('mentor matching', () => {
  const person = (name: string, unit: 'TSG' | 'METCC' | 'BCU', place: string, load: number, capacity = 4) => ({
    id: name.length,
    name,
    unit,
    place,
    load,
    capacity,
  });
  const pool = [
    person('Ann', 'METCC', 'Bow', 0),
    person('Ben', 'TSG', 'Catford (SE)', 3),
    person('Cal', 'TSG', 'Clapham (SW)', 0),
    person('Dee', 'TSG', 'Catford (SE)', 1),
    person('Eve', 'BCU', 'Catford (SE)', 0),
    person('Fay', 'TSG', 'Catford (SE)', 2, 8),
  ];
  it.each([
    [
      'same unit and place first, then same unit, then same place, lightest load for capacity within each',
      { unit: 'TSG', place: 'Catford (SE)' },
      ['Dee', 'Fay', 'Ben', 'Cal', 'Eve', 'Ann'],
    ],
    [
      'no place yet: same unit first, lightest load first',
      { unit: 'TSG', place: null },
      ['Cal', 'Dee', 'Fay', 'Ben', 'Ann', 'Eve'],
    ],
    ['no unit either: lightest load, then by name', { unit: null, place: null }, ['Ann', 'Cal', 'Eve', 'Dee', 'Fay', 'Ben']],
  ] as const)('%s', (_what, posting, names) => {
    expect(rankMentors(pool, posting).map((p) => p.name)).toEqual(names);
  });

  it('leaves the pool it was given alone', () => {
    const before = pool.map((p) => p.name);
    rankMentors(pool, { unit: 'TSG', place: null });
    expect(pool.map((p) => p.name)).toEqual(before);
  });

  it('suggests for the posting once booked, the target unit before', () => {
    expect(postingOf({ targetUnit: 'TSG', induction: null })).toEqual({ unit: 'TSG', place: null });
    expect(
      postingOf({ targetUnit: 'TSG', induction: { startDate: '2027-01-04', postingUnit: 'BCU', postingPlace: 'North Area' } }),
    ).toEqual({ unit: 'BCU', place: 'North Area' });
  });

  it.each([
    [0, 1, true],
    [3, 4, true],
    [4, 4, false],
    [5, 4, false],
  ])('load %i of %i has room: %s', (load, capacity, expected) => {
    expect(hasRoom({ load, capacity })).toBe(expected);
  });
});
