import { readFileSync } from 'node:fs';
import { importLimits, type ImportJob } from '@muster/contracts';
import { applicationEvents, applications, duplicateFlags } from '@muster/db';
import { buildApplication } from '@muster/db/testing';
import { TRPCError } from '@trpc/server';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { readHeader, readImportRow } from '@muster/domain';
import { setupApi } from '../testing.ts';
import { candidateValues } from './application-store.ts';
import { approxReportBytes, ImportJobStore, importJobs, runImport } from './intake.ts';

const sample = readFileSync(new URL('../../../../docs/samples/applications-sample.csv', import.meta.url), 'utf8');
const header = sample.split('\n')[0]!;

type Api = Awaited<ReturnType<typeof setupApi>>;
const base64 = (file: string | Uint8Array) => Buffer.from(file).toString('base64');

/** Starts an import as resourcing and follows it to its end; `seen` gets every status polled on the way. */
async function importCsv(api: Api, csv: string | Uint8Array, isDryRun: boolean, seen: ImportJob[] = []) {
  let job = await api.as.resourcing.imports.start({ content: base64(csv), isDryRun, fileName: 'test.csv' });
  const deadline = Date.now() + 60_000;
  while ((job.phase === 'checking' || job.phase === 'writing') && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 5));
    job = await api.as.resourcing.imports.status({ jobId: job.id });
    seen.push(job);
  }
  return job;
}

const count = (api: Api) =>
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
      { code: 'bad_header', message: 'The header row lacks these columns: warrant_number.' },
      { code: 'bad_header', message: 'The header row has columns Muster does not know: warrant.' },
    ]);
  });

  it('only resourcing may import, and a job is visible only to who started it', async () => {
    const api = await setupApi();
    await expect(api.as.leadTsg.imports.start({ content: base64(sample), isDryRun: true })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(api.as.admin.imports.start({ content: base64(sample), isDryRun: true })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
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

/* ---- imports that cannot hurt the server ---- */

type RowOptions = { email?: (i: number) => string; reference?: (i: number) => string; notes?: string };
/** A CSV of `n` valid transferee rows, each a different person unless told otherwise. */
function rowsCsv(n: number, o: RowOptions = {}): string {
  const lines = [header];
  for (let i = 1; i <= n; i++) {
    const ref = o.reference?.(i) ?? `T-${i}`;
    const email = o.email?.(i) ?? `person${i}@example.com`;
    lines.push(`${ref},2026-11-02,transferee,,Ann,Lee${i},${email},,1990-01-01,Kent Police,PC,,2015-01-01,,,,${o.notes ?? ''}`);
  }
  return `${lines.join('\n')}\n`;
}
const tableCount = (api: Api, table: typeof applications | typeof duplicateFlags | typeof applicationEvents) =>
  api.db
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .get()!.n;
const ctxOf = (api: Api) => ({
  db: api.db,
  config: api.config,
  now: () => api.clock.now,
  actor: { ...api.actors.resourcing },
});

describe('duplicates within one file are matched in linear time', () => {
  it('700 rows with one email: 699 flags, each to the first row, in a dry run and for real; the status answer stays small', async () => {
    const api = await setupApi();
    const csv = rowsCsv(700, { email: () => 'same@example.com' });
    const dry = await importCsv(api, csv, true);
    expect(dry.report!.counts).toEqual({ create: 700, unchanged: 0, refused: 0, flagged: 699 });
    expect(dry.report!.rows[1]!.duplicates).toEqual([{ reference: 'T-1', matches: ['same_email'] }]);
    expect(dry.report!.rows.every((r) => r.duplicates.length <= 1)).toBe(true);
    // Before: every pair (244,650 duplicate entries, a status answer of many MB).
    expect(JSON.stringify(dry).length).toBeLessThan(200_000);

    const real = await importCsv(api, csv, false);
    expect(real.report).toMatchObject({ isCommitted: true, counts: { create: 700, flagged: 699 } });
    expect(tableCount(api, duplicateFlags)).toBe(699);
    const first = api.db.select().from(applications).where(eq(applications.reference, 'T-1')).get()!;
    const flags = api.db.select().from(duplicateFlags).all();
    expect(new Set(flags.map((f) => f.duplicateOfId))).toEqual(new Set([first.id]));
    const flagEvents = api.db.select().from(applicationEvents).where(eq(applicationEvents.type, 'duplicate_flagged')).all();
    expect(flagEvents).toHaveLength(699);
  });

  it('links every row to an existing case with the key rather than to the file’s first row', async () => {
    const api = await setupApi();
    const existing = await api.as.resourcing.applications.create(buildApplication({ email: 'same@example.com' }));
    const job = await importCsv(api, rowsCsv(50, { email: () => 'same@example.com' }), false);
    expect(job.report!.counts.flagged).toBe(50);
    const flags = api.db.select().from(duplicateFlags).all();
    expect(flags).toHaveLength(50);
    expect(new Set(flags.map((f) => f.duplicateOfId))).toEqual(new Set([existing.id]));
  });

  it('a case created by hand is flagged against the earliest case per rule, however many share it', async () => {
    const api = await setupApi();
    const many = Array.from({ length: 30 }, () => buildApplication({ email: 'shared@example.com' }));
    const ids: number[] = [];
    for (const m of many) ids.push((await api.as.resourcing.applications.create(m)).id);
    const before = tableCount(api, duplicateFlags);
    // Before: one flag for each of the 29 earlier cases, for each new one (435 in all).
    expect(before).toBe(29);
    const next = await api.as.resourcing.applications.create(buildApplication({ email: 'shared@example.com' }));
    const flags = api.db.select().from(duplicateFlags).where(eq(duplicateFlags.applicationId, next.id)).all();
    expect(flags.map((f) => [f.duplicateOfId, f.matches])).toEqual([[ids[0], ['same_email']]]);
  });
});

describe('limits, refused in plain words naming them', () => {
  it('a file with more than 25,000 applications is refused before its rows are read', async () => {
    const api = await setupApi();
    const job = await importCsv(api, `${header}\n${'x\n'.repeat(importLimits.maxRows + 1)}`, true);
    expect(job.report!.fileErrors).toEqual([
      {
        code: 'too_many_rows',
        message: 'The file has 25,001 applications; Muster imports at most 25,000 at a time. Split it into smaller files.',
      },
    ]);
    expect(job.report!.rows).toEqual([]);
  });

  it('a value over 10,000 characters is refused, naming its line and column', async () => {
    const api = await setupApi();
    const job = await importCsv(api, rowsCsv(3, { notes: 'n'.repeat(importLimits.maxFieldChars + 1) }), true);
    expect(job.report!.fileErrors).toEqual([
      { code: 'field_too_long', message: expect.stringMatching(/^Line 2 has a value of over 10,000 characters in notes;/) },
    ]);
  });

  it('a file over 6 MB is refused by the API with its size, and by runImport (the CLI) too', async () => {
    const api = await setupApi();
    const tooBig = new Uint8Array(importLimits.maxFileBytes + 1).fill(0x41);
    await expect(api.as.resourcing.imports.start({ content: base64(tooBig), isDryRun: true })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining(
        'The file is 6.1 MB; Muster imports files of at most 6 MB (about 25,000 applications) at a time. Split it into smaller files.',
      ),
    });
    const report = await runImport(ctxOf(api), { fileName: 'big.csv', bytes: tooBig, isDryRun: true });
    expect(report.fileErrors.map((e) => e.code)).toEqual(['too_large']);
  });

  it('refuses content that is not base64', async () => {
    const api = await setupApi();
    await expect(api.as.resourcing.imports.start({ content: 'reference,first_name', isDryRun: true })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('a report lists at most 500 rows of each kind, with every count, and says how many it leaves out', async () => {
    const api = await setupApi();
    const job = await importCsv(api, rowsCsv(1_200), true);
    expect(job.report!.counts).toMatchObject({ create: 1_200 });
    expect(job.report!.rows).toHaveLength(500);
    expect(job.report!.rowsNotListed).toBe(700);
    const refused = await importCsv(api, rowsCsv(800, { email: () => 'not-an-email' }), true);
    expect(refused.report!.counts.refused).toBe(800);
    expect(refused.report!.rows).toHaveLength(500);
    expect(refused.report!.rows.every((r) => r.outcome === 'refused' && r.errors.length)).toBe(true);
  });
});

describe('encodings', () => {
  const cp1252 = (s: string) => Buffer.from(s, 'latin1');

  it('reads a Windows-1252 file (Excel’s “CSV”) as such, with a notice, and never turns José into Jos�', async () => {
    const api = await setupApi();
    const csv = `${header}\nW-1,2026-11-02,transferee,,José,Ó Briain,jose@example.com,,1990-01-01,Kent Police,PC,,2015-01-01,,,,Café\n`;
    const job = await importCsv(api, cp1252(csv), false);
    expect(job.report).toMatchObject({
      isCommitted: true,
      encoding: 'windows-1252',
      notices: [
        {
          code: 'windows_1252',
          message:
            "This file was saved as Windows-1252 (Excel's 'CSV'); Muster read it as such. Check the names look right, or save as 'CSV UTF-8' next time.",
        },
      ],
    });
    const row = api.db.select().from(applications).where(eq(applications.reference, 'W-1')).get()!;
    expect([row.firstName, row.lastName]).toEqual(['José', 'Ó Briain']);
    const utf8 = await importCsv(api, Buffer.from(`\ufeff${csv.replace('W-1', 'U-1')}`, 'utf8'), true);
    expect(utf8.report).toMatchObject({ encoding: 'utf-8', notices: [], counts: { create: 1 } });
  });

  it('refuses a UTF-16 file, saying how to save it as CSV UTF-8', async () => {
    const api = await setupApi();
    const job = await importCsv(api, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')]), true);
    expect(job.report!.fileErrors).toEqual([{ code: 'utf16', message: expect.stringContaining("'CSV UTF-8") }]);
  });

  it('refuses a row with a NUL or other control character, line by line', async () => {
    const api = await setupApi();
    const csv = rowsCsv(3).replace('Lee2', 'Le\u0000e2').replace('Lee3', 'Lee\u00073');
    const job = await importCsv(api, csv, false);
    expect(job.report!.rows.filter((r) => r.outcome === 'refused').map((r) => [r.line, r.errors])).toEqual([
      [
        3,
        ['last_name: has a control character (U+0000), which is not text: the file may be damaged. Remove it and import again.'],
      ],
      [
        4,
        ['last_name: has a control character (U+0007), which is not text: the file may be damaged. Remove it and import again.'],
      ],
    ]);
    expect(count(api)).toBe(0);
  });
});

describe('the write phase, in slices', () => {
  it('answers other requests while it writes: the status is seen part-way through the write', async () => {
    const api = await setupApi();
    const seen: ImportJob[] = [];
    const job = await importCsv(api, rowsCsv(3_000), false, seen);
    expect(job.report!.isCommitted).toBe(true);
    const partWay = seen.filter((j) => j.phase === 'writing' && j.processed > 0 && j.processed < j.total);
    // One transaction for the lot would go from "writing 0" straight to "done".
    expect(partWay.length).toBeGreaterThan(0);
    expect(count(api)).toBe(3_000);
  });

  it('stopped part-way (a slice fails), the same file imported again completes it: every row and flag exactly once', async () => {
    const api = await setupApi();
    const csv = rowsCsv(10, { email: (i) => (i % 2 ? 'odd@example.com' : `even${i}@example.com`) });
    // The 8th row cannot be written: the slice of rows 7–9 fails after rows 1–6 were written in two slices.
    api.db.$client.exec(
      `CREATE TRIGGER fail_t8 BEFORE INSERT ON applications WHEN NEW.reference = 'T-8' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`,
    );
    await expect(
      runImport(ctxOf(api), { fileName: 'f.csv', bytes: Buffer.from(csv), isDryRun: false }, { sliceRows: 3, sliceMs: Infinity }),
    ).rejects.toThrow('The import stopped part-way: 6 of 10 applications were imported. Import the same file again to finish it');
    expect(count(api)).toBe(6);
    api.db.$client.exec('DROP TRIGGER fail_t8');

    const again = await runImport(
      ctxOf(api),
      { fileName: 'f.csv', bytes: Buffer.from(csv), isDryRun: false },
      { sliceRows: 3, sliceMs: Infinity },
    );
    expect(again).toMatchObject({ isCommitted: true, counts: { create: 4, unchanged: 6, refused: 0 } });
    const refs = api.db.select({ reference: applications.reference }).from(applications).all();
    expect(refs.map((r) => r.reference).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `T-${i + 1}`).sort());
    // The odd rows share an email: T-3, T-5, T-7, T-9 each flagged once, against T-1, as one run would have.
    const t1 = api.db.select().from(applications).where(eq(applications.reference, 'T-1')).get()!;
    const flags = api.db.select().from(duplicateFlags).all();
    expect(flags).toHaveLength(4);
    expect(new Set(flags.map((f) => f.duplicateOfId))).toEqual(new Set([t1.id]));
    const imported = api.db.select().from(applicationEvents).where(eq(applicationEvents.type, 'imported')).all();
    expect(imported).toHaveLength(10);
  });

  it('each slice checks its rows again: a reference created meanwhile with the same details is left alone, with others it stops', async () => {
    const api = await setupApi();
    const csv = rowsCsv(6);
    const sameAsRow5 = readImport(csv, 5);
    const report = await runImport(
      ctxOf(api),
      { fileName: 'f.csv', bytes: Buffer.from(csv), isDryRun: false },
      {
        sliceRows: 2,
        sliceMs: Infinity,
        onProgress: (phase, processed) => {
          // After the first slice, someone else imports row 5 (the same details) from another file.
          if (phase === 'writing' && processed === 2) insertRow(api, sameAsRow5);
        },
      },
    );
    expect(report).toMatchObject({ isCommitted: true, counts: { create: 5, unchanged: 1 } });
    expect(count(api)).toBe(6);

    const other = await setupApi();
    const stopped = runImport(
      ctxOf(other),
      { fileName: 'f.csv', bytes: Buffer.from(csv), isDryRun: false },
      {
        sliceRows: 2,
        sliceMs: Infinity,
        onProgress: (phase, processed) => {
          if (phase === 'writing' && processed === 2) insertRow(other, { ...sameAsRow5, email: 'someone.else@example.com' });
        },
      },
    );
    await expect(stopped).rejects.toThrow(
      /^Line 6 \(T-5\) was created by someone else while this file was being imported, with different details \(email\)\. 4 of 6 applications were imported/,
    );
    expect(count(other)).toBe(5);
  });

  it('runs one import at a time, refusing a second with who and how far the first has got', async () => {
    const api = await setupApi();
    const first = await api.as.resourcing.imports.start({ content: base64(rowsCsv(2_000)), isDryRun: true });
    await expect(api.as.resourcing.imports.start({ content: base64(sample), isDryRun: true })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(
        /^Another import is running \(your import of upload\.csv, checking \d+ of [\d,]+ rows\)\. Muster runs one import at a time/,
      ),
    });
    let job = first;
    while (job.phase !== 'done') {
      await new Promise((r) => setTimeout(r, 5));
      job = await api.as.resourcing.imports.status({ jobId: first.id });
    }
    expect((await importCsv(api, sample, true)).report!.counts.create).toBe(8);
  });
});

describe('finished reports kept', () => {
  const done = (id: string, rows: number): Parameters<ImportJobStore['start']>[1] => ({
    job: {
      id,
      phase: 'done',
      processed: rows,
      total: rows,
      error: null,
      report: {
        fileName: 'f.csv',
        isDryRun: true,
        isCommitted: false,
        encoding: 'utf-8',
        counts: { create: rows, unchanged: 0, refused: 0, flagged: 0 },
        rows: Array.from({ length: rows }, (_, i) => ({
          line: i + 2,
          reference: `R-${i}`,
          name: 'Ann Lee',
          outcome: 'create' as const,
          errors: [],
          duplicates: [],
        })),
        rowsNotListed: 0,
        fileErrors: [],
        notices: [],
      },
    },
    ownerId: 1,
    ownerName: 'Rita',
    fileName: 'f.csv',
    finishedAt: null,
    bytes: 0,
  });

  it('keeps at most so many, and about so many bytes, dropping the oldest first; and none past their age', () => {
    const db = {};
    const store = new ImportJobStore({ maxFinished: 3, maxBytes: 10_000_000, keepMs: 60_000 });
    for (let i = 0; i < 5; i++) {
      const j = done(`job-${i}`, 10);
      store.start(db, j);
      store.finish(db, j, 1_000 + i);
    }
    expect(store.stats().finished).toBe(3);
    expect(['job-0', 'job-1', 'job-2', 'job-3', 'job-4'].map((id) => store.get(id, 2_000) !== undefined)).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);

    const perReport = approxReportBytes(done('x', 500).job.report);
    expect(perReport).toBeGreaterThan(500 * 100);
    const bySize = new ImportJobStore({ maxFinished: 100, maxBytes: perReport * 2.5, keepMs: 60_000 });
    for (let i = 0; i < 6; i++) {
      const j = done(`big-${i}`, 500);
      bySize.start(db, j);
      bySize.finish(db, j, 1_000);
    }
    expect(bySize.stats().finished).toBe(2);
    expect(bySize.stats().approxBytes).toBeLessThanOrEqual(perReport * 2.5);
    expect(bySize.get('big-5', 1_000)).toBeDefined();
    expect(bySize.get('big-5', 1_000 + 60_001)).toBeUndefined();
  });

  it('the server’s own store stays within its limits after many imports', async () => {
    const api = await setupApi();
    for (let i = 0; i < 60; i++) await importCsv(api, sample, true);
    const { finished, approxBytes } = importJobs.stats();
    expect(finished).toBeLessThanOrEqual(importJobs.limits.maxFinished);
    expect(approxBytes).toBeLessThanOrEqual(importJobs.limits.maxBytes);
  });
});

/** Row `i` (1-based) of a CSV, read as the import reads it. */
function readImport(csv: string, i: number) {
  const lines = csv.trim().split('\n');
  const { index } = readHeader(lines[0]!.split(','));
  const read = readImportRow(lines[i]!.split(','), index, '2026-12-02');
  if (!read.row) throw new Error(read.errors.join(' '));
  return read.row;
}

/** Writes a case for an import row as another import would (the same columns), outside the import under test. */
function insertRow(api: Api, row: ReturnType<typeof readImport>) {
  const at = api.clock.now.toISOString();
  api.db
    .insert(applications)
    .values({
      ...candidateValues(row),
      reference: row.reference,
      stage: 'review',
      stageEnteredAt: at,
      receivedAt: new Date(row.receivedAt).toISOString(),
      createdAt: at,
      updatedAt: at,
    })
    .run();
}
