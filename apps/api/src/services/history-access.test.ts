import { accessLog } from '@muster/db';
import { buildApplication } from '@muster/db/testing';
import { gt } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupApi } from '../testing.ts';

describe('reading a case’s history is a view of the case', () => {
  it('each history read is in the access log as `history`, for whoever read it; a refused read leaves no row', async () => {
    const api = await setupApi();
    const c = await api.as.resourcing.applications.create(buildApplication({ targetUnit: 'TSG' }));
    await api.as.resourcing.applications.addNote({ id: c.id, expectedVersion: c.version, body: 'Called about the start date.' });
    const last = api.db.select().from(accessLog).all().at(-1)!.id;

    expect((await api.as.resourcing.applications.history({ id: c.id })).items.map((e) => e.type)).toEqual([
      'note_added',
      'created',
    ]);
    await api.as.leadTsg.applications.history({ id: c.id });
    await expect(api.as.leadMetcc.applications.history({ id: c.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const rows = api.db.select().from(accessLog).where(gt(accessLog.id, last)).orderBy(accessLog.id).all();
    expect(rows.map((r) => [r.userId, r.applicationId, r.action, r.at])).toEqual([
      [api.actors.resourcing.id, c.id, 'history', api.clock.now.toISOString()],
      [api.actors.leadTsg.id, c.id, 'history', api.clock.now.toISOString()],
    ]);
    // The admin is shown them as such.
    const log = await api.as.admin.admin.accessLog({ applicationId: c.id });
    expect(log.items.slice(0, 2).map((i) => [i.userName, i.action])).toEqual([
      ['Tom TSG Lead', 'history'],
      ['Rita Resourcing', 'history'],
    ]);
  });
});
