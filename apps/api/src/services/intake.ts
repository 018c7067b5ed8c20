import { randomUUID } from 'node:crypto';
import {
  importLimitMessages,
  importLimits,
  importReportRowsListed,
  type ImportFileError,
  type ImportFileErrorCode,
  type ImportJob,
  type ImportJobInput,
  type ImportNotice,
  type ImportReport,
  type ImportRow,
  type ImportRowResult,
  type StartImportInput,
} from '@muster/contracts';
import { applications, duplicateFlags, preparedFor, type Db } from '@muster/db';
import {
  controlCharacterIn,
  countRows,
  CsvError,
  decodeTextFile,
  DomainError,
  DuplicateIndex,
  duplicateKeys,
  readCsv,
  readHeader,
  readImportRow,
  textFileMessages,
  type DuplicateLink,
  type PersonKeys,
} from '@muster/domain';
import { asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Logger } from '../logger.ts';
import type { ServiceCtx } from './service-ctx.ts';
import { appendEvent, candidateValues, type Tx } from './application-store.ts';
import { personColumns } from './duplicates.ts';

/** A file to import: its bytes as saved (the encoding is worked out from them). */
export type ImportFile = { fileName: string; bytes: Uint8Array; isDryRun: boolean };

/** The API's input carries the bytes base64-encoded. */
export function importFileOf(input: StartImportInput): ImportFile {
  return { fileName: input.fileName, isDryRun: input.isDryRun, bytes: Buffer.from(input.content, 'base64') };
}

/**
 * How the write phase is cut (docs/decisions/0009): a transaction takes at most `sliceRows`
 * applications and ends after the row that takes it past `sliceMs` of work, whichever comes first;
 * between two slices the server answers everyone else's requests. Chosen by measurement
 * (docs/BENCHMARKS.md): a slice then holds the server up for about a tenth of a second however
 * loaded the machine. A setting, so the benchmark can compare one transaction for the whole file.
 */
export const importSettings = { sliceRows: 500, sliceMs: 100 };

export type ImportOptions = {
  onProgress?: (phase: ImportJob['phase'], processed: number, total: number) => void;
  sliceRows?: number;
  sliceMs?: number;
  /** Rows of each kind the report lists (the counts cover every row); the CLI lists them all. */
  rowsListed?: number;
};

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

type Planned = { result: ImportRowResult; row: ImportRow; links: DuplicateLink[] };

type Plan = {
  fileName: string;
  isDryRun: boolean;
  encoding: ImportReport['encoding'];
  notices: ImportNotice[];
  fileErrors: ImportFileError[];
  /** Every row's outcome, in file order. */
  results: ImportRowResult[];
  /** The rows to create, in file order. */
  creates: Planned[];
  /** Who is first under each duplicate key: existing cases by id, then the file's rows. */
  index: DuplicateIndex;
  /** The highest case id when the file was checked: cases above it were created meanwhile. */
  maxId: number;
};
type Progress = { processed: number; total: number };

const personOf = (row: ImportRow): PersonKeys => ({
  email: row.email,
  currentForce: row.currentForce ?? null,
  warrantNumber: row.warrantNumber ?? null,
  firstName: row.firstName,
  lastName: row.lastName,
  dateOfBirth: row.dateOfBirth,
});

/** The compared fields in which each stored case differs from its row. */
function differences(db: Tx | Db, rows: { row: ImportRow; id: number }[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (!rows.length) return out;
  const stored = new Map(
    db
      .select()
      .from(applications)
      .where(
        inArray(
          applications.id,
          rows.map((r) => r.id),
        ),
      )
      .all()
      .map((a) => [a.id, a as unknown as Record<string, unknown>]),
  );
  for (const { row, id } of rows) {
    const a = stored.get(id);
    if (!a) throw new Error(`differences: case ${id} is not in the database`);
    out.set(
      id,
      comparedFields.filter((f) => JSON.stringify(a[f] ?? null) !== JSON.stringify(row[f] ?? null)),
    );
  }
  return out;
}

const fileError = (code: ImportFileErrorCode, message: string): ImportFileError => ({ code, message });

function csvFileError(e: CsvError, header: string[] | null): ImportFileError {
  const p = e.problem;
  switch (p.code) {
    case 'unclosed_quote':
      return fileError('unclosed_quote', `${e.message} Close it with a ", or put "" for a quote inside a value.`);
    case 'too_many_rows':
      return fileError('too_many_rows', importLimitMessages.tooManyRows(p.rows - 1));
    case 'field_too_long':
      return fileError(
        'field_too_long',
        importLimitMessages.fieldTooLong(p.line, header?.[p.field]?.trim().slice(0, 40) ?? null),
      );
  }
}

/**
 * Checks every row against the rules, the database and the rest of the file. A generator: it
 * yields its progress after each chunk of rows, so a caller may pause between chunks (runImport) or
 * not (planImport). Refuses a file past a limit before reading its rows.
 */
function* planSteps(db: Tx | Db, file: ImportFile, today: string): Generator<Progress, Plan> {
  const plan: Plan = {
    fileName: file.fileName,
    isDryRun: file.isDryRun,
    encoding: null,
    notices: [],
    fileErrors: [],
    results: [],
    creates: [],
    index: new DuplicateIndex(),
    maxId: 0,
  };
  const refuse = (...errors: ImportFileError[]): Plan => ({ ...plan, fileErrors: errors, results: [], creates: [] });

  if (file.bytes.length === 0) return refuse(fileError('no_header', 'The file is empty.'));
  if (file.bytes.length > importLimits.maxFileBytes) {
    return refuse(fileError('too_large', importLimitMessages.fileTooLarge(file.bytes.length)));
  }
  const decoded = decodeTextFile(file.bytes);
  if (!decoded.isText) return refuse(fileError(decoded.problem.code, decoded.problem.message));
  const { text } = decoded;
  plan.encoding = decoded.encoding;
  if (decoded.encoding === 'windows-1252') plan.notices.push({ code: 'windows_1252', message: textFileMessages.windows1252 });

  // Counting is cheap (no row is built): a file with too many rows is refused before any is read.
  const total = Math.max(0, countRows(text) - 1);
  if (total > importLimits.maxRows) return refuse(fileError('too_many_rows', importLimitMessages.tooManyRows(total)));
  yield { processed: 0, total };

  const rows = readCsv(text, { maxRows: importLimits.maxRows + 1, maxFieldChars: importLimits.maxFieldChars });
  let header: string[] | null = null;
  try {
    const first = rows.next();
    if (first.done) return refuse(fileError('no_header', 'The file has no header row.'));
    header = first.value.fields;
    if (header.some((h) => controlCharacterIn(h))) {
      return refuse(
        fileError(
          'not_text',
          'The header row has characters that are not text: this does not look like a CSV file. Save it from Excel as ‘CSV UTF-8’ and try again.',
        ),
      );
    }
    const { index: columns, errors: headerErrors } = readHeader(header);
    if (headerErrors.length) return refuse(...headerErrors.map((m) => fileError('bad_header', m)));
    if (total === 0) return refuse(fileError('no_rows', 'The file has a header row but no applications.'));

    // 1. Every row against the rules and the rest of the file.
    const linesByReference = new Map<string, number>();
    const readable: Planned[] = [];
    let processed = 0;
    for (const { line, fields } of rows) {
      const read = readImportRow(fields, columns, today);
      if (!read.row) {
        plan.results.push({
          line,
          reference: read.reference,
          name: read.name,
          outcome: 'refused',
          errors: read.errors,
          duplicates: [],
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
        if (earlierLine !== undefined) {
          result.outcome = 'refused';
          result.errors.push(`reference: ${row.reference} is also on line ${earlierLine}; each application appears once.`);
        } else readable.push({ result, row, links: [] });
        linesByReference.set(row.reference, line);
        plan.results.push(result);
      }
      if (++processed % 500 === 0) yield { processed, total };
    }
    linesByReference.clear();

    // 2. Against the database: references imported before, and the first case under each key a new
    // row has. Only what the file needs is kept, so memory follows the file, not the database.
    const matchedExisting: { row: ImportRow; id: number; result: ImportRowResult }[] = [];
    for (let i = 0; i < readable.length; i += 500) {
      const chunk = readable.slice(i, i + 500);
      const found = new Map(
        db
          .select({ id: applications.id, reference: applications.reference })
          .from(applications)
          .where(
            inArray(
              applications.reference,
              chunk.map((p) => p.row.reference),
            ),
          )
          .all()
          .map((a) => [a.reference, a.id]),
      );
      for (const p of chunk) {
        const id = found.get(p.row.reference);
        if (id === undefined) plan.creates.push(p);
        else {
          p.result.outcome = 'unchanged';
          matchedExisting.push({ row: p.row, id, result: p.result });
        }
      }
      yield { processed: total, total };
    }
    readable.length = 0;
    const keysOfFile = new Set(plan.creates.flatMap((p) => duplicateKeys(personOf(p.row)).map((k) => k.key)));
    for (let after = 0; ;) {
      const page = db
        .select(personColumns)
        .from(applications)
        .where(gt(applications.id, after))
        .orderBy(asc(applications.id))
        .limit(2_000)
        .all();
      for (const c of page) {
        for (const k of duplicateKeys(c))
          if (keysOfFile.has(k.key)) plan.index.addFirst(k.key, { id: c.id, reference: c.reference });
      }
      const lastOfPage = page.at(-1);
      if (!lastOfPage) break;
      after = plan.maxId = lastOfPage.id;
      yield { processed: total, total };
    }
    keysOfFile.clear();
    // 3. Each new row is linked to the first case with each key it has: an existing one, else an earlier row.
    for (const [i, p] of plan.creates.entries()) {
      p.links = plan.index.add(personOf(p.row), { id: null, reference: p.row.reference });
      p.result.duplicates = p.links.map((l) => ({ reference: l.reference, matches: l.matches }));
      if ((i + 1) % 2_000 === 0) yield { processed: total, total };
    }
    for (let i = 0; i < matchedExisting.length; i += 500) {
      const chunk = matchedExisting.slice(i, i + 500);
      const diff = differences(db, chunk);
      for (const m of chunk) {
        const fields = diff.get(m.id) ?? [];
        if (!fields.length) continue;
        m.result.outcome = 'refused';
        m.result.errors.push(
          `reference: ${m.row.reference} was imported before with different details (${fields.join(', ')}); edit that case instead.`,
        );
      }
      yield { processed: total, total };
    }
  } catch (e) {
    if (e instanceof CsvError) return refuse(csvFileError(e, header));
    throw e;
  }
  yield { processed: total, total };
  return plan;
}

/**
 * The report: every count, and the rows worth reading — the first `rowsListed` refused rows, as many
 * flagged ones, as many other rows to create and as many unchanged — so that its size stays sane
 * however large the file.
 */
function reportOf(plan: Plan, isCommitted: boolean, rowsListed: number): ImportReport {
  const counts = { create: 0, unchanged: 0, refused: 0, flagged: 0 };
  const listed = { create: 0, unchanged: 0, refused: 0, flagged: 0 };
  const rows: ImportRowResult[] = [];
  for (const r of plan.results) {
    counts[r.outcome]++;
    const kind = r.outcome === 'create' && r.duplicates.length ? 'flagged' : r.outcome;
    if (kind === 'flagged') counts.flagged++;
    if (listed[kind] < rowsListed) {
      listed[kind]++;
      rows.push(r);
    }
  }
  return {
    fileName: plan.fileName,
    isDryRun: plan.isDryRun,
    isCommitted,
    encoding: plan.encoding,
    counts,
    rows,
    rowsNotListed: plan.results.length - rows.length,
    fileErrors: plan.fileErrors,
    notices: plan.notices,
  };
}

/** The write phase's statements, prepared once per connection. */
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
    newcomers: db
      .select(personColumns)
      .from(applications)
      .where(gt(applications.id, p('after')))
      .orderBy(asc(applications.id))
      .prepare(),
    maxId: db
      .select({ id: sql<number>`coalesce(max(${applications.id}), 0)` })
      .from(applications)
      .prepare(),
    idOf: db
      .select({ id: applications.id })
      .from(applications)
      .where(eq(applications.reference, p('reference')))
      .prepare(),
  };
});

/** The id of the case a link names by reference: one stored before this slice (the plan links only to cases or rows it has). */
function storedIdOf(q: ReturnType<typeof importQueries>, reference: string): number {
  const row = q.idOf.get({ reference });
  if (!row) throw new Error(`The case ${reference} a row is linked to is not in the database`);
  return row.id;
}

/** The write phase stopped part-way: the slices before it are written, the rest are not. */
class ImportStopped extends Error {
  constructor(
    message: string,
    readonly isExpected: boolean,
    options?: { cause: unknown },
  ) {
    super(message, options);
  }
}

const n = (x: number) => x.toLocaleString('en-GB');

/**
 * Writes the planned rows in slices (`sliceRows` rows or `sliceMs` of work), each in its own
 * transaction, pausing between slices so other requests are answered. Each slice checks its own rows again inside its
 * transaction: a reference someone else created meanwhile is left alone if its details are the
 * same (it counts as unchanged) and stops the import if they differ; a case created meanwhile that
 * shares a key with a row that had no earlier case for it becomes that row's link. Every row goes in
 * with its events and flags in one transaction, so an import stopped part-way is finished by
 * importing the same file again: what was written is then unchanged, the rest is created.
 */
async function writeInSlices(
  ctx: ServiceCtx,
  plan: Plan,
  slicing: { sliceRows: number; sliceMs: number },
  onProgress: ImportOptions['onProgress'],
) {
  const at = ctx.now().toISOString();
  const written = new Map<string, number>();
  // Cases others created since the file was checked: their references, and the first under each key.
  const present = new Map<string, number>();
  const newIndex = new DuplicateIndex();
  let watermark = plan.maxId;
  let done = 0;
  const total = plan.creates.length;
  while (done < total) {
    let end = done;
    try {
      ctx.db.transaction(
        (tx) => {
          const sliceStart = performance.now();
          const q = importQueries(tx);
          for (const c of q.newcomers.all({ after: watermark })) {
            present.set(c.reference, c.id);
            newIndex.add(c, { id: c.id, reference: c.reference });
          }
          const last = Math.min(total, done + slicing.sliceRows);
          for (end = done; end < last && (end === done || performance.now() - sliceStart < slicing.sliceMs); end++) {
            const p = plan.creates[end];
            if (!p) throw new Error(`Row ${end} of ${total} to create is missing`);
            const r = p.row;
            const meanwhile = present.get(r.reference);
            if (meanwhile !== undefined) {
              const diff = differences(tx, [{ row: r, id: meanwhile }]).get(meanwhile) ?? [];
              if (diff.length) {
                throw new ImportStopped(
                  `Line ${n(p.result.line)} (${r.reference}) was created by someone else while this file was being imported, with different details (${diff.join(', ')}). ` +
                    `${n(done)} of ${n(total)} applications were imported; the rest were not. Correct that line or edit the case, then import the same file again to finish: what was imported is not created twice.`,
                  true,
                );
              }
              p.result.outcome = 'unchanged';
              p.result.duplicates = [];
              written.set(r.reference, meanwhile);
              continue;
            }
            const links = present.size ? withNewcomers(p, plan.index, newIndex) : p.links;
            const { id } = q.insertApplication.get({
              ...candidateValues(r),
              reference: r.reference,
              receivedAt: new Date(r.receivedAt).toISOString(),
              at,
            });
            written.set(r.reference, id);
            appendEvent(tx, {
              applicationId: id,
              actorId: ctx.actor.id,
              at,
              type: 'imported',
              toStage: 'review',
              details: { fileName: plan.fileName, line: p.result.line, route: r.route },
            });
            if (r.notes)
              appendEvent(tx, {
                applicationId: id,
                actorId: ctx.actor.id,
                at,
                type: 'note_added',
                details: { body: r.notes, fromImport: true },
              });
            for (const d of links) {
              const duplicateOfId = d.id ?? written.get(d.reference) ?? storedIdOf(q, d.reference);
              q.insertFlag.run({ applicationId: id, duplicateOfId, matches: d.matches, at });
              appendEvent(tx, {
                applicationId: id,
                actorId: ctx.actor.id,
                at,
                type: 'duplicate_flagged',
                details: { duplicateOfId, duplicateOfReference: d.reference, matches: d.matches },
              });
            }
            p.result.duplicates = links.map((l) => ({ reference: l.reference, matches: l.matches }));
          }
          const newest = q.maxId.get();
          if (!newest) throw new Error('max() returned no row');
          watermark = newest.id;
        },
        { behavior: 'immediate' },
      );
    } catch (e) {
      if (e instanceof ImportStopped) throw e;
      throw new ImportStopped(
        done
          ? `The import stopped part-way: ${n(done)} of ${n(total)} applications were imported. Import the same file again to finish it: what was imported is reported unchanged and not created twice.`
          : 'The import failed on our side; nothing was imported.',
        false,
        { cause: e },
      );
    }
    done = end;
    onProgress?.('writing', done, total);
    await breathe();
  }
}

/** A row's links, plus a case created meanwhile under a key for which the row itself was first. */
function withNewcomers(p: Planned, index: DuplicateIndex, newIndex: DuplicateIndex): DuplicateLink[] {
  const links = p.links.map((l) => ({ ...l, matches: [...l.matches] }));
  for (const k of duplicateKeys(personOf(p.row))) {
    if (index.firstWith(k.key)?.reference !== p.row.reference) continue;
    const c = newIndex.firstWith(k.key);
    if (!c) continue;
    const link = links.find((l) => l.reference === c.reference);
    if (link) link.matches.push(k.match);
    else links.push({ ...c, matches: [k.match] });
  }
  return links;
}

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Checks the file and, unless it is a dry run, writes it. A file with any refused row writes
 * nothing: the whole file is checked first. The write goes in slices (see writeInSlices), so a
 * large import does not hold up everyone else.
 */
export async function runImport(ctx: ServiceCtx, file: ImportFile, options: ImportOptions = {}): Promise<ImportReport> {
  const rowsListed = options.rowsListed ?? importReportRowsListed;
  const steps = planSteps(ctx.db, file, ctx.now().toISOString().slice(0, 10));
  let step = steps.next();
  while (!step.done) {
    options.onProgress?.('checking', step.value.processed, step.value.total);
    await breathe();
    step = steps.next();
  }
  const plan = step.value;
  const isRefused = plan.fileErrors.length > 0 || plan.results.some((r) => r.outcome === 'refused');
  if (file.isDryRun || isRefused || !plan.creates.length) return reportOf(plan, false, rowsListed);
  options.onProgress?.('writing', 0, plan.creates.length);
  await writeInSlices(
    ctx,
    plan,
    { sliceRows: options.sliceRows ?? importSettings.sliceRows, sliceMs: options.sliceMs ?? importSettings.sliceMs },
    options.onProgress,
  );
  return reportOf(plan, true, rowsListed);
}

/* ---- background jobs for the dashboard's progress bar ---- */

type StoredJob = {
  job: ImportJob;
  ownerId: number;
  ownerName: string;
  fileName: string;
  finishedAt: number | null;
  bytes: number;
};

/** About how many bytes of memory a report takes (strings at two bytes a character, plus object overheads). */
export function approxReportBytes(report: ImportReport | null): number {
  if (!report) return 300;
  const str = (s: string) => 16 + 2 * s.length;
  let bytes = 600 + str(report.fileName);
  for (const e of [...report.fileErrors, ...report.notices]) bytes += 40 + str(e.message);
  for (const r of report.rows) {
    bytes += 120 + str(r.reference) + str(r.name);
    for (const e of r.errors) bytes += str(e);
    for (const d of r.duplicates) bytes += 60 + str(d.reference) + 24 * d.matches.length;
  }
  return bytes;
}

/**
 * The jobs: the one running, and finished ones kept for their owners to read, within a count, an
 * approximate size and an age. When over, the oldest finished jobs go first.
 */
export class ImportJobStore {
  private readonly jobs = new Map<string, StoredJob>();
  /** The import running on each database (a server has one; tests have one each). */
  private readonly running = new WeakMap<object, StoredJob>();
  private runningCount = 0;
  private finishedBytes = 0;

  constructor(readonly limits: { maxFinished: number; maxBytes: number; keepMs: number }) {}

  runningOn(db: object): StoredJob | undefined {
    return this.running.get(db);
  }

  start(db: object, stored: StoredJob): void {
    this.running.set(db, stored);
    this.runningCount++;
    this.jobs.set(stored.job.id, stored);
  }

  finish(db: object, stored: StoredJob, now: number): void {
    stored.finishedAt = now;
    stored.bytes = approxReportBytes(stored.job.report) + (stored.job.error?.length ?? 0) * 2;
    this.finishedBytes += stored.bytes;
    if (this.running.get(db) === stored) {
      this.running.delete(db);
      this.runningCount--;
    }
    this.prune(now);
  }

  get(id: string, now: number): StoredJob | undefined {
    this.prune(now);
    return this.jobs.get(id);
  }

  /** Finished jobs kept, and about how many bytes their reports take. */
  stats(): { finished: number; approxBytes: number } {
    return { finished: this.jobs.size - this.runningCount, approxBytes: this.finishedBytes };
  }

  private prune(now: number): void {
    let finished = this.jobs.size - this.runningCount;
    // A Map iterates in insertion order: oldest first.
    for (const [id, j] of this.jobs) {
      if (j.finishedAt === null) continue;
      const isOver = finished > this.limits.maxFinished || this.finishedBytes > this.limits.maxBytes;
      if (!isOver && now - j.finishedAt <= this.limits.keepMs) continue;
      this.jobs.delete(id);
      this.finishedBytes -= j.bytes;
      finished--;
    }
  }
}

/**
 * One import runs at a time on a database, whoever starts it: a 25,000-row check and write takes a
 * good part of the server's 128 MB heap (docs/BENCHMARKS.md), so two at once could exhaust it, and
 * they would only share one thread and one database writer anyway.
 */
export const importJobs = new ImportJobStore({ maxFinished: 50, maxBytes: 8_000_000, keepMs: 30 * 60_000 });

const phaseInWords = (job: ImportJob) =>
  job.phase === 'writing'
    ? `writing ${n(job.processed)} of ${n(job.total)} applications`
    : `checking ${n(job.processed)} of ${n(job.total)} rows`;

export function startImportJob(ctx: ServiceCtx & { logger?: Pick<Logger, 'error'> }, input: StartImportInput): ImportJob {
  const busy = importJobs.runningOn(ctx.db);
  if (busy) {
    const whose = busy.ownerId === ctx.actor.id ? `your import of ${busy.fileName}` : `${busy.ownerName}’s import`;
    throw new DomainError(
      'CONFLICT',
      `Another import is running (${whose}, ${phaseInWords(busy.job)}). Muster runs one import at a time so that everyone else’s work is not slowed down: try again when it has finished.`,
      { current: { phase: busy.job.phase, processed: busy.job.processed, total: busy.job.total } },
    );
  }
  // Decoded now: the job keeps the bytes, not the request's base64 text.
  const file = importFileOf(input);
  const job: ImportJob = { id: randomUUID(), phase: 'checking', processed: 0, total: 0, report: null, error: null };
  const stored: StoredJob = {
    job,
    ownerId: ctx.actor.id,
    ownerName: ctx.actor.name,
    fileName: file.fileName,
    finishedAt: null,
    bytes: 0,
  };
  importJobs.start(ctx.db, stored);
  const finish = (outcome: Partial<ImportJob>) => {
    Object.assign(job, outcome);
    importJobs.finish(ctx.db, stored, Date.now());
  };
  runImport(ctx, file, { onProgress: (phase, processed, total) => Object.assign(job, { phase, processed, total }) }).then(
    (report) => finish({ phase: 'done', report, processed: job.total }),
    (e: unknown) => {
      const isExpected = e instanceof DomainError || (e instanceof ImportStopped && e.isExpected);
      if (!isExpected) {
        const cause = e instanceof ImportStopped ? e.cause : e;
        ctx.logger?.error('import failed', { jobId: job.id, error: cause instanceof Error ? cause.stack : String(cause) });
      }
      finish({
        phase: 'failed',
        error:
          e instanceof DomainError || e instanceof ImportStopped
            ? e.message
            : 'The import failed on our side; nothing was imported.',
      });
    },
  );
  return { ...job };
}

export function getImportJob(ctx: ServiceCtx, input: ImportJobInput): ImportJob {
  const { jobId } = input;
  const stored = importJobs.get(jobId, Date.now());
  if (!stored || stored.ownerId !== ctx.actor.id)
    throw new DomainError(
      'NOT_FOUND',
      'There is no such import. Its report is kept for 30 minutes (fewer when many imports have run since): run the file again as a dry run to see it.',
    );
  return { ...stored.job };
}
