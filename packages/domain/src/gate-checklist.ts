import {
  refusalSections,
  type ApplicationSection,
  type CheckStatus,
  type GateChecklist,
  type GateItem,
  type GateItemCode,
  type OpenStage,
  type RefusalCode,
  type Unmet,
} from '@muster/contracts';
import type { ApplicationSnapshot } from './application.ts';
import { isOpen, pipeline } from './pipeline.ts';
import { requiredChecks, unitCriteria } from './reference.ts';

/** A refusal code a form on the case page fixes: the only kind a gate reports. */
type SectionCode = { [K in RefusalCode]: (typeof refusalSections)[K] extends null ? never : K }[RefusalCode];

/**
 * One item before it is checked against the gate: the conditions it stands for (`owns`), and what to
 * say beside it while it is not done (`open`) and once it is (`done`).
 */
type ItemRule = {
  code: GateItemCode;
  label: string;
  section: ApplicationSection;
  owns: (u: Unmet) => boolean;
  open?: string | undefined;
  done?: string | undefined;
  isFailed?: boolean;
  check?: string;
};

/** An item standing for these codes of the gate's, with the section whose form fixes them. */
function about(codes: readonly [SectionCode, ...SectionCode[]], only: (u: Unmet) => boolean = () => true) {
  return { section: refusalSections[codes[0]], owns: (u: Unmet) => (codes as readonly string[]).includes(u.code) && only(u) };
}

const checkStatusWords: Record<CheckStatus, string> = {
  not_started: 'Not started',
  requested: 'Requested',
  passed: 'Passed',
  failed: 'Failed',
  waived: 'Waived',
};

/** The current force's records (PSD or OH), as the review checklist says them while not clear. */
function recordsWord(records: string | null, outcome: string | null): string | undefined {
  if (records !== 'received') return records === 'requested' ? 'Requested' : 'Not requested';
  return outcome === 'clear' ? undefined : outcome === 'refer' ? 'Referred' : 'Outcome missing';
}

/**
 * What each open stage's gate asks for, one rule per item. Typed over `OpenStage`, like `pipeline`,
 * so a new open stage without its checklist does not compile. The unmet list is the gate's own, for
 * words that depend on which condition stands in the way.
 */
const checklists: Record<OpenStage, (c: ApplicationSnapshot, unmet: readonly Unmet[]) => ItemRule[]> = {
  review: (c) => {
    const e = c.eligibility;
    const rules: ItemRule[] = [
      {
        code: 'eligibility.route_criteria',
        label: 'Eligibility recorded and met',
        ...about(['eligibility.not_recorded', 'eligibility.criterion_not_recorded', 'eligibility.criterion_not_met']),
      },
      { code: 'eligibility.no_target_unit', label: 'Target unit chosen', ...about(['eligibility.no_target_unit']) },
    ];
    if (c.route === 'transferee') {
      rules.push({
        code: 'eligibility.transfer_details',
        label: 'Home Office force, constable rank and probation complete',
        ...about(['eligibility.force_not_home_office', 'eligibility.rank_not_constable', 'eligibility.probation_incomplete']),
        open: 'Not met',
      });
      // The force's records are asked for once eligibility is recorded: the record carries what the force sent.
      if (e) {
        // An exception is needed for a referred outcome or open misconduct: it stands in the way of each of those items.
        const exceptionFor = (isCause: boolean) => (u: Unmet) => u.code !== 'eligibility.exception_needed' || isCause;
        const excepted = c.exception ? 'Exception approved' : undefined;
        for (const [code, label, records, outcome, notReceived, noOutcome] of [
          [
            'eligibility.psd_records',
            'PSD records received and clear',
            e.psdRecords,
            e.psdOutcome,
            'eligibility.psd_records_not_received',
            'eligibility.psd_outcome_missing',
          ],
          [
            'eligibility.oh_records',
            'OH records received and clear',
            e.ohRecords,
            e.ohOutcome,
            'eligibility.oh_records_not_received',
            'eligibility.oh_outcome_missing',
          ],
        ] as const) {
          rules.push({
            code,
            label,
            ...about([notReceived, noOutcome, 'eligibility.exception_needed'], exceptionFor(outcome === 'refer')),
            open: recordsWord(records, outcome),
            done: outcome === 'refer' ? excepted : undefined,
          });
        }
        rules.push({
          code: 'eligibility.misconduct',
          label: 'No open misconduct matter',
          ...about(
            ['eligibility.misconduct_not_recorded', 'eligibility.exception_needed'],
            exceptionFor(e.hasOpenMisconduct === true),
          ),
          open: e.hasOpenMisconduct ? 'Open matter' : undefined,
          done: e.hasOpenMisconduct ? excepted : undefined,
        });
      }
    }
    if (c.targetUnit && unitCriteria[c.targetUnit].length) {
      rules.push({
        code: 'eligibility.unit_criteria',
        label: `${c.targetUnit} essential criteria met`,
        ...about(['eligibility.unit_criterion_not_recorded', 'eligibility.unit_criterion_not_met']),
      });
    }
    if (c.targetUnit === 'TSG') {
      rules.push(
        { code: 'eligibility.tsg_mentor_missing', label: 'TSG mentor named', ...about(['eligibility.tsg_mentor_missing']) },
        {
          code: 'eligibility.tsg_base_visit_missing',
          label: 'Attachment or base visit done',
          ...about(['eligibility.tsg_base_visit_missing']),
        },
      );
    }
    return rules;
  },
  interview: (c) => [
    {
      code: 'interview.outcome',
      label: 'Interview passed',
      ...about(['interview.not_recorded', 'interview.failed']),
      ...(c.interview?.outcome === 'fail' ? { open: 'Failed', isFailed: true } : {}),
    },
  ],
  pre_employment: (c) =>
    requiredChecks(c.route, c.targetUnit).map((check) => {
      const status = c.checks[check.code] ?? 'not_started';
      return {
        code: 'checks.not_passed',
        check: check.code,
        label: check.name,
        ...about(['checks.not_passed'], (u) => u.check === check.code),
        open: checkStatusWords[status],
        done: status === 'waived' ? checkStatusWords.waived : undefined,
        isFailed: status === 'failed',
      };
    }),
  induction: (_c, unmet) => {
    const first = unmet.find((u) => u.code.startsWith('induction.'))?.code;
    return [
      {
        code: 'induction.booking',
        label: 'Induction course, start date and posting',
        ...about(['induction.not_booked', 'induction.posting_unit_mismatch', 'induction.start_before_notice']),
        open:
          first === 'induction.posting_unit_mismatch'
            ? 'Wrong posting unit'
            : first === 'induction.start_before_notice'
              ? 'Starts too soon'
              : undefined,
      },
    ];
  },
  mentoring: () => [
    { code: 'mentoring.no_mentor', label: 'Mentor assigned', ...about(['mentoring.no_mentor']) },
    { code: 'mentoring.no_buddy', label: 'Buddy assigned', ...about(['mentoring.no_buddy']) },
  ],
};

/**
 * What the gate out of the case's stage asks for, item by item, for the case page's checklist; null
 * for an onboarded or closed case. Each item is done exactly when the gate (`pipeline[stage].gate`)
 * reports none of the conditions it stands for, so the checklist and the gate cannot disagree: every
 * item done ⇔ the gate is open. A condition no item stands for (a new one of the gate's) is listed as
 * an item of its own, in the gate's words, until the checklist names it.
 */
export function gateChecklist(c: ApplicationSnapshot, now: Date): GateChecklist | null {
  const from = c.stage;
  if (!isOpen(from)) return null;
  const unmet = pipeline[from].gate(c, now);
  const rules = checklists[from](c, unmet);
  const items = rules.map(({ owns, open, done, isFailed, ...rest }): GateItem => {
    const isDone = !unmet.some(owns);
    const status = isDone ? done : open;
    return { ...rest, isDone, isFailed: !isDone && !!isFailed, ...(status ? { status } : {}) };
  });
  const unclaimed = unmet
    .filter((u) => !rules.some((r) => r.owns(u)))
    .map((u): GateItem => ({
      code: u.code,
      label: u.message,
      section: u.section ?? 'details',
      isDone: false,
      isFailed: false,
      ...(u.check ? { check: u.check } : {}),
    }));
  return { from, to: pipeline[from].next, items: [...items, ...unclaimed] };
}
