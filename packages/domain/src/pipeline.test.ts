import { stages, type Stage } from '@muster/contracts';
import { describe, expect, it } from 'vitest';
import type { Actor, CaseSnapshot } from './case.ts';
import { DomainError } from './errors.ts';
import { classifyMove, gateReasons, nextMoves, planMove } from './pipeline.ts';
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
function readyCase(overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
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
      tsgMentorName: 'PS Andrea Blake',
      hasTsgBaseVisit: true,
      ...clearRecords,
    },
    exception: null,
    interview: { outcome: 'pass', scores: { professionalism: 4, integrity: 5, courage: 4, compassion: 4 } },
    checks: Object.fromEntries(requiredChecks('transferee', 'TSG').map((c) => [c.code, 'passed'])),
    induction: { startDate: '2026-11-02', postingUnit: 'TSG', postingPlace: 'Catford (SE)' },
    mentorId: 1,
    buddyId: 2,
    ...overrides,
  };
}

const pipeline: Stage[] = ['review', 'interview', 'pre_employment', 'induction', 'mentoring', 'onboarded'];

function expectedKind(from: Stage, to: Stage, closedFrom: Stage | null): string {
  if (from === to || from === 'onboarded') return 'invalid';
  if (from === 'rejected' || from === 'withdrawn') return to === closedFrom ? 'reopen' : 'invalid';
  if (to === 'rejected' || to === 'withdrawn') return 'close';
  const d = pipeline.indexOf(to) - pipeline.indexOf(from);
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
    const c = readyCase({ stage: row.from, closedFromStage: row.from === 'rejected' ? 'interview' : null });
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
    expect(() => planMove(leadMetcc, readyCase({ stage: 'interview' }), 'pre_employment', undefined, now)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: 'You do not have access to this case.' }),
    );
  });

  it('a coordinator cannot touch a case in review', () => {
    expect(() => planMove(coordinator, readyCase(), 'interview', undefined, now)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it.each([
    ['interview', 'review', 'reason', 'Give a reason for moving a case back.'],
    ['review', 'rejected', 'reasonId', 'Choose a reason for rejecting from the list.'],
    ['review', 'withdrawn', 'reasonId', 'Choose a reason for withdrawing from the list.'],
    ['rejected', 'interview', 'reason', 'Give a reason for reopening.'],
  ] as const)('%s → %s needs a %s', (from, to, field, message) => {
    const c = readyCase({ stage: from, closedFromStage: from === 'rejected' ? 'interview' : null });
    try {
      planMove(resourcing, c, to, { text: field === 'reasonId' ? 'Words alone are not enough' : undefined }, now);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('BAD_REQUEST');
      expect((e as DomainError).details.fieldErrors?.[field]).toEqual([message]);
    }
  });

  it('names the event each kind of move writes', () => {
    expect(planMove(resourcing, readyCase(), 'interview', undefined, now).eventType).toBe('moved');
    expect(planMove(resourcing, readyCase({ stage: 'interview' }), 'review', reason, now).eventType).toBe('moved_back');
    expect(planMove(resourcing, readyCase(), 'rejected', reason, now).eventType).toBe('rejected');
    expect(planMove(resourcing, readyCase(), 'withdrawn', reason, now).eventType).toBe('withdrawn');
    expect(
      planMove(resourcing, readyCase({ stage: 'withdrawn', closedFromStage: 'review' }), 'review', reason, now).eventType,
    ).toBe('reopened');
  });

  it('refuses skipping a stage with a sentence saying where the case can go', () => {
    expect(() => planMove(resourcing, readyCase(), 'pre_employment', undefined, now)).toThrow(
      expect.objectContaining({
        code: 'PRECONDITION_FAILED',
        details: { reasons: ['A case moves one stage at a time: from review it can go on to interview, or back one stage.'] },
      }),
    );
  });
});

/** Each gate: a case that breaks it in one way, and the words the user sees. */
const gateTable: { to: Stage; change: Partial<CaseSnapshot>; reasons: string[] }[] = [
  { to: 'interview', change: { eligibility: null, targetUnit: 'BCU' }, reasons: ['Eligibility has not been recorded.'] },
  {
    to: 'interview',
    change: {
      eligibility: {
        ...readyCase().eligibility!,
        criteria: { serving_home_office: true, constable_rank: false, probation_complete: true },
      },
    },
    reasons: [
      'Eligibility not met: Holds the rank of constable (PC or DC).',
      'Eligibility not recorded: Meets the day-to-day requirements of their current role.',
    ],
  },
  { to: 'interview', change: { targetUnit: null }, reasons: ['No target unit has been chosen.'] },
  {
    to: 'interview',
    change: { currentForce: 'Metropolitan Police Service' },
    reasons: ['Metropolitan Police Service is not a Home Office force other than the Met.'],
  },
  {
    to: 'interview',
    change: { currentForce: 'Police Scotland' },
    reasons: ['Police Scotland is not a Home Office force other than the Met.'],
  },
  { to: 'interview', change: { rank: null }, reasons: ['The officer must be a constable, PC or DC.'] },
  {
    to: 'interview',
    change: { joinedForceOn: '2025-03-01' },
    reasons: ['The officer joined their force on 1 March 2025 and completes the 2-year probation only on 1 March 2027.'],
  },
  {
    to: 'interview',
    change: { eligibility: { ...readyCase().eligibility!, unitCriteria: {}, tsgMentorName: null, hasTsgBaseVisit: false } },
    reasons: [
      'Territorial Support Group (MO7 Taskforce) essential criterion not recorded: Has and keeps a good level of fitness.',
      'TSG: the officer needs a TSG mentor, a serving TSG officer named on the case, before the assessment.',
      'TSG: the officer must do an attachment or base visit before the assessment.',
    ],
  },
  {
    to: 'interview',
    change: { targetUnit: 'MO3', eligibility: { ...readyCase().eligibility!, unitCriteria: { surveillance_trained: false } } },
    reasons: [
      'Technical Surveillance Unit (MO3) essential criterion not met: Trained in national mobile or foot surveillance.',
      'Technical Surveillance Unit (MO3) essential criterion not recorded: Knows RIPA and TEI legislation.',
    ],
  },
  {
    to: 'interview',
    change: {
      eligibility: {
        ...readyCase().eligibility!,
        psdRecords: 'requested',
        psdOutcome: null,
        ohRecords: 'not_requested',
        ohOutcome: null,
        hasOpenMisconduct: null,
      },
    },
    reasons: [
      'Professional standards (PSD) records from the current force: requested, not yet received.',
      'Occupational health (OH) records from the current force: not yet requested.',
      'Record whether the officer has any open misconduct matter or investigation.',
    ],
  },
  {
    to: 'interview',
    change: { eligibility: { ...readyCase().eligibility!, ohOutcome: null } },
    reasons: ['Occupational health (OH) records: received, but the outcome (clear or refer) is not recorded.'],
  },
  {
    to: 'interview',
    change: { eligibility: { ...readyCase().eligibility!, psdOutcome: 'refer', hasOpenMisconduct: true } },
    reasons: [
      'Professional standards (PSD) records were referred and there is an open misconduct matter or investigation: the case can progress only if an admin approves an exception, with a reason.',
    ],
  },
  {
    to: 'interview',
    change: {
      eligibility: { ...readyCase().eligibility!, hasOpenMisconduct: true },
      exception: { reason: 'Minor matter, resolved locally; approved by the Superintendent.' },
    },
    reasons: [],
  },
  { to: 'pre_employment', change: { stage: 'interview', interview: null }, reasons: ['No interview outcome has been recorded.'] },
  {
    to: 'pre_employment',
    change: {
      stage: 'interview',
      interview: { outcome: 'fail', scores: { professionalism: 2, integrity: 2, courage: 2, compassion: 2 } },
    },
    reasons: ['The interview outcome is a fail: only a pass leads to a conditional offer.'],
  },
  {
    to: 'induction',
    change: { stage: 'pre_employment', checks: { ...readyCase().checks, vetting: 'requested', cbrn_medical: 'failed' } },
    reasons: ['Recruitment vetting: not yet passed or waived (requested).', 'CBRN medical: not yet passed or waived (failed).'],
  },
  {
    to: 'mentoring',
    change: { stage: 'induction', induction: null },
    reasons: ['No induction course is booked, and no start date or posting is set.'],
  },
  {
    to: 'mentoring',
    change: { stage: 'induction', induction: { startDate: '2026-10-20', postingUnit: 'BCU', postingPlace: 'North Area' } },
    reasons: [
      "The posting unit (Basic Command Unit) is not the case's target unit (Territorial Support Group (MO7 Taskforce)).",
      'The start date (20 October 2026) must be at least 28 days after the final offer (1 October 2026) so the officer can give notice: the earliest is 29 October 2026.',
    ],
  },
  {
    to: 'onboarded',
    change: { stage: 'mentoring', mentorId: null, buddyId: null },
    reasons: ['No mentor has been assigned.', 'No buddy has been assigned.'],
  },
];

describe('gates: every unmet condition, in plain words', () => {
  it.each(gateTable.map((g, i) => [i, g.to, g] as const))('gate %i into %s', (_i, to, g) => {
    const c = readyCase(g.change);
    expect(gateReasons(c, to, now)).toEqual(g.reasons);
    if (g.reasons.length === 0) expect(() => planMove(resourcing, c, to, undefined, now)).not.toThrow();
    else {
      expect(() => planMove(resourcing, c, to, undefined, now)).toThrow(
        expect.objectContaining({ code: 'PRECONDITION_FAILED', details: { reasons: g.reasons } }),
      );
    }
  });

  it.each(pipeline.slice(1))('a case meeting everything may move into %s', (to) => {
    const from = pipeline[pipeline.indexOf(to) - 1]!;
    expect(gateReasons(readyCase({ stage: from }), to, now)).toEqual([]);
  });

  it('probation completes on the second anniversary exactly', () => {
    expect(gateReasons(readyCase({ joinedForceOn: '2024-11-23' }), 'interview', now)).toEqual([]);
    expect(gateReasons(readyCase({ joinedForceOn: '2024-11-24' }), 'interview', now)).toHaveLength(1);
  });

  it('the 28-day notice applies to transferees only', () => {
    const early = { startDate: '2026-10-02', postingUnit: 'BCU' as const, postingPlace: 'North Area' };
    expect(gateReasons(readyCase({ route: 'police_now_nglp', targetUnit: 'BCU', induction: early }), 'mentoring', now)).toEqual(
      [],
    );
    expect(gateReasons(readyCase({ targetUnit: 'BCU', induction: early }), 'mentoring', now)).toHaveLength(1);
  });

  it('Police Now applicants are checked against the programme criteria, not the transferee ones', () => {
    const c = readyCase({
      route: 'police_now_ndp',
      targetUnit: 'BCU',
      currentForce: null,
      rank: null,
      joinedForceOn: null,
      eligibility: {
        criteria: { degree: true, uk_residence: false },
        unitCriteria: {},
        tsgMentorName: null,
        hasTsgBaseVisit: false,
        psdRecords: null,
        psdOutcome: null,
        ohRecords: null,
        ohOutcome: null,
        hasOpenMisconduct: null,
      },
    });
    expect(gateReasons(c, 'interview', now)).toEqual([
      'Eligibility not met: Has lived in the UK for the last three years.',
      'Eligibility not recorded: Is not a serving or former attested police officer.',
    ]);
  });
});

describe('nextMoves: what the user may try from here', () => {
  it('lists forward, back and close moves with what is unmet, for resourcing', () => {
    const moves = nextMoves(resourcing, readyCase({ stage: 'interview', interview: null }), now);
    expect(moves).toEqual([
      { to: 'review', unmet: [] },
      { to: 'pre_employment', unmet: ['No interview outcome has been recorded.'] },
      { to: 'rejected', unmet: [] },
      { to: 'withdrawn', unmet: [] },
    ]);
  });
  it('offers a unit lead only the forward move and rejection at interview', () => {
    expect(nextMoves(leadTsg, readyCase({ stage: 'interview' }), now).map((m) => m.to)).toEqual(['pre_employment', 'rejected']);
  });
  it('offers nothing to admin, nor on an onboarded case', () => {
    expect(nextMoves(admin, readyCase({ stage: 'interview' }), now)).toEqual([]);
    expect(nextMoves(resourcing, readyCase({ stage: 'onboarded' }), now)).toEqual([]);
  });
  it('offers reopening a closed case at the stage it was closed from', () => {
    expect(nextMoves(resourcing, readyCase({ stage: 'rejected', closedFromStage: 'pre_employment' }), now)).toEqual([
      { to: 'pre_employment', unmet: [] },
    ]);
  });
});
