import { mentors } from '@muster/db';
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
    // A case at mentoring with this mentor: put it there through the rows the services would write.
    const c = await api.as.resourcing.applications.create(buildApplication({ targetUnit: 'METCC' }));
    api.db.$client.prepare("UPDATE applications SET stage = 'mentoring', mentor_id = ? WHERE id = ?").run(m!.id, c.id);
    const pool = await api.as.coordinator.reference.mentors();
    expect(pool.find((p) => p.id === m!.id)).toMatchObject({ load: 1, capacity: 2 });
  });
});
