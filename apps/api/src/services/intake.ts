import { randomUUID } from 'node:crypto';
import type { ImportJob, ImportReport, ImportRow, ImportRowResult, StartImportInput } from '@muster/contracts';
import { applications, duplicateFlags, preparedFor, type Db } from '@muster/db';
import { DomainError, duplicateKeys, parseCsv, readHeader, readImportRow, type PersonKeys } from '@muster/domain';
import { inArray, sql } from 'drizzle-orm';
import type { ServiceCtx } from './actor.ts';
import { appendEvent, candidateValues, type Tx } from './case-store.ts';

type Existing = { id: number; reference: string } & PersonKeys & Record<string, unknown>;

/** The columns compared to say whether a row already imported is unchanged. */
const comparedFields = [
  'route',
  'cohortYear',
  'firstName',
  'lastName',
  'email',
  'phone',
  'dateOfBirth',
  'currentForce',
  'rank',
  'warrantNumber',
  'joinedForceOn',
  'unitPreferences',
  'postingPreference',
  'specialistSkills',
] as const;

type Planned = {
  result: ImportRowResult;
  row: ImportRow | null;
  duplicateOf: { id: number | null; reference: string; matches: string[] }[];
};

/** Reads the database once for what an import is checked against. */
function loadExisting(tx: Tx | Db) {
  const people = tx
    .select({
      id: applications.id,
      reference: applications.reference,
      email: applications.email,
      currentForce: applications.currentForce,
      warrantNumber: applications.warrantNumber,
      firstName: applications.firstName,
      lastName: applications.lastName,
      dateOfBirth: applications.dateOfBirth,
    })
    .from(applications)
    .all();
  const byReference = new Map(people.map((p) => [p.reference, p]));
  const byKey = new Map<string, { id: number | null; reference: string }[]>();
  for (const p of people)
    for (const k of duplicateKeys(p)) byKey.set(k.key, [...(byKey.get(k.key) ?? []), { id: p.id, reference: p.reference }]);
  return { byReference, byKey };
}

function sameAsExisting(tx: Tx | Db, rows: { row: ImportRow; id: number }[]): Map<number, string[]> {
  const differences = new Map<number, string[]>();
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const stored = new Map(
      tx
        .select()
        .from(applications)
        .where(
          inArray(
            applications.id,
            chunk.map((r) => r.id),
          ),
        )
        .all()
        .map((a) => [a.id, a as unknown as Existing]),
    );
    for (const { row, id } of chunk) {
      const a = stored.get(id)!;
      const diff = comparedFields.filter((f) => JSON.stringify(a[f] ?? null) !== JSON.stringify(row[f] ?? null));
      differences.set(id, diff);
    }
  }
  return differences;
}

type Plan = { report: ImportReport; planned: Planned[] };
type Progress = { processed: number; total: number };

/**
 * Checks every row against the rules, the database and the rest of the file. A generator: it yields
 * its progress after each chunk of rows, so a caller may pause between chunks (runImport) or not (planImport).
 */
function* planSteps(tx: Tx | Db, input: StartImportInput): Generator<Progress, Plan> {
  let parsed: { line: number; fields: string[] }[];
  try {
    parsed = parseCsv(input.csv);
  } catch (e) {
    return { report: emptyReport(input, [(e as Error).message]), planned: [] };
  }
  const [header, ...body] = parsed;
  if (!header) return { report: emptyReport(input, ['The file has no header row.']), planned: [] };
  const { index, errors: headerErrors } = readHeader(header.fields);
  if (headerErrors.length) return { report: emptyReport(input, headerErrors), planned: [] };
  if (!body.length) return { report: emptyReport(input, ['The file has a header row but no applications.']), planned: [] };

  const { byReference, byKey } = loadExisting(tx);
  const linesByReference = new Map<string, number>();
  const planned: Planned[] = [];
  const matchedExisting: { row: ImportRow; id: number; at: number }[] = [];
  const chunk = 500;
  for (let i = 0; i < body.length; i++) {
    const { line, fields } = body[i]!;
    const read = readImportRow(fields, index);
    if (!read.row) {
      planned.push({
        result: { line, reference: read.reference, name: read.name, outcome: 'refused', errors: read.errors, duplicates: [] },
        row: null,
        duplicateOf: [],
      });
    } else {
      const row = read.row;
      const result: ImportRowResult = {
        line,
        reference: row.reference,
        name: `${row.firstName} ${row.lastName}`,
        outcome: 'create',
        errors: [],
        duplicates: [],
      };
      const earlierLine = linesByReference.get(row.reference);
      const existing = byReference.get(row.reference);
      if (earlierLine !== undefined) {
        result.outcome = 'refused';
        result.errors.push(`reference: ${row.reference} is also on line ${earlierLine}; each application appears once.`);
      } else if (existing) {
        result.outcome = 'unchanged';
        matchedExisting.push({ row, id: existing.id, at: planned.length });
      }
      linesByReference.set(row.reference, line);
      const duplicateOf: Planned['duplicateOf'] = [];
      if (result.outcome === 'create') {
        const seen = new Map<string, { id: number | null; reference: string; matches: string[] }>();
        for (const k of duplicateKeys({
          ...row,
          currentForce: row.currentForce ?? null,
          warrantNumber: row.warrantNumber ?? null,
        })) {
          for (const other of byKey.get(k.key) ?? []) {
            const entry = seen.get(other.reference) ?? { ...other, matches: [] };
            entry.matches.push(k.match);
            seen.set(other.reference, entry);
          }
          byKey.set(k.key, [...(byKey.get(k.key) ?? []), { id: null, reference: row.reference }]);
        }
        duplicateOf.push(...seen.values());
        result.duplicates = duplicateOf.map((d) => ({ reference: d.reference, matches: d.matches }));
      }
      planned.push({ result, row, duplicateOf });
    }
    if ((i + 1) % chunk === 0) yield { processed: i + 1, total: body.length };
  }
  const differences = sameAsExisting(tx, matchedExisting);
  for (const m of matchedExisting) {
    const diff = differences.get(m.id) ?? [];
    if (diff.length) {
      const p = planned[m.at]!;
      p.result.outcome = 'refused';
      p.result.errors.push(
        `reference: ${m.row.reference} was imported before with different details (${diff.join(', ')}); edit that case instead.`,
      );
    }
  }
  yield { processed: body.length, total: body.length };
  const rows = planned.map((p) => p.result);
  return {
    report: {
      fileName: input.fileName,
      isDryRun: input.isDryRun,
      isCommitted: false,
      counts: {
        create: rows.filter((r) => r.outcome === 'create').length,
        unchanged: rows.filter((r) => r.outcome === 'unchanged').length,
        refused: rows.filter((r) => r.outcome === 'refused').length,
        flagged: rows.filter((r) => r.outcome === 'create' && r.duplicates.length).length,
      },
      rows,
      fileErrors: [],
    },
    planned,
  };
}

/** The whole check, at once. */
export function planImport(tx: Tx | Db, input: StartImportInput): Plan {
  const steps = planSteps(tx, input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function emptyReport(input: StartImportInput, fileErrors: string[]): ImportReport {
  return {
    fileName: input.fileName,
    isDryRun: input.isDryRun,
    isCommitted: false,
    counts: { create: 0, unchanged: 0, refused: 0, flagged: 0 },
    rows: [],
    fileErrors,
  };
}

/** Writes every planned row in the caller's transaction. */
const importQueries = preparedFor((db) => {
  const p = (name: string) => sql.placeholder(name);
  return {
    insertApplication: db
      .insert(applications)
      .values({
        reference: p('reference'),
        route: p('route'),
        cohortYear: p('cohortYear'),
        firstName: p('firstName'),
        lastName: p('lastName'),
        email: p('email'),
        phone: p('phone'),
        dateOfBirth: p('dateOfBirth'),
        currentForce: p('currentForce'),
        rank: p('rank'),
        warrantNumber: p('warrantNumber'),
        joinedForceOn: p('joinedForceOn'),
        targetUnit: null,
        unitPreferences: p('unitPreferences'),
        postingPreference: p('postingPreference'),
        specialistSkills: p('specialistSkills'),
        stage: 'review',
        stageEnteredAt: p('at'),
        receivedAt: p('receivedAt'),
        createdAt: p('at'),
        updatedAt: p('at'),
      })
      .returning({ id: applications.id })
      .prepare(),
    insertFlag: db
      .insert(duplicateFlags)
      .values({ applicationId: p('applicationId'), duplicateOfId: p('duplicateOfId'), matches: p('matches'), createdAt: p('at') })
      .prepare(),
  };
});

function writeImport(tx: Tx, ctx: ServiceCtx, fileName: string, planned: Planned[]): void {
  const at = ctx.now().toISOString();
  const q = importQueries(tx);
  const idByReference = new Map<string, number>();
  for (const p of planned) {
    if (p.result.outcome !== 'create' || !p.row) continue;
    const r = p.row;
    const { id } = q.insertApplication.get({
      ...candidateValues(r),
      reference: r.reference,
      receivedAt: new Date(r.receivedAt).toISOString(),
      at,
    })!;
    idByReference.set(r.reference, id);
    appendEvent(tx, {
      applicationId: id,
      actorId: ctx.actor.id,
      at,
      type: 'imported',
      toStage: 'review',
      details: { fileName, line: p.result.line, route: r.route },
    });
    if (r.notes)
      appendEvent(tx, {
        applicationId: id,
        actorId: ctx.actor.id,
        at,
        type: 'note_added',
        details: { body: r.notes, fromImport: true },
      });
    for (const d of p.duplicateOf) {
      const duplicateOfId = d.id ?? idByReference.get(d.reference)!;
      q.insertFlag.run({ applicationId: id, duplicateOfId, matches: d.matches, at });
      appendEvent(tx, {
        applicationId: id,
        actorId: ctx.actor.id,
        at,
        type: 'duplicate_flagged',
        details: { duplicateOfId, duplicateOfReference: d.reference, matches: d.matches },
      });
    }
  }
}

/**
 * Checks the file and, unless it is a dry run, writes it: all or nothing. The check is made again
 * inside the write transaction so nothing that changed meanwhile slips through.
 */
export async function runImport(
  ctx: ServiceCtx,
  input: StartImportInput,
  onProgress: (phase: ImportJob['phase'], processed: number, total: number) => void | Promise<void> = () => {},
): Promise<ImportReport> {
  const steps = planSteps(ctx.db, input);
  let step = steps.next();
  while (!step.done) {
    await onProgress('checking', step.value.processed, step.value.total);
    step = steps.next();
  }
  const first = step.value;
  if (input.isDryRun || first.report.fileErrors.length || first.report.counts.refused > 0 || first.report.counts.create === 0) {
    return first.report;
  }
  await onProgress('writing', 0, first.report.counts.create);
  return ctx.db.transaction(
    (tx) => {
      const again = planImport(tx, input);
      if (again.report.counts.refused > 0 || again.report.counts.create !== first.report.counts.create) {
        throw new DomainError(
          'CONFLICT',
          'Cases changed while the file was being checked, and nothing was imported. Run the import again.',
        );
      }
      writeImport(tx, ctx, input.fileName, again.planned);
      return { ...again.report, isCommitted: true };
    },
    { behavior: 'immediate' },
  );
}

/* ---- background jobs for the dashboard's progress bar ---- */

type StoredJob = { job: ImportJob; ownerId: number; finishedAt: number | null };
const jobs = new Map<string, StoredJob>();
const keepJobsMs = 30 * 60_000;

export function startImportJob(ctx: ServiceCtx, input: StartImportInput): ImportJob {
  const now = Date.now();
  for (const [id, j] of jobs) if (j.finishedAt && now - j.finishedAt > keepJobsMs) jobs.delete(id);
  const job: ImportJob = { id: randomUUID(), phase: 'checking', processed: 0, total: 0, report: null, error: null };
  const stored: StoredJob = { job, ownerId: ctx.actor.id, finishedAt: null };
  jobs.set(job.id, stored);
  const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));
  runImport(ctx, input, async (phase, processed, total) => {
    Object.assign(job, { phase, processed, total });
    await breathe();
  })
    .then((report) => Object.assign(job, { phase: 'done', report, processed: job.total }))
    .catch((e: unknown) =>
      Object.assign(job, {
        phase: 'failed',
        error: e instanceof DomainError ? e.message : 'The import failed on our side; nothing was imported.',
      }),
    )
    .finally(() => (stored.finishedAt = Date.now()));
  return { ...job };
}

export function getImportJob(ctx: ServiceCtx, jobId: string): ImportJob {
  const stored = jobs.get(jobId);
  if (!stored || stored.ownerId !== ctx.actor.id)
    throw new DomainError('NOT_FOUND', 'There is no such import. It may have finished more than 30 minutes ago.');
  return { ...stored.job };
}
