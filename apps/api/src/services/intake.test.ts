import { readFileSync } from 'node:fs';
import { applicationEvents, applications, duplicateFlags } from '@muster/db';
import { buildApplication } from '@muster/db/testing';
import { TRPCError } from '@trpc/server';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupApi } from '../testing.ts';

const sample = readFileSync(new URL('../../../../docs/samples/applications-sample.csv', import.meta.url), 'utf8');
const header = sample.split('\n')[0]!;

async function importCsv(api: Awaited<ReturnType<typeof setupApi>>, csv: string, isDryRun: boolean) {
  let job = await api.as.resourcing.imports.start({ csv, isDryRun, fileName: 'test.csv' });
  for (let i = 0; i < 200 && (job.phase === 'checking' || job.phase === 'writing'); i++) {
    await new Promise((r) => setTimeout(r, 10));
    job = await api.as.resourcing.imports.status({ jobId: job.id });
  }
  return job;
}

const count = (api: Awaited<ReturnType<typeof setupApi>>) =>
  api.db
    .select({ n: sql<number>`count(*)` })
    .from(applications)
    .get()!.n;

describe('importing the application form export', () => {
  it('a dry run reports every row and writes nothing', async () => {
    const api = await setupApi();
    const job = await importCsv(api, sample, true);
    expect(job.phase).toBe('done');
    expect(job.report!.counts).toEqual({ create: 8, unchanged: 0, refused: 0, flagged: 0 });
    expect(job.report!.rows.map((r) => [r.line, r.reference, r.outcome])).toContainEqual([3, 'APP-2026-10002', 'create']);
    expect(job.report!.isCommitted).toBe(false);
    expect(count(api)).toBe(0);
  });

  it('imports a good file, with history and notes, and importing it again creates nothing', async () => {
    const api = await setupApi();
    const first = await importCsv(api, sample, false);
    expect(first.report).toMatchObject({ isCommitted: true, counts: { create: 8, refused: 0 } });
    expect(count(api)).toBe(8);
    const liam = api.db.select().from(applications).where(eq(applications.reference, 'APP-2026-10002')).get()!;
    expect(liam).toMatchObject({
      stage: 'review',
      currentForce: 'Essex Police',
      rank: 'DC',
      unitPreferences: ['CT', 'SOIT'],
      specialistSkills: ['Detective (PIP2)'],
      assigneeId: null,
    });
    expect(liam.receivedAt).toBe('2026-11-02T00:00:00.000Z');
    const events = api.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, liam.id)).all();
    expect(events.map((e) => e.type)).toEqual(['imported', 'note_added']);
    expect(events[1]!.details).toMatchObject({ body: 'Asked whether CT vacancies are open, and about relocation' });

    const again = await importCsv(api, sample, false);
    expect(again.report).toMatchObject({ isCommitted: false, counts: { create: 0, unchanged: 8, refused: 0 } });
    expect(count(api)).toBe(8);
  });

  it('refuses bad rows one by one, naming the column, and then imports nothing at all', async () => {
    const api = await setupApi();
    const bad = [
      header,
      'APP-1,2026-11-02,transferee,,Ann,Lee,ann.lee@example.com,,1990-01-01,Kent Police,PC,K1,2015-01-01,SNT,,,',
      'APP-2,2026-11-02,transferee,,Bob,Ray,not-an-email,,1990-01-01,Police Scotland,SGT,,2015-01-01,SNT;XYZ,,,',
      'APP-3,yesterday,police_now_nglp,,Cat,Dee,cat@example.com,,1999-02-30,Kent Police,,,,,,,',
      'APP-1,2026-11-03,transferee,,Dan,Roe,dan@example.com,,1990-01-01,Kent Police,PC,K2,2015-01-01,,,,',
    ].join('\n');
    const job = await importCsv(api, bad, false);
    const rows = job.report!.rows;
    expect(job.report!.counts).toMatchObject({ create: 1, refused: 3 });
    expect(rows[0]!.outcome).toBe('create');
    expect(rows[1]!.errors).toEqual(
      expect.arrayContaining([
        'email: Enter an email address like name@example.com.',
        expect.stringMatching(/^rank: /),
        expect.stringMatching(/^unit_preferences: /),
        expect.stringMatching(/^current_force: "Police Scotland" is not one of the other 42 Home Office forces/),
      ]),
    );
    expect(rows[2]!.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^received_at: /),
        'cohort_year: Enter the Police Now cohort year.',
        'date_of_birth: Enter a real date as YYYY-MM-DD.',
        'current_force: Leave this empty for a Police Now applicant.',
      ]),
    );
    expect(rows[3]!.errors).toEqual(['reference: APP-1 is also on line 2; each application appears once.']);
    expect(job.report!.isCommitted).toBe(false);
    expect(count(api)).toBe(0);
  });

  it('refuses a reference already imported with different details', async () => {
    const api = await setupApi();
    await importCsv(api, sample, false);
    const changed = sample.replace('hannah.osei@example.com', 'h.osei@example.com');
    const job = await importCsv(api, changed, false);
    expect(job.report!.rows[0]!.errors).toEqual([
      'reference: APP-2026-10001 was imported before with different details (email); edit that case instead.',
    ]);
    expect(api.db.select().from(applications).where(eq(applications.reference, 'APP-2026-10001')).get()!.email).toBe(
      'hannah.osei@example.com',
    );
  });

  it('reports a file whose header is wrong without looking at the rows', async () => {
    const api = await setupApi();
    const job = await importCsv(api, sample.replace('warrant_number', 'warrant'), true);
    expect(job.report!.fileErrors).toEqual([
      'The header row lacks these columns: warrant_number.',
      'The header row has columns Muster does not know: warrant.',
    ]);
  });

  it('only resourcing may import, and a job is visible only to who started it', async () => {
    const api = await setupApi();
    await expect(api.as.leadTsg.imports.start({ csv: sample, isDryRun: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(api.as.admin.imports.start({ csv: sample, isDryRun: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('duplicates', () => {
  it('flags an imported row that matches an existing case and another row, and merging keeps the older case', async () => {
    const api = await setupApi();
    const existing = await api.as.resourcing.applications.create(
      buildApplication({
        firstName: 'Hannah',
        lastName: 'Osei',
        email: 'hannah.osei@example.com',
        dateOfBirth: '1991-06-12',
        phone: null,
      }),
    );
    const job = await importCsv(api, sample, false);
    expect(job.report!.rows[0]!.duplicates).toEqual([
      { reference: existing.reference, matches: ['same_email', 'same_name_dob'] },
    ]);
    expect(job.report!.counts.flagged).toBe(1);

    const [flag] = await api.as.resourcing.duplicates.list({ status: 'open' });
    expect(flag).toMatchObject({
      matches: ['same_email', 'same_name_dob'],
      duplicateOf: { id: existing.id },
      application: { reference: 'APP-2026-10001' },
    });
    await expect(
      api.as.resourcing.duplicates.merge({
        flagId: flag!.id,
        expectedVersion: flag!.application.version + 1,
        reason: 'Same officer',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    await api.as.resourcing.duplicates.merge({
      flagId: flag!.id,
      expectedVersion: flag!.application.version,
      reason: 'Same officer, applied twice',
    });
    const merged = await api.as.resourcing.applications.get({ id: flag!.application.id });
    expect(merged).toMatchObject({
      stage: 'withdrawn',
      closedFromStage: 'review',
      closeReason: `Merged into ${existing.reference}: Same officer, applied twice`,
    });
    const kept = await api.as.resourcing.applications.get({ id: existing.id });
    expect(kept.phone).toBe('07700 900101');
    expect(kept.specialistSkills).toEqual(['Advanced driver', 'Taser trained']);
    const keptHistory = await api.as.resourcing.applications.history({ id: existing.id });
    expect(keptHistory.items[0]).toMatchObject({
      type: 'duplicate_merged',
      reason: 'Same officer, applied twice',
      actor: { name: 'Rita Resourcing' },
    });
    expect(await api.as.resourcing.duplicates.list({ status: 'open' })).toEqual([]);
    await expect(
      api.as.resourcing.duplicates.dismiss({ flagId: flag!.id, expectedVersion: merged.version, reason: 'x'.repeat(5) }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('flags a case created by hand, and dismissing leaves both open with the reason in both histories', async () => {
    const api = await setupApi();
    const a = await api.as.resourcing.applications.create(
      buildApplication({ currentForce: 'Kent Police', warrantNumber: 'K777' }),
    );
    const b = await api.as.resourcing.applications.create(
      buildApplication({ currentForce: 'Kent Police', warrantNumber: 'K777' }),
    );
    const [flag] = await api.as.resourcing.duplicates.list({ status: 'open', applicationId: b.id });
    expect(flag).toMatchObject({
      matches: ['same_warrant'],
      duplicateOf: { id: a.id, currentForce: 'Kent Police', warrantNumber: 'K777' },
    });
    const queue = await api.as.resourcing.triage.queue({});
    expect(queue.items.map((i) => [i.id, i.openDuplicateFlags])).toEqual([
      [a.id, 0],
      [b.id, 1],
    ]);
    const fresh = await api.as.resourcing.applications.get({ id: b.id });
    await api.as.resourcing.duplicates.dismiss({
      flagId: flag!.id,
      expectedVersion: fresh.version,
      reason: 'Warrant numbers reused by Kent; different officers',
    });
    for (const [id, other] of [
      [a.id, b],
      [b.id, a],
    ] as const) {
      const h = await api.as.resourcing.applications.history({ id });
      expect(h.items[0]).toMatchObject({
        type: 'duplicate_dismissed',
        reason: 'Warrant numbers reused by Kent; different officers',
        details: { otherReference: other.reference },
      });
    }
    expect((await api.as.resourcing.applications.get({ id: b.id })).stage).toBe('review');
    expect(api.db.select().from(duplicateFlags).get()!.status).toBe('dismissed');
  });
});

describe('triage queue', () => {
  it('lists unassigned new applications oldest first with overdue marks, and assigns them singly or in bulk', async () => {
    const api = await setupApi({ now: new Date('2026-11-23T10:00:00Z') });
    const old = await api.as.resourcing.applications.create(buildApplication({ receivedAt: '2026-11-01T09:00:00Z' }));
    const mid = await api.as.resourcing.applications.create(buildApplication({ receivedAt: '2026-11-15T09:00:00Z' }));
    const fresh = await api.as.resourcing.applications.create(buildApplication({ receivedAt: '2026-11-22T09:00:00Z' }));
    const q = await api.as.resourcing.triage.queue({});
    expect(q.items.map((i) => [i.id, i.daysSinceReceived, i.isOverdue])).toEqual([
      [old.id, 22, true],
      [mid.id, 8, false],
      [fresh.id, 1, false],
    ]);
    expect((await api.as.resourcing.triage.queue({ isOverdue: true })).items.map((i) => i.id)).toEqual([old.id]);

    await api.as.resourcing.triage.assign({ cases: [{ id: old.id, expectedVersion: old.version }], assignee: 'me' });
    expect((await api.as.resourcing.triage.queue({})).items.map((i) => i.id)).toEqual([mid.id, fresh.id]);
    const mine = await api.as.resourcing.triage.queue({ assignee: 'me' });
    expect(mine.items).toMatchObject([{ id: old.id, assignee: { name: 'Rita Resourcing' } }]);
    expect((await api.as.resourcing.applications.get({ id: old.id })).assignee).toEqual({
      id: api.actors.resourcing.id,
      name: 'Rita Resourcing',
    });

    // Bulk: all or nothing — one stale version refuses the lot.
    await expect(
      api.as.resourcing.triage.assign({
        cases: [
          { id: mid.id, expectedVersion: mid.version },
          { id: fresh.id, expectedVersion: 99 },
        ],
        assignee: api.actors.resourcing.id,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await api.as.resourcing.triage.queue({})).items).toHaveLength(2);
    await api.as.resourcing.triage.assign({
      cases: [
        { id: mid.id, expectedVersion: mid.version },
        { id: fresh.id, expectedVersion: fresh.version },
      ],
      assignee: api.actors.resourcing.id,
    });
    expect((await api.as.resourcing.triage.queue({})).items).toEqual([]);
    const history = await api.as.resourcing.applications.history({ id: mid.id });
    expect(history.items[0]).toMatchObject({ type: 'assigned', details: { assignee: { name: 'Rita Resourcing' } } });

    await expect(
      api.as.resourcing.triage.assign({
        cases: [{ id: mid.id, expectedVersion: mid.version + 1 }],
        assignee: api.actors.leadTsg.id,
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('keeps saved views per user', async () => {
    const api = await setupApi();
    await api.as.resourcing.triage.saveView({ name: 'Overdue TSG', filters: { unit: 'TSG', isOverdue: true } });
    await api.as.resourcing.triage.saveView({
      name: 'Overdue TSG',
      filters: { unit: 'TSG', isOverdue: true, route: 'transferee' },
    });
    const views = await api.as.resourcing.triage.views();
    expect(views).toEqual([
      {
        id: expect.any(Number),
        name: 'Overdue TSG',
        filters: { unit: 'TSG', isOverdue: true, route: 'transferee', stage: 'review', assignee: 'unassigned' },
      },
    ]);
    await expect(api.as.resourcing.triage.deleteView({ id: views[0]!.id + 100 })).rejects.toBeInstanceOf(TRPCError);
    await api.as.resourcing.triage.deleteView({ id: views[0]!.id });
    expect(await api.as.resourcing.triage.views()).toEqual([]);
    await expect(api.as.coordinator.triage.views()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
