/**
 * `pnpm bench [--quick] [--rebuild] [--no-docs]`
 *
 * 1. Builds (or reuses from .bench/) a database of 50,000 cases seeded through the real services.
 * 2. Times the floor in-process: the services' reads as hand-written prepared statements, and the
 *    services themselves (drizzle, no HTTP).
 * 3. Starts the real server as a child process at synchronous=FULL, signs in over HTTP, and measures
 *    board, list with a text search, get, history and move: latency with one client, throughput with
 *    16 concurrent clients, and the server's peak RSS.
 * 4. The CSV import: in-process (runImport), then over HTTP — a file at the row limit into the real
 *    server (rows/s, peak RSS), and the board's latency for another user while a large file is
 *    written in one transaction (as before decision 0009) and in the server's slices.
 * 5. Prints a table and, on a full run, writes the figures into docs/BENCHMARKS.md.
 */
import { demoSettings } from '../../apps/api/src/demo/demo-settings.ts';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng } from '../../apps/api/src/demo/seed-demo.ts';
import type { ServiceCtx } from '../../apps/api/src/services/service-ctx.ts';
import { getApplication, getHistory } from '../../apps/api/src/services/application-detail.ts';
import { getBoard, listApplications } from '../../apps/api/src/services/application-lists.ts';
import { moveApplication } from '../../apps/api/src/services/moves.ts';
import { BoardInput, HistoryInput, ListApplicationsInput } from '../../packages/contracts/src/index.ts';
import { createDb, migrateDb } from '../../packages/db/src/index.ts';
import { benchUser, buildDatabase, type BuildMeta } from './build-db.ts';
import { floorOps, type Workload } from './floor.ts';
import {
  benchImport,
  benchImportHttp,
  boardWhileImporting,
  type BoardDuringImport,
  type HttpImportFigures,
  type ImportFigures,
} from './import.ts';
import { importSettings } from '../../apps/api/src/services/intake.ts';
import { measureBoardLoad, type BoardLoad } from './board-browser.ts';
import { benchInterviews, type InterviewFigures } from './interviews.ts';
import { cpuMsOf, memoryOf, startServer, TrpcClient } from './http-client.ts';
import { int, ms, nowMs, secs, summarise, table, timeSync, type Latency } from './stats.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** pnpm as it ran this script (`npx pnpm bench` leaves no pnpm on PATH), else from PATH. */
const pnpm = (...args: string[]): [string, string[]] =>
  process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath, ...args]] : ['pnpm', args];
const benchDir = join(root, '.bench');
const docsPath = join(root, 'docs/BENCHMARKS.md');

const argv = new Set(process.argv.slice(2));
for (const a of argv)
  if (!['--quick', '--rebuild', '--no-docs'].includes(a))
    throw new Error(`Unknown option ${a}. Use --quick, --rebuild or --no-docs.`);
const isQuick = argv.has('--quick');
const settings = isQuick
  ? {
      count: 5_000,
      templateCount: 1_000,
      movePool: 64,
      importRows: 2_000,
      importHttpRows: 5_000,
      boardImportRows: 4_000,
      warmup: 50,
      iterations: 300,
      floorIterations: 1_000,
      concurrency: 16,
      concurrentMs: 1_500,
    }
  : {
      count: 50_000,
      templateCount: 5_000,
      movePool: 256,
      importRows: 10_000,
      importHttpRows: 25_000,
      boardImportRows: 20_000,
      warmup: 200,
      iterations: 1_000,
      floorIterations: 3_000,
      concurrency: 16,
      concurrentMs: 5_000,
    };
const searchTerm = 'son'; // in Johnson, Robinson, Thompson, Wilson, … : a common surname substring, ~1 case in 9
const log = (line = '') => console.log(line);

type Op = 'board' | 'listSearch' | 'get' | 'history' | 'move';
const ops: Op[] = ['board', 'listSearch', 'get', 'history', 'move'];
const opLabel: Record<Op, string> = {
  board: 'board',
  listSearch: `list, search "${searchTerm}"`,
  get: 'get',
  history: 'history',
  move: 'move (review ⇄ interview)',
};
type Row = { floor?: Latency; service?: Latency; api?: Latency; rps?: number; loaded?: Latency; cpuMsPerRequest?: number };
/** Other work on the machine skews wall-clock figures: the load average is recorded with each phase. */
const loads: { phase: string; load1: number }[] = [];
const noteLoad = (phase: string) => {
  const load1 = loadavg()[0] ?? 0;
  loads.push({ phase, load1 });
  if (load1 > cpus().length * 0.5)
    log(
      `  note: load average ${load1.toFixed(2)} on ${cpus().length} cores: other processes are running and will skew the wall-clock figures`,
    );
};

/* ---------- 1. the database ---------- */

const t0 = nowMs();
log(
  `Muster benchmark (${isQuick ? 'quick' : 'full'}): ${settings.count.toLocaleString('en-GB')} cases, Node ${process.version}, ${cpus().length} cores`,
);
log('\n1. Database');
const built = await buildDatabase({
  dir: benchDir,
  count: settings.count,
  templateCount: settings.templateCount,
  movePool: settings.movePool,
  rebuild: argv.has('--rebuild'),
  log,
});
const meta: BuildMeta = built.meta;
log(
  built.isReused
    ? `  reused ${relative(root, built.path)} (built earlier in ${secs(meta.buildMs.total)}; --rebuild to build again)`
    : `  built in ${secs(meta.buildMs.total)}: template ${secs(meta.buildMs.template)} through the services, clones ${secs(meta.buildMs.clone)}, move pool ${secs(meta.buildMs.movePool)}`,
);
log(
  `  ${int(meta.applications)} applications, ${int(meta.events)} events (${meta.eventsPerCase.toFixed(1)} a case), ${(meta.fileBytes / 1e6).toFixed(0)} MB`,
);
log(
  `  by stage: ${Object.entries(meta.byStage)
    .map(([s, n]) => `${s} ${int(n)}`)
    .join(', ')}`,
);
const refusals = Object.entries(meta.seedRefusals);
if (refusals.length)
  log(`  cases the seed could not finish (rolled back, skipped): ${refusals.map(([m, n]) => `${n}× "${m}"`).join('; ')}`);
const migrations = readdirSync(join(root, 'drizzle')).filter((f) => f.endsWith('.sql')).length;

// Measure on a copy: moves change it, and the cached build stays as built.
const runPath = join(benchDir, 'run.sqlite');
for (const f of [runPath, `${runPath}-wal`, `${runPath}-shm`]) rmSync(f, { force: true });
copyFileSync(built.path, runPath);
// The cached build may predate migrations added since: apply them (as the server does at start) before
// the in-process phase, so the services and the floor see the schema the code expects.
{
  const db = createDb(runPath);
  migrateDb(db);
  db.$client.close();
}

/* ---------- the workload: the same case ids for floor, service and API ---------- */

const rand = prng(42);
const seededMax = meta.count; // seeded cases are ids 1..count; the move pool comes after
const caseIds = Array.from({ length: 20_000 }, () => rand.int(1, seededMax));
const workload: Workload = {
  caseIds,
  searchTerm,
  boardLimit: BoardInput.parse({}).limit,
  listLimit: ListApplicationsInput.parse({}).limit,
  historyLimit: HistoryInput.parse({ id: 1 }).limit,
};
const idAt = (i: number) => caseIds[i % caseIds.length]!;
const results: Record<Op, Row> = { board: {}, listSearch: {}, get: {}, history: {}, move: {} };
const extra: { getWithAccessLog?: Latency; transport?: Latency; transportRps?: number; transportCpuMs?: number } = {};

/** Move-pool state: each case alternates review → interview (forward, gate open) and interview → review (back, with a reason). */
type PoolCase = { id: number; version: number; stage: 'review' | 'interview' };
const nextMove = (c: PoolCase) =>
  c.stage === 'review'
    ? { id: c.id, to: 'interview' as const, expectedVersion: c.version }
    : {
        id: c.id,
        to: 'review' as const,
        expectedVersion: c.version,
        reason: 'Bench: moved back to review to check the eligibility notes.',
      };

/* ---------- 2. the floor, and the services in-process ---------- */

log('\n2. In-process: floor (prepared statements) and services (drizzle), one caller, synchronous=FULL');
noteLoad('in-process');
{
  const db = createDb(runPath);
  const sqlite = db.$client;
  const user = sqlite.prepare('SELECT id, name FROM users WHERE email = ?').get(benchUser.email) as { id: number; name: string };
  const floor = floorOps(sqlite, workload, user.id);
  const n = settings.floorIterations;
  const w = settings.warmup;
  results.board.floor = summarise(timeSync(() => floor.board(), Math.min(n, 1_000), w));
  results.listSearch.floor = summarise(timeSync(() => floor.listSearch(), Math.min(n, 1_000), w));
  results.get.floor = summarise(timeSync((i) => floor.get(idAt(i)), n, w));
  results.history.floor = summarise(timeSync((i) => floor.history(idAt(i)), n, w));
  extra.getWithAccessLog = summarise(timeSync((i) => floor.getWithAccessLog(idAt(i)), settings.iterations, w));

  const pool = (): PoolCase[] =>
    meta.movePoolIds.map((id) => sqlite.prepare('SELECT id, version, stage FROM applications WHERE id = ?').get(id) as PoolCase);
  let cases = pool();
  results.move.floor = summarise(
    timeSync(
      (i) => {
        const c = cases[i % cases.length]!;
        const m = nextMove(c);
        c.version = floor.move(c.id, c.stage, m.to, c.version, user.id);
        c.stage = m.to;
      },
      settings.iterations,
      w,
    ),
  );

  const ctx: ServiceCtx = {
    db,
    config: demoSettings,
    actor: { id: user.id, role: 'resourcing', units: [], name: user.name },
    now: () => new Date(),
  };
  const boardInput = BoardInput.parse({});
  const listInput = ListApplicationsInput.parse({ q: searchTerm });
  const serviceIterations = Math.min(settings.iterations, 500);
  results.board.service = summarise(timeSync(() => getBoard(ctx, boardInput), serviceIterations, w));
  results.listSearch.service = summarise(timeSync(() => listApplications(ctx, listInput), serviceIterations, w));
  results.get.service = summarise(timeSync((i) => getApplication(ctx, { id: idAt(i) }), serviceIterations, w));
  results.history.service = summarise(
    timeSync((i) => getHistory(ctx, HistoryInput.parse({ id: idAt(i) })), serviceIterations, w),
  );
  cases = pool();
  results.move.service = summarise(
    timeSync(
      (i) => {
        const c = cases[i % cases.length]!;
        const moved = moveApplication(ctx, nextMove(c));
        c.version = moved.version;
        c.stage = moved.stage as PoolCase['stage'];
      },
      serviceIterations,
      w,
    ),
  );
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  for (const op of ops) {
    const r = results[op];
    log(
      `  ${opLabel[op].padEnd(26)} floor p50 ${ms(r.floor?.p50).padStart(6)} ms   service p50 ${ms(r.service?.p50).padStart(6)} ms`,
    );
  }
  log(
    `  ${'get + access-log write'.padEnd(26)} floor p50 ${ms(extra.getWithAccessLog.p50).padStart(6)} ms   (the view record the service commits on every get)`,
  );
}

/* ---------- 3. the real server over HTTP ---------- */

log(
  `\n3. HTTP: the real server (${process.env.BENCH_SERVER === 'tsx' ? 'node --import tsx apps/api/src/main.ts' : 'node apps/api/dist/main.js, as pnpm start runs it'}, MUSTER_DEMO=0, synchronous=FULL)`,
);
if (process.env.BENCH_SERVER !== 'tsx')
  execFileSync(...pnpm('--filter', '@muster/api', 'build'), { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const server = await startServer(root, runPath);
noteLoad('http');
log(
  `  pid ${server.pid}, port ${server.port}, ready in ${secs(server.startMs)}; ${memoryOf(server.pid).rssMb.toFixed(0)} MB resident`,
);
const memory: {
  idleMb: number;
  afterLoginPeakMb: number;
  workloadPeakMb: number;
  workloadEndMb: number;
  loginsPeakMb?: number;
  canResetPeak: boolean;
} = {
  idleMb: memoryOf(server.pid).rssMb,
  afterLoginPeakMb: 0,
  workloadPeakMb: 0,
  workloadEndMb: 0,
  canResetPeak: false,
};
const client = new TrpcClient('127.0.0.1', server.port, settings.concurrency);
let boardLoad: BoardLoad = { skipped: 'not run' };
try {
  const me = await client.mutate<{ id: number; role: string }>('auth.login', {
    email: benchUser.email,
    password: benchUser.password,
  });
  if (me.role !== 'resourcing') throw new Error(`signed in as ${me.role}, expected resourcing`);
  memory.afterLoginPeakMb = memoryOf(server.pid).peakMb;
  // Reset the peak (VmHWM) so the workload's own peak is seen apart from sign-in's argon2id hash (19 MiB each).
  try {
    writeFileSync(`/proc/${server.pid}/clear_refs`, '5');
    memory.canResetPeak = true;
  } catch {
    memory.canResetPeak = false;
  }

  const poolCases: PoolCase[] = [];
  for (const id of meta.movePoolIds) {
    const c = await client.query<{ id: number; version: number; stage: PoolCase['stage'] }>('applications.get', { id });
    poolCases.push({ id: c.id, version: c.version, stage: c.stage });
  }
  let cursor = 0;
  const call: Record<Op, (worker: number) => Promise<unknown>> = {
    board: () => client.query('applications.board', {}),
    listSearch: () => client.query('applications.list', { q: searchTerm }),
    get: () => client.query('applications.get', { id: idAt(cursor++) }),
    history: () => client.query('applications.history', { id: idAt(cursor++) }),
    // Each worker owns the pool cases w, w + 16, …: no two clients write the same case.
    move: async (worker) => {
      const mine = poolCases.filter((_, i) => i % settings.concurrency === worker);
      const c = mine[cursor++ % mine.length]!;
      const moved = await client.mutate<{ version: number; stage: PoolCase['stage'] }>('applications.move', nextMove(c));
      c.version = moved.version;
      c.stage = moved.stage;
    },
  };

  // The transport alone: auth.me runs express, helmet, the session lookup and tRPC, and no case query.
  {
    for (let i = 0; i < settings.warmup; i++) await client.query('auth.me', undefined);
    const samples: number[] = [];
    for (let i = 0; i < settings.iterations; i++) {
      const t = nowMs();
      await client.query('auth.me', undefined);
      samples.push(nowMs() - t);
    }
    extra.transport = summarise(samples);
    let done = 0;
    const cpuBefore = cpuMsOf(server.pid);
    const start = nowMs();
    await Promise.all(
      Array.from({ length: settings.concurrency }, async () => {
        while (nowMs() - start < Math.min(settings.concurrentMs, 2_000)) {
          await client.query('auth.me', undefined);
          done++;
        }
      }),
    );
    extra.transportRps = done / ((nowMs() - start) / 1000);
    extra.transportCpuMs = (cpuMsOf(server.pid) - cpuBefore) / done;
    log(
      `  ${'auth.me (transport only)'.padEnd(26)} 1 client p50 ${ms(extra.transport.p50).padStart(6)}  p95 ${ms(extra.transport.p95).padStart(6)}  p99 ${ms(extra.transport.p99).padStart(6)} ms   16 clients ${int(extra.transportRps).padStart(6)} req/s (server CPU ${ms(extra.transportCpuMs)} ms a request)`,
    );
  }

  for (const op of ops) {
    for (let i = 0; i < settings.warmup; i++) await call[op](0);
    const samples: number[] = [];
    for (let i = 0; i < settings.iterations; i++) {
      const t = nowMs();
      await call[op](0);
      samples.push(nowMs() - t);
    }
    results[op].api = summarise(samples);

    // 16 clients, each with its own keep-alive socket, each sending its next request as soon as the last is answered.
    const loaded: number[] = [];
    let done = 0;
    const cpuBefore = cpuMsOf(server.pid);
    const start = nowMs();
    const until = start + settings.concurrentMs;
    await Promise.all(
      Array.from({ length: settings.concurrency }, async (_, worker) => {
        while (nowMs() < until) {
          const t = nowMs();
          await call[op](worker);
          loaded.push(nowMs() - t);
          done++;
        }
      }),
    );
    results[op].rps = done / ((nowMs() - start) / 1000);
    results[op].cpuMsPerRequest = (cpuMsOf(server.pid) - cpuBefore) / done;
    results[op].loaded = summarise(loaded);
    const r = results[op];
    log(
      `  ${opLabel[op].padEnd(26)} 1 client p50 ${ms(r.api?.p50).padStart(6)}  p95 ${ms(r.api?.p95).padStart(6)}  p99 ${ms(r.api?.p99).padStart(6)} ms   16 clients ${int(r.rps).padStart(6)} req/s (p95 ${ms(r.loaded?.p95)} ms, server CPU ${ms(r.cpuMsPerRequest)} ms a request)`,
    );
  }
  const afterWorkload = memoryOf(server.pid);
  memory.workloadPeakMb = afterWorkload.peakMb;
  memory.workloadEndMb = afterWorkload.rssMb;

  // What four people signing in at once costs: argon2id takes 19 MiB each (0007).
  const others = Array.from({ length: 4 }, () => new TrpcClient('127.0.0.1', server.port, 1));
  await Promise.all(others.map((c) => c.mutate('auth.login', { email: benchUser.email, password: benchUser.password })));
  for (const c of others) c.close();
  memory.loginsPeakMb = memoryOf(server.pid).peakMb;

  log('  dashboard: time from navigation to an interactive board in headless Chromium (built app, 1280×800)');
  execFileSync(...pnpm('--filter', '@muster/web', 'build'), { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  boardLoad = await measureBoardLoad(`http://127.0.0.1:${server.port}`, benchUser.email, benchUser.password, isQuick ? 5 : 20);
  log(
    'skipped' in boardLoad
      ? `  skipped: ${boardLoad.skipped}`
      : `  first visit ${ms(boardLoad.firstMs)} ms; repeat visits p50 ${ms(boardLoad.repeat.p50)} ms, p95 ${ms(boardLoad.repeat.p95)} ms`,
  );
} finally {
  client.close();
  await server.stop();
}
log(
  `  server memory: ${memory.idleMb.toFixed(0)} MB at start; peak ${memory.afterLoginPeakMb.toFixed(0)} MB after one sign-in; ` +
    (memory.canResetPeak
      ? `peak ${memory.workloadPeakMb.toFixed(0)} MB during the workload (peak reset after sign-in); `
      : `peak ${memory.workloadPeakMb.toFixed(0)} MB after the workload; `) +
    `${memory.workloadEndMb.toFixed(0)} MB at its end; peak ${memory.loginsPeakMb?.toFixed(0) ?? '–'} MB with 4 sign-ins at once`,
);

/* ---------- 4. the CSV import ---------- */

log(
  `\n4. Import: ${int(settings.importRows)} CSV rows through runImport in-process (check, duplicate matching, write in slices of ${importSettings.sliceRows}), synchronous=FULL`,
);
noteLoad('import');
let imported: ImportFigures;
{
  const db = createDb(runPath);
  const user = db.$client.prepare('SELECT id, name FROM users WHERE email = ?').get(benchUser.email) as {
    id: number;
    name: string;
  };
  imported = await benchImport(db, { id: user.id, role: 'resourcing', units: [], name: user.name }, settings.importRows);
  db.$client.close();
  log(
    `  ${int(imported.created)} cases created (${int(imported.flagged)} flagged as possible duplicates) from ${(imported.bytes / 1e6).toFixed(1)} MB in ${secs(imported.totalMs)}: ` +
      `check ${secs(imported.checkMs)}, write ${secs(imported.totalMs - imported.checkMs)}; ${int(imported.rows / (imported.totalMs / 1000))} rows/s`,
  );
}

// Over HTTP, each on a fresh copy of the built database (the same file's references would be "unchanged" the second time).
const freshCopy = (name: string) => {
  const path = join(benchDir, `${name}.sqlite`);
  for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
  copyFileSync(built.path, path);
  return path;
};
const dropCopy = (path: string) => {
  for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
};
let importedHttp: HttpImportFigures;
{
  const path = freshCopy('import-http');
  importedHttp = await benchImportHttp(root, path, settings.importHttpRows);
  dropCopy(path);
  log(
    `  over HTTP (the bundle, pnpm start's node flags): ${int(importedHttp.created)} cases from ${(importedHttp.bytes / 1e6).toFixed(1)} MB in ${secs(importedHttp.totalMs)} ` +
      `(check ${secs(importedHttp.checkMs)}), ${int(importedHttp.rows / (importedHttp.totalMs / 1000))} rows/s; server ${importedHttp.idleRssMb.toFixed(0)} MB before, ` +
      `peak ${importedHttp.peakRssMb.toFixed(0)} MB${importedHttp.isPeakOfImport ? ' during the import' : ' (VmHWM, not reset: includes start-up and sign-in)'}`,
  );
}
noteLoad('board during import');
const boardDuring: BoardDuringImport[] = [];
const sliced = `slices of at most ${importSettings.sliceRows} rows or ${importSettings.sliceMs} ms`;
for (const [name, slicing] of [
  ['one', { sliceRows: settings.boardImportRows, sliceMs: Infinity }],
  ['sliced', { sliceRows: importSettings.sliceRows, sliceMs: importSettings.sliceMs }],
] as const) {
  const path = freshCopy(`board-during-import-${name}`);
  const r = await boardWhileImporting(root, path, settings.boardImportRows, slicing);
  dropCopy(path);
  boardDuring.push(r);
  log(
    `  board while ${int(r.rows)} rows are written ${name === 'one' ? 'in one transaction (before)' : `in ${sliced}`}: ` +
      `${r.writing.n} requests, p50 ${ms(r.writing.p50)}, p95 ${ms(r.writing.p95)}, max ${ms(r.writing.max)} ms ` +
      `(whole import, check included: p95 ${ms(r.whole.p95)}, max ${ms(r.whole.max)} ms; ${r.retried} sent again after a reset connection, ${r.failed} failed; import ${secs(r.importMs)})`,
  );
}
const slicedBoard = boardDuring.at(-1)!;

/* ---------- 4b. interviews ---------- */

log(
  `\n4b. Interviews in-process: ${isQuick ? 60 : 365} days of weekday slots for every unit, every case at interview booked with its clash check`,
);
noteLoad('interviews');
let interviewFigures: InterviewFigures;
{
  const path = freshCopy('interviews');
  const db = createDb(path);
  migrateDb(db);
  interviewFigures = benchInterviews(db, { days: isQuick ? 60 : 365, iterations: settings.iterations });
  db.$client.close();
  dropCopy(path);
  const f = interviewFigures;
  log(
    `  ${int(f.slots)} slots published in ${secs(f.publishMs)}; ${int(f.booked)} cases booked (${f.refused} refused): ` +
      `interviews.book p50 ${ms(f.book.p50)}, p95 ${ms(f.book.p95)} ms (floor of its reads p50 ${ms(f.bookFloor.p50)}, p95 ${ms(f.bookFloor.p95)} ms); ` +
      `agenda p95: a unit lead ${ms(f.agendaLead.p95)} ms, resourcing ${ms(f.agendaResourcing.p95)} ms`,
  );
}

/* ---------- 5. the table, the targets, the docs ---------- */

const ratio = (op: Op) => (results[op].api?.p50 ?? Number.NaN) / (results[op].floor?.p50 ?? Number.NaN);
const head = [
  'operation',
  'floor p50',
  'service p50',
  'API p50',
  'API p95',
  'API p99',
  'API ÷ floor',
  '16 clients req/s',
  '16 clients p95',
  'server CPU / req',
];
const rows = ops.map((op) => {
  const r = results[op];
  return [
    opLabel[op],
    ms(r.floor?.p50),
    ms(r.service?.p50),
    ms(r.api?.p50),
    ms(r.api?.p95),
    ms(r.api?.p99),
    `${ratio(op).toFixed(1)}×`,
    int(r.rps),
    ms(r.loaded?.p95),
    ms(r.cpuMsPerRequest),
  ];
});
rows.push(['get + access-log write (floor)', ms(extra.getWithAccessLog?.p50), '', '', '', '', '', '', '', '']);
rows.push([
  'auth.me (HTTP + tRPC + session only)',
  '',
  '',
  ms(extra.transport?.p50),
  ms(extra.transport?.p95),
  ms(extra.transport?.p99),
  '',
  int(extra.transportRps),
  '',
  ms(extra.transportCpuMs),
]);

type Target = { what: string; target: string; figure: string; isMet: boolean };
const p95 = (op: Op) => results[op].api?.p95 ?? Number.NaN;
const targets: Target[] = [
  ...(['board', 'listSearch'] as const).map((op) => ({
    what: `${opLabel[op]}: one-client p95`,
    target: '≤ 10 ms',
    figure: `${ms(p95(op))} ms`,
    isMet: p95(op) <= 10,
  })),
  ...(['get', 'history'] as const).map((op) => ({
    what: `${opLabel[op]}: one-client p95`,
    target: '≤ 5 ms',
    figure: `${ms(p95(op))} ms`,
    isMet: p95(op) <= 5,
  })),
  ...(['board', 'listSearch', 'get', 'history'] as const).map((op) => ({
    what: `${opLabel[op]}: API ÷ floor (one-client p50)`,
    target: '≤ 2×',
    figure: `${ratio(op).toFixed(1)}×`,
    isMet: ratio(op) <= 2,
  })),
  {
    what: 'moves, 16 clients, synchronous=FULL',
    target: '≥ 1,000/s',
    figure: `${int(results.move.rps)}/s`,
    isMet: (results.move.rps ?? 0) >= 1000,
  },
  {
    what: 'server peak RSS (VmHWM), whole run incl. one sign-in',
    target: '≤ 200 MB',
    figure: `${Math.max(memory.afterLoginPeakMb, memory.workloadPeakMb).toFixed(0)} MB`,
    isMet: Math.max(memory.afterLoginPeakMb, memory.workloadPeakMb) <= 200,
  },
  ...(memory.canResetPeak
    ? [
        {
          what: 'server peak RSS during the workload (reads + moves)',
          target: '≤ 200 MB',
          figure: `${memory.workloadPeakMb.toFixed(0)} MB`,
          isMet: memory.workloadPeakMb <= 200,
        },
      ]
    : []),
  {
    what: `import of ${int(settings.importRows)} CSV rows`,
    target: '≤ 10 s',
    figure: `${secs(imported.totalMs)} (${int(imported.rows / (imported.totalMs / 1000))} rows/s)`,
    isMet: imported.totalMs <= 10_000,
  },
  {
    what: `import of ${int(importedHttp.rows)} CSV rows over HTTP (the bundle)`,
    target: '≤ 30 s',
    figure: `${secs(importedHttp.totalMs)} (${int(importedHttp.rows / (importedHttp.totalMs / 1000))} rows/s)`,
    isMet: importedHttp.totalMs <= 30_000,
  },
  {
    what: `server peak RSS during that import`,
    target: '≤ 200 MB',
    figure: `${importedHttp.peakRssMb.toFixed(0)} MB`,
    isMet: importedHttp.peakRssMb <= 200,
  },
  {
    what: `board p95 while ${int(slicedBoard.rows)} rows are written (${sliced}; one transaction: ${ms(boardDuring[0]!.writing.p95)} ms)`,
    target: '≤ 250 ms',
    figure: `${ms(slicedBoard.writing.p95)} ms`,
    isMet: slicedBoard.writing.p95 <= 250,
  },
  'skipped' in boardLoad
    ? { what: 'navigation to an interactive board (Chromium)', target: '≤ 1 s', figure: boardLoad.skipped, isMet: false }
    : {
        what: 'navigation to an interactive board (Chromium), first visit / repeat p95',
        target: '≤ 1 s',
        figure: `${ms(boardLoad.firstMs)} / ${ms(boardLoad.repeat.p95)} ms`,
        isMet: Math.max(boardLoad.firstMs, boardLoad.repeat.p95) <= 1000,
      },
  {
    what: 'server peak RSS with 4 sign-ins at once',
    target: '≤ 200 MB',
    figure: `${memory.loginsPeakMb?.toFixed(0) ?? '–'} MB`,
    isMet: (memory.loginsPeakMb ?? Infinity) <= 200,
  },
  {
    what: `interviews.book with its clash check, in-process, ${int(interviewFigures.booked)} bookings among ${int(interviewFigures.slots)} slots: p95`,
    target: '≤ 20 ms',
    figure: `${ms(interviewFigures.book.p95)} ms`,
    isMet: interviewFigures.book.p95 <= 20,
  },
  {
    what: 'interviews.agenda in-process, resourcing (all units): p95',
    target: '≤ 50 ms',
    figure: `${ms(interviewFigures.agendaResourcing.p95)} ms`,
    isMet: interviewFigures.agendaResourcing.p95 <= 50,
  },
];
const targetHead = ['target', 'goal', 'figure', 'result'];
const targetRows = targets.map((t) => [t.what, t.target, t.figure, t.isMet ? 'met' : 'MISSED']);

log('\nResults (ms unless stated)');
log(table(head, rows));
log('');
log(table(targetHead, targetRows));
noteLoad('end');
const loadLine = `load average (1 min) ${loads.map((l) => `${l.phase} ${l.load1.toFixed(2)}`).join(', ')}`;
log(`\nWhole run: ${secs(nowMs() - t0)}; ${loadLine}`);

const runDate = new Date().toISOString().slice(0, 10);
const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, SQLite ${sqliteVersion()}`;
const generated = [
  `<!-- bench:begin — written by \`pnpm bench\` (full run); edit outside these markers -->`,
  `Run of ${runDate} (\`pnpm bench\`, whole run ${secs(nowMs() - t0)}${built.isReused ? ', database reused from .bench/' : ''}).`,
  '',
  `- **Machine:** ${machine}.`,
  `- **Dataset:** ${int(meta.applications)} applications (${int(meta.count)} seeded + ${meta.movePoolIds.length} move-pool cases), ${int(meta.events)} events (${meta.eventsPerCase.toFixed(1)} a case), ${(meta.fileBytes / 1e6).toFixed(0)} MB; by stage: ${Object.entries(
    meta.byStage,
  )
    .map(([s, n]) => `${s} ${int(n)}`)
    .join(', ')}.`,
  `- **Build:** ${secs(meta.buildMs.total)} (template of ${int(meta.templateCount)} cases through the services ${secs(meta.buildMs.template)}, clones ${secs(meta.buildMs.clone)}, move pool ${secs(meta.buildMs.movePool)})${refusals.length ? `; the seed could not finish ${refusals.map(([m, n]) => `${n} case${n === 1 ? '' : 's'} ("${m}")`).join(', ')}, rolled back and skipped` : ''}. Migrations at build: the server applies any newer ones at start (${migrations} in drizzle/ now).`,
  `- **Other load on the machine:** ${loadLine}${loads.some((l) => l.load1 > cpus().length) ? ' — above the core count: other work was running, so wall-clock figures are pessimistic; the server-CPU-per-request column is less sensitive to it' : " (the bench's own client, server and Chromium share the 2 cores)"}.`,
  `- **Iterations:** one client ${settings.warmup} warm-up + ${settings.iterations} timed requests per operation; 16 clients for ${secs(settings.concurrentMs)} per operation; floor ${settings.floorIterations} calls (get, history), 1,000 (board, list).`,
  '',
  table(head, rows, true),
  '',
  `Server memory (VmHWM/VmRSS of the server's own node process): ${memory.idleMb.toFixed(0)} MB at start, peak ${memory.afterLoginPeakMb.toFixed(0)} MB after one sign-in, ` +
    (memory.canResetPeak
      ? `peak ${memory.workloadPeakMb.toFixed(0)} MB during the workload (peak reset after sign-in), `
      : `peak ${memory.workloadPeakMb.toFixed(0)} MB after the workload, `) +
    `${memory.workloadEndMb.toFixed(0)} MB at its end, peak ${memory.loginsPeakMb?.toFixed(0) ?? '–'} MB after 4 sign-ins at once.`,
  '',
  `Interviews (in-process, on a copy): ${int(interviewFigures.slots)} slots published in ${secs(interviewFigures.publishMs)}; ` +
    `${int(interviewFigures.booked)} cases booked (${interviewFigures.refused} refused), interviews.book p50 ${ms(interviewFigures.book.p50)} / p95 ${ms(interviewFigures.book.p95)} ms ` +
    `against a floor (the clash check's reads as prepared statements) of p50 ${ms(interviewFigures.bookFloor.p50)} / p95 ${ms(interviewFigures.bookFloor.p95)} ms; ` +
    `agenda p95 ${ms(interviewFigures.agendaLead.p95)} ms for a unit lead, ${ms(interviewFigures.agendaResourcing.p95)} ms for resourcing.`,
  '',
  table(targetHead, targetRows, true),
  '<!-- bench:end -->',
].join('\n');

if (!isQuick && !argv.has('--no-docs')) {
  const current = existsSync(docsPath) ? readFileSync(docsPath, 'utf8') : '';
  const marked = /<!-- bench:begin[\s\S]*?<!-- bench:end -->/;
  const next = marked.test(current)
    ? current.replace(marked, generated)
    : `${current || '# Benchmarks\n'}\n## Latest run\n\n${generated}\n`;
  writeFileSync(docsPath, next);
  log(`Wrote the figures to ${relative(root, docsPath)}.`);
}
for (const f of [runPath, `${runPath}-wal`, `${runPath}-shm`]) rmSync(f, { force: true });

function sqliteVersion(): string {
  const db = createDb(':memory:');
  const v = (db.$client.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  db.$client.close();
  return v;
}
