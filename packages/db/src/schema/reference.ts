import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Route, UnitCode } from '@muster/contracts';
import { users } from './users.ts';

export const units = sqliteTable('units', {
  code: text('code').$type<UnitCode>().primaryKey(),
  name: text('name').notNull(),
});

export const places = sqliteTable(
  'places',
  {
    unitCode: text('unit_code')
      .$type<UnitCode>()
      .notNull()
      .references(() => units.code),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitCode, t.name] })],
);

export const forces = sqliteTable('forces', {
  name: text('name').primaryKey(),
  isMet: integer('is_met', { mode: 'boolean' }).notNull().default(false),
});

export const checkTypes = sqliteTable('check_types', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  unitCode: text('unit_code')
    .$type<UnitCode>()
    .references(() => units.code),
});

export const programmes = sqliteTable('programmes', {
  route: text('route').$type<Route>().primaryKey(),
  name: text('name').notNull(),
  years: integer('years').notNull(),
});

/** Induction courses, kept by coordinators and admins. A cancelled course stays, for the history. */
export const inductionCourses = sqliteTable('induction_courses', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  startsOn: text('starts_on').notNull(),
  place: text('place').notNull(),
  capacity: integer('capacity').notNull(),
  status: text('status').$type<'scheduled' | 'cancelled'>().notNull().default('scheduled'),
  cancelReason: text('cancel_reason'),
  version: integer('version').notNull().default(1),
});

/** What a person in the pool does for joiners. */
export type MentorKind = 'mentor' | 'buddy' | 'both';

/**
 * The mentor and buddy pool, kept by coordinators: serving Met officers. `isPaused`: takes no one new
 * for now; `isActive` false: retired from the pool (kept, for the history). `userId`: their Muster
 * account, if they have one (so a panel member is never suggested to mentor a joiner they interviewed).
 */
export const mentors = sqliteTable('mentors', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  unitCode: text('unit_code')
    .$type<UnitCode>()
    .notNull()
    .references(() => units.code),
  place: text('place').notNull(),
  capacity: integer('capacity').notNull(),
  kind: text('kind').$type<MentorKind>().notNull().default('both'),
  isPaused: integer('is_paused', { mode: 'boolean' }).notNull().default(false),
  isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
  userId: integer('user_id').references(() => users.id),
  version: integer('version').notNull().default(1),
});

/** Reasons for rejecting or withdrawing a case, kept by admins. Retired reasons stay for history. */
export const closeReasons = sqliteTable('close_reasons', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind').$type<'rejected' | 'withdrawn'>().notNull(),
  label: text('label').notNull(),
  isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
});
