import { interviews, panelSeats } from '@muster/db';
import { describe, expect, it } from 'vitest';
import { applicationAt, setupApi } from './testing.ts';
import { httpClient, testServers } from './testing-http.ts';

const startServer = testServers();

/**
 * Bookings at the same moment over real HTTP: the server writes one at a time (IMMEDIATE
 * transactions), the rules refuse the rest, and the database's unique indexes and seat triggers
 * would refuse them too (interviews.test.ts).
 */
describe('two people booking at the same moment', () => {
  it('the same slot: exactly one of ten bookings of ten cases succeeds', async () => {
    const app = await startServer();
    const api = await setupApi({ on: app });
    const cases = await Promise.all(Array.from({ length: 10 }, () => applicationAt(api, 'interview')));
    const client = httpClient(app.base);
    const { cookie } = await client.login();
    const slot = await publish(client, cookie, app.users.resourcing, '09:00');
    const replies = await Promise.all(
      cases.map((c) => client.mutate('interviews.book', { id: c.id, expectedVersion: c.version, slotId: slot }, cookie)),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([200, ...Array<number>(9).fill(412)]);
    for (const r of replies.filter((x) => x.status === 412))
      expect(r.body.error.data.unmet.map((u: { code: string }) => u.code)).toEqual(['booking.slot_taken']);
    expect(app.db.select().from(interviews).all()).toHaveLength(1);
  });

  it('two slots with one panel member at overlapping times: exactly one booking succeeds', async () => {
    const app = await startServer();
    const api = await setupApi({ on: app });
    const [a, b] = await Promise.all([applicationAt(api, 'interview'), applicationAt(api, 'interview')]);
    if (!a || !b) throw new Error('no cases');
    const client = httpClient(app.base);
    const { cookie } = await client.login();
    const first = await publish(client, cookie, app.users.resourcing, '09:00');
    const second = await publish(client, cookie, app.users.resourcing, '10:00');
    const replies = await Promise.all([
      client.mutate('interviews.book', { id: a.id, expectedVersion: a.version, slotId: first }, cookie),
      client.mutate('interviews.book', { id: b.id, expectedVersion: b.version, slotId: second }, cookie),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 412]);
    const refused = replies.find((r) => r.status === 412);
    expect(refused?.body.error.data.unmet.map((u: { code: string }) => u.code)).toEqual(['booking.panel_clash']);
    expect(app.db.select().from(panelSeats).all()).toHaveLength(1);
  });
});

async function publish(client: ReturnType<typeof httpClient>, cookie: string, panellist: number, startTime: string) {
  const venues = await client.query('interviews.venues', undefined, cookie);
  const res = await client.mutate(
    'interviews.publishSlots',
    {
      unit: 'METCC',
      venueId: venues.body.result.data[0].id,
      panel: [panellist],
      dates: ['2026-12-01'],
      startTime,
      lengthMinutes: 90,
    },
    cookie,
  );
  expect(res.status).toBe(200);
  return res.body.result.data[0].id as number;
}
