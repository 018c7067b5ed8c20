import { calendarFeeds, venues } from '@muster/db';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { applicationAt, setupApi } from './testing.ts';
import { httpClient, testServers } from './testing-http.ts';

const startServer = testServers();

/** The events of a calendar file, read by an independent parser (Mozilla's, Thunderbird's). */
function eventsOf(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      sequence: e.sequence,
      summary: e.summary,
      location: e.location,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      status: String(v.getFirstPropertyValue('status') ?? ''),
    };
  });
}

/** A server with a METCC case booked by resourcing into a London slot on `date` at 09:00, with the METCC lead on the panel. */
async function bookedOn(date: string) {
  const app = await startServer();
  const api = await setupApi({ on: app });
  app.clock.now = new Date('2026-03-02T09:00:00Z');
  const c = await applicationAt(api, 'interview', 'METCC', { firstName: 'Ada', lastName: 'Lovelace' });
  const venueId = api.db.select().from(venues).where(eq(venues.unitCode, 'METCC')).get()?.id ?? 0;
  const publish = (d: string) =>
    api.as.resourcing.interviews.publishSlots({
      unit: 'METCC',
      venueId,
      panel: [api.actors.leadMetcc.id],
      dates: [d],
      startTime: '09:00',
      lengthMinutes: 90,
    });
  const [slot] = await publish(date);
  const booked = await api.as.resourcing.interviews.book({ id: c.id, expectedVersion: c.version, slotId: slot?.id ?? 0 });
  const interviewId = booked.interviewBookings[0]?.id ?? 0;
  return { app, api, c: booked, interviewId, publish, client: httpClient(app.base) };
}

describe('calendar files', () => {
  it.each([
    ['before the October clock change (BST)', '2026-10-23', '2026-10-23T08:00:00.000Z', '2026-10-23T09:30:00.000Z'],
    ['after the October clock change (GMT)', '2026-10-26', '2026-10-26T09:00:00.000Z', '2026-10-26T10:30:00.000Z'],
    ['before the March clock change (GMT)', '2026-03-27', '2026-03-27T09:00:00.000Z', '2026-03-27T10:30:00.000Z'],
    ['after the March clock change (BST)', '2026-03-30', '2026-03-30T08:00:00.000Z', '2026-03-30T09:30:00.000Z'],
  ])('an interview %s is at 09:00 London in the file, read back by ical.js', async (_when, date, start, end) => {
    const { c, interviewId, client } = await bookedOn(date);
    const { cookie } = await client.login();
    const res = await client.send(`/interviews/${interviewId}.ics`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const [event] = eventsOf(res.text);
    expect(event).toMatchObject({ start, end, sequence: 0, status: 'CONFIRMED', summary: `Interview ${c.reference}, METCC` });
    expect(event?.location).toContain('MetCC Lambeth');
    // The title and the file carry the reference and unit, not the officer's name.
    expect(res.text).not.toContain('Lovelace');
  });

  it('is only for who may see the interview: 401 without a session, 403 for another unit, 404 for none', async () => {
    const { app, interviewId, client } = await bookedOn('2026-10-23');
    expect((await client.send(`/interviews/${interviewId}.ics`)).status).toBe(401);
    const api = await setupApi({ on: app });
    const tsg = await client.login('tsg@muster.test');
    expect((await client.send(`/interviews/${interviewId}.ics`, { headers: { cookie: tsg.cookie } })).status).toBe(403);
    const lead = await client.login('metcc@muster.test');
    expect((await client.send(`/interviews/${interviewId}.ics`, { headers: { cookie: lead.cookie } })).status).toBe(200);
    expect((await client.send(`/interviews/99999.ics`, { headers: { cookie: lead.cookie } })).status).toBe(404);
    expect(api.actors.leadTsg.units).toEqual(['TSG']);
  });

  it('a private feed: the token shown once and stored hashed; a reschedule keeps the UID and raises the sequence; a cancellation says CANCELLED; names only when asked; revoked means gone', async () => {
    const { app, api, c, publish, client } = await bookedOn('2026-10-23');
    const { cookie } = await client.login('metcc@muster.test');
    const made = await client.mutate('calendar.createFeed', { showNames: false }, cookie);
    expect(made.status).toBe(200);
    const { path, url } = made.body.result.data as { path: string; url: string };
    expect(url).toBe(`${app.base}${path}`);
    const token = /\/calendar\/(.+)\.ics$/.exec(path)?.[1] ?? '';
    expect(
      app.db
        .select()
        .from(calendarFeeds)
        .all()
        .map((f) => f.tokenHash),
    ).not.toContain(token);

    const first = eventsOf((await client.send(path)).text);
    expect(first).toHaveLength(1);
    expect(first[0]?.summary).toBe(`Interview ${c.reference}, METCC`);

    const [later] = await publish('2026-10-26');
    const moved = await api.as.resourcing.interviews.reschedule({
      id: c.id,
      expectedVersion: c.version,
      slotId: later?.id ?? 0,
      reason: 'The panel is at a course that day.',
    });
    const afterMove = eventsOf((await client.send(path)).text);
    expect(afterMove.map((e) => [e.uid, e.sequence, e.start, e.status])).toEqual([
      [first[0]?.uid, 2, '2026-10-26T09:00:00.000Z', 'CONFIRMED'],
    ]);
    await api.as.resourcing.interviews.cancel({ id: c.id, expectedVersion: moved.version, reason: 'Candidate withdrew.' });
    const afterCancel = eventsOf((await client.send(path)).text);
    expect(afterCancel.map((e) => [e.uid, e.sequence, e.status])).toEqual([[first[0]?.uid, 3, 'CANCELLED']]);

    // A new feed with names on replaces the old one, whose address stops working.
    const named = (await client.mutate('calendar.createFeed', { showNames: true }, cookie)).body.result.data as { path: string };
    expect((await client.send(path)).status).toBe(404);
    expect(eventsOf((await client.send(named.path)).text)[0]?.summary).toBe(`Interview Ada Lovelace (${c.reference}), METCC`);
    expect((await client.mutate('calendar.revokeFeed', {}, cookie)).body.result.data).toEqual({ revoked: 1 });
    expect((await client.send(named.path)).status).toBe(404);
  });

  it('a feed is limited: past 30 fetches in 10 minutes it is 429 with Retry-After', async () => {
    const { client } = await bookedOn('2026-10-23');
    const { cookie } = await client.login('metcc@muster.test');
    const { path } = (await client.mutate('calendar.createFeed', {}, cookie)).body.result.data as { path: string };
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await client.send(path)).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    const refused = await client.send(path);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // A guessed token is simply not found.
    expect((await client.send(`/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);
  });
});
