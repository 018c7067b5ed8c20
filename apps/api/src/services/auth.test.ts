import { loginAttempts } from '@muster/db';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { setupApi, testPassword } from '../testing.ts';

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
