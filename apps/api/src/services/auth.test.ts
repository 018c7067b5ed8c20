import { loginAttempts, sessions, users } from '@muster/db';
import { DomainError } from '@muster/domain';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupApi, testPassword } from '../testing.ts';
import { networkOf } from '../security/client-network.ts';
import { createUser, login, pruneAuthRecords, resolveSession } from './auth.ts';

const codeOf = async (call: Promise<unknown>) => {
  try {
    await call;
    return 'ok';
  } catch (err) {
    if (err instanceof TRPCError) return err.code;
    throw err;
  }
};

describe('sign-in throttling under concurrency', () => {
  it('guesses sent all at once get no more than 10 password checks in the window', async () => {
    const api = await setupApi();
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        codeOf(api.anonymous.auth.login({ email: 'res@muster.test', password: `guess number ${i}` })),
      ),
    );
    expect(guesses.filter((c) => c === 'UNAUTHORIZED')).toHaveLength(10);
    expect(guesses.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(2);
    // And the right password is refused too until the window passes.
    expect(await codeOf(api.anonymous.auth.login({ email: 'res@muster.test', password: testPassword }))).toBe(
      'TOO_MANY_REQUESTS',
    );
    const outcomes = api.db
      .select({ outcome: loginAttempts.outcome })
      .from(loginAttempts)
      .all()
      .map((a) => a.outcome);
    expect(outcomes.filter((o) => o === 'bad_credentials')).toHaveLength(10);
    expect(outcomes.filter((o) => o === 'throttled')).toHaveLength(3);
  });

  it('a success is recorded as one success, and does not count towards the limit', async () => {
    const api = await setupApi();
    for (let i = 0; i < 3; i++)
      expect(await codeOf(api.anonymous.auth.login({ email: 'res@muster.test', password: testPassword }))).toBe('ok');
    const outcomes = api.db
      .select({ outcome: loginAttempts.outcome })
      .from(loginAttempts)
      .all()
      .map((a) => a.outcome);
    expect(outcomes).toEqual(['success', 'success', 'success']);
  });
});

/* ---------- limits by account and source address ---------- */

const addressA = '198.51.100.1';
const addressB = '198.51.100.2';
const minutes = (n: number) => n * 60_000;

/** Signs in through the service as the HTTP layer would, from `ip`; the outcome's code, the rule and message of a refusal. */
async function tryLogin(api: Api, ip: string | null, email: string, password: string) {
  try {
    const { me } = await login({ db: api.db, config: api.config, now: () => api.clock.now, ip }, { email, password });
    return { code: 'ok' as const, me };
  } catch (err) {
    if (err instanceof DomainError) return { code: err.code, message: err.message };
    throw err;
  }
}

/** Failed tries written straight into the table (no password hashes), `agoMs` before the clock. */
function seedFailures(api: Api, tries: { email: string; ip: string | null; agoMs: number }[]) {
  for (const t of tries)
    api.db
      .insert(loginAttempts)
      .values({
        email: t.email,
        at: new Date(api.clock.now.getTime() - t.agoMs).toISOString(),
        outcome: 'bad_credentials',
        ip: t.ip,
        network: networkOf(t.ip),
      })
      .run();
}

const refusals = (api: Api) =>
  api.db
    .select({ email: loginAttempts.email, ip: loginAttempts.ip, rule: loginAttempts.rule, userId: loginAttempts.userId })
    .from(loginAttempts)
    .where(eq(loginAttempts.outcome, 'throttled'))
    .orderBy(loginAttempts.id)
    .all();

type Api = Awaited<ReturnType<typeof setupApi>>;

describe('sign-in limits by account and address', () => {
  it('10 failures for an account from one address refuse that pair only: the owner elsewhere and other accounts get in', async () => {
    const api = await setupApi();
    seedFailures(
      api,
      Array.from({ length: 10 }, (_, i) => ({ email: 'res@muster.test', ip: addressA, agoMs: minutes(1) + i * 1_000 })),
    );
    const refused = await tryLogin(api, addressA, 'res@muster.test', testPassword);
    expect(refused).toEqual({
      code: 'TOO_MANY_REQUESTS',
      message: 'Too many failed sign-in attempts for this account from your network. Try again in about 4 minutes.',
    });
    expect((await tryLogin(api, addressB, 'res@muster.test', testPassword)).code).toBe('ok');
    expect((await tryLogin(api, addressA, 'coord@muster.test', testPassword)).code).toBe('ok');
    expect(refusals(api)).toEqual([
      { email: 'res@muster.test', ip: addressA, rule: 'account_address', userId: api.actors.resourcing.id },
    ]);

    // Refused tries do not count: once the failures leave the window, the pair gets in again.
    api.clock.now = new Date(api.clock.now.getTime() + minutes(4) + 1_000);
    expect((await tryLogin(api, addressA, 'res@muster.test', testPassword)).code).toBe('ok');
  });

  it('addresses in one IPv6 /64 count as one address', async () => {
    const api = await setupApi();
    seedFailures(
      api,
      Array.from({ length: 10 }, (_, i) => ({ email: 'res@muster.test', ip: `2001:db8:1:2::${i + 1}`, agoMs: minutes(1) })),
    );
    expect((await tryLogin(api, '2001:db8:1:2:aaaa:bbbb:cccc:dddd', 'res@muster.test', testPassword)).code).toBe(
      'TOO_MANY_REQUESTS',
    );
    expect((await tryLogin(api, '2001:db8:1:3::1', 'res@muster.test', testPassword)).code).toBe('ok');
    expect(refusals(api)).toEqual([
      {
        email: 'res@muster.test',
        ip: '2001:db8:1:2:aaaa:bbbb:cccc:dddd',
        rule: 'account_address',
        userId: api.actors.resourcing.id,
      },
    ]);
  });

  it('an email that is no one’s is refused the same way, with the same message', async () => {
    const api = await setupApi();
    const ten = (email: string) => Array.from({ length: 10 }, () => ({ email, ip: addressA, agoMs: minutes(2) }));
    seedFailures(api, [...ten('res@muster.test'), ...ten('nobody@muster.test')]);
    const user = await tryLogin(api, addressA, 'res@muster.test', 'a guess');
    const nobody = await tryLogin(api, addressA, 'nobody@muster.test', 'a guess');
    expect(nobody).toEqual(user);
    expect(nobody.code).toBe('TOO_MANY_REQUESTS');
    expect(refusals(api).map((r) => [r.email, r.rule, r.userId])).toEqual([
      ['res@muster.test', 'account_address', api.actors.resourcing.id],
      ['nobody@muster.test', 'account_address', null],
    ]);
  });

  it('30 failures from one address, whatever the accounts, refuse that address for every account until they leave the window', async () => {
    const api = await setupApi();
    seedFailures(
      api,
      Array.from({ length: 30 }, (_, i) => ({ email: `user${i}@example.com`, ip: addressA, agoMs: minutes(3) - i * 1_000 })),
    );
    const refused = await tryLogin(api, addressA, 'res@muster.test', testPassword);
    expect(refused).toEqual({
      code: 'TOO_MANY_REQUESTS',
      message: 'Too many failed sign-in attempts from your network. Try again in about 2 minutes.',
    });
    expect((await tryLogin(api, addressB, 'res@muster.test', testPassword)).code).toBe('ok');
    api.clock.now = new Date(api.clock.now.getTime() + minutes(2) + 1_000);
    expect((await tryLogin(api, addressA, 'res@muster.test', testPassword)).code).toBe('ok');
    expect(refusals(api).map((r) => r.rule)).toEqual(['address']);
  });

  it('tries from one address sent all at once get no more password checks than the address has left', async () => {
    const api = await setupApi();
    seedFailures(
      api,
      Array.from({ length: 25 }, (_, i) => ({ email: `user${i}@example.com`, ip: addressA, agoMs: minutes(1) })),
    );
    // Ten different accounts, one guess each, in parallel: 5 are checked (and fail), 5 refused.
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        tryLogin(api, addressA, i % 2 ? `spray${i}@example.com` : 'res@muster.test', `guess number ${i}`),
      ),
    );
    expect(outcomes.filter((o) => o.code === 'UNAUTHORIZED')).toHaveLength(5);
    expect(outcomes.filter((o) => o.code === 'TOO_MANY_REQUESTS')).toHaveLength(5);
    expect(refusals(api).map((r) => r.rule)).toEqual(Array(5).fill('address'));
  });

  it('past 100 failures an hour for an account, only addresses it signed in from in the last 30 days get through', async () => {
    const api = await setupApi();
    const known = '203.0.113.7';
    const lapsed = '203.0.113.8';
    const success = (ip: string, agoMs: number) =>
      api.db
        .insert(loginAttempts)
        .values({
          email: 'res@muster.test',
          userId: api.actors.resourcing.id,
          at: new Date(api.clock.now.getTime() - agoMs).toISOString(),
          outcome: 'success',
          ip,
          network: ip,
        })
        .run();
    success(known, minutes(10 * 24 * 60));
    success(lapsed, minutes(31 * 24 * 60));
    // 100 failures from 100 addresses across the last hour: each address is well under its own limits.
    seedFailures(
      api,
      Array.from({ length: 100 }, (_, i) => ({ email: 'res@muster.test', ip: `192.0.2.${i}`, agoMs: minutes(59) - i * 30_000 })),
    );
    const fromNew = await tryLogin(api, addressA, 'res@muster.test', testPassword);
    expect(fromNew).toEqual({
      code: 'TOO_MANY_REQUESTS',
      message:
        'Too many failed sign-in attempts for this account from many places. Try again in about 1 minute, or sign in from a network you have signed in from in the last 30 days.',
    });
    expect((await tryLogin(api, lapsed, 'res@muster.test', testPassword)).code).toBe('TOO_MANY_REQUESTS');
    expect((await tryLogin(api, known, 'res@muster.test', testPassword)).code).toBe('ok');
    // Other accounts are not slowed.
    expect((await tryLogin(api, addressA, 'coord@muster.test', testPassword)).code).toBe('ok');
    expect(refusals(api).map((r) => [r.ip, r.rule])).toEqual([
      [addressA, 'account_ceiling'],
      [lapsed, 'account_ceiling'],
    ]);
    // When the oldest failure leaves the hour, the count is under the ceiling again.
    api.clock.now = new Date(api.clock.now.getTime() + minutes(1) + 1_000);
    expect((await tryLogin(api, addressA, 'res@muster.test', testPassword)).code).toBe('ok');
  });
});

/* ---------- sessions ---------- */

describe('sessions per user', () => {
  it('a sign-in keeps the other sessions, up to 5: the sixth ends the one used longest ago', async () => {
    const api = await setupApi();
    const t0 = api.clock.now.getTime();
    const deps = { db: api.db, config: api.config, now: () => api.clock.now, ip: addressA };
    const tokens: string[] = [];
    for (let i = 0; i < 5; i++) {
      api.clock.now = new Date(t0 + minutes(i));
      const { token, endedSessions } = await login(deps, { email: 'res@muster.test', password: testPassword });
      expect(endedSessions).toBe(0);
      tokens.push(token);
    }
    const alive = () => tokens.map((t) => resolveSession(api.db, api.config, t, api.clock.now) !== null);
    // The first session is used again, so the second is now the one used longest ago.
    api.clock.now = new Date(t0 + minutes(6));
    expect(resolveSession(api.db, api.config, tokens[0], api.clock.now)).not.toBeNull();

    api.clock.now = new Date(t0 + minutes(7));
    const sixth = await login(deps, { email: 'res@muster.test', password: testPassword });
    expect(sixth.endedSessions).toBe(1);
    tokens.push(sixth.token);
    expect(alive()).toEqual([true, false, true, true, true, true]);
    expect(api.db.select().from(sessions).where(eq(sessions.userId, api.actors.resourcing.id)).all()).toHaveLength(5);
  });
});

describe('pruneAuthRecords', () => {
  it('deletes expired sessions and the sign-in tries no limit needs any more, and nothing else', async () => {
    const api = await setupApi();
    const now = api.clock.now;
    const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
    const hour = minutes(60);
    const day = 24 * hour;
    const session = (tokenHash: string, userId: number, createdAgo: number, seenAgo: number) =>
      api.db
        .insert(sessions)
        .values({ tokenHash, userId, createdAt: ago(createdAgo), lastSeenAt: ago(seenAgo) })
        .run();
    const { resourcing, coordinator } = api.actors;
    session('live', resourcing.id, hour, minutes(29));
    session('idle', resourcing.id, hour, minutes(31));
    session('too-old', resourcing.id, 12 * hour + minutes(1), minutes(1));
    session('deactivated', coordinator.id, hour, minutes(1));
    api.db.update(users).set({ isActive: false }).where(eq(users.id, coordinator.id)).run();
    const attempt = (label: string, outcome: 'success' | 'bad_credentials' | 'throttled', agoMs: number) =>
      api.db
        .insert(loginAttempts)
        .values({ email: `${label}@example.com`, at: ago(agoMs), outcome, ip: addressA })
        .run();
    attempt('failure-59m', 'bad_credentials', minutes(59));
    attempt('failure-61m', 'bad_credentials', minutes(61));
    attempt('refusal-59m', 'throttled', minutes(59));
    attempt('refusal-2h', 'throttled', 2 * hour);
    attempt('success-29d', 'success', 29 * day);
    attempt('success-31d', 'success', 31 * day);

    expect(pruneAuthRecords(api.db, now, api.config)).toEqual({ sessions: 3, loginAttempts: 3 });
    expect(api.db.select({ t: sessions.tokenHash }).from(sessions).all()).toEqual([{ t: 'live' }]);
    expect(
      api.db
        .select({ email: loginAttempts.email })
        .from(loginAttempts)
        .all()
        .map((a) => a.email.split('@')[0]),
    ).toEqual(['failure-59m', 'refusal-59m', 'success-29d']);
    // Run again: nothing more to do.
    expect(pruneAuthRecords(api.db, now, api.config)).toEqual({ sessions: 0, loginAttempts: 0 });
  });
});

/* ---------- passwords ---------- */

describe('createUser', () => {
  it.each([
    ['aaaaaaaaaaaa', 'different characters'],
    [' '.repeat(12), 'something other than spaces'],
    ['password1234', '10,000 most common'],
    ['new.person 2026 horse', 'before the @'],
  ])('refuses %j, saying what to change, and creates no one', async (password, message) => {
    const api = await setupApi();
    const input = { email: 'new.person@met.police.uk', name: 'New Person', role: 'admin' as const, units: [], password };
    const err = await createUser(api.db, input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('BAD_REQUEST');
    expect((err as DomainError).details.fieldErrors?.password?.join(' ')).toContain(message);
    expect(api.db.select().from(users).where(eq(users.email, input.email)).all()).toEqual([]);
  });
});
