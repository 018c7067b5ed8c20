import {
  checkTypes as checkTypeList,
  defaultCloseReasons,
  homeOfficeForces,
  defaultScorecardCriteria,
  interviewVenues,
  metForce,
  policeNowProgrammes,
  units as unitList,
} from '@muster/domain';
import type { Db } from './client.ts';
import { checkTypes, closeReasons, forces, places, programmes, scorecardCriteriaSets, units, venues } from './schema/index.ts';

/** Writes the reference data from the domain brief. Idempotent: existing rows are left as they are. */
export function seedReferenceData(db: Db): void {
  db.transaction((tx) => {
    for (const u of unitList) {
      tx.insert(units).values({ code: u.code, name: u.name }).onConflictDoNothing().run();
      for (const p of u.places) tx.insert(places).values({ unitCode: u.code, name: p }).onConflictDoNothing().run();
    }
    for (const f of homeOfficeForces)
      tx.insert(forces)
        .values({ name: f, isMet: f === metForce })
        .onConflictDoNothing()
        .run();
    for (const c of checkTypeList)
      tx.insert(checkTypes).values({ code: c.code, name: c.name, unitCode: c.unit }).onConflictDoNothing().run();
    if (!tx.select({ id: venues.id }).from(venues).limit(1).get())
      for (const v of interviewVenues) tx.insert(venues).values({ name: v.name, address: v.address, unitCode: v.unit }).run();
    if (!tx.select({ id: scorecardCriteriaSets.id }).from(scorecardCriteriaSets).limit(1).get())
      tx.insert(scorecardCriteriaSets)
        .values({ criteria: [...defaultScorecardCriteria], createdAt: new Date().toISOString() })
        .run();
    for (const p of policeNowProgrammes) tx.insert(programmes).values(p).onConflictDoNothing().run();
    if (!tx.select({ id: closeReasons.id }).from(closeReasons).limit(1).get()) {
      for (const [kind, labels] of Object.entries(defaultCloseReasons) as ['rejected' | 'withdrawn', readonly string[]][]) {
        for (const label of labels) tx.insert(closeReasons).values({ kind, label }).run();
      }
    }
  });
}
