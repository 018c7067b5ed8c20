import { createHash, randomBytes } from 'node:crypto';
import type { CreateUserInput, LoginInput, Me, UnitCode } from '@muster/contracts';
import { loginAttempts, preparedFor, sessions, userUnits, users, type Db } from '@muster/db';
import { DomainError, fieldError } from '@muster/domain';
import { and, eq, gte, sql } from 'drizzle-orm';
import type { Config } from '../config.ts';
import { decoyHash, hashPassword, verifyPassword } from '../security/passwords.ts';
import type { SessionActor } from '../trpc/context.ts';

export const throttle = { maxFailures: 10, windowMs: 5 * 60_000 };

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

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

/** Sign-in tries per email whose password is being checked right now (the check is asynchronous). */
const checking = new Map<string, number>();

type LoginDeps = { db: Db; now: () => Date; ip: string | null };

/**
 * Checks the password and opens a session. Refuses with TOO_MANY_REQUESTS once an account has had
 * `maxFailures` failed tries inside the window, without checking the password, until the window passes.
 * Every try is recorded.
 */
export async function login(deps: LoginDeps, input: LoginInput): Promise<{ token: string; me: Me }> {
  const { db, ip } = deps;
  const now = deps.now();
  const windowStart = new Date(now.getTime() - throttle.windowMs).toISOString();
  const failures = db
    .select({ n: sql<number>`count(*)`, oldest: sql<string | null>`min(${loginAttempts.at})` })
    .from(loginAttempts)
    .where(
      and(eq(loginAttempts.email, input.email), eq(loginAttempts.outcome, 'bad_credentials'), gte(loginAttempts.at, windowStart)),
    )
    .get()!;
  const user = db.select().from(users).where(eq(users.email, input.email)).get();
  const record = (outcome: 'success' | 'bad_credentials' | 'throttled') =>
    db
      .insert(loginAttempts)
      .values({ email: input.email, userId: user?.id ?? null, at: deps.now().toISOString(), outcome, ip })
      .run();

  // Tries still being checked count too: otherwise guesses sent all at once would all be checked.
  const pending = checking.get(input.email) ?? 0;
  if (failures.n + pending >= throttle.maxFailures) {
    record('throttled');
    const until = new Date(Date.parse(failures.oldest ?? now.toISOString()) + throttle.windowMs);
    const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
    throw new DomainError(
      'TOO_MANY_REQUESTS',
      `Too many failed sign-in attempts for this account. Try again later, in about ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    );
  }
  checking.set(input.email, pending + 1);
  let isValid: boolean;
  try {
    isValid = user?.isActive
      ? await verifyPassword(input.password, user.passwordHash)
      : (await verifyPassword(input.password, await decoyHash()), false);
  } finally {
    const left = (checking.get(input.email) ?? 1) - 1;
    if (left > 0) checking.set(input.email, left);
    else checking.delete(input.email);
  }
  if (!user || !isValid) {
    record('bad_credentials');
    throw new DomainError('UNAUTHORIZED', 'The email address or password is not right.');
  }
  const token = randomBytes(32).toString('base64url');
  const at = deps.now().toISOString();
  db.transaction((tx) => {
    record('success');
    tx.insert(sessions)
      .values({ tokenHash: hashToken(token), userId: user.id, createdAt: at, lastSeenAt: at })
      .run();
  });
  return { token, me: { id: user.id, email: user.email, name: user.name, role: user.role, units: unitsOf(db, user.id) } };
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

export async function createUser(db: Db, input: CreateUserInput, now = new Date()): Promise<number> {
  if (db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) {
    throw fieldError('email', `There is already a user with the email ${input.email}.`);
  }
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
    for (const unit of input.role === 'unit_lead' ? input.units : [])
      tx.insert(userUnits).values({ userId: id, unitCode: unit }).run();
    return id;
  });
}
