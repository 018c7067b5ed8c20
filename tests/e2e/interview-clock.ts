import { createDb } from '@muster/db';

/* What the interview specs share: London dates, and standing in for the clock on a booked interview. */

/** A London date, `YYYY-MM-DD`. */
export const londonDate = (d: Date) =>
  new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/London' }).format(d);
export const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
export const isWeekday = (date: string) => ![0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay());

/**
 * Stands in for the clock: the case's booked interview (its slot and its panel's seats) moved to
 * start `minutesAgo` minutes before now, an hour long, in the server's database at `dbPath`. The
 * database keeps a booked slot's times and its seats as they were booked, so the booking steps aside
 * while the slot moves, and the seats are taken again at the new times (through the same clash triggers).
 */
export function startedMinutesAgo(dbPath: string, applicationId: number, minutesAgo: number): Date {
  const sqlite = createDb(dbPath).$client;
  try {
    const start = new Date(Math.floor(Date.now() / 60_000) * 60_000 - minutesAgo * 60_000);
    const end = new Date(start.getTime() + 60 * 60_000);
    sqlite.transaction(() => {
      const booking = sqlite
        .prepare("SELECT id, slot_id AS slotId FROM interviews WHERE application_id = ? AND status = 'booked'")
        .get(applicationId) as { id: number; slotId: number } | undefined;
      if (!booking) throw new Error(`case ${applicationId} has no booked interview`);
      const seats = sqlite.prepare('SELECT user_id AS userId FROM panel_seats WHERE interview_id = ?').all(booking.id) as {
        userId: number;
      }[];
      sqlite.prepare('DELETE FROM panel_seats WHERE interview_id = ?').run(booking.id);
      sqlite.prepare("UPDATE interviews SET status = 'cancelled' WHERE id = ?").run(booking.id);
      sqlite
        .prepare('UPDATE interview_slots SET starts_at = ?, ends_at = ? WHERE id = ?')
        .run(start.toISOString(), end.toISOString(), booking.slotId);
      sqlite.prepare("UPDATE interviews SET status = 'booked' WHERE id = ?").run(booking.id);
      const seat = sqlite.prepare(
        'INSERT INTO panel_seats (interview_id, user_id, starts_at, ends_at, day) VALUES (?, ?, ?, ?, ?)',
      );
      for (const { userId } of seats) seat.run(booking.id, userId, start.toISOString(), end.toISOString(), londonDate(start));
    })();
    return start;
  } finally {
    sqlite.close();
  }
}
