import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { CreateApplicationInput } from '@muster/contracts';
import { createDb, migrateDb, type Db } from './client.ts';
import { seedReferenceData } from './reference-data.ts';
import * as schema from './schema/index.ts';

let template: Buffer | undefined;

/** A fresh in-memory database with migrations and reference data: migrated once, copied per call. */
export function createTestDb(): Db {
  if (!template) {
    const db = createDb(':memory:');
    migrateDb(db);
    seedReferenceData(db);
    template = db.$client.serialize();
    db.$client.close();
  }
  const sqlite = new Database(template);
  sqlite.pragma('foreign_keys = ON');
  return drizzle<typeof schema>(sqlite, { schema });
}

let sequence = 0;

/** Plain data for a new transferee application; override what the test is about. */
export function buildApplication(overrides: Partial<CreateApplicationInput> = {}): CreateApplicationInput {
  sequence += 1;
  return {
    route: 'transferee',
    cohortYear: null,
    firstName: 'Sam',
    lastName: `Carter${sequence}`,
    email: `sam.carter${sequence}@example.com`,
    phone: '07700 900123',
    dateOfBirth: '1992-04-17',
    currentForce: 'Kent Police',
    rank: 'PC',
    warrantNumber: `W${100000 + sequence}`,
    joinedForceOn: '2019-09-02',
    targetUnit: null,
    unitPreferences: [],
    postingPreference: null,
    specialistSkills: [],
    ...overrides,
  };
}
