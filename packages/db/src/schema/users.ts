import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Role, UnitCode } from '@muster/contracts';
import { units } from './reference.ts';

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role').$type<Role>().notNull(),
  passwordHash: text('password_hash').notNull(),
  isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
  /** The most interviews this person sits on in one day (a per-user setting). */
  maxInterviewsPerDay: integer('max_interviews_per_day').notNull().default(4),
});

export const userUnits = sqliteTable(
  'user_units',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    unitCode: text('unit_code')
      .$type<UnitCode>()
      .notNull()
      .references(() => units.code),
  },
  (t) => [primaryKey({ columns: [t.userId, t.unitCode] })],
);

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the cookie token; the token itself is never stored. */
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Which sign-in limit refused a try: too many failures for this account from this address, from this
 * address for any accounts, or for this account from everywhere (then only its known addresses get through).
 */
export type LoginRefusalRule = 'account_address' | 'address' | 'account_ceiling';

export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    userId: integer('user_id').references(() => users.id),
    at: text('at').notNull(),
    /** success, bad_credentials (counts towards throttling), or throttled (refused without checking). */
    outcome: text('outcome').$type<'success' | 'bad_credentials' | 'throttled'>().notNull(),
    ip: text('ip'),
    /** What the sign-in limits count the address under: IPv4 as it is, IPv6 by its /64 (apps/api/src/security/client-network.ts). */
    network: text('network'),
    /** For a throttled try, the limit that refused it; null otherwise (and for tries recorded before rules had names). */
    rule: text('rule').$type<LoginRefusalRule>(),
  },
  // Sign-in counts failures (and finds successes) by account and by network: with the outcome in the
  // index, a flood of refused tries for one account or from one network does not slow those counts.
  (t) => [
    index('login_attempts_email_outcome_at_idx').on(t.email, t.outcome, t.at),
    index('login_attempts_network_outcome_at_idx').on(t.network, t.outcome, t.at),
  ],
);

/** A user's named triage queue filters. */
export const savedViews = sqliteTable(
  'saved_views',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    filters: text('filters', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('saved_views_user_name_idx').on(t.userId, t.name)],
);
