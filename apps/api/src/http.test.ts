import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { maxBatchCalls } from '@muster/contracts';
import { accessLog, applicationEvents, applications, loginAttempts, sessions, type Db } from '@muster/db';
import { buildApplication } from '@muster/db/testing';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Config } from './config.ts';
import { bodyLimits } from './security/http.ts';
import { clearForceRecords, testPassword } from './testing.ts';
import { httpClient, httpTestStart, testServers } from './testing-http.ts';

/* ---------- a real server on an ephemeral port ---------- */

const t0 = httpTestStart;
const startServer = testServers();

async function start(overrides: Partial<Config> = {}) {
  const { db, clock, config, logged, users, base } = await startServer(overrides);

  return { db, clock, base, config, logged, users, ...httpClient(base) };
}

type App = Awaited<ReturnType<typeof start>>;

async function newApplication(app: App, cookie: string) {
  const res = await app.mutate('applications.create', buildApplication({ targetUnit: 'METCC' }), cookie);
  expect(res.status).toBe(200);
  return res.body.result.data as { id: number; version: number };
}

const applicationState = (db: Db, id: number) => ({
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
      may: {
        createApplication: true,
        intake: true,
        admin: false,
        board: true,
        interviews: true,
        courses: false,
        coordination: true,
        landing: 'board',
        pool: false,
        checks: true,
        scheduleUnits: ['SNT', 'METCC', 'TSG', 'CT', 'MO19', 'MO3', 'SOIT', 'BCU'],
        boardUnits: ['SNT', 'METCC', 'TSG', 'CT', 'MO19', 'MO3', 'SOIT', 'BCU'],
      },
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

/* ---------- throttling: in sign-in.http.test.ts ---------- */

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
    const c = await newApplication(app, cookie);
    const before = applicationState(app.db, c.id);
    const res = await app.mutate(
      'applications.addNote',
      { id: c.id, expectedVersion: c.version, body: 'Forged note' },
      cookie,
      headers,
    );
    expect(res.status).toBe(403);
    expect(res.body.error.data.code).toBe('FORBIDDEN');
    expect(applicationState(app.db, c.id)).toEqual(before);

    // The same request as the dashboard sends it goes through: the headers made the difference.
    const genuine = await app.mutate('applications.addNote', { id: c.id, expectedVersion: c.version, body: 'Real note' }, cookie);
    expect(genuine.status).toBe(200);
    expect(applicationState(app.db, c.id).events).toBe(before.events + 1);
  });

  it('refuses a cross-site sign-in (login CSRF)', async () => {
    const app = await start();
    const res = await app.mutate('auth.login', { email: 'res@muster.test', password: testPassword }, undefined, {
      origin: 'https://evil.example',
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(app.db.select().from(sessions).all()).toEqual([]);
  });

  it('a GET to a mutation changes nothing', async () => {
    const app = await start();
    const { cookie } = await app.login();
    const c = await newApplication(app, cookie);
    const before = applicationState(app.db, c.id);
    const res = await app.query('applications.addNote', { id: c.id, expectedVersion: c.version, body: 'Via GET' }, cookie);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(applicationState(app.db, c.id)).toEqual(before);
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
    // The older header agrees with the CSP: no framing at all.
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('permissions-policy')).toContain('camera=()');
    expect(res.headers.get('permissions-policy')).toContain('geolocation=()');
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
    const c = await newApplication(app, cookie);
    const reject = await app.mutate('applications.move', { id: c.id, expectedVersion: c.version, to: 'rejected' }, cookie);
    expect(reject.status).toBe(400);
    expect(reject.body.error.data.fieldErrors.reasonId).toEqual(['Choose a reason for rejecting from the list.']);
    expect(reject.body.error.data.fieldCodes).toEqual({ reasonId: ['move.listed_reason_missing'] });
  });

  it('PRECONDITION_FAILED is 412 with data.reasons; FORBIDDEN is 403; NOT_FOUND is 404', async () => {
    const app = await start();
    const res = await app.login();
    const lead = await app.login('metcc@muster.test');
    const c = await newApplication(app, res.cookie);
    const gate = await app.mutate('applications.move', { id: c.id, expectedVersion: c.version, to: 'interview' }, res.cookie);
    expect(gate.status).toBe(412);
    expect(gate.body.error.data.reasons).toEqual(['Eligibility has not been recorded.']);
    expect(gate.body.error.data.unmet).toEqual([
      { code: 'eligibility.not_recorded', section: 'eligibility', message: 'Eligibility has not been recorded.' },
    ]);
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
    let c = await newApplication(app, cookie);
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
    expect(applicationState(app.db, c.id).row).toEqual({ version: c.version + 1, stage: 'interview' });
    const movedAfter = app.db.select({ n: count() }).from(applicationEvents).where(eq(applicationEvents.type, 'moved')).get()!.n;
    expect(movedAfter - movedBefore).toBe(1);
  });
});

/* ---------- hardening: what an outside review found (docs/SECURITY.md) ---------- */

/** Sends a body in chunks with no Content-Length, as a client streaming a large body would. */
function sendChunked(app: App, path: string, totalBytes: number, cookie?: string) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies, read field by field in the tests
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const url = new URL(`${app.base}${path}`);
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: app.base,
          'transfer-encoding': 'chunked',
          ...(cookie ? { cookie } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || 'null') }));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) =>
      // The server may stop reading and answer before the whole body is sent.
      e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e),
    );
    const head = '{"id":1,"expectedVersion":0,"body":"';
    req.write(head);
    const chunk = 'a'.repeat(64 * 1024);
    let sent = head.length;
    const pump = () => {
      while (sent < totalBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end('"}');
    };
    pump();
  });
}

const batchPath = (procs: string[]) => `/trpc/${procs.join(',')}?batch=1`;

describe('batches', () => {
  it(`carry at most ${maxBatchCalls} calls: more are refused as a whole and none runs`, async () => {
    const app = await start();
    const { cookie } = await app.login();
    const c = await newApplication(app, cookie);
    const note = { id: c.id, expectedVersion: c.version, body: 'batched' };
    const eleven = Array.from({ length: maxBatchCalls + 1 }, () => 'applications.addNote');
    const input = Object.fromEntries(eleven.map((_, i) => [i, note]));
    const refused = await app.send(batchPath(eleven), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: app.base, cookie },
      body: JSON.stringify(input),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.data.code).toBe('BATCH_TOO_LARGE');
    expect(refused.body.error.message).toContain(`at most ${maxBatchCalls} calls`);
    expect(applicationState(app.db, c.id).row?.version).toBe(c.version);

    // Commas sent as %2C are counted too (tRPC decodes the path before splitting it).
    const boards = Array.from({ length: maxBatchCalls * 20 }, () => 'applications.board');
    const encoded = await app.send(`/trpc/${boards.join('%2C')}?batch=1`, { headers: { cookie } });
    expect(encoded.status).toBe(400);
    expect(encoded.text.length).toBeLessThan(1000);

    const ten = await app.send(batchPath(Array.from({ length: maxBatchCalls }, () => 'auth.me')), { headers: { cookie } });
    expect(ten.status).toBe(200);
    expect(ten.body).toHaveLength(maxBatchCalls);
  });

  it('never carry a sign-in: no password is checked and no attempt recorded', async () => {
    const app = await start();
    const logins = Array.from({ length: 3 }, () => 'auth.login');
    const res = await app.send(batchPath(logins), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: app.base },
      body: JSON.stringify(Object.fromEntries(logins.map((_, i) => [i, { email: 'res@muster.test', password: testPassword }]))),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.data.code).toBe('LOGIN_IN_BATCH');
    const one = await app.send(batchPath(['auth.login']), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: app.base },
      body: JSON.stringify({ 0: { email: 'res@muster.test', password: testPassword } }),
    });
    expect(one.status).toBe(400);
    expect(app.db.select().from(loginAttempts).all()).toEqual([]);
    expect(app.db.select().from(sessions).all()).toEqual([]);
  });
});

describe('body limits count the bytes read', () => {
  it('a chunked 1 MB note is refused with 413 before validation, and nothing is written', async () => {
    const app = await start();
    const { cookie } = await app.login();
    const c = await newApplication(app, cookie);
    const res = await sendChunked(app, '/trpc/applications.addNote', 1024 * 1024, cookie);
    expect(res.status).toBe(413);
    expect(res.body.error.data.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.body.error.message).toBe('The request is larger than Muster accepts; nothing was changed.');
    expect(applicationState(app.db, c.id).row?.version).toBe(c.version);
  });

  it('without a session, a chunked 1 MB sign-in or import is refused with 413', async () => {
    const app = await start();
    expect((await sendChunked(app, '/trpc/auth.login', 1024 * 1024)).status).toBe(413);
    expect((await sendChunked(app, '/trpc/imports.start', 1024 * 1024)).status).toBe(413);
    expect(app.db.select().from(loginAttempts).all()).toEqual([]);
  });

  it("the import limit is for one resourcing user's single imports.start: not in a batch, not for a unit lead", async () => {
    const app = await start();
    const resourcing = (await app.login()).cookie;
    const lead = (await app.login('metcc@muster.test')).cookie;
    const big = 1024 * 1024;
    // Read whole and then refused by validation (400), not by size.
    expect((await sendChunked(app, '/trpc/imports.start', big, resourcing)).status).toBe(400);
    expect((await sendChunked(app, '/trpc/imports.start', big, lead)).status).toBe(413);
    expect((await sendChunked(app, '/trpc/imports.start,imports.start?batch=1', big, resourcing)).status).toBe(413);
    expect((await sendChunked(app, '/trpc/imports.start', bodyLimits.import + 1024, resourcing)).status).toBe(413);
  });

  it('a declared Content-Length over the limit is refused at once', async () => {
    const app = await start();
    const res = await app.mutate('auth.login', { email: 'x@muster.test', password: 'p'.repeat(300 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.error.message).toContain('at most 256 KB');
  });
});

describe('malformed cookies and text', () => {
  it('a cookie that is not a valid token is no session: 401, and sign-in still works (not 500)', async () => {
    const app = await start();
    for (const value of ['%', '%E0%A4%A', 'x'.repeat(5000)]) {
      const me = await app.query('auth.me', undefined, `muster_session=${value}`);
      expect(me.status).toBe(401);
      const res = await app.mutate('auth.login', { email: 'res@muster.test', password: testPassword }, `muster_session=${value}`);
      expect(res.status).toBe(200);
    }
    expect(app.logged).toEqual([]);
  });

  it('a body nested 100,000 deep is refused with a 4xx, not a 500, and the server answers after', async () => {
    const app = await start();
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const res = await app.send('/trpc/auth.login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: app.base },
      body: deep,
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(app.logged).toEqual([]);
    expect((await app.send('/healthz')).status).toBe(200);
  });

  it('a NUL in a search is a 400 naming the field, not a 500 from SQLite', async () => {
    const app = await start();
    const { cookie } = await app.login();
    const res = await app.query('applications.list', { q: 'x\u0000y' }, cookie);
    expect(res.status).toBe(400);
    expect(res.body.error.data.fieldErrors.q[0]).toContain('control character');
    expect(app.logged).toEqual([]);
  });

  it('a lone surrogate in a name or a note is refused naming the field; nothing is stored', async () => {
    const app = await start();
    const { cookie } = await app.login();
    const created = await app.mutate('applications.create', buildApplication({ firstName: 'Jo\uD83D' }), cookie);
    expect(created.status).toBe(400);
    expect(created.body.error.data.fieldErrors.firstName[0]).toContain('not valid text');
    expect(app.db.select().from(applications).all()).toEqual([]);

    const c = await newApplication(app, cookie);
    const note = await app.mutate('applications.addNote', { id: c.id, expectedVersion: c.version, body: 'ok \uDC00' }, cookie);
    expect(note.status).toBe(400);
    expect(note.body.error.message).toContain('body:');
    expect(applicationState(app.db, c.id).row?.version).toBe(c.version);

    // A whole emoji is text like any other.
    const fine = await app.mutate('applications.addNote', { id: c.id, expectedVersion: c.version, body: 'ok 👍' }, cookie);
    expect(fine.status).toBe(200);
  });
});

describe('the client address', () => {
  it('X-Forwarded-For is not believed unless MUSTER_TRUST_PROXY names the proxy', async () => {
    const spoofed = { 'x-forwarded-for': '203.0.113.9' };
    const app = await start();
    await app.mutate('auth.login', { email: 'res@muster.test', password: 'wrong password here' }, undefined, spoofed);
    expect(app.db.select({ ip: loginAttempts.ip }).from(loginAttempts).all()).toEqual([{ ip: '127.0.0.1' }]);

    const behindProxy = await start({ trustProxy: ['loopback'] });
    await behindProxy.mutate('auth.login', { email: 'res@muster.test', password: 'wrong password here' }, undefined, spoofed);
    expect(behindProxy.db.select({ ip: loginAttempts.ip }).from(loginAttempts).all()).toEqual([{ ip: '203.0.113.9' }]);
  });
});

describe('the access log', () => {
  it('records the case shown in the answer to a write, as it records a view', async () => {
    const app = await start();
    const resourcing = (await app.login()).cookie;
    const c = await newApplication(app, resourcing);
    const lead = (await app.login('metcc@muster.test')).cookie;
    const got = await app.query('applications.get', { id: c.id }, lead);
    const before = app.db.select().from(accessLog).all().length;
    const res = await app.mutate(
      'applications.addNote',
      { id: c.id, expectedVersion: got.body.result.data.version, body: 'Spoke to the candidate.' },
      lead,
    );
    expect(res.status).toBe(200);
    expect(res.body.result.data.email).toBeDefined();
    const entries = app.db.select().from(accessLog).all();
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)).toMatchObject({
      userId: app.users.leadMetcc,
      applicationId: c.id,
      action: 'view_after_change',
    });
  });
});

describe('static files', () => {
  it('a missing asset is 404, not the dashboard; pages of the dashboard are its HTML', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'muster-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Muster</title>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
    const app = await start({ webDist: dist });
    expect((await app.send('/assets/app.js')).status).toBe(200);
    const missing = await app.send('/assets/x.js');
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain('<title>Muster');
    expect((await app.send('/favicon.ico')).status).toBe(404);
    const page = await app.send('/cases/12');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>Muster');
  });
});
