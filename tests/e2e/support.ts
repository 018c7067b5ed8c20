import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFailed } from 'vitest';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const demoPassword = 'muster-demo';
export const accounts = {
  resourcing: 'resourcing@muster.test',
  leadTsg: 'lead.tsg@muster.test',
  leadMetcc: 'lead.metcc@muster.test',
  coordinator: 'coordinator@muster.test',
  admin: 'admin@muster.test',
} as const;

/** A port nothing listens on now, for a server of a test's own. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** `dbPath`: the server's SQLite file, for a spec that stands in for the clock (interview-clock.ts). */
export type TestServer = { url: string; dbPath: string; stop: () => Promise<void> };

/** The real API on a fresh SQLite file with demo data, serving the built dashboard from apps/web/dist. */
/** Seeded once per run by global-setup.ts; every test file's server starts on its own copy. */
export const templateDbPath = join(repoRoot, 'tests/.tmp/e2e-template.sqlite');

export async function startServer(opts: { dbPath?: string } = {}): Promise<TestServer> {
  if (!existsSync(join(repoRoot, 'apps/web/dist/index.html'))) {
    throw new Error('apps/web/dist is missing: run `pnpm test:e2e` (it builds the dashboard first) or `pnpm build`.');
  }
  const dir = mkdtempSync(join(tmpdir(), 'muster-e2e-'));
  const dbPath = opts.dbPath ?? join(dir, 'muster.sqlite');
  if (!opts.dbPath && existsSync(templateDbPath)) copyFileSync(templateDbPath, dbPath);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(join(repoRoot, 'node_modules/.bin/tsx'), ['apps/api/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      MUSTER_DB: dbPath,
      PORT: String(port),
      HOST: '127.0.0.1',
      MUSTER_LOG: 'error',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited during start-up (code ${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server did not answer /healthz within 120 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    dbPath,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A real server (on a fresh copy of the demo database) and a Chromium for the spec file that calls
 * this at its top level: started before its tests, stopped after them.
 */
export function serverAndBrowser(): { server: TestServer; browser: Browser } {
  const env = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    [env.server, env.browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

/**
 * Adds a user of a spec's own to a running server's database through the command line (the API
 * creates no users), after the server has seeded the demo data into it.
 */
export function createUserWithCli(
  dbPath: string,
  person: { email: string; name: string; password: string; role: string; units: readonly string[] },
): void {
  execFileSync(
    join(repoRoot, 'node_modules/.bin/tsx'),
    [
      'apps/api/src/cli.ts',
      'create-user',
      '--email',
      person.email,
      '--name',
      person.name,
      '--role',
      person.role,
      ...person.units.flatMap((u) => ['--unit', u]),
    ],
    { cwd: repoRoot, env: { ...process.env, MUSTER_DB: dbPath, MUSTER_LOG: 'error' }, input: `${person.password}\n` },
  );
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium was not found at ${executablePath}. Install it with \`apt-get update && apt-get install -y chromium\`, or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Problems the page reported: uncaught errors, CSP violations, React warnings. Failed HTTP calls are expected in some tests. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (/Failed to load resource: the server responded with a status of (4\d\d)/.test(m.text())) return;
    problems.push(m.text());
  });
  return problems;
}

export type Session = { context: BrowserContext; page: Page; problems: string[] };

export async function openSession(browser: Browser, baseURL: string): Promise<Session> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = watchConsole(page);
  // When a test fails, keep what the page looked like (tests/.tmp is git-ignored).
  onTestFailed(async ({ task }) => {
    if (page.isClosed()) return;
    mkdirSync(join(repoRoot, 'tests/.tmp'), { recursive: true });
    const file = join(repoRoot, 'tests/.tmp', `${task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80)}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => {});
    console.log(`Screenshot of the failed test: ${file}\nPage problems: ${JSON.stringify(problems)}`);
  });
  return { context, page, problems };
}

export async function signIn(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** axe-core with the WCAG 2.2 AA rule set; every violation is listed in the failure. */
export async function expectNoAxeViolations(page: Page, what: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** A board column, found by its heading ("Review 123 cases"). */
export function column(page: Page, stage: string): Locator {
  return page.getByRole('region', { name: new RegExp(`^${stage}\\b`) });
}

/** Calls the API over HTTP as a signed-in user, for setting up a case a test then works in the browser. */
export async function apiAs(baseURL: string, email: string) {
  const login = await fetch(`${baseURL}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const call = async <T>(path: string, input: unknown, method: 'GET' | 'POST'): Promise<T> => {
    const res =
      method === 'GET'
        ? await fetch(`${baseURL}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { cookie } })
        : await fetch(`${baseURL}/trpc/${path}`, {
            method,
            headers: { cookie, 'content-type': 'application/json' },
            body: JSON.stringify(input),
          });
    const body = (await res.json()) as { result?: { data: T }; error?: unknown };
    if (!res.ok || !body.result) throw new Error(`${path} failed: ${res.status} ${JSON.stringify(body.error)}`);
    return body.result.data;
  };
  return {
    // Untyped on purpose: tests read whatever the procedure returns (the caller names the type when it matters).
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    query: <T = any>(path: string, input: unknown) => call<T>(path, input, 'GET'),
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    mutate: <T = any>(path: string, input: unknown) => call<T>(path, input, 'POST'),
  };
}

let counter = 0;
/** A fresh transferee at review, with a surname no demo case has, so a board search finds only it. */
export async function createTransferee(baseURL: string, opts: { targetUnit?: string; isEligible?: boolean } = {}) {
  const api = await apiAs(baseURL, accounts.resourcing);
  const lastName = `Testcase${Date.now().toString(36)}${++counter}`;
  let c = await api.mutate('applications.create', {
    route: 'transferee',
    firstName: 'Jordan',
    lastName,
    email: `${lastName.toLowerCase()}@example.com`,
    dateOfBirth: '1990-04-01',
    currentForce: 'Kent Police',
    rank: 'PC',
    joinedForceOn: '2016-09-01',
    targetUnit: opts.targetUnit ?? 'SNT',
  });
  if (opts.isEligible) {
    c = await api.mutate('applications.recordEligibility', {
      id: c.id,
      expectedVersion: c.version,
      targetUnit: opts.targetUnit ?? 'SNT',
      criteria: { serving_home_office: true, constable_rank: true, probation_complete: true, meets_role_requirements: true },
      psdRecords: 'received',
      psdOutcome: 'clear',
      ohRecords: 'received',
      ohOutcome: 'clear',
      hasOpenMisconduct: false,
    });
  }
  return { id: c.id as number, name: `Jordan ${lastName}`, lastName, version: c.version as number };
}
