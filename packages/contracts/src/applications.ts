import { z } from 'zod';
import { ApplicationWrite, Cursor, Id, IsoDate, PageSize, Reason, ReasonId } from './common.ts';
import {
  ranks,
  recordsOutcomes,
  recordsRequests,
  Route,
  routes,
  Stage,
  UnitCode,
  unitCodes,
  type EventType,
  type MetValue,
  type OpenStage,
  type Rank,
  type RecordsOutcome,
  type RecordsRequest,
  type Role,
} from './enums.ts';
import type { CaseCheck } from './checks.ts';
import type { CaseWaiting } from './courses.ts';
import type { ApplicationSection, RefusalCode, Unmet } from './refusals.ts';

const name = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(100, `Keep the ${label} under 100 characters.`);

const isMissing = (input: unknown) => input === undefined || input === null || input === '';

/**
 * A value from a list, in the words a user reads: `missing` when none is given (the dashboard's
 * radios and selects only ever send a listed value or nothing), and for a value not on the list
 * (an import row, a hand-made call) the same words with the values it may take.
 */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T, missing: string) =>
  z.enum(values, {
    error: (issue) => (isMissing(issue.input) ? missing : `${missing} Use one of: ${values.join(', ')}.`),
  });

/**
 * A calendar date, YYYY-MM-DD, named in its errors: "Enter the date of birth." when it is missing.
 * The dashboard sends only real dates (its date input checks day, month and year first); a malformed
 * one, from an import or a hand-made call, gets the common message about the format.
 */
const date = (label: string) =>
  z.iso.date({ error: (issue) => (isMissing(issue.input) ? `Enter the ${label}.` : 'Enter a real date as YYYY-MM-DD.') });

/** A unit's code, from the reference list. */
const unit = (missing: string) => oneOf(unitCodes, missing);

/** The candidate's own details, as the application form collects them. */
export const ApplicationFields = z.object({
  route: oneOf(routes, 'Select an entry route.'),
  cohortYear: z
    .number({ error: 'Enter the cohort year as a number, for example 2027.' })
    .int('Enter the cohort year as a whole year, for example 2027.')
    .min(2015, 'Cohort year must be 2015 or later.')
    .max(2100, 'Cohort year must be 2100 or earlier.')
    .nullish(),
  firstName: name('first name'),
  lastName: name('last name'),
  email: z.email({ error: 'Enter an email address like name@example.com.' }).trim().toLowerCase(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{7,20}$/, 'Enter a phone number of 7 to 20 digits.')
    .nullish(),
  dateOfBirth: date('date of birth'),
  currentForce: z
    .string({ error: 'Enter the force the officer serves in now.' })
    .trim()
    .min(1, 'Enter the force the officer serves in now.')
    .max(80, 'Keep the force name under 80 characters.')
    .nullish(),
  rank: oneOf(ranks, 'Choose the rank: PC or DC.').nullish(),
  warrantNumber: z.string().trim().max(30, 'Keep the warrant number under 30 characters.').nullish(),
  joinedForceOn: IsoDate.nullish(),
  targetUnit: unit('Choose the target unit from the list.').nullish(),
  /** Units the candidate would join, most wanted first. */
  unitPreferences: z
    .array(unit('Choose each unit preference from the list.'))
    .max(8, 'List at most 8 unit preferences.')
    .refine((xs) => new Set(xs).size === xs.length, 'List each unit once.')
    .default([]),
  /** A posting the candidate asks for, such as MO3. */
  postingPreference: z.string().trim().max(40, 'Keep the posting preference under 40 characters.').nullish(),
  specialistSkills: z
    .array(
      z
        .string({ error: 'Write each skill or qualification as text.' })
        .trim()
        .min(1, 'Leave out empty skills.')
        .max(100, 'Keep each skill or qualification under 100 characters.'),
    )
    .max(20, 'List at most 20 skills and qualifications.')
    .default([]),
  receivedAt: z.iso.datetime({ offset: true, error: 'Enter when the application was received, in ISO 8601.' }).optional(),
});

export type Candidate = z.infer<typeof ApplicationFields>;

/** Rules across fields: what each route must and must not give. */
export function checkCandidate(v: Partial<Candidate> & Pick<Candidate, 'route'>, ctx: z.RefinementCtx): void {
  const today = new Date().toISOString().slice(0, 10);
  if (v.dateOfBirth && v.dateOfBirth > today)
    ctx.addIssue({ code: 'custom', path: ['dateOfBirth'], message: 'The date of birth cannot be in the future.' });
  if (v.joinedForceOn && v.joinedForceOn > today)
    ctx.addIssue({ code: 'custom', path: ['joinedForceOn'], message: 'The date joined cannot be in the future.' });
  if (v.route === 'transferee') {
    if (!v.currentForce)
      ctx.addIssue({ code: 'custom', path: ['currentForce'], message: 'Enter the force the officer serves in now.' });
    if (!v.rank) ctx.addIssue({ code: 'custom', path: ['rank'], message: 'Choose the rank: PC or DC.' });
    if (!v.joinedForceOn)
      ctx.addIssue({
        code: 'custom',
        path: ['joinedForceOn'],
        message: 'Enter the date the officer joined their current force.',
      });
  } else {
    if (v.cohortYear == null)
      ctx.addIssue({ code: 'custom', path: ['cohortYear'], message: 'Enter the Police Now cohort year.' });
    for (const field of ['currentForce', 'rank', 'warrantNumber', 'joinedForceOn'] as const) {
      if (v[field]) ctx.addIssue({ code: 'custom', path: [field], message: 'Leave this empty for a Police Now applicant.' });
    }
  }
}

export const CreateApplicationInput = ApplicationFields.superRefine(checkCandidate);

/** Corrects the candidate's details; every field as it should now be. */
export const UpdateApplicationInput = ApplicationWrite.extend(
  ApplicationFields.omit({ receivedAt: true, targetUnit: true }).shape,
).superRefine(checkCandidate);
export type UpdateApplicationInput = z.infer<typeof UpdateApplicationInput>;
export type CreateApplicationInput = z.infer<typeof CreateApplicationInput>;

export const ListFilters = z.object({
  stage: Stage.optional(),
  unit: UnitCode.optional(),
  route: Route.optional(),
  q: z.string().trim().max(100, 'Keep the search under 100 characters.').optional(),
});
export type ListFilters = z.infer<typeof ListFilters>;

/** Which way a list is sorted (the words of `aria-sort`). */
export const SortDirection = z.enum(['ascending', 'descending'], { error: 'Sort ascending or descending.' });
export type SortDirection = z.infer<typeof SortDirection>;

/** The columns a list of cases sorts by; `created` is the order cases came into Muster. Ties go by id. */
export const listSortKeys = ['created', 'reference', 'name', 'stage', 'route', 'unit'] as const;
export type ListSortKey = (typeof listSortKeys)[number];
export const ListSort = z.object({
  by: z.enum(listSortKeys, { error: `Sort by one of: ${listSortKeys.join(', ')}.` }),
  direction: SortDirection,
});
export type ListSort = z.infer<typeof ListSort>;

export const ListApplicationsInput = ListFilters.extend({
  /** true: only cases at an open stage (the board's columns); false: only onboarded, rejected or withdrawn ones. */
  isOpen: z.boolean().optional(),
  /** Newest first unless asked otherwise. */
  sort: ListSort.default({ by: 'created', direction: 'descending' }),
  cursor: Cursor,
  limit: PageSize,
});
export type ListApplicationsInput = z.infer<typeof ListApplicationsInput>;

export const BoardInput = ListFilters.omit({ stage: true }).extend({
  limit: z.number().int().min(1).max(100).default(20),
});
export type BoardInput = z.infer<typeof BoardInput>;

export const ColumnInput = ListFilters.omit({ stage: true }).extend({
  stage: Stage,
  cursor: Cursor,
  limit: PageSize,
});
export type ColumnInput = z.infer<typeof ColumnInput>;

export const GetApplicationInput = z.object({ id: Id });
export type GetApplicationInput = z.infer<typeof GetApplicationInput>;
export const HistoryInput = z.object({ id: Id, cursor: Cursor, limit: z.number().int().min(1).max(200).default(100) });
export type HistoryInput = z.infer<typeof HistoryInput>;

export const MoveApplicationInput = ApplicationWrite.extend({
  to: Stage,
  /** Rejecting or withdrawing: a reason from the list (reference.closeReasons). */
  reasonId: ReasonId.optional(),
  /** Why: required to move back or reopen; optional detail when rejecting or withdrawing. */
  reason: Reason.optional(),
});

export const BulkRejectInput = z.object({
  cases: z.array(ApplicationWrite).min(1, 'Choose at least one case.').max(500, 'Reject at most 500 cases at once.'),
  reasonId: ReasonId,
  reason: Reason.optional(),
});
export type BulkRejectInput = z.infer<typeof BulkRejectInput>;

/** TSG's requirements before the assessment: the TSG mentor (from the pool; null: none yet) and the base visit. */
export const RecordTsgPreAssessmentInput = ApplicationWrite.extend({
  mentorId: z.number({ error: 'Choose the TSG mentor from the pool.' }).int().positive().nullable(),
  hasBaseVisit: z.boolean({ error: 'Say whether the officer has done an attachment or base visit.' }),
});
export type RecordTsgPreAssessmentInput = z.infer<typeof RecordTsgPreAssessmentInput>;

export const ApproveExceptionInput = ApplicationWrite.extend({ reason: Reason });
export type ApproveExceptionInput = z.infer<typeof ApproveExceptionInput>;
export type MoveApplicationInput = z.infer<typeof MoveApplicationInput>;

export const RecordEligibilityInput = ApplicationWrite.extend({
  targetUnit: unit('Choose the target unit.'),
  /** Route criteria, by code: true met, false not met. */
  criteria: z.record(z.string().max(60), z.boolean()),
  /** The target unit's essential criteria, by code. */
  unitCriteria: z.record(z.string().max(60), z.boolean()).default({}),
  /** The current force's professional standards (PSD) and occupational health (OH) records (transferees). */
  psdRecords: oneOf(recordsRequests, 'Select whether the PSD records are requested or received.').default('not_requested'),
  psdOutcome: oneOf(recordsOutcomes, 'Select the PSD outcome: clear or refer.').nullish(),
  ohRecords: oneOf(recordsRequests, 'Select whether the OH records are requested or received.').default('not_requested'),
  ohOutcome: oneOf(recordsOutcomes, 'Select the OH outcome: clear or refer.').nullish(),
  /** Any open misconduct matter or investigation; null while not yet known. */
  hasOpenMisconduct: z.boolean({ error: 'Select whether there is any open misconduct matter or investigation.' }).nullish(),
  misconductDetails: z.string().trim().max(2000, 'Keep the misconduct details under 2,000 characters.').nullish(),
  notes: z.string().trim().max(4000, 'Keep the notes under 4,000 characters.').nullish(),
}).superRefine((v, ctx) => {
  for (const [records, outcome, label] of [
    ['psdRecords', 'psdOutcome', 'PSD'],
    ['ohRecords', 'ohOutcome', 'OH'],
  ] as const) {
    if (v[outcome] && v[records] !== 'received') {
      ctx.addIssue({
        code: 'custom',
        path: [outcome],
        message: `Record the ${label} outcome only once the records are received.`,
      });
    }
  }
  if (v.hasOpenMisconduct && !v.misconductDetails) {
    ctx.addIssue({
      code: 'custom',
      path: ['misconductDetails'],
      message: 'Say what the open misconduct matter or investigation is.',
    });
  }
});
export type RecordEligibilityInput = z.infer<typeof RecordEligibilityInput>;

/** A whole score from 1 to 5 for one Met value; every error names the value ("Score integrity from 1 to 5."). */
const score = (value: MetValue) => {
  const message = `Score ${value} from 1 to 5.`;
  return z.number({ error: message }).int(message).min(1, message).max(5, message);
};
export const InterviewScores = z.object({
  professionalism: score('professionalism'),
  integrity: score('integrity'),
  courage: score('courage'),
  compassion: score('compassion'),
}) satisfies z.ZodType<Record<MetValue, number>>;
export type InterviewScores = z.infer<typeof InterviewScores>;

/* A joiner's induction booking is courses.book's (BookCourseInput, courses.ts). */

export const AssignMentorInput = ApplicationWrite.extend({
  mentorId: z
    .number({ error: 'Choose a mentor from the pool.' })
    .int('Choose a mentor from the pool.')
    .positive('Choose a mentor from the pool.')
    .nullish(),
  buddyId: z
    .number({ error: 'Choose a buddy from the pool.' })
    .int('Choose a buddy from the pool.')
    .positive('Choose a buddy from the pool.')
    .nullish(),
}).refine((v) => v.mentorId != null || v.buddyId != null, { message: 'Choose a mentor, a buddy or both.', path: ['mentorId'] });
export type AssignMentorInput = z.infer<typeof AssignMentorInput>;

export const AddNoteInput = ApplicationWrite.extend({
  body: z
    .string({ error: 'Write the note.' })
    .trim()
    .min(1, 'Write the note.')
    .max(4000, 'Keep the note under 4,000 characters.'),
});
export type AddNoteInput = z.infer<typeof AddNoteInput>;

/* ---- outputs ---- */

/** A booking of the case into an interview slot (times are UTC instants). */
export type InterviewBooking = {
  id: number;
  status: 'booked' | 'attended' | 'did_not_attend' | 'cancelled';
  startsAt: string;
  endsAt: string;
  venue: string;
  panel: string[];
  /** Why it was cancelled, or why the candidate did not attend. */
  endedReason: string | null;
};

export type ApplicationCard = {
  id: number;
  reference: string;
  firstName: string;
  lastName: string;
  route: Route;
  targetUnit: UnitCode | null;
  currentForce: string | null;
  stage: Stage;
  stageEnteredAt: string;
  version: number;
};

/**
 * How much of a case the reader is given (need to know, docs/decisions/0017): `full` (resourcing,
 * the admin), `unit` (a unit lead: no force records, misconduct answers, reviewers' notes, check
 * details or interview scores and notes), `joiner` (a coordinator: the person, contact, posting,
 * start, unit, route and cohort — nothing of the selection). Fields left out are `null` (or empty).
 */
export type Disclosure = 'full' | 'unit' | 'joiner';


export type EligibilityRecord = {
  /** null: not disclosed to this reader (as every force-records field below). */
  psdRecords: RecordsRequest | null;
  psdOutcome: RecordsOutcome | null;
  ohRecords: RecordsRequest | null;
  ohOutcome: RecordsOutcome | null;
  hasOpenMisconduct: boolean | null;
  misconductDetails: string | null;
  exception: { reason: string | null; approvedBy: string; approvedAt: string } | null;
  criteria: Record<string, boolean>;
  unitCriteria: Record<string, boolean>;
  notes: string | null;
  recordedBy: string;
  recordedAt: string;
};

/** TSG's pre-assessment: the mentor from the pool and the attachment or base visit. */
export type TsgPreAssessmentRecord = {
  mentor: { id: number; name: string; place: string } | null;
  hasBaseVisit: boolean;
  recordedBy: string;
  recordedAt: string;
};

export type InterviewRecord = {
  outcome: 'pass' | 'fail';
  /** The panel's means; null when not disclosed (as `notes`). */
  scores: InterviewScores | null;
  notes: string | null;
  recordedBy: string;
  recordedAt: string;
};

/** A check of the case, as the task list shows it (packages/contracts/src/checks.ts). */
export type CheckRecord = CaseCheck;

export type InductionRecord = {
  courseId: number;
  courseStartsOn: string;
  coursePlace: string;
  startDate: string;
  postingUnit: UnitCode;
  postingPlace: string;
  /** MetCC's role (First Contact or Despatch); null for any other unit. */
  postingRole: string | null;
  /** Recorded once the course has started; null until then. */
  attendance: 'attended' | null;
  bookedBy: string;
  bookedAt: string;
};

export type PersonRef = { id: number; name: string; unit: UnitCode; place: string };

export type ApplicationDetail = ApplicationCard & {
  /** What of the case this reader is given (need to know). */
  disclosure: Disclosure;
  cohortYear: number | null;
  unitPreferences: UnitCode[];
  postingPreference: string | null;
  specialistSkills: string[];
  email: string;
  phone: string | null;
  /** null when not disclosed (a coordinator), as warrantNumber, joinedForceOn and rank. */
  dateOfBirth: string | null;
  rank: Rank | null;
  warrantNumber: string | null;
  joinedForceOn: string | null;
  receivedAt: string;
  createdAt: string;
  updatedAt: string;
  /** When the interview was passed (the conditional offer), and when the final offer was made. */
  conditionalOfferAt: string | null;
  finalOfferAt: string | null;
  closedFromStage: Stage | null;
  closeReason: string | null;
  eligibility: EligibilityRecord | null;
  /** TSG cases only; null until recorded. */
  tsgPreAssessment: TsgPreAssessmentRecord | null;
  interview: InterviewRecord | null;
  /** The case's interview bookings, soonest-to-come first then past ones newest first: the history of its slots. */
  interviewBookings: InterviewBooking[];
  checks: CheckRecord[];
  induction: InductionRecord | null;
  /** The induction courses' waiting lists the case is on (courses.book with `waitlist`), soonest course first. */
  inductionWaiting: CaseWaiting[];
  /** The reviewer triaging the case, if any. */
  assignee: { id: number; name: string } | null;
  mentor: PersonRef | null;
  buddy: PersonRef | null;
  /** Rejected or withdrawn (it may be reopened); an onboarded case is finished, not closed. */
  isClosed: boolean;
  /** The first start date the induction gate accepts (a transferee's notice after the final offer); null when none applies yet. */
  earliestStartDate: string | null;
  /** What this user may record on the case now: each true exactly where the server accepts the write. */
  actions: ApplicationActions;
  /** Where the case may go next, and what stands in the way, for this user. */
  nextMoves: NextMove[];
  /** What the gate out of the case's stage asks for, item by item; null for an onboarded or closed case. */
  gateChecklist: GateChecklist | null;
  /** The newest change to the case (after a write: the one just made); null for a case without history. */
  lastChange: ApplicationChange | null;
  /** The case was re-routed away from its target unit (a TSG candidate failing Level 2 or the CBRN medical); null otherwise. */
  reroute: ApplicationReroute | null;
};

/**
 * A change to a case: who made it (a user's name, or "Muster"), when, its event type, and in words
 * what happened (`summary`, "Note added", "Interview recorded: passed"). Also a stale write's
 * CONFLICT `data.lastChange`.
 */
export type ApplicationChange = { by: string; at: string; type: EventType; summary: string };

/** Where a re-route took the case from and to, when, and why (the `rerouted` event's reason). */
export type ApplicationReroute = { from: UnitCode; to: UnitCode; at: string; reason: string | null };

/** The kind of a move: one stage on, one back, closing (rejected, withdrawn), or reopening a closed case. */
export type MoveKind = 'forward' | 'back' | 'close' | 'reopen';

/**
 * A move this user may try (gates aside), and what it asks for: a reason from the list
 * (`listed`: closing), the user's own words (`text`: back, reopen), or nothing (`null`: forward).
 */
export type ApplicationMove = { to: Stage; kind: MoveKind; needsReason: 'listed' | 'text' | null };

/**
 * A move from the case page: who may make it (roles), and what stands in the way (empty: the gate is open).
 * `isPrimary`: the one move the page offers first, decided by the server (at most one is): moving on,
 * or reopening a closed case, unless what is recorded means the case should close (a failed interview: reject).
 */
export type NextMove = ApplicationMove & { movers: Role[]; unmet: Unmet[]; reasons: string[]; isPrimary: boolean };

/** Item codes of a gate checklist that stand for several of the gate's conditions (one condition's item has its refusal code). */
export const gateItemCodes = [
  'eligibility.route_criteria',
  'eligibility.transfer_details',
  'eligibility.psd_records',
  'eligibility.oh_records',
  'eligibility.misconduct',
  'eligibility.unit_criteria',
  'interview.outcome',
  'induction.booking',
] as const;
export type GateItemCode = RefusalCode | (typeof gateItemCodes)[number];

/**
 * One thing a stage's gate asks for: done exactly when the gate reports none of the conditions it
 * stands for (`gateChecklist` in packages/domain). `section`: the case page section whose form does it;
 * `status`: a short word to show beside it ("Referred", "Requested", "Waived"); `isFailed`: the record
 * says no (a failed interview or check); `check`: the check of a `checks.not_passed` item.
 */
export type GateItem = {
  code: GateItemCode;
  label: string;
  section: ApplicationSection;
  isDone: boolean;
  status?: string;
  isFailed: boolean;
  check?: string;
};

/** The gate out of an open stage (`from`, to `to`) as a checklist. */
export type GateChecklist = { from: OpenStage; to: Stage; items: GateItem[] };

/** The records and edits a user may make on a case now (see docs/API.md, "actions"). */
export type ApplicationActions = {
  recordEligibility: boolean;
  approveException: boolean;
  recordTsgPreAssessment: boolean;
  recordInterview: boolean;
  updateChecks: boolean;
  bookInduction: boolean;
  assignMentor: boolean;
  addNote: boolean;
  editDetails: boolean;
};

export type ApplicationEvent = {
  id: number;
  type: EventType;
  at: string;
  actor: { id: number; name: string } | null;
  fromStage: Stage | null;
  toStage: Stage | null;
  reason: string | null;
  details: Record<string, unknown>;
};

/** What a joiner at induction or mentoring still needs: an induction course booked, a mentor, a buddy. */
export type JoinerNeed = 'course' | 'mentor' | 'buddy';

/** A card in a list or on the board, with the moves this user may try (gates aside). */
export type BoardCard = ApplicationCard & {
  moves: ApplicationMove[];
  /** Whole days at its stage, by the server's clock. */
  daysInStage: number;
  /** Past the stage's target days (settings.stageTargetDays); never for an onboarded or closed case. */
  isOverdue: boolean;
  /** At induction or mentoring: what the joiner still needs, in that order; empty otherwise. */
  needs: JoinerNeed[];
};

export type Page<T> = { items: T[]; nextCursor: string | null };
/** A page of a list that is counted: `total` is how many match, on every page. */
/**
 * A page with how many match in all: exact up to `countCap` (1,000); past it `total` is the cap and
 * `isTotalCapped` true ("more than 1,000"), so a broad search does not count every match on every page.
 */
export type CountedPage<T> = Page<T> & { total: number; isTotalCapped: boolean };
export type BoardColumn = { stage: Stage; count: number; items: BoardCard[]; nextCursor: string | null };

/* ---- reference ---- */

/** One open stage of the pipeline: the stage a forward move leads to, and the roles that may make it. */
export type PipelineStep = { stage: OpenStage; next: Stage; movers: Role[] };

/** Numbers the rules use that the dashboard shows in words. */
export type Settings = {
  /** Days a case may wait at review before the triage queue calls it overdue (`MUSTER_TRIAGE_SLA_DAYS`). */
  triageSlaDays: number;
  /** Days between a transferee's final offer and their earliest start, so they can give notice. */
  transfereeNoticeDays: number;
  /** Days a case should take at each open stage; past this the board marks it overdue. */
  stageTargetDays: Record<OpenStage, number>;
};

/** The pool, or (with `applicationId`) the pool ranked for that case's posting. */
/** The pool: for a case (ranked for its posting), or one unit's people, or everyone. */
export const MentorPoolInput = z.object({ applicationId: Id.optional(), unit: UnitCode.optional() }).optional();
export type MentorPoolInput = z.infer<typeof MentorPoolInput>;

/** A person in the mentor and buddy pool, with their load (open cases at induction or mentoring). */
export type PoolMember = {
  id: number;
  name: string;
  unit: UnitCode;
  place: string;
  capacity: number;
  load: number;
  /** Below capacity: may take another mentee or buddy. */
  hasRoom: boolean;
};
