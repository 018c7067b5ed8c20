import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { applicationEvents, applications, loginAttempts, sessions, type Db } from '@muster/db';
import { buildApplication, createTestDb } from '@muster/db/testing';
import { count, eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { testConfig } from './config.ts';
import type { Logger } from './logger.ts';
import { hashPassword } from './security/passwords.ts';
import { insertUser } from './services/auth.ts';
import { clearForceRecords } from './testing.ts';

/* ---------- a real server on an ephemeral port ---------- */

const password = 'correct horse battery staple';
let passwordHash: string;
beforeAll(async () => {
  passwordHash = await hashPassword(password);
});

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

const t0 = new Date('2026-11-23T09:00:00Z');

async function start() {
  const db: Db = createTestDb();
  const clock = { now: t0 };
  const logged: { msg: string; fields?: Record<string, unknown> }[] = [];
  const logger: Logger = { info() {}, error: (msg, fields) => void logged.push({ msg, ...(fields ? { fields } : {}) }) };
  const config = testConfig({ webDist: '/nonexistent/muster-web-dist' });
  const users = {
    resourcing: insertUser(db, {
      email: 'res@muster.test',
      name: 'Rita Resourcing',
      role: 'resourcing',
      units: [],
      passwordHash,
    }),
    leadMetcc: insertUser(db, {
      email: 'metcc@muster.test',
      name: 'Mo METCC Lead',
      role: 'unit_lead',
      units: ['METCC'],
      passwordHash,
    }),
  };
  const server = createApp({ db, config, logger, now: () => clock.now }).listen(0, '127.0.0.1');
  servers.push(server);
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON bodies of every procedure, read field by field in the tests
  type Reply = { status: number; headers: Headers; body: any; text: string };
  async function send(path: string, init: RequestInit = {}): Promise<Reply> {
    const res = await fetch(`${base}${path}`, init);
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: res.status, headers: res.headers, body, text };
  }
  /** A tRPC mutation as the dashboard sends it: POST, JSON, same origin. */
  const mutate = (proc: string, input: unknown, cookie?: string, headers: Record<string, string> = {}) =>
    send(`/trpc/${proc}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: base,
        'sec-fetch-site': 'same-origin',
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
      body: JSON.stringify(input),
    });
  const query = (proc: string, input?: unknown, cookie?: string) =>
    send(`/trpc/${proc}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`, {
      headers: cookie ? { cookie } : {},
    });

  /** Signs in and returns the Cookie header value to send back. */
  async function login(email = 'res@muster.test') {
    const res = await mutate('auth.login', { email, password });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie')!;
    return { cookie: setCookie.split(';')[0]!, setCookie, res };
  }
  return { db, clock, base, send, mutate, query, login, logged, users };
}

type App = Awaited<ReturnType<typeof start>>;

async function newCase(app: App, cookie: string) {
  const res = await app.mutate('applications.create', buildApplication({ targetUnit: 'METCC' }), cookie);
  expect(res.status).toBe(200);
  return res.body.result.data as { id: number; version: number };
}

const caseState = (db: Db, id: number) => ({
  row: db
    .select({ version: applications.version, stage: applications.stage })
    .from(applications)
    .where(eq(applications.id, id))
    .get(),
  events: db.select({ n: count() }).from(applicationEvents).where(eq(applicationEvents.applicationId, id)).get()!.n,
});

/* ---------- sessions ---------- */

describe('signing in and sessions', () => {
  it('sets an HttpOnly, SameSite=Strict cookie with a long random token that is stored only as a hash', async () => {
    const app = await start();
    const { cookie, setCookie, res } = await app.login();
    expect(res.body.result.data).toMatchObject({ email: 'res@muster.test', role: 'resourcing' });
    expect(setCookie).toMatch(/^muster_session=[^;]+/);
    const attrs = setCookie.split(';').map((a) => a.trim());
    expect(attrs).toContain('HttpOnly');
    expect(attrs).toContain('SameSite=Strict');
    expect(attrs).toContain('Path=/');
    expect(attrs).toContain('Secure');

    const token = cookie.slice('muster_session='.length);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token.length * 6).toBeGreaterThanOrEqual(128); // base64url: 6 bits a character
    const stored = app.db.select().from(sessions).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toBe(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    // Two sign-ins get different tokens.
    const second = await app.login();
    expect(second.cookie).not.toBe(cookie);
  });

  it('the cookie authenticates auth.me; without it, or with a made-up one, the answer is 401', async () => {
    const app = await start();
    const { cookie } = await app.login();
    const me = await app.query('auth.me', undefined, cookie);
    expect(me.status).toBe(200);
    expect(me.body.result.data).toEqual({
      id: app.users.resourcing,
      email: 'res@muster.test',
      name: 'Rita Resourcing',
      role: 'resourcing',
      units: [],
    });
    expect(me.text).not.toContain('tokenHash');

    expect((await app.query('auth.me')).status).toBe(401);
    const forged = await app.query('auth.me', undefined, 'muster_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(forged.status).toBe(401);
    expect(forged.body.error.message).toContain('Sign in again');
  });

  it('a wrong password is 401 with a message that does not say which part was wrong', async () => {
    const app = await start();
    const wrong = await app.mutate('auth.login', { email: 'res@muster.test', password: 'not the password' });
    const unknown = await app.mutate('auth.login', { email: 'nobody@muster.test', password: 'not the password' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('logout ends the session: the old cookie is then refused', async () => {
    const app = await start();
    const { cookie } = await app.login();
    const out = await app.mutate('auth.logout', null, cookie);
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^muster_session=;.*Max-Age=0/);
    expect(app.db.select().from(sessions).all()).toEqual([]);
    expect((await app.query('auth.me', undefined, cookie)).status).toBe(401);
  });

  it('ends a session after 30 minutes without a request, and activity keeps it alive until then', async () => {
    const app = await start();
    const { cookie } = await app.login();
    const at = (minutes: number) => (app.clock.now = new Date(t0.getTime() + minutes * 60_000));
    at(29);
    expect((await app.query('auth.me', undefined, cookie)).status).toBe(200);
    at(29 + 29);
    expect((await app.query('auth.me', undefined, cookie)).status).toBe(200);
    at(29 + 29 + 31);
    expect((await app.query('auth.me', undefined, cookie)).status).toBe(401);
    // Gone for good, even if the clock were to come back.
    at(29 + 29 + 1);
    expect((await app.query('auth.me', undefined, cookie)).status).toBe(401);
  });

  it('ends a session 12 hours after sign-in however active it is', async () => {
    const app = await start();
    const { cookie } = await app.login();
    for (let minutes = 25; minutes < 12 * 60; minutes += 25) {
      app.clock.now = new Date(t0.getTime() + minutes * 60_000);
      expect((await app.query('auth.me', undefined, cookie)).status).toBe(200);
    }
    app.clock.now = new Date(t0.getTime() + 12 * 3_600_000 + 60_000);
    expect((await app.query('auth.me', undefined, cookie)).status).toBe(401);
  });
});

/* ---------- throttling ---------- */

describe('sign-in throttling', () => {
  it('after 10 failures refuses even the right password with 429 until the window has passed, recording every try', async () => {
    const app = await start();
    for (let i = 0; i < 10; i++) {
      expect((await app.mutate('auth.login', { email: 'res@muster.test', password: `guess ${i}` })).status).toBe(401);
    }
    const throttled = await app.mutate('auth.login', { email: 'res@muster.test', password });
    expect(throttled.status).toBe(429);
    expect(throttled.body.error.message).toContain('Try again later');
    expect(throttled.headers.get('set-cookie')).toBeNull();
    expect(app.db.select().from(sessions).all()).toEqual([]);

    // Another account is not affected.
    expect((await app.mutate('auth.login', { email: 'metcc@muster.test', password })).status).toBe(200);

    app.clock.now = new Date(t0.getTime() + 5 * 60_000 + 1_000);
    const after = await app.mutate('auth.login', { email: 'res@muster.test', password });
    expect(after.status).toBe(200);

    const attempts = app.db
      .select({ email: loginAttempts.email, outcome: loginAttempts.outcome, userId: loginAttempts.userId })
      .from(loginAttempts)
      .orderBy(loginAttempts.id)
      .all();
    const forRita = attempts.filter((a) => a.email === 'res@muster.test');
    expect(forRita.map((a) => a.outcome)).toEqual([...Array(10).fill('bad_credentials'), 'throttled', 'success']);
    expect(forRita.every((a) => a.userId === app.users.resourcing)).toBe(true);
    expect(attempts.filter((a) => a.email === 'metcc@muster.test').map((a) => a.outcome)).toEqual(['success']);
  });
});

/* ---------- CSRF ---------- */

describe('CSRF defence', () => {
  const refusals: [string, Record<string, string>][] = [
    ['Content-Type: text/plain', { 'content-type': 'text/plain' }],
    ['a form post', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
  ];

  it.each(refusals)('refuses a signed-in mutation sent with %s (403), and nothing changes', async (_what, headers) => {
    const app = await start();
    const { cookie } = await app.login();
    const c = await newCase(app, cookie);
    const before = caseState(app.db, c.id);
    const res = await app.mutate(
      'applications.addNote',
      { id: c.id, expectedVersion: c.version, body: 'Forged note' },
      cookie,
      headers,
    );
    expect(res.status).toBe(403);
    expect(res.body.error.data.code).toBe('FORBIDDEN');
    expect(caseState(app.db, c.id)).toEqual(before);

    // The same request as the dashboard sends it goes through: the headers made the difference.
    const genuine = await app.mutate('applications.addNote', { id: c.id, expectedVersion: c.version, body: 'Real note' }, cookie);
    expect(genuine.status).toBe(200);
    expect(caseState(app.db, c.id).events).toBe(before.events + 1);
  });

  it('refuses a cross-site sign-in (login CSRF)', async () => {
    const app = await start();
    const res = await app.mutate('auth.login', { email: 'res@muster.test', password }, undefined, {
      origin: 'https://evil.example',
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(app.db.select().from(sessions).all()).toEqual([]);
  });

  it('a GET to a mutation changes nothing', async () => {
    const app = await start();
    const { cookie } = await app.login();
    const c = await newCase(app, cookie);
    const before = caseState(app.db, c.id);
    const res = await app.query('applications.addNote', { id: c.id, expectedVersion: c.version, body: 'Via GET' }, cookie);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(caseState(app.db, c.id)).toEqual(before);
    const logout = await app.query('auth.logout', undefined, cookie);
    expect(logout.status).toBeGreaterThanOrEqual(400);
    expect((await app.query('auth.me', undefined, cookie)).status).toBe(200);
  });
});

/* ---------- headers ---------- */

describe('security headers', () => {
  it.each(['/healthz', '/trpc/auth.me', '/', '/trpc/no.such.procedure'])('are on %s', async (path) => {
    const app = await start();
    const res = await app.send(path);
    const csp = res.headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );
    expect(directives['script-src']).toBeDefined();
    expect(directives['script-src']).not.toContain("'unsafe-inline'");
    expect(directives['script-src']).not.toContain("'unsafe-eval'");
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBeTruthy();
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('API answers are not cached', async () => {
    const app = await start();
    expect((await app.send('/trpc/auth.me')).headers.get('cache-control')).toBe('no-store');
  });
});

/* ---------- errors ---------- */

describe('errors reaching the client', () => {
  it('an unexpected error is a generic message with a request id; the details go only to the log', async () => {
    const app = await start();
    const { cookie } = await app.login();
    app.db.$client.exec('DROP TABLE mentors');
    const res = await app.query('reference.mentors', undefined, cookie);
    expect(res.status).toBe(500);
    const requestId = res.headers.get('x-request-id')!;
    expect(res.body.error.message).toContain('Something went wrong on our side');
    expect(res.body.error.message).toContain(requestId);
    expect(res.body.error.data.requestId).toBe(requestId);
    expect(res.body.error.data.stack).toBeUndefined();
    expect(res.body.error.data.path).toBe('reference.mentors');
    expect(res.text.replace('"path":"reference.mentors"', '')).not.toMatch(
      /mentors|sqlite|no such table|SELECT|\.ts:\d+|node_modules|\bat /i,
    );

    const entry = app.logged.find((l) => l.fields?.requestId === requestId);
    expect(entry?.fields?.error).toMatch(/no such table: mentors/);
  });

  it('outside tRPC too: a failing /healthz answers a generic JSON error', async () => {
    const app = await start();
    app.db.$client.close();
    const res = await app.send('/healthz');
    expect(res.status).toBe(500);
    const requestId = res.headers.get('x-request-id')!;
    expect(res.body.error.message).toContain(requestId);
    expect(res.text).not.toMatch(/database connection is not open|sqlite|\bat /i);
    expect(app.logged.some((l) => l.fields?.requestId === requestId)).toBe(true);
  });

  it('BAD_REQUEST carries data.fieldErrors in plain words', async () => {
    const app = await start();
    const { cookie } = await app.login();
    const res = await app.mutate(
      'applications.create',
      { route: 'transferee', firstName: ' ', email: 'not-an-email', dateOfBirth: '1990-02-30' },
      cookie,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.data.code).toBe('BAD_REQUEST');
    const fe = res.body.error.data.fieldErrors;
    expect(fe.firstName).toEqual(['Enter the first name.']);
    expect(fe.lastName).toEqual(['Enter the last name.']);
    expect(fe.email).toEqual(['Enter an email address like name@example.com.']);
    expect(fe.dateOfBirth).toEqual(['Enter a real date as YYYY-MM-DD.']);
    expect(res.body.error.message).toMatch(/^Some details need correcting\./);
    expect(res.text).not.toMatch(/invalid_type|too_small|"issues"/);

    // Domain refusals about a field come the same way.
    const c = await newCase(app, cookie);
    const reject = await app.mutate('applications.move', { id: c.id, expectedVersion: c.version, to: 'rejected' }, cookie);
    expect(reject.status).toBe(400);
    expect(reject.body.error.data.fieldErrors.reasonId).toEqual(['Choose a reason for rejecting from the list.']);
  });

  it('PRECONDITION_FAILED is 412 with data.reasons; FORBIDDEN is 403; NOT_FOUND is 404', async () => {
    const app = await start();
    const res = await app.login();
    const lead = await app.login('metcc@muster.test');
    const c = await newCase(app, res.cookie);
    const gate = await app.mutate('applications.move', { id: c.id, expectedVersion: c.version, to: 'interview' }, res.cookie);
    expect(gate.status).toBe(412);
    expect(gate.body.error.data.reasons).toEqual(['Eligibility has not been recorded.']);
    expect((await app.query('applications.get', { id: c.id }, lead.cookie)).status).toBe(200);
    expect((await app.mutate('applications.create', buildApplication(), lead.cookie)).status).toBe(403);
    expect((await app.query('applications.get', { id: 9999 }, res.cookie)).status).toBe(404);
  });
});

/* ---------- concurrency ---------- */

describe('concurrent writes over HTTP', () => {
  it('20 simultaneous moves of one case at one version: one succeeds, nineteen get 409 CONFLICT with the current case', async () => {
    const app = await start();
    const { cookie } = await app.login();
    let c = await newCase(app, cookie);
    const elig = await app.mutate(
      'applications.recordEligibility',
      {
        ...clearForceRecords,
        id: c.id,
        expectedVersion: c.version,
        targetUnit: 'METCC',
        criteria: { serving_home_office: true, constable_rank: true, probation_complete: true, meets_role_requirements: true },
      },
      cookie,
    );
    expect(elig.status).toBe(200);
    c = elig.body.result.data;
    const movedBefore = app.db.select({ n: count() }).from(applicationEvents).where(eq(applicationEvents.type, 'moved')).get()!.n;

    const replies = await Promise.all(
      Array.from({ length: 20 }, () =>
        app.mutate('applications.move', { id: c.id, expectedVersion: c.version, to: 'interview' }, cookie),
      ),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const r of replies.filter((x) => x.status === 409)) {
      expect(r.body.error.data.code).toBe('CONFLICT');
      expect(r.body.error.data.current).toMatchObject({ id: c.id, version: c.version + 1, stage: 'interview' });
    }
    expect(caseState(app.db, c.id).row).toEqual({ version: c.version + 1, stage: 'interview' });
    const movedAfter = app.db.select({ n: count() }).from(applicationEvents).where(eq(applicationEvents.type, 'moved')).get()!.n;
    expect(movedAfter - movedBefore).toBe(1);
  });
});
