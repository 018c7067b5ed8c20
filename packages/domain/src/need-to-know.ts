import type {
  ApplicationDetail,
  ApplicationEvent,
  CheckClearance,
  CheckStatus,
  Disclosure,
  EventType,
  GateItem,
} from '@muster/contracts';
import type { Actor } from './application.ts';

/*
 * Need to know (docs/decisions/0017): what of a case each role is given. Resourcing and the admin get
 * everything. A unit lead gets what selecting for their unit needs — the criteria, the interview's
 * outcome, each check as cleared, pending or refer — but not the force's PSD and OH records, the
 * misconduct answers, the exception's reasons, the reviewers' notes, the check outcomes' details or
 * the interview's scores and notes. A coordinator gets what induction and mentoring need — the person,
 * their contact details, posting, start date, unit, route and cohort — and nothing of the selection.
 * The API builds every answer about a case in full and passes it through here, once.
 */

export function disclosureOf(actor: Pick<Actor, 'role'>): Disclosure {
  switch (actor.role) {
    case 'resourcing':
    case 'admin':
      return 'full';
    case 'unit_lead':
      return 'unit';
    case 'coordinator':
    case 'panel_member':
      return 'joiner';
  }
}

/** A check as a unit lead sees it: cleared (passed or waived), pending, or refer (failed). */
export function clearanceOf(status: CheckStatus): CheckClearance {
  return status === 'passed' || status === 'waived' ? 'cleared' : status === 'failed' ? 'refer' : 'pending';
}

/** The gate items about the current force's records and misconduct, which a unit lead sees as one. */
const forceRecordItems: readonly GateItem['code'][] = [
  'eligibility.transfer_details',
  'eligibility.psd_records',
  'eligibility.oh_records',
  'eligibility.misconduct',
];

/** The case as this disclosure may see it. */
export function discloseApplication(d: ApplicationDetail, level: Disclosure): ApplicationDetail {
  if (level === 'full') return d;
  // A unit lead has each check's clearance and who it waits on; not its status, dates, level or chasers.
  const checks = d.checks.map((c) => ({
    ...c,
    status: null,
    reason: null,
    requestedAt: null,
    dueOn: null,
    isOverdue: null,
    level: null,
    expiresOn: null,
    chasers: [],
    updatedBy: null,
  }));
  if (level === 'unit') {
    const forceItems = d.gateChecklist?.items.filter((i) => forceRecordItems.includes(i.code)) ?? [];
    return {
      ...d,
      disclosure: level,
      eligibility: d.eligibility && {
        ...d.eligibility,
        psdRecords: null,
        psdOutcome: null,
        ohRecords: null,
        ohOutcome: null,
        hasOpenMisconduct: null,
        misconductDetails: null,
        exception: d.eligibility.exception && { ...d.eligibility.exception, reason: null },
        notes: null,
      },
      interview: d.interview && { ...d.interview, scores: null, notes: null },
      checks,
      gateChecklist: d.gateChecklist && {
        ...d.gateChecklist,
        items: [
          ...d.gateChecklist.items.filter((i) => !forceRecordItems.includes(i.code)),
          ...(forceItems.length
            ? [
                {
                  code: 'eligibility.force_records' as const,
                  label: 'The current force’s records and misconduct checked by resourcing',
                  section: 'eligibility' as const,
                  isDone: forceItems.every((i) => i.isDone),
                  isFailed: false,
                },
              ]
            : []),
        ],
      },
      nextMoves: d.nextMoves.map((m) => discloseMove(m)),
    };
  }
  return {
    ...d,
    disclosure: level,
    dateOfBirth: null,
    warrantNumber: null,
    joinedForceOn: null,
    rank: null,
    eligibility: null,
    tsgPreAssessment: null,
    interview: null,
    interviewBookings: [],
    checks: [],
    closeReason: null,
    nextMoves: d.nextMoves.map((m) => discloseMove(m)),
    lastChange: d.lastChange && selectionEvents.includes(d.lastChange.type) ? null : d.lastChange,
  };
}

/** A refused move names the force-records conditions only by the item (their words carry the records). */
function discloseMove(m: ApplicationDetail['nextMoves'][number]): ApplicationDetail['nextMoves'][number] {
  const hidden = (code: string) => forceRecordCodes.some((p) => code.startsWith(p));
  if (!m.unmet.some((u) => hidden(u.code))) return m;
  const unmet = [
    ...m.unmet.filter((u) => !hidden(u.code)),
    {
      code: 'eligibility.force_records' as const,
      message: 'Resourcing has still to clear the current force’s records and misconduct.',
      section: 'eligibility' as const,
    },
  ];
  return { ...m, unmet, reasons: unmet.map((u) => u.message) };
}

/** The unmet codes that speak of the force's records or misconduct (their messages carry the answers). */
const forceRecordCodes = [
  'eligibility.psd_',
  'eligibility.oh_',
  'eligibility.misconduct',
  'eligibility.exception',
  'eligibility.force_not_home_office',
  'eligibility.rank_not_constable',
  'eligibility.probation_incomplete',
];

/** Events about the selection: a coordinator is not shown them at all. */
const selectionEvents: readonly EventType[] = [
  'eligibility_recorded',
  'tsg_pre_assessment_recorded',
  'exception_approved',
  'interview_recorded',
  'interview_booked',
  'interview_rescheduled',
  'interview_cancelled',
  'interview_attended',
  'interview_not_attended',
  'check_updated',
  'check_chased',
  'duplicate_flagged',
  'duplicate_merged',
  'duplicate_dismissed',
  'assigned',
];

/** What of the force's records and the reviewers' words an eligibility event's details carry. */
const restrictedEligibilityFields = [
  'psdRecords',
  'psdOutcome',
  'ohRecords',
  'ohOutcome',
  'hasOpenMisconduct',
  'misconductDetails',
  'notes',
];

/** A history event as this disclosure may see it; null when it is not shown at all. */
export function discloseEvent(e: ApplicationEvent, level: Disclosure): ApplicationEvent | null {
  if (level === 'full') return e;
  if (level === 'joiner') {
    if (selectionEvents.includes(e.type)) return null;
    if (e.type === 'rerouted') return { ...e, reason: null, details: { fromUnit: e.details.fromUnit, toUnit: e.details.toUnit } };
    if (e.type === 'details_edited') return { ...e, details: { changes: joinerChanges(e.details.changes) } };
    if (e.type === 'moved' || e.type === 'moved_back' || e.type === 'reopened' || e.type === 'rejected' || e.type === 'withdrawn')
      return { ...e, reason: null };
    return e;
  }
  switch (e.type) {
    case 'eligibility_recorded': {
      const details = Object.fromEntries(Object.entries(e.details).filter(([k]) => !restrictedEligibilityFields.includes(k)));
      const changes = e.details.changes as Record<string, unknown> | undefined;
      if (changes)
        details.changes = Object.fromEntries(Object.entries(changes).filter(([k]) => !restrictedEligibilityFields.includes(k)));
      return { ...e, details };
    }
    case 'exception_approved':
      return { ...e, reason: null };
    case 'check_updated':
      return {
        ...e,
        reason: null,
        details: {
          check: e.details.check,
          name: e.details.name,
          clearance: clearanceOf(e.details.to as CheckStatus),
        },
      };
    case 'check_chased':
      return { ...e, details: { check: e.details.check, name: e.details.name } };
    case 'interview_recorded':
      return { ...e, details: { outcome: e.details.outcome } };
    default:
      return e;
  }
}

/** The candidate fields a coordinator may see change: contact details and the name, not the rest. */
const joinerFields = ['firstName', 'lastName', 'email', 'phone', 'cohortYear', 'route', 'postingPreference', 'unitPreferences'];

function joinerChanges(changes: unknown): Record<string, unknown> {
  if (typeof changes !== 'object' || changes === null) return {};
  return Object.fromEntries(Object.entries(changes).filter(([k]) => joinerFields.includes(k)));
}
