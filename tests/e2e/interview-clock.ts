import { createDb } from '@muster/db';
import type { apiAs } from './support.ts';

/* What the interview specs share: London dates, and standing in for the clock on a booked interview. */

/** A London date, `YYYY-MM-DD`. */
export const londonDate = (d: Date) =>
  new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/London' }).format(d);
export const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** "Thu 17 Dec", as the interviews page writes a day. */
export const dayLabel = (date: string) =>
  new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'Europe/London' }).format(
    new Date(`${date}T12:00:00Z`),
  );

export const isWeekday = (date: string) => ![0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay());

type Sqlite = ReturnType<typeof createDb>['$client'];

/** The server's database at `dbPath`, opened beside the server for `fn`, and closed again. */
function withDb<T>(dbPath: string, fn: (sqlite: Sqlite) => T): T {
  const sqlite = createDb(dbPath).$client;
  try {
    return fn(sqlite);
  } finally {
    sqlite.close();
  }
}

/** The case's booked interview and who sits on its panel. */
function bookedInterview(sqlite: Sqlite, applicationId: number) {
  const booking = sqlite
    .prepare("SELECT id, slot_id AS slotId FROM interviews WHERE application_id = ? AND status = 'booked'")
    .get(applicationId) as { id: number; slotId: number } | undefined;
  if (!booking) throw new Error(`case ${applicationId} has no booked interview`);
  const seats = sqlite.prepare('SELECT user_id AS userId FROM panel_seats WHERE interview_id = ?').all(booking.id) as {
    userId: number;
  }[];
  return { ...booking, panel: seats.map((s) => s.userId) };
}

/**
 * Moves the booked interview (its slot and its panel's seats) to `start`, an hour long. The database
 * keeps a booked slot's times and its seats as they were booked, so the booking steps aside while the
 * slot moves, and the seats are taken again at the new times (through the same clash triggers).
 */
function moveBooked(sqlite: Sqlite, booking: ReturnType<typeof bookedInterview>, start: Date) {
  const end = new Date(start.getTime() + 60 * 60_000);
  sqlite.transaction(() => {
    sqlite.prepare('DELETE FROM panel_seats WHERE interview_id = ?').run(booking.id);
    sqlite.prepare("UPDATE interviews SET status = 'cancelled' WHERE id = ?").run(booking.id);
    sqlite
      .prepare('UPDATE interview_slots SET starts_at = ?, ends_at = ? WHERE id = ?')
      .run(start.toISOString(), end.toISOString(), booking.slotId);
    sqlite.prepare("UPDATE interviews SET status = 'booked' WHERE id = ?").run(booking.id);
    const seat = sqlite.prepare(
      'INSERT INTO panel_seats (interview_id, user_id, starts_at, ends_at, day) VALUES (?, ?, ?, ?, ?)',
    );
    for (const userId of booking.panel) seat.run(booking.id, userId, start.toISOString(), end.toISOString(), londonDate(start));
  })();
}

/**
 * Stands in for the clock: the case's booked interview moved to start `minutesAgo` minutes before
 * now, an hour long, in the server's database at `dbPath`.
 */
export function startedMinutesAgo(dbPath: string, applicationId: number, minutesAgo: number): Date {
  return withDb(dbPath, (sqlite) => {
    const start = new Date(Math.floor(Date.now() / 60_000) * 60_000 - minutesAgo * 60_000);
    moveBooked(sqlite, bookedInterview(sqlite, applicationId), start);
    return start;
  });
}

/**
 * Stands in for the clock: the case's booked interview moved into the past, to the latest hour that
 * ended a quarter of an hour ago or more when no one on its panel sits on another interview and each
 * has a seat left that day (the demo's panels have interviews of their own).
 */
function endedInterview(dbPath: string, applicationId: number): Date {
  return withDb(dbPath, (sqlite) => {
    const booking = bookedInterview(sqlite, applicationId);
    const clash = sqlite.prepare(
      'SELECT 1 FROM panel_seats WHERE user_id = ? AND interview_id <> ? AND starts_at < ? AND ? < ends_at',
    );
    const seatsThatDay = sqlite.prepare(
      'SELECT count(*) AS n FROM panel_seats WHERE user_id = ? AND interview_id <> ? AND day = ?',
    );
    const dailyMaximum = sqlite.prepare('SELECT max_interviews_per_day AS n FROM users WHERE id = ?');
    const isFree = (start: Date) => {
      const [from, to] = [start.toISOString(), new Date(start.getTime() + 60 * 60_000).toISOString()];
      return booking.panel.every(
        (userId) =>
          !clash.get(userId, booking.id, to, from) &&
          (seatsThatDay.get(userId, booking.id, londonDate(start)) as { n: number }).n <
            (dailyMaximum.get(userId) as { n: number }).n,
      );
    };
    const latest = Math.floor(Date.now() / 900_000) * 900_000 - 75 * 60_000;
    for (let hours = 0; hours < 24 * 28; hours += 1) {
      const start = new Date(latest - hours * 3_600_000);
      if (!isFree(start)) continue;
      moveBooked(sqlite, booking, start);
      return start;
    }
    throw new Error(`No free hour in the last four weeks for the panel of case ${applicationId}`);
  });
}

/**
 * A case at interview taken through its interview over HTTP, as `api` — resourcing's, who may sit on
 * any unit's panel: a slot of the case's unit published (resourcing alone on its panel) and booked,
 * then moved into the past (`dbPath`: the server's database; the API has no clock to set), attended,
 * scored 4 on every criterion, and its outcome recorded. With `outcome` null the outcome is left to
 * record, as the Interviews page lists it. Returns the case as the last write left it.
 */
export async function holdInterview(
  api: Awaited<ReturnType<typeof apiAs>>,
  dbPath: string,
  c: { id: number; version: number },
  outcome: 'pass' | 'fail' | null,
) {
  const me = await api.query<{ id: number }>('auth.me', null);
  const unit = (await api.query<{ targetUnit: string }>('applications.get', { id: c.id })).targetUnit;
  const venues = await api.query<{ id: number; unit: string | null }[]>('interviews.venues', null);
  const venue = venues.find((v) => v.unit === unit) ?? venues.find((v) => v.unit === null) ?? venues[0];
  if (!venue) throw new Error('No venue to interview at');
  // Published eight weeks ahead, past the demo's own interviews, and moved into the past once booked.
  let day = addDays(londonDate(new Date()), 56);
  while (!isWeekday(day)) day = addDays(day, 1);
  const [slot] = await api.mutate<{ id: number }[]>('interviews.publishSlots', {
    unit,
    venueId: venue.id,
    panel: [me.id],
    dates: [day],
    startTime: '07:00',
    lengthMinutes: 60,
  });
  if (!slot) throw new Error('No slot was published');
  const booked = await api.mutate('interviews.book', { id: c.id, expectedVersion: c.version, slotId: slot.id });
  endedInterview(dbPath, c.id);
  const attended = await api.mutate('interviews.recordAttendance', {
    id: c.id,
    expectedVersion: booked.version,
    attended: true,
  });
  const interviewId = (attended.interviewBookings as { id: number; status: string }[]).find((b) => b.status === 'attended')?.id;
  if (!interviewId) throw new Error('The interview was not recorded as attended');
  const { criteria } = await api.query<{ criteria: { code: string }[] }>('interviews.scorecards', { interviewId });
  await api.mutate('interviews.submitScorecard', {
    interviewId,
    scores: Object.fromEntries(criteria.map((k) => [k.code, 4])),
  });
  if (!outcome) return attended;
  return api.mutate('interviews.recordOutcome', { id: c.id, expectedVersion: attended.version, outcome });
}
