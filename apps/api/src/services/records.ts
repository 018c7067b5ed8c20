import type {
  AddNoteInput,
  ApplicationDetail,
  ApproveExceptionInput,
  AssignMentorInput,
  InterviewScores,
  RecordEligibilityInput,
  RecordTsgPreAssessmentInput,
} from '@muster/contracts';
import {
  applications,
  eligibilityExceptions,
  eligibilityRecords,
  interviewOutcomes,
  mentors,
  tsgPreAssessments,
} from '@muster/db';
import {
  assertAssignable,
  assertNoProblems,
  assertTsgMentor,
  eligibilityChanges,
  exceptionRefusal,
  forceRecordsProblems,
  fieldError,
  mentoredStages,
  postingOf,
  validateEligibility,
} from '@muster/domain';
import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { ServiceCtx } from './service-ctx.ts';
import { writeApplication } from './application-write.ts';
import { interviewersOf, poolPersonOf } from './mentor-pool.ts';
import { appendEvent, bumpVersion, type ApplicationRow, type Tx } from './application-store.ts';

export function recordEligibility(ctx: ServiceCtx, input: RecordEligibilityInput): ApplicationDetail {
  return writeApplication(ctx, input, 'eligibility', (tx, { row, eligibility: previous }, at) => {
    validateEligibility(row, input.targetUnit, input.criteria, input.unitCriteria);
    assertNoProblems(forceRecordsProblems(input));
    const record = {
      criteria: input.criteria,
      unitCriteria: input.unitCriteria,
      psdRecords: input.psdRecords,
      psdOutcome: input.psdOutcome ?? null,
      ohRecords: input.ohRecords,
      ohOutcome: input.ohOutcome ?? null,
      hasOpenMisconduct: input.hasOpenMisconduct ?? null,
      misconductDetails: input.hasOpenMisconduct ? (input.misconductDetails ?? null) : null,
      notes: input.notes ?? null,
      recordedBy: ctx.actor.id,
      recordedAt: at,
    };
    tx.insert(eligibilityRecords)
      .values({ applicationId: row.id, ...record })
      .onConflictDoUpdate({ target: eligibilityRecords.applicationId, set: record })
      .run();
    bumpVersion(tx, row, at, { targetUnit: input.targetUnit });
    const { recordedBy: _by, recordedAt: _at, ...details } = record;
    // What this record changes, before → after, against the record it replaces (the history keeps both).
    const changes = eligibilityChanges(previous ? { ...previous, targetUnit: row.targetUnit } : null, {
      ...details,
      targetUnit: input.targetUnit,
    });
    appendEvent(tx, {
      applicationId: row.id,
      actorId: ctx.actor.id,
      at,
      type: 'eligibility_recorded',
      details: {
        ...details,
        targetUnit: input.targetUnit,
        previousTargetUnit: row.targetUnit,
        isFirstRecord: !previous,
        changes,
      },
    });
  });
}

/**
 * TSG's requirements before the assessment, recorded by the TSG lead (or resourcing): the mentor, a
 * TSG officer active in the pool (or none yet), and whether the attachment or base visit is done.
 */
export function recordTsgPreAssessment(ctx: ServiceCtx, input: RecordTsgPreAssessmentInput): ApplicationDetail {
  return writeApplication(ctx, input, 'tsgPreAssessment', (tx, { row, tsgPreAssessment: previous }, at) => {
    const mentor = input.mentorId === null ? null : tx.select().from(mentors).where(eq(mentors.id, input.mentorId)).get();
    if (mentor !== null) assertTsgMentor(mentor);
    const record = { mentorId: mentor?.id ?? null, hasBaseVisit: input.hasBaseVisit, recordedBy: ctx.actor.id, recordedAt: at };
    tx.insert(tsgPreAssessments)
      .values({ applicationId: row.id, ...record })
      .onConflictDoUpdate({ target: tsgPreAssessments.applicationId, set: record })
      .run();
    bumpVersion(tx, row, at);
    const before = previous?.mentorId
      ? (tx.select({ name: mentors.name }).from(mentors).where(eq(mentors.id, previous.mentorId)).get()?.name ?? null)
      : null;
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (before !== (mentor?.name ?? null)) changes.mentor = { from: before, to: mentor?.name ?? null };
    if ((previous?.hasBaseVisit ?? false) !== input.hasBaseVisit)
      changes.hasBaseVisit = { from: previous?.hasBaseVisit ?? false, to: input.hasBaseVisit };
    appendEvent(tx, {
      applicationId: row.id,
      actorId: ctx.actor.id,
      at,
      type: 'tsg_pre_assessment_recorded',
      details: { mentorId: mentor?.id ?? null, mentorName: mentor?.name ?? null, hasBaseVisit: input.hasBaseVisit, changes },
    });
  });
}

/** An admin lets a case progress despite open misconduct or referred force records, saying why. */
export function approveException(ctx: ServiceCtx, input: ApproveExceptionInput): ApplicationDetail {
  return writeApplication(ctx, input, 'exception', (tx, { row, snapshot }, at) => {
    const refusal = exceptionRefusal(snapshot);
    if (refusal) throw refusal;
    tx.insert(eligibilityExceptions)
      .values({ applicationId: row.id, reason: input.reason, approvedBy: ctx.actor.id, approvedAt: at })
      .onConflictDoUpdate({
        target: eligibilityExceptions.applicationId,
        set: { reason: input.reason, approvedBy: ctx.actor.id, approvedAt: at },
      })
      .run();
    bumpVersion(tx, row, at);
    appendEvent(tx, { applicationId: row.id, actorId: ctx.actor.id, at, type: 'exception_approved', reason: input.reason });
  });
}

/**
 * Records the case's interview outcome — what the interview gate reads — with its
 * `interview_recorded` event; `more` adds to the event's details (the panel's summary). The panel's
 * scorecards are the one way in (interviews.recordOutcome).
 */
export function saveInterviewOutcome(
  ctx: ServiceCtx,
  tx: Tx,
  row: ApplicationRow,
  at: string,
  outcome: { outcome: 'pass' | 'fail'; scores: InterviewScores; notes: string | null },
  more: Record<string, unknown> = {},
): void {
  const record = { ...outcome, recordedBy: ctx.actor.id, recordedAt: at };
  tx.insert(interviewOutcomes)
    .values({ applicationId: row.id, ...record })
    .onConflictDoUpdate({ target: interviewOutcomes.applicationId, set: record })
    .run();
  bumpVersion(tx, row, at);
  appendEvent(tx, {
    applicationId: row.id,
    actorId: ctx.actor.id,
    at,
    type: 'interview_recorded',
    details: { ...outcome, ...more },
  });
}

/* Booking a joiner on an induction course is courses.book (services/courses.ts, bookCourse). A check's update is checks.update (services/checks.ts). */

/** How many open cases a person from the pool is mentoring or buddying now. */
export function mentorLoad(tx: Tx, mentorId: number, excludingApplication?: number): number {
  const load = tx
    .select({ n: sql<number>`count(*)` })
    .from(applications)
    .where(
      and(
        or(eq(applications.mentorId, mentorId), eq(applications.buddyId, mentorId)),
        inArray(applications.stage, [...mentoredStages]),
        excludingApplication ? ne(applications.id, excludingApplication) : undefined,
      ),
    )
    .get();
  if (!load) throw new Error('count(*) returned no row');
  return load.n;
}

export function assignMentor(ctx: ServiceCtx, input: AssignMentorInput): ApplicationDetail {
  try {
    return assignMentorOnce(ctx, input);
  } catch (e) {
    // The database's capacity guard (drizzle/0016): another assignment took the last place between
    // this write's check and its update — possible only across processes; same answer as the check's.
    if (e instanceof Error && e.message.startsWith('mentors: ')) {
      const field = input.mentorId !== undefined && input.mentorId !== null ? 'mentorId' : 'buddyId';
      throw fieldError(field, 'That person has just been given their last place. Choose someone else.', 'mentor.at_capacity');
    }
    throw e;
  }
}

function assignMentorOnce(ctx: ServiceCtx, input: AssignMentorInput): ApplicationDetail {
  return writeApplication(ctx, input, 'mentor', (tx, { row, snapshot }, at) => {
    const mentorId = input.mentorId === undefined ? row.mentorId : input.mentorId;
    const buddyId = input.buddyId === undefined ? row.buddyId : input.buddyId;
    if (mentorId !== null && mentorId === buddyId)
      throw fieldError('buddyId', 'The buddy must be someone other than the mentor.', 'mentor.same_as_buddy');
    const details: Record<string, unknown> = {};
    // The joiner as the suggestions see them, with the mentor and buddy being given now.
    const joiner = { posting: postingOf(snapshot), panelUserIds: interviewersOf(tx, row.id), mentorId, buddyId };
    for (const [role, id, current] of [
      ['mentor', mentorId, row.mentorId],
      ['buddy', buddyId, row.buddyId],
    ] as const) {
      if (id === current || id === null) continue;
      const person = poolPersonOf(tx, id);
      if (!person) throw fieldError(`${role}Id`, `Choose a ${role} from the pool.`, 'mentor.not_in_pool');
      // Not this joiner's own mentor or buddy yet: checked as anyone new to them.
      assertAssignable({ ...person, load: mentorLoad(tx, id, row.id) }, { ...joiner, mentorId: null, buddyId: null }, role);
      details[role] = { id: person.id, name: person.name, unit: person.unit, place: person.place };
    }
    if (!Object.keys(details).length && mentorId === row.mentorId && buddyId === row.buddyId) {
      throw fieldError('', 'Nothing changed: that mentor and buddy are already assigned.', 'mentor.unchanged');
    }
    bumpVersion(tx, row, at, { mentorId, buddyId });
    appendEvent(tx, {
      applicationId: row.id,
      actorId: ctx.actor.id,
      at,
      type: 'mentor_assigned',
      details: { ...details, mentorId, buddyId, previousMentorId: row.mentorId, previousBuddyId: row.buddyId },
    });
  });
}

export function addNote(ctx: ServiceCtx, input: AddNoteInput): ApplicationDetail {
  return writeApplication(ctx, input, 'note', (tx, { row }, at) => {
    bumpVersion(tx, row, at);
    appendEvent(tx, { applicationId: row.id, actorId: ctx.actor.id, at, type: 'note_added', details: { body: input.body } });
  });
}
