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
  const method = news === 'cancelled' ? 'CANCEL' : 'REQUEST';
  const ics = invitationCalendar(tx, interviewId, method);
  const queue = (template: TemplateName, to: { name: string; email: string }, extra: Record<string, string> = {}) => {
    const t = messageTemplates[template];
    tx.insert(outbox)
      .values({
        messageId: `<${randomUUID()}@muster>`,
        template,
        toAddress: to.email,
        toName: to.name,
        subject: fill(t.subject, { ...values, ...extra }),
        body: fill(t.body, { ...values, ...extra }),
        ics,
        icsMethod: method,
        applicationId: i.applicationId,
        interviewId,
        createdAt: now,
        nextAttemptAt: now,
      })
      .run();
  };
  queue(`candidate_${news}`, { name: candidate, email: i.email });
  for (const p of panel) queue(`panel_${news}`, p, { member: p.name });
}

/** A joiner told that their induction course is cancelled: their case, name and email. */
export type CourseJoinerAddress = { applicationId: number; reference: string; name: string; email: string };

/**
 * Queues the message telling a joiner their induction course is cancelled, in the caller's
 * transaction (the one that removes their booking). No calendar file: a course is a date, not a time.
 */
export function queueCourseCancelledMessage(
  tx: Tx,
  joiner: CourseJoinerAddress,
  course: { startsOn: string; place: string },
  now: string,
): void {
  const t = messageTemplates.joiner_course_cancelled;
  const values = {
    candidate: joiner.name,
    reference: joiner.reference,
    courseDate: formatDate(course.startsOn),
    place: course.place,
  };
  tx.insert(outbox)
    .values({
      messageId: `<${randomUUID()}@muster>`,
      template: 'joiner_course_cancelled' satisfies TemplateName,
      toAddress: joiner.email,
      toName: joiner.name,
      subject: fill(t.subject, values),
      body: fill(t.body, values),
      applicationId: joiner.applicationId,
      createdAt: now,
      nextAttemptAt: now,
    })
    .run();
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
