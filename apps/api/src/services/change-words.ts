import { unitCodes, type ApplicationChange, type EventType, type Stage, type UnitCode } from '@muster/contracts';
import { applicationEvents, preparedFor, users } from '@muster/db';
import { checkName, stageLabels } from '@muster/domain';
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from './application-store.ts';

/** What an event says, as far as its words need. */
export type EventFacts = { type: EventType; fromStage: Stage | null; toStage: Stage | null; details: Record<string, unknown> };

/**
 * A change in words, two ways: `done`, a heading of what happened ("Note added", "Moved to
 * pre-employment"), shown to the user who made it; `did`, what someone did, to follow their name
 * ("added a note"), told to a user whose write it overtook.
 */
export type ChangeWords = { done: string; did: string };

const stage = (s: Stage | null) => (s ? stageLabels[s].toLowerCase() : 'another stage');
const text = (v: unknown) => (typeof v === 'string' ? v : '');
const isUnit = (v: unknown): v is UnitCode => (unitCodes as readonly unknown[]).includes(v);
const unit = (v: unknown) => (isUnit(v) ? v : 'another unit');
const checkStatusWords: Record<string, string> = {
  not_started: 'not started',
  requested: 'requested',
  passed: 'passed',
  failed: 'failed',
  waived: 'waived',
};

/** Every event type in words: a new type does not compile until it has them. */
const words: Record<EventType, (e: EventFacts) => ChangeWords> = {
  created: () => ({ done: 'Case created', did: 'created the case' }),
  imported: () => ({ done: 'Case imported', did: 'imported the case' }),
  moved: (e) => ({ done: `Moved to ${stage(e.toStage)}`, did: `moved the case to ${stage(e.toStage)}` }),
  moved_back: (e) => ({ done: `Moved back to ${stage(e.toStage)}`, did: `moved the case back to ${stage(e.toStage)}` }),
  rejected: () => ({ done: 'Case rejected', did: 'rejected the case' }),
  withdrawn: () => ({ done: 'Case withdrawn', did: 'withdrew the case' }),
  reopened: (e) => ({ done: `Reopened at ${stage(e.toStage)}`, did: `reopened the case at ${stage(e.toStage)}` }),
  eligibility_recorded: () => ({ done: 'Eligibility recorded', did: 'recorded eligibility' }),
  tsg_pre_assessment_recorded: () => ({
    done: 'TSG mentor and base visit recorded',
    did: 'recorded the TSG mentor and base visit',
  }),
  exception_approved: () => ({ done: 'Eligibility exception approved', did: 'approved an eligibility exception' }),
  interview_recorded: (e) => {
    const outcome = e.details.outcome === 'pass' ? 'passed' : 'failed';
    return { done: `Interview recorded: ${outcome}`, did: `recorded the interview as ${outcome}` };
  },
  check_updated: (e) => {
    const name = text(e.details.name) || checkName(text(e.details.check));
    const status = checkStatusWords[text(e.details.to)] ?? text(e.details.to);
    return { done: `${name}: ${status}`, did: `marked ${name} as ${status}` };
  },
  check_chased: (e) => {
    const name = text(e.details.name) || checkName(text(e.details.check));
    return { done: `${name} chased`, did: `chased ${name}` };
  },
  rerouted: (e) => ({
    done: `Re-routed from ${unit(e.details.fromUnit)} to ${unit(e.details.toUnit)}`,
    did: `re-routed the case from ${unit(e.details.fromUnit)} to ${unit(e.details.toUnit)}`,
  }),
  induction_booked: () => ({ done: 'Induction booked', did: 'booked the induction' }),
  induction_cancelled: () => ({
    done: 'Induction course cancelled',
    did: 'cancelled the induction course the joiner was booked on',
  }),
  induction_waitlisted: () => ({ done: 'Added to an induction course’s waiting list', did: 'added the joiner to an induction course’s waiting list' }),
  induction_place_offered: () => ({ done: 'Offered a place on an induction course', did: 'offered the joiner a freed place on an induction course' }),
  induction_attended: () => ({ done: 'Induction attended', did: 'recorded that the joiner attended the induction course' }),
  induction_not_attended: () => ({ done: 'Induction not attended', did: 'recorded that the joiner did not attend the induction course' }),
  mentor_assigned: () => ({ done: 'Mentor or buddy assigned', did: 'assigned a mentor or buddy' }),
  development_day_invited: () => ({ done: 'Invited to a development day', did: 'invited the joiner to a development day' }),
  note_added: () => ({ done: 'Note added', did: 'added a note' }),
  details_edited: () => ({ done: 'Details edited', did: 'edited the candidate’s details' }),
  assigned: () => ({ done: 'Reviewer assigned', did: 'assigned the case to a reviewer' }),
  duplicate_flagged: () => ({ done: 'Flagged as a possible duplicate', did: 'flagged the case as a possible duplicate' }),
  duplicate_merged: () => ({ done: 'Duplicate merged', did: 'merged a duplicate' }),
  duplicate_dismissed: () => ({ done: 'Possible duplicate dismissed', did: 'dismissed a possible duplicate' }),
  interview_booked: () => ({ done: 'Interview booked', did: 'booked an interview' }),
  interview_rescheduled: () => ({ done: 'Interview rescheduled', did: 'rescheduled the interview' }),
  interview_cancelled: () => ({ done: 'Interview cancelled', did: 'cancelled the interview' }),
  interview_attended: () => ({
    done: 'Attendance recorded: attended',
    did: 'recorded that the candidate attended the interview',
  }),
  interview_not_attended: () => ({
    done: 'Attendance recorded: did not attend',
    did: 'recorded that the candidate did not attend the interview',
  }),
};

export function changeWords(e: EventFacts): ChangeWords {
  return words[e.type](e);
}

const ukDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const ukTime = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Europe/London',
});

/** When, in UK time, as a sentence ends: "at 10:42" today, "on 3 March 2026 at 10:42" before. */
export function whenWords(at: string, now: Date): string {
  const d = new Date(at);
  const time = `at ${ukTime.format(d)}`;
  return ukDay.format(d) === ukDay.format(now) ? time : `on ${ukDay.format(d)} ${time}`;
}

/**
 * The events of a case, newest first, leaving out a consequence written beside the change that caused
 * it in the same write: a `rerouted` event follows its failed check, and the check is what someone did.
 */
const newestEvents = preparedFor((db) =>
  db
    .select({
      type: applicationEvents.type,
      at: applicationEvents.at,
      fromStage: applicationEvents.fromStage,
      toStage: applicationEvents.toStage,
      details: applicationEvents.details,
      by: users.name,
    })
    .from(applicationEvents)
    .leftJoin(users, eq(users.id, applicationEvents.actorId))
    .where(and(eq(applicationEvents.applicationId, sql.placeholder('id')), ne(applicationEvents.type, 'rerouted')))
    .orderBy(desc(applicationEvents.id))
    .limit(1)
    .prepare(),
);

/** The newest change to a case — who, when, what — and its words; null for a case with no history. */
export function latestChange(tx: Tx, applicationId: number): (ApplicationChange & { did: string }) | null {
  const e = newestEvents(tx).get({ id: applicationId });
  if (!e) return null;
  const { done, did } = changeWords(e);
  // An event without an actor was written by Muster itself (an import, a migration).
  return { by: e.by ?? 'Muster', at: e.at, type: e.type, summary: done, did };
}
