/**
 * The CSV import under the server's real memory limits: the built bundle, started with exactly the
 * node flags of apps/api's `start` script (read from its package.json, so they cannot drift), on a
 * fresh copy of the demo database, driven over HTTP as the dashboard drives it. Each file here once
 * took the server down or froze it (docs/decisions/0009); after each, the server must still answer.
 * No browser: tests/e2e/intake.spec.ts covers the page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, demoPassword, freePort, repoRoot, templateDbPath } from './support.ts';

type Job = {
  id: string;
  phase: 'checking' | 'writing' | 'done' | 'failed';
  processed: number;
  total: number;
  error: string | null;
  report: {
    isCommitted: boolean;
    counts: { create: number; unchanged: number; refused: number; flagged: number };
    rows: unknown[];
    fileErrors: { code: string; message: string }[];
  } | null;
};

const columns =
  'reference,received_at,route,cohort_year,first_name,last_name,email,phone,date_of_birth,current_force,rank,warrant_number,joined_force_on,unit_preferences,posting_preference,specialist_skills,notes';
const forces = ['Kent Police', 'Essex Police', 'Surrey Police', 'Sussex Police', 'Thames Valley Police'];

/** `rows` transferee applications with every documented column (docs/import-format.md), as the form exports them. */
function applicationsCsv(rows: number, o: { prefix: string; email?: (i: number) => string }): Buffer {
  const lines = [columns];
  for (let i = 1; i <= rows; i++) {
    const email = o.email?.(i) ?? `${o.prefix.toLowerCase()}.${i}@limits.example.com`;
    lines.push(
      [
        `${o.prefix}-${String(i).padStart(6, '0')}`,
        `2026-11-${String(1 + (i % 20)).padStart(2, '0')}T09:${String(i % 60).padStart(2, '0')}:00Z`,
        'transferee',
        '',
        'Alex',
        `Limit${o.prefix}${i}`,
        email,
        `07700 9${String(i % 100_000).padStart(5, '0')}`,
        `19${80 + (i % 20)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        forces[i % forces.length],
        i % 3 ? 'PC' : 'DC',
        `${o.prefix}${i}`,
        '2016-09-01',
        'SNT;TSG',
        '',
        i % 4 ? '' : 'Advanced driver;Taser trained',
        i % 10 ? '' : '"Asked about relocation, and whether ""CT"" vacancies are open"',
      ].join(','),
    );
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** `node <flags of apps/api's start script> apps/api/dist/main.js`. */
function startCommand(): string[] {
  const start = (JSON.parse(readFileSync(join(repoRoot, 'apps/api/package.json'), 'utf8')) as { scripts: { start: string } })
    .scripts.start;
  const [node, ...args] = start.split(/\s+/);
  if (node !== 'node' || !args.at(-1)?.endsWith('.js')) throw new Error(`Unexpected start script: ${start}`);
  return args.map((a) => (a.endsWith('.js') ? join(repoRoot, 'apps/api', a) : a));
}

const server = {} as { url: string; child: ChildProcess; dir: string; cookie: string; output: string };

beforeAll(async () => {
  const bundle = join(repoRoot, 'apps/api/dist/main.js');
  if (!existsSync(bundle))
    throw new Error('apps/api/dist/main.js is missing: run `pnpm test:e2e` (it builds first) or `pnpm build`.');
  server.dir = mkdtempSync(join(tmpdir(), 'muster-limits-'));
  const dbPath = join(server.dir, 'muster.sqlite');
  // The demo data, seeded once per run by global-setup; without it the server seeds its own (MUSTER_DEMO=1).
  if (existsSync(templateDbPath)) copyFileSync(templateDbPath, dbPath);
  const port = await freePort();
  server.url = `http://127.0.0.1:${port}`;
  server.output = '';
  server.child = spawn(process.execPath, startCommand(), {
    cwd: join(repoRoot, 'apps/api'),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      MUSTER_DB: dbPath,
      MUSTER_DEMO: '1',
      PORT: String(port),
      HOST: '127.0.0.1',
      MUSTER_LOG: 'error',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.child.stdout?.on('data', (d: Buffer) => (server.output += d.toString()));
  server.child.stderr?.on('data', (d: Buffer) => (server.output += d.toString()));
  const deadline = Date.now() + 120_000;
  while (!(await isHealthy())) {
    if (server.child.exitCode !== null) throw new Error(`The server exited during start-up:\n${server.output}`);
    if (Date.now() > deadline) throw new Error(`The server did not answer /healthz within 120 s:\n${server.output}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  const login = await fetch(`${server.url}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email: accounts.resourcing, password: demoPassword }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  server.cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
}, 150_000);

afterAll(async () => {
  if (server.child && server.child.exitCode === null) {
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.kill('SIGTERM');
    const timer = setTimeout(() => server.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
  if (server.dir) rmSync(server.dir, { recursive: true, force: true });
});

async function isHealthy(): Promise<boolean> {
  try {
    return (await fetch(`${server.url}/healthz`)).ok;
  } catch {
    return false;
  }
}

async function query<T>(path: string, input: unknown): Promise<{ status: number; data?: T; error?: { message: string } }> {
  const res = await fetch(`${server.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { cookie: server.cookie },
  });
  const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
  return { status: res.status, data: body.result?.data, error: body.error };
}

/** What the dashboard sends: POST, JSON, from the server's own origin, the file's bytes base64-encoded. */
async function start(file: Buffer, isDryRun: boolean, fileName = 'limits.csv') {
  const res = await fetch(`${server.url}/trpc/imports.start`, {
    method: 'POST',
    headers: { cookie: server.cookie, 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ fileName, content: file.toString('base64'), isDryRun }),
  });
  const body = (await res.json()) as { result?: { data: Job }; error?: { message: string; data?: { code?: string } } };
  return { status: res.status, job: body.result?.data, error: body.error };
}

/** Follows a job to its end; `whileWriting` runs once, the first time the job is seen writing part-way. */
async function follow(first: Job, whileWriting?: (job: Job) => Promise<void>): Promise<Job> {
  let job = first;
  let hasRun = false;
  const deadline = Date.now() + 150_000;
  while (job.phase === 'checking' || job.phase === 'writing') {
    if (Date.now() > deadline) throw new Error(`import still ${job.phase} after 150 s`);
    if (whileWriting && !hasRun && job.phase === 'writing' && job.processed > 0 && job.processed < job.total) {
      hasRun = true;
      await whileWriting(job);
    }
    await new Promise((r) => setTimeout(r, 100));
    const polled = await query<Job>('imports.status', { jobId: job.id });
    if (!polled.data)
      throw new Error(`imports.status answered ${polled.status}: ${JSON.stringify(polled.error)}\n${server.output}`);
    job = polled.data;
  }
  return job;
}

async function importFile(file: Buffer, isDryRun: boolean, whileWriting?: (job: Job) => Promise<void>): Promise<Job> {
  const started = await start(file, isDryRun);
  if (!started.job) throw new Error(`imports.start answered ${started.status}: ${JSON.stringify(started.error)}`);
  return follow(started.job, whileWriting);
}

/** The server is still up and serving: its process, /healthz, and a signed-in board. */
async function expectServerAnswering() {
  expect(server.child.exitCode, server.output).toBeNull();
  expect(await isHealthy()).toBe(true);
  const board = await query<unknown>('applications.board', {});
  expect(board.status, JSON.stringify(board.error)).toBe(200);
}

describe('imports under the server’s real heap flags (node --max-old-space-size=128 …)', () => {
  it('starts the bundle with the start script’s flags', () => {
    const flags = startCommand();
    expect(flags).toContain('--max-old-space-size=128');
    expect(readFileSync(`/proc/${server.child.pid}/cmdline`, 'utf8').split('\0').slice(0, -1)).toEqual([
      process.execPath,
      ...flags,
    ]);
  });

  it('700 rows with one email: a dry run and a real import, at most 700 flags', async () => {
    const file = applicationsCsv(700, { prefix: 'SAME', email: () => 'same.person@limits.example.com' });
    const dry = await importFile(file, true);
    expect(dry.report!.counts).toMatchObject({ create: 700, refused: 0 });
    expect(dry.report!.counts.flagged).toBeLessThanOrEqual(700);
    await expectServerAnswering();
    const real = await importFile(file, false);
    expect(real.report).toMatchObject({ isCommitted: true, counts: { create: 700 } });
    expect(real.report!.counts.flagged).toBeLessThanOrEqual(700);
    await expectServerAnswering();
  });

  it('25,000 rows: a dry run, then a real import during which the board is answered and a second import is refused', async () => {
    const file = applicationsCsv(25_000, { prefix: 'BIG' });
    const dry = await importFile(file, true);
    expect(dry.report!.counts).toEqual({ create: 25_000, unchanged: 0, refused: 0, flagged: 0 });
    await expectServerAnswering();

    let boardDuringWrite = 0;
    let secondStart: Awaited<ReturnType<typeof start>> | undefined;
    const real = await importFile(file, false, async () => {
      boardDuringWrite = (await query('applications.board', {})).status;
      secondStart = await start(applicationsCsv(3, { prefix: 'TWO' }), true);
    });
    expect(real.report).toMatchObject({ isCommitted: true, counts: { create: 25_000, refused: 0 } });
    expect(boardDuringWrite).toBe(200);
    expect(secondStart).toMatchObject({
      status: 409,
      error: {
        message: expect.stringMatching(/^Another import is running \(your import of limits\.csv, writing [\d,]+ of 25,000/),
      },
    });
    await expectServerAnswering();
  }, 170_000);

  it('51,000 rows: refused naming the limit, and nothing written', async () => {
    const lines = [
      columns,
      ...Array.from({ length: 51_000 }, (_, i) => `R-${i},2026-11-02,transferee,,A,B,c${i}@x.uk,,1990-01-01,,,,,,,,`),
    ];
    const job = await importFile(Buffer.from(lines.join('\n')), false);
    expect(job.report!.fileErrors).toEqual([
      {
        code: 'too_many_rows',
        message: 'The file has 51,000 applications; Muster imports at most 25,000 at a time. Split it into smaller files.',
      },
    ]);
    await expectServerAnswering();
  });

  it('one 4.9 MB value: refused naming the limit', async () => {
    const file = Buffer.from(
      `${columns}\nF-1,2026-11-02,transferee,,A,B,f@x.uk,,1990-01-01,Kent Police,PC,,2016-01-01,,,,${'n'.repeat(4_900_000)}\n`,
    );
    const job = await importFile(file, true);
    expect(job.report!.fileErrors).toEqual([
      { code: 'field_too_long', message: expect.stringMatching(/^Line 2 has a value of over 10,000 characters in notes;/) },
    ]);
    await expectServerAnswering();
  });

  it('eight 20,000-row dry runs in a row', async () => {
    const file = applicationsCsv(20_000, { prefix: 'DRY' });
    for (let run = 0; run < 8; run++) {
      const job = await importFile(file, true);
      expect(job.report!.counts.create, `run ${run + 1}`).toBe(20_000);
      await expectServerAnswering();
    }
  }, 170_000);
});
