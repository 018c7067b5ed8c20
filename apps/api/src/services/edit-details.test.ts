import { buildApplication } from '@muster/db/testing';
import { describe, expect, it } from 'vitest';
import { setupApi } from '../testing.ts';

describe('editing a candidate’s details', () => {
  it('records each changed field in the history and flags a new duplicate match', async () => {
    const api = await setupApi();
    const other = await api.as.resourcing.applications.create(buildApplication({ email: 'taken@example.com' }));
    const c = await api.as.resourcing.applications.create(buildApplication({ email: 'mine@example.com' }));
    const { id, expectedVersion: _v, ...fields } = { id: c.id, expectedVersion: c.version, ...buildApplication() };
    const updated = await api.as.resourcing.applications.update({
      ...fields,
      id,
      expectedVersion: c.version,
      firstName: c.firstName,
      lastName: c.lastName,
      email: 'taken@example.com',
      phone: '020 7230 1212',
      unitPreferences: ['MO3', 'CT'],
      postingPreference: 'MO3',
      dateOfBirth: c.dateOfBirth ?? '',
      warrantNumber: c.warrantNumber,
    });
    expect(updated).toMatchObject({ email: 'taken@example.com', unitPreferences: ['MO3', 'CT'], version: c.version + 1 });
    const history = await api.as.resourcing.applications.history({ id: c.id });
    const edit = history.items.find((e) => e.type === 'details_edited')!;
    expect(edit.details).toMatchObject({
      changes: {
        email: { from: 'mine@example.com', to: 'taken@example.com' },
        unitPreferences: { from: [], to: ['MO3', 'CT'] },
        postingPreference: { from: null, to: 'MO3' },
      },
    });
    expect(Object.keys((edit.details as { changes: object }).changes)).not.toContain('route');
    expect(history.items[0]).toMatchObject({
      type: 'duplicate_flagged',
      details: { duplicateOfId: other.id, matches: ['same_email'] },
    });
  });

  it('refuses a stale version, an empty change and a Police Now applicant with a force, changing nothing', async () => {
    const api = await setupApi();
    const c = await api.as.resourcing.applications.create(buildApplication());
    const base = {
      ...buildApplication(),
      firstName: c.firstName,
      lastName: c.lastName,
      email: c.email,
      warrantNumber: c.warrantNumber,
      id: c.id,
    };
    await expect(api.as.resourcing.applications.update({ ...base, expectedVersion: c.version + 1 })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(api.as.resourcing.applications.update({ ...base, expectedVersion: c.version })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Nothing changed: the details are as they were.',
    });
    await expect(
      api.as.resourcing.applications.update({ ...base, expectedVersion: c.version, route: 'police_now_nglp', cohortYear: 2027 }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(
      api.as.leadTsg.applications.update({ ...base, expectedVersion: c.version, phone: '01234 567890' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await api.as.resourcing.applications.get({ id: c.id })).version).toBe(c.version);
  });
});
