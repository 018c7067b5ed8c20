import type { CalendarFeed, CreateCalendarFeedInput, UnitCode } from '@muster/contracts';
import { applications, calendarFeeds, interviews, interviewSlots, slotPanel, users, venues, type Db, type DbHandle } from '@muster/db';
import { capabilities, DomainError } from '@muster/domain';
import { and, asc, eq, gte, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { hashToken, newToken } from '../security/tokens.ts';
import type { ServiceCtx } from './service-ctx.ts';

/*
 * Interviews as iCalendar (RFC 5545): one interview's file for anyone who may see it, and a private
 * feed per user that Outlook and Google Calendar subscribe to. Times are UTC (`Z`), which every
 * calendar shows in its own zone; each interview's UID is stable across reschedules and its SEQUENCE
 * rises with every change; a cancelled one stays in the feed as STATUS:CANCELLED so calendars remove it.
 */

const prodId = { company: 'Metropolitan Police', product: 'Muster', language: 'EN' };

type EventRow = {
  id: number;
  calendarUid: string;
  sequence: number;
  status: 'booked' | 'attended' | 'did_not_attend' | 'cancelled';
  bookedAt: string;
  startsAt: string;
  endsAt: string;
  unit: UnitCode;
  venue: string;
  address: string;
  slotId: number;
  reference: string;
  firstName: string;
  lastName: string;
};

function eventRows(db: DbHandle, where: SQL | undefined): EventRow[] {
  return db
    .select({
      id: interviews.id,
      calendarUid: interviews.calendarUid,
      sequence: interviews.sequence,
      status: interviews.status,
      bookedAt: interviews.bookedAt,
      startsAt: interviewSlots.startsAt,
      endsAt: interviewSlots.endsAt,
      unit: interviewSlots.unitCode,
      venue: venues.name,
      address: venues.address,
      slotId: interviewSlots.id,
      reference: applications.reference,
      firstName: applications.firstName,
      lastName: applications.lastName,
    })
    .from(interviews)
    .innerJoin(interviewSlots, eq(interviewSlots.id, interviews.slotId))
    .innerJoin(venues, eq(venues.id, interviewSlots.venueId))
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .where(where)
    .orderBy(asc(interviewSlots.startsAt))
    .limit(2000)
    .all();
}

/**
 * The calendar of these interviews. A rescheduled interview's old booking shares its UID with the
 * new one and has a lower sequence: only the newest booking of each UID is written.
 */
function calendarOf(db: DbHandle, rows: EventRow[], opts: { name: string; showNames: boolean; method?: ICalCalendarMethod }): string {
  const newest = new Map<string, EventRow>();
  for (const r of rows) {
    const seen = newest.get(r.calendarUid);
    if (!seen || r.sequence > seen.sequence) newest.set(r.calendarUid, r);
  }
  const kept = [...newest.values()];
  const panels = kept.length
    ? db
        .select({ slotId: slotPanel.slotId, name: users.name })
        .from(slotPanel)
        .innerJoin(users, eq(users.id, slotPanel.userId))
        .where(
          inArray(
            slotPanel.slotId,
            kept.map((r) => r.slotId),
          ),
        )
        .orderBy(asc(users.name))
        .all()
    : [];
  const calendar = ical({ name: opts.name, prodId, ...(opts.method ? { method: opts.method } : {}) });
  for (const r of kept) {
    const who = opts.showNames ? `${r.firstName} ${r.lastName} (${r.reference})` : r.reference;
    const panel = panels.filter((p) => p.slotId === r.slotId).map((p) => p.name);
    calendar.createEvent({
      id: r.calendarUid,
      sequence: r.sequence,
      start: new Date(r.startsAt),
      end: new Date(r.endsAt),
      stamp: new Date(r.bookedAt),
      summary: `Interview ${who}, ${r.unit}`,
      location: `${r.venue}, ${r.address}`,
      description: `Muster interview for ${r.unit}. Panel: ${panel.join(', ') || 'none named'}.`,
      status: r.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/** Who may see an interview: its panel, resourcing, the admin, the leads of its unit. */
function maySeeInterview(ctx: Pick<ServiceCtx, 'db' | 'actor'>, r: EventRow): boolean {
  const { actor } = ctx;
  if (actor.role === 'resourcing' || actor.role === 'admin') return true;
  if (actor.role === 'unit_lead' && actor.units.includes(r.unit)) return true;
  return (
    ctx.db
      .select({ userId: slotPanel.userId })
      .from(slotPanel)
      .where(and(eq(slotPanel.slotId, r.slotId), eq(slotPanel.userId, actor.id)))
      .get() !== undefined
  );
}

/** One interview's calendar file (`GET /interviews/{id}.ics`); titles carry the reference and unit. */
export function interviewCalendar(ctx: Pick<ServiceCtx, 'db' | 'actor'>, interviewId: number): string {
  const [row] = eventRows(ctx.db, eq(interviews.id, interviewId));
  if (!row) throw new DomainError('NOT_FOUND', 'There is no such interview.');
  if (!maySeeInterview(ctx, row)) throw new DomainError('FORBIDDEN', 'You do not have access to this interview.');
  return calendarOf(ctx.db, eventRows(ctx.db, eq(interviews.calendarUid, row.calendarUid)), {
    name: `Muster interview ${row.reference}`,
    showNames: false,
  });
}

/** A new private feed for the actor; any earlier one stops working. The token is in the answer only. */
export function createCalendarFeed(ctx: ServiceCtx, input: CreateCalendarFeedInput, origin: string): CalendarFeed {
  if (!capabilities(ctx.actor).interviews)
    throw new DomainError('FORBIDDEN', 'Your role has no interviews to put in a calendar.');
  const token = newToken();
  const createdAt = ctx.now().toISOString();
  ctx.db.transaction(
    (tx) => {
      tx.update(calendarFeeds)
        .set({ revokedAt: createdAt })
        .where(and(eq(calendarFeeds.userId, ctx.actor.id), isNull(calendarFeeds.revokedAt)))
        .run();
      tx.insert(calendarFeeds)
        .values({ tokenHash: hashToken(token), userId: ctx.actor.id, showNames: input.showNames, createdAt })
        .run();
    },
    { behavior: 'immediate' },
  );
  const path = `/calendar/${token}.ics`;
  return { url: `${origin}${path}`, path, showNames: input.showNames, createdAt };
}

/** Stops the actor's feed: its address answers nothing from now on. */
export function revokeCalendarFeeds(ctx: ServiceCtx): { revoked: number } {
  const result = ctx.db
    .update(calendarFeeds)
    .set({ revokedAt: ctx.now().toISOString() })
    .where(and(eq(calendarFeeds.userId, ctx.actor.id), isNull(calendarFeeds.revokedAt)))
    .run();
  return { revoked: result.changes };
}

/**
 * The feed behind a token (`GET /calendar/{token}.ics`), or null for a token that is unknown, revoked
 * or whose user is inactive. The interviews the user sits on, and for a lead their units' too, from
 * 30 days ago on.
 */
export function feedCalendar(db: Db, token: string, now: Date): string | null {
  const feed = db
    .select({ userId: calendarFeeds.userId, showNames: calendarFeeds.showNames, revokedAt: calendarFeeds.revokedAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.tokenHash, hashToken(token)))
    .get();
  if (!feed || feed.revokedAt) return null;
  const user = db.select().from(users).where(eq(users.id, feed.userId)).get();
  if (!user?.isActive) return null;
  const led = sql`${interviewSlots.unitCode} IN (SELECT unit_code FROM user_units WHERE user_id = ${user.id})`;
  const sits = sql`${interviewSlots.id} IN (SELECT slot_id FROM slot_panel WHERE user_id = ${user.id})`;
  const since = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  const rows = eventRows(
    db,
    and(user.role === 'unit_lead' ? sql`(${led} OR ${sits})` : sits, gte(interviewSlots.startsAt, since)),
  );
  return calendarOf(db, rows, { name: 'Muster interviews', showNames: feed.showNames });
}

/**
 * The calendar file an invitation carries: the interview's event with METHOD:REQUEST (a new or moved
 * interview) or METHOD:CANCEL, and the candidate's name in the title (the message goes to the people
 * concerned, not to a calendar provider's feed).
 */
export function invitationCalendar(db: DbHandle, interviewId: number, method: 'REQUEST' | 'CANCEL'): string {
  const rows = eventRows(db, eq(interviews.id, interviewId));
  return calendarOf(db, rows, {
    name: 'Muster interview',
    showNames: true,
    method: method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
  });
}
