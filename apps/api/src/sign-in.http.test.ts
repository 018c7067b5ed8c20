import { loginAttempts, sessions } from '@muster/db';
import { describe, expect, it } from 'vitest';
import { testPassword as password } from './testing.ts';
import { httpTestStart, testServers } from './testing-http.ts';

/* Sign-in limits over real HTTP, from several client addresses: the app trusts X-Forwarded-For from loopback. */

const t0 = httpTestStart;
const addressA = '198.51.100.1';
const addressB = '198.51.100.2';
const startServer = testServers();

async function start() {
  const { db, clock, users, base } = await startServer({ trustProxy: ['loopback'] });

  /** `auth.login` as the dashboard sends it, through a proxy that says the client is `from`. */
  async function login(from: string, email: string, pw: string) {
    const res = await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: base,
        'sec-fetch-site': 'same-origin',
        'x-forwarded-for': from,
      },
      body: JSON.stringify({ email, password: pw }),
    });
    const body = (await res.json()) as { error?: { message: string; data: { rule?: string; retryAfterSeconds?: number } } };
    return {
      status: res.status,
      message: body.error?.message,
      setCookie: res.headers.get('set-cookie'),
      ...(res.status === 429
        ? { rule: body.error?.data.rule, retryAfter: res.headers.get('retry-after'), data: body.error?.data.retryAfterSeconds }
        : {}),
    };
  }

  /** Failed tries written straight into the table (no password hashes), `agoMs` before the clock. */
  function seedFailures(tries: { email: string; ip: string; agoMs: number }[]) {
    for (const t of tries)
      db.insert(loginAttempts)
        .values({
          email: t.email,
          at: new Date(clock.now.getTime() - t.agoMs).toISOString(),
          outcome: 'bad_credentials',
          ip: t.ip,
          network: t.ip,
        })
        .run();
  }

  const attempts = () =>
    db
      .select({
        email: loginAttempts.email,
        ip: loginAttempts.ip,
        outcome: loginAttempts.outcome,
        rule: loginAttempts.rule,
        userId: loginAttempts.userId,
      })
      .from(loginAttempts)
      .orderBy(loginAttempts.id)
      .all();
  return { db, clock, login, seedFailures, attempts, users };
}

describe('sign-in throttling', () => {
  it('after 10 failures from one address refuses that account there, even the right password, with 429; not from elsewhere', async () => {
    const app = await start();
    for (let i = 0; i < 10; i++) expect((await app.login(addressA, 'res@muster.test', `guess ${i}`)).status).toBe(401);

    const throttled = await app.login(addressA, 'res@muster.test', password);
    expect(throttled).toEqual({
      status: 429,
      message: 'Too many failed sign-in attempts for this account from your network. Try again in about 5 minutes.',
      setCookie: null,
      // The refusal says which limit, and when to try again, as data and as Retry-After.
      rule: 'account_address',
      retryAfter: '300',
      data: 300,
    });
    expect(app.db.select().from(sessions).all()).toEqual([]);

    // The owner somewhere else gets in, and so does another account from the same address.
    expect((await app.login(addressB, 'res@muster.test', password)).status).toBe(200);
    expect((await app.login(addressA, 'metcc@muster.test', password)).status).toBe(200);

    app.clock.now = new Date(t0.getTime() + 5 * 60_000 + 1_000);
    expect((await app.login(addressA, 'res@muster.test', password)).status).toBe(200);

    const forRita = app.attempts().filter((a) => a.email === 'res@muster.test');
    expect(forRita.map((a) => [a.ip, a.outcome, a.rule])).toEqual([
      ...Array.from({ length: 10 }, () => [addressA, 'bad_credentials', null]),
      [addressA, 'throttled', 'account_address'],
      [addressB, 'success', null],
      [addressA, 'success', null],
    ]);
    expect(forRita.every((a) => a.userId === app.users.resourcing)).toBe(true);
  });

  it('one address guessing across many accounts with parallel requests gets only the password checks its limit has left', async () => {
    const app = await start();
    app.seedFailures(Array.from({ length: 26 }, (_, i) => ({ email: `user${i}@example.com`, ip: addressA, agoMs: 60_000 })));
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        app.login(addressA, i === 0 ? 'res@muster.test' : `spray${i}@example.com`, 'Summer2026!'),
      ),
    );
    expect(replies.filter((r) => r.status === 401)).toHaveLength(4);
    const refused = replies.filter((r) => r.status === 429);
    expect(refused).toHaveLength(8);
    expect(new Set(refused.map((r) => r.message))).toEqual(
      new Set(['Too many failed sign-in attempts from your network. Try again in about 4 minutes.']),
    );
    expect(
      app
        .attempts()
        .filter((a) => a.outcome === 'throttled')
        .map((a) => a.rule),
    ).toEqual(Array(8).fill('address'));
    // Another address is not slowed.
    expect((await app.login(addressB, 'res@muster.test', password)).status).toBe(200);
  });

  it('past 100 failures in the hour for one account, a new address is refused and the owner’s usual one is not', async () => {
    const app = await start();
    const usual = '203.0.113.20';
    app.db
      .insert(loginAttempts)
      .values({
        email: 'res@muster.test',
        userId: app.users.resourcing,
        at: new Date(t0.getTime() - 3 * 24 * 3_600_000).toISOString(),
        outcome: 'success',
        ip: usual,
        network: usual,
      })
      .run();
    app.seedFailures(
      Array.from({ length: 100 }, (_, i) => ({ email: 'res@muster.test', ip: `192.0.2.${i}`, agoMs: 30 * 60_000 })),
    );
    const fromNew = await app.login(addressA, 'res@muster.test', password);
    expect(fromNew.status).toBe(429);
    expect(fromNew.message).toContain('sign in from a network you have signed in from in the last 30 days');
    expect((await app.login(usual, 'res@muster.test', password)).status).toBe(200);
    expect(app.attempts().filter((a) => a.outcome === 'throttled')).toEqual([
      { email: 'res@muster.test', ip: addressA, outcome: 'throttled', rule: 'account_ceiling', userId: app.users.resourcing },
    ]);
  });
});
