import { inductionBookings, inductionCourses, mentors } from '@muster/db';
import { buildApplication } from '@muster/db/testing';
import { describe, expect, it } from 'vitest';
import { setupApi } from '../testing.ts';

describe('reference data for the forms', () => {
  it('shows each mentor’s real load and each course’s bookings', async () => {
    const api = await setupApi();
    const [m] = api.db
      .insert(mentors)
      .values({ name: 'PS Load Test', unitCode: 'METCC', place: 'Hendon', capacity: 2 })
      .returning()
      .all();
    // Cases put where they count (or not) through the rows the services would write.
    const newApplication = async () =>
      (await api.as.resourcing.applications.create(buildApplication({ targetUnit: 'METCC' }))).id;
    const [mentored, buddied, onboarded, third] = [
      await newApplication(),
      await newApplication(),
      await newApplication(),
      await newApplication(),
    ];
    const put = api.db.$client.prepare('UPDATE applications SET stage = ?, mentor_id = ?, buddy_id = ? WHERE id = ?');
    put.run('mentoring', m!.id, null, mentored);
    put.run('induction', null, m!.id, buddied);
    put.run('onboarded', m!.id, null, onboarded); // finished: no longer a load
    const pool = await api.as.coordinator.reference.mentors();
    expect(pool.find((p) => p.id === m!.id)).toMatchObject({ load: 2, capacity: 2, hasRoom: false });

    // Two courses after today (the clock is 23 November 2026): two cases booked on one, one on the other.
    const course = (startsOn: string, capacity: number) =>
      api.db.insert(inductionCourses).values({ startsOn, place: 'Hendon', capacity }).returning().get();
    const [january, february, empty] = [course('2027-01-11', 12), course('2027-02-08', 20), course('2027-03-08', 16)];
    const book = (applicationId: number, courseId: number) =>
      api.db
        .insert(inductionBookings)
        .values({
          applicationId,
          courseId,
          startDate: '2027-03-29',
          postingUnit: 'METCC',
          postingRole: 'First Contact',
          postingPlace: 'Lambeth',
          bookedBy: api.actors.coordinator.id,
          bookedAt: api.clock.now.toISOString(),
        })
        .run();
    book(mentored, january.id);
    book(buddied, january.id);
    book(third, february.id);

    const { inductionCourses: listed } = await api.as.coordinator.reference.all();
    const shown = (id: number) => listed.find((c) => c.id === id);
    expect([shown(january.id), shown(february.id), shown(empty.id)]).toEqual([
      { id: january.id, startsOn: '2027-01-11', place: 'Hendon', capacity: 12, booked: 2, waiting: 0 },
      { id: february.id, startsOn: '2027-02-08', place: 'Hendon', capacity: 20, booked: 1, waiting: 0 },
      { id: empty.id, startsOn: '2027-03-08', place: 'Hendon', capacity: 16, booked: 0, waiting: 0 },
    ]);
  });
});
