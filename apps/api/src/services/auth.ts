import { unitScopedRoles, type CreateUserInput, type LoginInput, type Me, type UnitCode } from '@muster/contracts';
import { loginAttempts, preparedFor, sessions, userUnits, users, type Db, type LoginRefusalRule } from '@muster/db';
import { DomainError, fieldError } from '@muster/domain';
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Config } from '../config.ts';
import { networkOf } from '../security/client-network.ts';
import { hashToken, newToken } from '../security/tokens.ts';
import { passwordProblems } from '../security/password-policy.ts';
import { decoyHash, hashPassword, verifyPassword } from '../security/passwords.ts';
import type { SessionActor } from '../trpc/context.ts';

/**
 * The sign-in limits. Failed tries are counted three ways, and only failures count: a refused try
 * checks no password, so it tells a guesser nothing and does not extend a refusal. An "address" is the
 * client's network as `networkOf` gives it (an IPv4 address; an IPv6 /64), and tries still being
 * checked count as failures until they are known not to be.
 * - accountAddress: one account from one address. Cyber Essentials' 10 guesses in 5 minutes; past it
 *   that pair is refused until its window clears, while the account's owner elsewhere is not.
 * - address: one address, whatever the accounts, against one machine trying a password on many
 *   accounts. 30 in 5 minutes: a team behind one office address stays well under it (ten people
 *   mistyping three times each), and one address gets 30 password checks in 5 minutes, however many
 *   requests it sends at once.
 * - accountCeiling: one account from all addresses (ASVS 4.0.3 2.2.1: at most 100 failures an hour).
 *   Past it only addresses the account signed in from in the last 30 days get through (still under
 *   the per-pair limit), so guessing from many addresses stops without locking the owner out where
 *   they usually work. Someone away for more than 30 days waits for the hour to clear like anyone else.
 */
export const throttle = {
  accountAddress: { maxFailures: 10, windowMs: 5 * 60_000 },
  address: { maxFailures: 30, windowMs: 5 * 60_000 },
  accountCeiling: { maxFailures: 100, windowMs: 60 * 60_000, knownAddressMs: 30 * 24 * 3_600_000 },
} as const;

/** A user's live sessions at most: a sign-in beyond this ends the one used longest ago. */
export const maxSessionsPerUser = 5;


/** The queries every signed-in request makes, prepared once per connection. */
const sessionQueries = preparedFor((db) => {
  const tokenHash = sql.placeholder('tokenHash');
  return {
    session: db
      .select({
        s: sessions,
        u: { id: users.id, email: users.email, name: users.name, role: users.role, isActive: users.isActive },
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.tokenHash, tokenHash))
      .prepare(),
    units: db
      .select({ code: userUnits.unitCode })
      .from(userUnits)
      .where(eq(userUnits.userId, sql.placeholder('userId')))
      .prepare(),
    touch: db
      .update(sessions)
      .set({ lastSeenAt: sql`${sql.placeholder('at')}` })
      .where(eq(sessions.tokenHash, tokenHash))
      .prepare(),
    remove: db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).prepare(),
  };
});

function unitsOf(db: Db, userId: number): UnitCode[] {
  return sessionQueries(db)
    .units.all({ userId })
    .map((r) => r.code);
}

/**
 * Sign-in tries whose password is being checked right now (the check is asynchronous), counted for
 * each limit: otherwise guesses sent all at once would all be checked before the first failure is recorded.
 */
const checking: Record<LoginRefusalRule, Map<string, number>> = {
  account_address: new Map(),
  address: new Map(),
  account_ceiling: new Map(),
};

/** The key each limit counts a try under; tries without an address (scripts, tests) count as one network. */
const checkingKeys = (email: string, network: string | null): Record<LoginRefusalRule, string> => ({
  account_address: JSON.stringify([email, network]),
  address: JSON.stringify(network),
  account_ceiling: email,
});

function startChecking(email: string, network: string | null): () => void {
  const keys = checkingKeys(email, network);
  for (const [rule, key] of Object.entries(keys) as [LoginRefusalRule, string][])
    checking[rule].set(key, (checking[rule].get(key) ?? 0) + 1);
  return () => {
    for (const [rule, key] of Object.entries(keys) as [LoginRefusalRule, string][]) {
      const left = (checking[rule].get(key) ?? 1) - 1;
      if (left > 0) checking[rule].set(key, left);
      else checking[rule].delete(key);
    }
  };
}

const fromNetwork = (network: string | null) =>
  network === null ? isNull(loginAttempts.network) : eq(loginAttempts.network, network);

type Refusal = { rule: LoginRefusalRule; message: string; retryAfterSeconds: number };

const minutesUntil = (at: number, now: Date) => {
  const minutes = Math.max(1, Math.ceil((at - now.getTime()) / 60_000));
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
};

const refusalMessages: Record<LoginRefusalRule, (wait: string) => string> = {
  account_address: (wait) => `Too many failed sign-in attempts for this account from your network. Try again in about ${wait}.`,
  address: (wait) => `Too many failed sign-in attempts from your network. Try again in about ${wait}.`,
  account_ceiling: (wait) =>
    `Too many failed sign-in attempts for this account from many places. Try again in about ${wait}, or sign in from a network you have signed in from in the last 30 days.`,
};

/**
 * The limit a try from `network` for `email` is refused by, if any (in the order of the `throttle` comment),
 * with how long until its count falls back under the limit. Counts the same for emails that are no
 * one's, so a refusal says nothing about which emails are users.
 */
function refusalFor(db: Db, email: string, network: string | null, now: Date): Refusal | null {
  const keys = checkingKeys(email, network);
  const limits: [LoginRefusalRule, { maxFailures: number; windowMs: number }, SQL | undefined][] = [
    ['account_address', throttle.accountAddress, and(eq(loginAttempts.email, email), fromNetwork(network))],
    ['address', throttle.address, fromNetwork(network)],
    ['account_ceiling', throttle.accountCeiling, eq(loginAttempts.email, email)],
  ];
  for (const [rule, { maxFailures, windowMs }, where] of limits) {
    const failures = and(
      where,
      eq(loginAttempts.outcome, 'bad_credentials'),
      gte(loginAttempts.at, new Date(now.getTime() - windowMs).toISOString()),
    );
    const counted = db.select({ n: count() }).from(loginAttempts).where(failures).get();
    if (!counted) throw new Error('count() returned no row');
    const n = counted.n;
    if (n + (checking[rule].get(keys[rule]) ?? 0) < maxFailures) continue;
    if (rule === 'account_ceiling' && isKnownNetwork(db, email, network, now)) continue;
    // The count falls under the limit when the failure at position n - maxFailures (oldest first) leaves the window.
    const clearsAt = db
      .select({ at: loginAttempts.at })
      .from(loginAttempts)
      .where(failures)
      .orderBy(asc(loginAttempts.at))
      .limit(1)
      .offset(Math.max(0, n - maxFailures))
      .get()?.at;
    const until = clearsAt ? Date.parse(clearsAt) + windowMs : now.getTime() + windowMs;
    return {
      rule,
      message: refusalMessages[rule](minutesUntil(until, now)),
      retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)),
    };
  }
  return null;
}

/** Whether the account signed in successfully from `network` within the known-address period. */
function isKnownNetwork(db: Db, email: string, network: string | null, now: Date): boolean {
  const since = new Date(now.getTime() - throttle.accountCeiling.knownAddressMs).toISOString();
  return !!db
    .select({ id: loginAttempts.id })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, email),
        eq(loginAttempts.outcome, 'success'),
        fromNetwork(network),
        gte(loginAttempts.at, since),
      ),
    )
    .limit(1)
    .get();
}

type LoginDeps = { db: Db; config: Pick<Config, 'sessionIdleMs' | 'sessionAbsoluteMs'>; now: () => Date; ip: string | null };

/**
 * Checks the password and opens a session. Refuses with TOO_MANY_REQUESTS, without checking the
 * password, while a `throttle` limit is reached. Every try is recorded, a refused one with its rule.
 * The user keeps their other sessions, up to `maxSessionsPerUser`: beyond that the one used longest
 * ago ends (`endedSessions` says how many did).
 */
export async function login(deps: LoginDeps, input: LoginInput): Promise<{ token: string; me: Me; endedSessions: number }> {
  const { db, ip } = deps;
  const network = networkOf(ip);
  const user = db.select().from(users).where(eq(users.email, input.email)).get();
  const record = (outcome: 'success' | 'bad_credentials' | 'throttled', rule: LoginRefusalRule | null = null) =>
    db
      .insert(loginAttempts)
      .values({ email: input.email, userId: user?.id ?? null, at: deps.now().toISOString(), outcome, ip, network, rule })
      .run();

  const refusal = refusalFor(db, input.email, network, deps.now());
  if (refusal) {
    record('throttled', refusal.rule);
    throw new DomainError('TOO_MANY_REQUESTS', refusal.message, {
      rule: refusal.rule,
      retryAfterSeconds: refusal.retryAfterSeconds,
    });
  }
  const doneChecking = startChecking(input.email, network);
  let isValid: boolean;
  try {
    isValid = user?.isActive
      ? await verifyPassword(input.password, user.passwordHash)
      : (await verifyPassword(input.password, await decoyHash()), false);
  } finally {
    doneChecking();
  }
  if (!user || !isValid) {
    record('bad_credentials');
    throw new DomainError('UNAUTHORIZED', 'The email address or password is not right.');
  }
  const token = newToken();
  const now = deps.now();
  const at = now.toISOString();
  const endedSessions = db.transaction((tx) => {
    record('success');
    const tokenHash = hashToken(token);
    tx.insert(sessions).values({ tokenHash, userId: user.id, createdAt: at, lastSeenAt: at }).run();
    // This user's expired sessions go; of the rest, the new one and the most recently used others are kept.
    tx.delete(sessions)
      .where(and(eq(sessions.userId, user.id), isExpiredSession(now, deps.config)))
      .run();
    const kept = tx
      .select({ tokenHash: sessions.tokenHash })
      .from(sessions)
      .where(and(eq(sessions.userId, user.id), ne(sessions.tokenHash, tokenHash)))
      .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt), desc(sql`rowid`))
      .limit(maxSessionsPerUser - 1);
    return tx
      .delete(sessions)
      .where(and(eq(sessions.userId, user.id), ne(sessions.tokenHash, tokenHash), notInArray(sessions.tokenHash, kept)))
      .run().changes;
  });
  return {
    token,
    me: { id: user.id, email: user.email, name: user.name, role: user.role, units: unitsOf(db, user.id) },
    endedSessions,
  };
}

/** Sessions past their idle or absolute timeout at `now` (as resolveSession judges them). */
function isExpiredSession(now: Date, config: Pick<Config, 'sessionIdleMs' | 'sessionAbsoluteMs'>): SQL {
  const t = now.getTime();
  const expired = or(
    lt(sessions.lastSeenAt, new Date(t - config.sessionIdleMs).toISOString()),
    lt(sessions.createdAt, new Date(t - config.sessionAbsoluteMs).toISOString()),
  );
  // or() is undefined only when every condition given to it is.
  if (!expired) throw new Error('or() of two conditions gave no condition');
  return expired;
}

/**
 * Deletes what sign-in no longer needs: sessions that have expired (idle or absolute timeout, or their
 * user deactivated), failed and refused sign-in tries older than the longest throttle window, and
 * successful ones older than the known-address period. Safe to run at any time; main.ts runs it on a timer.
 */
export function pruneAuthRecords(
  db: Db,
  now: Date,
  config: Pick<Config, 'sessionIdleMs' | 'sessionAbsoluteMs'>,
): { sessions: number; loginAttempts: number } {
  const t = now.getTime();
  const longestWindowMs = Math.max(...Object.values(throttle).map((l) => l.windowMs));
  return db.transaction((tx) => ({
    sessions: tx
      .delete(sessions)
      .where(
        or(
          isExpiredSession(now, config),
          inArray(sessions.userId, tx.select({ id: users.id }).from(users).where(eq(users.isActive, false))),
        ),
      )
      .run().changes,
    loginAttempts: tx
      .delete(loginAttempts)
      .where(
        or(
          and(ne(loginAttempts.outcome, 'success'), lt(loginAttempts.at, new Date(t - longestWindowMs).toISOString())),
          and(
            eq(loginAttempts.outcome, 'success'),
            lt(loginAttempts.at, new Date(t - throttle.accountCeiling.knownAddressMs).toISOString()),
          ),
        ),
      )
      .run().changes,
  }));
}

export function logout(db: Db, tokenHash: string): void {
  sessionQueries(db).remove.run({ tokenHash });
}

/** How often a session's last-seen time is written: reads stay reads, and idle timeout is exact to a minute. */
const touchEveryMs = 60_000;

/** The user behind a session cookie, or null if there is none or it has expired (expired sessions are removed). */
export function resolveSession(db: Db, config: Config, token: string | undefined, now: Date): SessionActor | null {
  if (!token || token.length > 100) return null;
  const tokenHash = hashToken(token);
  const q = sessionQueries(db);
  const row = q.session.get({ tokenHash });
  if (!row) return null;
  const t = now.getTime();
  const isExpired =
    !row.u.isActive ||
    t - Date.parse(row.s.lastSeenAt) > config.sessionIdleMs ||
    t - Date.parse(row.s.createdAt) > config.sessionAbsoluteMs;
  if (isExpired) {
    logout(db, tokenHash);
    return null;
  }
  if (t - Date.parse(row.s.lastSeenAt) > touchEveryMs) {
    q.touch.run({ tokenHash, at: now.toISOString() });
  }
  return { id: row.u.id, email: row.u.email, name: row.u.name, role: row.u.role, units: unitsOf(db, row.u.id), tokenHash };
}

/**
 * Creates a user with a password that meets `passwordPolicy`: refused with BAD_REQUEST and every
 * problem under `fieldErrors.password` otherwise.
 */
export async function createUser(db: Db, input: CreateUserInput, now = new Date()): Promise<number> {
  if (db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) {
    throw fieldError('email', `There is already a user with the email ${input.email}.`);
  }
  const problems = passwordProblems(input.password, { email: input.email });
  if (problems.length) throw new DomainError('BAD_REQUEST', problems.join(' '), { fieldErrors: { password: problems } });
  const passwordHash = await hashPassword(input.password);
  return insertUser(db, { ...input, passwordHash }, now);
}

/** Writes a user whose password is already hashed (demo accounts share one hash computation). */
export function insertUser(
  db: Db,
  input: Omit<CreateUserInput, 'password'> & { passwordHash: string },
  now = new Date(),
): number {
  return db.transaction((tx) => {
    const { id } = tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash: input.passwordHash,
        createdAt: now.toISOString(),
      })
      .returning({ id: users.id })
      .get();
    for (const unit of (unitScopedRoles as readonly string[]).includes(input.role) ? input.units : [])
      tx.insert(userUnits).values({ userId: id, unitCode: unit }).run();
    return id;
  });
}
