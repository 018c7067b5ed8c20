/**
 * The CSV import at scale, on the benchmark database at synchronous=FULL:
 * - in-process: a file of `rows` new applications (the columns of docs/import-format.md) through
 *   `runImport` — the check of every row, duplicate matching against the cases already there, the
 *   write in slices;
 * - over HTTP, the real server: rows/s and the server's peak RSS for a file at the row limit, and the
 *   latency of `applications.board` for another signed-in user while a large import is written, with
 *   the write in one transaction (as before decision 0009) and in the server's slices.
 */
import { demoSettings } from '../../apps/api/src/demo/demo-settings.ts';
import { writeFileSync } from 'node:fs';
import { importColumns } from '../../packages/contracts/src/index.ts';
import type { ImportJob } from '../../packages/contracts/src/index.ts';
import type { Db } from '../../packages/db/src/index.ts';
import { prng } from '../../apps/api/src/demo/seed-demo.ts';
import { firstNames, lastNames } from '../../apps/api/src/demo/people.ts';
import type { ServiceCtx } from '../../apps/api/src/services/service-ctx.ts';
import { runImport } from '../../apps/api/src/services/intake.ts';
import { benchUser } from './build-db.ts';
import { memoryOf, startServer, TrpcClient } from './http-client.ts';
import { nowMs, summarise, type Latency } from './stats.ts';

const forces = [
  'Kent Police',
  'Essex Police',
  'Surrey Police',
  'Thames Valley Police',
  'Hampshire and Isle of Wight Constabulary',
  'Sussex Police',
];
const units = ['SNT', 'METCC', 'TSG', 'CT', 'MO19', 'MO3', 'SOIT', 'BCU'];

/** A CSV of `rows` transferee applications, each a different person (own name, email and warrant number). */
export function importCsv(rows: number, seed = 7): string {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[rand.int(0, xs.length - 1)]!;
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [importColumns.join(',')];
  for (let i = 1; i <= rows; i++) {
    const first = pick(firstNames);
    const last = pick(lastNames);
    const row: Record<(typeof importColumns)[number], string> = {
      reference: `BENCH-IMP-${String(i).padStart(6, '0')}`,
      received_at: `2026-11-${String(1 + (i % 20)).padStart(2, '0')}T09:${String(i % 60).padStart(2, '0')}:00Z`,
      route: 'transferee',
      cohort_year: '',
      first_name: first,
      last_name: last,
      email: `${first}.${last}.import${i}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, ''),
      phone: `07700 9${String(i % 100000).padStart(5, '0')}`,
      date_of_birth: `19${80 + (i % 20)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      current_force: pick(forces),
      rank: i % 3 ? 'PC' : 'DC',
      warrant_number: `IMP${String(i).padStart(7, '0')}`,
      joined_force_on: `20${String(10 + (i % 12)).padStart(2, '0')}-09-01`,
      unit_preferences: [pick(units), pick(units)].filter((u, k, a) => a.indexOf(u) === k).join(';'),
      posting_preference: '',
      specialist_skills: i % 4 ? '' : 'Advanced driver;Taser trained',
      notes: i % 10 ? '' : 'Asked about relocation, and whether "CT" vacancies are open',
    };
    lines.push(importColumns.map((c) => quote(row[c])).join(','));
  }
  return `${lines.join('\n')}\n`;
}

export type ImportFigures = { rows: number; bytes: number; checkMs: number; totalMs: number; created: number; flagged: number };

export async function benchImport(db: Db, actor: ServiceCtx['actor'], rows: number): Promise<ImportFigures> {
  const csv = importCsv(rows);
  const ctx: ServiceCtx = { db, config: demoSettings, actor, now: () => new Date() };
  const t0 = nowMs();
  let checkMs = 0;
  const report = await runImport(
    ctx,
    { fileName: 'bench-import.csv', bytes: Buffer.from(csv), isDryRun: false },
    {
      onProgress: (phase) => {
        if (phase === 'writing' && !checkMs) checkMs = nowMs() - t0;
      },
    },
  );
  const totalMs = nowMs() - t0;
  if (!report.isCommitted) throw new Error(`the import was not committed: ${JSON.stringify(report).slice(0, 500)}`);
  return { rows, bytes: Buffer.byteLength(csv), checkMs, totalMs, created: report.counts.create, flagged: report.counts.flagged };
}

type Polled = { at: number; job: ImportJob };

/** Starts an import over HTTP and polls its status every 250 ms (as the dashboard does) until it ends. */
async function importOverHttp(client: TrpcClient, csv: string, onPoll: (p: Polled) => void = () => {}): Promise<ImportJob> {
  let job = await client.mutate<ImportJob>('imports.start', {
    fileName: 'bench-import.csv',
    content: Buffer.from(csv).toString('base64'),
    isDryRun: false,
  });
  while (job.phase === 'checking' || job.phase === 'writing') {
    await new Promise((r) => setTimeout(r, 250));
    job = await client.query<ImportJob>('imports.status', { jobId: job.id });
    onPoll({ at: nowMs(), job });
  }
  if (job.phase === 'failed' || !job.report?.isCommitted)
    throw new Error(`the import did not finish: ${JSON.stringify(job).slice(0, 500)}`);
  return job;
}

/** Resets the peak resident set (VmHWM) of a process, where the kernel allows it. */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

export type HttpImportFigures = {
  rows: number;
  bytes: number;
  totalMs: number;
  checkMs: number;
  created: number;
  idleRssMb: number;
  peakRssMb: number;
  isPeakOfImport: boolean;
};

/** A file of `rows` applications imported over HTTP into the real server (the bundle, `pnpm start`'s flags). */
export async function benchImportHttp(root: string, dbPath: string, rows: number): Promise<HttpImportFigures> {
  const server = await startServer(root, dbPath);
  const client = new TrpcClient('127.0.0.1', server.port, 2);
  try {
    await client.mutate('auth.login', { email: benchUser.email, password: benchUser.password });
    const isPeakOfImport = resetPeak(server.pid);
    const idleRssMb = memoryOf(server.pid).rssMb;
    const csv = importCsv(rows, 23);
    const t0 = nowMs();
    let checkMs = 0;
    const job = await importOverHttp(client, csv, (p) => {
      if (p.job.phase === 'writing' && !checkMs) checkMs = p.at - t0;
    });
    return {
      rows,
      bytes: Buffer.byteLength(csv),
      totalMs: nowMs() - t0,
      checkMs,
      created: job.report!.counts.create,
      idleRssMb,
      peakRssMb: memoryOf(server.pid).peakMb,
      isPeakOfImport,
    };
  } finally {
    client.close();
    await server.stop();
  }
}

export type Slicing = { sliceRows: number; sliceMs: number };

export type BoardDuringImport = {
  slicing: Slicing;
  rows: number;
  /** Board requests in flight while the rows were being written (after the last "checking" status). */
  writing: Latency & { max: number };
  /** Board requests over the whole import, check included. */
  whole: Latency & { max: number };
  /** Board requests that failed, and that were sent again after a reset connection (the server closing kept-alive sockets when it came back from a long block). */
  failed: number;
  retried: number;
  importMs: number;
};

const withMax = (samples: number[]) => ({ ...summarise(samples), max: samples.length ? Math.max(...samples) : Number.NaN });

/**
 * One signed-in client asks for the board, one request after another, while another imports `rows`
 * applications with the write sliced as `slicing` says (the server through tsx, with `pnpm start`'s
 * node flags, see import-server.ts). A slice as large as the file with no time limit is one
 * transaction, as before decision 0009.
 */
export async function boardWhileImporting(
  root: string,
  dbPath: string,
  rows: number,
  slicing: Slicing,
): Promise<BoardDuringImport> {
  const server = await startServer(root, dbPath, {
    tsxEntry: 'scripts/bench/import-server.ts',
    env: { BENCH_IMPORT_SLICE_ROWS: String(slicing.sliceRows), BENCH_IMPORT_SLICE_MS: String(slicing.sliceMs) },
  });
  const importer = new TrpcClient('127.0.0.1', server.port, 1);
  const reader = new TrpcClient('127.0.0.1', server.port, 1);
  try {
    for (const c of [importer, reader]) await c.mutate('auth.login', { email: benchUser.email, password: benchUser.password });
    for (let i = 0; i < 50; i++) await reader.query('applications.board', {});
    const csv = importCsv(rows, 31);
    const samples: { start: number; ms: number }[] = [];
    let lastChecking = nowMs();
    let isDone = false;
    const t0 = nowMs();
    let failed = 0;
    const reading = (async () => {
      while (!isDone) {
        const start = nowMs();
        try {
          await reader.query('applications.board', {});
        } catch {
          failed++;
        }
        samples.push({ start, ms: nowMs() - start });
      }
    })();
    await importOverHttp(importer, csv, (p) => {
      if (p.job.phase === 'checking') lastChecking = p.at;
    });
    const doneAt = nowMs();
    isDone = true;
    await reading;
    // Requests in flight at any time between the last "checking" status and the end: the write.
    const during = samples.filter((s) => s.start < doneAt && s.start + s.ms > lastChecking).map((s) => s.ms);
    return {
      slicing,
      rows,
      writing: withMax(during),
      whole: withMax(samples.filter((s) => s.start < doneAt).map((s) => s.ms)),
      failed,
      retried: reader.retriedAfterReset,
      importMs: doneAt - t0,
    };
  } finally {
    importer.close();
    reader.close();
    await server.stop();
  }
}
