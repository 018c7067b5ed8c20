import { openStages, type OpenStage, type Unmet } from '@muster/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApplicationSnapshot } from './application.ts';
import { gateChecklist } from './gate-checklist.ts';
import { gateUnmet, pipeline } from './pipeline.ts';
import { requiredChecks } from './reference.ts';

const now = new Date('2026-11-23T10:00:00Z');

const clearRecords = {
  psdRecords: 'received',
  psdOutcome: 'clear',
  ohRecords: 'received',
  ohOutcome: 'clear',
  hasOpenMisconduct: false,
} as const;

const tsgChecks = requiredChecks('transferee', 'TSG');

/** A transferee case for TSG at `stage` that meets every gate. */
function ready(stage: ApplicationSnapshot['stage'], overrides: Partial<ApplicationSnapshot> = {}): ApplicationSnapshot {
  return {
    route: 'transferee',
    stage,
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
    checks: Object.fromEntries(tsgChecks.map((c) => [c.code, 'passed'])),
    induction: { startDate: '2026-11-02', postingUnit: 'TSG', postingPlace: 'Catford (SE)' },
    mentorId: 1,
    buddyId: 2,
    ...overrides,
  };
}

const eligibility = (change: Partial<NonNullable<ApplicationSnapshot['eligibility']>>) => ({
  ...ready('review').eligibility!,
  ...change,
});

/** An item as the table writes it: its code (and check), done or not, and the word beside it. */
type Row = [code: string, isDone: boolean, status?: string];
const row = (i: { code: string; check?: string; isDone: boolean; status?: string }): Row =>
  i.status === undefined
    ? [i.check ? `${i.code}:${i.check}` : i.code, i.isDone]
    : [i.check ? `${i.code}:${i.check}` : i.code, i.isDone, i.status];

const checkRows = (status: (code: string) => Row[1] | [boolean, string]) =>
  tsgChecks.map((k): Row => {
    const s = status(k.code);
    return Array.isArray(s) ? [`checks.not_passed:${k.code}`, ...s] : [`checks.not_passed:${k.code}`, s];
  });

/** For each open stage: a case with nothing done, partly done and all done, and the checklist it gets. */
const table: { name: string; done: 'nothing' | 'partly' | 'all'; c: ApplicationSnapshot; items: Row[] }[] = [
  {
    name: 'review, transferee, nothing recorded (force, rank and service come from the details)',
    done: 'partly',
    c: ready('review', { eligibility: null, targetUnit: null }),
    items: [
      ['eligibility.route_criteria', false],
      ['eligibility.no_target_unit', false],
      ['eligibility.transfer_details', true],
    ],
  },
  {
    name: 'review, transferee for TSG, partly done',
    done: 'partly',
    c: ready('review', {
      joinedForceOn: '2025-06-01',
      tsgPreAssessment: { mentorId: 7, hasBaseVisit: false },
      eligibility: eligibility({
        criteria: { serving_home_office: true, constable_rank: true, probation_complete: false },
        unitCriteria: {},
        psdRecords: 'requested',
        psdOutcome: null,
        ohRecords: 'received',
        ohOutcome: null,
        hasOpenMisconduct: null,
      }),
    }),
    items: [
      ['eligibility.route_criteria', false],
      ['eligibility.no_target_unit', true],
      ['eligibility.transfer_details', false, 'Not met'],
      ['eligibility.psd_records', false, 'Requested'],
      ['eligibility.oh_records', false, 'Outcome missing'],
      ['eligibility.misconduct', false],
      ['eligibility.unit_criteria', false],
      ['eligibility.tsg_mentor_missing', true],
      ['eligibility.tsg_base_visit_missing', false],
    ],
  },
  {
    name: 'review, transferee, records referred and open misconduct, no exception',
    done: 'partly',
    c: ready('review', {
      targetUnit: 'METCC',
      eligibility: eligibility({
        psdOutcome: 'refer',
        psdRecords: 'received',
        ohRecords: 'not_requested',
        ohOutcome: null,
        hasOpenMisconduct: true,
      }),
    }),
    items: [
      ['eligibility.route_criteria', true],
      ['eligibility.no_target_unit', true],
      ['eligibility.transfer_details', true],
      ['eligibility.psd_records', false, 'Referred'],
      ['eligibility.oh_records', false, 'Not requested'],
      ['eligibility.misconduct', false, 'Open matter'],
    ],
  },
  {
    name: 'review, transferee, referred records and open misconduct, with an exception',
    done: 'all',
    c: ready('review', {
      targetUnit: 'METCC',
      eligibility: eligibility({ ohOutcome: 'refer', hasOpenMisconduct: true }),
      exception: { reason: 'Approved by the head of resourcing' },
    }),
    items: [
      ['eligibility.route_criteria', true],
      ['eligibility.no_target_unit', true],
      ['eligibility.transfer_details', true],
      ['eligibility.psd_records', true],
      ['eligibility.oh_records', true, 'Exception approved'],
      ['eligibility.misconduct', true, 'Exception approved'],
    ],
  },
  {
    name: 'review, transferee, open misconduct alone: only the misconduct item waits for the exception',
    done: 'partly',
    c: ready('review', { targetUnit: 'BCU', eligibility: eligibility({ hasOpenMisconduct: true }) }),
    items: [
      ['eligibility.route_criteria', true],
      ['eligibility.no_target_unit', true],
      ['eligibility.transfer_details', true],
      ['eligibility.psd_records', true],
      ['eligibility.oh_records', true],
      ['eligibility.misconduct', false, 'Open matter'],
    ],
  },
  {
    name: 'review, transferee from the Met, a sergeant',
    done: 'partly',
    c: ready('review', { targetUnit: 'BCU', currentForce: 'Metropolitan Police Service', rank: null }),
    items: [
      ['eligibility.route_criteria', true],
      ['eligibility.no_target_unit', true],
      ['eligibility.transfer_details', false, 'Not met'],
      ['eligibility.psd_records', true],
      ['eligibility.oh_records', true],
      ['eligibility.misconduct', true],
    ],
  },
  {
    name: 'review, transferee for TSG, all done',
    done: 'all',
    c: ready('review'),
    items: [
      ['eligibility.route_criteria', true],
      ['eligibility.no_target_unit', true],
      ['eligibility.transfer_details', true],
      ['eligibility.psd_records', true],
      ['eligibility.oh_records', true],
      ['eligibility.misconduct', true],
      ['eligibility.unit_criteria', true],
      ['eligibility.tsg_mentor_missing', true],
      ['eligibility.tsg_base_visit_missing', true],
    ],
  },
  {
    name: 'review, Police Now, nothing recorded and no target unit',
    done: 'nothing',
    c: ready('review', {
      route: 'police_now_ndp',
      targetUnit: null,
      currentForce: null,
      rank: null,
      joinedForceOn: null,
      eligibility: null,
    }),
    items: [
      ['eligibility.route_criteria', false],
      ['eligibility.no_target_unit', false],
    ],
  },
  {
    name: 'review, Police Now for MO3, nothing recorded',
    done: 'partly',
    c: ready('review', {
      route: 'police_now_nglp',
      targetUnit: 'MO3',
      currentForce: null,
      rank: null,
      joinedForceOn: null,
      eligibility: null,
    }),
    items: [
      ['eligibility.route_criteria', false],
      ['eligibility.no_target_unit', true],
      ['eligibility.unit_criteria', false],
    ],
  },
  {
    name: 'review, Police Now for MO3, all done',
    done: 'all',
    c: ready('review', {
      route: 'police_now_nglp',
      targetUnit: 'MO3',
      currentForce: null,
      rank: null,
      joinedForceOn: null,
      eligibility: eligibility({
        criteria: { degree: true, uk_residence: true, not_attested: true },
        unitCriteria: { surveillance_trained: true, ripa_tei_knowledge: true },
        psdRecords: null,
        psdOutcome: null,
        ohRecords: null,
        ohOutcome: null,
        hasOpenMisconduct: null,
      }),
    }),
    items: [
      ['eligibility.route_criteria', true],
      ['eligibility.no_target_unit', true],
      ['eligibility.unit_criteria', true],
    ],
  },
  {
    name: 'interview, nothing recorded',
    done: 'nothing',
    c: ready('interview', { interview: null }),
    items: [['interview.outcome', false]],
  },
  {
    name: 'interview, failed',
    done: 'partly',
    c: ready('interview', {
      interview: { outcome: 'fail', scores: { professionalism: 1, integrity: 2, courage: 2, compassion: 2 } },
    }),
    items: [['interview.outcome', false, 'Failed']],
  },
  { name: 'interview, passed', done: 'all', c: ready('interview'), items: [['interview.outcome', true]] },
  {
    name: 'pre-employment, nothing recorded',
    done: 'nothing',
    c: ready('pre_employment', { checks: {} }),
    items: checkRows(() => [false, 'Not started']),
  },
  {
    name: 'pre-employment, partly done',
    done: 'partly',
    c: ready('pre_employment', {
      checks: { vetting: 'passed', references: 'waived', occupational_health: 'requested', fitness_test: 'failed' },
    }),
    items: checkRows((code) =>
      code === 'vetting'
        ? true
        : code === 'references'
          ? [true, 'Waived']
          : code === 'occupational_health'
            ? [false, 'Requested']
            : code === 'fitness_test'
              ? [false, 'Failed']
              : [false, 'Not started'],
    ),
  },
  { name: 'pre-employment, all passed', done: 'all', c: ready('pre_employment'), items: checkRows(() => true) },
  {
    name: 'induction, nothing booked',
    done: 'nothing',
    c: ready('induction', { induction: null }),
    items: [['induction.booking', false]],
  },
  {
    name: 'induction, posted to another unit',
    done: 'partly',
    c: ready('induction', { induction: { startDate: '2026-11-02', postingUnit: 'BCU', postingPlace: 'Central West' } }),
    items: [['induction.booking', false, 'Wrong posting unit']],
  },
  {
    name: 'induction, starting inside the notice period',
    done: 'partly',
    c: ready('induction', { induction: { startDate: '2026-10-15', postingUnit: 'TSG', postingPlace: 'Catford (SE)' } }),
    items: [['induction.booking', false, 'Starts too soon']],
  },
  { name: 'induction, booked', done: 'all', c: ready('induction'), items: [['induction.booking', true]] },
  {
    name: 'mentoring, nobody assigned',
    done: 'nothing',
    c: ready('mentoring', { mentorId: null, buddyId: null }),
    items: [
      ['mentoring.no_mentor', false],
      ['mentoring.no_buddy', false],
    ],
  },
  {
    name: 'mentoring, a buddy only',
    done: 'partly',
    c: ready('mentoring', { mentorId: null }),
    items: [
      ['mentoring.no_mentor', false],
      ['mentoring.no_buddy', true],
    ],
  },
  {
    name: 'mentoring, both assigned',
    done: 'all',
    c: ready('mentoring'),
    items: [
      ['mentoring.no_mentor', true],
      ['mentoring.no_buddy', true],
    ],
  },
];

describe('gateChecklist: what each gate asks for, item by item', () => {
  it.each(table)('$name', ({ c, items }) => {
    const list = gateChecklist(c, now);
    expect(list).toMatchObject({ from: c.stage, to: pipeline[c.stage as OpenStage].next });
    expect(list!.items.map(row)).toEqual(items);
  });

  it('has a case with nothing done, one partly done and one all done for every open stage', () => {
    for (const stage of openStages) {
      const rows = table.filter((t) => t.c.stage === stage);
      expect(rows.map((t) => t.done).sort(), stage).toEqual(expect.arrayContaining(['all', 'nothing', 'partly']));
      for (const t of rows) {
        const done = t.items.map((i) => i[1]);
        // Partly done: something is done, or something is recorded that the gate does not accept yet (a status).
        const matches = { nothing: done.every((d) => !d), partly: !done.every((d) => d), all: done.every((d) => d) };
        expect(matches[t.done], t.name).toBe(true);
      }
    }
  });

  it.each(table)('every item done ⇔ the gate is open, and every unmet condition has its named item: $name', ({ c }) => {
    const list = gateChecklist(c, now)!;
    const unmet = gateUnmet(c, now);
    expect(list.items.every((i) => i.isDone)).toBe(unmet.length === 0);
    // No condition fell through to an item of its own (the gate's sentence as its label).
    expect(list.items.filter((i) => unmet.some((u) => u.message === i.label))).toEqual([]);
  });

  it('labels, sections and flags: what the case page shows', () => {
    const review = gateChecklist(ready('review', { targetUnit: 'TSG', eligibility: null }), now)!;
    expect(review.items.map((i) => [i.label, i.section])).toEqual([
      ['Eligibility recorded and met', 'eligibility'],
      ['Target unit chosen', 'eligibility'],
      ['Home Office force, constable rank and probation complete', 'eligibility'],
      ['TSG essential criteria met', 'eligibility'],
      ['TSG mentor named', 'eligibility'],
      ['Attachment or base visit done', 'eligibility'],
    ]);
    const checks = gateChecklist(ready('pre_employment', { checks: { vetting: 'failed' } }), now)!;
    expect(checks.items.find((i) => i.check === 'vetting')).toEqual({
      code: 'checks.not_passed',
      check: 'vetting',
      label: 'Recruitment vetting',
      section: 'checks',
      isDone: false,
      status: 'Failed',
      isFailed: true,
    });
    expect(checks.items.filter((i) => i.isFailed).map((i) => i.check)).toEqual(['vetting']);
    const failed = gateChecklist(
      ready('interview', {
        interview: { outcome: 'fail', scores: { professionalism: 1, integrity: 1, courage: 1, compassion: 1 } },
      }),
      now,
    )!;
    expect(failed.items[0]).toMatchObject({ section: 'interview', isFailed: true });
    expect(gateChecklist(ready('mentoring', { mentorId: null }), now)!.items.map((i) => i.section)).toEqual([
      'mentoring',
      'mentoring',
    ]);
  });

  it('is null where there is no gate: onboarded, rejected, withdrawn', () => {
    expect(gateChecklist(ready('onboarded'), now)).toBeNull();
    expect(gateChecklist(ready('rejected', { closedFromStage: 'interview' }), now)).toBeNull();
    expect(gateChecklist(ready('withdrawn', { closedFromStage: 'review' }), now)).toBeNull();
  });

  describe('a condition of the gate that no item stands for', () => {
    const gate = pipeline.mentoring.gate;
    afterEach(() => {
      pipeline.mentoring.gate = gate;
    });

    it('is listed as an item of its own, in the gate’s words, so the checklist still says the gate is shut', () => {
      const extra: Unmet = { code: 'induction.not_booked', section: 'induction', message: 'Something new stands in the way.' };
      pipeline.mentoring.gate = (c, at) => [...gate(c, at), extra];
      const list = gateChecklist(ready('mentoring'), now)!;
      expect(list.items).toEqual([
        { code: 'mentoring.no_mentor', label: 'Mentor assigned', section: 'mentoring', isDone: true, isFailed: false },
        { code: 'mentoring.no_buddy', label: 'Buddy assigned', section: 'mentoring', isDone: true, isFailed: false },
        {
          code: 'induction.not_booked',
          label: 'Something new stands in the way.',
          section: 'induction',
          isDone: false,
          isFailed: false,
        },
      ]);
    });
  });
});
