import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Route, UnitCode } from '@muster/contracts';

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

export const inductionCourses = sqliteTable('induction_courses', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  startsOn: text('starts_on').notNull(),
  place: text('place').notNull(),
  capacity: integer('capacity').notNull(),
});

export const mentors = sqliteTable('mentors', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  unitCode: text('unit_code')
    .$type<UnitCode>()
    .notNull()
    .references(() => units.code),
  place: text('place').notNull(),
  capacity: integer('capacity').notNull(),
  isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
});

/** Reasons for rejecting or withdrawing a case, kept by admins. Retired reasons stay for history. */
export const closeReasons = sqliteTable('close_reasons', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind').$type<'rejected' | 'withdrawn'>().notNull(),
  label: text('label').notNull(),
  isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
});
