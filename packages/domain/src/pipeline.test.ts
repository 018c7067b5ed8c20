import {
  closedStages,
  openStages,
  pipelineStages,
  refusalSections,
  roles,
  stages,
  type RefusalCode,
  type Stage,
} from '@muster/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor, ApplicationSnapshot } from './application.ts';
import { DomainError } from './errors.ts';
import {
  applicationMoves,
  classifyMove,
  earliestStartDate,
  gateUnmet,
  isClosed,
  isOpen,
  nextMoves,
  pipeline,
  pipelineSteps,
  planMove,
  primaryMoveTo,
} from './pipeline.ts';
import { requiredChecks } from './reference.ts';

const now = new Date('2026-11-23T10:00:00Z');
const resourcing: Actor = { id: 1, role: 'resourcing', units: [] };
const leadTsg: Actor = { id: 2, role: 'unit_lead', units: ['TSG'] };
const leadMetcc: Actor = { id: 3, role: 'unit_lead', units: ['METCC'] };
const coordinator: Actor = { id: 4, role: 'coordinator', units: [] };
const admin: Actor = { id: 5, role: 'admin', units: [] };

const clearRecords = {
  psdRecords: 'received',
  psdOutcome: 'clear',
  ohRecords: 'received',
  ohOutcome: 'clear',
  hasOpenMisconduct: false,
} as const;
const reason = { id: 1, text: 'A reason given by the user' };

/** A transferee case for TSG that meets every gate. */
function readyApplication(overrides: Partial<ApplicationSnapshot> = {}): ApplicationSnapshot {
  return {
    route: 'transferee',
    stage: 'review',
    targetUnit: 'TSG',
    currentForce: 'Kent Police',
    rank: 'PC',
    joinedForceOn: '2018-01-15',
    closedFromStage: null,
    finalOfferAt: '2026-10-01T09:00:00.000Z',
    eligibility: {
      criteria: { serving_home_office: true, constable_rank: true, probation_complete: true, meets_role_requirements: true },
      unitCriteria: { fitness: true },
      ...clearRecords,
    },
    tsgPreAssessment: { mentorId: 7, hasBaseVisit: true },
    exception: null,
    interview: { outcome: 'pass', scores: { professionalism: 4, integrity: 5, courage: 4, compassion: 4 } },
    checks: Object.fromEntries(requiredChecks('transferee', 'TSG').map((c) => [c.code, 'passed'])),
    induction: { startDate: '2026-11-02', postingUnit: 'TSG', postingPlace: 'Catford (SE)' },
    mentorId: 1,
    buddyId: 2,
    ...overrides,
  };
}

const order: Stage[] = ['review', 'interview', 'pre_employment', 'induction', 'mentoring', 'onboarded'];

function expectedKind(from: Stage, to: Stage, closedFrom: Stage | null): string {
  if (from === to || from === 'onboarded') return 'invalid';
  if (from === 'rejected' || from === 'withdrawn') return to === closedFrom ? 'reopen' : 'invalid';
  if (to === 'rejected' || to === 'withdrawn') return 'close';
  const d = order.indexOf(to) - order.indexOf(from);
  return d === 1 ? 'forward' : d === -1 ? 'back' : 'invalid';
}

describe('classifyMove: every pair of stages', () => {
  const pairs = stages.flatMap((from) => stages.map((to) => [from, to] as const));
  it.each(pairs)('%s → %s', (from, to) => {
    const closedFrom = from === 'rejected' || from === 'withdrawn' ? 'interview' : null;
    const kind = classifyMove({ stage: from, closedFromStage: closedFrom }, to);
    const expected = expectedKind(from, to, closedFrom);
    if (expected === 'invalid') {
      expect(kind).toHaveProperty('invalid');
      expect((kind as { invalid: string }).invalid.length).toBeGreaterThan(10);
    } else expect(kind).toBe(expected);
  });
});

/** Who may make which kind of move, by role; the case is in every actor's reach where possible. */
const moveTable: { from: Stage; to: Stage; allowed: Actor[]; refused: Actor[] }[] = [
  { from: 'review', to: 'interview', allowed: [resourcing], refused: [leadTsg, coordinator, admin] },
  { from: 'interview', to: 'pre_employment', allowed: [resourcing, leadTsg], refused: [coordinator, admin] },
  { from: 'pre_employment', to: 'induction', allowed: [resourcing], refused: [leadTsg, coordinator, admin] },
  { from: 'induction', to: 'mentoring', allowed: [resourcing, coordinator], refused: [leadTsg, admin] },
  { from: 'mentoring', to: 'onboarded', allowed: [resourcing, coordinator], refused: [leadTsg, admin] },
  { from: 'interview', to: 'review', allowed: [resourcing], refused: [leadTsg, admin] },
  { from: 'mentoring', to: 'induction', allowed: [resourcing], refused: [coordinator, leadTsg, admin] },
  { from: 'interview', to: 'rejected', allowed: [resourcing, leadTsg], refused: [admin] },
  { from: 'interview', to: 'withdrawn', allowed: [resourcing], refused: [leadTsg, admin] },
  { from: 'review', to: 'rejected', allowed: [resourcing], refused: [leadTsg, admin] },
  { from: 'mentoring', to: 'withdrawn', allowed: [resourcing], refused: [coordinator, leadTsg, admin] },
  { from: 'rejected', to: 'interview', allowed: [resourcing], refused: [leadTsg, admin] },
];

describe('planMove: who may move what', () => {
  for (const row of moveTable) {
    const c = readyApplication({ stage: row.from, closedFromStage: row.from === 'rejected' ? 'interview' : null });
    for (const actor of row.allowed) {
      it(`${actor.role} may move ${row.from} → ${row.to}`, () => {
        expect(() => planMove(actor, c, row.to, reason, now)).not.toThrow();
      });
    }
    for (const actor of row.refused) {
      it(`${actor.role} may not move ${row.from} → ${row.to}`, () => {
        expect(() => planMove(actor, c, row.to, reason, now)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
      });
    }
  }

  it('a unit lead cannot touch another unit’s case', () => {
    expect(() => planMove(leadMetcc, readyApplication({ stage: 'interview' }), 'pre_employment', undefined, now)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: 'You do not have access to this case.' }),
    );
  });

  it('a coordinator cannot touch a case in review', () => {
    expect(() => planMove(coordinator, readyApplication(), 'interview', undefined, now)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it.each([
    ['interview', 'review', 'reason', 'move.reason_missing', 'Give a reason for moving a case back.'],
    ['review', 'rejected', 'reasonId', 'move.listed_reason_missing', 'Choose a reason for rejecting from the list.'],
    ['review', 'withdrawn', 'reasonId', 'move.listed_reason_missing', 'Choose a reason for withdrawing from the list.'],
    ['rejected', 'interview', 'reason', 'move.reason_missing', 'Give a reason for reopening.'],
  ] as const)('%s → %s needs a %s (%s)', (from, to, field, code, message) => {
    const c = readyApplication({ stage: from, closedFromStage: from === 'rejected' ? 'interview' : null });
    try {
      planMove(resourcing, c, to, { text: field === 'reasonId' ? 'Words alone are not enough' : undefined }, now);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('BAD_REQUEST');
      expect((e as DomainError).details.fieldErrors?.[field]).toEqual([message]);
      expect((e as DomainError).details.fieldCodes?.[field]).toEqual([code]);
    }
  });

  it('names the event each kind of move writes', () => {
    expect(planMove(resourcing, readyApplication(), 'interview', undefined, now).eventType).toBe('moved');
    expect(planMove(resourcing, readyApplication({ stage: 'interview' }), 'review', reason, now).eventType).toBe('moved_back');
    expect(planMove(resourcing, readyApplication(), 'rejected', reason, now).eventType).toBe('rejected');
    expect(planMove(resourcing, readyApplication(), 'withdrawn', reason, now).eventType).toBe('withdrawn');
    expect(
      planMove(resourcing, readyApplication({ stage: 'withdrawn', closedFromStage: 'review' }), 'review', reason, now).eventType,
    ).toBe('reopened');
  });

  it('refuses skipping a stage with a sentence saying where the case can go', () => {
    const message = 'A case moves one stage at a time: from review it can go on to interview, or back one stage.';
    expect(() => planMove(resourcing, readyApplication(), 'pre_employment', undefined, now)).toThrow(
      expect.objectContaining({
        code: 'PRECONDITION_FAILED',
        details: { reasons: [message], unmet: [{ code: 'move.not_one_stage', section: null, message }] },
      }),
    );
  });

  it.each([
    [{ stage: 'review' }, 'review', 'move.already_there'],
    [{ stage: 'onboarded' }, 'mentoring', 'move.pipeline_finished'],
    [{ stage: 'rejected', closedFromStage: 'interview' }, 'review', 'move.reopen_elsewhere'],
    [{ stage: 'review' }, 'induction', 'move.not_one_stage'],
  ] as const)('a move that is not one is refused with its code: %o → %s', (change, to, code) => {
    expect(classifyMove({ closedFromStage: null, ...change }, to)).toMatchObject({ code });
    expect(() => planMove(resourcing, readyApplication(change), to, reason, now)).toThrow(
      expect.objectContaining({
        details: expect.objectContaining({ unmet: [expect.objectContaining({ code, section: null })] }),
      }),
    );
  });
});

/** Each gate: a case that breaks it in one way, the codes it answers with, and the words the user sees. */
type Expected = [code: RefusalCode, message: string, about?: { check?: string; criterion?: string }];
const gateTable: { from: Stage; change: Partial<ApplicationSnapshot>; unmet: Expected[] }[] = [
  {
    from: 'review',
    change: { eligibility: null, targetUnit: 'BCU' },
    unmet: [['eligibility.not_recorded', 'Eligibility has not been recorded.']],
  },
  {
    from: 'review',
    change: {
      eligibility: {
        ...readyApplication().eligibility!,
        criteria: { serving_home_office: true, constable_rank: false, probation_complete: true },
      },
    },
    unmet: [
      [
        'eligibility.criterion_not_met',
        'Eligibility not met: Holds the rank of constable (PC or DC).',
        { criterion: 'constable_rank' },
      ],
      [
        'eligibility.criterion_not_recorded',
        'Eligibility not recorded: Meets the day-to-day requirements of their current role.',
        { criterion: 'meets_role_requirements' },
      ],
    ],
  },
  { from: 'review', change: { targetUnit: null }, unmet: [['eligibility.no_target_unit', 'No target unit has been chosen.']] },
  {
    from: 'review',
    change: { currentForce: 'Metropolitan Police Service' },
    unmet: [['eligibility.force_not_home_office', 'Metropolitan Police Service is not a Home Office force other than the Met.']],
  },
  {
    from: 'review',
    change: { currentForce: 'Police Scotland' },
    unmet: [['eligibility.force_not_home_office', 'Police Scotland is not a Home Office force other than the Met.']],
  },
  {
    from: 'review',
    change: { rank: null },
    unmet: [['eligibility.rank_not_constable', 'The officer must be a constable, PC or DC.']],
  },
  {
    from: 'review',
    change: { joinedForceOn: '2025-03-01' },
    unmet: [
      [
        'eligibility.probation_incomplete',
        'The officer joined their force on 1 March 2025 and completes the 2-year probation only on 1 March 2027.',
      ],
    ],
  },
  {
    from: 'review',
    change: {
      eligibility: { ...readyApplication().eligibility!, unitCriteria: {} },
      tsgPreAssessment: null,
    },
    unmet: [
      [
        'eligibility.unit_criterion_not_recorded',
        'Territorial Support Group (MO7 Taskforce) essential criterion not recorded: Has and keeps a good level of fitness.',
        { criterion: 'fitness' },
      ],
      [
        'eligibility.tsg_mentor_missing',
        'TSG: the officer needs a TSG mentor, a serving TSG officer from the mentor pool, before the assessment.',
      ],
      ['eligibility.tsg_base_visit_missing', 'TSG: the officer must do an attachment or base visit before the assessment.'],
    ],
  },
  {
    from: 'review',
    change: {
      targetUnit: 'MO3',
      eligibility: { ...readyApplication().eligibility!, unitCriteria: { surveillance_trained: false } },
    },
    unmet: [
      [
        'eligibility.unit_criterion_not_met',
        'Technical Surveillance Unit (MO3) essential criterion not met: Trained in national mobile or foot surveillance.',
        { criterion: 'surveillance_trained' },
      ],
      [
        'eligibility.unit_criterion_not_recorded',
        'Technical Surveillance Unit (MO3) essential criterion not recorded: Knows RIPA and TEI legislation.',
        { criterion: 'ripa_tei_knowledge' },
      ],
    ],
  },
  {
    from: 'review',
    change: {
      eligibility: {
        ...readyApplication().eligibility!,
        psdRecords: 'requested',
        psdOutcome: null,
        ohRecords: 'not_requested',
        ohOutcome: null,
        hasOpenMisconduct: null,
      },
    },
    unmet: [
      [
        'eligibility.psd_records_not_received',
        'Professional standards (PSD) records from the current force: requested, not yet received.',
      ],
      ['eligibility.oh_records_not_received', 'Occupational health (OH) records from the current force: not yet requested.'],
      ['eligibility.misconduct_not_recorded', 'Record whether the officer has any open misconduct matter or investigation.'],
    ],
  },
  {
    from: 'review',
    change: { eligibility: { ...readyApplication().eligibility!, psdOutcome: null } },
    unmet: [
      [
        'eligibility.psd_outcome_missing',
        'Professional standards (PSD) records: received, but the outcome (clear or refer) is not recorded.',
      ],
    ],
  },
  {
    from: 'review',
    change: { eligibility: { ...readyApplication().eligibility!, ohOutcome: null } },
    unmet: [
      [
        'eligibility.oh_outcome_missing',
        'Occupational health (OH) records: received, but the outcome (clear or refer) is not recorded.',
      ],
    ],
  },
  {
    from: 'review',
    change: { eligibility: { ...readyApplication().eligibility!, psdOutcome: 'refer', hasOpenMisconduct: true } },
    unmet: [
      [
        'eligibility.exception_needed',
        'Professional standards (PSD) records were referred and there is an open misconduct matter or investigation: the case can progress only if an admin approves an exception, with a reason.',
      ],
    ],
  },
  {
    from: 'review',
    change: {
      eligibility: { ...readyApplication().eligibility!, hasOpenMisconduct: true },
      exception: { reason: 'Minor matter, resolved locally; approved by the Superintendent.' },
    },
    unmet: [],
  },
  {
    from: 'interview',
    change: { interview: null },
    unmet: [['interview.not_recorded', 'No interview outcome has been recorded.']],
  },
  {
    from: 'interview',
    change: { interview: { outcome: 'fail', scores: { professionalism: 2, integrity: 2, courage: 2, compassion: 2 } } },
    unmet: [['interview.failed', 'The interview outcome is a fail: only a pass leads to a conditional offer.']],
  },
  {
    from: 'pre_employment',
    change: { checks: { ...readyApplication().checks, vetting: 'requested', cbrn_medical: 'failed' } },
    unmet: [
      ['checks.not_passed', 'Recruitment vetting: not yet passed or waived (requested).', { check: 'vetting' }],
      ['checks.not_passed', 'CBRN medical: not yet passed or waived (failed).', { check: 'cbrn_medical' }],
    ],
  },
  {
    from: 'induction',
    change: { induction: null },
    unmet: [['induction.not_booked', 'No induction course is booked, and no start date or posting is set.']],
  },
  {
    from: 'induction',
    change: { induction: { startDate: '2026-10-20', postingUnit: 'BCU', postingPlace: 'North Area' } },
    unmet: [
      [
        'induction.posting_unit_mismatch',
        "The posting unit (Basic Command Unit) is not the case's target unit (Territorial Support Group (MO7 Taskforce)).",
      ],
      [
        'induction.start_before_notice',
        'The start date (20 October 2026) must be at least 28 days after the final offer (1 October 2026) so the officer can give notice: the earliest is 29 October 2026.',
      ],
    ],
  },
  {
    from: 'mentoring',
    change: { mentorId: null, buddyId: null },
    unmet: [
      ['mentoring.no_mentor', 'No mentor has been assigned.'],
      ['mentoring.no_buddy', 'No buddy has been assigned.'],
    ],
  },
  { from: 'mentoring', change: { buddyId: null }, unmet: [['mentoring.no_buddy', 'No buddy has been assigned.']] },
];

/** Every code a gate can answer with: the table above must show each one at least once. */
const gateCodes: RefusalCode[] = [
  'eligibility.not_recorded',
  'eligibility.criterion_not_recorded',
  'eligibility.criterion_not_met',
  'eligibility.psd_records_not_received',
  'eligibility.psd_outcome_missing',
  'eligibility.oh_records_not_received',
  'eligibility.oh_outcome_missing',
  'eligibility.misconduct_not_recorded',
  'eligibility.exception_needed',
  'eligibility.force_not_home_office',
  'eligibility.rank_not_constable',
  'eligibility.probation_incomplete',
  'eligibility.no_target_unit',
  'eligibility.unit_criterion_not_recorded',
  'eligibility.unit_criterion_not_met',
  'eligibility.tsg_mentor_missing',
  'eligibility.tsg_base_visit_missing',
  'interview.not_recorded',
  'interview.failed',
  'checks.not_passed',
  'induction.not_booked',
  'induction.posting_unit_mismatch',
  'induction.start_before_notice',
  'mentoring.no_mentor',
  'mentoring.no_buddy',
];

describe('gates: every unmet condition, with its code, section and plain words', () => {
  it.each(gateTable.map((g, i) => [i, g.from, g] as const))('gate %i out of %s', (_i, from, g) => {
    const c = readyApplication({ stage: from, ...g.change });
    const to = pipeline[from as keyof typeof pipeline].next;
    const expected = g.unmet.map(([code, message, about]) => ({ code, section: refusalSections[code], message, ...about }));
    expect(gateUnmet(c, now)).toEqual(expected);
    if (expected.length === 0) expect(() => planMove(resourcing, c, to, undefined, now)).not.toThrow();
    else {
      expect(() => planMove(resourcing, c, to, undefined, now)).toThrow(
        expect.objectContaining({
          code: 'PRECONDITION_FAILED',
          details: { reasons: expected.map((u) => u.message), unmet: expected },
        }),
      );
    }
  });

  it('the table shows every gate code, and each names a section of the case page', () => {
    const shown = new Set(gateTable.flatMap((g) => g.unmet.map(([code]) => code)));
    expect([...shown].sort()).toEqual([...gateCodes].sort());
    for (const code of gateCodes) expect([code, refusalSections[code]]).toEqual([code, expect.any(String)]);
  });

  it.each(openStages)('a case meeting everything may move on from %s', (from) => {
    expect(gateUnmet(readyApplication({ stage: from }), now)).toEqual([]);
  });

  it('probation completes on the second anniversary exactly', () => {
    expect(gateUnmet(readyApplication({ joinedForceOn: '2024-11-23' }), now)).toEqual([]);
    expect(gateUnmet(readyApplication({ joinedForceOn: '2024-11-24' }), now)).toHaveLength(1);
  });

  it('the 28-day notice applies to transferees only', () => {
    const early = { startDate: '2026-10-02', postingUnit: 'BCU' as const, postingPlace: 'North Area' };
    const atInduction = { stage: 'induction' as const, targetUnit: 'BCU' as const, induction: early };
    expect(gateUnmet(readyApplication({ ...atInduction, route: 'police_now_nglp' }), now)).toEqual([]);
    expect(gateUnmet(readyApplication(atInduction), now)).toHaveLength(1);
    expect(earliestStartDate(readyApplication())).toBe('2026-10-29');
    expect(earliestStartDate(readyApplication({ route: 'police_now_nglp' }))).toBeNull();
    expect(earliestStartDate(readyApplication({ finalOfferAt: null }))).toBeNull();
  });

  it('Police Now applicants are checked against the programme criteria, not the transferee ones', () => {
    const c = readyApplication({
      route: 'police_now_ndp',
      targetUnit: 'BCU',
      currentForce: null,
      rank: null,
      joinedForceOn: null,
      eligibility: {
        criteria: { degree: true, uk_residence: false },
        unitCriteria: {},
        psdRecords: null,
        psdOutcome: null,
        ohRecords: null,
        ohOutcome: null,
        hasOpenMisconduct: null,
      },
    });
    expect(gateUnmet(c, now).map((u) => [u.code, u.criterion, u.message])).toEqual([
      ['eligibility.criterion_not_met', 'uk_residence', 'Eligibility not met: Has lived in the UK for the last three years.'],
      [
        'eligibility.criterion_not_recorded',
        'not_attested',
        'Eligibility not recorded: Is not a serving or former attested police officer.',
      ],
    ]);
  });

  it.each(['onboarded', 'rejected', 'withdrawn'] as const)('there is no gate out of %s', (stage) => {
    expect(gateUnmet(readyApplication({ stage }), now)).toEqual([]);
  });
});

describe('the pipeline table', () => {
  it('walks the stages in order, one entry per open stage', () => {
    const walk: Stage[] = ['review'];
    for (let s: Stage = 'review'; isOpen(s); s = pipeline[s].next) walk.push(pipeline[s].next);
    expect(walk).toEqual([...pipelineStages]);
    expect(Object.keys(pipeline)).toEqual([...openStages]);
  });

  it.each(stages)('%s is exactly one of open, finished or closed', (s) => {
    expect([isOpen(s), s === 'onboarded', isClosed(s)].filter(Boolean)).toHaveLength(1);
    expect(isClosed(s)).toBe((closedStages as readonly Stage[]).includes(s));
    expect(isOpen(s)).toBe((openStages as readonly Stage[]).includes(s));
  });

  it('serves each step with the roles that may move a case on', () => {
    expect(pipelineSteps()).toEqual([
      { stage: 'review', next: 'interview', movers: ['resourcing'] },
      { stage: 'interview', next: 'pre_employment', movers: ['resourcing', 'unit_lead'] },
      { stage: 'pre_employment', next: 'induction', movers: ['resourcing'] },
      { stage: 'induction', next: 'mentoring', movers: ['resourcing', 'coordinator'] },
      { stage: 'mentoring', next: 'onboarded', movers: ['resourcing', 'coordinator'] },
    ]);
    for (const step of pipelineSteps()) for (const r of step.movers) expect(roles).toContain(r);
  });
});

describe('nextMoves: what the user may try from here', () => {
  const none = { unmet: [], reasons: [] };
  it('lists forward, back and close moves with their kind, reason, movers and what is unmet, for resourcing', () => {
    const moves = nextMoves(resourcing, readyApplication({ stage: 'interview', interview: null }), now);
    const message = 'No interview outcome has been recorded.';
    expect(moves).toEqual([
      { to: 'review', kind: 'back', needsReason: 'text', movers: ['resourcing'], ...none, isPrimary: false },
      {
        to: 'pre_employment',
        kind: 'forward',
        needsReason: null,
        movers: ['resourcing', 'unit_lead'],
        unmet: [{ code: 'interview.not_recorded', section: 'interview', message }],
        reasons: [message],
        isPrimary: true,
      },
      { to: 'rejected', kind: 'close', needsReason: 'listed', movers: ['resourcing', 'unit_lead'], ...none, isPrimary: false },
      { to: 'withdrawn', kind: 'close', needsReason: 'listed', movers: ['resourcing'], ...none, isPrimary: false },
    ]);
  });
  it('offers a unit lead only the forward move and rejection at interview', () => {
    expect(nextMoves(leadTsg, readyApplication({ stage: 'interview' }), now).map((m) => m.to)).toEqual([
      'pre_employment',
      'rejected',
    ]);
  });
  it('offers nothing to admin, nor on an onboarded case', () => {
    expect(nextMoves(admin, readyApplication({ stage: 'interview' }), now)).toEqual([]);
    expect(nextMoves(resourcing, readyApplication({ stage: 'onboarded' }), now)).toEqual([]);
  });
  it('offers reopening a closed case at the stage it was closed from', () => {
    expect(nextMoves(resourcing, readyApplication({ stage: 'rejected', closedFromStage: 'pre_employment' }), now)).toEqual([
      { to: 'pre_employment', kind: 'reopen', needsReason: 'text', movers: ['resourcing'], ...none, isPrimary: true },
    ]);
  });
  it('offers exactly the moves planMove accepts, for every role at every stage (gates met)', () => {
    for (const actor of [resourcing, leadTsg, leadMetcc, coordinator, admin]) {
      for (const stage of stages) {
        const c = readyApplication({ stage, closedFromStage: isClosed(stage) ? 'interview' : null });
        const accepted = stages.filter((to) => {
          try {
            planMove(actor, c, to, reason, now);
            return true;
          } catch {
            return false;
          }
        });
        expect([actor.role, stage, applicationMoves(actor, c).map((m) => m.to)]).toEqual([actor.role, stage, accepted]);
      }
    }
  });
});

describe('the primary move: what the case page offers first', () => {
  const failed = { outcome: 'fail' as const, scores: { professionalism: 2, integrity: 2, courage: 2, compassion: 2 } };
  const primaryOf = (actor: Actor, c: ApplicationSnapshot) =>
    nextMoves(actor, c, now)
      .filter((m) => m.isPrimary)
      .map((m) => m.to);

  it.each([
    ['review', null, 'interview'],
    ['interview', null, 'pre_employment'],
    ['pre_employment', null, 'induction'],
    ['induction', null, 'mentoring'],
    ['mentoring', null, 'onboarded'],
    ['onboarded', null, null],
    ['rejected', 'interview', 'interview'],
    ['withdrawn', 'pre_employment', 'pre_employment'],
  ] as const)('at %s (closed from %s): %s', (stage, closedFromStage, to) => {
    expect(primaryMoveTo(readyApplication({ stage, closedFromStage }))).toBe(to);
  });

  it('after a failed interview is rejecting, not the move on its gate refuses', () => {
    const c = readyApplication({ stage: 'interview', interview: failed });
    expect(primaryMoveTo(c)).toBe('rejected');
    expect(primaryOf(resourcing, c)).toEqual(['rejected']);
    // A unit lead may reject a case of their unit after interviewing it: for them too it comes first.
    expect(primaryOf(leadTsg, c)).toEqual(['rejected']);
    expect(nextMoves(leadTsg, c, now).find((m) => m.to === 'pre_employment')).toMatchObject({ isPrimary: false });
  });

  it('after a passed interview, or none yet, is moving on (a shut gate still says what is missing)', () => {
    expect(primaryOf(resourcing, readyApplication({ stage: 'interview' }))).toEqual(['pre_employment']);
    expect(primaryOf(resourcing, readyApplication({ stage: 'interview', interview: null }))).toEqual(['pre_employment']);
  });

  it('is at most one move, for every role at every stage, and never a move the role may not make', () => {
    for (const actor of [resourcing, leadTsg, leadMetcc, coordinator, admin]) {
      for (const stage of stages) {
        for (const interview of [null, failed]) {
          const c = readyApplication({ stage, interview, closedFromStage: isClosed(stage) ? 'interview' : null });
          const primary = primaryOf(actor, c);
          expect(primary.length).toBeLessThanOrEqual(1);
          for (const to of primary) expect(applicationMoves(actor, c).map((m) => m.to)).toContain(to);
        }
      }
    }
  });
});
