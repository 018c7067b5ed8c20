import type { UnitCode } from '@muster/contracts';
import { closeReasons, type Db } from '@muster/db';
import { eq } from 'drizzle-orm';
import { createTestDb } from '@muster/db/testing';
import { testConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { appRouter } from './routers/_app.ts';
import { hashPassword } from './security/passwords.ts';
import { insertUser } from './services/auth.ts';
import { createContextInner, type SessionActor } from './trpc/context.ts';
import { createCallerFactory } from './trpc/init.ts';

export const testPassword = 'correct horse battery staple';

/** What a transferee's current force reports when all is well: pass this to recordEligibility to open the review gate. */
export const clearForceRecords = {
  psdRecords: 'received',
  psdOutcome: 'clear',
  ohRecords: 'received',
  ohOutcome: 'clear',
  hasOpenMisconduct: false,
} as const;

/** Ids of a listed reason to reject and to withdraw, as the reference data seeds them (checked in setupApi). */
export const closeReasonIds = { rejected: 1, withdrawn: 7 } as const;
let passwordHash: Promise<string> | undefined;

const people = {
  resourcing: { email: 'res@muster.test', name: 'Rita Resourcing', role: 'resourcing', units: [] },
  leadTsg: { email: 'tsg@muster.test', name: 'Tom TSG Lead', role: 'unit_lead', units: ['TSG'] },
  leadMetcc: { email: 'metcc@muster.test', name: 'Mo METCC Lead', role: 'unit_lead', units: ['METCC'] },
  coordinator: { email: 'coord@muster.test', name: 'Cara Coordinator', role: 'coordinator', units: [] },
  admin: { email: 'admin@muster.test', name: 'Ada Admin', role: 'admin', units: [] },
} as const satisfies Record<string, { email: string; name: string; role: SessionActor['role']; units: UnitCode[] }>;

export type Person = keyof typeof people;
const createCaller = createCallerFactory(appRouter);

/**
 * A fresh database with one user per role (password `testPassword`) and a caller per user that
 * goes through the real routers, middleware and services. `now` is a settable clock.
 */
export async function setupApi(opts: { now?: Date } = {}) {
  const db: Db = createTestDb();
  for (const [kind, id] of Object.entries(closeReasonIds)) {
    if (db.select().from(closeReasons).where(eq(closeReasons.id, id)).get()?.kind !== kind)
      throw new Error(`close reason ${id} is not a ${kind} reason`);
  }
  passwordHash ??= hashPassword(testPassword);
  const hash = await passwordHash;
  const clock = { now: opts.now ?? new Date('2026-11-23T10:00:00Z') };
  const actors = {} as Record<Person, SessionActor>;
  for (const [key, p] of Object.entries(people) as [Person, (typeof people)[Person]][]) {
    const id = insertUser(db, { ...p, units: [...p.units], passwordHash: hash });
    actors[key] = { id, email: p.email, name: p.name, role: p.role, units: [...p.units], tokenHash: `test-${key}` };
  }
  const config = testConfig();
  const logger = createLogger('silent');
  const callerFor = (actor: SessionActor | null) =>
    createCaller(createContextInner({ db, config, logger, actor, now: () => clock.now }));
  const as = Object.fromEntries((Object.keys(people) as Person[]).map((k) => [k, callerFor(actors[k])])) as Record<
    Person,
    ReturnType<typeof callerFor>
  >;
  return { db, clock, actors, as, anonymous: callerFor(null), config, logger };
}
