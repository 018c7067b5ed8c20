import { applications, mentors } from '@muster/db';
import { eq, or } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../security/passwords.ts';
import { applicationAt, setupApi, testPassword } from '../testing.ts';
import { httpClient, testServers } from '../testing-http.ts';
import { insertUser } from './auth.ts';

const startServer = testServers();

describe('the pool over HTTP', () => {
  it('capacity is never exceeded: two coordinators giving the last place at the same moment, exactly one succeeds', async () => {
    const app = await startServer();
    const api = await setupApi({ on: app });
    // One after another: each case's interview has resourcing on its panel.
    const first = await applicationAt(api, 'induction');
    const a = await applicationAt(api, 'induction');
    const b = await applicationAt(api, 'induction');
    const client = httpClient(app.base);
    insertUser(app.db, {
      email: 'coord2@muster.test',
      name: 'Cleo Coordinator',
      role: 'coordinator',
      units: [],
      passwordHash: await hashPassword(testPassword),
    });
    const one = await client.login('coord@muster.test');
    const two = await client.login('coord2@muster.test');

    const made = await client.mutate(
      'mentors.create',
      { name: 'PS Ola Bright', unit: 'METCC', place: 'Lambeth', capacity: 2, kind: 'both' },
      one.cookie,
    );
    expect(made.status).toBe(200);
    const person = made.body.result.data.person as { id: number };
    // One joiner already: one place left.
    const given = await client.mutate(
      'applications.assignMentor',
      { id: first.id, expectedVersion: first.version, mentorId: person.id },
      one.cookie,
    );
    expect(given.status).toBe(200);

    const replies = await Promise.all([
      client.mutate('applications.assignMentor', { id: a.id, expectedVersion: a.version, mentorId: person.id }, one.cookie),
      client.mutate('applications.assignMentor', { id: b.id, expectedVersion: b.version, buddyId: person.id }, two.cookie),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 400]);
    const refused = replies.find((r) => r.status === 400)!;
    expect(Object.values(refused.body.error.data.fieldCodes)).toEqual([['mentor.at_capacity']]);
    const assigned = app.db
      .select({ id: applications.id })
      .from(applications)
      .where(or(eq(applications.mentorId, person.id), eq(applications.buddyId, person.id)))
      .all();
    expect(assigned).toHaveLength(2);
    const list = await client.query('mentors.list', {}, two.cookie);
    expect(list.body.result.data).toMatchObject([{ id: person.id, load: 2, capacity: 2, hasRoom: false }]);
  });

  it('a refused write answers its field errors with codes, in words a caseworker can act on', async () => {
    const app = await startServer();
    const api = await setupApi({ on: app });
    const client = httpClient(app.base);
    const { cookie } = await client.login('coord@muster.test');
    const schema = await client.mutate(
      'mentors.create',
      { name: 'PC Sam Lee', unit: 'METCC', place: 'Bow', capacity: 0, kind: 'both' },
      cookie,
    );
    expect(schema.status).toBe(400);
    expect(schema.body.error.data).toMatchObject({
      fieldErrors: { capacity: ['They must be able to take at least 1 joiner.'] },
      fieldCodes: { capacity: ['input.below_minimum'] },
    });
    const rule = await client.mutate(
      'mentors.create',
      { name: 'PC Sam Lee', unit: 'METCC', place: 'Gravesend', capacity: 2, kind: 'both' },
      cookie,
    );
    expect(rule.status).toBe(400);
    expect(rule.body.error).toMatchObject({
      message: 'Gravesend is not a place of Met Command and Control: choose one of its places.',
      data: {
        fieldErrors: { place: ['Gravesend is not a place of Met Command and Control: choose one of its places.'] },
        fieldCodes: { place: ['pool.place_not_of_unit'] },
      },
    });
    // Resourcing reads the pool but does not keep it.
    const res = await client.login('res@muster.test');
    const forbidden = await client.mutate(
      'mentors.create',
      { name: 'PC Sam Lee', unit: 'METCC', place: 'Bow', capacity: 2, kind: 'both' },
      res.cookie,
    );
    expect(forbidden.status).toBe(403);
    expect((await client.query('mentors.list', {}, res.cookie)).status).toBe(200);
    expect(app.db.select().from(mentors).all()).toEqual([]);
    expect(api.actors.coordinator.email).toBe('coord@muster.test');
  });
});
