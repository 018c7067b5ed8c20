import { randomUUID } from 'node:crypto';
import type { OutboxMessage } from '@muster/contracts';
import { applications, interviews, interviewSlots, outbox, slotPanel, units, users, venues } from '@muster/db';
import { DomainError, formatDate, londonDateTime } from '@muster/domain';
import { asc, desc, eq } from 'drizzle-orm';
import type { Tx } from './application-store.ts';
import { invitationCalendar } from './calendar.ts';
import type { ServiceCtx } from './service-ctx.ts';

/*
 * Invitations, reschedules and cancellations, to the candidate and to each panel member, rendered
 * from the templates below (the admin can read them: admin.messageTemplates) and written to the
 * outbox in the same transaction as the change they announce. outbox-sender.ts delivers them. A
 * cancelled induction course is told the same way, to each joiner booked on it (courses.ts).
 */

export type InterviewNews = 'booked' | 'rescheduled' | 'cancelled';

/** The templates, with `{placeholders}` filled from the interview. */
export const messageTemplates = {
  candidate_booked: {
    subject: 'Your interview for {unitName}: {when}',
    body: 'Dear {candidate},\n\nYou are invited to an interview for {unitName} on {when} (London time) at {place}, {address}.\nThe panel: {panel}.\nYour reference: {reference}.\n\nThe calendar file is attached. If you cannot attend, reply to this message.\n\nMetropolitan Police resourcing team',
  },
  candidate_rescheduled: {
    subject: 'Your interview for {unitName} has moved: {when}',
    body: 'Dear {candidate},\n\nYour interview for {unitName} has moved to {when} (London time) at {place}, {address}.\nThe panel: {panel}.\nYour reference: {reference}.\n\nThe attached calendar file updates the one you had.\n\nMetropolitan Police resourcing team',
  },
  candidate_cancelled: {
    subject: 'Your interview for {unitName} on {when} is cancelled',
    body: 'Dear {candidate},\n\nYour interview for {unitName} on {when} (London time) is cancelled. We will be in touch about what happens next.\nYour reference: {reference}.\n\nMetropolitan Police resourcing team',
  },
  panel_booked: {
    subject: 'Interview {reference} ({unit}): {when}',
    body: 'Dear {member},\n\nYou are on the panel interviewing {candidate} ({reference}) for {unitName} on {when} (London time) at {place}, {address}.\nThe panel: {panel}.\n\nThe calendar file is attached. The scorecard opens in Muster once the interview has ended.',
  },
  panel_rescheduled: {
    subject: 'Interview {reference} ({unit}) moved: {when}',
    body: 'Dear {member},\n\nThe interview of {candidate} ({reference}) for {unitName} has moved to {when} (London time) at {place}, {address}.\nThe panel: {panel}.\n\nThe attached calendar file updates the one you had.',
  },
  panel_cancelled: {
    subject: 'Interview {reference} ({unit}) on {when} cancelled',
    body: 'Dear {member},\n\nThe interview of {candidate} ({reference}) for {unitName} on {when} (London time) is cancelled.',
  },
  joiner_course_cancelled: {
    subject: 'Your induction course on {courseDate} is cancelled',
    body: 'Dear {candidate},\n\nThe induction course you were booked on, starting {courseDate} at {place}, is cancelled. Your booking on it is removed, and we will book you on another course and tell you its date.\nYour reference: {reference}.\n\nMetropolitan Police induction team',
  },
  joiner_course_place_offered: {
    subject: 'A place on the induction course on {courseDate} is yours to take',
    body: 'Dear {candidate},\n\nA place has come free on the induction course starting {courseDate} at {place}, and you are first on its waiting list. We hold it for you until {heldUntil}: reply to this message to take it, and we will book you on it.\nYour reference: {reference}.\n\nMetropolitan Police induction team',
  },
  joiner_development_day_invited: {
    subject: 'You are invited to a development day: {dayDate}',
    body: 'Dear {candidate},\n\nYou are invited to the development day “{title}” on {dayDate} at {place}: a day for joiners in their first two years.\nYour reference: {reference}.\n\nIf you cannot attend, tell your coordinator.\n\nMetropolitan Police induction team',
  },
  candidate_check_chaser: {
    subject: 'Reminder: {checkName} for your application {reference}',
    body: 'Dear {candidate},\n\nWe are still waiting for your {checkName}, asked for on {requestedOn} and due by {dueOn}. Please complete it, or reply to this message if something is in the way.\nYour reference: {reference}.\n\nMetropolitan Police resourcing team',
  },
} as const;
export type TemplateName = keyof typeof messageTemplates;

const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);

const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' });
const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** "Tuesday 1 December 2026, 09:00 to 10:30", London time, as GOV.UK writes it. */
const whenOf = (startsAt: string, endsAt: string) => {
  const start = londonDateTime(startsAt);
  const day = new Date(`${start.date}T12:00:00Z`);
  return `${weekday.format(day)} ${longDate.format(day)}, ${start.time} to ${londonDateTime(endsAt).time}`;
};

/** Queues the messages that announce a change to an interview, in the caller's transaction. */
export function queueInterviewMessages(tx: Tx, interviewId: number, news: InterviewNews, now: string): void {
  const i = tx
    .select({
      startsAt: interviewSlots.startsAt,
      endsAt: interviewSlots.endsAt,
      slotId: interviewSlots.id,
      unit: interviewSlots.unitCode,
      unitName: units.name,
      place: venues.name,
      address: venues.address,
      applicationId: applications.id,
      reference: applications.reference,
      firstName: applications.firstName,
      lastName: applications.lastName,
      email: applications.email,
    })
    .from(interviews)
    .innerJoin(interviewSlots, eq(interviewSlots.id, interviews.slotId))
    .innerJoin(units, eq(units.code, interviewSlots.unitCode))
    .innerJoin(venues, eq(venues.id, interviewSlots.venueId))
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .where(eq(interviews.id, interviewId))
    .get();
  if (!i) throw new Error(`interview ${interviewId} vanished inside its own transaction`);
  const panel = tx
    .select({ name: users.name, email: users.email })
    .from(slotPanel)
    .innerJoin(users, eq(users.id, slotPanel.userId))
    .where(eq(slotPanel.slotId, i.slotId))
    .orderBy(asc(users.name))
    .all();
  const candidate = `${i.firstName} ${i.lastName}`;
  const values = {
    candidate,
    reference: i.reference,
    unit: i.unit,
    unitName: i.unitName,
    when: whenOf(i.startsAt, i.endsAt),
    place: i.place,
    address: i.address,
    panel: panel.map((p) => p.name).join(', '),
  };
  const method: 'REQUEST' | 'CANCEL' = news === 'cancelled' ? 'CANCEL' : 'REQUEST';
  const calendar = { ics: invitationCalendar(tx, interviewId, method), icsMethod: method, interviewId };
  const candidateTo = { applicationId: i.applicationId, reference: i.reference, name: candidate, email: i.email };
  queueMessage(tx, `candidate_${news}`, candidateTo, values, now, calendar);
  for (const p of panel)
    queueMessage(tx, `panel_${news}`, { ...candidateTo, ...p }, { ...values, member: p.name }, now, calendar);
}

/** Whom a message about a case goes to (the candidate, or a panel member about the candidate's case). */
export type MessageAddress = { applicationId: number; reference: string; name: string; email: string };

/**
 * Renders a template with `values` and writes it to the outbox in the caller's transaction, so it is
 * kept exactly when the change it tells of is; `calendar` attaches an interview's calendar file.
 * Answers the message's Message-ID.
 */
function queueMessage(
  tx: Tx,
  template: TemplateName,
  to: MessageAddress,
  values: Record<string, string>,
  now: string,
  calendar: { ics: string; icsMethod: 'REQUEST' | 'CANCEL'; interviewId: number } | null = null,
): string {
  const t = messageTemplates[template];
  const messageId = `<${randomUUID()}@muster>`;
  tx.insert(outbox)
    .values({
      messageId,
      template,
      toAddress: to.email,
      toName: to.name,
      subject: fill(t.subject, values),
      body: fill(t.body, values),
      ...calendar,
      applicationId: to.applicationId,
      createdAt: now,
      nextAttemptAt: now,
    })
    .run();
  return messageId;
}

/**
 * A joiner told that their induction course is cancelled, in the caller's transaction (the one that
 * removes their booking). No calendar file: a course is a date, not a time.
 */
export function queueCourseCancelledMessage(
  tx: Tx,
  joiner: MessageAddress,
  course: { startsOn: string; place: string },
  now: string,
): void {
  queueMessage(
    tx,
    'joiner_course_cancelled',
    joiner,
    { candidate: joiner.name, reference: joiner.reference, courseDate: formatDate(course.startsOn), place: course.place },
    now,
  );
}

/**
 * A joiner on a course's waiting list offered a place that has freed, held for them until
 * `heldUntil` (a date), in the caller's transaction (the one that marks the offer).
 */
export function queueCoursePlaceOfferedMessage(
  tx: Tx,
  joiner: MessageAddress,
  course: { startsOn: string; place: string },
  heldUntil: string,
  now: string,
): void {
  queueMessage(
    tx,
    'joiner_course_place_offered',
    joiner,
    {
      candidate: joiner.name,
      reference: joiner.reference,
      courseDate: formatDate(course.startsOn),
      place: course.place,
      heldUntil: formatDate(heldUntil),
    },
    now,
  );
}

/**
 * A chaser to the candidate for a check waiting on them, in the caller's transaction (the one that
 * records the chaser); answers the message id, which the chaser keeps.
 */
export function queueCheckChaserMessage(
  tx: Tx,
  candidate: MessageAddress,
  check: { name: string; requestedAt: string | null; dueOn: string | null },
  now: string,
): string {
  return queueMessage(
    tx,
    'candidate_check_chaser',
    candidate,
    {
      candidate: candidate.name,
      reference: candidate.reference,
      checkName: check.name.charAt(0).toLowerCase() + check.name.slice(1),
      requestedOn: check.requestedAt ? formatDate(check.requestedAt) : 'an earlier date',
      dueOn: check.dueOn ? formatDate(check.dueOn) : 'as soon as you can',
    },
    now,
  );
}

/**
 * The invitation to a development day for one joiner, in the caller's transaction (the one that
 * records the invitation). No calendar file: a development day is a date, like a course.
 */
export function queueDevelopmentDayInvitation(
  tx: Tx,
  joiner: MessageAddress,
  day: { heldOn: string; place: string; title: string },
  now: string,
): void {
  queueMessage(
    tx,
    'joiner_development_day_invited',
    joiner,
    { candidate: joiner.name, reference: joiner.reference, dayDate: formatDate(day.heldOn), place: day.place, title: day.title },
    now,
  );
}

/** The outbox, newest first: what was sent, what waits and why (admin). */
export function listOutbox(ctx: ServiceCtx): OutboxMessage[] {
  if (ctx.actor.role !== 'admin') throw new DomainError('FORBIDDEN', 'Only the admin reads the outbox.');
  return ctx.db
    .select({
      id: outbox.id,
      messageId: outbox.messageId,
      template: outbox.template,
      to: outbox.toAddress,
      toName: outbox.toName,
      subject: outbox.subject,
      body: outbox.body,
      hasCalendar: outbox.ics,
      createdAt: outbox.createdAt,
      attempts: outbox.attempts,
      nextAttemptAt: outbox.nextAttemptAt,
      lastError: outbox.lastError,
      sentAt: outbox.sentAt,
    })
    .from(outbox)
    .orderBy(desc(outbox.id))
    .limit(500)
    .all()
    .map((m) => ({ ...m, hasCalendar: m.hasCalendar !== null }));
}
